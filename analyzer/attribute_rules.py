"""The model's attribute rules, looked up in the doc's arrays rather than matched token by token.

The English model's attribute ruler sets each token's part of speech and morphology from
179 Matcher patterns; spaCy's Matcher tries every pattern at every token, which made the ruler
a tenth of a run, more than our stages' own matching. Nearly all of those patterns are one
token tested for equality or membership (``{"TAG": "NN"}``, ``{"LOWER": {"IN": [...]}}``):
``RuleIndex`` answers those with a few array comparisons per pattern over the whole doc, and
hands the rest (patterns of several tokens, regular expressions, other attributes) to a
Matcher of their own. It returns the same matches, so the ruler sets the same attributes;
``tests/test_attribute_rules.py`` compares both matchers on documents of every kind. The
ruler keeps its own Matcher for everything else it does with its patterns (listing, saving).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, NORM, ORTH, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.vocab import Vocab

# Token attributes a one-token pattern may test and still be looked up: those the Matcher
# and Doc.to_array read the same way (strings as hashes, IS_SPACE as 0 or 1).
_ARRAY_ATTRS = {"ORTH": ORTH, "TEXT": ORTH, "LOWER": LOWER, "NORM": NORM, "TAG": TAG, "DEP": DEP, "LEMMA": LEMMA,
                "IS_SPACE": IS_SPACE}
_SETS = ("IN", "NOT_IN")

# One test of a looked-up pattern: (column, predicate, values); predicate is "==", "IN" or "NOT_IN".
Test = tuple[int, str, Any]


def index_attribute_rules(nlp: Language) -> None:
    """Give the pipeline's attribute ruler, if it has spaCy's, a ``RuleIndex`` to match with."""
    ruler = nlp.get_pipe("attribute_ruler") if "attribute_ruler" in nlp.pipe_names else None
    if isinstance(ruler, AttributeRuler) and not isinstance(ruler.matcher, RuleIndex):
        ruler.matcher = RuleIndex(ruler)


class RuleIndex:
    """Matches an attribute ruler's patterns: one-token tests on the doc's arrays, the rest
    with a Matcher. Everything but matching is passed to the ruler's own Matcher."""

    def __init__(self, ruler: AttributeRuler) -> None:
        self.vocab: Vocab = ruler.vocab
        self.matcher: Matcher = ruler.matcher
        self.rest = Matcher(self.vocab)
        self.columns: dict[int, int] = {}
        self.looked_up: list[tuple[int, list[Test]]] = []
        # The ruler keys its patterns by their number, as a string.
        for number in range(len(ruler.attrs)):
            _, patterns = self.matcher.get(str(number))
            self._index(self.vocab.strings.add(str(number)), patterns)

    def add(self, key: int | str, patterns: list[list[dict]], **kwargs: Any) -> None:
        self.matcher.add(key, patterns, **kwargs)
        self._index(key if isinstance(key, int) else self.vocab.strings.add(key), patterns)

    def _index(self, match_id: int, patterns: Iterable[list[dict]]) -> None:
        for pattern in patterns:
            tests = self._tests(pattern)
            if tests is None:
                self.rest.add(match_id, [pattern])
            else:
                self.looked_up.append((match_id, tests))

    def _tests(self, pattern: list[dict]) -> list[Test] | None:
        """The pattern as array tests, or None when only a Matcher can read it."""
        if len(pattern) != 1:
            return None
        tests = []
        for name, value in pattern[0].items():
            attr = _ARRAY_ATTRS.get(name)
            if attr is None:
                return None
            column = self.columns.setdefault(attr, len(self.columns))
            if isinstance(value, dict) and len(value) == 1 and next(iter(value)) in _SETS:
                (predicate, values), = value.items()
                if not all(isinstance(v, str) for v in values):
                    return None
                tests.append((column, predicate, numpy.array([self.vocab.strings.add(v) for v in values],
                                                             dtype="uint64")))
            elif isinstance(value, str) and attr != IS_SPACE:
                tests.append((column, "==", numpy.uint64(self.vocab.strings.add(value))))
            elif isinstance(value, bool) and attr == IS_SPACE:
                tests.append((column, "==", numpy.uint64(value)))
            else:
                return None
        return tests

    def __call__(self, doc: Doc, *, allow_missing: bool = False, as_spans: bool = False,
                 with_alignments: bool = False) -> list:
        if as_spans or with_alignments:
            return self.matcher(doc, allow_missing=allow_missing, as_spans=as_spans, with_alignments=with_alignments)
        found = self.rest(doc, allow_missing=allow_missing) if len(self.rest) else []
        if self.looked_up and len(doc):
            values = doc.to_array(list(self.columns))
            for match_id, tests in self.looked_up:
                found.extend((match_id, i, i + 1) for i in numpy.flatnonzero(_passes(values, tests)).tolist())
        return found

    def get(self, key: int | str, default: Any = None) -> Any:
        return self.matcher.get(key, default)

    def __len__(self) -> int:
        return len(self.matcher)

    def __contains__(self, key: int | str) -> bool:
        return key in self.matcher


def _passes(values: numpy.ndarray, tests: list[Test]) -> numpy.ndarray:
    """Which rows of ``values`` pass every test."""
    passed = numpy.ones(len(values), dtype=bool)
    for column, predicate, wanted in tests:
        if predicate == "==":
            passed &= values[:, column] == wanted
        else:
            inside = numpy.isin(values[:, column], wanted)
            passed &= inside if predicate == "IN" else ~inside
    return passed
