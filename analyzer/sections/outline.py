"""Split a document's lines into sections: headings, hierarchy, and the metadata around them.

``find_sections`` is a pure function: lines (and, optionally, what the parse says about each
line) in, ``Outline`` out. The ``analyzer_sections`` component (``component.py``) asks the
parse about the lines and turns each section into a span of the doc.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from .addresses import address_lines
from .citations import cited_lines
from .code import code_lines
from .comments import comment_lines
from .focus import Focus, focus_of
from .headings import Grammar, Heading, find_headings
from .layout import UNDERLINE, ends_sentence
from .lookalikes import SIGNATURE_GAP, LookAlikes, shipped_lookalikes
from .metadata import (
    ChatTurn, HeaderBlock, Metadata, find_chat_turns, find_field_block, find_front_matter, find_header_blocks,
    MAX_DATE_TOKENS, find_thread_marks, front_matter_fields, parse_date,
)
from .notes import footnote_lines
from .pages import furniture_lines, image_credit_lines

MARKUP_CUES = {"atx", "setext", "numbered"}
_TITLE_DATE_BREAK = re.compile(r"\s[-–—|]\s+|\s\(")
# Emphasis, quotation marks or a list mark before a field's name: "**Author:**", "> From:".
_LEADING_MARKS = re.compile(r"^\W+")
# The line under a document's first line may date it when it is short (see _dated_subtitle).
SUBTITLE_LINES = 6
MAX_SUBTITLE_WORDS = 15
# Dates are stated near the top: before the second heading, and within this many lines.
FRONT_MATTER_LINES = 20
# A signature with no sign-off above it closes the text: at most this many lines of this
# many words, or a name after a dash ("— Dana Whitfield").
MAX_CLOSING_LINES = 2
MAX_CLOSING_WORDS = 6
MAX_NAME_WORDS = 4
_DASH_SIGNATURE = re.compile(r"^(?:—|–|--)\s*[A-Z]")
# A name signing for a group on one line: "Elena Petrakis, for the steering group".
_SIGNING_FOR = re.compile(r"^[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,3}, (?:for|on behalf of) \S")
MAX_SIGNING_FOR_WORDS = 12
# A credit near the top: "Posted by …", "Written by …", "By …", in the first lines.
_CREDIT = re.compile(r"^(?:(?i:posted|written|published|authored|prepared)\s+by|By)\s+(?:the\s+)?[A-Z]")
CREDIT_REACH = 6
# A line that says who issued the text and when: "Issued jointly by the boards, 2 June 2025."
_ISSUED = re.compile(r"^(?i:issued|published|posted|released|written|prepared|announced)\b")
MAX_CREDIT_WORDS = 25


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
    # The lines the writer in hand wrote: a chat turn, a reply, or every line (focus.py).
    focus: Focus
    title: str | None = None
    date: str | None = None
    metadata: Metadata = field(default_factory=Metadata)
    # A letter's salutation lines ("Hi all,", "To everyone who attended,"), a formula.
    salutations: frozenset[int] = frozenset()
    # A letter's sign-off lines ("Cheers,", "Thank you."); those among them that do not end a
    # sentence ("Cheers,", "Signed, -- The Council") are formulas, which say nothing, while
    # "Thank you." still thanks. And the lines of the signature under them ("Ana, Bo, Cy"),
    # names and titles, not a thought of the text.
    signoffs: frozenset[int] = frozenset()
    formulas: frozenset[int] = frozenset()
    signatures: frozenset[int] = frozenset()
    # Lines that are not prose, so no stage reads them: code set out in the text (``code.py``),
    # comments a page never shows (``comments.py``), a printed page's numbers and running heads
    # (``pages.py``), a letter's address blocks (``addresses.py``).
    set_apart: frozenset[int] = frozenset()
    # Footnotes below the body (``notes.py``): details and sources, never a gist.
    footnotes: frozenset[int] = frozenset()
    # Paragraphs that quote someone else and name them (``citations.py``): not the writer's.
    cited: frozenset[int] = frozenset()
    # The short line under the first line that dates the document ("From the People team,
    # 2 September 2024."): a byline, which says who and when, not what.
    byline: int | None = None
    # Lines near the top that credit the writer ("*Posted by Ana Lima, lead maintainer*").
    credits: frozenset[int] = frozenset()
    # Lines written as a metadata field ("Subject: …", "**Status:** Final"), and the block of
    # ``Key: value`` fields under the title whatever its keys: they describe the document.
    field_lines: frozenset[int] = frozenset()

    @property
    def courtesies(self) -> frozenset[int]:
        """The lines that greet, close and sign a letter, and a byline or a credit: they state
        nothing a reader weighs."""
        return (self.salutations | self.formulas | self.signatures | self.credits
                | ({self.byline} if self.byline else set()))


@dataclass(frozen=True)
class _Boundary:
    """Where an e-mail in a thread or a chat turn starts: a new untitled section."""

    line: int
    last_line: int
    cue: str
    turn: ChatTurn | None = None


def find_sections(lines: Sequence[str], *, grammar: Grammar | None = None,
                  lookalikes: LookAlikes | None = None) -> Outline:
    """Cut ``lines`` into sections that cover every line exactly once. ``lookalikes`` is the
    vocabulary of salutations, sign-offs and field names (the shipped one by default)."""
    lines = list(lines)
    lookalikes = lookalikes or shipped_lookalikes()
    fenced = find_front_matter(lines)
    headers = [b for b in find_header_blocks(lines) if not fenced or b.line > fenced.last_line]
    front = fenced or find_field_block(lines, headers, lookalikes.field)
    metadata = Metadata(headers, find_chat_turns(lines), find_thread_marks(lines), front=front,
                        fenced=fenced is not None)
    boundaries = _boundaries(metadata)
    set_apart = code_lines(lines) | comment_lines(lines) | furniture_lines(lines) | address_lines(lines) \
        | image_credit_lines(lines)
    # A footnote ("[1] Trademark application") is never a heading, however short.
    notes = footnote_lines(lines)
    # A turn's first line, a speaker's or a one-line message ("morning all"), is never a heading.
    turn_lines = {t.line - 1 for t in metadata.turns}
    skip = {n - 1 for b in boundaries for n in range(b.line, b.last_line + 1)} | set_apart | turn_lines \
        | {n - 1 for n in notes}
    fields = set(range(front.line - 1, front.last_line)) if front else set()
    headings = find_headings(lines, grammar=grammar, skip=skip, fields=fields, speakers=turn_lines,
                             lookalikes=lookalikes)
    # The short line that dates the document under its title ("**Effective 1 January 2025**")
    # is its dateline, not the title of a section, unless marked as a heading ("## …").
    dateline = _dated_subtitle(lines)
    if dateline is not None:
        headings = [h for h in headings if h.line != dateline[0] or h.cue == "atx"]
    markers = sorted([*headings, *boundaries], key=lambda m: m.line)
    sections = _build(markers, len(lines))
    front_end = min([h.line for h in headings[1:2]] + [FRONT_MATTER_LINES + 1])
    metadata.fields = front_matter_fields(lines, front_end, metadata.headers, lookalikes.field, front)
    signoffs = frozenset(n for n, line in enumerate(lines, start=1) if lookalikes.signoff.match(line.strip()))
    # A salutation opens a paragraph; "moved to the new rota. Thank you!" is a wrapped line.
    salutations = frozenset(n for n, line in enumerate(lines, start=1)
                            if (n == 1 or not lines[n - 2].strip())
                            and lookalikes.greets(line.strip(), paragraph=n == len(lines) or not lines[n].strip()))
    focus = focus_of(metadata, lines, lookalikes.footer, signoffs, lookalikes.assistant)
    title = metadata.title() or _top_title(sections)
    date = metadata.date() or _title_date(title)
    byline = None if date else dateline
    if byline is not None:
        byline, date = byline
    return Outline(sections, focus, title=title, date=date, metadata=metadata, byline=byline,
                   salutations=salutations, signoffs=signoffs,
                   formulas=frozenset(n for n in signoffs if not ends_sentence(lines[n - 1])),
                   signatures=_signature_lines(lines, signoffs) | _closing_signature(lines),
                   credits=_credit_lines(lines),
                   set_apart=frozenset(i + 1 for i in set_apart), footnotes=notes,
                   cited=cited_lines(lines), field_lines=_field_lines(lines, lookalikes.field, front))


def _field_lines(lines: Sequence[str], known: re.Pattern[str], front: HeaderBlock | None) -> frozenset[int]:
    """1-based lines that open with a field name the look-alikes lexicon lists, past any
    emphasis or quotation mark ("**Author:** Dana", "> From: Sam"), and the field block's."""
    named = {n for n, line in enumerate(lines, start=1) if known.match(_LEADING_MARKS.sub("", line))}
    block = set(range(front.line, front.last_line + 1)) if front else set()
    return frozenset(named | block)


def _signature_lines(lines: Sequence[str], signoffs: frozenset[int]) -> frozenset[int]:
    """1-based lines of the signature below each sign-off: the lines that follow it, past up
    to SIGNATURE_GAP blank lines, while none ends a sentence ("Dana Whitfield", "Head of
    Platform")."""
    found = set()
    for n in signoffs:
        below = n + 1
        while below <= len(lines) and below - n <= SIGNATURE_GAP + 1 and not lines[below - 1].strip():
            below += 1
        while below <= len(lines) and lines[below - 1].strip() and not ends_sentence(lines[below - 1]):
            found.add(below)
            below += 1
    return frozenset(found)


def _credit_lines(lines: Sequence[str]) -> frozenset[int]:
    """1-based lines near the top that say who wrote the text ("*Posted by Ana Lima, lead
    maintainer, for the core team*", "By Dana Whitfield"), with no final stop ("By March we
    will move" is a sentence): who, not what."""
    found = []
    for n, line in enumerate(lines[:CREDIT_REACH], start=1):
        text = line.strip().strip("*_").strip()
        if _CREDIT.match(text) and len(text.split()) <= MAX_CREDIT_WORDS and not ends_sentence(text):
            found.append(n)
    return frozenset(found)


def _closing_signature(lines: Sequence[str]) -> frozenset[int]:
    """1-based lines of a signature that ends the text with no sign-off above it: a name
    after a dash ("— Dana Whitfield, Head of Platform"), a name signing for a group on one
    line ("Elena Petrakis, for the steering group"), or a name of capitalised words, and a role
    under it, below a last paragraph that ends a sentence ("Dmitri" over "for the security
    team"). "Thanks to everyone" is no name: it still thanks."""
    filled = [n for n, line in enumerate(lines, start=1) if line.strip()]
    # The last lines with no blank between them, up to MAX_CLOSING_LINES and one more: a block
    # that runs longer is the end of a paragraph, not a signature.
    size = 1
    while size <= MAX_CLOSING_LINES and size < len(filled) and filled[-size - 1] == filled[-size] - 1:
        size += 1
    if size > MAX_CLOSING_LINES or size >= len(filled):
        return frozenset()
    block, above = filled[-size:], filled[-size - 1]
    texts = [lines[n - 1].strip() for n in block]
    if _DASH_SIGNATURE.match(texts[0]) and not ends_sentence(texts[-1]):
        return frozenset(block)
    if (size == 1 and _SIGNING_FOR.match(texts[0]) and len(texts[0].split()) <= MAX_SIGNING_FOR_WORDS
            and not ends_sentence(texts[0]) and ends_sentence(lines[above - 1].strip())):
        return frozenset(block)
    name = texts[0].split()
    named = len(name) <= MAX_NAME_WORDS and all(w[0].isupper() for w in name) and ends_sentence(lines[above - 1].strip())
    if named and all(len(t.split()) <= MAX_CLOSING_WORDS and not ends_sentence(t) and ":" not in t for t in texts):
        return frozenset(block)
    return frozenset()


def _boundaries(metadata: Metadata) -> list[_Boundary]:
    blocks = [_Boundary(b.line, b.last_line, "memo" if b.memo else "email") for b in metadata.headers]
    if metadata.fenced and metadata.front:
        # YAML front matter describes the page, and the text under it starts after it.
        blocks.append(_Boundary(metadata.front.line, metadata.front.last_line, "front-matter"))
    # A turn's speaker line is metadata; a one-line message is its own body.
    turns = [_Boundary(t.line, t.line - t.inline, "chat-turn", t) for t in metadata.turns]
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


def _title_date(title: str | None) -> str | None:
    """The date a title ends with, after a dash, a bar or in brackets: "Weekly sync - 2025-04-08",
    "Board update (March 3, 2025)"; notes that carry no Date: field are dated so."""
    pieces = _TITLE_DATE_BREAK.split(title or "")
    return parse_date(pieces[-1].rstrip(") ")) if len(pieces) > 1 else None


def _dated_subtitle(lines: Sequence[str]) -> tuple[int, str] | None:
    """The short line under a document's first line that dates it, as (1-based line, date):
    "Meeting of 9 October 2024, Room 3B", "From the People team, 2 September 2024.", or the
    next line of the same block ("Brightwater Foundation" over "Published 2025-07-08"). A
    line that credits the text ("Issued jointly by the boards of …, 2 June 2025.") may run
    longer."""
    filled = [n for n, line in enumerate(lines[:SUBTITLE_LINES], start=1)
              if line.strip() and not UNDERLINE.match(line)]
    under = filled[1:2] + [n for n in filled[2:3] if n == filled[1] + 1]
    for line in under:
        words = [w.strip(",.;:()*_") for w in lines[line - 1].split()]
        longest = MAX_CREDIT_WORDS if _ISSUED.match(lines[line - 1].strip().strip("*_")) else MAX_SUBTITLE_WORDS
        if len(words) > longest:
            continue
        for start in range(len(words)):
            for n in range(MAX_DATE_TOKENS, 1, -1):
                if found := parse_date(" ".join(words[start:start + n])):
                    return line, found
    return None


def _top_title(sections: Sequence[Section]) -> str | None:
    titled = [s for s in sections if s.title is not None]
    if not titled:
        return None
    top = min(s.level for s in titled)
    return next(s.title for s in titled if s.level == top)
