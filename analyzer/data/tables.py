"""One reader for every tab-separated table under lexicons/ and every table a user adds.

The convention, the same for all of them: one row per line, columns separated by tabs,
blank lines and lines starting with ``#`` skipped, no header row (a file documents its
columns in a comment at its top). Trailing optional columns may be left out. Each row
knows its ``source, line N``, so a problem anywhere is one ``LexiconError`` that names the
file and the line and says what would be valid.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..errors import LexiconError
from .files import DataText


@dataclass(frozen=True)
class Row:
    """One data line of a table: its cells by column name, and where it came from."""

    source: str
    line: int
    cells: dict[str, str]

    @property
    def where(self) -> str:
        return f"{self.source}, line {self.line}"

    def __getitem__(self, column: str) -> str:
        return self.cells[column]

    def error(self, problem: str) -> LexiconError:
        """An error about this row, for the caller to raise."""
        return LexiconError(f"{self.where}: {problem}")


def rows(table: DataText, columns: tuple[str, ...], required: int | None = None) -> Iterator[Row]:
    """The rows of ``table``; the first ``required`` columns (all by default) must be filled."""
    required = len(columns) if required is None else required
    layout = "<TAB>".join(c if i < required else f"[{c}]" for i, c in enumerate(columns))
    for number, raw in enumerate(table.text.splitlines(), start=1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in raw.split("\t")]
        while len(cells) > required and not cells[-1]:
            cells.pop()
        where = f"{table.source}, line {number}"
        if not required <= len(cells) <= len(columns):
            raise LexiconError(f"{where}: expected {layout}, found {len(cells)} "
                               f"column{'s' if len(cells) != 1 else ''}; separate the columns with tabs")
        empty = [columns[i] for i in range(required) if not cells[i]]
        if empty:
            raise LexiconError(f"{where}: the {empty[0]} column is empty; expected {layout}")
        yield Row(table.source, number, dict(zip(columns, cells + [""] * (len(columns) - len(cells)))))


def number(row: Row, column: str, low: float, high: float) -> float:
    """A numeric cell within [low, high], or an error naming the row and the valid range."""
    text = row[column]
    try:
        value = float(text)
    except ValueError:
        value = float("nan")
    if not low <= value <= high:
        raise row.error(f"bad {column} '{text}'; use a number from {low:g} to {high:g}")
    return value
