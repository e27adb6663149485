"""Every ``._`` attribute the analyzer sets, declared in one table.

The names carry the ``analyzer_`` prefix so they never collide with another library's
extensions in a shared pipeline. Registration is idempotent: components call
``register()`` from their factories, and a second call changes nothing.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from .lines import LineIndex

DOC_ATTRS = (
    "analyzer_lines",        # LineIndex of doc.text
    "analyzer_outline",      # sections.Outline: sections, title, date, metadata
    "analyzer_sentiment",    # sentiment.Sentiment of the whole document
    "analyzer_readability",  # readability.Readability of the whole document
)
SPAN_ATTRS = (
    "analyzer_section",      # sections.Section, on spans in doc.spans["analyzer_sections"]
    "analyzer_sentiment",    # sentiment.Sentiment, on sentences and sections
    "analyzer_readability",  # readability.Readability, on sections
    "analyzer_claim",        # claims.Claim, on spans in doc.spans["analyzer_claims"]
)

SECTIONS = "analyzer_sections"
CLAIMS = "analyzer_claims"


def register() -> None:
    for name in DOC_ATTRS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    for name in SPAN_ATTRS:
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)


def line_index(doc: Doc) -> LineIndex:
    """The document's line index, built on first use and kept on the doc."""
    index = doc._.analyzer_lines
    if index is None:
        index = LineIndex(doc.text)
        doc._.analyzer_lines = index
    return index
