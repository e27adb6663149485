"""Split a document into sections at its headings.

``find_sections`` is the pure function: lines in, ``Outline`` out. The ``analyzer_sections``
component wraps it and turns each section into a span of the doc.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span

from . import extensions

_ATX = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(```|~~~)")


@dataclass(frozen=True)
class Heading:
    line: int
    title: str
    level: int
    cue: str


@dataclass(frozen=True)
class Section:
    """A heading and the lines under it, up to the next heading.

    ``line`` is the heading's line (or the first line for the preamble); ``body_line`` is
    the first line after the heading. Lines are 1-based and inclusive.
    """

    id: int
    title: str | None
    level: int
    line: int
    end_line: int
    body_line: int
    parent: int | None
    cue: str | None


@dataclass
class Outline:
    sections: list[Section]
    title: str | None = None
    date: str | None = None
    metadata: dict[str, str] = field(default_factory=dict)


def find_headings(lines: Sequence[str]) -> list[Heading]:
    headings = []
    in_fence = False
    for number, line in enumerate(lines, start=1):
        if _FENCE.match(line):
            in_fence = not in_fence
            continue
        match = None if in_fence else _ATX.match(line)
        if match:
            headings.append(Heading(number, match.group(2).strip(), len(match.group(1)), "atx"))
    return headings


def find_sections(lines: Sequence[str]) -> Outline:
    """Cut ``lines`` into sections that cover every line exactly once."""
    headings = find_headings(lines)
    sections: list[Section] = []
    if not headings or headings[0].line > 1:
        first_heading = headings[0].line if headings else len(lines) + 1
        sections.append(Section(1, None, 0, 1, first_heading - 1, 1, None, None))
    open_by_level: list[Section] = []
    for i, heading in enumerate(headings):
        end = headings[i + 1].line - 1 if i + 1 < len(headings) else len(lines)
        while open_by_level and open_by_level[-1].level >= heading.level:
            open_by_level.pop()
        parent = open_by_level[-1].id if open_by_level else None
        section = Section(
            len(sections) + 1, heading.title, heading.level, heading.line, end,
            heading.line + 1, parent, heading.cue,
        )
        sections.append(section)
        open_by_level.append(section)
    top = [h for h in headings if h.level == min(h.level for h in headings)]
    return Outline(sections, title=top[0].title if top else None)


def section_spans(doc: Doc, outline: Outline) -> list[Span]:
    """One span per section, from its first line to its last, labelled with its cue."""
    index = extensions.line_index(doc)
    starts = [t.idx for t in doc]
    spans = []
    for section in outline.sections:
        start = _token_at(starts, index.start_of(section.line))
        end = _token_at(starts, index.end_of(section.end_line) + 1)
        span = Span(doc, start, end, label=section.cue or "preamble")
        span._.analyzer_section = section
        spans.append(span)
    return spans


def body_sentences(doc: Doc) -> list[tuple[Span | None, list[Span]]]:
    """Each section span with the sentences of its body; heading lines are left out.

    A sentence belongs to the section holding its first line, so scores never count a
    heading as prose. Without the sections component, all sentences form one group whose
    section is None.
    """
    sents = [s for s in doc.sents if any(t.is_alpha or t.like_num for t in s)]
    if extensions.SECTIONS not in doc.spans:
        return [(None, sents)]
    index = extensions.line_index(doc)
    spans = list(doc.spans[extensions.SECTIONS])
    grouped: list[tuple[Span | None, list[Span]]] = [(span, []) for span in spans]
    ends = [span._.analyzer_section.end_line for span in spans]
    for sent in sents:
        line = index.line_of(sent.start_char)
        slot = bisect_left(ends, line)
        if slot < len(spans) and line >= spans[slot]._.analyzer_section.body_line:
            grouped[slot][1].append(sent)
    return grouped


def section_at(doc: Doc, char: int) -> Section | None:
    """The section holding character offset ``char``, for stages that cite a section."""
    if extensions.SECTIONS not in doc.spans:
        return None
    spans = doc.spans[extensions.SECTIONS]
    slot = bisect_right([span.start_char for span in spans], char) - 1
    return spans[slot]._.analyzer_section if slot >= 0 else None


def _token_at(starts: list[int], char: int) -> int:
    """Index of the first token starting at or after ``char``."""
    return bisect_left(starts, char)


def segment(doc: Doc) -> Doc:
    outline = find_sections(extensions.line_index(doc).lines())
    doc._.analyzer_outline = outline
    doc.spans[extensions.SECTIONS] = section_spans(doc, outline)
    return doc


@Language.factory(
    "analyzer_sections",
    assigns=["doc._.analyzer_outline", "doc.spans"],
    default_config={},
)
def make_sections(nlp: Language, name: str):
    """Find the document's headings and put one span per section in doc.spans."""
    extensions.register()
    return segment
