"""The names of the months as memos write them, in full or cut short ("Sept.", "Aug"), and
of the days of the week."""

from __future__ import annotations

from spacy.tokens import Token

MONTHS = frozenset({"january", "february", "march", "april", "may", "june", "july", "august", "september",
                    "october", "november", "december"})
WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
_SHORT = frozenset({"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"})


def names_month(token: Token) -> bool:
    """A month's name, full or short, written with its capital: "may" and "mar" in lower case
    are words ("the numbers may change")."""
    word = token.text.rstrip(".")
    return word[:1].isupper() and word.lower() in MONTHS | _SHORT
