"""The last gate before any output is written: does a detected string survive in it?

``check_leaks(text, report, render)`` is the one function every writer calls with the
rendered text (Markdown, JSON, HTML, CSV, JSONL...), the redacted report it was rendered
from (which carries its ``PrivacyContext``) and the renderer. It looks for every redacted term
and its parts, in the forms a renderer or a reader might turn them into (escaped,
entity-encoded, without accents, in capitals, with the digits of a phone number regrouped),
and for the pseudonym key, in two places:

- each string of the report that came from the document (``fields``): a hit there is a gap in
  the redaction, and the error names the field and the memo line, never the name;
- the rendered text, less the renderer's own ordinary words: the same renderer run over the
  report with every document string blanked out gives the page's own words and markup, so a
  person called Mark is not refused for a ``<mark>`` tag or "words that mark them"; a full
  name or a capitalised one it writes is refused all the same.

It fails closed: no context, or any hit, raises ``LeakError`` and the writer writes nothing.
"""

from __future__ import annotations

import base64
import html
import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from functools import lru_cache
from typing import Any
from urllib.parse import unquote

from ..errors import LeakError
from ..text.codes import DIGIT_RUN
from .context import PrivacyContext, Term, is_known_phone, phone_tails, term_regex
from .fields import document_strings, field_kind, rewrite, source_line
from .names import fold, plain

_ESCAPED = re.compile(r"\\([^\w\s])")
_UNICODE_ESCAPE = re.compile(r"\\u([0-9a-fA-F]{4})")
# JSON's "\n" before a name would otherwise glue it to the "n".
_CONTROL_ESCAPE = re.compile(r"\\[nrtbf]")
_INVISIBLE = re.compile(r"[\u00ad\u200b-\u200f\u2060\ufeff]")
_LETTER = re.compile(r"[^\W\d_]")
_WORD = re.compile(r"[^\W\d_]+")

Renderer = Callable[[Any], str]


def privacy_of(report: Any) -> PrivacyContext | None:
    """The context that travelled with a report, or None if it was lost on the way."""
    return getattr(report, "privacy", None)


def check_leaks(text: str, report: Any, render: Renderer | None = None) -> None:
    """Raise ``LeakError`` if ``text`` may not be written; return quietly if it may.

    ``report`` is what ``text`` was rendered from; ``render`` the function that rendered it.
    Without ``render`` every hit in ``text`` counts, our own words included.
    """
    context = privacy_of(report)
    if context is None:
        raise LeakError(
            "privacy check failed: no record of what was redacted travelled with the report, "
            "so nothing was written (pass the report itself, with its .privacy, to the writer)"
        )
    if not context.redacts:
        return
    _check_fields(report, context)
    hits = find_leaks(text, context)
    if hits and render is not None:
        template = render(blanked(report))
        hits -= find_leaks(template, own_words(context, template))
    if hits:
        found = ", ".join(f"{n} {kind.lower()}{'s' if n > 1 else ''}" for kind, n in sorted(hits.items()))
        raise LeakError(
            f"privacy check failed: the output still contains {found} that should have been "
            "redacted, outside any field of the report (the renderer added it); nothing was written"
        )


def _check_fields(report: Any, context: PrivacyContext) -> None:
    """Refuse a report whose document text still holds a detected string, saying where."""
    strings = list(document_strings(report))
    # One scan of them all first: a clean report, the usual case, costs one pass.
    if not find_leaks("\n\n".join(s for _, s in strings), context):
        return
    places = [(path, s) for path, s in strings if find_leaks(s, context)]
    if not places:
        return
    path, string = places[0]
    kinds = sorted(find_leaks(string, context))
    line = source_line(report, path, string, _first_hit(string, context))
    where = f"the {field_kind(path)}" + (f" from line {line}" if line is not None else "")
    more = f" and {len(places) - 1} more field{'s' if len(places) > 2 else ''}" if len(places) > 1 else ""
    raise LeakError(
        f"privacy check failed: a detected {' and '.join(k.lower() for k in kinds)} survives redaction "
        f"in {where}{more}; nothing was written"
    )


def _first_hit(string: str, context: PrivacyContext) -> int:
    offsets = [m.start() for pattern in _patterns(context.terms).values() if (m := pattern.search(string))]
    return min(offsets, default=0)


def own_words(context: PrivacyContext, template: str) -> PrivacyContext:
    """The detected names that are also ordinary words, which the renderer may write as its own.

    A one-word name counts when the page writes it in lower case ("mark" of ``<mark>``, "line
    12", the category "joy"), or when the memo itself uses it as an ordinary word ("we hope",
    so the page's label "Hope and a positive outlook" is ours). It is forgiven only as often as
    the page writes it for a blank report. A full name is never the page's own word.
    """
    ours = {fold(w) for w in _WORD.findall(readable(template)) if w.islower()}
    return replace(context, key=None, terms=tuple(
        t for t in context.terms if t.kind in ("PERSON", "HANDLE") and " " not in t.text
        and (t.exact_case or fold(t.text) in ours)))


def blanked(report: Any) -> Any:
    """``report`` with every letter of its document strings turned into "x" or "X".

    Rendered, it is the page's own wording and markup with the memo's text reduced to shapes:
    lines, lengths, digits and punctuation stay, so the renderer takes the same branches
    (highlights, numbered titles) and writes the same words of its own.
    """
    return rewrite(report, lambda s: _LETTER.sub(lambda m: "X" if m.group().isupper() else "x", s),
                   lambda k: k)


def find_leaks(text: str, context: PrivacyContext) -> Counter[str]:
    """How many surviving strings of each kind ``text`` holds (never the strings themselves)."""
    hits: Counter[str] = Counter()
    variants = {text, readable(text)}
    for kind, pattern in _patterns(context.terms).items():
        hits[kind] += max(len(pattern.findall(v)) for v in variants)
    tails = phone_tails(context.terms)
    if tails:
        hits["PHONE"] += sum(is_known_phone(m, tails) for v in variants for m in DIGIT_RUN.findall(v))
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


@lru_cache(maxsize=4)
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
