"""Which lines are footnotes: the notes a text keeps below its body for a detail or a source.

A footnote is a paragraph that opens with its mark: ``[2] Exact dates are unknown…`` or
``[^2]: …``. It holds a detail, a caveat or a link, not what the text says, so the digest
does not quote it as a gist. A paragraph is taken for a note when the body above uses its
mark inside a line ("…reported in 2024[2]"), or, since a copied page often loses the marks
in its body, when it is one of numbered marks that run [1], [2], … from one paragraph to
the next, the one paragraph marked [1], or one of the paragraphs that end the text each
opened by a name in brackets ("[rota] Unlike…"). A bracketed number on lines one under another
("[1] Check the backups") numbers the items of a list instead.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from ..text.footnotes import NOTE_START

MIN_NOTES = 2
# A note named by a word rather than a number ("[rota] Unlike most teams we know…",
# "[^headcount]: Counted in May…"), as a page keeps it once its marks are gone.
_NAMED_NOTE = re.compile(r"^\s*\[\^?[\w-]{1,40}\]:?\s+\S")


def footnote_lines(lines: Sequence[str]) -> frozenset[int]:
    """1-based lines of footnotes: each from its marked line to the next blank line."""
    openings = {i: m for i, line in enumerate(lines)
                if (m := NOTE_START.match(line)) and (i == 0 or not lines[i - 1].strip())}
    numbered = _numbered_run([(i, m.group(2)) for i, m in openings.items()]) | _lone_note(lines, openings)
    notes = [i for i, m in openings.items() if i in numbered or _used_above(lines, i, m.group(1))]
    notes += sorted(_named_notes_at_the_end(lines) - set(notes))
    found: set[int] = set()
    for i in notes:
        while i < len(lines) and lines[i].strip():
            found.add(i + 1)
            i += 1
    return frozenset(found)


def _named_notes_at_the_end(lines: Sequence[str]) -> set[int]:
    """The last paragraphs of the text, MIN_NOTES or more, when each opens with a name in
    brackets: notes whose marks the body lost, as a converted page keeps them."""
    starts = [i for i, line in enumerate(lines) if line.strip() and (i == 0 or not lines[i - 1].strip())]
    run = list(itertools.takewhile(lambda i: _NAMED_NOTE.match(lines[i]) is not None, reversed(starts)))
    return set(run) if len(run) >= MIN_NOTES and len(run) < len(starts) else set()


def _numbered_run(marks: Sequence[tuple[int, str]]) -> set[int]:
    """The paragraphs with numbered marks, when those count 1, 2, 3… in order and there are
    MIN_NOTES of them or more."""
    numbers = [(i, mark) for i, mark in marks if mark.isdigit()]
    if len(numbers) >= MIN_NOTES and all(mark == str(n + 1) for n, (_, mark) in enumerate(numbers)):
        return {i for i, _ in numbers}
    return set()


def _lone_note(lines: Sequence[str], openings: dict[int, re.Match]) -> set[int]:
    """The paragraph marked [1] when it is the only marked one and no line under it in its
    paragraph opens with a mark of its own (which would make it a list)."""
    if len(openings) != 1:
        return set()
    (i, mark), = openings.items()
    paragraph = itertools.takewhile(lambda line: line.strip(), lines[i + 1:])
    return {i} if mark.group(2) == "1" and not any(NOTE_START.match(line) for line in paragraph) else set()


def _used_above(lines: Sequence[str], i: int, mark: str) -> bool:
    """Whether a line above ``i`` uses ``[mark]`` after its first word."""
    pattern = re.compile(r"\S.*\[" + re.escape(mark) + r"\]")
    return any(pattern.search(lines[k].lstrip()) for k in range(i))
