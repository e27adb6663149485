"""Facts about a single line of text that both sentence splitting and heading detection need."""

from __future__ import annotations

import re
from collections.abc import Sequence

# A hard-wrapped document has most of its long lines within this many characters of its width.
WRAP_SLACK = 15
_WRAP_MAX_WIDTH = 100
_WRAP_SHARE = 0.3
_UNWRAPPED_SHARE = 0.1
# A word this long is a link or a path, which a wrapping editor leaves whole on its line.
_LONGEST_WORD = 40
# A Markdown link, which wrapping editors keep whole on one line, as they do a long word.
_MARKDOWN_LINK = re.compile(r"\[[^\[\]]*\]\([^()\s]*\)")
# The rule under a table's header row: bars, dashes, colons, one bar at least ("|---|:--:|").
_TABLE_RULE = re.compile(r"(?=[^|]*\|)[|:\s-]*-{3,}[|:\s-]*")
_TERMINAL = re.compile(r"[.!?…]+[\"'’”)\]]*$")
# The marks that open a list item: Markdown's, a word processor's and a PDF's bullets, and
# the en dash of plain-text e-mail ("– Read the guide"); not the em dash, which names a
# quotation's source ("— Agile Manifesto").
_BULLETS = "-*+•◦‣▪●○■□◆◇–>"
_BULLET = re.compile(r"^\s*(?:[" + _BULLETS + r"]\s|\([a-z0-9]{1,3}\)\s|[a-z][.)]\s)")
# A setext heading's underline ("=====" or "-----" under its title).
UNDERLINE = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
# Anything that opens a new block: a bullet, an enumerator (also a sub-item's "1.1 The…"), a
# markdown heading, a table row.
_BLOCK_START = re.compile(r"^\s*(?:[" + _BULLETS + r"#|]|\d+[.)]\s|\d+(?:\.\d+)+\.?\s+(?=[A-Z])|[a-zA-Z][.)]\s"
                          r"|\(\w{1,3}\)\s)")


# Articles, "of", conjunctions, possessives and "including": no sentence or title ends on them.
_OPEN_END = re.compile(r"(?<![\w-])(?:the|a|an|of|and|or|but|nor|our|your|their|my|its|including|such as)$",
                       re.IGNORECASE)


def ends_sentence(line: str) -> bool:
    """The line ends with a full stop, question or exclamation mark (quotes and brackets allowed)."""
    return bool(_TERMINAL.search(line.rstrip()))


# The labels of interview notes and FAQs: "Q:" or "Question." before what is asked, "A:" or
# "Answer:" before the reply. They say who speaks, not what is said.
QUESTION_LABEL = re.compile(r"^\s*(?:Q|Question)\s*[:.](?:\s|$)", re.IGNORECASE)
ANSWER_LABEL = re.compile(r"^\s*(?:A|Answer)\s*[:.](?:\s|$)", re.IGNORECASE)
# A list item's marker at the start of a line: a bullet, "1." or "1)", "a.", "(a)".
LIST_MARKER = re.compile(r"^\s*(?:[" + _BULLETS + r"]|\d{1,2}[.)]|[a-zA-Z][.)]|\(\w{1,3}\))\s+")


_WORD = re.compile(r"\w[\w'’.-]*")


def words_of(text: str) -> list[str]:
    return _WORD.findall(text)


def is_bullet(line: str) -> bool:
    return bool(_BULLET.match(line))


def starts_block(line: str) -> bool:
    return bool(_BLOCK_START.match(line))


def is_blank(line: str) -> bool:
    """No letter or digit: empty lines, stray full stops and rules such as ``---`` separate blocks."""
    return not any(c.isalnum() for c in line)


def indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def wrap_width(lines: Sequence[str]) -> int | None:
    """The column the text was hard-wrapped at, or None when lines run free.

    Table rows and lines with a long link are left out: a wrapping editor cannot break them,
    so one wide table in wrapped prose must not make the prose look unwrapped."""
    lengths = [len(line) for line in lines if line.strip() and not _unbreakable(line)]
    within = [n for n in lengths if n <= _WRAP_MAX_WIDTH]
    # A few long lines (a paragraph pasted in whole) do not unwrap the rest.
    if len(within) < 3 or len(lengths) - len(within) > _UNWRAPPED_SHARE * len(lengths):
        return None
    width = max(within)
    near = sum(1 for n in within if n >= width - WRAP_SLACK)
    return width if near >= 3 and near / len(lengths) >= _WRAP_SHARE else None


def _unbreakable(line: str) -> bool:
    """A table row, or a line holding a word too long to wrap (a link, a path)."""
    return bool(table_cells(line)) or any(len(w) > _LONGEST_WORD for w in line.split())


def table_cells(text: str) -> int:
    """How many table cells the line holds when it is a ``a | b`` row, else 0. Asked of
    every sentence and line, nearly none of them a row: those without a bar are not split."""
    if "|" not in text:
        return 0
    cells = row_cells(text)
    return len(cells) if len(cells) >= 2 else 0


def header_row(text: str, end: int) -> bool:
    """Whether the row of a table that ends at ``end`` in ``text`` heads its columns: the line
    under it is the table's rule ("|---|---|"). A header row states nothing."""
    start = text.find("\n", end)
    if start < 0:
        return False
    stop = text.find("\n", start + 1)
    return bool(_TABLE_RULE.fullmatch(text[start + 1: stop if stop >= 0 else len(text)].strip()))


def row_cells(text: str) -> list[str]:
    """The cells of a ``| a | b |`` row, each stripped, the empty ones outside its rules left out."""
    return [c.strip() for c in text.strip().strip("|").split("|") if c.strip()]


def ends_open(line: str) -> bool:
    """The line ends on a word no sentence or title ends on ("the first Board of"), so the
    next line carries it on, even where that line opens with a capital ("Review Panel for
    the grants.") in text wrapped at no fixed width."""
    return bool(_OPEN_END.search(line.rstrip()))


def is_wrapped_line(line: str, width: int, following: str = "") -> bool:
    """In hard-wrapped text, a line broke because the next word did not fit: it reaches the
    margin, or the next line opens with a word or a Markdown link longer than the room left
    on it (a link the editor kept whole, after "Recently, Chrome Dev Tools"). A line that ends
    a sentence or announces with a colon ended there on purpose."""
    link = _MARKDOWN_LINK.match(following.lstrip())
    words = following.split()
    first = link.group(0) if link else words[0] if words else ""
    return len(line) >= width - WRAP_SLACK or (
        bool(first) and not ends_sentence(line) and not line.rstrip().endswith(":")
        and len(line.rstrip()) + 1 + len(first) > width)
