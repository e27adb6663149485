"""Sentence boundaries from layout, set before the parser runs.

Memos put one thought per line: headings, list items and ``Note:`` lines rarely end with a
full stop, and the parser alone glues them to the next line. So a line break starts a
sentence unless the text is hard-wrapped prose, and inside a line a sentence may only start
after terminal punctuation. The parser respects boundaries set before it runs, and still
decides the ones we leave open.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections.abc import Iterator

from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions
from ..text import footnotes
from ..text.lines import PARAGRAPH_BREAK
from ..text.markup import QUOTE_MARKS
from .layout import (
    LIST_MARKER, WRAP_SLACK, ends_open, ends_sentence, indent, is_wrapped_line, starts_block,
    wrap_width,
)
from .metadata import turn_prefix

_CLOSERS = frozenset("\"'’”)]")
# A footnote's mark after a sentence's stop ("doubled in March.[1] The", "rose by 12%.¹
# Nobody") belongs to the sentence before it, and a new sentence starts after the mark when
# a capital opens it: the parser, left to decide, ran on. The tokenizer may keep a mark
# glued to the stop ("12%.¹"), so the stop is read from the text before the token's end,
# this many characters back at most.
_FOOTNOTE_OPENS = re.compile(footnotes.MARK)
_FOOTNOTE_END = re.compile(rf"[.!?…][\"'’”)]?(?:{footnotes.MARK})$")
_FOOTNOTE_REACH = 10
# A capital letter and a stop ("Option B.", "with A, B or C.") is kept as one token, as an
# initial is ("John F. Kennedy"), and the parser then runs the next sentence on. An initial
# comes before a name; before a word that opens a sentence, the letter ended one.
_LETTER_STOP = re.compile(r"[A-Z]\.")
_SENTENCE_OPENERS = frozenset({"I", "We", "You", "It", "They", "This", "That", "These", "Those", "There", "The",
                               "A", "An", "Our", "My", "If", "But", "So", "And", "In", "For", "Please"})
# A short quotation within one paragraph is one stretch of someone else's words, kept in the
# sentence that quotes it ("One user wrote: “It is boring in the best way. I never touch
# it.”"), which the stops inside it would otherwise cut in two, each half with one quote mark.
_QUOTATION = re.compile(r"“[^“”]*?”|(?<![\w\"])\"[^\"]*?\"(?![\w\"])")
MAX_QUOTATION_WORDS = 40
# The narrowest margin at which hard-wrapped prose is told from short lines alike.
MIN_PROSE_WIDTH = 40
# A short line over one in lower case may be a title over a text typed in lower case; one
# that ends on an auxiliary or a preposition ("the old format has been" / "approved.") is a
# sentence the writer broke short.
_LEANS_ON = re.compile(r"(?<![\w-])(?:be|been|being|is|are|was|were|has|have|had|will|would|shall|should|can|could"
                       r"|may|might|must|to|with|for|from|by|than|that|which)$", re.IGNORECASE)
# A line of running words this long, most of them in lower case, is a sentence or a title in
# sentence case. Where it stops short of the margin with no stop, its writer broke it by sense
# when it ends on a comma, or inside a name ("We are glad to announce that Ana" / "Ruiz and Li
# Wei have joined"): a title over its text ends on a word in lower case, or its text opens with
# a word that opens sentences ("The").
MIN_SENTENCE_LINE_WORDS = 6
# SENT_START values, as spaCy stores them.
START, NOT_START = 1, -1


def continues(line: str, following: str, width: int | None) -> bool:
    """Whether ``following`` carries on the sentence that ``line`` left open. Two lines of
    the same quotation ("> …" over "> …") are read without their quote marks."""
    if not line.strip() or not following.strip():
        return False
    if (inside := _inside_quote(line, following)) is not None:
        return continues(*inside, width)
    if ends_sentence(line):
        return False
    if line.rstrip().endswith((":", ";")):
        # A colon ends a lead-in line; in hard-wrapped prose it may fall at the margin, and
        # the clause it opens carries on below in lower case ("two teams:" / "installation…").
        return width is not None and following.lstrip()[0].islower() and not starts_block(following) \
            and len(line) >= width - WRAP_SLACK
    if starts_block(following) or turn_prefix(following):
        # A list item, a heading's marks, a chat's next message; or a dash that the wrap
        # happened to put first on the line ("as the licence permits" / "- but cannot").
        return _wrapped_prose(width) and _dash_after_wrap(line, following, width)
    if ends_open(line):
        return True
    if starts_block(line):
        # Hard-wrapped text may carry an item on at the margin, with no hanging indent.
        return hangs_under(line, following) or (_wrapped_prose(width) and is_wrapped_line(line, width, following))
    head = following.lstrip()[0]
    if head.islower():
        return len(line.strip()) > 30 or width is not None or bool(_LEANS_ON.search(line.rstrip()))
    return width is not None and (is_wrapped_line(line, width, following)
                                  or (_wrapped_prose(width) and _broken_by_sense(line, following)))


def _broken_by_sense(line: str, following: str) -> bool:
    """Whether the line is running words broken short of the margin: MIN_SENTENCE_LINE_WORDS
    or more, most of them in lower case, that end on a comma or on the first part of a name
    the next line goes on with."""
    words = line.split()
    if len(words) < MIN_SENTENCE_LINE_WORDS or 2 * sum(w[0].islower() for w in words) <= len(words):
        return False
    head = following.split()[0]
    return words[-1].endswith(",") or (words[-1][0].isupper() and head[0].isupper() and head not in _SENTENCE_OPENERS)


def _wrapped_prose(width: int | None) -> bool:
    """Whether the text is wrapped at a margin prose reaches: a few short lines alike ("A
    list" over "- first item") have a width too, and no line of them runs on."""
    return width is not None and width >= MIN_PROSE_WIDTH


def _dash_after_wrap(line: str, following: str, width: int) -> bool:
    """Whether a line opening with "- " and a word in lower case is the rest of a prose line
    that reached the margin: a list item opens on its own words, after a line that ends."""
    rest = following.lstrip()
    return rest[:2] in ("- ", "– ") and rest[2:3].islower() and not starts_block(line) \
        and len(line) >= width - WRAP_SLACK


def _inside_quote(line: str, following: str) -> tuple[str, str] | None:
    """Two lines of the same quotation, as deep ("> …" over "> …"), without their marks."""
    outer, inner = QUOTE_MARKS.match(line), QUOTE_MARKS.match(following)
    if outer and inner and outer.group(0).count(">") == inner.group(0).count(">"):
        return line[outer.end():], following[inner.end():]
    return None


def hangs_under(item: str, following: str) -> bool:
    """Whether ``following`` is the wrapped text of the list item ``item``: indented past the
    item's own indent to about where its text starts, as a list item's second line is."""
    marker = LIST_MARKER.match(item)
    return marker is not None and indent(following) > indent(item) \
        and indent(following) >= len(marker.group(0)) - 1


def mark_line_breaks(doc: Doc) -> Doc:
    """Write every boundary the layout decides in one pass.

    Setting ``token.is_sent_start`` one token at a time makes spaCy check the whole doc for a
    parse on every call, which made this stage grow with the square of the length; the
    decisions are collected first and written with one ``from_array``.
    """
    starts = doc.to_array([SENT_START]).astype("int64")
    for i, value in layout_boundaries(doc):
        starts[i] = value
    doc.from_array([SENT_START], starts.astype("uint64"))
    return doc


def layout_boundaries(doc: Doc) -> Iterator[tuple[int, int]]:
    """(token, 1 or -1) for each token whose sentence start the layout decides: a line break
    starts a sentence unless the line before leaves it open; within a line only terminal
    punctuation may end one; whitespace never starts one."""
    index = extensions.line_index(doc)
    lines = index.lines()
    width = wrap_width(lines)
    # opens[i] tells whether 1-based line i+1 leaves its sentence open for the next line.
    opens = [continues(lines[i], lines[i + 1], width) for i in range(len(lines) - 1)]
    quotations = _quotations(index.text)
    items = _item_markers(lines)
    prev = None
    for token in doc:
        if token.is_space:
            if token.i > 0:
                yield token.i, NOT_START
            continue
        if prev is not None and _inside(quotations, token.idx):
            yield token.i, NOT_START
        elif prev is not None:
            prev_line = index.line_of(prev.idx + len(prev.text) - 1)
            line = index.line_of(token.idx)
            if line > prev_line:
                yield token.i, START if line - prev_line > 1 or not opens[prev_line - 1] else NOT_START
            elif _after_footnote(index.text, prev):
                yield token.i, START if token.text[:1].isupper() else NOT_START
            elif _FOOTNOTE_OPENS.match(index.text, token.idx) or _marks_an_item(index, items, prev):
                yield token.i, NOT_START
            elif _LETTER_STOP.fullmatch(prev.text) and token.text in _SENTENCE_OPENERS:
                yield token.i, START
            elif not _ends_sentence(prev) or _inside_a_name(prev):
                yield token.i, NOT_START
        prev = token


def _quotations(text: str) -> list[tuple[int, int]]:
    """Where each short quotation's words run, between its marks: a pair of quotation marks in
    one paragraph around at most MAX_QUOTATION_WORDS words."""
    found = []
    for m in _QUOTATION.finditer(text):
        inner = m.group()[1:-1]
        if not PARAGRAPH_BREAK.search(inner) and len(inner.split()) <= MAX_QUOTATION_WORDS:
            found.append((m.start() + 1, m.end() - 1))
    return found


def _inside(quotations: list[tuple[int, int]], char: int) -> bool:
    """Whether ``char`` falls within a quotation (in order, none overlapping), past its first mark."""
    i = bisect_right(quotations, (char, math.inf)) - 1
    return i >= 0 and quotations[i][0] < char < quotations[i][1]


def _after_footnote(text: str, token) -> bool:
    """Whether the token ends a sentence's stop and a footnote's mark after it (``text`` is
    the doc's text, read once: ``Doc.text`` joins every token again on each call)."""
    end = token.idx + len(token.text)
    return bool(_FOOTNOTE_END.search(text[max(end - _FOOTNOTE_REACH, 0):end]))


def _item_markers(lines: list[str]) -> list[int | None]:
    """Where each line's list marker ends, or None for a line that opens with none: read once
    per line, not once for each of its words."""
    return [marker.end() if (marker := LIST_MARKER.match(line)) else None for line in lines]


def _marks_an_item(index, items: list[int | None], token) -> bool:
    """Whether the token is (or ends) the marker that opens a list item's line ("1.", "b)",
    "(c)"): its stop ends no sentence, though the parser, seeing an imperative after it
    ("1. Approve two hires"), may start one there and leave the number on its own.
    ``items`` are ``_item_markers`` of the doc's lines."""
    line = index.line_of(token.idx)
    end = items[line - 1]
    return end is not None and token.idx + len(token.text) <= index.start_of(line) + end


def _inside_a_name(stop) -> bool:
    """Whether the stop joins the parts of a dotted name ("Acme.Net.Client", "System.IO"),
    with no space on either side of it: the tokenizer splits a stop between a small letter
    and a capital, as it would a missing space after a sentence, and the parser then ends
    the sentence inside the name."""
    return stop.text == "." and not stop.whitespace_ and stop.i > 0 and not stop.doc[stop.i - 1].whitespace_ \
        and stop.i + 1 < len(stop.doc) and stop.doc[stop.i + 1].is_alpha


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
