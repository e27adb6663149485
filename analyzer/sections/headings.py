"""Which lines are headings, and why.

Real memos rarely use markdown, so most headings are told from look-alikes by layout and
grammar together. Detection runs in three steps, each returning its result:

1. ``line_features``: each line's own shape, computed once (markup, length, final
   punctuation, what the parse says about it);
2. ``document_layout``: what the whole text's layout says (which numbered lines are a list
   and which stand over sections, which lines announce a list, table rows, signatures, and
   the shapes that recur as siblings);
3. the rules in ``heading_rules``, tried in order on each line with the headings already
   found above it; the first that takes a line names the ``cue`` recorded on its section.
"""

from __future__ import annotations

from collections.abc import Sequence

from .features import CLAUSE, HEADLINE, INTERJECTION, PHRASE, Grammar, line_features
from .document_layout import document_layout, read_page
from .lookalikes import LookAlikes, shipped_lookalikes
from .rules import RULES, Context, Heading

__all__ = ["CLAUSE", "HEADLINE", "INTERJECTION", "PHRASE", "Grammar", "Heading", "find_headings"]

def _phrase_only(line: int) -> str:
    return PHRASE


def find_headings(lines: Sequence[str], *, grammar: Grammar | None = None, skip: set[int] | None = None,
                  fields: set[int] | None = None, speakers: set[int] | None = None,
                  lookalikes: LookAlikes | None = None) -> list[Heading]:
    """Headings in document order. ``skip`` holds 0-based lines that can never be headings
    (metadata, code); ``fields`` the 0-based lines of the header fields under a title;
    ``speakers`` those of a chat's speaker lines, which are in ``skip`` too."""
    never = (skip or set()) | (fields or set())
    page = read_page(line_features(lines, grammar or _phrase_only, never, lookalikes or shipped_lookalikes()))
    context = Context(page, document_layout(page), frozenset(fields or ()), frozenset(speakers or ()))
    i = 0
    while i < len(page):
        heading = None if page[i].blank or page[i].skip else _first_verdict(i, context)
        if heading:
            context = context.with_heading(heading)
            i = heading.last_line
        else:
            i += 1
    return list(context.taken)


def _first_verdict(i: int, context: Context) -> Heading | None:
    return next((h for rule in RULES if (h := rule(i, context))), None)
