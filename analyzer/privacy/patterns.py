"""The rules the PII detector runs on, read from data files and checked before anything runs.

``lexicons/privacy/pii-patterns.tsv`` ships the defaults; a user file in the same format adds
rows (``--pii-patterns FILE``). Both are read like every other table (``data.tables``), so
every problem names the file and the line, as Presidio validates its recognizer configs up
front. Allow and deny lists are plain name lists, one per line; they are given per run and
never saved with a pipeline.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..data.files import DataText, read_bytes, read_text, shipped
from ..data.tables import Row, rows
from ..errors import OptionError

DEFAULT_FILE = "privacy/pii-patterns.tsv"
# What each regex row detects; the labels the detector knows what to do with.
REGEX_LABELS = ("EMAIL", "URL", "HANDLE", "PHONE", "ID", "PROFILE_URL", "CHAT_STAMP")
WORD_ROLES = ("greeting", "signoff", "thanks", "header", "title", "name_suffix", "role", "group", "org", "legal_form",
              "particle", "name_prefix", "person_verb", "thing_verb", "thing_preposition", "people_noun",
              "person_noun", "thing_noun", "citation_cue")


@dataclass
class PiiPatterns:
    """Compiled regexes by label and cue words by role (lower-case, as token sequences)."""

    regexes: dict[str, list[re.Pattern[str]]] = field(
        default_factory=lambda: {label: [] for label in REGEX_LABELS})
    words: dict[str, set[str]] = field(default_factory=lambda: {role: set() for role in WORD_ROLES})
    # The files they were read from, so a saved pipeline rebuilds them.
    tables: tuple[DataText, ...] = ()

    def phrases(self, role: str) -> list[tuple[str, ...]]:
        """Multi-word cues as word tuples, longest first, so "kind regards" wins over "kind"."""
        return sorted((tuple(w.split()) for w in self.words[role]), key=len, reverse=True)


def load_patterns(user_file: str | Path | None = None) -> PiiPatterns:
    """The shipped patterns, plus the rows of ``user_file`` when one is given."""
    tables = [shipped(DEFAULT_FILE)]
    if user_file is not None:
        tables.append(read_text(user_file))
    return build_patterns(tables)


def build_patterns(tables: Iterable[DataText]) -> PiiPatterns:
    patterns = PiiPatterns(tables=tuple(tables))
    for table in patterns.tables:
        for row in rows(table, ("kind", "name", "value")):
            if row["kind"] == "regex":
                patterns.regexes[_known(row, REGEX_LABELS, "regex label")].append(_compile(row))
            elif row["kind"] == "word":
                patterns.words[_known(row, WORD_ROLES, "word role")].add(" ".join(row["value"].lower().split()))
            else:
                raise row.error(f"unknown kind {row['kind']!r}; use 'regex' or 'word'")
    return patterns


def _known(row: Row, valid: tuple[str, ...], what: str) -> str:
    if row["name"] not in valid:
        raise row.error(f"unknown {what} {row['name']!r}; valid: {', '.join(valid)}")
    return row["name"]


def _compile(row: Row) -> re.Pattern[str]:
    try:
        pattern = re.compile(row["value"], re.MULTILINE)
    except re.error as e:
        raise row.error(f"invalid regular expression ({e})") from None
    if pattern.groupindex and "pii" not in pattern.groupindex:
        raise row.error("a named group must be called 'pii' (the part to redact)")
    if pattern.search(""):
        raise row.error("the regular expression matches empty text")
    return pattern


def read_names(source: str | Path | Iterable[str] | None, option: str) -> list[str]:
    """An allow or deny list: a file of one name per line (``#`` comments), or names given directly."""
    if source is None:
        return []
    if isinstance(source, (str, Path)):
        lines = _option_text(source, option).splitlines()
        where = str(source)
    else:
        lines = list(source)
        where = option
    names = []
    for number, line in enumerate(lines, start=1):
        if not isinstance(line, str):
            raise OptionError(f"{option}: names must be text, not {type(line).__name__}")
        name = " ".join(line.split("#", 1)[0].split()) if isinstance(source, (str, Path)) else " ".join(line.split())
        if not name:
            continue
        if not any(c.isalnum() for c in name):
            raise OptionError(f"{where}:{number}: {name!r} has no letters or digits; give one name per line")
        names.append(name)
    return names


def _option_text(path: str | Path, option: str) -> str:
    try:
        return read_option_file(path, option).decode("utf-8-sig")
    except UnicodeDecodeError:
        raise OptionError(f"{option} {path}: is not UTF-8 text") from None


def read_option_file(path: str | Path, option: str) -> bytes:
    """The bytes of a file named by an option, or an error naming the option and the file."""
    return read_bytes(Path(path), lambda problem: OptionError(f"{option} {Path(path)}: {problem}"))


def privacy_lists(allow: Any, deny: Any) -> tuple[list[str], list[str]]:
    """The allow and deny lists, read and checked before anything is built."""
    allowed, denied = read_names(allow, "--allow"), read_names(deny, "--deny")
    both = sorted({n.casefold() for n in allowed} & {n.casefold() for n in denied})
    if both:
        raise OptionError(f"{', '.join(both)}: on both the allow and the deny list; keep each name on one")
    return allowed, denied
