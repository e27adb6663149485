"""Which lines are page furniture: the page numbers and running heads of a printed page.

A memo saved from a PDF or a word processor keeps what each printed page carried: "Page 1
of 2", "- 3 -", and the running head or foot repeated on every page ("ACME CORPORATION
CONFIDENTIAL"). None of it is the writer's text: a running head repeated after each page
break would otherwise be taken for a heading and cut the memo into sections, and a page
number would count as a figure. A repeated line is furniture only beside a page number (or
at the very top or bottom of the text), so a heading a memo uses twice ("Next steps") stays
a heading.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

_PAGE_NUMBER = re.compile(r"^\s*(?:page\s+\d+(?:\s+(?:of|/)\s+\d+)?|[-–—]\s*\d+\s*[-–—]|\d+\s*/\s*\d+)\s*$",
                          re.IGNORECASE)
# How near a page number (in lines with words) a running head or foot stands.
NEAR = 2


def furniture_lines(lines: Sequence[str]) -> frozenset[int]:
    """0-based lines of page numbers, and of running heads and feet beside them."""
    numbers = [i for i, line in enumerate(lines) if _PAGE_NUMBER.match(line)]
    if not numbers:
        return frozenset()
    worded = [i for i, line in enumerate(lines) if line.strip()]
    rank = {i: k for k, i in enumerate(worded)}
    edges = {rank[i] for i in numbers} | {0, len(worded) - 1}
    repeated: dict[str, list[int]] = defaultdict(list)
    for i in worded:
        repeated[" ".join(lines[i].split())].append(i)
    running = [i for occurrences in repeated.values() if len(occurrences) >= 2
               and all(any(abs(rank[i] - edge) <= NEAR for edge in edges) for i in occurrences)
               for i in occurrences]
    return frozenset([*numbers, *running])
