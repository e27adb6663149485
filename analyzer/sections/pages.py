"""Which lines are page furniture: the page numbers and running heads of a printed page, and
the credit line an image leaves behind.

A memo saved from a PDF or a word processor keeps what each printed page carried: "Page 1
of 2", "- 3 -", and the running head or foot repeated on every page ("ACME CORPORATION
CONFIDENTIAL"). None of it is the writer's text: a running head repeated after each page
break would otherwise be taken for a heading and cut the memo into sections, and a page
number would count as a figure. A repeated line is furniture only beside a page number (or
at the very top or bottom of the text), so a heading a memo uses twice ("Next steps") stays
a heading. A web page's image leaves its credit or caption when the page is copied as text
("Artwork by Dana Lee", "Photo: Sam Ortiz"): a line that says who made a picture the text no
longer has, set apart so it is neither a heading nor a sentence.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

_PAGE_NUMBER = re.compile(r"^\s*(?:page\s+\d+(?:\s+(?:of|/)\s+\d+)?|[-–—]\s*\d+\s*[-–—]|\d+\s*/\s*\d+)\s*$",
                          re.IGNORECASE)
_IMAGE_CREDIT = re.compile(
    r"^\s*[*_]*(?:(?:cover|header|featured?|top)\s+)?(?:photo(?:graph)?|image|picture|artwork|illustration|drawing"
    r"|graphic|painting|art)s?\s*(?:by|courtesy\s+of|credits?\s*:|:)\s+\S", re.IGNORECASE)
# A credit is short: "Photo by Dana Lee on Unsplash".
MAX_IMAGE_CREDIT_WORDS = 12
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


def image_credit_lines(lines: Sequence[str]) -> frozenset[int]:
    """0-based lines that credit an image on a line of their own ("Artwork by Dana Lee"),
    short and with no sentence after the name."""
    return frozenset(i for i, line in enumerate(lines) if credits_an_image(line)
                     and (i == 0 or not lines[i - 1].strip()) and (i + 1 == len(lines) or not lines[i + 1].strip()))


def credits_an_image(line: str) -> bool:
    """Whether the line is shaped as an image's credit: "Photo by …", "Artwork by …", short."""
    return bool(_IMAGE_CREDIT.match(line)) and len(line.split()) <= MAX_IMAGE_CREDIT_WORDS
