"""Which lines are a letter's address blocks: the sender's and the recipient's, set out line by line.

A formal letter opens with who sends it and to whom: a name, a title, a street, a town with
its postcode. None of it is a heading (the sender's name is not the letter's title) or a
sentence of the letter. A block is a run of short lines with no blank between them, none of
which ends a sentence, and one of which reads as a postal line: a house number and a
street ("42 Elm Street"), or a town with a US ZIP or a UK postcode ("Springfield, IL 62704",
"Leeds LS1 4DY").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..text.lines import line_runs
from .layout import ends_sentence, words_of

_STREET = re.compile(
    r"^\s*\d+[A-Za-z]?\s+(?:[\w.'’-]+\s+){1,4}(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Dr|Boulevard|Blvd"
    r"|Way|Court|Ct|Place|Pl|Square|Sq|Terrace|Close|Crescent|Highway|Hwy|Parkway|Pkwy)\.?\s*(?:,.*)?$")
_POSTAL = re.compile(r",\s*[A-Z]{2}\s+\d{5}(?:-\d{4})?\s*$|\b[A-Z]{1,2}\d[A-Z\d]?\s+\d[A-Z]{2}\s*$")
# An address line is short: a name, a title, a street, a town.
MAX_ADDRESS_WORDS = 8


def address_lines(lines: Sequence[str]) -> frozenset[int]:
    """0-based lines of each block that holds a postal line: a run of two or more consecutive
    lines, each short and none ending a sentence."""
    short = (i for i, line in enumerate(lines)
             if line.strip() and len(words_of(line)) <= MAX_ADDRESS_WORDS and not ends_sentence(line.strip()))
    found: set[int] = set()
    for first, last in line_runs(short):
        block = range(first, last + 1)
        if last > first and any(_STREET.match(lines[i]) or _POSTAL.search(lines[i]) for i in block):
            found.update(block)
    return frozenset(found)
