"""What the claims stage produces: a claim, and the clause it was read from."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Token

from .modality import SUBJECT_DEPS
from .quantities import Quantity


@dataclass(frozen=True)
class Claim:
    """One clause read as a claim: what it says, how it is put, and the words that decided."""

    text: str
    line: int
    section: int | None
    subject: str | None
    predicate: str | None
    object: str | None
    path: str
    kind: str
    modality: str
    polarity: str
    speaker: str | None
    quantities: tuple[Quantity, ...]
    # The words behind the kind and the modality: (words, what they mark).
    cues: tuple[tuple[str, str], ...]

    def as_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "line": self.line,
            "section": self.section,
            "subject": self.subject,
            "predicate": self.predicate,
            "object": self.object,
            "path": self.path,
            "kind": self.kind,
            "modality": self.modality,
            "polarity": self.polarity,
            "speaker": self.speaker,
            "quantities": [q.as_dict() for q in self.quantities],
            "cues": [{"text": text, "marks": marks} for text, marks in self.cues],
        }


@dataclass
class Clause:
    """A clause of a sentence: ``anchor`` tops its tokens, ``head`` is its predicate.

    They differ when frames were lifted: for "I think we failed", the anchor is "think" and
    the head is "failed".
    """

    anchor: Token
    head: Token
    via: str
    parent: Clause | None = None
    frames: list[Token] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)

    @property
    def subject(self) -> Token | None:
        own = [c for c in self.head.children if c.dep_ in SUBJECT_DEPS]
        if own:
            return min(own, key=lambda c: abs(c.i - self.head.i))
        led = self.head.head if self.head.dep_ == "conj" and self.head.head in self.frames else None
        if led is not None:  # "I went and interviewed them": the subject of the verb that leads in
            return next((c for c in led.children if c.dep_ in SUBJECT_DEPS), None)
        if self.via == "conj" and self.parent is not None:
            return self.parent.subject
        return None
