"""Split a document into sections: headings, hierarchy, and the metadata around them.

``find_sections`` is the pure function: lines (and, optionally, what the parse says about
each line) in, ``Outline`` out. The ``analyzer_sections`` component wraps it, asks the
parse about candidate lines, and turns each section into a span of the doc.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from . import extensions
from .headings import CLAUSE, HEADLINE, INTERJECTION, PHRASE, Grammar, Heading, find_headings
from .metadata import (
    ChatTurn, Metadata, find_chat_turns, find_field_block, find_header_blocks, front_matter_fields,
)

MARKUP_CUES = {"atx", "setext", "numbered"}
SUBJECTS = {"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"}
# Dates are stated near the top: before the second heading, and within this many lines.
FRONT_MATTER_LINES = 20
FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}


@dataclass(frozen=True)
class Section:
    """A heading (or a metadata boundary) and the lines under it, up to the next one.

    ``line`` is the heading's line (or the first line for the preamble); ``body_line`` is
    the first line after the heading or the metadata block. Lines are 1-based, inclusive.
    """

    id: int
    title: str | None
    level: int
    line: int
    end_line: int
    body_line: int
    parent: int | None
    cue: str | None
    turn: ChatTurn | None = None


@dataclass
class Outline:
    sections: list[Section]
    title: str | None = None
    date: str | None = None
    metadata: Metadata = field(default_factory=Metadata)


@dataclass(frozen=True)
class _Boundary:
    """Where an e-mail in a thread or a chat turn starts: a new untitled section."""

    line: int
    last_line: int
    cue: str
    turn: ChatTurn | None = None


def find_sections(lines: Sequence[str], *, grammar: Grammar | None = None) -> Outline:
    """Cut ``lines`` into sections that cover every line exactly once."""
    lines = list(lines)
    headers = find_header_blocks(lines)
    metadata = Metadata(headers, find_chat_turns(lines), front=find_field_block(lines, headers))
    boundaries = _boundaries(metadata)
    skip = {n - 1 for b in boundaries for n in range(b.line, b.last_line + 1)}
    front = metadata.front
    fields = set(range(front.line - 1, front.last_line)) if front else set()
    headings = find_headings(lines, grammar=grammar, skip=skip, fields=fields)
    markers = sorted([*headings, *boundaries], key=lambda m: m.line)
    sections = _build(markers, len(lines))
    front_end = min([h.line for h in headings[1:2]] + [FRONT_MATTER_LINES + 1])
    metadata.fields = front_matter_fields(lines, front_end, metadata.headers, front)
    return Outline(sections, title=metadata.title() or _top_title(sections),
                   date=metadata.date(), metadata=metadata)


def _boundaries(metadata: Metadata) -> list[_Boundary]:
    blocks = [_Boundary(b.line, b.last_line, "email") for b in metadata.headers]
    turns = [_Boundary(t.line, t.line, "chat-turn", t) for t in metadata.turns]
    return blocks + turns


def _build(markers: Sequence[Heading | _Boundary], line_count: int) -> list[Section]:
    sections: list[Section] = []
    if not markers or markers[0].line > 1:
        end = markers[0].line - 1 if markers else line_count
        sections.append(Section(1, None, 0, 1, end, 1, None, None))
    # Open headings, innermost last: (rank, section). A heading closes every open heading
    # of the same or a lower rank, and nests under the rest.
    open_headings: list[tuple[float, Section]] = []
    for k, marker in enumerate(markers):
        end = markers[k + 1].line - 1 if k + 1 < len(markers) else line_count
        sid = len(sections) + 1
        if isinstance(marker, _Boundary):
            open_headings.clear()
            sections.append(Section(sid, None, 0, marker.line, end, marker.last_line + 1, None,
                                    marker.cue, marker.turn))
            continue
        while open_headings and open_headings[-1][0] >= marker.rank:
            open_headings.pop()
        parent = open_headings[-1][1] if open_headings else None
        level = (parent.level if parent else 0) + 1
        if marker.cue in MARKUP_CUES:
            level = max(level, _markup_level(marker))
        section = Section(sid, marker.title, level, marker.line, end, marker.last_line + 1,
                          parent.id if parent else None, marker.cue)
        sections.append(section)
        open_headings.append((marker.rank, section))
    return sections


def _markup_level(heading: Heading) -> int:
    """The level the markup itself states: # count, setext underline, numbering depth
    (a numbered heading's rank is its depth plus a fraction)."""
    return int(heading.rank)


def _top_title(sections: Sequence[Section]) -> str | None:
    titled = [s for s in sections if s.title is not None]
    if not titled:
        return None
    top = min(s.level for s in titled)
    return next(s.title for s in titled if s.level == top)


# -- the spaCy side ------------------------------------------------------------------


def line_grammar(doc: Doc) -> Grammar:
    """What the parse says about each line: a clause, an interjection, or a phrase."""
    index = extensions.line_index(doc)
    by_line: dict[int, list[Token]] = {}
    for token in doc:
        if not token.is_space:
            by_line.setdefault(index.line_of(token.idx), []).append(token)

    def grammar(line: int) -> str:
        tokens = by_line.get(line, [])
        inside = {t.i for t in tokens}
        roots = [t for t in tokens if t.head.i == t.i or t.head.i not in inside]
        if roots and roots[0].pos_ == "INTJ":
            return INTERJECTION
        verdicts = {_root_verdict(t) for t in roots}
        return next((v for v in (CLAUSE, HEADLINE) if v in verdicts), PHRASE)

    return grammar


def _root_verdict(token: Token) -> str:
    """A finite verb at the root makes a statement ("We shipped it", "Here's how we plan").
    Titles are noun phrases, participles ("Handling escalations"), imperatives or
    wh-clauses, none of which has a finite root. Headline style drops the article before a
    bare subject ("JetBrains set up for failure", "Concern raised with HR"): a title may
    read so, a lead-in before a colon may not. A noun may carry a clause with no relative
    pronoun ("Outcome I'm hoping for"), and a title's first word may be a plural noun read
    as a verb."""
    auxiliaries = [c for c in token.children if c.dep_ in ("aux", "auxpass")]
    finite = token.tag_ in FINITE_TAGS or any(c.tag_ in FINITE_TAGS for c in auxiliaries)
    if not finite:
        return PHRASE
    subjects = [c for c in token.children if c.dep_ in SUBJECTS]
    if subjects and not auxiliaries and all(_bare_noun(s) for s in subjects):
        return HEADLINE
    if not subjects and token.i == token.left_edge.i and token.tag_ == "VBZ":
        return PHRASE  # "Wins worth highlighting": a plural noun the tagger read as a verb
    return PHRASE if _noun_with_contact_clause(token) else CLAUSE


def _bare_noun(token: Token) -> bool:
    return token.pos_ in ("NOUN", "PROPN") and not any(
        c.dep_ in ("det", "poss", "nummod") for c in token.children
    )


def _noun_with_contact_clause(root: Token) -> bool:
    """The line opens with a noun and a pronoun subject follows it: "Questions we still have"."""
    first = root.doc[root.left_edge.i]
    following = root.doc[first.i + 1] if first.i + 1 < len(root.doc) else None
    return (first.pos_ in ("NOUN", "PROPN") and following is not None
            and following.pos_ == "PRON" and following.dep_ in SUBJECTS)


def section_spans(doc: Doc, outline: Outline) -> list[Span]:
    """One span per section, from its first line to its last, labelled with its cue."""
    index = extensions.line_index(doc)
    starts = [t.idx for t in doc]
    spans = []
    for section in outline.sections:
        start = bisect_left(starts, index.start_of(section.line))
        end = bisect_left(starts, index.end_of(section.end_line) + 1)
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


def segment(doc: Doc) -> Doc:
    outline = find_sections(extensions.line_index(doc).lines(), grammar=line_grammar(doc))
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
