"""Personal data that has a shape: e-mail addresses, URLs, IDs, @handles and phone numbers.

These are found by the regexes of ``pii_patterns.tsv`` before any name is looked for, because
they also fence names in: a word inside an e-mail address or a URL is not a name of its own
("dana" in "dana@example.com" goes with the address), and an allow-listed name is never one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .mention import EMAIL, HANDLE, ID, PHONE, URL, Mention
from .names import fold
from .patterns import PiiPatterns
from .reader import Masks

PHONE_MIN_DIGITS, PHONE_MAX_DIGITS = 7, 15
# A date with its year, then more figures: "2024-05-07 09" of a chat's "[2024-05-07 09:14]".
_DATE_START = re.compile(r"(?:(?:19|20)\d\d([-/.])\d\d\1\d\d|\d\d([-/.])\d\d\2(?:19|20)\d\d)(?!\d)")


@dataclass(frozen=True)
class Found:
    mentions: tuple[Mention, ...]
    masks: Masks


def find_shaped(text: str, patterns: PiiPatterns, allow: re.Pattern[str] | None) -> Found:
    """The shaped personal data of ``text``, and the characters they and allowed names cover."""
    blocked = bytearray(len(text) + 1)
    allowed = bytearray(len(text) + 1)
    for start, end in spans_of(allow, text):
        allowed[start:end] = b"\x01" * (end - start)
    mentions: list[Mention] = []
    regexes = patterns.regexes
    for label in (EMAIL, URL, ID):
        for start, end in matches(regexes[label], text):
            if not blocked[start]:
                blocked[start:end] = b"\x01" * (end - start)
                if label != URL:  # a URL is personal only when it names someone: see mentions
                    mentions.append(Mention(label, text[start:end], start, end))
    for start, end in matches(regexes[HANDLE], text):
        handle = text[start:end]
        if fold(handle) not in patterns.words["group"] and not allowed[start]:
            mentions.append(Mention(HANDLE, "@" + handle, start - 1, end, (handle,)))
    for start, end in matches(regexes[PHONE], text):
        if not blocked[start] and is_phone(text[start:end]):
            mentions.append(Mention(PHONE, text[start:end], start, end))
    return Found(tuple(mentions), Masks(bytes(blocked), bytes(allowed)))


def matches(regexes: list[re.Pattern[str]], text: str) -> Iterable[tuple[int, int]]:
    """Each match's span, or its ``pii`` group's when the regex marks the part to redact."""
    for regex in regexes:
        for m in regex.finditer(text):
            yield m.span("pii") if "pii" in regex.groupindex else m.span()


def spans_of(regex: re.Pattern[str] | None, text: str) -> list[tuple[int, int]]:
    return [m.span() for m in regex.finditer(text)] if regex is not None else []


def is_phone(text: str) -> bool:
    """7 to 15 digits, written as a phone number is: grouped, international or national; not a date."""
    digits = sum(c.isdigit() for c in text)
    groups = re.split(r"[ .()-]+", text.strip("+() "))
    if not PHONE_MIN_DIGITS <= digits <= PHONE_MAX_DIGITS:
        return False
    dated = [len(g) for g in groups] in ([4, 2, 2], [2, 2, 4]) or bool(_DATE_START.match(text))
    national = text.startswith("0") and digits >= 10  # "07700 900461"
    return not dated and (text.startswith(("+", "(")) or len(groups) >= 3 or national)
