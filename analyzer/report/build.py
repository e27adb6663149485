"""Turn an analysed Doc into the JSON report, the one contract every renderer reads.

The report is plain data (str, int, float, None, list, dict) so it can be written as JSON,
rendered, redacted or tabulated without spaCy. Fields are only ever added, never renamed;
``SCHEMA_VERSION`` changes if one ever has to be. This is the one module of ``report/`` that
reads a Doc; the shape and the vocabularies load no spaCy.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_left
from typing import Any

from spacy.tokens import Doc, Span

from .. import extensions
from .._version import __version__
from ..markers.component import Marker, MarkerIndex
from ..scores.readability import Readability
from ..scores.sentiment import Sentiment
from ..scores.stress import Stress
from ..sections.component import body_sentences
from ..sections.focus import CHAT_ROLE
from ..sections.outline import Outline, Section
from ..text.lines import LineIndex
from ..text.words import word_count
from .shape import Report
from .vocab import SCHEMA_VERSION


def build_report(doc: Doc, *, source: str | None, model: str, section_text: bool = True) -> Report:
    """The report of ``doc``, each section's body text included unless ``section_text`` is off."""
    index = extensions.line_index(doc)
    outline = doc._.analyzer_outline
    claims = claim_entries(doc)
    claims_of: dict[int | None, list[int]] = {}
    for claim in claims:
        claims_of.setdefault(claim["section"], []).append(claim["id"])
    # Markers count where scores do: in body sentences, never on a heading line.
    markers = MarkerIndex(doc)
    groups = body_sentences(doc)
    sections = [section_entry(span, index, markers.within(sents), section_text) for span, sents in groups
                if span is not None]
    for section in sections:
        section["claims"] = claims_of.get(section["id"], [])
    return Report({
        "schema_version": SCHEMA_VERSION,
        "analyzer": {"version": __version__, "model": model},
        "document": {
            "source": source,
            "title": outline.title if outline else None,
            "date": outline.date if outline else None,
            "words": word_count(doc),
            "lines": len(index),
            "sha256": text_sha256(index.text),
            **metadata_entries(outline, len(index)),
            "scope": scope_entry(outline, index.lines()),
        },
        "sentiment": sentiment_entry(doc._.analyzer_sentiment, index),
        "readability": readability_entry(doc._.analyzer_readability),
        "stress": stress_entry(doc._.analyzer_stress),
        "markers": markers_entry(markers.within(s for _, sents in groups for s in sents), index),
        "sections": sections,
        "claims": claims,
        "takeaways": doc._.analyzer_takeaways or {"emotional": [], "factual": []},
        # Filled in by privacy.protect when the report is redacted.
        "privacy": None,
    })


def text_sha256(text: str) -> str:
    """Hash of the normalised text, so the API and the CLI agree on a document's identity."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def metadata_entries(outline: Outline | None, line_count: int) -> dict[str, Any]:
    """What the text says about itself: front-matter fields, e-mails in a thread, chat turns.

    An e-mail or a turn runs until the next one starts, whatever headings it contains.
    """
    if outline is None:
        return {"metadata": {}, "emails": [], "turns": []}
    meta = outline.metadata
    email_ends = _run_ends([b.line for b in meta.headers], line_count)
    turn_ends = _run_ends([t.line for t in meta.turns], line_count)
    return {
        "metadata": {key.replace(" ", "_"): value for key, value in meta.fields.items()},
        "emails": [
            {"line": block.line, "end_line": end, "kind": "memo" if block.memo else "e-mail", **block.fields}
            for block, end in zip(meta.headers, email_ends)
        ],
        "turns": [
            {"speaker": turn.speaker, "time": turn.time, "line": turn.line, "end_line": end}
            for turn, end in zip(meta.turns, turn_ends)
        ],
    }


def scope_entry(outline: Outline | None, lines: list[str]) -> dict[str, Any] | None:
    """The lines the digest, the document's sentiment and its stress index read, when they
    are not all of them: a chat export's turn in hand, or a message without the one it
    answers, the lines it quotes or its footer."""
    if outline is None or outline.focus.covers(len(lines)):
        return None
    part = "turn" if outline.focus.role == CHAT_ROLE else "message"
    return {"part": part, "lines": [list(run) for run in outline.focus.runs(lines)]}


def _run_ends(starts: list[int], line_count: int) -> list[int]:
    return [nxt - 1 for nxt in starts[1:]] + [line_count] if starts else []


def section_entry(span: Span, index: LineIndex, markers: list[tuple[Span, Marker]],
                  with_text: bool = False) -> dict[str, Any]:
    section = span._.analyzer_section
    return {
        "id": section.id,
        "title": section.title,
        "level": section.level,
        "line": section.line,
        "end_line": section.end_line,
        "parent": section.parent,
        "cue": section.cue,
        "turn": {"speaker": section.turn.speaker, "time": section.turn.time} if section.turn else None,
        "words": word_count(body_tokens(span, section, index)),
        "sentiment": sentiment_entry(span._.analyzer_sentiment, index),
        "readability": readability_entry(span._.analyzer_readability),
        "stress": stress_entry(span._.analyzer_stress),
        "markers": markers_entry(markers, index),
        "body_line": section.body_line,
        "text": body_text(section, index) if with_text else None,
    }


def body_tokens(span: Span, section: Section, index: LineIndex) -> Span:
    """The section's tokens from its body's first line on."""
    if section.body_line > len(index):
        return span[len(span):]
    first = bisect_left(extensions.token_starts(span.doc), index.start_of(section.body_line))
    return span.doc[min(max(first, span.start), span.end) : span.end]


def body_text(section: Section, index: LineIndex) -> str:
    """The section's lines after its heading, as normalised (empty for a bare heading)."""
    if section.body_line > section.end_line:
        return ""
    return index.text[index.start_of(section.body_line) : index.end_of(section.end_line)]


def sentiment_entry(sentiment: Sentiment | None, index: LineIndex) -> dict[str, Any] | None:
    if sentiment is None:
        return None
    return {
        **sentiment.scores(),
        "sentences": sentiment.sentences,
        "evidence": [evidence_entry(sent, index) for sent in sentiment.evidence],
    }


def evidence_entry(sent: Span, index: LineIndex) -> dict[str, Any]:
    scored: Sentiment = sent._.analyzer_sentence_sentiment
    return {
        "text": sent.text.strip(),
        "line": index.line_of(sent.start_char),
        "compound": round(scored.compound, 4),
        "words": [{"word": word, "valence": valence} for word, valence in scored.words],
    }


def claim_entries(doc: Doc) -> list[dict[str, Any]]:
    """The claims in document order, numbered from 1 so sections can list them by id."""
    spans = doc.spans.get(extensions.CLAIMS, [])
    return [{"id": n, **span._.analyzer_claim.as_dict()} for n, span in enumerate(spans, start=1)]


def readability_entry(readability: Readability | None) -> dict[str, Any] | None:
    return readability.as_dict() if readability else None


def stress_entry(stress: Stress | None) -> dict[str, Any] | None:
    if stress is None:
        return None
    return {
        "index": stress.index,
        "level": stress.level,
        "too_short": stress.too_short,
        "words": stress.words,
        "categories": stress.densities,
        "baseline": stress.baseline,
        "drivers": [
            {"feature": d.feature, "label": d.label, "value": d.value, "contribution": d.contribution,
             "words": list(d.words)}
            for d in stress.drivers
        ],
    }


def markers_entry(markers: list[tuple[Span, Marker]], index: LineIndex) -> list[dict[str, Any]]:
    return [marker_entry(span, marker, index) for span, marker in markers]


def marker_entry(span: Span, marker: Marker, index: LineIndex) -> dict[str, Any]:
    return {
        "category": marker.category,
        "group": marker.group,
        "text": " ".join(span.text.split()),
        "lemma": " ".join(t.lemma_ for t in span),
        "line": index.line_of(span.start_char),
        "weight": marker.weight,
        "base_weight": marker.base_weight,
        "adjusted_by": [
            {"kind": a.kind, "text": a.text, "factor": a.factor, "line": index.line_of(a.start_char)}
            for a in marker.adjusted_by
        ],
        "entry": marker.entry,
    }
