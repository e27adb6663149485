"""Which lines are headings, and why.

Real memos rarely use markdown, so most headings are told from look-alikes by layout and
grammar together. Layout: blank lines around the line, its length, its markup, whether it
sits in a list or a run of similar short lines, whether body text follows. Grammar, when a
parse is available: a line whose root is a finite verb with a subject is a sentence, not a
title ("What I am hearing" is exempt: a wh-clause is a common title). The first rule that
takes a line names the ``cue`` recorded on its section, so every decision can be explained.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .layout import ends_sentence, indent, is_blank, is_bullet, is_wrapped_line, wrap_width
from .metadata import parse_date

# What the parse says about a 1-based line: "clause", "interjection" or "phrase".
Grammar = Callable[[int], str]
CLAUSE, INTERJECTION, PHRASE = "clause", "interjection", "phrase"

# Lower ranks sit higher in the hierarchy. Markup fixes a rank; plain cues rank CAPS above
# bold lines above labels and title lines above bracketed option labels.
RANK_CAPS = 1.0
RANK_BOLD = 2.5
RANK_TITLE = 3.0
RANK_BRACKET = 4.0
# A numbered heading sits just below a markup heading or CAPS title of the same depth.
NUMBERED_OFFSET = 0.5

MAX_TITLE_WORDS = 14
MAX_TITLE_CHARS = 90
MAX_LABEL_WORDS = 6
MAX_BRACKET_WORDS = 8
MAX_BRACKET_TAIL_WORDS = 12
MAX_QUESTION_WORDS = 10
# A line this long that ends with a colon announces a list even if the parse misses it.
PARAGRAPH_LINE = 60
# The next line reads as body text when it is a sentence, a list, or at least this long.
BODY_LINE = 50
# A block of unfinished lines reads as prose when its lines are this long on average.
BLOCK_PROSE = 40

_ATX = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(```|~~~)")
_BOLD = re.compile(r"^ {0,3}(\*\*|__)(?P<title>[^*_\s].*?)\1[ \t]*:?[ \t]*$")
_NUMBERED = re.compile(
    r"^ {0,3}(?P<num>\d{1,2}(?:\.\d{1,2})+\.?|\d{1,2}[.)]|[IVXLC]{1,6}\.|[A-Z][.)])[ \t]+(?P<title>\S.*)$"
)
_ROMAN = re.compile(r"^[IVXLC]+\.$")
_LETTER = re.compile(r"^[A-Z][.)]$")
_LABEL = re.compile(r"^(?P<title>[A-Z][^:]{0,48}):$")
_BRACKET = re.compile(r"^[(\[](?P<label>[^()\[\]]{2,60})[)\]](?:\s*[-–—:]?\s*(?P<tail>\S.*))?$")
# A full stop, question or exclamation mark followed by a capital: two sentences on one line.
_INNER_STOP = re.compile(r"\w[.!?]\s+[A-Z]")
_METADATA_FIELD = re.compile(
    r"^\s*(From|To|Cc|Bcc|Subject|Date|Sent|Created|Last Updated|Updated|Author)\s*:\s*\S", re.I
)
_WH_START = re.compile(r"^(what|how|why|where|when|who|whom|whose|which)\b", re.I)
_WORD = re.compile(r"\w[\w'’.-]*")


@dataclass(frozen=True)
class Heading:
    line: int
    last_line: int
    title: str
    cue: str
    rank: float


def _phrase_only(line: int) -> str:
    return PHRASE


class HeadingFinder:
    """Walks the lines once, in order, so each rule can see the decisions above it."""

    def __init__(self, lines: Sequence[str], grammar: Grammar | None, skip: set[int]) -> None:
        self.lines = list(lines)
        self.grammar = grammar or _phrase_only
        self.skip = skip  # 0-based lines that are metadata or code, never headings
        self.headings: list[Heading] = []
        self.heading_lines: set[int] = set()
        self.in_list = False
        self.numbered_depth = 0
        self.width = wrap_width(self.lines)
        # Multi-level numbering ("2.1 Key results") marks an outline, whose numbered lines
        # are headings even where they stand next to each other.
        self.outline = any(
            (m := _NUMBERED.match(line)) and "." in m.group("num").rstrip(".")
            and self._title_shaped(m.group("title").strip(), max_words=12)
            for line in self.lines
        )

    def find(self) -> list[Heading]:
        i = 0
        while i < len(self.lines):
            line = self.lines[i]
            if is_blank(line):
                self.in_list = False
            elif i not in self.skip:
                heading = self.classify(i)
                if heading:
                    self.headings.append(heading)
                    self.heading_lines.update(range(heading.line - 1, heading.last_line))
                    i = heading.last_line
                    continue
                self.in_list = self.in_list or self._introduces_list(i)
            i += 1
        return self.headings

    def classify(self, i: int) -> Heading | None:
        for rule in (self.atx, self.setext, self.bold, self.numbered, self.caps,
                     self.label, self.bracket, self.title_line):
            heading = rule(i)
            if heading:
                return heading
        return None

    # -- rules, strongest markup first ------------------------------------------------

    def atx(self, i: int) -> Heading | None:
        m = _ATX.match(self.lines[i])
        if not m:
            return None
        return Heading(i + 1, i + 1, _clean(m.group(2)), "atx", float(len(m.group(1))))

    def setext(self, i: int) -> Heading | None:
        if i + 1 >= len(self.lines) or not _SETEXT.match(self.lines[i + 1]):
            return None
        text = self.lines[i].strip()
        if is_bullet(text) or len(_words(text)) > 20 or not self._opens_block(i):
            return None
        rank = 1.0 if self.lines[i + 1].strip().startswith("=") else 2.0
        return Heading(i + 1, i + 2, _clean(text), "setext", rank)

    def bold(self, i: int) -> Heading | None:
        m = _BOLD.match(self.lines[i])
        if not m:
            return None
        title = m.group("title").strip()
        # Bold questions and labels are headings; a bold full sentence is emphasis.
        if title.endswith((".", "!")) or len(_words(title)) > MAX_TITLE_WORDS:
            return None
        return Heading(i + 1, i + 1, _clean(title), "bold", RANK_BOLD)

    def numbered(self, i: int) -> Heading | None:
        m = _NUMBERED.match(self.lines[i])
        if not m:
            return None
        number, title = m.group("num"), m.group("title").strip()
        question = title.endswith("?") and self._title_shaped(title[:-1], max_words=12)
        if not (question or self._title_shaped(title, max_words=12)) or not self._marked_block_start(i):
            return None
        if self._in_numbered_run(i, number) or (not question and self._reads_as_sentence(i, title)):
            return None
        depth = self._depth(number)
        return Heading(i + 1, i + 1, _clean(f"{number} {title}"), "numbered", depth + NUMBERED_OFFSET)

    def caps(self, i: int) -> Heading | None:
        text = self.lines[i].strip()
        letters = [c for c in text if c.isalpha()]
        if len(letters) < 3 or any(c.islower() for c in letters) or indent(self.lines[i]) > 3:
            return None
        if is_bullet(text) or ends_sentence(text) or len(_words(text)) > 12 or self._runs_on(i):
            return None
        if self._next_content(i) is None and not self._follows_heading(i, "caps"):
            return None
        return Heading(i + 1, i + 1, _clean(text), "caps", RANK_CAPS)

    def label(self, i: int) -> Heading | None:
        m = _LABEL.match(self.lines[i].strip())
        if not m or indent(self.lines[i]) > 3 or self.in_list or self._runs_on(i):
            return None
        if len(_words(m.group("title"))) > MAX_LABEL_WORDS or _METADATA_FIELD.match(self.lines[i]):
            return None
        if _INNER_STOP.search(m.group("title")):
            return None
        if not self._opens_block(i) or self._next_content(i) is None or self._under_heading(i):
            return None
        if self._reads_as_sentence(i, m.group("title")):
            return None
        return Heading(i + 1, i + 1, _clean(m.group("title")), "label", RANK_TITLE)

    def bracket(self, i: int) -> Heading | None:
        m = _BRACKET.match(self.lines[i].strip())
        if not m or indent(self.lines[i]) > 3:
            return None
        label, tail = m.group("label").strip(), (m.group("tail") or "").strip()
        # "(a)" enumerates, "(...)" elides and "[10:32]" stamps a time; a label names an
        # option or a slide in a few plain words.
        if sum(c.isalpha() for c in label) < 3:
            return None
        if len(_words(label)) > MAX_BRACKET_WORDS:
            return None
        if tail and (ends_sentence(tail) or len(_words(tail)) > MAX_BRACKET_TAIL_WORDS):
            return None
        if not self._marked_block_start(i) or not self._body_follows(i):
            return None
        return Heading(i + 1, i + 1, _clean(self.lines[i].strip()), "bracket", RANK_BRACKET)

    def title_line(self, i: int) -> Heading | None:
        text = self.lines[i].strip()
        if self.in_list or indent(self.lines[i]) > 3 or is_bullet(text) or "://" in text:
            return None
        if _NUMBERED.match(text):
            return None  # an enumerated line is a numbered heading or a list item, never a title
        if _METADATA_FIELD.match(text) or not _starts_like_title(text) or parse_date(text):
            return None
        if self._runs_on(i) or not self._opens_block(i) or self._starts_timed_run(i):
            return None
        if self._under_heading(i) and (text.endswith(":") or not self._prose_after(i)):
            return None  # a subtitle, or a label introducing the section's own content
        if text.endswith("?"):
            return self._question(i, text)
        if not self._title_shaped(text, max_words=MAX_TITLE_WORDS):
            return None
        # A long line ending with a colon announces what follows; only a short one names it.
        if text.endswith(":") and len(_words(text)) > MAX_LABEL_WORDS:
            return None
        if self._reads_as_sentence(i, text):
            return None
        # The first line of a document is its title when anything follows it; later
        # title lines must introduce body text.
        first_line = self._prev_content(i) is None
        if not (self._body_follows(i) or (first_line and self._next_content(i) is not None)):
            return None
        return Heading(i + 1, i + 1, _clean(text), "title-line", RANK_TITLE)

    def _question(self, i: int, text: str) -> Heading | None:
        """A short question is a heading when prose answers it on the very next line.
        Questions are clauses by nature, so the parse has no say here."""
        if len(_words(text)) > MAX_QUESTION_WORDS or _INNER_STOP.search(text):
            return None
        if i + 1 >= len(self.lines) or (i + 1) in self.skip:
            return None
        answer = self.lines[i + 1].strip()
        if not (ends_sentence(answer) or len(answer) >= BODY_LINE) or answer.endswith("?"):
            return None
        return Heading(i + 1, i + 1, _clean(text), "title-line", RANK_TITLE)

    # -- layout ----------------------------------------------------------------------

    def _title_shaped(self, text: str, *, max_words: int) -> bool:
        """Short, and not ended like a sentence or a clause that runs on."""
        if len(text) > MAX_TITLE_CHARS or not 1 <= len(_words(text)) <= max_words:
            return False
        if _INNER_STOP.search(text):
            return False
        return not ends_sentence(text) and not text.endswith((",", ";"))

    def _opens_block(self, i: int) -> bool:
        """Nothing runs into this line: it starts the text or follows a blank line, a
        heading or a metadata block. Text just above means the line belongs to a paragraph
        or a list."""
        return i == 0 or is_blank(self.lines[i - 1]) or (i - 1) in self.heading_lines or (i - 1) in self.skip

    def _under_heading(self, i: int) -> bool:
        return (i - 1) in self.heading_lines

    def _prose_after(self, i: int) -> bool:
        """The very next line is prose: a sentence, or a long line that is not a field."""
        following = self.lines[i + 1].strip() if i + 1 < len(self.lines) else ""
        return ends_sentence(following) or (len(following) >= BODY_LINE and not _shape(following)[1])

    def _starts_timed_run(self, i: int) -> bool:
        """Lines that open with a time, date or figure, one after another, are a timeline or
        a table, however long each line is."""
        following = self.lines[i + 1].strip() if i + 1 < len(self.lines) else ""
        return self.lines[i].strip()[:1].isdigit() and following[:1].isdigit()

    def _marked_block_start(self, i: int) -> bool:
        """A numbered or bracketed line carries its own marker, so it may also follow any
        finished sentence, short or long, without a blank line."""
        above = self.lines[i - 1].strip() if i else ""
        return self._opens_block(i) or ends_sentence(above) or above.endswith(":")

    def _runs_on(self, i: int) -> bool:
        """The sentence carries on to the next line: it starts in lower case, or the text is
        hard-wrapped and this line reaches the margin."""
        if self.width and is_wrapped_line(self.lines[i], self.width):
            return True
        following = self.lines[i + 1].lstrip() if i + 1 < len(self.lines) else ""
        return bool(following) and following[0].islower()

    def _reads_as_sentence(self, i: int, text: str) -> bool:
        """The parse finds a statement or an interjection; a wh-clause ("What went wrong",
        "Who is covered") is a common title and is let through."""
        return self.grammar(i + 1) != PHRASE and not _WH_START.match(text.strip())

    def _body_follows(self, i: int) -> bool:
        """Text follows: a sentence, a long line, a list, an option label, or a block of
        lines that are alike among themselves and unlike this one (a title over a timeline)."""
        j = self._next_content(i)
        if j is None or j in self.skip:
            return False
        text = self.lines[j].strip()
        if text.endswith(","):
            return False  # a greeting or a sign-off
        if ends_sentence(text) or len(text) >= BODY_LINE or is_bullet(text):
            return True
        if _NUMBERED.match(text) or _BRACKET.match(text):
            return True
        block = self._block_from(j)
        if len(block) < 2 or text.endswith(":"):
            return False
        if sum(len(self.lines[k].strip()) for k in block) / len(block) >= BLOCK_PROSE:
            return True
        if any(ends_sentence(self.lines[k]) for k in block):
            return True
        shapes = {_shape(self.lines[k]) for k in block}
        return len(shapes) == 1 and _shape(self.lines[i]) not in shapes

    def _block_from(self, j: int) -> list[int]:
        """The lines from ``j`` down to the next blank line or metadata line."""
        block = []
        while j < len(self.lines) and not is_blank(self.lines[j]) and j not in self.skip:
            block.append(j)
            j += 1
        return block

    def _next_content(self, i: int) -> int | None:
        for j in range(i + 1, len(self.lines)):
            if not is_blank(self.lines[j]):
                return j
        return None

    def _follows_heading(self, i: int, cue: str) -> bool:
        return bool(self.headings) and self.headings[-1].cue == cue and self.headings[-1].last_line >= i - 1

    def _introduces_list(self, i: int) -> bool:
        """A sentence ending with a colon announces the lines after it as list items."""
        text = self.lines[i].strip()
        return text.endswith(":") and (self.grammar(i + 1) == CLAUSE or len(text) >= PARAGRAPH_LINE)

    def _in_numbered_run(self, i: int, number: str) -> bool:
        """Short numbered lines of the same depth in a row are a list (an agenda, a table of
        contents), unless the document numbers its outline in levels. Numbered sentences
        nearby are items of the section above, not peers of a heading."""
        if self.outline and not _LETTER.match(number):
            return False
        depth = self._depth(number, peek=True)
        neighbours = [j for j in (i - 1, self._next_content(i)) if j is not None and j >= 0]
        for j in neighbours:
            m = _NUMBERED.match(self.lines[j])
            if m and j not in self.heading_lines and self._depth(m.group("num"), peek=True) == depth:
                if self._title_shaped(m.group("title").strip(), max_words=12):
                    return True
        return False

    def _prev_content(self, i: int) -> int | None:
        for j in range(i - 1, -1, -1):
            if not is_blank(self.lines[j]):
                return j
        return None

    def _depth(self, number: str, *, peek: bool = False) -> int:
        """Decimal numbers nest by their dots; Roman numerals are top level; letters nest
        one below the numbered heading before them."""
        if _ROMAN.match(number):
            depth = 1
        elif _LETTER.match(number):
            depth = self.numbered_depth + 1
        else:
            depth = len([part for part in number.rstrip(".)").split(".") if part])
        if not peek and not _LETTER.match(number):
            self.numbered_depth = depth
        return depth


def find_headings(lines: Sequence[str], *, grammar: Grammar | None = None,
                  skip: set[int] | None = None) -> list[Heading]:
    """Headings in document order. ``skip`` holds 0-based lines that can never be headings."""
    return HeadingFinder(lines, grammar, (skip or set()) | fenced_lines(lines)).find()


def fenced_lines(lines: Sequence[str]) -> set[int]:
    """0-based lines inside (and including) markdown code fences."""
    inside, fenced = False, set()
    for i, line in enumerate(lines):
        if _FENCE.match(line):
            fenced.add(i)
            inside = not inside
        elif inside:
            fenced.add(i)
    return fenced


def _starts_like_title(text: str) -> bool:
    """Titles start with a capital, a digit or an opening bracket or quote, not mid-sentence."""
    first = text[0]
    return first.isupper() or first.isdigit() or first in "(\"'“‘["


def _shape(line: str) -> tuple[str, bool]:
    """How a line starts (digit, letter, other) and whether it is a ``key: value`` field:
    enough to see a run of alike lines such as a timeline or a list of names."""
    text = line.strip()
    start = "digit" if text[:1].isdigit() else "letter" if text[:1].isalpha() else "other"
    return start, bool(re.match(r"^[^:]{1,30}:\s", text))


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def _clean(title: str) -> str:
    """The title as a reader would quote it: no emphasis markers, no trailing colon."""
    title = title.strip().strip("*_").strip()
    return title[:-1].rstrip() if title.endswith(":") else title
