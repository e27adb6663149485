"""How central a sentence is to the document, and how alike two sentences are.

A sentence that shares many of its weighted words with the rest of the text states what the
text is about. Words are content lemmas weighted by TF-IDF over the document's sentences, so
a word every sentence uses counts little and a topic's own words count much. Each sentence
is compared with the sum of all the others (a centroid, computed once), so the cost grows
with the length of the text rather than with its square, as a full similarity graph's would.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

Vector = dict[str, float]


def tfidf(bags: Sequence[Sequence[str]]) -> list[Vector]:
    """A TF-IDF vector per bag of words, IDF taken over the bags themselves."""
    df = Counter(word for bag in bags for word in set(bag))
    n = len(bags)
    return [{w: c * math.log((1 + n) / (1 + df[w])) for w, c in Counter(bag).items()} for bag in bags]


def centrality(vectors: Sequence[Vector]) -> list[float]:
    """Each vector's cosine with the sum of all the others."""
    total: Counter[str] = Counter()
    for vector in vectors:
        total.update(vector)
    norm = _squared_norm(total)
    return [_cosine_to_rest(v, total, norm) for v in vectors]


def _squared_norm(vector: Vector | Counter[str]) -> float:
    return sum(x * x for x in vector.values())


def _cosine_to_rest(vector: Vector, centroid: Counter[str], centroid_norm: float) -> float:
    """Cosine of ``vector`` with ``centroid`` less ``vector`` itself, in time linear in the
    vector's own words: |c - v|^2 = |c|^2 - 2 c.v + |v|^2."""
    if not vector:
        return 0.0
    dot = sum(weight * centroid.get(w, 0.0) for w, weight in vector.items())
    own = _squared_norm(vector)
    rest_norm = centroid_norm - 2 * dot + own
    if rest_norm <= 1e-12 or own <= 0:
        return 0.0
    return (dot - own) / math.sqrt(own * rest_norm)


def squared_norms(vectors: Sequence[Vector]) -> list[float]:
    """Each vector's squared length, for ``cosine`` to reuse when it compares one vector with many."""
    return [_squared_norm(v) for v in vectors]


def cosine(a: Vector, b: Vector, squared: tuple[float, float] | None = None) -> float:
    """The cosine of two vectors; ``squared`` are their squared lengths when the caller keeps them."""
    a_squared, b_squared = squared or (_squared_norm(a), _squared_norm(b))
    if len(b) < len(a):
        a, b = b, a
    dot = sum(weight * b.get(w, 0.0) for w, weight in a.items())
    norm = math.sqrt(a_squared * b_squared)
    return dot / norm if norm else 0.0
