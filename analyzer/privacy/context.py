"""What travels with a report, unserialised, so any writer can check it before writing.

``Analyzer.analyze`` returns a ``Report`` (a dict: the JSON report itself) whose ``privacy``
attribute is a ``PrivacyContext``: the strings that were redacted and what replaced them. It
is an attribute, not a key, so ``json.dumps(report)`` never writes it; a copy made with
``dict(report)`` or a JSON round trip loses it, and the leak check then refuses to pass.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

OFF, STANDARD, STRICT = "off", "standard", "strict"
# Two phone numbers are the same number when their last digits agree, however grouped, so
# a fragment another stage quoted ("7946 0958" read as a figure) is still that phone.
PHONE_TAIL = 7


@dataclass(frozen=True)
class Term:
    """One string to replace in every output, and what replaces it."""

    text: str
    replacement: str
    kind: str  # PERSON, HANDLE, EMAIL, PHONE, URL, ID
    # A name word the text also uses as an ordinary word ("will"): only its capitalised,
    # ALL-CAPS and as-written forms are the name.
    exact_case: bool = False


@dataclass(frozen=True)
class PrivacyContext:
    mode: str
    terms: tuple[Term, ...] = ()
    # The pseudonym key, kept so the leak check can prove it never reaches an output.
    key: bytes | None = field(default=None, repr=False)

    @property
    def redacts(self) -> bool:
        return self.mode != OFF


NO_PRIVACY = PrivacyContext(OFF)


def term_regex(terms: Iterable[tuple[str, bool]]) -> re.Pattern[str] | None:
    """One regex for many terms, longest first, each as a whole word.

    A name broken across lines in a quote ("Quinn\\nSlack") still matches: its words may be
    separated by any white space. Underscores separate words here ("_Dana_" in Markdown,
    "dana_review.txt"): only a letter, digit or "@" next to a term makes it part of another word.
    """
    alternatives = []
    for text, exact_case in sorted(set(terms), key=lambda t: len(t[0]), reverse=True):
        if exact_case:
            forms = {text, text[:1].upper() + text[1:], text.upper()}
            alternatives.extend(_spaced(form) for form in sorted(forms))
        else:
            alternatives.append(f"(?i:{_spaced(text)})")
    if not alternatives:
        return None
    return re.compile(rf"(?<![^\W_])(?<!@)(?:{'|'.join(alternatives)})(?![^\W_])")


def _spaced(text: str) -> str:
    return r"\s+".join(re.escape(word) for word in text.split())


def digits(text: str) -> str:
    return "".join(c for c in text if c.isdigit())


def phone_tails(terms: Iterable[Term]) -> set[str]:
    """The last digits of every detected phone number."""
    return {digits(t.text)[-PHONE_TAIL:] for t in terms if t.kind == "PHONE"}


def is_known_phone(candidate: str, tails: set[str]) -> bool:
    number = digits(candidate)
    return len(number) >= PHONE_TAIL and number[-PHONE_TAIL:] in tails
