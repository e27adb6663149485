"""The Markdown report: a title block, a table of sections, then each section in detail."""

from __future__ import annotations

import re
from typing import Any

from ..report.vocab import ATTRIBUTION, QUANTITY
from .text import (
    CLAIM_KINDS,
    CUE_NAMES,
    READABILITY_LABELS,
    digest_groups,
    digest_tone,
    stated_as,
    adjustment_phrase,
    cancelled_markers,
    display_title,
    digest_titles,
    line_range,
    lines_phrase,
    scope_phrase,
    number,
    outline_numbers,
    plural,
    signed,
    stress_cell,
    stress_explanation,
    stress_headline,
    tone,
    top_markers,
    quoted,
)

_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")
# What a reader checks against other sources: figures, and who said or wants what.
CHECKED_KINDS = (QUANTITY, ATTRIBUTION)
MAX_CHECKED = 12


def escape(text: str) -> str:
    """Quote the writer's text verbatim: no stray emphasis, links, HTML or table breaks."""
    return _SPECIAL.sub(r"\\\1", " ".join(text.split()))


def render_markdown(report: dict[str, Any], *, detail: bool = False) -> str:
    """The report a reader reads first: the title block, the digest, the sections table and
    the claims worth checking (figures and who said what). With ``detail``, each section's
    scores and evidence and every claim follow; by default they stay in JSON and HTML, so
    the report is shorter than the memo it describes."""
    numbers = outline_numbers(report["sections"])
    claims = report.get("claims", [])
    parts = [title_block(report, detail), digest(report), sections_table(report["sections"], numbers, detail)]
    if detail:
        parts += [section_details(report["sections"], numbers), claims_part(claims)]
    else:
        room = report["document"]["words"] - sum(len(p.split()) for p in parts)
        parts.append(claims_to_check(claims, digest_quotes(report), room))
    return "\n\n".join(p for p in parts if p) + "\n"


def title_block(report: dict[str, Any], detail: bool) -> str:
    """The document's facts and how it reads; the scores behind them in full with ``detail``."""
    doc = report["document"]
    heading = doc["title"] or doc["source"] or "Untitled document"
    stress = report.get("stress")
    rows = [
        ("Source", escape(doc["source"]) if doc["source"] else "–"),
        ("Date", escape(doc["date"]) if doc["date"] else "–"),
        *structure_rows(doc),
        ("Words", f"{number(doc['words'])} in {plural(len(report['sections']), 'section')}"),
        ("Tone", escape(digest_tone(report.get("takeaways")))),
    ]
    if detail:
        rows += [("Sentiment", sentiment_summary(report["sentiment"])),
                 ("Readability", readability_summary(report["readability"])),
                 ("Stress language", escape(stress_summary(stress)))]
    else:
        rows.append(("Stress language", escape(stress_headline(stress))))
    rows.append(("Analyzer", f"memo-analyzer {report['analyzer']['version']}, model {report['analyzer']['model']}"))
    table = "\n".join(f"| {k} | {v} |" for k, v in rows)
    return f"# Memo analysis: {escape(heading)}\n\n| | |\n|---|---|\n{table}"


def digest(report: dict[str, Any]) -> str:
    """The key takeaways, first: the main point, what each part says, how the text reads."""
    groups = digest_groups(report.get("takeaways"))
    if not groups:
        return ""
    titles = digest_titles(report)
    blocks = ["## Key takeaways"]
    for heading, items in groups:
        lines = [f"### {heading}", ""] if heading else []
        for item in items:
            lines.extend(digest_lines(item, titles))
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def digest_lines(item: dict[str, Any], titles: dict[int, str]) -> list[str]:
    """One takeaway: its label, what the digest says of it, and the writer's words with their lines."""
    role, label, summary = item["role"], escape(item["label"]), escape(item["summary"])
    # A part's quotes stand under its own title: their line is all a reader needs. Quotes
    # with no title over them (a chat's messages) name their turn, unless it is the document.
    cited = {} if role == "gist" and item["label"] else titles
    with_text = [e for e in item["evidence"] if e["text"]]
    quotes = [quote_line(e, cited) for e in with_text]
    tag = _tag(stated_as(item.get("modality")))
    if role == "main":  # its sentence, and the one that corrects it when one follows
        lead = f"**{label}**" + (f" — {summary}" if summary else "")
        return [f"{lead}: " + "; ".join([quotes[0] + tag, *quotes[1:]]) if quotes else lead]
    if role == "feeling":
        head = f"- **{label}** (strength {item['strength']:.2f}): {summary}"
        return [head, *(f"  - {q}" for q in quotes)]
    if role == "options":  # the words that say which one the writer favours; its line is where
        said = [quote_line(e, {}) for e in with_text]
        return [f"- **{label}**: {summary}" + (f" {said[0]}" if said else "")]
    if role in ("tone", "turns", "messages"):
        where = f" ({lines_phrase([e['line'] for e in item['evidence']])})" if item["evidence"] else ""
        return [f"- **{label}**: {summary}{where}"]
    if role == "gist":  # each quote says how it is put, after its own line
        body = "; ".join(q + _tag(stated_as(e.get("modality"))) for q, e in zip(quotes, with_text))
    else:
        body = "; ".join(quotes) + tag
    return [f"- **{label}**: {body}" if label else f"- {body}"]


def _tag(how: str) -> str:
    return f" *({how})*" if how else ""


def quote_line(evidence: dict[str, Any], titles: dict[int, str]) -> str:
    section = titles.get(evidence["section"])
    if section and section.startswith("(") and section.endswith(")"):
        section = section[1:-1]  # "(e-mail message)" inside the citation's own brackets
    where = f"*{escape(section)}*, line {evidence['line']}" if section else f"line {evidence['line']}"
    return f"{quoted(escape(evidence['text']))} ({where})"


def structure_rows(doc: dict[str, Any]) -> list[tuple[str, str]]:
    rows = []
    if doc.get("turns"):
        speakers = ", ".join(dict.fromkeys(escape(t["speaker"]) for t in doc["turns"]))
        rows.append(("Chat", f"{plural(len(doc['turns']), 'turn')} ({speakers})"))
    emails = [e for e in doc.get("emails", []) if e.get("kind") != "memo"]
    if emails:
        rows.append(("E-mail", plural(len(emails), "message")))
    if any(e.get("kind") == "memo" for e in doc.get("emails", [])):
        rows.append(("Memo", "its To/From lines are read as metadata"))
    scope = scope_phrase(doc)
    if scope:
        rows.append(("Digest and scores", scope))
    return rows


def sentiment_summary(sentiment: dict[str, Any] | None) -> str:
    if not sentiment or not sentiment["sentences"]:
        return "– (no sentences)"
    return (
        f"{signed(sentiment['compound'])} ({tone(sentiment['compound'])}; "
        f"negative {sentiment['neg']:.2f}, neutral {sentiment['neu']:.2f}, "
        f"positive {sentiment['pos']:.2f}, over {plural(sentiment['sentences'], 'sentence')})"
    )


def readability_summary(readability: dict[str, Any] | None) -> str:
    if not readability or not readability["words"]:
        return "–"
    return " · ".join(f"{label} {number(readability[key])}" for key, label in READABILITY_LABELS.items())


def sections_table(sections: list[dict[str, Any]], numbers: dict[int, str], detail: bool) -> str:
    """One row per section; its readability grades with ``detail``."""
    grades = "| Reading ease | Grade | Fog " if detail else ""
    header = (f"## Sections\n\n| # | Section | Lines | Words | Sentiment {grades}| Stress |\n"
              f"|---|---|---|---:|---{'|---:|---:|---:' if detail else ''}|---|")
    rows = []
    for s in sections:
        indent = "&nbsp;&nbsp;" * max(numbers.get(s["id"], "").count("."), 0)
        r = s["readability"] or {}
        compound = s["sentiment"]["compound"] if s["sentiment"] and s["sentiment"]["sentences"] else None
        scores = (f"| {number(r.get('flesch_reading_ease'))} | {number(r.get('flesch_kincaid_grade'))} "
                  f"| {number(r.get('gunning_fog'))} ") if detail else ""
        rows.append(
            f"| {numbers.get(s['id'], '')} | {indent}{escape(display_title(s))} | {line_range(s)} "
            f"| {number(s['words'])} | {signed(compound)}{' ' + tone(compound) if compound is not None else ''} "
            f"{scores}| {stress_cell(s.get('stress'))} |"
        )
    return header + "\n" + "\n".join(rows)


def section_details(sections: list[dict[str, Any]], numbers: dict[int, str]) -> str:
    blocks = ["## Section details"]
    for s in sections:
        if s["title"] is None and not s["words"]:
            continue
        label = f"{numbers[s['id']]}. " if s["id"] in numbers else ""
        lines = [f"### {label}{escape(display_title(s))}", ""]
        cue = f" · heading: {CUE_NAMES[s['cue']]}" if s["cue"] in CUE_NAMES else ""
        lines.append(f"Lines {line_range(s)} · {number(s['words'])} words{cue}")
        if s["sentiment"] and s["sentiment"]["sentences"]:
            lines.append(f"- Sentiment: {sentiment_summary(s['sentiment'])}")
            lines.extend(f"  - {evidence_line(e)}" for e in s["sentiment"]["evidence"])
        if s["readability"] and s["readability"]["words"]:
            lines.append(f"- Readability: {readability_summary(s['readability'])}")
        lines.extend(stress_lines(s))
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def stress_summary(stress: dict[str, Any] | None) -> str:
    explanation = stress_explanation(stress)
    return stress_headline(stress) + (f". {explanation}" if explanation else "")


def stress_lines(section: dict[str, Any]) -> list[str]:
    """The section's stress language and the markers behind it, quoted with their lines."""
    stress = section.get("stress")
    if not stress or stress["index"] is None:
        return []
    lines = [f"- Stress language: {escape(stress_summary(stress))}"]
    markers = section.get("markers", [])
    labels = {d["feature"]: d["label"] for d in stress["drivers"]}
    for m in top_markers(markers):
        adjusted = f"; {adjustment_phrase(m)}" if m["adjusted_by"] else ""
        lines.append(f"  - line {m['line']}: {quoted(escape(m['text']))} "
                     f"({escape(labels.get(m['category'], m['category']))}, weight {m['weight']:g}{escape(adjusted)})")
    for m in cancelled_markers(markers):
        lines.append(f"  - line {m['line']}: {quoted(escape(m['text']))} counts for nothing "
                     f"({escape(labels.get(m['category'], m['category']))}; {escape(adjustment_phrase(m))})")
    return lines


def evidence_line(evidence: dict[str, Any]) -> str:
    words = ", ".join(f"*{escape(w['word'])}* {signed(w['valence'], 1)}" for w in evidence["words"])
    rated = f" (rated words: {words})" if words else ""
    return f"line {evidence['line']}, {signed(evidence['compound'])}: {quoted(escape(evidence['text']))}{rated}"


def claims_part(claims: list[dict[str, Any]]) -> str:
    """Claims grouped by kind; every claim says how it is put, so no opinion reads as fact."""
    if not claims:
        return ""
    counts: dict[str, int] = {}
    for claim in claims:
        counts[claim["modality"]] = counts.get(claim["modality"], 0) + 1
    summary = ", ".join(f"{n} {modality}" for modality, n in counts.items())
    blocks = [
        f"## Claims\n\n{plural(len(claims), 'claim')}: {summary}. Only *asserted* claims are stated "
        "as fact; the others show the words that mark them as hedged, opinion, proposal, "
        "speculation or question."
    ]
    for kind, title in CLAIM_KINDS.items():
        group = [c for c in claims if c["kind"] == kind]
        if group:
            blocks.append(f"### {title}\n\n" + "\n".join(claim_line(c) for c in group))
    return "\n\n".join(blocks)


def digest_quotes(report: dict[str, Any]) -> dict[int, list[str]]:
    """What the digest already quotes, by line (a line often holds a whole paragraph)."""
    takeaways = report.get("takeaways") or {}
    quotes: dict[int, list[str]] = {}
    for t in takeaways.get("emotional", []) + takeaways.get("factual", []):
        for e in t["evidence"]:
            quotes.setdefault(e["line"], []).append(" ".join(e["text"].split()))
    return quotes


def in_digest(claim: dict[str, Any], quotes: dict[int, list[str]]) -> bool:
    """Whether the digest quotes the sentence the claim comes from."""
    text = " ".join(claim["text"].split())
    return any(text in quote for quote in quotes.get(claim["line"], []))


def claims_to_check(claims: list[dict[str, Any]], quotes: dict[int, list[str]], room: int) -> str:
    """The claims a reader would check, that the digest does not already quote: figures and
    who said or wants what, in about ``room`` words (what is left before the report grows
    longer than the memo). The rest is in the JSON and HTML, and here with ``--detail``."""
    checked = [c for c in claims if c["kind"] in CHECKED_KINDS and not in_digest(c, quotes)]
    if not checked:
        return ""
    lines = [claim_line(c) for c in checked[:MAX_CHECKED]]
    shown = used = 0
    for line in lines:
        used += len(line.split())
        if used > room:
            break
        shown += 1
    listed = f"{shown} listed here, " if shown else "none listed here, to keep the report shorter than the memo; "
    blocks = [f"## Claims to check\n\n{plural(len(checked), 'claim')} with figures or sources the digest does "
              f"not quote ({listed}{plural(len(claims), 'claim')} in all: `--detail` lists every one)."]
    for kind in CHECKED_KINDS:
        group = [line for c, line in zip(checked[:shown], lines) if c["kind"] == kind]
        if group:
            blocks.append(f"### {CLAIM_KINDS[kind]}\n\n" + "\n".join(group))
    return "\n\n".join(blocks)


def claim_line(claim: dict[str, Any]) -> str:
    how = claim["modality"]
    cues = [c["text"] for c in claim["cues"] if c["marks"] == how]
    if cues:
        how += " (" + ", ".join(quoted(escape(c)) for c in cues) + ")"
    if claim["polarity"] == "negated":
        how += ", negated"
    speaker = f" {escape(claim['speaker'])}:" if claim["speaker"] and claim["kind"] == "attribution" else ""
    figures = "; ".join(
        escape(q["text"]) + (f" ({escape(q['measures'])})" if q["measures"] else "") for q in claim["quantities"]
    )
    return (f"- line {claim['line']} · *{how}* ·{speaker} {quoted(escape(claim['text']))}"
            + (f" — {figures}" if figures else ""))
