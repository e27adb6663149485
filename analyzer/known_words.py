"""The lemmatizer's lists of known words, asked for membership through a set.

spaCy's rule lemmatizer keeps, for each part of speech, the words it knows as a list (up
to 57,000 of them) and asks whether each lemma a suffix rule proposes is in it: a scan of
the list for each word a run has not met before, and for each of the 6,000 words of the
lexicons when the pipeline is built, which took four seconds of every build.
``index_known_words`` puts each list in a ``KnownWords``: the same list, saved and loaded as
one, that answers ``in`` from a set, so the lemmatizer gives the same lemmas sooner.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from spacy.language import Language

TABLE = "lemma_index"


class KnownWords(list):
    """A list of words that answers ``word in words`` from a set; nothing changes it after it is made."""

    def __init__(self, words: Iterable[str]) -> None:
        super().__init__(words)
        self._members = frozenset(self)

    def __contains__(self, word: object) -> bool:
        return word in self._members


def index_known_words(nlp: Language) -> None:
    """Give the pipeline's rule lemmatizer, if it has one, its known words as ``KnownWords``."""
    lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.pipe_names else None
    lookups = getattr(lemmatizer, "lookups", None)
    if lookups is None or not lookups.has_table(TABLE):
        return
    table = lookups.get_table(TABLE)
    for pos, words in list(table.items()):
        if not isinstance(words, KnownWords):
            table[pos] = KnownWords(words)


def dictionary(nlp: Language) -> Callable[[str], bool]:
    """Whether the pipeline's rule lemmatizer knows a word (lower case) as a noun, verb,
    adjective or adverb: "grace" and "leadership" are English words, "chiamaka" and "oyelaran" are
    not. Without a rule lemmatizer every word counts as known, so nothing is read as a name
    for want of a dictionary. The lists are read when asked: a pipeline loaded from disk
    fills them after its components are made."""
    lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.pipe_names else None

    def known(word: str) -> bool:
        lookups = getattr(lemmatizer, "lookups", None)  # loading from disk replaces them
        if lookups is None or not lookups.has_table(TABLE):
            return True
        return any(word in words for words in lookups.get_table(TABLE).values())

    return known
