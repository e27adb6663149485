"""Privacy-safe review: find people, pseudonymise them in the whole report, refuse to write a leak.

The stages, one module each: ``patterns`` (the rules, from data files), ``detect`` (the
``analyzer_pii`` component: ``found`` -> ``evidence`` -> ``verdict`` -> ``mentions``, reading
the document through ``reader``), ``pseudonyms`` (who is who, and what they are called),
``redact`` (every string of the report that came from the document, ``fields`` says which)
and ``leaks`` (the check every writer runs). ``protect`` ties them together for the API.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc

from ..errors import PrivacyError
from .context import NO_PRIVACY, STANDARD, PrivacyContext
from .detect import Detection
from .leaks import check_leaks, privacy_of
from .pseudonyms import Person, assign, read_key
from .redact import build_terms, redact_report

__all__ = ["PrivacyContext", "PrivacySettings", "check_leaks", "privacy_of", "protect"]


@dataclass(frozen=True)
class PrivacySettings:
    mode: str = STANDARD
    key: bytes | None = field(default=None, repr=False)

    @classmethod
    def load(cls, mode: str, key: Any) -> PrivacySettings:
        return cls(mode, read_key(key) if key is not None else None)


def protect(report: Any, doc: Doc, settings: PrivacySettings | None) -> Any:
    """The report redacted as ``settings`` ask, with its ``PrivacyContext`` attached.

    ``report`` is a ``report.Report``; the returned one is a new ``Report`` of the same class.
    Raises ``PrivacyError`` when redaction is asked for but detection did not run.
    """
    if settings is None:
        report.privacy = NO_PRIVACY
        return report
    detection = doc._.analyzer_pii if doc.has_extension("analyzer_pii") else None
    if detection is None:
        raise PrivacyError(
            "personal data detection did not run on this document (the pipeline has no "
            "analyzer_pii component), so it cannot be redacted; nothing was written"
        )
    people = assign(detection, settings.key)
    context = PrivacyContext(settings.mode, build_terms(detection, people), settings.key)
    # The summary goes through the same redaction: its evidence quotes words of the text.
    redacted = type(report)(redact_report({**report, "privacy": summary(context, people, detection)}, context))
    redacted.privacy = context
    return redacted


def summary(context: PrivacyContext, people: list[Person], detection: Detection) -> dict[str, Any]:
    """What was redacted, by pseudonym and count only: the report's ``privacy`` field."""
    return {
        "mode": context.mode,
        "pseudonyms": "keyed" if context.key else "numbered",
        "people": [
            {"pseudonym": p.pseudonym, "mentions": p.mentions, "evidence": _evidence(p, detection)}
            for p in people
        ],
        "detected": dict(sorted(Counter(m.label.lower() for m in detection.mentions).items())),
    }


def _evidence(person: Person, detection: Detection) -> list[str]:
    reasons = {r for name in person.names for r in detection.people.get(name, ())}
    return sorted(reasons | ({"handle"} if person.handles else set()))
