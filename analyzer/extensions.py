"""Every ``._`` attribute the analyzer sets, declared in one table.

The names carry the ``analyzer_`` prefix so they never collide with another library's
extensions in a shared pipeline. Registration is idempotent: components call
``register()`` from their factories, and a second call changes nothing.
"""

from __future__ import annotations

from spacy.attrs import IDX
from spacy.tokens import Doc, Span

from .text.lines import LineIndex

DOC_ATTRS = (
    "analyzer_lines",        # LineIndex of doc.text
    "analyzer_outline",      # sections.Outline: sections, title, date, metadata
    "analyzer_sentiment",    # sentiment.Sentiment of the whole document
    "analyzer_readability",  # readability.Readability of the whole document
    "analyzer_stress",       # stress.Stress of the whole document
    "analyzer_marker_table",  # {(start, end, category): markers.Marker}; read via span._.analyzer_marker
    "analyzer_pii",          # privacy.detect.Detection: people and personal data found
    "analyzer_takeaways",    # takeaways: the digest {emotional, factual, words, budget}
)
SPAN_ATTRS = (
    "analyzer_section",      # sections.Section, on spans in doc.spans["analyzer_sections"]
    "analyzer_sentiment",    # sentiment.Sentiment, on sections
    # On sentences, under its own name: a one-sentence section shares its sentence's
    # character offsets, and spaCy keys span values by offsets alone.
    "analyzer_sentence_sentiment",  # sentiment.Sentiment, on sentences
    "analyzer_readability",  # readability.Readability, on sections
    "analyzer_stress",       # stress.Stress, on sections
    "analyzer_claim",        # claims.Claim, on spans in doc.spans["analyzer_claims"]
)

# Computed from the doc, not stored on the span: spaCy keys a span's values by its character
# offsets alone, and "never" is both a negator and an absolutist marker on the same tokens.
SPAN_GETTERS = {
    "analyzer_marker": lambda span: marker_of(span),  # markers.Marker, on doc.spans["analyzer_markers"]
}

# Where a doc keeps its tokens' character offsets.
_TOKEN_STARTS = ("analyzer", "token_starts")

SECTIONS = "analyzer_sections"
MARKERS = "analyzer_markers"
CLAIMS = "analyzer_claims"


def register() -> None:
    for name in DOC_ATTRS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    for name in SPAN_ATTRS:
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)
    for name, getter in SPAN_GETTERS.items():
        if not Span.has_extension(name):
            Span.set_extension(name, getter=getter)


def marker_of(span: Span):
    """The marker a span of doc.spans["analyzer_markers"] stands for, by tokens and category."""
    table = span.doc._.analyzer_marker_table
    return table.get((span.start, span.end, span.label_)) if table else None


def line_index(doc: Doc) -> LineIndex:
    """The document's line index, built on first use and kept on the doc."""
    index = doc._.analyzer_lines
    if index is None:
        index = LineIndex(doc.text)
        doc._.analyzer_lines = index
    return index


def token_starts(doc: Doc) -> list[int]:
    """Each token's character offset, read once per doc: the token at a character offset is
    then a bisection, not a walk over the tokens."""
    starts = doc.user_data.get(_TOKEN_STARTS)
    if starts is None or len(starts) != len(doc):
        starts = doc.to_array([IDX]).tolist()
        doc.user_data[_TOKEN_STARTS] = starts
    return starts
