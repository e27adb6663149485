"""One sentence as the claims stage reads it, computed once and read by every later step.

Cutting it into clauses, reading each clause and settling the unmarked ones all look at the
same facts: its words (without a sentence label or markup tags), the cues found on its
tokens, the brackets and quotation marks around each word, and the section it sits in.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..extensions import line_index
from .claim import Clause
from .cues import Cue, CueFinder, Hit
from .modality import Label, sentence_label

# Where the content of a frame ("I think X", "it feels like X") hangs.
CONTENT_DEPS = ("ccomp", "xcomp")
_OPENERS = {"(", "["}
_OPENING_QUOTES = {"“", "``"}
_EITHER_QUOTES = {'"'}
_QUOTES = _OPENING_QUOTES | _EITHER_QUOTES | {"”", "''"}
# A stance word found on a token: (its tokens, its words, its family).
StanceCue = tuple[tuple[int, ...], str, str]
Markup = tuple[Cue, int, int]


@dataclass(frozen=True)
class Sentence:
    """A body sentence with everything the claims stage knows about it."""

    sent: Span
    hits: Mapping[int, list[Hit]]
    stance_words: Mapping[int, list[StanceCue]]
    # Text the writer wrapped in a tag (``<speculation>…</speculation>``) within this sentence.
    markup: tuple[Markup, ...]
    label: Label | None
    label_cue: Cue | None
    # The sentence's tokens without spaces, its label and the tags themselves.
    words: tuple[Token, ...]
    # How many brackets enclose each token; the tokens inside quotation marks.
    depth: Mapping[int, int]
    quoted: frozenset[int]
    section: int | None
    heading_cue: tuple[str, Cue] | None

    @property
    def doc(self) -> Doc:
        return self.sent.doc

    def is_frame(self, token: Token) -> bool:
        return any(h.cue.form == "frame" for h in self.hits.get(token.i, ()))

    def is_attribution(self, token: Token) -> bool:
        return any(h.cue.label == "attribution" for h in self.hits.get(token.i, ()))

    def asides(self, clause: Clause) -> set[int]:
        """Words that are not the clause's own voice: a bracketed aside deeper than its verb,
        or a quotation (someone else's words, whose hedges and judgements are theirs)."""
        return self.asides_below(self.depth.get(clause.head.i, 0))

    def asides_below(self, level: int) -> set[int]:
        return {i for i, d in self.depth.items() if d > level} | self.quoted

    def reported_content(self, clause: Clause) -> set[int]:
        """Words someone else is reported to have said: their hedges are not the writer's."""
        if not self.is_attribution(clause.head):
            return set()
        return {t.i for c in clause.head.children if c.dep_ in CONTENT_DEPS for t in c.subtree}


def read_sentence(sent: Span, hits: Mapping[int, list[Hit]], stance_words: Mapping[int, list[StanceCue]],
                  markup: list[Markup], cues: CueFinder, section: int | None,
                  heading_cue: tuple[str, Cue] | None) -> Sentence:
    label = sentence_label(sent)
    mine = tuple((cue, start, end) for cue, start, end in markup if start < sent.end_char and end > sent.start_char)
    skip = (label.tokens if label else frozenset()) | _tag_tokens(sent, mine)
    depth, quoted = _enclosures(sent)
    return Sentence(
        sent=sent, hits=hits, stance_words=stance_words, markup=mine, label=label,
        label_cue=cues.labels.get(label.text) if label else None,
        words=tuple(t for t in sent if not (t.is_space or t.i in skip)),
        depth=depth, quoted=frozenset(quoted), section=section, heading_cue=heading_cue,
    )


def _tag_tokens(sent: Span, markup: tuple[Markup, ...]) -> set[int]:
    """The tokens of the tags themselves ("<speculation>"), which belong to no claim."""
    if not markup:
        return set()
    text = line_index(sent.doc).text
    tags = []
    for _, start, end in markup:
        tags.append((start, text.index(">", start) + 1))
        tags.append((text.rindex("<", start, end), end))
    return {t.i for t in sent if any(s <= t.idx < e for s, e in tags)}


def _enclosures(sent: Span) -> tuple[dict[int, int], set[int]]:
    """How many brackets enclose each token, and which tokens stand inside quotation marks
    (curly, straight or doubled backquotes)."""
    depth, depths = 0, {}
    quoting, quoted = False, set()
    for token in sent:
        text = token.text
        if text in _OPENERS:
            depth += 1
        depths[token.i] = depth
        if text in (")", "]") and depth:
            depth -= 1
        if text in _QUOTES:
            quoting = text in _OPENING_QUOTES or (text in _EITHER_QUOTES and not quoting)
        elif quoting:
            quoted.add(token.i)
    return depths, quoted
