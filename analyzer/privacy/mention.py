"""What detection reports: each mention of personal data, and the document's verdicts."""

from __future__ import annotations

from dataclasses import dataclass

PERSON, HANDLE, EMAIL, PHONE, URL, ID = "PERSON", "HANDLE", "EMAIL", "PHONE", "URL", "ID"


@dataclass(frozen=True)
class Mention:
    label: str
    text: str
    start: int
    end: int
    # For a name, its words as written, without particles and initials ("María", "Cruz").
    words: tuple[str, ...] = ()


@dataclass(frozen=True)
class Detection:
    """Everything the pseudonyms, the redaction and the leak check need from the document."""

    mentions: tuple[Mention, ...]
    # Each accepted name (its folded words) with the evidence that made it a person.
    people: dict[tuple[str, ...], tuple[str, ...]]
    # Candidates kept as non-persons, with the reason (so a reviewer can see why "Cody" stayed).
    rejected: dict[str, tuple[str, ...]]
    # Name words the document also uses as ordinary lower-case words ("will", "mark").
    ordinary_words: frozenset[str]
