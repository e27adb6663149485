"""Which of the lexicon's matches stand where they overlap, the same for every stage that
reads them.

Matches of marker categories share no token: the longest wins, so "under pressure" counts
once and a technical sense ("disaster recovery", "major release") keeps its words out of
their feeling. A technical row that names a thing and what it does ("request|requests *? *?
fail", "server|database be overload") also holds where the parse makes the thing the
subject of the verb however many words lie between: "all requests that include the old
extension will fail" and "the origin server for the site was being overloaded" tell of
machines, not people. A modifier (negator, intensifier, hedge) inside a longer marker belongs to
that marker ("not fair" is one unfairness marker), and a match across a sentence start is
none ("...I was stressed. Out of nowhere..." is not "stressed out"). The markers stage and
the claims' stance words both read the matches this leaves, so a word the lexicon reads in
a technical sense counts in neither.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache

from spacy.tokens import Doc, Token

from .lexicon import Category
from .matcher import EntryMatcher, Match

# Where a doc keeps what stands of each matcher's matches: doc.user_data[(_STANDING, matcher)].
_STANDING = "analyzer.standing_matches"
# The category of the lexicon's technical senses, and the verbs that may stand between a
# thing and what it does in one of its rows ("the origin stays overloaded").
TECHNICAL = "technical"
_LINKING = frozenset({"be", "stay", "remain", "get", "become"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})


def standing(doc: Doc, matcher: EntryMatcher, categories: Mapping[str, Category]) -> tuple[list[Match], list[Match]]:
    """The markers and the modifiers among ``matcher``'s matches in ``doc`` that stand, each
    in document order. ``categories`` are the lexicon's the matcher was built from, which
    give each match its role. Resolved once per doc and kept on it, as the matches are: the
    markers stage and the stance words read the same result."""
    key = (_STANDING, matcher)
    if key not in doc.user_data:
        doc.user_data[key] = _resolve(matcher(doc), categories, technical_things(matcher))
    return doc.user_data[key]


@lru_cache(maxsize=8)
def technical_things(matcher: EntryMatcher) -> dict[str, frozenset[str]]:
    """For each verb of a technical row written as a thing and what it does (nouns, then
    words of any kind or linking verbs, if any, then the verb: "checkout fail", "server *?
    be overload"), the nouns: read once per matcher."""
    things: dict[str, set[str]] = defaultdict(set)
    for entry in matcher.entries.values():
        if entry.category != TECHNICAL or len(entry.tokens) < 2:
            continue
        first, *between, last = entry.tokens
        if not first.wildcard and not last.wildcard \
                and all(t.wildcard or set(t.words) <= _LINKING for t in between):
            for verb in last.words:
                things[verb].update(first.words)
    return {verb: frozenset(nouns) for verb, nouns in things.items()}


def _done_by_a_thing(match: Match, things: Mapping[str, frozenset[str]]) -> bool:
    """Whether a one-word marker is a verb whose subject the lexicon's technical rows name
    as a thing that does it ("requests … fail", "the server … was overloaded"), by its own
    word or by the first word of a compound ("the upgrade process … fail")."""
    if len(match.span) != 1:
        return False
    word: Token = match.span[0]
    nouns = things.get(word.lemma_.lower())
    return bool(nouns) and any(c.dep_ in _SUBJECTS and _named_by(c, nouns) for c in word.children)


def _named_by(subject: Token, nouns: frozenset[str]) -> bool:
    """Whether the subject, or the first word of its compound, is one of ``nouns``."""
    return subject.lemma_.lower() in nouns or any(
        c.dep_ == "compound" and c.lemma_.lower() in nouns for c in subject.children)


def _resolve(matches: Iterable[Match], categories: Mapping[str, Category],
             things: Mapping[str, frozenset[str]]) -> tuple[list[Match], list[Match]]:
    found = [m for m in matches if not any(t.is_sent_start for t in m.span[1:])]
    markers = _longest_first(m for m in found if categories[m.entry.category].role == "marker")
    markers = [m for m in markers if m.entry.category == TECHNICAL or not _done_by_a_thing(m, things)]
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
