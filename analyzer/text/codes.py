"""Runs of digits that are codes, not amounts: phone numbers, IDs, release numbers.

The claims stage must not read their parts as figures, and redaction must find a phone
number however another stage grouped or cut its digits; both use this one pattern.
"""

from __future__ import annotations

import re

# Seven digits or more in one run, grouped by spaces, dots, dashes or brackets.
DIGIT_RUN = re.compile(r"\+?\d[\d ().-]{5,}\d")
CODE_DIGITS = 7


def code_spans(text: str) -> list[tuple[int, int]]:
    """Where ``text`` holds a run of digits long enough to be a code, not an amount."""
    return [m.span() for m in DIGIT_RUN.finditer(text) if sum(c.isdigit() for c in m.group()) >= CODE_DIGITS]
