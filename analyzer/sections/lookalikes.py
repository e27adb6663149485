"""Vocabulary of lines that open, close or describe a document: salutations ("Dear
all,"), sign-offs ("Thanks,"), metadata fields ("Author: Dana"), the footers a mail
program or a company appends below a message ("Sent from my phone", "CONFIDENTIALITY
NOTICE: …"), and the names an AI assistant speaks under in a chat export. Headings and
metadata both read it, from ``lexicons/sections/lookalikes.tsv``, so a user extends it in
one place.
The pipeline reads the file once and hands it to the sections stage; ``shipped_lookalikes``
is the same vocabulary for callers of ``find_sections`` who give none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..data.files import DataText, shipped
from ..data.tables import rows
from ..errors import LexiconError
from .layout import words_of

LOOKALIKES_FILE = "sections/lookalikes.tsv"
ROLES = ("salutation", "address", "signoff", "field", "footer", "assistant")
# Roles a vocabulary cannot do without; a text may well have no footer or assistant to know.
REQUIRED_ROLES = ("salutation", "signoff", "field")
# A sign-off may carry a name of a few words: "Best regards, Dana Whitfield".
MAX_SIGNATURE_WORDS = 3
# A sign-off's phrase may take one or two words more after "and", then a comma: "Thanks and
# regards,". (Without the comma, "Best and worst cases" would close a letter.)
_JOINED = r"(?:\s+(?i:and|&)(?:\s+[A-Za-z]+){1,2}(?=\s*,))?"
# Blank lines a sign-off may stand above the names it signs with (Markdown sources keep two).
SIGNATURE_GAP = 2
# A salutation is a short line; longer lines that open with "Hi" are sentences.
MAX_GREETING_WORDS = 8
MAX_ADDRESSEE_WORDS = 20
_KEY_VALUE = re.compile(r"^(?P<key>[A-Za-z][\w-]*(?: [\w-]+){0,2})\s*:\s+\S")


@dataclass(frozen=True)
class LookAlikes:
    """Each role's phrases, compiled to match at the start of a line."""

    salutation: re.Pattern[str]
    address: re.Pattern[str]
    signoff: re.Pattern[str]
    field: re.Pattern[str]
    footer: re.Pattern[str]
    assistant: re.Pattern[str]
    # The file it was read from, so a saved pipeline keeps the same vocabulary.
    table: DataText

    def greets(self, text: str, paragraph: bool = False) -> bool:
        """Whether a line is a salutation: a few words that open with a greeting ("Hi all,",
        "To everyone who attended DevSummit last week,") and end with a comma, colon or "!";
        or only the people addressed, and a comma ("Team,", "Colleagues,"). A line that is a
        ``paragraph`` of its own may name everyone it greets ("To the volunteers, staff,
        funders and families of the Harbour Reading Project,"): no sentence ends so."""
        longest = MAX_ADDRESSEE_WORDS if paragraph else MAX_GREETING_WORDS
        return (len(words_of(text)) <= longest and text.endswith((",", ":", "!"))
                and bool(self.salutation.match(text))) or bool(self.address.match(text))


def key_value(text: str) -> bool:
    """A ``Key: value`` line with a short key, as fields and header lines are written."""
    return bool(_KEY_VALUE.match(text))


@lru_cache(maxsize=1)
def shipped_lookalikes() -> LookAlikes:
    """The shipped vocabulary, read once per process."""
    return parse_lookalikes(shipped(LOOKALIKES_FILE))


def parse_lookalikes(table: DataText) -> LookAlikes:
    """``role<TAB>phrase`` rows; a malformed line is an error naming the file and the line."""
    phrases: dict[str, list[str]] = {role: [] for role in ROLES}
    for row in rows(table, ("role", "phrase")):
        role, phrase = row["role"], row["phrase"]
        if role not in phrases:
            raise row.error(f"unknown role '{role}'; use one of {', '.join(ROLES)}")
        if not re.fullmatch(r"[a-z][a-z' -]*", phrase):
            raise row.error(f"phrase '{phrase}' must be lower-case words")
        phrases[role].append(phrase)
    if missing := [role for role in REQUIRED_ROLES if not phrases[role]]:
        raise LexiconError(f"{table.source}: no {', '.join(missing)} phrases; each role needs at least one")
    return LookAlikes(
        salutation=_starting(phrases["salutation"], r"\b"),
        address=_starting(phrases["address"], r"\s*,\s*$"),
        # A sign-off stands alone ("Thanks!"), joined to a word or two more ("With gratitude and
        # hope,"), before a name of a few words ("Thanks, Dana"), before a dash and a signature
        # ("Signed, -- The Executive Council and Director"), or with a few words on how the
        # names below are set out ("Signed, by surname,").
        signoff=_starting(phrases["signoff"], _JOINED
                          + rf"(?:\s*[,.!]?|\s*,(?:\s+[A-Z][\w.'-]*){{1,{MAX_SIGNATURE_WORDS}}}"
                          + rf"|\s*,(?:\s+[a-z][\w'-]*){{1,{MAX_SIGNATURE_WORDS}}}\s*[,:]"
                          + r"|\s*,?\s*(?:--?|[–—])\s*[A-Z][^.!?]{0,80})\s*$"),
        field=_starting(phrases["field"], r"\s*:\s*\S"),
        footer=_starting(phrases["footer"], r"\b"),
        assistant=_starting(phrases["assistant"], r"\b"),
        table=table,
    )


def _starting(phrases: list[str], tail: str) -> re.Pattern[str]:
    """The phrases in any case at the start of a line, then ``tail`` (case-sensitive); with no
    phrases, a pattern that matches nothing."""
    if not phrases:
        return re.compile(r"(?!)")
    ordered = sorted(phrases, key=len, reverse=True)
    alternatives = "|".join(r"\s+".join(map(re.escape, p.split())) for p in ordered)
    return re.compile(rf"^(?i:{alternatives}){tail}")
