"""Marker lexicons: the entry files we ship plus any the user adds, validated on load.

An entry is one line ``pattern<TAB>category<TAB>weight[<TAB>note]`` (the format is in
lexicons/README.md). Loading checks every line and stops at the first bad one, naming the
file and the line, so a typo never silently drops a marker. ``EntryMatcher`` compiles the
entries into spaCy matchers once: fixed phrases go to a PhraseMatcher on LEMMA (a hash
lookup that stays fast with thousands of phrases); the few entries with a wildcard or a
part-of-speech constraint go to a Matcher, whose cost grows with every pattern.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from importlib.resources.abc import Traversable
from pathlib import Path

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from ..errors import LexiconError
from ..data.files import data_file

CATEGORIES_FILE = "marker-categories.tsv"
MARKERS_DIR = "markers"
GROUPS = ("stress", "emotion", "tone")
# What an entry's weight means depends on its category's role: a marker's weight is its
# strength; a modifier's weight is the factor it applies to the marker it modifies.
ROLES = {
    "marker": (0.0, 3.0, "a strength from 0 (entry switched off) to 3"),
    "intensifier": (1.0, 3.0, "a factor above 1 and at most 3"),
    "hedge": (0.0, 1.0, "a factor above 0 and below 1"),
    "negator": (0.0, 1.0, "a factor from 0 (cancels the marker) to below 1"),
}
# Universal POS tags a pattern token may require, as spaCy assigns them.
POS_TAGS = frozenset(
    "ADJ ADP ADV AUX CCONJ DET INTJ NOUN NUM PART PRON PROPN PUNCT SCONJ SYM VERB X".split()
)
# One entry may expand to at most this many phrases; more means it should be split.
MAX_EXPANSIONS = 4000
_WORD = re.compile(r"^[^\W_](?:[\w.&/-]*[^\W_])?$")
_VOWELS = frozenset("aeiou")
# Where spaCy's lemma is not the lowercase word and its lemmatizer cannot say so without a
# sentence: pronouns take their subject form ("me" -> "I", which keeps its capital), and
# "let’s" typed with a curly apostrophe keeps "’s" as its lemma (with "'" it is "us").
_LEMMA_ALIASES = {
    "i": ("I",), "me": ("me", "I"), "us": ("us", "we", "’s"), "him": ("him", "he"), "her": ("her", "she"),
    "them": ("them", "they"),
}
# A wildcard stands for a word: it may be a piece of a compound ("strat/enterprise",
# "front-end" are three tokens each) but not punctuation that ends a clause.
_CLAUSE_PUNCT = [".", ",", ";", ":", "!", "?", "(", ")", "[", "]", "\"", "“", "”", "…"]


@dataclass(frozen=True)
class Category:
    name: str
    group: str
    role: str
    label: str


@dataclass(frozen=True)
class TokenSpec:
    """One token of a pattern: any of ``words`` (by lemma), or any word when empty."""

    words: tuple[str, ...]
    pos: str | None = None
    optional: bool = False

    @property
    def wildcard(self) -> bool:
        return not self.words


@dataclass(frozen=True)
class Entry:
    pattern: str
    category: str
    weight: float
    note: str
    source: str
    line: int
    tokens: tuple[TokenSpec, ...]

    @property
    def where(self) -> str:
        return f"{self.source}:{self.line}"

    @property
    def needs_matcher(self) -> bool:
        """A wildcard or a POS constraint cannot be expressed as a fixed phrase."""
        return any(t.wildcard or t.pos for t in self.tokens)


@dataclass(frozen=True)
class Lexicon:
    categories: Mapping[str, Category]
    entries: tuple[Entry, ...]

    def counts(self) -> dict[str, int]:
        """Entries per category, in the categories' order (for reports and the README)."""
        counts = dict.fromkeys(self.categories, 0)
        for entry in self.entries:
            counts[entry.category] += 1
        return counts


# -- reading ---------------------------------------------------------------------------------


def table_rows(text: str, source: str, columns: tuple[str, ...], required: int) -> Iterator[tuple[int, list[str]]]:
    """Tab-separated rows with their 1-based line numbers; blank and ``#`` lines skipped.

    Shared by every table in lexicons/ so they all read, and fail, the same way.
    """
    layout = "<TAB>".join(c if i < required else f"[{c}]" for i, c in enumerate(columns))
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in raw.split("\t")]
        while len(cells) > required and not cells[-1]:
            cells.pop()
        if not required <= len(cells) <= len(columns):
            raise LexiconError(
                f"{source}, line {number}: expected {layout}, found {len(cells)} "
                f"column{'s' if len(cells) != 1 else ''}; separate the columns with tabs"
            )
        yield number, cells + [""] * (len(columns) - len(cells))


def read_text(file: Traversable | Path, source: str) -> str:
    try:
        return file.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise LexiconError(f"{source}: no such lexicon file; check the path") from None
    except IsADirectoryError:
        raise LexiconError(f"{source}: is a directory; give a lexicon file (.tsv)") from None
    except UnicodeDecodeError:
        raise LexiconError(f"{source}: is not UTF-8 text; save it as UTF-8") from None
    except OSError as e:
        raise LexiconError(f"{source}: cannot be read ({e.strerror or e})") from None


def load_categories() -> dict[str, Category]:
    source = f"lexicons/{CATEGORIES_FILE}"
    text = read_text(data_file(CATEGORIES_FILE), source)
    categories: dict[str, Category] = {}
    for number, (name, group, role, label) in table_rows(text, source, ("name", "group", "role", "label"), 4):
        where = f"{source}, line {number}"
        if not re.fullmatch(r"[a-z][a-z_]*", name) or name in categories:
            raise LexiconError(f"{where}: category name '{name}' is not a new lowercase identifier")
        if group not in GROUPS:
            raise LexiconError(f"{where}: unknown group '{group}'; use one of {', '.join(GROUPS)}")
        if role not in ROLES:
            raise LexiconError(f"{where}: unknown role '{role}'; use one of {', '.join(ROLES)}")
        categories[name] = Category(name, group, role, label)
    return categories


def parse_pattern(pattern: str, where: str) -> tuple[TokenSpec, ...]:
    """Parse ``spread|stretch *? too|so? thin`` into token specs, or say what is wrong."""
    specs: list[TokenSpec] = []
    for item in pattern.split():
        specs.extend(_parse_token(item, where))
    if not specs:
        raise LexiconError(f"{where}: empty pattern; write a word, a phrase or a token pattern")
    if specs[0].wildcard or specs[-1].wildcard:
        raise LexiconError(f"{where}: pattern '{pattern}' starts or ends with *; a wildcard only joins two words")
    if all(s.optional for s in specs):
        raise LexiconError(f"{where}: pattern '{pattern}' has only optional tokens; one must be required")
    return tuple(specs)


def _parse_token(item: str, where: str) -> list[TokenSpec]:
    def bad(problem: str) -> LexiconError:
        return LexiconError(f"{where}: malformed pattern token '{item}': {problem}")

    optional = item.endswith("?")
    body = item[:-1] if optional else item
    if body == "*":
        return [TokenSpec((), None, optional)]
    pos = None
    head, slash, tail = body.rpartition("/")
    if slash and tail.isupper():
        if tail not in POS_TAGS:
            raise bad(f"unknown part of speech '{tail}' (use one of {', '.join(sorted(POS_TAGS))})")
        body, pos = head, tail
    if "'" in body or "’" in body:
        raise bad("spaCy splits contractions, so write their lemmas: can't -> can not, let's -> let us")
    words = body.lower().split("|")
    if not all(_WORD.match(w) for w in words):
        raise bad("each alternative must be a word of letters or digits (a-z, 0-9, - / . & inside)")
    if len(set(words)) != len(words):
        raise bad("an alternative is listed twice")
    if any("-" in w for w in words):
        # spaCy splits "non-stop" into three tokens, so the word becomes three specs.
        if len(words) > 1 or optional or pos:
            raise bad("a hyphenated word cannot have alternatives, ? or /POS; give it its own entry")
        return [TokenSpec((part,)) for part in _hyphen_parts(words[0])]
    return [TokenSpec(tuple(words), pos, optional)]


def _hyphen_parts(word: str) -> list[str]:
    """"non-stop" -> ["non", "-", "stop"], as spaCy's tokenizer splits it."""
    tokens: list[str] = []
    for i, part in enumerate(word.split("-")):
        if i:
            tokens.append("-")
        if part:
            tokens.append(part)
    return tokens


def parse_weight(text: str, category: Category, where: str) -> float:
    low, high, meaning = ROLES[category.role]
    try:
        weight = float(text)
    except ValueError:
        weight = math.nan
    ok = math.isfinite(weight) and low <= weight <= high
    if category.role == "intensifier":
        ok = ok and weight > low
    elif category.role == "hedge":
        ok = ok and low < weight < high
    elif category.role == "negator":
        ok = ok and weight < high
    if not ok:
        raise LexiconError(
            f"{where}: bad weight '{text}' for {category.role} category '{category.name}'; use {meaning}"
        )
    return weight


def read_entries(file: Traversable | Path, source: str, categories: Mapping[str, Category]) -> list[Entry]:
    text = read_text(file, source)
    entries = []
    columns = ("pattern", "category", "weight", "note")
    for number, (pattern, category, weight, note) in table_rows(text, source, columns, 3):
        where = f"{source}, line {number}"
        if category not in categories:
            raise LexiconError(
                f"{where}: unknown category '{category}'; use one of {', '.join(categories)}"
            )
        tokens = parse_pattern(pattern, where)
        entries.append(Entry(" ".join(pattern.lower().split()), category,
                             parse_weight(weight, categories[category], where), note, source, number, tokens))
    return entries


def shipped_files() -> list[tuple[Traversable, str]]:
    folder = data_file(MARKERS_DIR)
    files = sorted((f for f in folder.iterdir() if f.name.endswith(".tsv")), key=lambda f: f.name)
    return [(f, f"lexicons/{MARKERS_DIR}/{f.name}") for f in files]


def load_lexicon(paths: Sequence[str | Path] = (), *, replace: bool = False) -> Lexicon:
    """Our entries (unless ``replace``), then each user file in order.

    A user entry with the same pattern and category as one of ours replaces it: that is how
    a user re-weights one of our entries, or switches it off with weight 0. The same pattern
    and category twice within our files, or twice within the user's, is an error.
    """
    categories = load_categories()
    ours: dict[tuple[str, str], Entry] = {}
    if not replace:
        for file, source in shipped_files():
            _add_unique(ours, read_entries(file, source, categories))
    theirs: dict[tuple[str, str], Entry] = {}
    for path in paths:
        entries = read_entries(Path(path), str(path), categories)
        if not entries:
            raise LexiconError(f"{path}: has no entries; add lines of pattern<TAB>category<TAB>weight")
        _add_unique(theirs, entries)
    # A marker weighted 0 is switched off; a negator weighted 0 still cancels what it negates.
    active = tuple(
        e for e in {**ours, **theirs}.values()
        if e.weight > 0 or categories[e.category].role != "marker"
    )
    return Lexicon(categories, active)


def _add_unique(table: dict[tuple[str, str], Entry], entries: Iterable[Entry]) -> None:
    for entry in entries:
        key = (entry.pattern, entry.category)
        if key in table:
            raise LexiconError(
                f"{entry.source}, line {entry.line}: duplicate entry '{entry.pattern}' "
                f"({entry.category}), first at {table[key].where}; remove one of them"
            )
        table[key] = entry


# -- matching --------------------------------------------------------------------------------


def lemma_forms(word: str, explicit: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """The lemmas a token of ``word`` may carry: the word and its regular participles.

    spaCy lemmatises "overwhelmed" to "overwhelm" as a verb but keeps "overwhelmed" as an
    adjective, so an entry for the verb also matches its participles.
    """
    return _LEMMA_ALIASES.get(word, (word, *inflections(word, explicit)))


def inflections(word: str, explicit: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """Regular -ed and -ing spellings of ``word``.

    Forms that are not English words are harmless: no token carries them. A form that is a
    one-word entry of its own (``explicit``) belongs to that entry alone, so "please" does
    not reach "pleased".
    """
    if not word.isalpha() or len(word) < 3 or word in _LEMMA_ALIASES:
        return ()
    if word.endswith("e"):
        forms = [word + "d", word[:-1] + "ing"]
    elif word[-1] == "y" and word[-2] not in _VOWELS:
        forms = [word[:-1] + "ied", word + "ing"]
    elif word.endswith("c"):
        forms = [word + "ked", word + "king"]  # panicked, panicking
    else:
        forms = [word + "ed", word + "ing"]
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
        self.phrases = PhraseMatcher(vocab, attr="LEMMA")
        self.spellings = PhraseMatcher(vocab, attr="LOWER")
        self.matcher = Matcher(vocab)
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
                self.matcher.add(entry.where, [_matcher_pattern(entry, forms)])
                continue
            self.phrases.add(entry.where, _phrase_docs(vocab, entry, forms))
            if len(entry.tokens) == 1:
                spelled = [f for word in entry.tokens[0].words
                           for f in (word, *(() if vocab[word].is_stop else inflections(word, explicit)))]
                self.spellings.add(entry.where, [Doc(vocab, words=[f]) for f in dict.fromkeys(spelled)])

    def __call__(self, doc: Doc) -> list[Match]:
        view, kept = _without_line_breaks(doc)
        found: set[tuple[int, int, int]] = set()
        for matcher in (self.phrases, self.spellings, self.matcher):
            if len(matcher):  # an empty matcher warns on every call
                found.update(matcher(view))
        ordered = sorted(found, key=lambda m: (m[1], m[2]))
        matches = (Match(self.entries[key], doc[kept[start] : kept[end - 1] + 1]) for key, start, end in ordered)
        return [m for m in matches if _plausible(m)]


def _without_line_breaks(doc: Doc) -> tuple[Doc, list[int]]:
    """The doc without its whitespace tokens, and where each remaining token came from.

    A phrase that a hard-wrapped line breaks ("worked through most\\nweekends") has a
    newline token inside it, which no phrase pattern expects; matching on this view finds it.
    """
    kept = [t.i for t in doc if not t.is_space]
    if len(kept) == len(doc):
        return doc, kept
    tokens = [doc[i] for i in kept]
    tagged = all(t.pos_ for t in tokens)
    view = Doc(doc.vocab, words=[t.text for t in tokens], lemmas=[t.lemma_ or t.text for t in tokens],
               pos=[t.pos_ for t in tokens] if tagged else None)
    return view, kept


def _plausible(match: Match) -> bool:
    """A lone word reached through a derived -ed/-ing form must be a verb or an adjective:
    the noun "billing" is not the entry "bill"."""
    token = match.span[0]
    if len(match.span) > 1 or token.pos_ not in ("NOUN", "PROPN"):
        return True
    own = match.entry.tokens[0].words
    return token.lemma_.lower() in own or token.lower_ in own


def _phrase_docs(vocab: Vocab, entry: Entry, token_forms: list[list[str]]) -> list[Doc]:
    choices = []
    for spec, forms in zip(entry.tokens, token_forms):
        choices.append([None, *forms] if spec.optional else forms)
    total = math.prod(len(c) for c in choices)
    if total > MAX_EXPANSIONS:
        raise LexiconError(
            f"{entry.source}, line {entry.line}: pattern '{entry.pattern}' expands to {total:,} "
            f"phrases (at most {MAX_EXPANSIONS:,}); split it into several entries"
        )
    docs = []
    for combo in itertools.product(*choices):
        words = [w for w in combo if w is not None]
        docs.append(Doc(vocab, words=words, lemmas=words))
    return docs


def _matcher_pattern(entry: Entry, token_forms: list[list[str]]) -> list[dict]:
    pattern = []
    for spec, forms in zip(entry.tokens, token_forms):
        token: dict = (
            {"IS_SPACE": False, "ORTH": {"NOT_IN": _CLAUSE_PUNCT}} if spec.wildcard else {"LEMMA": {"IN": forms}}
        )
        if spec.pos:
            token["POS"] = spec.pos
        if spec.optional:
            token["OP"] = "?"
        pattern.append(token)
    return pattern


def _forms(vocab: Vocab, spec: TokenSpec, explicit: frozenset[str], lemmatize: Lemmatize | None) -> list[str]:
    """The lemmas one pattern token matches. Stop words ("the", "not", "can") are not
    inflected: "the" + "-ing" would be "thing"."""
    forms = [f for word in spec.words
             for f in (_LEMMA_ALIASES.get(word, (word,)) if vocab[word].is_stop else lemma_forms(word, explicit))]
    if lemmatize is not None:
        forms += [f for word in spec.words if word not in _LEMMA_ALIASES for f in lemmatize(word)]
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

    def lemmas(word: str) -> tuple[str, ...]:
        if word not in cache:
            found = [lemma for pos in ("NOUN", "VERB", "ADJ", "ADV")
                     for lemma in rule(Doc(nlp.vocab, words=[word], pos=[pos])[0])]
            cache[word] = tuple(dict.fromkeys(found))
        return cache[word]

    return lemmas
