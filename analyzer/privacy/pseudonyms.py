"""Who is who: group a document's name mentions into people and give each a pseudonym.

"Quinn", "Quinn Slack" and "QUINN" are one person; "@bjorn.s" is the "Björn" of the same
chat. Without a key, people are "Person 1", "Person 2"... in order of first mention. With a
key, each pseudonym is an HMAC of the person's fullest name in the document, so the same
name gets the same pseudonym in every document and run that uses the same key, and nobody
without the key can compute or reverse it.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import OptionError
from .detect import HANDLE, PERSON, Detection
from .names import fold
from .patterns import read_option_file

# Shorter keys are passwords, and an HMAC keyed by a guessable password can be brute-forced
# from a list of likely names.
KEY_MIN_BYTES = 16
# 40 bits of the HMAC: collisions are negligible among the people of one archive.
KEYED_LENGTH = 8


@dataclass
class Person:
    pseudonym: str = ""
    first: int = 0
    names: set[tuple[str, ...]] = field(default_factory=set)  # folded words of each alias
    aliases: set[str] = field(default_factory=set)  # each name as written: "Quinn Slack", "Quinn"
    parts: set[str] = field(default_factory=set)  # each word of those names as written
    handles: set[str] = field(default_factory=set)  # without the @
    mentions: int = 0

    @property
    def words(self) -> set[str]:
        return {w for name in self.names for w in name}

    def canonical(self) -> str:
        """The fullest form of the name, the same in any document that writes it out."""
        if self.names:
            return " ".join(max(self.names, key=lambda n: (len(n), n)))
        return "@" + fold(min(self.handles))


def read_key(source: str | Path | bytes) -> bytes:
    """The pseudonym key: raw bytes, or a file's bytes with surrounding white space removed."""
    if isinstance(source, (bytes, bytearray)):
        key, where = bytes(source), "pseudonym_key"
    else:
        key, where = read_option_file(source, "--pseudonym-key").strip(), f"--pseudonym-key {source}"
    if len(key) < KEY_MIN_BYTES:
        raise OptionError(
            f"{where}: the key is {len(key)} bytes; use at least {KEY_MIN_BYTES} random bytes, "
            "e.g. `head -c 32 /dev/urandom | base64 > key`"
        )
    return key


def assign(detection: Detection, key: bytes | None = None) -> list[Person]:
    """The document's people, each with a pseudonym, in order of first mention."""
    people = _group_names(detection)
    for mention in detection.mentions:
        if mention.label == HANDLE:
            _attach_handle(people, mention.words[0], mention.start)
    people.sort(key=lambda p: p.first)
    for number, person in enumerate(people, start=1):
        person.pseudonym = _keyed(key, person.canonical()) if key else f"Person {number}"
    return people


def _group_names(detection: Detection) -> list[Person]:
    """Longest names first; a shorter one joins the one person whose name holds all its words."""
    mentions = [m for m in detection.mentions if m.label == PERSON and m.words]
    aliases: dict[tuple[str, ...], list] = {}
    for m in mentions:
        aliases.setdefault(tuple(fold(w) for w in m.words), []).append(m)
    people: list[Person] = []
    for name in sorted(aliases, key=lambda n: (-len(n), aliases[n][0].start)):
        holders = [p for p in people if set(name) <= p.words]
        person = holders[0] if len(holders) == 1 else None
        if person is None:
            person = Person(first=aliases[name][0].start)
            people.append(person)
        person.names.add(name)
        for m in aliases[name]:
            person.first = min(person.first, m.start)
            person.mentions += 1
            # As written too: "Müller-Łukasz" and "Whitfield, Dana" are one name, one pseudonym.
            person.aliases.update({" ".join(m.words), m.text})
            person.parts.update(m.words)
    return people


def _attach_handle(people: list[Person], handle: str, start: int) -> None:
    matches = [p for p in people if p.names and _handle_names(handle, p)]
    person = matches[0] if len(matches) == 1 else next((p for p in people if handle in p.handles), None)
    if person is None:
        person = Person(first=start)
        people.append(person)
    person.handles.add(handle)
    person.first = min(person.first, start)
    person.mentions += 1


def _handle_names(handle: str, person: Person) -> bool:
    """"dana.whitfield", "dwhitfield", "danaw", "kofi": a handle built from this person's name."""
    folded = fold(handle)
    pieces = [p for p in re.split(r"[\W_\d]+", folded) if len(p) > 1]
    if pieces and set(pieces) <= person.words:
        return True
    joined = "".join(pieces)
    for name in person.names:
        first, last = name[0], name[-1]
        if joined in {first, last, first + last, first[0] + last, first + last[0], last + first}:
            return True
    return False


def _keyed(key: bytes, canonical: str) -> str:
    digest = hmac.new(key, canonical.encode("utf-8"), hashlib.sha256).digest()
    return "Person " + base64.b32encode(digest).decode("ascii")[:KEYED_LENGTH]
