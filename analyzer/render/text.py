"""Wording shared by the human-readable renderers, so Markdown and HTML say the same thing."""

from __future__ import annotations

import re
from typing import Any

from ..text.lines import lines_text
from ..report.vocab import ADJUSTMENTS, ASSERTED, ATTRIBUTION, CAUSE, COMPARISON, EVENT, MODALITIES, QUANTITY, STATE

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


# Kinds in the order a reader wants them: figures and events first, the setting last.
CLAIM_KINDS = {
    QUANTITY: "Figures",
    EVENT: "Events",
    ATTRIBUTION: "Who said or wants what",
    CAUSE: "Causes",
    COMPARISON: "Comparisons",
    STATE: "States",
}
# How a claim is put, from plain fact to open question.
MODALITY_ORDER = tuple(reversed(MODALITIES))


def lines_phrase(lines: list[int]) -> str:
    """"line 5" or "lines 5, 7, 9": a reader's way to cite several lines."""
    if len(lines) == 1:
        return f"line {lines[0]}"
    return "lines " + ", ".join(str(n) for n in lines)


def scope_phrase(document: dict[str, Any]) -> str | None:
    """What the digest and the document's scores read, when not the whole text:
    "lines 1–12, the message in hand"."""
    scope = document.get("scope")
    if not scope:
        return None
    return f"{lines_text([tuple(run) for run in scope['lines']])}, the {scope['part']} in hand"


CUE_NAMES = {
    "atx": "markdown #",
    "setext": "underlined",
    "numbered": "numbered",
    "caps": "all caps",
    "bold": "bold line",
    "label": "label",
    "title-line": "title line",
    "bracket": "bracketed label",
    "option": "option label",
}


def display_title(section: dict[str, Any]) -> str:
    """A heading's own words; untitled sections say what they are."""
    if section["title"] is not None:
        return section["title"]
    if section.get("turn"):
        turn = section["turn"]
        return f"({turn['speaker']}, {turn['time']})" if turn["time"] else f"({turn['speaker']})"
    if section["cue"] == "email":
        return "(e-mail message)"  # the whole message: its header block and its body
    if section["cue"] == "memo":
        return "(memo)"  # its header block and its body
    return "(before the first heading)"


def quoted_titles(sections: list[dict[str, Any]]) -> dict[int, str]:
    """Section names to cite evidence by; none when only one section holds sentences (the
    others a title or a letterhead) or the text has no heading at all: every quote comes from
    that one section, and its name beside each would only be noise."""
    with_prose = [s for s in sections if (s["words"] if s["sentiment"] is None else s["sentiment"]["sentences"])]
    if len(with_prose) < 2 or all(s["title"] is None and not s.get("turn") and s.get("cue") not in ("email", "memo")
                                for s in sections):
        return {}
    return {s["id"]: display_title(s) for s in sections}


def digest_titles(report: dict[str, Any]) -> dict[int, str]:
    """Section names to cite the digest's quotes by: a section named as the document itself
    is cited by its line alone, since the report and the main point already carry that title."""
    title = report["document"].get("title")
    return {k: v for k, v in quoted_titles(report["sections"]).items() if v != title}


def line_range(section: dict[str, Any]) -> str:
    if section["line"] == section["end_line"]:
        return str(section["line"])
    return f"{section['line']}–{section['end_line']}"


def plural(count: int, noun: str) -> str:
    return f"{count:,} {noun}{'' if count == 1 else 's'}"


# -- stress and markers ----------------------------------------------------------------------

# Drivers smaller than this (in score points) are not worth a reader's attention.
NOTABLE_CONTRIBUTION = 0.05
TOP_MARKERS = 5
# A phrase in double quotes, straight or curly, inside a quotation.
_INNER_QUOTE = re.compile(r'"([^"\n]+)"|“([^”\n]+)”')


def stress_headline(stress: dict[str, Any] | None) -> str:
    """"46.2/100, moderate", or why there is no confident level. Describes the text only."""
    if not stress or stress["index"] is None:
        return "– (no prose)"
    if stress["too_short"]:
        return f"too short to judge ({plural(stress['words'], 'word')}; provisional index {stress['index']:.0f}/100)"
    return f"{stress['index']:.0f}/100, {stress['level']}"


def stress_cell(stress: dict[str, Any] | None) -> str:
    """The same, short enough for a table cell."""
    if not stress or stress["index"] is None:
        return "–"
    return f"{stress['index']:.0f} (short)" if stress["too_short"] else f"{stress['index']:.0f} {stress['level']}"


def driver_phrase(driver: dict[str, Any]) -> str:
    """What a driver is, in words about the text: a category with its words, or a feature."""
    value, raising = driver["value"], driver["contribution"] > 0
    if driver["feature"] == "negative_tone":
        return f"VADER tone {signed(-value)}"
    if driver["feature"] == "first_person":
        few = "" if raising else "few "
        return f"{few}first-person singular words ({value * value:.1f} per 100 words)"
    if driver["feature"] == "present_focus":
        if raising:
            return f"present-tense verbs ({value:.0%} of tensed verbs)"
        return f"mostly past-tense verbs (present {value:.0%} of tensed verbs)"
    return driver["label"] + (f" ({', '.join(quoted(w) for w in driver['words'])})" if driver["words"] else "")


def notable_drivers(stress: dict[str, Any], raising: bool, limit: int) -> list[dict[str, Any]]:
    """The drivers that move the index most in one direction and can be shown to a reader.

    A category with no words in the text moves the index only by its absence, which says
    little about the text, so it is left out here (the JSON keeps every driver).
    """
    picked = [
        d for d in stress["drivers"]
        if (d["contribution"] >= NOTABLE_CONTRIBUTION if raising else d["contribution"] <= -NOTABLE_CONTRIBUTION)
        and (d["words"] or d["feature"] in ("negative_tone", "first_person", "present_focus"))
    ]
    picked.sort(key=lambda d: -abs(d["contribution"]))
    return picked[:limit]


def stress_explanation(stress: dict[str, Any] | None) -> str:
    """"The text shows ... (raised by ...; lowered by ...)": the index's drivers, in words."""
    if not stress or stress["index"] is None:
        return ""
    up = notable_drivers(stress, raising=True, limit=4)
    down = notable_drivers(stress, raising=False, limit=2)
    parts = []
    if up:
        parts.append("raised by " + "; ".join(driver_phrase(d) for d in up))
    if down:
        parts.append("lowered by " + "; ".join(driver_phrase(d) for d in down))
    return ". ".join(p[0].upper() + p[1:] for p in parts) + ("." if parts else "")


def top_markers(markers: list[dict[str, Any]], limit: int = TOP_MARKERS) -> list[dict[str, Any]]:
    """The heaviest stress and emotion markers, and pleas: what a reader should look at first."""
    shown = [m for m in markers if m["weight"] > 0 and (m["group"] != "tone" or m["category"] == "plea")]
    return sorted(shown, key=lambda m: (-m["weight"], m["line"]))[:limit]


def cancelled_markers(markers: list[dict[str, Any]], limit: int = 3) -> list[dict[str, Any]]:
    """Markers a negation cancelled: the evidence for what the text says it is not."""
    return [m for m in markers if m["group"] != "tone" and m["weight"] == 0 and m["adjusted_by"]][:limit]


def adjustment_phrase(marker: dict[str, Any]) -> str:
    return ", ".join(f"{ADJUSTMENTS[a['kind']]} {quoted(a['text'])}" for a in marker["adjusted_by"])


def quoted(text: str) -> str:
    """The writer's words in curly double quotes. A phrase they quote themselves takes single
    ones ("“‘Segwit2x’, a proposal…”"), so that no two double marks stand together."""
    return f"“{_INNER_QUOTE.sub(lambda m: f'‘{m.group(1) or m.group(2)}’', text)}”"


# -- the digest ------------------------------------------------------------------------------

# Where each kind of takeaway is read, in order: the main point opens the digest unheaded.
DIGEST_HEADINGS = {
    "main": None,
    "gist": "What it says",
    "options": "What it says",
    "tone": "How it reads",
    "feeling": "How it reads",
    "turns": "Also in the chat",
    "messages": "Also in the thread",
}


def digest_groups(takeaways: dict[str, Any] | None) -> list[tuple[str | None, list[dict[str, Any]]]]:
    """The digest's items in reading order, under the heading each is read under.

    Items carry their ``order``; a report written before they did is read emotional first,
    then factual, as it was then laid out.
    """
    takeaways = takeaways or {}
    emotional = [{"role": "feeling", **t} for t in takeaways.get("emotional", [])]
    factual = [{"role": "gist", **t} for t in takeaways.get("factual", [])]
    items = emotional + factual
    if items and all("order" in t for t in items):
        items.sort(key=lambda t: t["order"])
    groups: dict[str | None, list[dict[str, Any]]] = {}
    for item in items:
        groups.setdefault(DIGEST_HEADINGS.get(item["role"], "What it says"), []).append(item)
    return list(groups.items())


def digest_tone(takeaways: dict[str, Any] | None, limit: int = 3) -> str:
    """How the text reads, as the digest found it: its calm tone, or its strongest feelings.

    The headline says this rather than VADER's sign, so a memo whose digest finds stress and
    disappointment never heads its report with "positive"."""
    emotional = (takeaways or {}).get("emotional", [])
    if any(t.get("role") == "tone" for t in emotional):
        return "calm, matter-of-fact"
    labels = [t["label"].lower() for t in emotional[:limit]]
    return "; ".join(labels) if labels else "–"


def stated_as(modality: str | None) -> str:
    """How a quoted sentence is put, when it is not a plain statement: "opinion", "question"…"""
    return "" if modality in (None, ASSERTED) else modality
