"""The last gate before any output is written: does a detected string survive in it?

``check_leaks(text, context)`` is the one function every writer calls with the rendered
text (Markdown, JSON, HTML, CSV, JSONL...) and the report's ``PrivacyContext``. It scans for
every redacted term and its parts, in the forms a renderer or a reader might turn them into
(escaped, entity-encoded, without accents, in capitals, with the digits of a phone number
regrouped), and for the pseudonym key. It fails closed: no context, or any hit, raises
``LeakError`` and the writer writes nothing.
"""

from __future__ import annotations

import base64
import html
import re
import unicodedata
from collections import Counter
from typing import Any
from urllib.parse import unquote

from ..errors import LeakError
from .context import PHONE_LIKE, PrivacyContext, Term, is_known_phone, phone_tails, term_regex
from .names import plain

_ESCAPED = re.compile(r"\\([^\w\s])")
_UNICODE_ESCAPE = re.compile(r"\\u([0-9a-fA-F]{4})")
# JSON's "\n" before a name would otherwise glue it to the "n".
_CONTROL_ESCAPE = re.compile(r"\\[nrtbf]")
_INVISIBLE = re.compile(r"[\u00ad\u200b-\u200f\u2060\ufeff]")


def privacy_of(report: Any) -> PrivacyContext | None:
    """The context that travelled with a report, or None if it was lost on the way."""
    return getattr(report, "privacy", None)


def check_leaks(text: str, context: PrivacyContext | None) -> None:
    """Raise ``LeakError`` if ``text`` may not be written; return quietly if it may."""
    if context is None:
        raise LeakError(
            "privacy check failed: no record of what was redacted travelled with the report, "
            "so nothing was written (pass the report's .privacy to the writer)"
        )
    if not context.redacts:
        return
    hits = find_leaks(text, context)
    if hits:
        found = ", ".join(f"{n} {kind.lower()}{'s' if n > 1 else ''}" for kind, n in sorted(hits.items()))
        raise LeakError(
            f"privacy check failed: the output still contains {found} that should have been "
            "redacted; nothing was written"
        )


def find_leaks(text: str, context: PrivacyContext) -> Counter[str]:
    """How many surviving strings of each kind ``text`` holds (never the strings themselves)."""
    hits: Counter[str] = Counter()
    variants = {text, readable(text)}
    for kind, pattern in _patterns(context.terms).items():
        hits[kind] += max(len(pattern.findall(v)) for v in variants)
    tails = phone_tails(context.terms)
    if tails:
        hits["PHONE"] += sum(is_known_phone(m, tails) for v in variants for m in PHONE_LIKE.findall(v))
    if context.key and any(form in v for form in _key_forms(context.key) for v in variants):
        hits["KEY"] += 1
    return +hits


def readable(text: str) -> str:
    """``text`` as a reader sees it: escapes and entities decoded, accents dropped."""
    text = _UNICODE_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text)
    text = _CONTROL_ESCAPE.sub(" ", text)
    text = unquote(html.unescape(text))
    text = _ESCAPED.sub(r"\1", _INVISIBLE.sub("", text))
    return plain(unicodedata.normalize("NFKC", text))


def _patterns(terms: tuple[Term, ...]) -> dict[str, re.Pattern[str]]:
    by_kind: dict[str, set[tuple[str, bool]]] = {}
    for t in terms:
        forms = by_kind.setdefault(t.kind, set())
        forms.add((t.text, t.exact_case))
        forms.add((plain(t.text), t.exact_case))
    return {kind: pattern for kind, forms in by_kind.items() if (pattern := term_regex(forms))}


def _key_forms(key: bytes) -> list[str]:
    forms = [key.hex(), base64.b64encode(key).decode("ascii")]
    try:
        forms.append(key.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    return [f for f in forms if len(f) >= 8]
