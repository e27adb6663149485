"""How a footnote's mark is written, for every stage that must know one when it sees it.

A mark in running text is a number in brackets (``[2]``, ``[^2]``), a caret and a number
(``^2``) or superscript digits (``²``): the tokenizer splits it from the stop it is glued to,
the sentence splitter ends a sentence after it, and the claims stage does not count its
number as a figure. A note below the body opens with its label in brackets, which may be a
word as well as a number (``[a]``, ``[^note]: …``).
"""

from __future__ import annotations

import re

# The number inside a mark's brackets.
NUMBER = r"\^?\d{1,3}"
# A mark in running text, in any of its forms.
MARK = rf"\[{NUMBER}\]|\^\d{{1,3}}|[¹²³⁴⁵⁶⁷⁸⁹⁰]{{1,3}}"
# The opening of a note below the body: its label in brackets, a colon perhaps, then words.
NOTE_START = re.compile(r"^\s*\[(\^?(\w{1,4}))\]:?\s+\S")
_BRACKETED = re.compile(rf"\[{NUMBER}\]")


def is_bracketed_mark(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]``, a number, is the number of a mark in brackets."""
    return any(_BRACKETED.fullmatch(text, start - opening, end + 1) for opening in (1, 2))
