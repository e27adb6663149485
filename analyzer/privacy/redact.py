"""Apply the pseudonyms to every string of a report that came from the document.

The walk visits every key and value of the report dict, so a field another stage adds later
(claims, markers, takeaways, anything) is redacted without anyone listing it here; only the
fields ``fields.VOCABULARY`` declares our own words are left as they are. In strict mode each
string is then cut to a short snippet, so no sentence of the input survives whole.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from ..text.codes import DIGIT_RUN
from .context import STRICT, PrivacyContext, Term, is_known_phone, phone_tails, term_regex
from .detect import HANDLE, PERSON, Detection
from .fields import SOURCE_LABEL, rewrite
from .names import fold
from .pseudonyms import Person

PLACEHOLDERS = {"EMAIL": "[email]", "PHONE": "[phone]", "URL": "[url]", "ID": "[id]"}
# Strict mode keeps at most this many words of any string: enough to find the passage in
# the original, too few to carry a sentence.
SNIPPET_WORDS = 6
# Pieces of a handle this short ("a" of "kwame.a") are initials, and left alone.
HANDLE_PIECE_MIN = 2
ELLIPSIS = "…"
FIELD_NAME = re.compile(r"[a-z][a-z0-9_]*")


def handle_names(handle: str) -> list[str]:
    """The name inside a handle: "kwame" of "@kwame.a", "dana" and "whitfield" of "dana_whitfield".

    Redacting "@kwame.a" but not "kwame" would print the pseudonym right beside the name.
    Pieces of one or two letters are initials, not names.
    """
    return [piece for piece in re.split(r"[\W_\d]+", handle) if len(piece) > HANDLE_PIECE_MIN]


def build_terms(detection: Detection, people: Iterable[Person]) -> tuple[Term, ...]:
    """Every detected string and its parts, with the pseudonym or placeholder that replaces it."""
    terms: dict[str, Term] = {}
    people = list(people)
    # Whole names first: a "Chris" of their own keeps their pseudonym, not Chris Lee's. The
    # forms are sets; sorted, the capitalised spelling of a word comes first and is the one
    # kept, whatever order the set (and the process's hash seed) gives them.
    for forms in ([(p, p.aliases) for p in people], [(p, p.parts) for p in people]):
        for person, written in forms:
            for form in sorted(written):
                exact = " " not in form and fold(form) in detection.ordinary_words
                terms.setdefault(fold(form), Term(form, person.pseudonym, PERSON, exact))
    for person in people:
        for handle in sorted(person.handles):
            for form in (f"@{handle}", handle, *handle_names(handle)):
                terms.setdefault(fold(form), Term(form, person.pseudonym, HANDLE, fold(form) in detection.ordinary_words))
    for mention in detection.mentions:
        if mention.label in PLACEHOLDERS:
            terms.setdefault(fold(mention.text), Term(mention.text, PLACEHOLDERS[mention.label], mention.label))
        if mention.label == "EMAIL":
            local = mention.text.split("@")[0]
            # "dana.whitfield" names someone; a bare "hr" or "support" is a role, and a common word.
            if re.search(r"[._\d-]", local) and len(local) > 2:
                terms.setdefault(fold(local), Term(local, "[email]", "EMAIL"))
    return tuple(terms.values())


class Redactor:
    """Replaces every term in a string, longest first, whole words only; and any run of
    digits that ends like a detected phone number, however another stage cut or grouped it."""

    def __init__(self, terms: Iterable[Term]) -> None:
        terms = list(terms)
        self.replacements = {_norm(t.text): t.replacement for t in terms}
        self.pattern = term_regex((t.text, t.exact_case) for t in terms)
        self.phones = phone_tails(terms)

    def __call__(self, text: str) -> str:
        if self.pattern is not None:
            text = self.pattern.sub(lambda m: self.replacements[_norm(m.group())], text)
        if self.phones:
            text = DIGIT_RUN.sub(lambda m: PLACEHOLDERS["PHONE"] if is_known_phone(m.group(), self.phones)
                                  else m.group(), text)
        return text


def _norm(text: str) -> str:
    return " ".join(fold(text).split())


def redact_report(report: dict[str, Any], context: PrivacyContext) -> dict[str, Any]:
    """A copy of ``report`` with every key and document string redacted (cut to snippets if strict).

    The source label is the file's path as the user gave it, and paths carry names
    ("reviews/dana-whitfield.txt"): it is replaced whole, not redacted word by word.
    """
    redactor = Redactor(context.terms)
    value = redactor if context.mode != STRICT else lambda s: snippet(redactor(s))
    # Keys are field names: redact them, since a later field might be keyed by name, but only
    # names written with a capital, so a person called "Line" never renames the "line" field,
    # and never a lower-case identifier, which every field of the schema is: a handle such as
    # "@title" must not rename the sections' "title".
    names = Redactor(replace(t, exact_case=True) for t in context.terms)
    redacted = rewrite(report, value, lambda k: k if FIELD_NAME.fullmatch(k) else names(k))
    document = redacted.get("document")
    if isinstance(document, dict) and document.get("source") is not None:
        document["source"] = SOURCE_LABEL
    return redacted


def snippet(text: str) -> str:
    words = text.split()
    if len(words) <= SNIPPET_WORDS:
        return text
    return " ".join(words[:SNIPPET_WORDS]) + " " + ELLIPSIS
