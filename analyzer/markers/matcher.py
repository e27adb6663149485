"""Matching a lexicon's entries in a doc: built once per pipeline, reused for every doc.

``EntryMatcher`` compiles the entries into matchers: fixed phrases go to a ``PhraseIndex``
on LEMMA (a hash lookup that stays fast with thousands of phrases, and quick to build); the
few entries with a wildcard or a part-of-speech constraint go to spaCy's Matcher, whose cost
grows with every pattern, run only where such an entry can start (``AnchoredMatcher``).
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import numpy
from spacy.attrs import IS_SPACE, LEMMA, LOWER, ORTH, POS, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from ..errors import LexiconError
from ..known_words import TABLE, index_known_words
from ..text.names import in_a_name
from .lexicon import VERB_FORMS, Entry, TokenSpec
from .phrases import PhraseIndex

_VOWELS = frozenset("aeiou")
# Where spaCy's lemma is not the word and its lemmatizer cannot say so without a sentence:
# pronouns take their subject form ("me" -> "I", matched in lower case as every lemma is),
# and "let’s" typed with a curly apostrophe keeps "’s" as its lemma (with "'" it is "us").
_LEMMA_ALIASES = {
    "me": ("me", "i"), "us": ("us", "we", "’s"), "him": ("him", "he"), "her": ("her", "she"), "them": ("them", "they"),
}
# A wildcard stands for a word: it may be a piece of a compound ("strat/enterprise",
# "front-end" are three tokens each) but not punctuation that ends a clause.
_CLAUSE_PUNCT = [".", ",", ";", ":", "!", "?", "(", ")", "[", "]", "\"", "“", "”", "…"]
_UNTAGGED = "_"
# One entry may expand to at most this many phrases; more means it should be split.
MAX_EXPANSIONS = 4000
# Where a doc keeps each matcher's matches: doc.user_data[(_FOUND, matcher)].
_FOUND = "analyzer.lexicon_matches"

def lemma_forms(word: str, explicit: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """The lemmas a token of ``word`` may carry: the word and its regular participles.

    spaCy lemmatises "overwhelmed" to "overwhelm" as a verb but keeps "overwhelmed" as an
    adjective, so an entry for the verb also matches its participles.
    """
    return _LEMMA_ALIASES.get(word, (word, *inflections(word, explicit)))


def inflections(word: str, explicit: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """Regular -s, -ed and -ing spellings of ``word``.

    The small English model lemmatises some of them to another word ("hopes", "hoped" ->
    "hop"; "hates" -> "hat"), so a lone word matches them by spelling as well. Forms that
    are not English words are harmless: no token carries them. A form that is a one-word
    entry of its own (``explicit``) belongs to that entry alone, so "please" does not reach
    "pleased".
    """
    if not word.isalpha() or len(word) < 3 or word in _LEMMA_ALIASES:
        return ()
    if word.endswith("e"):
        forms = [word + "s", word + "d", word[:-1] + "ing"]
    elif word[-1] == "y" and word[-2] not in _VOWELS:
        forms = [word[:-1] + "ies", word[:-1] + "ied", word + "ing"]
    elif word.endswith("c"):
        forms = [word + "s", word + "ked", word + "king"]  # panicked, panicking
    else:
        forms = [word + ("es" if word.endswith(("s", "x", "z", "ch", "sh")) else "s"), word + "ed", word + "ing"]
        if word[-1] not in _VOWELS | {"w", "x", "y"} and word[-2] in _VOWELS and word[-3] not in _VOWELS:
            forms += [word + word[-1] + "ed", word + word[-1] + "ing"]
    return tuple(f for f in dict.fromkeys(forms) if f not in explicit)


@dataclass(frozen=True)
class Match:
    entry: Entry
    span: Span


Lemmatize = Callable[[str], Iterable[str]]


class EntryMatcher:
    """Finds every entry of a lexicon in a doc; built once, reused for every doc.

    A word in a phrase also matches whatever lemma the pipeline's lemmatizer may give it
    (``lemmatize``), so "taken for granted" and "long hours" match as written. A one-word
    entry also matches its own spelling and its regular inflections' spellings, in any case:
    a user may write "hours", a heading may shout "BURNOUT" (a proper noun keeps its case as
    its lemma), and the small English model slips on some lemmas ("hoping" -> "hop").
    """

    def __init__(self, vocab: Vocab, entries: Iterable[Entry], lemmatize: Lemmatize | None = None) -> None:
        self.phrases = PhraseIndex(vocab, LEMMA)
        self.spellings = PhraseIndex(vocab, LOWER)
        self.matcher = AnchoredMatcher(vocab)
        self.entries: dict[int, Entry] = {}
        entries = list(entries)
        explicit = frozenset(w for e in entries if len(e.tokens) == 1 for w in e.tokens[0].words)
        for entry in entries:
            key = vocab.strings.add(entry.where)
            self.entries[key] = entry
            # In a phrase the other words fix the sense, so a word takes every lemma it may
            # carry; a lone word keeps to its own forms and leaves other entries' words alone.
            single = len(entry.tokens) == 1
            forms = [_forms(vocab, spec, explicit if single else frozenset(), None if single else lemmatize)
                     for spec in entry.tokens]
            if entry.needs_matcher:
                self.matcher.add(entry.where, _matcher_pattern(entry, forms), _openers(entry, forms))
                continue
            self.phrases.add(entry.where, _phrases(entry, forms))
            if len(entry.tokens) == 1:
                spelled = [f for word in entry.tokens[0].words
                           for f in (word, *(() if vocab[word].is_stop else inflections(word, explicit)))]
                self.spellings.add(entry.where, [(f.lower(),) for f in dict.fromkeys(spelled)])
        self.rank = {key: n for n, key in enumerate(self.entries)}

    def __call__(self, doc: Doc) -> list[Match]:
        """Every entry found in ``doc``, in order. Found once per doc and kept on it: the
        markers stage and the claims' stance rule share this matcher, and the second to
        ask reads the first one's matches."""
        key = (_FOUND, self)
        found = doc.user_data.get(key)
        if found is None:
            found = self._find(doc)
            doc.user_data[key] = found
        return found

    def _find(self, doc: Doc) -> list[Match]:
        view, kept = _matching_view(doc)
        found: set[tuple[int, int, int]] = set()
        for matcher in (self.phrases, self.spellings, self.matcher):
            if len(matcher):  # an empty matcher warns on every call
                found.update(matcher(view))
        # Entries found on the same tokens ("completely" is a certainty word and an
        # intensifier) come in lexicon order, so the first of them is always the same one.
        ordered = sorted(found, key=lambda m: (m[1], m[2], self.rank[m[0]]))
        matches = (Match(self.entries[key], doc[kept[start] : kept[end - 1] + 1]) for key, start, end in ordered)
        return [m for m in matches if _plausible(m)]


def _matching_view(doc: Doc) -> tuple[Doc, list[int]]:
    """The doc as the entries are matched on: without its whitespace tokens, every lemma in
    lower case, and where each remaining token came from.

    A phrase that a hard-wrapped line breaks ("worked through most\\nweekends") has a
    newline token inside it, which no phrase pattern expects; matching on this view finds it.
    A proper noun keeps its case as its lemma, and the small model takes a sentence's first
    noun for one ("Morale is low."), so lemmas are matched in lower case, as entries are
    written. The view is built from the doc's arrays rather than token by token; a token
    without a lemma matches by its text.
    """
    values = doc.to_array([ORTH, LEMMA, POS, IS_SPACE, TAG])
    rows = numpy.flatnonzero(values[:, 3] == 0)
    kept = rows.tolist()
    orth, lemma, pos, tag = values[rows, 0], values[rows, 1], values[rows, 2], values[rows, 4]
    lemma = numpy.where(lemma == 0, orth, lemma)
    lowered = _lower_case(doc.vocab, lemma)
    tagged = bool(tag.all())
    if tagged and len(kept) == len(doc) and numpy.array_equal(lowered, values[:, 1]):
        return doc, kept
    strings = doc.vocab.strings
    view = Doc(doc.vocab, words=[strings[h] for h in orth.tolist()])
    # A view of a doc the tagger has not (wholly) seen carries no parts of speech, and a tag
    # that no entry names: an entry that asks for a verb form then matches nothing.
    if not tagged:
        tag = numpy.full_like(tag, strings.add(_UNTAGGED))
    attrs, columns = ([LEMMA, POS, TAG], [lowered, pos, tag]) if pos.all() else ([LEMMA, TAG], [lowered, tag])
    view.from_array(attrs, numpy.stack(columns, axis=1))
    return view, kept


def _lower_case(vocab: Vocab, hashes: numpy.ndarray) -> numpy.ndarray:
    """The hashes of the same strings in lower case (a doc has a few hundred distinct lemmas)."""
    strings = vocab.strings
    distinct, where = numpy.unique(hashes, return_inverse=True)
    lowered = numpy.fromiter((strings.add(strings[h].lower()) if strings[h] != strings[h].lower() else h
                              for h in distinct.tolist()), dtype=hashes.dtype, count=len(distinct))
    return lowered[where]


def _plausible(match: Match) -> bool:
    """A lone word inside a name of two words or more names it ("Penhallow Health").
    A lone word reached through a derived -ed/-ing form must be a verb or an adjective:
    the noun "billing" is not the entry "bill". The small model tags the complement of
    "find" as a noun ("I find this frustrating"), where it can only be the adjective."""
    token = match.span[0]
    if len(match.span) == 1 and in_a_name(token):
        return False  # "Penhallow Health", "Hope Street": a name, not a feeling
    if len(match.span) > 1 or token.pos_ not in ("NOUN", "PROPN") or _judged_as(token):
        return True
    own = match.entry.tokens[0].words
    return token.lemma_.lower() in own or token.lower_ in own


def _judged_as(token: Token) -> bool:
    """Whether the token is the last word of what "find" judges: "find this frustrating"."""
    return (token.dep_ in ("dobj", "oprd", "ccomp") and token.head.lemma_ == "find"
            and not any(c.dep_ not in ("det", "punct") for c in token.children)
            and not any(c.i > token.i and c.dep_ in ("dobj", "oprd", "ccomp", "acomp") for c in token.head.children))


def _phrases(entry: Entry, token_forms: list[list[str]]) -> list[tuple[str, ...]]:
    """Every phrase an entry stands for: each choice of its words' forms, with and without
    its optional words."""
    choices = []
    for spec, forms in zip(entry.tokens, token_forms):
        choices.append([None, *forms] if spec.optional else forms)
    total = math.prod(len(c) for c in choices)
    if total > MAX_EXPANSIONS:
        raise LexiconError(
            f"{entry.source}, line {entry.line}: pattern '{entry.pattern}' expands to {total:,} "
            f"phrases (at most {MAX_EXPANSIONS:,}); split it into several entries"
        )
    return [tuple(w for w in combo if w is not None) for combo in itertools.product(*choices)]


def _matcher_pattern(entry: Entry, token_forms: list[list[str]]) -> list[dict]:
    pattern = []
    for spec, forms in zip(entry.tokens, token_forms):
        token: dict = (
            {"IS_SPACE": False, "ORTH": {"NOT_IN": _CLAUSE_PUNCT}} if spec.wildcard else {"LEMMA": {"IN": forms}}
        )
        if spec.pos:
            token["TAG" if spec.pos in VERB_FORMS else "POS"] = spec.pos
        if spec.optional:
            token["OP"] = "?"
        pattern.append(token)
    return pattern


def _openers(entry: Entry, token_forms: list[list[str]]) -> list[str] | None:
    """The lemmas a match of ``entry`` may start with: its first word's, and the next ones'
    while the words before them are optional; None when a wildcard may start it."""
    openers: list[str] = []
    for spec, forms in zip(entry.tokens, token_forms):
        if spec.wildcard:
            return None
        openers.extend(forms)
        if not spec.optional:
            break
    return openers


class AnchoredMatcher:
    """spaCy's token Matcher for the few entries with a wildcard or a part of speech, each
    entry run only where a match of it can start.

    The Matcher tries every pattern at every token it is given. A match starts with one of
    its pattern's opening words (``_openers``) and is no longer than its pattern, so matching
    each pattern on the windows that start at its own opening words finds the same matches.
    Run together on the windows of all of them, every pattern was tried nearly everywhere
    (some open with "be" or "at"), and that was most of the markers stage's time. A pattern
    that a wildcard may open is matched everywhere.
    """

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        self.patterns: list[tuple[Matcher, int]] = []  # one matcher per pattern, and its length
        self.everywhere: set[int] = set()  # the patterns a wildcard may open
        self.by_opener: dict[int, list[int]] = {}  # an opening lemma's hash -> its patterns

    def add(self, key: str, pattern: list[dict], openers: list[str] | None) -> None:
        matcher = Matcher(self.vocab)
        matcher.add(key, [pattern])
        index = len(self.patterns)
        self.patterns.append((matcher, len(pattern)))
        if openers is None:
            self.everywhere.add(index)
        for word in dict.fromkeys(openers or ()):
            self.by_opener.setdefault(self.vocab.strings.add(word), []).append(index)

    def __len__(self) -> int:
        return len(self.patterns)

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        found = [match for index in self.everywhere for match in self.patterns[index][0](doc)]
        for index, starts in self._starts(doc).items():
            matcher, length = self.patterns[index]
            for start, end in _windows(starts, length, len(doc)):
                found.extend((key, start + s, start + e) for key, s, e in matcher(doc[start:end]))
        return found

    def _starts(self, doc: Doc) -> dict[int, list[int]]:
        """Where each pattern may start: the tokens whose lemma is one of its opening words."""
        starts: dict[int, list[int]] = {}
        for i, lemma in enumerate(doc.to_array(LEMMA).tolist()):
            for index in self.by_opener.get(lemma, ()):
                starts.setdefault(index, []).append(i)
        return starts


def _windows(starts: list[int], length: int, limit: int) -> list[tuple[int, int]]:
    """Token ranges of ``length`` from each start, overlapping ones merged."""
    windows: list[tuple[int, int]] = []
    for start in starts:
        end = min(start + length, limit)
        if windows and start < windows[-1][1]:
            windows[-1] = (windows[-1][0], end)
        else:
            windows.append((start, end))
    return windows


def _forms(vocab: Vocab, spec: TokenSpec, explicit: frozenset[str], lemmatize: Lemmatize | None) -> list[str]:
    """The lemmas one pattern token matches: in a phrase, also those the pipeline gives the
    word's inflections, right or not ("hoped never to" carries the lemma "hop"). Stop words
    ("the", "not", "can") are not inflected: "the" + "-ing" would be "thing"."""
    forms = [f for word in spec.words
             for f in (_LEMMA_ALIASES.get(word, (word,)) if vocab[word].is_stop else lemma_forms(word, explicit))]
    if lemmatize is not None:
        forms += [f for word in spec.words if word not in _LEMMA_ALIASES
                  for spelled in (word, *(() if vocab[word].is_stop else inflections(word)))
                  for f in lemmatize(spelled)]
    return list(dict.fromkeys(forms))


def pipeline_lemmas(nlp: Language) -> Lemmatize:
    """The lemmas the pipeline's rule lemmatizer gives a word as a noun, verb, adjective or
    adverb ("granted" -> "grant", "hours" -> "hour", "better" -> "good", "well"), or just
    the word when the pipeline has no rule lemmatizer."""
    lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.pipe_names else None
    rule = getattr(lemmatizer, "rule_lemmatize", None)
    if rule is None:
        return lambda word: (word,)
    cache: dict[str, tuple[str, ...]] = {}
    parts = ["NOUN", "VERB", "ADJ", "ADV"]

    def guessed(token: Token, found: list[str]) -> bool:
        """Whether the lemmas are only what the suffix rules make of a word that cannot have
        them: an adjective's or adverb's "-er"/"-est" cut from a word that is neither ("rest"
        -> "re", "career" -> "care"), or a cut from a word that is its own lemma ("need" ->
        "ne"). Read in a text, the word is tagged as what it is, and an entry for "rest" must
        not match the "re" of "re-run"."""
        pos, word = token.pos_.lower(), token.lower_
        # Read when asked: a pipeline loaded from disk fills the tables after this is made.
        words = lemmatizer.lookups.get_table(TABLE, {}).get(pos, ())
        irregular = lemmatizer.lookups.get_table("lemma_exc", {}).get(pos, {})
        if found == [word] or word in irregular or any(lemma in words for lemma in found):
            return False
        return pos in ("adj", "adv") or word in words

    indexed = None  # the known-words table last indexed

    def lemmas(word: str) -> tuple[str, ...]:
        nonlocal indexed
        if word not in cache:  # the word once per part of speech, in one doc
            # A pipeline loaded from disk has its tables replaced after this is made, as
            # lists the lemmatizer would scan for every word: index each new table once.
            table = lemmatizer.lookups.get_table(TABLE, None)
            if table is not indexed:
                index_known_words(nlp)
                indexed = table
            found = [lemma for token in Doc(nlp.vocab, words=[word] * len(parts), pos=parts)
                     if not guessed(token, forms := rule(token)) for lemma in forms]
            cache[word] = tuple(dict.fromkeys(found))
        return cache[word]

    return lemmas
