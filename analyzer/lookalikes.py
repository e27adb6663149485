"""Vocabulary of lines that open, close or describe a document: salutations ("Dear
all,"), sign-offs ("Thanks,") and metadata fields ("Author: Dana"). Headings and metadata
both read it, from ``lexicons/heading-lookalikes.tsv``, so a user extends it in one place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .errors import LexiconError
from .lexicon import read_text, table_rows
from .resources import data_file

LOOKALIKES_FILE = "heading-lookalikes.tsv"
ROLES = ("salutation", "signoff", "field")
# A sign-off may carry a name of a few words: "Best regards, Dana Whitfield".
MAX_SIGNATURE_WORDS = 3
_KEY_VALUE = re.compile(r"^(?P<key>[A-Za-z][\w-]*(?: [\w-]+){0,2})\s*:\s+\S")


@dataclass(frozen=True)
class LookAlikes:
    """Each role's phrases, compiled to match at the start of a line."""

    salutation: re.Pattern[str]
    signoff: re.Pattern[str]
    field: re.Pattern[str]


def key_value(text: str) -> bool:
    """A ``Key: value`` line with a short key, as fields and header lines are written."""
    return bool(_KEY_VALUE.match(text))


@lru_cache(maxsize=1)
def load_lookalikes() -> LookAlikes:
    """The shipped vocabulary, read once."""
    source = f"lexicons/{LOOKALIKES_FILE}"
    return parse_lookalikes(read_text(data_file(LOOKALIKES_FILE), source), source)


def parse_lookalikes(text: str, source: str) -> LookAlikes:
    """``role<TAB>phrase`` rows; a malformed line is an error naming the file and the line."""
    phrases: dict[str, list[str]] = {role: [] for role in ROLES}
    for number, (role, phrase) in table_rows(text, source, ("role", "phrase"), 2):
        where = f"{source}, line {number}"
        if role not in phrases:
            raise LexiconError(f"{where}: unknown role '{role}'; use one of {', '.join(ROLES)}")
        if not re.fullmatch(r"[a-z][a-z' -]*", phrase):
            raise LexiconError(f"{where}: phrase '{phrase}' must be lower-case words")
        phrases[role].append(phrase)
    if missing := [role for role in ROLES if not phrases[role]]:
        raise LexiconError(f"{source}: no {', '.join(missing)} phrases; each role needs at least one")
    return LookAlikes(
        salutation=_starting(phrases["salutation"], r"\b"),
        # A sign-off stands alone ("Thanks!"), or before a name of a few words ("Thanks, Dana").
        signoff=_starting(phrases["signoff"], rf"(?:\s*[,.!]?|\s*,(?:\s+[A-Z][\w.'-]*){{1,{MAX_SIGNATURE_WORDS}}})\s*$"),
        field=_starting(phrases["field"], r"\s*:\s*\S"),
    )


def _starting(phrases: list[str], tail: str) -> re.Pattern[str]:
    """The phrases in any case at the start of a line, then ``tail`` (case-sensitive)."""
    ordered = sorted(phrases, key=len, reverse=True)
    alternatives = "|".join(r"\s+".join(map(re.escape, p.split())) for p in ordered)
    return re.compile(rf"^(?i:{alternatives}){tail}")
