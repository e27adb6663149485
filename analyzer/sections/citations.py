"""Which lines quote someone else by name: an epigraph, a motto, a saying set out with its source.

A paragraph that ends with a dash and a name ("Ship small and ship often, and let
the users tell you the rest. — A Team Handbook"), or whose last line only names a source after
a long dash, as a testimonial in a block quote is set out ("> -- Dana Reyes, Web Developer at
Pebblecrest"), cites its source's words, not the writer's: the digest quotes the writer, so
neither its main point nor a gist is taken from it. The last paragraph of a text is left
alone, since a short note signed with a dash ("Thanks, all. — Sam") is the writer's own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..text.lines import line_runs

# The end of a sentence, a dash, and up to six words of a source's name, each capitalised
# or a figure ("— Agile Manifesto", "-- Grace Hopper, 1982").
_SIGNED = re.compile(r"[.!?\"”’]\s*(?:—|–|--?)\s*[A-Z][\w.'’]*(?:,?\s+[A-Z\d][\w.'’]*){0,5}\s*$")
# A line of its own under the words it quotes that gives their source after a long dash, in
# a block quote or not: "> -- Dana Reyes, Web Developer at Pebblecrest (Acme)". A role may join
# its words with small ones ("at", "of"); a single hyphen opens a list item instead ("- Dana Reyes
# (Acme)"), and such a line alone in its paragraph is the writer's signature ("-- Sam").
_ATTRIBUTION = re.compile(r"^\s*(?:>\s*)*(?:—|–|--)\s*[A-Z][\w.'’-]*"
                          r"(?:,?\s+(?:[A-Z\d][\w.'’&-]*|at|of|for|the|and|in|&)){0,9}(?:\s*\([^()]*\))?\s*$")


def cited_lines(lines: Sequence[str]) -> frozenset[int]:
    """1-based lines of each paragraph, but the last, that ends by naming its source."""
    paragraphs = line_runs(i for i, line in enumerate(lines) if line.strip())
    return frozenset(n + 1 for first, last in paragraphs[:-1]
                     if _SIGNED.search(lines[last]) or (last > first and _ATTRIBUTION.match(lines[last]))
                     for n in range(first, last + 1))
