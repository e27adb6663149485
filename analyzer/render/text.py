"""Wording shared by the human-readable renderers, so Markdown and HTML say the same thing."""

from __future__ import annotations

from typing import Any

# VADER's convention for calling a compound score positive or negative.
NEUTRAL_BAND = 0.05
READABILITY_LABELS = {
    "flesch_reading_ease": "Flesch reading ease",
    "flesch_kincaid_grade": "Flesch-Kincaid grade",
    "gunning_fog": "Gunning fog",
}


def tone(compound: float) -> str:
    if compound >= NEUTRAL_BAND:
        return "positive"
    if compound <= -NEUTRAL_BAND:
        return "negative"
    return "neutral"


def signed(value: float | None, digits: int = 2) -> str:
    if value is None:
        return "–"
    return f"{value:+.{digits}f}".replace("-", "−")


def number(value: float | int | None, digits: int = 1) -> str:
    if value is None:
        return "–"
    if isinstance(value, int):
        return f"{value:,}"
    return f"{value:.{digits}f}".replace("-", "−")


def outline_numbers(sections: list[dict[str, Any]]) -> dict[int, str]:
    """Number sections like a table of contents ("2", "2.1"), following their parents."""
    numbers: dict[int, str] = {}
    children: dict[int | None, int] = {}
    for section in sections:
        if section["title"] is None:
            continue
        parent = section["parent"]
        children[parent] = children.get(parent, 0) + 1
        prefix = f"{numbers[parent]}." if parent in numbers else ""
        numbers[section["id"]] = f"{prefix}{children[parent]}"
    return numbers


CUE_NAMES = {
    "atx": "markdown #",
    "setext": "underlined",
    "numbered": "numbered",
    "caps": "all caps",
    "bold": "bold line",
    "label": "label",
    "title-line": "title line",
    "bracket": "bracketed label",
}


def display_title(section: dict[str, Any]) -> str:
    """A heading's own words; untitled sections say what they are."""
    if section["title"] is not None:
        return section["title"]
    if section.get("turn"):
        return f"({section['turn']['speaker']}, {section['turn']['time']})"
    if section["cue"] == "email":
        return "(e-mail headers)"
    return "(before the first heading)"


def line_range(section: dict[str, Any]) -> str:
    if section["line"] == section["end_line"]:
        return str(section["line"])
    return f"{section['line']}–{section['end_line']}"


def plural(count: int, noun: str) -> str:
    return f"{count:,} {noun}{'' if count == 1 else 's'}"
