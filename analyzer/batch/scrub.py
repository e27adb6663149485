"""Take the document's own sentences out of a report, for outputs that must not carry them.

A batch's outputs get shared (a CSV mailed to a manager, a folder on a team drive), so by
default they say how a document reads without quoting it. Every stage quotes under the key
``text``; as a safety net for fields added later under other names, any other string of
several words found word for word in the document is dropped too. Titles and dates stay:
they name a document or a section, and the tables need them.
"""

from __future__ import annotations

from typing import Any

QUOTE_KEY = "text"
# Where a string names rather than quotes: (key path, list positions left out).
KEPT = frozenset({("document", "title"), ("document", "date"), ("document", "source"), ("sections", "title")})
# Shorter strings (a category, a level, a single rated word) say nothing of what was written.
MIN_WORDS = 4


def without_text(report: dict[str, Any], text: str) -> dict[str, Any]:
    """A copy of ``report`` with every quote of ``text`` set to None; its shape is unchanged."""
    return _scrub(report, (), " ".join(text.split()))


def _scrub(value: Any, path: tuple[str, ...], flat_text: str) -> Any:
    if isinstance(value, dict):
        return {
            key: None if key == QUOTE_KEY and isinstance(item, str) else _scrub(item, (*path, key), flat_text)
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [_scrub(item, path, flat_text) for item in value]
    if isinstance(value, str) and path not in KEPT and _quotes(value, flat_text):
        return None
    return value


def _quotes(value: str, flat_text: str) -> bool:
    words = value.split()
    return len(words) >= MIN_WORDS and " ".join(words) in flat_text
