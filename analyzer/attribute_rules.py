"""The model's attribute rules, looked up in the doc's arrays rather than matched token by token.

The English model's attribute ruler sets each token's part of speech and morphology from
179 Matcher patterns; spaCy's Matcher tries every pattern at every token, which made the ruler
a tenth of a run, more than our stages' own matching. Nearly all of those patterns are one
token tested for equality or membership (``{"TAG": "NN"}``, ``{"LOWER": {"IN": [...]}}``), and
the others a few tokens tested so or by a regular expression (``{"LOWER": "gon"}, {"LOWER":
"na"}``, ``{"LOWER": {"REGEX": "^y'?$"}}``): ``RuleIndex`` answers those with a few array
comparisons per pattern over the whole doc (a regular expression is tried once per distinct
word), and hands the rest (operators, other attributes) to a Matcher of their own. It returns
the same matches, so the ruler sets the same attributes;
``tests/test_attribute_rules.py`` compares both matchers on documents of every kind. The
ruler keeps its own Matcher for everything else it does with its patterns (listing, saving).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import numpy
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, NORM, ORTH, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.vocab import Vocab

# Token attributes a pattern may test and still be looked up: those the Matcher and
# Doc.to_array read the same way (strings as hashes, IS_SPACE as 0 or 1).
_ARRAY_ATTRS = {"ORTH": ORTH, "TEXT": ORTH, "LOWER": LOWER, "NORM": NORM, "TAG": TAG, "DEP": DEP, "LEMMA": LEMMA,
                "IS_SPACE": IS_SPACE}
_SETS = ("IN", "NOT_IN")

# One test of a looked-up pattern: (token, column, predicate, values), the token counted from
# the pattern's first; predicate is "==", "IN", "NOT_IN" or "REGEX".
Test = tuple[int, int, str, Any]


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
        # (match id, the pattern's length in tokens, its tests)
        self.looked_up: list[tuple[int, int, list[Test]]] = []
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
                self.looked_up.append((match_id, len(pattern), tests))

    def _tests(self, pattern: list[dict]) -> list[Test] | None:
        """The pattern as array tests, or None when only a Matcher can read it."""
        tests = []
        for token, spec in enumerate(pattern):
            for name, value in spec.items():
                test = self._test(name, value)
                if test is None:
                    return None
                tests.append((token, *test))
        return tests or None

    def _test(self, name: str, value: Any) -> tuple[int, str, Any] | None:
        """One token's test of one attribute as (column, predicate, values), or None."""
        attr = _ARRAY_ATTRS.get(name)
        if attr is None:
            return None
        column = self.columns.setdefault(attr, len(self.columns))
        if isinstance(value, dict) and len(value) == 1:
            (predicate, values), = value.items()
            if predicate in _SETS and all(isinstance(v, str) for v in values):
                return column, predicate, numpy.array([self.vocab.strings.add(v) for v in values], dtype="uint64")
            if predicate == "REGEX" and isinstance(values, str) and attr != IS_SPACE:
                return column, predicate, re.compile(values)
            return None
        if isinstance(value, str) and attr != IS_SPACE:
            return column, "==", numpy.uint64(self.vocab.strings.add(value))
        if isinstance(value, bool) and attr == IS_SPACE:
            return column, "==", numpy.uint64(value)
        return None

    def __call__(self, doc: Doc, *, allow_missing: bool = False, as_spans: bool = False,
                 with_alignments: bool = False) -> list:
        if as_spans or with_alignments:
            return self.matcher(doc, allow_missing=allow_missing, as_spans=as_spans, with_alignments=with_alignments)
        found = self.rest(doc, allow_missing=allow_missing) if len(self.rest) else []
        if self.looked_up and len(doc):
            columns = _Columns(doc.to_array(list(self.columns)), doc.vocab)
            for match_id, length, tests in self.looked_up:
                starts = numpy.flatnonzero(_passes(columns, length, tests)).tolist()
                found.extend((match_id, i, i + length) for i in starts)
        return found

    def get(self, key: int | str, default: Any = None) -> Any:
        return self.matcher.get(key, default)

    def __len__(self) -> int:
        return len(self.matcher)

    def __contains__(self, key: int | str) -> bool:
        return key in self.matcher


class _Columns:
    """A doc's looked-up attributes, one column each, and for a regular expression the
    column's distinct strings, read once per doc however many patterns test them."""

    def __init__(self, values: numpy.ndarray, vocab: Vocab) -> None:
        self.values = values
        self.vocab = vocab
        self._distinct: dict[int, tuple[list[str], numpy.ndarray]] = {}

    def searched(self, column: int, pattern: re.Pattern[str]) -> numpy.ndarray:
        """Whether ``pattern`` is found in each row's string, as the Matcher's REGEX reads it."""
        if column not in self._distinct:
            hashes, rows = numpy.unique(self.values[:, column], return_inverse=True)
            self._distinct[column] = ([self.vocab.strings[h] for h in hashes.tolist()], rows.reshape(-1))
        strings, rows = self._distinct[column]
        return numpy.array([pattern.search(text) is not None for text in strings], dtype=bool)[rows]


def _passes(columns: _Columns, length: int, tests: list[Test]) -> numpy.ndarray:
    """Which rows of the doc start a run of ``length`` tokens that passes every test."""
    starts = max(len(columns.values) - length + 1, 0)
    passed = numpy.ones(starts, dtype=bool)
    for token, column, predicate, wanted in tests:
        if predicate == "REGEX":
            passed &= columns.searched(column, wanted)[token : token + starts]
            continue
        values = columns.values[token : token + starts, column]
        if predicate == "==":
            passed &= values == wanted
        else:
            inside = numpy.isin(values, wanted)
            passed &= inside if predicate == "IN" else ~inside
    return passed
