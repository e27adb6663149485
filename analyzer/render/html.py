"""The HTML report: one self-contained page with the digest first, then the evidence.

It reads only the report dict. The section text it highlights comes from ``sections[].text``,
which the report carries when it was built with ``section_text=True`` (the CLI asks for it
for ``--format html``); redaction has then already covered it like every other string.
Without it, each section lists its strongest markers instead.

The page runs no script (its Content-Security-Policy forbids any): the claims are filtered
by checkboxes and CSS ``:has()`` rules, and evidence is one click away through line anchors.
"""

from __future__ import annotations

import re
from html import escape
from typing import Any

from . import svg
from .html_style import STYLE
from .page import figure, page, stats, table
from .text import (
    CLAIM_KINDS,
    MODALITY_ORDER,
    digest_groups,
    digest_tone,
    display_title,
    digest_titles,
    quoted_titles,
    line_range,
    number,
    outline_numbers,
    plural,
    signed,
    stress_explanation,
    stated_as,
    scope_phrase,
    stress_headline,
    tone,
    top_markers,
    quoted,
)

# Marker groups highlighted in the text: what raises stress, emotions, and pleas (a tone
# category, but one a reader should see). Hedges, intensifiers and negators only adjust these.
HIGHLIGHTED_GROUPS = ("stress", "emotion")
HIGHLIGHTED_TONE = ("plea",)
SENTIMENT = "#2f5d8a"
# "1. Summary", "2.3 Risks", "IV) Options", "A: Appendix"; not "2024 plans" or "A great week".
OWN_NUMBER = re.compile(r"\s*(?:(?:\d{1,3}(?:\.\d+)*|[IVX]+|[A-Z])[.):]|\d{1,3}(?:\.\d+)+)\s")
STRESS = "#b4463c"


def render_html(report: dict[str, Any]) -> str:
    sections = report["sections"]
    numbers = outline_numbers(sections)
    anchors = line_anchors(sections)
    claims = report.get("claims", [])
    parts = [
        header(report),
        contents(bool(claims)),
        digest(report, anchors),
        chart(sections, numbers),
        sections_part(sections, numbers),
        claims_part(claims, sections, anchors),
    ]
    return page(f"Memo analysis: {heading_of(report)}", "\n".join(p for p in parts if p),
                style=STYLE + filter_rules(claims))


def heading_of(report: dict[str, Any]) -> str:
    doc = report["document"]
    return doc["title"] or doc["source"] or "Untitled document"


# -- links to the evidence ----------------------------------------------------------------------

def line_anchors(sections: list[dict[str, Any]]) -> dict[int, int]:
    """Section id of every line the page shows (and anchors as ``#L<line>``)."""
    return {
        line: s["id"]
        for s in sections if s.get("text") is not None
        for line in range(s["body_line"], s["body_line"] + len(s["text"].split("\n")))
    }


def where(line: int, section: int | None, anchors: dict[int, int], label: str) -> str:
    """A link to the quoted line when the page shows it, else to its section."""
    target = f"L{line}" if line in anchors else f"s-{section}"
    return f'<a href="#{target}">{escape(label)}</a>'


def evidence_label(evidence: dict[str, Any], titles: dict[int, str]) -> str:
    section = titles.get(evidence["section"])
    return f"{section}, line {evidence['line']}" if section else f"line {evidence['line']}"


# -- header and contents -------------------------------------------------------------------------

def header(report: dict[str, Any]) -> str:
    doc = report["document"]
    facts = [doc["source"], doc["date"], f"{number(doc['words'])} words",
             plural(len(report["sections"]), "section")]
    scope = scope_phrase(doc)
    if scope:
        facts.append(f"digest and scores: {scope}")
    readability = report["readability"] or {}
    stress = report.get("stress")
    # The headline says how the text reads as the digest does. VADER's mean polarity is
    # not in it: a memo whose writer finds the feedback "upsetting and disheartening", in
    # polite words, averages positive, and a card saying so beside the digest's feelings
    # would contradict them; the chart and the sections show it.
    figures = [
        (digest_tone(report.get("takeaways"), limit=2), "how it reads"),
        (f"{stress['index']:.0f}/100" if stress and stress["index"] is not None else "–",
         f"stress language ({stress['level']})" if stress and stress["index"] is not None else "stress language"),
        (number(readability.get("flesch_reading_ease")), "Flesch reading ease"),
        (str(len(report.get("claims", []))), "claims"),
    ]
    return (
        '<header class="doc">\n<p class="eyebrow">Memo analysis</p>\n'
        f"<h1>{escape(heading_of(report))}</h1>\n"
        f'<p class="lead">{" · ".join(escape(f) for f in facts if f)}</p>\n'
        f"{stats(figures)}\n{privacy_note(report.get('privacy'))}</header>"
    )


def privacy_note(privacy: dict[str, Any] | None) -> str:
    if not privacy:
        return ""
    cut = " Quotes are cut to short snippets." if privacy["mode"] == "strict" else ""
    return (f'<p class="note">Redacted: people appear as pseudonyms ({plural(len(privacy["people"]), "person")}); '
            f"e-mails, phones and IDs as placeholders.{cut}</p>\n")


def contents(with_claims: bool) -> str:
    links = [("takeaways", "Key takeaways"), ("chart", "Sentiment and stress"), ("sections", "Sections")]
    if with_claims:
        links.append(("claims", "Claims"))
    items = "".join(f'<li><a href="#{target}">{label}</a></li>' for target, label in links)
    return f'<nav aria-label="Contents"><ul>{items}</ul></nav>'


# -- the digest ----------------------------------------------------------------------------------

def digest(report: dict[str, Any], anchors: dict[int, int]) -> str:
    """The takeaways first: the main point, what each part says, how the text reads."""
    groups = digest_groups(report.get("takeaways"))
    titles = digest_titles(report)
    if not groups:
        body = '<p class="muted">No emotional or factual takeaway stands out in this text.</p>'
    else:
        body = "\n".join(digest_group(heading, items, titles, anchors) for heading, items in groups)
    return f'<section id="takeaways" class="digest" aria-labelledby="takeaways-h">\n' \
           f'<h2 id="takeaways-h">Key takeaways</h2>\n{body}\n</section>'


def digest_group(heading: str | None, items: list[dict[str, Any]], titles: dict[int, str],
                 anchors: dict[int, int]) -> str:
    blocks = "\n".join(takeaway(item, titles, anchors) for item in items)
    return f'<h3>{escape(heading)}</h3>\n{blocks}' if heading else blocks


def takeaway(item: dict[str, Any], titles: dict[int, str], anchors: dict[int, int]) -> str:
    """One takeaway as a card: its label, the digest's words, the writer's words with their lines."""
    role = item["role"]
    # A part's quotes stand under its own title: their line is all a reader needs. Quotes
    # with no title over them (a chat's messages) name their turn, unless it is the document.
    titles = {} if role == "gist" and item["label"] else titles
    # A gist's quotes each say how they are put; another card has one way, by its label.
    each = role == "gist"
    quotes = "".join(
        f'<blockquote><p>{escape(quoted(e["text"]))}</p>'
        f'<footer>{where(e["line"], e["section"], anchors, evidence_label(e, titles))}'
        f'{_badge(e.get("modality")) if each else ""}</footer></blockquote>'
        for e in item["evidence"] if e["text"])
    strength = ""
    if role == "feeling":
        share = min(max(item["strength"], 0.0), 1.0)
        strength = (f'<div class="strength"><span class="bar"><span style="width:{share * 100:.0f}%"></span></span>'
                    f'<span class="muted">strength {item["strength"]:.2f}</span></div>')
    badge = "" if each else _badge(item.get("modality"))
    summary = f'<p>{escape(item["summary"])}</p>' if item["summary"] else ""
    label = f'<h4>{escape(item["label"])}{badge}</h4>' if item["label"] else badge
    return f'<article class="takeaway {css_name(role)}">{label}{strength}{summary}{quotes}</article>'


def _badge(modality: str | None) -> str:
    """The badge of a way of putting things other than a plain assertion, after a space."""
    how = stated_as(modality)
    return f" {modality_badge(how)}" if how else ""


def modality_badge(modality: str) -> str:
    return f'<span class="badge mod-{css_name(modality)}">{escape(modality)}</span>'


def css_name(value: str) -> str:
    """A report value as a class or id fragment: lower-case letters, digits and dashes only."""
    return re.sub(r"[^a-z0-9]+", "-", value.lower()).strip("-") or "none"


# -- the chart -----------------------------------------------------------------------------------

def chart(sections: list[dict[str, Any]], numbers: dict[int, str]) -> str:
    """Sentiment and stress of each section with prose, in document order."""
    scored = [s for s in sections if s["sentiment"] and s["sentiment"]["sentences"]]
    if not scored:
        return ('<section id="chart"><h2>Sentiment and stress by section</h2>'
                '<p class="muted">No section has prose to score.</p></section>')
    steps = [(display_title(s), f"{heading_number(s, numbers)} {display_title(s)}".strip()) for s in scored]
    drawn = svg.panel_chart(
        steps,
        [
            svg.Series("sentiment", "Sentiment (VADER compound, −1 to +1)",
                       [s["sentiment"]["compound"] for s in scored], (-1, 1), SENTIMENT,
                       value_format=lambda v: signed(v) if v else "0", reference=0),
            svg.Series("stress", "Stress language index (0 to 100)",
                       [s["stress"]["index"] if s["stress"] else None for s in scored], (0, 100), STRESS,
                       value_format=lambda v: f"{v:.0f}"),
        ],
        title="Section by section, in document order",
        description=f"Two line charts over the {plural(len(scored), 'section')} with prose, in document "
                    "order: sentiment from −1 to +1 above, the stress language index from 0 to 100 below.",
    )
    rows = [(heading_number(s, numbers), display_title(s),
             signed(s["sentiment"]["compound"]), chart_stress(s["stress"])) for s in scored]
    data = table(["#", "Section", "Sentiment", "Stress"], rows, numeric=(2, 3))
    return (
        '<section id="chart" aria-labelledby="chart-h">\n<h2 id="chart-h">Sentiment and stress by section</h2>\n'
        '<p class="muted">Each dot is a section with prose, in document order. '
        "Hover a dot for its section and value. Both measures describe the wording, not the writer.</p>\n"
        f'{figure(drawn)}\n<details><summary>The figures in a table</summary>{data}</details>\n</section>'
    )


def heading_number(section: dict[str, Any], numbers: dict[int, str]) -> str:
    """The section's place in the outline, unless its title carries its own number ("2. Timeline")."""
    title = section["title"] or ""
    return "" if OWN_NUMBER.match(title) else numbers.get(section["id"], "")


def chart_stress(stress: dict[str, Any] | None) -> str:
    if not stress or stress["index"] is None:
        return "–"
    return f"{stress['index']:.0f}" + (" (short)" if stress["too_short"] else f" {stress['level']}")


# -- sections with their markers -----------------------------------------------------------------

def sections_part(sections: list[dict[str, Any]], numbers: dict[int, str]) -> str:
    blocks = [section_block(s, numbers) for s in sections if s["title"] is not None or s["words"]]
    legend = (
        '<p class="legend">Highlighted: <mark class="mk key g-stress">stress language</mark> '
        '<mark class="mk key g-emotion">emotion</mark> <mark class="mk key g-plea">pleas and appeals</mark> '
        '<mark class="mk key g-stress off">negated (counts for nothing)</mark>. '
        "Hover a highlight for its category and weight.</p>"
    )
    return ('<section id="sections" aria-labelledby="sections-h">\n<h2 id="sections-h">Sections</h2>\n'
            + legend + "\n" + "\n".join(blocks) + "\n</section>")


def section_block(section: dict[str, Any], numbers: dict[int, str]) -> str:
    num = heading_number(section, numbers)
    label = f'<span class="num">{escape(num)}</span> ' if num else ""
    level = min(max(section["level"], 1), 3)
    meta = [f"Lines {line_range(section)}", f"{number(section['words'])} words"]
    if section["sentiment"] and section["sentiment"]["sentences"]:
        compound = section["sentiment"]["compound"]
        meta.append(f"sentiment {signed(compound)} ({tone(compound)})")
    if section["stress"] and section["stress"]["index"] is not None:
        meta.append(f"stress {stress_headline(section['stress'])}")
    explanation = stress_explanation(section["stress"])
    why = f'<p class="why">{escape(explanation)}</p>' if explanation else ""
    return (
        f'<article class="sec lvl{level}" id="s-{section["id"]}" aria-labelledby="s-{section["id"]}-h">'
        f'<h3 id="s-{section["id"]}-h">{label}{escape(display_title(section))}</h3>'
        f'<p class="meta">{escape(" · ".join(meta))}</p>{why}{section_body(section)}</article>'
    )


def section_body(section: dict[str, Any]) -> str:
    labels = marker_labels(section)
    if section.get("text") is None:
        shown = top_markers(section["markers"])
        if not shown:
            return ""
        items = "".join(f'<li>line {m["line"]}: {marker_mark(m["text"], m, labels)}</li>' for m in shown)
        return f'<ul class="markers">{items}</ul>'
    if not section["text"].strip():
        return ""
    spans = locate_markers(section["text"], section["body_line"], highlighted(section["markers"]))
    return text_block(section["text"], section["body_line"], spans, labels)


def marker_labels(section: dict[str, Any]) -> dict[str, str]:
    drivers = section["stress"]["drivers"] if section["stress"] else []
    return {d["feature"]: d["label"] for d in drivers}


def highlighted(markers: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Markers worth a highlight: those that count, and those a negation cancelled."""
    return [m for m in markers
            if m["group"] in HIGHLIGHTED_GROUPS or m["category"] in HIGHLIGHTED_TONE]


Span = tuple[int, int, dict[str, Any]]


def locate_markers(text: str, first_line: int, markers: list[dict[str, Any]]) -> list[Span]:
    """Where each marker sits in ``text``: on its own line, as whole words, never overlapping.

    A marker is found by its words on the line the report gives (the words may wrap onto the
    next line); the same words twice on a line are taken in order. A marker not found (its text
    cut to a snippet by strict privacy, say) is simply not highlighted.
    """
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    found: list[Span] = []
    for marker in sorted(markers, key=lambda m: (m["line"], -m["weight"])):
        row = marker["line"] - first_line
        words = marker["text"].split()
        if not words or not 0 <= row < len(starts):
            continue
        line_end = starts[row + 1] if row + 1 < len(starts) else len(text)
        pattern = re.compile(r"(?<!\w)" + r"\s+".join(re.escape(w) for w in words) + r"(?!\w)")
        for match in pattern.finditer(text, starts[row]):
            if match.start() >= line_end:
                break
            if not any(match.start() < end and start < match.end() for start, end, _ in found):
                found.append((match.start(), match.end(), marker))
                break
    return sorted(found, key=lambda s: s[0])


def text_block(text: str, first_line: int, spans: list[Span], labels: dict[str, str]) -> str:
    """The text line by line, each line an anchor (``#L12``), markers in ``<mark>``; all escaped.

    Blank lines before and after the text are left out.
    """
    rows = []
    offset = 0
    lines = text.split("\n")
    shown = [n for n, line in enumerate(lines) if line.strip()]
    for n, line in enumerate(lines):
        if not shown or not shown[0] <= n <= shown[-1]:
            # Blank lines around the text show nothing; the numbers still say where it sits.
            offset += len(line) + 1
            continue
        start, end = offset, offset + len(line)
        pieces, pos = [], start
        for s, e, marker in spans:
            if e <= start or s >= end:
                continue
            s, e = max(s, start), min(e, end)
            pieces += [escape(text[pos:s]), marker_mark(text[s:e], marker, labels)]
            pos = e
        pieces.append(escape(text[pos:end]))
        number_ = first_line + n
        rows.append(f'<span class="ln" id="L{number_}" data-n="{number_}">{"".join(pieces)}</span>')
        offset = end + 1
    return f'<div class="text">{"".join(rows)}</div>'


def marker_mark(words: str, marker: dict[str, Any], labels: dict[str, str]) -> str:
    group = "plea" if marker["category"] in HIGHLIGHTED_TONE else marker["group"]
    label = labels.get(marker["category"], marker["category"].replace("_", " "))
    cancelled = marker["weight"] == 0
    tip = f"{label}: negated, counts for nothing" if cancelled else f"{label}, weight {marker['weight']:g}"
    return (f'<mark class="mk g-{css_name(group)} c-{css_name(marker["category"])}{" off" if cancelled else ""}" '
            f'title="{escape(tip)}">{escape(words)}</mark>')


# -- claims, filterable without a script ---------------------------------------------------------

def present(values: list[str], order: tuple[str, ...]) -> list[str]:
    """The values that occur, in ``order``, any unknown ones after."""
    seen = set(values)
    return [v for v in order if v in seen] + sorted(seen - set(order))


def claims_part(claims: list[dict[str, Any]], sections: list[dict[str, Any]], anchors: dict[int, int]) -> str:
    if not claims:
        return ""
    titles = quoted_titles(sections)
    kinds = present([c["kind"] for c in claims], tuple(CLAIM_KINDS))
    modalities = present([c["modality"] for c in claims], MODALITY_ORDER)
    filters = (
        '<div class="filters">'
        + fieldset("Kind", "k", [(k, CLAIM_KINDS.get(k, k), sum(c["kind"] == k for c in claims)) for k in kinds])
        + fieldset("How it is put", "m", [(m, m, sum(c["modality"] == m for c in claims)) for m in modalities])
        + "</div>"
    )
    items = "\n".join(claim_item(c, titles, anchors) for c in claims)
    return (
        '<section id="claims" aria-labelledby="claims-h">\n<h2 id="claims-h">Claims</h2>\n'
        f'<p class="muted">{plural(len(claims), "claim")}, in document order. Only <em>asserted</em> claims are '
        "stated as fact; the others are hedged, opinion, proposal, speculation or question, with the words "
        "that mark them. Untick a box to hide those claims.</p>\n"
        f'<div class="claims">{filters}\n<ol class="claim-list">\n{items}\n</ol></div>\n</section>'
    )


def fieldset(legend: str, prefix: str, options: list[tuple[str, str, int]]) -> str:
    boxes = "".join(
        f'<span class="opt"><input type="checkbox" id="f-{prefix}-{css_name(value)}" checked>'
        f'<label for="f-{prefix}-{css_name(value)}">{escape(label)} <span class="count">{count}</span></label></span>'
        for value, label, count in options
    )
    return f"<fieldset><legend>{escape(legend)}</legend>{boxes}</fieldset>"


def filter_rules(claims: list[dict[str, Any]]) -> str:
    """One CSS rule per filter box: an unticked box hides the claims of its kind or modality."""
    rules = [
        f".claims:has(#f-{prefix}-{name}:not(:checked)) .claim.{prefix}-{name} {{ display: none; }}"
        for prefix, field in (("k", "kind"), ("m", "modality"))
        for name in sorted({css_name(c[field]) for c in claims})
    ]
    return "\n".join(rules) + "\n"


def claim_item(claim: dict[str, Any], titles: dict[int, str], anchors: dict[int, int]) -> str:
    cues = [c["text"] for c in claim["cues"] if c["marks"] == claim["modality"]]
    notes = []
    if cues:
        notes.append("marked by " + ", ".join(quoted(c) for c in cues))
    if claim["polarity"] == "negated":
        notes.append("negated")
    if claim["speaker"] and claim["kind"] == "attribution":
        notes.append(f"speaker: {claim['speaker']}")
    figures = "; ".join(q["text"] + (f" ({q['measures']})" if q["measures"] else "") for q in claim["quantities"])
    if figures:
        notes.append(f"figures: {figures}")
    section = titles.get(claim["section"])
    in_section = f' <span class="in">in {escape(section)}</span>' if section else ""
    link = where(claim["line"], claim["section"], anchors, f"line {claim['line']}")
    return (
        f'<li class="claim k-{css_name(claim["kind"])} m-{css_name(claim["modality"])}">'
        f'<div class="tags">{modality_badge(claim["modality"])} '
        f'<span class="kind">{escape(CLAIM_KINDS.get(claim["kind"], claim["kind"]))}</span> '
        f'<span class="where">{link}{in_section}</span></div>'
        f'<p>{escape(quoted(claim["text"]))}</p>'
        + (f'<p class="notes">{escape(" · ".join(notes))}</p>' if notes else "")
        + "</li>"
    )
