"""Which of the lexicon's matches stand where they overlap, the same for every stage that
reads them.

Matches of marker categories share no token: the longest wins, so "under pressure" counts
once and a technical sense ("disaster recovery", "major release") keeps its words out of
their feeling. A modifier (negator, intensifier, hedge) inside a longer marker belongs to
that marker ("not fair" is one unfairness marker), and a match across a sentence start is
none ("...I was stressed. Out of nowhere..." is not "stressed out"). The markers stage and
the claims' stance words both read the matches this leaves, so a word the lexicon reads in
a technical sense counts in neither.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence

from spacy.tokens import Doc

from .lexicon import Category
from .matcher import EntryMatcher, Match

# Where a doc keeps what stands of each matcher's matches: doc.user_data[(_STANDING, matcher)].
_STANDING = "analyzer.standing_matches"


def standing(doc: Doc, matcher: EntryMatcher, categories: Mapping[str, Category]) -> tuple[list[Match], list[Match]]:
    """The markers and the modifiers among ``matcher``'s matches in ``doc`` that stand, each
    in document order. ``categories`` are the lexicon's the matcher was built from, which
    give each match its role. Resolved once per doc and kept on it, as the matches are: the
    markers stage and the stance words read the same result."""
    key = (_STANDING, matcher)
    if key not in doc.user_data:
        doc.user_data[key] = _resolve(matcher(doc), categories)
    return doc.user_data[key]


def _resolve(matches: Iterable[Match], categories: Mapping[str, Category]) -> tuple[list[Match], list[Match]]:
    found = [m for m in matches if not any(t.is_sent_start for t in m.span[1:])]
    markers = _longest_first(m for m in found if categories[m.entry.category].role == "marker")
    holders = _Holders(markers)
    modifiers = _longest_first(
        (m for m in found if categories[m.entry.category].role != "marker" and not holders.hold(m)),
        same_span_ok=True,
    )
    return markers, modifiers


def _longest_first(matches: Iterable[Match], *, same_span_ok: bool = False) -> list[Match]:
    """Non-overlapping matches, preferring the longest, then the earliest, then the heaviest.

    With ``same_span_ok`` two matches of exactly the same tokens both stay: "never" is a
    negator and an absolutist word at once.
    """
    ranked = sorted(matches, key=lambda m: (-(m.span.end - m.span.start), m.span.start, -m.entry.weight))
    kept: list[Match] = []
    used: set[int] = set()
    spans: set[tuple[int, int]] = set()
    for m in ranked:
        tokens = range(m.span.start, m.span.end)
        if used.isdisjoint(tokens) or (same_span_ok and (m.span.start, m.span.end) in spans):
            kept.append(m)
            used.update(tokens)
            spans.add((m.span.start, m.span.end))
    return sorted(kept, key=lambda m: m.span.start)


class _Holders:
    """Whether a longer marker holds a modifier, as "not fair" holds "not".

    Markers share no token, so only the one holding the modifier's first token can hold it:
    a bisection finds it, where checking every marker for every modifier grew with the
    square of the length.
    """

    def __init__(self, markers: Sequence[Match]) -> None:
        self.markers = markers
        self.starts = [m.span.start for m in markers]

    def hold(self, modifier: Match) -> bool:
        start, end = modifier.span.start, modifier.span.end
        i = bisect_right(self.starts, start) - 1
        if i < 0:
            return False
        marker = self.markers[i].span
        return end <= marker.end and marker.end - marker.start > end - start
