"""Which lines quote someone else by name: an epigraph, a motto, a saying set out with its source.

A paragraph that ends with a dash and a name ("Welcome changing requirements, even late in
development. — Agile Manifesto") cites its source's words, not the writer's: the digest
quotes the writer, so neither its main point nor a gist is taken from it. The last paragraph
of a text is left alone, since a short note signed with a dash ("Thanks, all. — Sam") is the
writer's own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# The end of a sentence, a dash, and up to six words of a source's name, each capitalised
# or a figure ("— Agile Manifesto", "-- Grace Hopper, 1982").
_SIGNED = re.compile(r"[.!?\"”’]\s*(?:—|–|--?)\s*[A-Z][\w.'’]*(?:,?\s+[A-Z\d][\w.'’]*){0,5}\s*$")


def cited_lines(lines: Sequence[str]) -> frozenset[int]:
    """1-based lines of each paragraph, but the last, that ends by naming its source."""
    paragraphs = _paragraphs(lines)
    return frozenset(n + 1 for block in paragraphs[:-1] if _SIGNED.search(lines[block[-1]]) for n in block)


def _paragraphs(lines: Sequence[str]) -> list[list[int]]:
    """0-based lines of each run of non-blank lines."""
    found: list[list[int]] = []
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        if found and found[-1][-1] == i - 1:
            found[-1].append(i)
        else:
            found.append([i])
    return found
