"""Long documents through the model in pieces, so memory stays flat however long they are.

While the English model tags, parses and finds entities in a doc, its tok2vec and NER hold
about 20 KB per word: 3 GB for the longest document the CLI accepts. A text of more than
``LONG_TEXT`` characters is therefore tokenised and laid out whole (our line-break stage reads
every line), cut into pieces of at most ``PIECE_TEXT`` characters, each piece run through
the model on its own, and the pieces joined again into one doc that our later stages read
whole. The model's memory then depends on the piece, not on the document.

A cut falls where a paragraph starts (a blank line before it), else where a line starts a
sentence; the parser never links words across a sentence start, so the parse is the same on
both sides. What may differ is the tagging and the entities of the few words on either side
of a cut, which the model reads without the context across it. Texts up to ``LONG_TEXT``
characters (every memo of a few thousand words) go through ``nlp.pipe`` whole, as before.
"""

from __future__ import annotations

import itertools
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

import numpy
from spacy.attrs import IS_SPACE, NORM, ORTH, SENT_START, SPACY
from spacy.language import Language
from spacy.tokens import Doc

from .extensions import token_starts

LONG_TEXT = 60_000
PIECE_TEXT = 30_000

Context = TypeVar("Context")
Stage = tuple[str, Callable[[Doc], Doc]]


def analysed(nlp: Language, items: Iterable[tuple[str, Context]], batch_size: int,
             disable: Iterable[str] = ()) -> Iterator[tuple[Doc, Context]]:
    """(doc, context) for each (text, context), in order: runs of ordinary texts through
    ``nlp.pipe``, each long text through ``parse_in_pieces``."""
    disable = list(disable)
    for long, run in itertools.groupby(items, key=lambda item: len(item[0]) > LONG_TEXT):
        if long:
            yield from ((parse_in_pieces(nlp, text, disable), context) for text, context in run)
        else:
            yield from nlp.pipe(run, as_tuples=True, batch_size=batch_size, disable=disable)


def parse_in_pieces(nlp: Language, text: str, disable: Iterable[str] = ()) -> Doc:
    """``nlp(text)``, with the model's own components run one piece of the doc at a time."""
    before, model, after = _stages(nlp, disable)
    doc = nlp.make_doc(text)
    for _, proc in before:
        doc = proc(doc)
    pieces = []
    laid_out = doc.to_array([ORTH, SPACY, NORM, SENT_START])
    for start, end in cuts(doc, PIECE_TEXT):
        piece = _piece(doc, laid_out[start:end])
        for _, proc in model:
            piece = proc(piece)
        piece.tensor = numpy.empty((0,), dtype="float32")  # no later stage reads it
        pieces.append(piece)
    doc = Doc.from_docs(pieces, ensure_whitespace=False, exclude=["tensor", "user_data"])
    for _, proc in after:
        doc = proc(doc)
    return doc


def _piece(doc: Doc, rows: numpy.ndarray) -> Doc:
    """A new doc of the tokens whose (ORTH, SPACY, NORM, SENT_START) are ``rows``: their text
    and spacing, the norms the tokenizer gave them ("n't" -> "not", which the model reads) and
    the sentence starts the stages before the model set. ``Span.as_doc`` would also look
    over the whole doc for other annotations, once per piece. A piece opens a sentence."""
    strings = doc.vocab.strings
    piece = Doc(doc.vocab, words=[strings[h] for h in rows[:, 0].tolist()], spaces=rows[:, 1].astype(bool).tolist())
    annotations = rows[:, 2:].copy()
    annotations[0, 1] = 1
    piece.from_array([NORM, SENT_START], annotations)
    return piece


def _stages(nlp: Language, disable: Iterable[str]) -> tuple[list[Stage], list[Stage], list[Stage]]:
    """The enabled components before the model's first one, the model's, and those after."""
    skipped = set(disable)
    pipeline = [(name, proc) for name, proc in nlp.pipeline if name not in skipped]
    ours = [nlp.get_pipe_meta(name).factory.startswith("analyzer_") for name, _ in pipeline]
    first = ours.index(False) if False in ours else len(pipeline)
    last = len(ours) - ours[::-1].index(False) if False in ours else first
    return pipeline[:first], pipeline[first:last], pipeline[last:]


def cuts(doc: Doc, size: int) -> list[tuple[int, int]]:
    """Token ranges that cover the doc, each of at most ``size`` characters where a cut can
    be found: at the last paragraph start that fits, else the last line that starts a
    sentence, else (a line longer than ``size``) where the size runs out."""
    starts = token_starts(doc)
    paragraphs, lines = (_CutPoints(points, starts) for points in _cut_points(doc))
    ranges: list[tuple[int, int]] = []
    start, length = 0, len(doc.text)
    while start < len(doc) and length - starts[start] > size:
        limit = starts[start] + size
        end = paragraphs.last(start, limit) or lines.last(start, limit) or max(bisect_left(starts, limit), start + 1)
        ranges.append((start, end))
        start = end
    if start < len(doc) or not ranges:
        ranges.append((start, len(doc)))
    return ranges


def _cut_points(doc: Doc) -> tuple[list[int], list[int]]:
    """The tokens after a blank line that start a sentence, and all that start a sentence at
    the start of a line."""
    values = doc.to_array([SENT_START, IS_SPACE])
    space = values[:, 1] == 1
    after_space = numpy.concatenate([[False], space[:-1]])
    lines = [i for i in numpy.flatnonzero((values[:, 0] == 1) & ~space & after_space).tolist()
             if "\n" in doc[i - 1].text]
    return [i for i in lines if doc[i - 1].text.count("\n") > 1], lines


class _CutPoints:
    """Tokens a doc may be cut before, with their character offsets, in order."""

    def __init__(self, points: list[int], starts: list[int]) -> None:
        self.points = points
        self.chars = [starts[p] for p in points]

    def last(self, start: int, limit: int) -> int | None:
        """The last point after token ``start`` that starts at or before character ``limit``."""
        first, end = bisect_right(self.points, start), bisect_right(self.chars, limit)
        return self.points[end - 1] if end > first else None
