"""The rules the PII detector runs on, read from data files and checked before anything runs.

``lexicons/pii_patterns.tsv`` ships the defaults; a user file in the same format adds rows
(``--pii-patterns FILE``). Allow and deny lists are plain name lists, one per line. Every
problem names the file and the line, as Presidio validates its recognizer configs up front.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import OptionError
from ..data.files import data_file

DEFAULT_FILE = "pii_patterns.tsv"
# What each regex row detects; the labels the detector knows what to do with.
REGEX_LABELS = ("EMAIL", "URL", "HANDLE", "PHONE", "ID", "PROFILE_URL", "CHAT_STAMP")
WORD_ROLES = ("greeting", "signoff", "thanks", "header", "title", "role", "group", "org", "particle",
              "name_prefix", "person_verb", "thing_verb", "thing_preposition", "people_noun",
              "thing_noun")


@dataclass
class PiiPatterns:
    """Compiled regexes by label and cue words by role (lower-case, as token sequences)."""

    regexes: dict[str, list[re.Pattern[str]]] = field(
        default_factory=lambda: {label: [] for label in REGEX_LABELS})
    words: dict[str, set[str]] = field(default_factory=lambda: {role: set() for role in WORD_ROLES})

    def phrases(self, role: str) -> list[tuple[str, ...]]:
        """Multi-word cues as word tuples, longest first, so "kind regards" wins over "kind"."""
        return sorted((tuple(w.split()) for w in self.words[role]), key=len, reverse=True)


def load_patterns(user_file: str | Path | None = None) -> PiiPatterns:
    """The shipped patterns, plus the rows of ``user_file`` when one is given."""
    patterns = PiiPatterns()
    shipped = data_file(DEFAULT_FILE)
    _add_rows(patterns, shipped.read_text(encoding="utf-8"), f"lexicons/{DEFAULT_FILE}")
    if user_file is not None:
        _add_rows(patterns, read_text(user_file, "--pii-patterns"), str(user_file))
    return patterns


def _add_rows(patterns: PiiPatterns, text: str, name: str) -> None:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        where = f"{name}:{number}"
        cells = line.split("\t")
        if len(cells) != 3 or not all(c.strip() for c in cells):
            raise OptionError(f"{where}: expected three tab-separated fields (kind, name, value), "
                              f"got {line!r}")
        kind, label, value = (c.strip() for c in cells)
        if kind == "regex":
            patterns.regexes[_known(label, REGEX_LABELS, "regex label", where)].append(
                _compile(value, where))
        elif kind == "word":
            patterns.words[_known(label, WORD_ROLES, "word role", where)].add(" ".join(value.lower().split()))
        else:
            raise OptionError(f"{where}: unknown kind {kind!r}; use 'regex' or 'word'")


def _known(label: str, valid: tuple[str, ...], what: str, where: str) -> str:
    if label not in valid:
        raise OptionError(f"{where}: unknown {what} {label!r}; valid: {', '.join(valid)}")
    return label


def _compile(value: str, where: str) -> re.Pattern[str]:
    try:
        pattern = re.compile(value, re.MULTILINE)
    except re.error as e:
        raise OptionError(f"{where}: invalid regular expression ({e})") from None
    if pattern.groupindex and "pii" not in pattern.groupindex:
        raise OptionError(f"{where}: a named group must be called 'pii' (the part to redact)")
    if pattern.search(""):
        raise OptionError(f"{where}: the regular expression matches empty text")
    return pattern


def read_names(source: str | Path | Iterable[str] | None, option: str) -> list[str]:
    """An allow or deny list: a file of one name per line (``#`` comments), or names given directly."""
    if source is None:
        return []
    if isinstance(source, (str, Path)):
        lines = read_text(source, option).splitlines()
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


def read_text(path: str | Path, option: str) -> str:
    try:
        return read_option_file(path, option).decode("utf-8-sig")
    except UnicodeDecodeError:
        raise OptionError(f"{option} {path}: is not UTF-8 text") from None


def read_option_file(path: str | Path, option: str) -> bytes:
    """The bytes of a file named by an option, or an error naming the option and the file."""
    p = Path(path)
    try:
        return p.read_bytes()
    except FileNotFoundError:
        raise OptionError(f"{option} {p}: no such file") from None
    except IsADirectoryError:
        raise OptionError(f"{option} {p}: is a directory, not a file") from None
    except OSError as e:
        raise OptionError(f"{option} {p}: cannot be read ({e.strerror or e})") from None


def pii_config(allow: Any, deny: Any, patterns: str | Path | None) -> dict[str, Any]:
    """The ``analyzer_pii`` config, every file read and checked now rather than mid-pipeline."""
    allowed, denied = read_names(allow, "--allow"), read_names(deny, "--deny")
    both = sorted({n.casefold() for n in allowed} & {n.casefold() for n in denied})
    if both:
        raise OptionError(f"{', '.join(both)}: on both the allow and the deny list; keep each name on one")
    if patterns is not None:
        load_patterns(patterns)
    return {"allow": allowed, "deny": denied, "patterns": str(patterns) if patterns is not None else None}
