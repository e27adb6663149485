"""Every place an accepted name occurs, and the URLs that name someone.

A person is found once on evidence; after that each occurrence of their name's words counts,
in any case ("DANA"), widened to the capitalised words around it ("Priya" -> "Priya Raman"),
except where the word is used as an ordinary word ("we will", "a grace period").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Token

from .found import matches
from .mention import HANDLE, PERSON, URL, Mention
from .names import fold
from .reader import NameReader
from .verdict import Verdict

# Parts of speech a lower-case word takes when it is an ordinary word, not a name ("will").
ORDINARY_POS = frozenset({"VERB", "AUX", "ADJ", "ADV", "ADP", "DET", "PRON", "CCONJ", "SCONJ", "PART", "NUM"})
# A lower-case word in these roles is a noun phrase: a name written in lower case ("greta added").
NOMINAL_ROLES = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "dative", "appos"})
# A name word this long is looked for inside the pieces of an address, not only as a piece:
# shorter ones ("dana", "li") sit inside ordinary words.
EMBEDDED_NAME = 5
# A user name: letters and digits, perhaps joined by dots, hyphens or underscores ("dana_w").
USER_NAME = re.compile(r"@?[^\W_](?:[\w.-]*[^\W_])?")


def person_mentions(reader: NameReader, verdict: Verdict) -> list[Mention]:
    """Every occurrence of an accepted name's words, widened to the name around it."""
    doc = reader.doc
    forms = {t.text for key, runs in verdict.runs.items() for s, e in runs for t in doc[s:e] if fold(t.text) in key}
    if not forms:
        return []
    # Where the reader sees no run (a name at a line start that the tagger reads as a common
    # word), the run the name was accepted in still holds the whole name: "- **Thandiwe Nkosi**".
    accepted = {i: run for runs in verdict.runs.values() for run in runs for i in range(*run)}
    # Underscores separate words here, as in the redaction: "__Marisol Quispe__" is Markdown emphasis.
    pattern = re.compile(r"(?<![^\W_])(?<![@.])(?:" + "|".join(map(re.escape, sorted(forms, key=len, reverse=True)))
                         + r")(?![^\W_])", re.IGNORECASE)
    found = []
    for m in pattern.finditer(reader.text):
        if reader.blocked(m.start()) or reader.allowed(m.start()):
            continue
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is None or ordinary(span[0]):
            continue
        if span.text != m.group() and reader.run_at(span.start) is None:
            if USER_NAME.fullmatch(span.text):
                # "bob.t", "dana_w": the name glued into a user name, which joins its person as a handle.
                found.append(Mention(HANDLE, span.text, span.start_char, span.end_char, (span.text,)))
            else:
                # Glued to markup ('title="Dana'): the name alone, or the markup's words would be
                # taken for pieces of a handle and redacted wherever they stand.
                found.append(Mention(PERSON, m.group(), m.start(), m.end(), (m.group(),)))
            continue
        run = reader.run_at(span.start) or accepted.get(span.start) or (span.start, span.end)
        name = doc[run[0]:run[1]]
        found.append(Mention(PERSON, name.text, name.start_char, name.end_char, reader.name_words(*run)))
    return found


def named_urls(reader: NameReader, verdict: Verdict, handles: Iterable[Mention]) -> list[Mention]:
    """URLs that contain a person's name or handle, or point at a profile (``PROFILE_URL``).
    A longer name word counts inside a piece of the address too: a personal site
    ("devonzuegel.com") or a user page ("codeberg.org/mfenniak") runs the words together."""
    words = {w for key in verdict.people for w in key if len(w) > 2}
    words |= {fold(m.text.lstrip("@")) for m in handles if m.label == HANDLE}
    embedded = {w for w in words if len(w) >= EMBEDDED_NAME}
    profiles = reader.patterns.regexes["PROFILE_URL"]
    found = []
    for start, end in matches(reader.patterns.regexes[URL], reader.text):
        url = reader.text[start:end]
        pieces = set(re.split(r"[\W_]+", fold(url)))
        named = pieces & words or any(w in piece for piece in pieces for w in embedded)
        if named or any(p.search(url) for p in profiles):
            found.append(Mention(URL, url, start, end))
    return found


def ordinary_words(reader: NameReader, verdict: Verdict, names: Iterable[Mention]) -> frozenset[str]:
    """Name words the text also uses as ordinary words: only their capitalised forms are the
    name. The words a mention was widened to count too ("Public" of "Public Geodata"), or
    "the public forum" would lose its word wherever the name is redacted."""
    words = {w for key in verdict.people for w in key} | {fold(w) for m in names for w in m.words}
    return frozenset(t.lower_ for t in reader.doc if t.lower_ in words and ordinary(t) and not _in_a_slug(t, words))


def _in_a_slug(token: Token, words: set[str]) -> bool:
    """Whether the token is glued by a hyphen to another name word: a name written as a label
    ("dana-whitfield-photo") is the name in lower case, not a word the text uses for itself.
    (The tokenizer keeps "dana_whitfield.pdf" whole, and the redaction reads "_" as a break.)"""
    doc = token.doc
    for joint, other in ((token.i + 1, token.i + 2), (token.i - 1, token.i - 2)):
        if not 0 <= other < len(doc) or doc[joint].text != "-":
            continue
        left = min(token.i, other)
        glued = not doc[left].whitespace_ and not doc[joint].whitespace_
        if glued and doc[other].lower_ in words:
            return True
    return False


def ordinary(token: Token) -> bool:
    """A lower-case word used as a word ("we will", "a grace period"), not a name in lower case.

    A bare lower-case noun ("thanks dana") still counts as the name: better to redact a word
    than to leak a name.
    """
    if not token.is_lower:
        return False
    determined = any(c.dep_ in ("det", "amod", "poss") for c in token.children)  # "a grace period"
    if token.dep_ in NOMINAL_ROLES:
        return token.pos_ == "NOUN" and determined
    if token.pos_ == "ADV" and not (token.is_stop or token.lower_.endswith("ly")):
        return False  # the tagger's guess for a word it does not know ("alba handled comms")
    if token.pos_ in ORDINARY_POS:
        return True
    return token.pos_ == "NOUN" and (determined or (token.dep_ == "compound" and token.head.is_lower))


def without_overlaps(mentions: list[Mention]) -> list[Mention]:
    """In text order; a mention inside an earlier, longer one (a name inside a URL) is dropped."""
    kept: list[Mention] = []
    for m in sorted(mentions, key=lambda m: (m.start, -m.end)):
        if kept and m.start < kept[-1].end:
            continue
        kept.append(m)
    return kept
