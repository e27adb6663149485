"""What each line of a document looks like, computed once for every heading decision.

A heading is told from its look-alikes by its own shape (markup, length, final
punctuation, what the parse says about it) and by its neighbours. This module records the
first part, one ``LineFeatures`` per line, so the document-level layout pass and the rules
read the same facts and never re-derive them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property

from .layout import UNDERLINE, ends_sentence, indent, is_blank, is_bullet, table_cells, words_of
from .lookalikes import LookAlikes, key_value
from .metadata import dateline

# What the parse says about a 1-based line. A "headline" has a finite verb whose subject
# is a bare noun with no auxiliary ("JetBrains set up for failure"): a title may drop its
# article that way, while a lead-in sentence before a colon may not.
Grammar = Callable[[int], str]
CLAUSE, HEADLINE, INTERJECTION, PHRASE = "clause", "headline", "interjection", "phrase"

MAX_TITLE_CHARS = 90
_GLOSS = re.compile(r"\s+\([^()]*\)$")

_ATX = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$")
_BOLD = re.compile(r"^ {0,3}(\*\*|__)(?P<title>[^*_\s].*?)\1[ \t]*:?[ \t]*$")
_NUMBERED = re.compile(
    r"^ {0,3}(?P<num>\d{1,2}(?:\.\d{1,2})+\.?|\d{1,2}[a-z]?[.)]|[IVXLC]{1,6}\.|[A-Z][.)])"
    r"[ \t]+(?P<title>\S.*)$"
)
_ROMAN = re.compile(r"^[IVXLC]+\.$")
_LETTER = re.compile(r"^[A-Z][.)]$")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_LABEL = re.compile(r"^(?P<title>[A-Z][^:]{0,48}):$")
# "(horizontal team)" or "[10:32]" opening a line; "[text](address)" is a Markdown link, not a label.
_BRACKET = re.compile(r"^[(\[](?P<label>[^()\[\]]{2,60})[)\]](?!\()(?:\s*[-–—:]?\s*(?P<tail>\S.*))?$")
_WH_START = re.compile(r"^(what|how|why|where|when|who|whom|whose|which)\b", re.I)
# A full stop, question or exclamation mark after a word of two letters or more, then a
# capital: two sentences on one line. "U.S. Digital" and "J. Smith" are initials.
_INNER_STOP = re.compile(r"(?:\w{2}|\d)[.!?]\s+[A-Z]")


@dataclass(frozen=True)
class Numbering:
    """A line's enumerator: ``2.1``, ``IV.``, ``3a.``, ``1)`` or ``B.``.

    ``parts`` are the numbers it counts with ("3a." is (3, 1)); a capital letter counts
    one level below whatever numbered heading stands above it, so its depth is relative.
    """

    label: str
    title: str
    parts: tuple[int, ...]
    relative: bool

    @property
    def depth(self) -> int:
        return len(self.parts)

    def follows(self, other: Numbering) -> bool:
        """The next number after ``other`` at the same level (3.2 after 3.1, 4 after 3)."""
        return (self.depth == other.depth and self.parts[:-1] == other.parts[:-1]
                and self.parts[-1] == other.parts[-1] + 1)


@dataclass(frozen=True)
class LineFeatures:
    """One line's own shape. ``index`` is 0-based; ``grammar`` is the parse's verdict."""

    index: int
    raw: str
    text: str
    blank: bool
    skip: bool
    indent: int
    words: int
    grammar: str
    atx: tuple[int, str] | None
    underline: str | None
    bold: str | None
    numbering: Numbering | None
    label: str | None
    bracket: tuple[str, str] | None
    caps: bool
    bullet: bool
    cells: int
    field: bool
    salutation: bool
    signoff: bool

    @cached_property
    def dated(self) -> bool:
        """A dateline, or a field that gives a date ("Incident date: 18 October 2024"); asked
        only of title candidates, as trying every date format is slow."""
        if dateline(self.text):
            return True
        _, colon, value = self.text.partition(":")
        return bool(colon) and key_value(self.text) and dateline(value.strip())

    @property
    def ends_sentence(self) -> bool:
        return ends_sentence(self.text)

    @property
    def two_sentences(self) -> bool:
        return two_sentences(self.text)


def line_features(lines: Sequence[str], grammar: Grammar, skip: set[int], lookalikes: LookAlikes) -> list[LineFeatures]:
    return [_features(i, line, grammar, i in skip, lookalikes) for i, line in enumerate(lines)]


def _features(i: int, raw: str, grammar: Grammar, skip: bool, lookalikes: LookAlikes) -> LineFeatures:
    text = raw.strip()
    blank = is_blank(raw)
    atx = _ATX.match(raw)
    bold = _BOLD.match(raw)
    label = _LABEL.match(text)
    bracket = _BRACKET.match(text)
    underline = UNDERLINE.match(raw)
    # A capitalised title may end in a gloss in brackets: "TIMELINE (all times UTC)".
    letters = [c for c in _GLOSS.sub("", text) if c.isalpha()]
    return LineFeatures(
        index=i, raw=raw, text=text, blank=blank, skip=skip, indent=indent(raw),
        words=len(words_of(text)),
        grammar=PHRASE if blank or skip else grammar(i + 1),
        atx=(len(atx.group(1)), atx.group(2)) if atx else None,
        underline=underline.group(1)[0] if underline else None,
        bold=bold.group("title").strip() if bold else None,
        numbering=numbering_of(raw),
        label=label.group("title") if label else None,
        bracket=(bracket.group("label").strip(), (bracket.group("tail") or "").strip()) if bracket else None,
        caps=len(letters) >= 3 and not any(c.islower() for c in letters),
        bullet=is_bullet(text),
        cells=table_cells(text),
        field=bool(lookalikes.field.match(text)),
        salutation=lookalikes.greets(text),
        signoff=bool(lookalikes.signoff.match(text)),
    )


def numbering_of(line: str) -> Numbering | None:
    m = _NUMBERED.match(line)
    if not m:
        return None
    label, title = m.group("num"), m.group("title").strip()
    if _ROMAN.match(label):
        return Numbering(label, title, (_roman_value(label[:-1]),), False)
    if _LETTER.match(label):
        return Numbering(label, title, (ord(label[0]) - ord("A") + 1,), True)
    parts: list[int] = []
    for piece in label.rstrip(".)").split("."):
        digits = piece.rstrip("abcdefghijklmnopqrstuvwxyz")
        parts.append(int(digits))
        if digits != piece:
            parts.append(ord(piece[-1]) - ord("a") + 1)
    return Numbering(label, title, tuple(parts), False)


def _roman_value(numeral: str) -> int:
    values = [_ROMAN_VALUES[c] for c in numeral]
    return sum(-v if nxt > v else v for v, nxt in zip(values, values[1:] + [0]))


def title_shaped(text: str, *, max_words: int) -> bool:
    """Short, and not ended like a sentence or a clause that runs on."""
    if len(text) > MAX_TITLE_CHARS or not 1 <= len(words_of(text)) <= max_words:
        return False
    return not two_sentences(text) and not ends_sentence(text) and not text.endswith((",", ";"))


def wh_start(text: str) -> bool:
    """A wh-clause ("What went wrong", "Who is covered") is a common title, though the
    parse reads it as a clause."""
    return bool(_WH_START.match(text.strip()))


def two_sentences(text: str) -> bool:
    return bool(_INNER_STOP.search(text))
