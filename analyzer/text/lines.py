"""Map character offsets to the 1-based line numbers a reader sees in an editor, and cite
runs of those lines the way a reader does ("lines 4–6, 9")."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence

# A blank line, perhaps holding spaces or tabs: the end of a paragraph.
PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


class LineIndex:
    """Line starts of a text, built once per document so each lookup is a bisection.

    A final newline ends the last line rather than opening an empty one, as in an editor
    and in ``wc -l``.
    """

    __slots__ = ("end", "starts", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0]
        pos = text.find("\n")
        while pos != -1:
            self.starts.append(pos + 1)
            pos = text.find("\n", pos + 1)
        self.end = len(text)
        if len(self.starts) > 1 and self.starts[-1] == len(text):
            self.starts.pop()
            self.end -= 1

    def __len__(self) -> int:
        return len(self.starts)

    def line_of(self, char: int) -> int:
        """The 1-based line holding character offset ``char``."""
        return bisect_right(self.starts, char)

    def start_of(self, line: int) -> int:
        """Offset of the first character of 1-based ``line``."""
        return self.starts[line - 1]

    def end_of(self, line: int) -> int:
        """Offset just past the last character of 1-based ``line`` (its newline excluded)."""
        return self.starts[line] - 1 if line < len(self.starts) else self.end

    def line(self, line: int) -> str:
        """The text of 1-based ``line``, without its newline."""
        return self.text[self.start_of(line) : self.end_of(line)]

    def lines(self) -> list[str]:
        return [self.line(n) for n in range(1, len(self.starts) + 1)]


def line_runs(numbers: Iterable[int]) -> list[tuple[int, int]]:
    """Ascending line numbers as runs of first and last: 4, 5, 6, 9 as (4, 6), (9, 9)."""
    runs: list[tuple[int, int]] = []
    for n in numbers:
        if runs and n == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], n)
        else:
            runs.append((n, n))
    return runs


def lines_text(runs: Sequence[tuple[int, int]]) -> str:
    """Runs of lines as a reader writes them: "lines 4–6, 9"."""
    spans = [f"{a}–{b}" if b > a else f"{a}" for a, b in runs]
    many = len(runs) > 1 or runs[0][1] > runs[0][0]
    return f"line{'s' if many else ''} {', '.join(spans)}"
