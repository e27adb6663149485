"""Sentence boundaries from layout, set before the parser runs.

Memos put one thought per line: headings, list items and ``Note:`` lines rarely end with a
full stop, and the parser alone glues them to the next line. So a line break starts a
sentence unless the text is hard-wrapped prose, and inside a line a sentence may only start
after terminal punctuation. The parser respects boundaries set before it runs, and still
decides the ones we leave open.
"""

from __future__ import annotations

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions
from .layout import ends_sentence, is_wrapped_line, starts_block, wrap_width

_CLOSERS = frozenset("\"'’”)]")
# Values of a token's SENT_START: it starts a sentence, or it does not.
START, NOT_START = 1, -1
def continues(line: str, following: str, width: int | None) -> bool:
    """Whether ``following`` carries on the sentence that ``line`` left open."""
    if not line.strip() or not following.strip():
        return False
    if ends_sentence(line) or line.rstrip().endswith((":", ";")):
        return False
    if starts_block(following) or starts_block(line):
        return False
    head = following.lstrip()[0]
    if head.islower():
        return len(line.strip()) > 30 or width is not None
    return width is not None and is_wrapped_line(line, width)


def mark_line_breaks(doc: Doc) -> Doc:
    index = extensions.line_index(doc)
    lines = index.lines()
    width = wrap_width(lines)
    # opens[i] tells whether 1-based line i+1 leaves its sentence open for the next line.
    opens = [continues(lines[i], lines[i + 1], width) for i in range(len(lines) - 1)]
    # Set in one go: spaCy checks the whole doc for a parse each time one token's
    # is_sent_start is set, which made this quadratic in the length of the text.
    starts = doc.to_array(SENT_START).astype(numpy.int64)
    prev = None
    for token in doc:
        if token.is_space:
            if token.i > 0:
                starts[token.i] = NOT_START
            continue
        if prev is not None:
            prev_line = index.line_of(prev.idx + len(prev.text) - 1)
            line = index.line_of(token.idx)
            if line > prev_line:
                starts[token.i] = START if line - prev_line > 1 or not opens[prev_line - 1] else NOT_START
            elif not _ends_sentence(prev):
                starts[token.i] = NOT_START
        prev = token
    doc.from_array([SENT_START], starts.astype(numpy.uint64).reshape(-1, 1))
    return doc


def _ends_sentence(token) -> bool:
    text = token.text
    if text[-1] in _CLOSERS and token.i > 0:
        prev = token.doc[token.i - 1]
        return _ends_sentence(prev) if prev.text[-1] not in _CLOSERS else False
    return text[-1] in ".!?…"


@Language.factory(
    "analyzer_line_breaks",
    assigns=["token.is_sent_start"],
    default_config={},
)
def make_line_breaks(nlp: Language, name: str):
    """Preset sentence boundaries from line layout; add it before the parser."""
    extensions.register()
    return mark_line_breaks
