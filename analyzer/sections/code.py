"""Which lines are code: a program, a diff, a query or a shell session set out in the text.

Post-mortems and incident reports show the code they talk about. Its lines are not the
writer's prose: a heading is never found on them, and no score, claim or digest reads them
(``component.body_sentences``), so ``return None`` is never quoted as a gist and ``unsafe``
in a listing is never read as fear. Code is either fenced (between ```` ``` ```` or ``~~~``
lines) or an indented block, at least CODE_INDENT spaces deep after a blank line, whose
lines mostly carry the marks of code (``=``, ``;``, braces, a call ``name(``, a table's
``|``, a shell's ``$name`` or prompt). An indented block of prose, a quotation or a list
set in from the margin (prices and all: ``Travel: $4,500``), has few such lines and stays text.
A script pasted into a paragraph of its own, its indentation lost to a converter or a mail
client, is a line made mostly of statements (``def p = x.all(); p.each { … }``); prose that
names code (``HTTP::Server``, ``a \\r\\n``) has too few such marks for its words.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .layout import UNDERLINE, indent

_FENCE = re.compile(r"^ {0,3}(```|~~~)")
# Indented this far, a block is code or a quotation, not the text of a section.
CODE_INDENT = 4
# A shell's variable or prompt ("${name}", "$(cat f)", "$ make"), not a price ("$2,000"); what
# a shell prints of a file ("-rwxr-xr-x", "drwx------") and a path two folders deep
# ("/var/lib/app", "build/out/app.tar.gz"; not a date, "12/03/2024").
_CODE_MARK = re.compile(r"[=;{}|\\]|\w\(|@@|->|::|^\s*#!|\$[({A-Za-z_]|^\s*\$\s"
                        r"|(?<![\w-])[-dlcbps][r-][w-][xsS-][r-][w-][xsS-][r-][w-][xtT-](?![\w-])"
                        r"|(?<!\S)(?=\S*[A-Za-z])/?[\w.-]+/[\w.-]+/[\w.-]+")
# Of an indented block's lines, at least this share must look like code.
CODE_SHARE = 0.5
# The marks of a statement: an assignment or comparison, a statement's end, a block's brace,
# a call, an arrow, or a line comment; a line of prose has almost none.
_STATEMENT_MARK = re.compile(r"[=;{}]|\w\(|->|=>|^\s*//")
# A line with at least this many, and one for every STATEMENT_WORDS words, is code.
STATEMENT_MARKS = 3
STATEMENT_WORDS = 6


def is_fence(line: str) -> bool:
    """The line is a code fence (```` ``` ```` or ``~~~``), which opens or closes a fenced block."""
    return bool(_FENCE.match(line))


def code_lines(lines: Sequence[str]) -> frozenset[int]:
    """0-based lines of code: inside (and including) fences, or in an indented code block."""
    return frozenset(fenced_lines(lines) | _indented_code(lines) | _pasted_code(lines))


def fenced_lines(lines: Sequence[str]) -> set[int]:
    """0-based lines inside (and including) markdown code fences."""
    inside, fenced = False, set()
    for i, line in enumerate(lines):
        if is_fence(line):
            fenced.add(i)
            inside = not inside
        elif inside:
            fenced.add(i)
    return fenced



def _indented_code(lines: Sequence[str]) -> set[int]:
    """The lines of each indented block that reads as code."""
    found: set[int] = set()
    for block in _indented_blocks(lines):
        marked = sum(1 for i in block if _CODE_MARK.search(lines[i]))
        if marked >= CODE_SHARE * len(block):
            found.update(block)
    return found


def _pasted_code(lines: Sequence[str]) -> set[int]:
    """Lines set flush in the text that are statements, not prose (see the module docstring);
    a setext heading's underline of "=" is none."""
    return {i for i, line in enumerate(lines) if not UNDERLINE.match(line)
            and (marks := len(_STATEMENT_MARK.findall(line))) >= STATEMENT_MARKS
            and marks * STATEMENT_WORDS >= len(line.split())}


def _indented_blocks(lines: Sequence[str]) -> list[list[int]]:
    """Runs of indented lines that open after a blank line (or at the top), blank lines
    inside a run allowed; each run as its non-blank lines. A line indented right under a
    line of text continues that text instead."""
    blocks: list[list[int]] = []
    current: list[int] | None = None
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        if indent(line.expandtabs(CODE_INDENT)) >= CODE_INDENT:
            if current is not None:  # the run's last line was its previous non-blank one
                current.append(i)
                continue
            if i == 0 or not lines[i - 1].strip():
                current = [i]
                blocks.append(current)
                continue
        current = None
    return blocks
