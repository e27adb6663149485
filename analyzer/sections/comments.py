"""Which lines are comments a reader of the page never sees: ``<!-- … -->`` in Markdown or HTML.

Writers leave notes to themselves in a Markdown source ("<!-- draft: do not publish before
legal review -->"); the published page does not show them, so they are neither the
document's point nor its prose. A line is a comment's when the comment covers all of its
words, on one line or across several.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_OPEN = "<!--"
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


def comment_lines(lines: Sequence[str]) -> frozenset[int]:
    """0-based lines with no words outside a comment and some inside one."""
    found: set[int] = set()
    inside = False
    for i, line in enumerate(lines):
        outside, commented, inside = _read(line, inside)
        if commented and not outside.strip():
            found.add(i)
    return frozenset(found)


def _read(line: str, inside: bool) -> tuple[str, bool, bool]:
    """For a line that starts ``inside`` a comment or not: its text outside comments, whether
    any of it is commented out, and whether a comment is still open at its end."""
    text = (_OPEN + line) if inside else line
    outside = _COMMENT.sub(" ", text)
    if _OPEN in outside:
        return outside[: outside.index(_OPEN)], True, True
    return outside, inside or _OPEN in text, False
