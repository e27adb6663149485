"""Turn an analysed Doc into the JSON report, the one contract every renderer reads.

The report is plain data (str, int, float, None, list, dict) so it can be written as JSON,
rendered, redacted or tabulated without spaCy. Fields are only ever added, never renamed;
``SCHEMA_VERSION`` changes if one ever has to be.
"""

from __future__ import annotations

import hashlib
from typing import Any

from spacy.tokens import Doc, Span

from . import extensions
from ._version import __version__
from .lines import LineIndex
from .readability import Readability
from .sentiment import Sentiment
from .words import word_count

SCHEMA_VERSION = 1


def build_report(doc: Doc, *, source: str | None, model: str) -> dict[str, Any]:
    index = extensions.line_index(doc)
    outline = doc._.analyzer_outline
    claims = claim_entries(doc)
    sections = [section_entry(span, index) for span in doc.spans.get(extensions.SECTIONS, [])]
    for section in sections:
        section["claims"] = [c["id"] for c in claims if c["section"] == section["id"]]
    return {
        "schema_version": SCHEMA_VERSION,
        "analyzer": {"version": __version__, "model": model},
        "document": {
            "source": source,
            "title": outline.title if outline else None,
            "date": outline.date if outline else None,
            "words": word_count(doc),
            "lines": len(index),
            "sha256": text_sha256(doc.text),
        },
        "sentiment": sentiment_entry(doc._.analyzer_sentiment, index),
        "readability": readability_entry(doc._.analyzer_readability),
        "sections": sections,
        "claims": claims,
        "takeaways": {"emotional": [], "factual": []},
    }


def text_sha256(text: str) -> str:
    """Hash of the normalised text, so the API and the CLI agree on a document's identity."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def section_entry(span: Span, index: LineIndex) -> dict[str, Any]:
    section = span._.analyzer_section
    return {
        "id": section.id,
        "title": section.title,
        "level": section.level,
        "line": section.line,
        "end_line": section.end_line,
        "parent": section.parent,
        "cue": section.cue,
        "words": word_count(t for t in span if index.line_of(t.idx) >= section.body_line),
        "sentiment": sentiment_entry(span._.analyzer_sentiment, index),
        "readability": readability_entry(span._.analyzer_readability),
    }


def sentiment_entry(sentiment: Sentiment | None, index: LineIndex) -> dict[str, Any] | None:
    if sentiment is None:
        return None
    return {
        **sentiment.scores(),
        "sentences": sentiment.sentences,
        "evidence": [evidence_entry(sent, index) for sent in sentiment.evidence],
    }


def evidence_entry(sent: Span, index: LineIndex) -> dict[str, Any]:
    scored: Sentiment = sent._.analyzer_sentiment
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
