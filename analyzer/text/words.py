"""What counts as a word, decided once so every count in a report agrees."""

from __future__ import annotations

from collections.abc import Iterable

import numpy
from spacy.attrs import ORTH
from spacy.tokens import Doc, Span, Token

# Where a doc keeps its running word count. Stages count the words of the document, of each
# section and of each sentence, several times over; one pass per doc serves them all.
_RUNNING_COUNT = ("analyzer", "words_before")


def is_word(token: Token) -> bool:
    """A token with a letter or digit, except clitics such as "n't" and "'s"."""
    return is_word_text(token.text)


def is_word_text(text: str) -> bool:
    if text[0] in "'’" or text.lower() in ("n't", "n’t"):
        return False
    return any(c.isalnum() for c in text)


def word_count(tokens: Doc | Span | Iterable[Token]) -> int:
    if isinstance(tokens, Doc):
        return _words_before(tokens)[-1]
    if isinstance(tokens, Span):
        before = _words_before(tokens.doc)
        return before[tokens.end] - before[tokens.start]
    return sum(1 for t in tokens if is_word(t))


def _words_before(doc: Doc) -> list[int]:
    """Entry i is the number of words among the doc's first i tokens. Whether a token is a
    word depends on its text alone, so each distinct text is asked once."""
    counts = doc.user_data.get(_RUNNING_COUNT)
    if counts is None or len(counts) != len(doc) + 1:
        texts, which = numpy.unique(doc.to_array([ORTH]), return_inverse=True)
        strings = doc.vocab.strings
        words = numpy.array([is_word_text(strings[h]) for h in texts.tolist()], dtype=bool)
        counts = [0, *numpy.cumsum(words[which.reshape(-1)]).tolist()]
        doc.user_data[_RUNNING_COUNT] = counts
    return counts
