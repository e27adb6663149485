"""Marker lexicons: the entry files we ship plus any the user adds, validated on load.

An entry is one line ``pattern<TAB>category<TAB>weight[<TAB>note]`` (the format is in
lexicons/README.md). Loading checks every line and stops at the first bad one, naming the
file and the line, so a typo never silently drops a marker. The lexicon is loaded once when
the pipeline is built and handed to every stage that reads markers (markers, stress, the
claims' stance rule, the digest's themes), so a user's file reaches all of them. It keeps
the texts it was built from (``LexiconTexts``), so a saved pipeline rebuilds it exactly.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..data.files import DataText, data_file, read_text, shipped
from ..data.tables import Row, rows
from ..errors import LexiconError

MARKERS_DIR = "markers"
# The categories table sits beside the entry files; every other .tsv there holds entries.
CATEGORIES_FILE = f"{MARKERS_DIR}/categories.tsv"
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
# The verb forms a token may require where tense or voice tells two readings apart: "I am
# asking" pleads, "I was asked" reports (Penn Treebank tags, as spaCy's TAG gives them).
VERB_FORMS = frozenset({"VB", "VBD", "VBG", "VBN", "VBP", "VBZ"})
_WORD = re.compile(r"^[^\W_](?:[\w.&/-]*[^\W_])?$")


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
class LexiconTexts:
    """The files a lexicon is built from: the categories, our entry files, then the user's."""

    categories: DataText
    ours: tuple[DataText, ...]
    theirs: tuple[DataText, ...]


@dataclass(frozen=True)
class Lexicon:
    categories: Mapping[str, Category]
    entries: tuple[Entry, ...]
    texts: LexiconTexts

    def counts(self) -> dict[str, int]:
        """Entries per category, in the categories' order (for reports and the README)."""
        counts = dict.fromkeys(self.categories, 0)
        for entry in self.entries:
            counts[entry.category] += 1
        return counts


# -- reading ---------------------------------------------------------------------------------


def parse_categories(table: DataText) -> dict[str, Category]:
    categories: dict[str, Category] = {}
    for row in rows(table, ("name", "group", "role", "label")):
        name, group, role = row["name"], row["group"], row["role"]
        if not re.fullmatch(r"[a-z][a-z_]*", name) or name in categories:
            raise row.error(f"category name '{name}' is not a new lowercase identifier")
        if group not in GROUPS:
            raise row.error(f"unknown group '{group}'; use one of {', '.join(GROUPS)}")
        if role not in ROLES:
            raise row.error(f"unknown role '{role}'; use one of {', '.join(ROLES)}")
        categories[name] = Category(name, group, role, row["label"])
    return categories


def load_categories() -> dict[str, Category]:
    """The shipped categories alone, for tools that need no entries."""
    return parse_categories(shipped(CATEGORIES_FILE))


def categories_only(table: DataText | None = None) -> Lexicon:
    """A lexicon of categories and no entries, for stages that only name categories."""
    return build_lexicon(LexiconTexts(table or shipped(CATEGORIES_FILE), (), ()))


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
    if body == ",":
        # A comma a phrase turns on: "great, another meeting" is said through the teeth.
        return [TokenSpec((",",), None, optional)]
    pos = None
    head, slash, tail = body.rpartition("/")
    if slash and tail.isupper():
        if tail not in POS_TAGS | VERB_FORMS:
            raise bad(f"unknown part of speech '{tail}' (use one of {', '.join(sorted(POS_TAGS))}, "
                      f"or a verb form: {', '.join(sorted(VERB_FORMS))})")
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


def parse_weight(row: Row, category: Category) -> float:
    low, high, meaning = ROLES[category.role]
    text = row["weight"]
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
        raise row.error(f"bad weight '{text}' for {category.role} category '{category.name}'; use {meaning}")
    return weight


def parse_entries(table: DataText, categories: Mapping[str, Category]) -> list[Entry]:
    entries = []
    for row in rows(table, ("pattern", "category", "weight", "note"), required=3):
        pattern, category = row["pattern"], row["category"]
        if category not in categories:
            raise row.error(f"unknown category '{category}'; use one of {', '.join(categories)}")
        tokens = parse_pattern(pattern, row.where)
        entries.append(Entry(" ".join(pattern.lower().split()), category, parse_weight(row, categories[category]),
                             row["note"], row.source, row.line, tokens))
    return entries


def shipped_entry_files() -> list[DataText]:
    folder = data_file(MARKERS_DIR)
    names = sorted(f.name for f in folder.iterdir() if f.name.endswith(".tsv"))
    return [shipped(f"{MARKERS_DIR}/{name}") for name in names if f"{MARKERS_DIR}/{name}" != CATEGORIES_FILE]


def lexicon_texts(paths: Sequence[str | Path] = (), *, replace: bool = False) -> LexiconTexts:
    """Every file a lexicon needs, read once: ours unless ``replace``, then the user's in order."""
    ours = () if replace else tuple(shipped_entry_files())
    return LexiconTexts(shipped(CATEGORIES_FILE), ours, tuple(read_text(path) for path in paths))


def load_lexicon(paths: Sequence[str | Path] = (), *, replace: bool = False) -> Lexicon:
    """Our entries (unless ``replace``), then each user file in order."""
    return build_lexicon(lexicon_texts(paths, replace=replace))


def build_lexicon(texts: LexiconTexts) -> Lexicon:
    """The lexicon the texts describe.

    A user entry with the same pattern and category as one of ours replaces it: that is how
    a user re-weights one of our entries, or switches it off with weight 0. The same pattern
    and category twice within our files, or twice within the user's, is an error; so is the
    same pattern under two marker categories, since only the heavier of two markers on the
    same words counts and the other would never be read.
    """
    categories = parse_categories(texts.categories)
    ours: dict[tuple[str, str], Entry] = {}
    for table in texts.ours:
        _add_unique(ours, parse_entries(table, categories))
    theirs: dict[tuple[str, str], Entry] = {}
    for table in texts.theirs:
        entries = parse_entries(table, categories)
        if not entries:
            raise LexiconError(f"{table.source}: has no entries; add lines of pattern<TAB>category<TAB>weight")
        _add_unique(theirs, entries)
    for table in (ours, theirs):
        _one_marker_per_pattern(table.values(), categories)
    # A marker weighted 0 is switched off; a negator weighted 0 still cancels what it negates.
    active = tuple(
        e for e in {**ours, **theirs}.values()
        if e.weight > 0 or categories[e.category].role != "marker"
    )
    return Lexicon(categories, active, texts)


def _one_marker_per_pattern(entries: Iterable[Entry], categories: dict[str, Category]) -> None:
    first: dict[str, Entry] = {}
    for entry in sorted(entries, key=lambda e: (e.source, e.line)):
        if categories[entry.category].role != "marker":
            continue
        if (earlier := first.setdefault(entry.pattern, entry)) is not entry:
            raise LexiconError(
                f"{entry.source}, line {entry.line}: '{entry.pattern}' is already a {earlier.category} marker "
                f"at {earlier.where}; only the heavier of two markers on the same words counts, so keep one"
            )


def _add_unique(table: dict[tuple[str, str], Entry], entries: Iterable[Entry]) -> None:
    for entry in entries:
        key = (entry.pattern, entry.category)
        if key in table:
            raise LexiconError(
                f"{entry.source}, line {entry.line}: duplicate entry '{entry.pattern}' "
                f"({entry.category}), first at {table[key].where}; remove one of them"
            )
        table[key] = entry
