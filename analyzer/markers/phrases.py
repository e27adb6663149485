"""Fixed phrases found by hash lookups in a doc's arrays, kept as hashes rather than Docs.

spaCy's PhraseMatcher takes each phrase as a Doc. The marker lexicon expands to some twenty
thousand phrases (every form of every word), and making a Doc for each, with a vocabulary
entry for each new form, was most of the second the pipeline took to build. ``PhraseIndex``
keeps a phrase as the hashes of its words and finds what a PhraseMatcher on the same
attribute finds: every run of tokens whose values equal a phrase's words.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from spacy.tokens import Doc
from spacy.vocab import Vocab


class PhraseIndex:
    """Phrases by the hashes of their words under one token attribute (LEMMA, LOWER...)."""

    def __init__(self, vocab: Vocab, attr: int) -> None:
        self.strings = vocab.strings
        self.attr = attr
        self.keys: dict[tuple[int, ...], list[int]] = {}
        # Each first word, with the lengths of the phrases it opens: only there can one start.
        self.lengths: dict[int, set[int]] = {}

    def add(self, key: str, phrases: Iterable[Sequence[str]]) -> None:
        """Add ``phrases`` (each the words as the attribute holds them) under ``key``."""
        match_id = self.strings.add(key)
        for words in phrases:
            if not words:
                continue  # as a PhraseMatcher ignores an empty phrase
            hashes = tuple(self.strings.add(word) for word in words)
            ids = self.keys.setdefault(hashes, [])
            if match_id not in ids:
                ids.append(match_id)
            self.lengths.setdefault(hashes[0], set()).add(len(hashes))

    def __len__(self) -> int:
        return len(self.keys)

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        """(match id, start, end) of every phrase found, like ``PhraseMatcher(doc)``.

        A phrase can start only at a token whose hash opens one: looked up in ``lengths``, a
        dict, token by token. ``numpy.isin`` against the thousands of opening words sorted
        them anew for every doc, eight times the time of the lookups."""
        tokens = doc.to_array([self.attr]).tolist()
        found = []
        for i, first in enumerate(tokens):
            for length in self.lengths.get(first, ()):
                if i + length <= len(tokens):
                    found.extend((match_id, i, i + length)
                                 for match_id in self.keys.get(tuple(tokens[i : i + length]), ()))
        return found
