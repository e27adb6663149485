"""What the digest needs to know about a document's layout, computed once per document.

The digest is about the document a reader was given: in a chat export the turn a user
pasted, in an e-mail thread the message (``focus``); the other parts are only listed.
The word budget is the reader's: 600 words, or a quarter of the words of a shorter text,
and never fewer than 60, counted the way a reader counts them (runs of non-space); a user
may set it (``--digest-words``). Metadata
fields written as prose lines ("Subject: …", "Author: …", "Status: Final") describe the
document rather than say anything, so no takeaway quotes or counts them; nor a date on a
line of its own ("March 3, 2025"), a letter's salutation ("To everyone who attended the
summit,"), its sign-off ("Signed, -- The Council"), or the signature under it, its names and
titles; nor a footnote, a detail kept below the body; nor a saying the writer quotes with
its source's name, someone else's words.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from .. import extensions
from ..sections.component import body_sentences
from ..sections.outline import Section
from ..text.lines import LineIndex
from ..sections.focus import Focus
from ..sections.metadata import dateline

DIGEST_WORDS = 600
SHORT_DOCUMENT_SHARE = 0.25
MIN_BUDGET = 60


@dataclass(frozen=True)
class DocView:
    doc: Doc
    lines: LineIndex
    sections: tuple[Section, ...]
    starts: tuple[int, ...]
    title: str | None
    date: str | None
    # The lines the digest draws on: all of them, the chat turn a user pasted, or the message.
    focus: Focus
    # Body sentences with the section each belongs to, in document order.
    sentences: tuple[tuple[Span, Section | None], ...]
    words: int
    claims: tuple[Span, ...]
    claim_starts: tuple[int, ...]
    # The title's telling words as lemmas, so "Subpoenaed" in a title meets "subpoenas" in a sentence.
    title_words: frozenset[str]
    # The lines of a letter's sign-offs, and of its formulas (``Outline.formulas``).
    signoffs: frozenset[int]
    formulas: frozenset[int]
    # The digest's words when the user sets them (``--digest-words``), else None: the default.
    digest_words: int | None = None

    @classmethod
    def of(cls, doc: Doc, digest_words: int | None = None) -> DocView:
        lines = extensions.line_index(doc)
        outline = doc._.analyzer_outline
        groups = body_sentences(doc)
        sections = tuple(span._.analyzer_section for span, _ in groups if span is not None)
        texts = lines.lines()
        focus = outline.focus if outline else Focus(1, len(texts))
        signoffs = outline.signoffs if outline else frozenset()
        formulas = outline.formulas if outline else frozenset()
        aside = (outline.courtesies | outline.footnotes | outline.cited | outline.field_lines
                 if outline else frozenset())
        sentences = tuple((sent, span._.analyzer_section if span is not None else None)
                          for span, sents in groups for sent in sents
                          if focus.holds(line := lines.line_of(sent.start_char)) and not dateline(sent.text.strip())
                          and line not in aside)
        words = sum(len(texts[n - 1].split()) for n in range(focus.first, focus.last + 1) if focus.holds(n))
        claims = tuple(doc.spans.get(extensions.CLAIMS, []))
        title = outline.title if outline else None
        return cls(doc, lines, sections, tuple(lines.start_of(s.line) for s in sections),
                   title, outline.date if outline else None,
                   focus, sentences, words, claims, tuple(c.start for c in claims),
                   _title_words(doc, lines, title), signoffs, formulas, digest_words)

    @property
    def budget(self) -> int:
        """Digest words allowed: what the user asked for, else 600, or a quarter of a shorter
        text, at least 60."""
        if self.digest_words is not None:
            return self.digest_words
        return min(DIGEST_WORDS, max(MIN_BUDGET, int(self.words * SHORT_DOCUMENT_SHARE)))

    def first_claim(self, sent: Span):
        """The first claim read from ``sent``, if any."""
        i = bisect_left(self.claim_starts, sent.start)
        if i < len(self.claims) and self.claims[i].start < sent.end:
            return self.claims[i]._.analyzer_claim
        return None

    def line_of(self, char: int) -> int:
        return self.lines.line_of(char)

    def section_of(self, char: int) -> Section | None:
        slot = bisect_right(self.starts, char) - 1
        return self.sections[slot] if slot >= 0 else None


def _title_words(doc: Doc, lines: LineIndex, title: str | None) -> frozenset[str]:
    """The lemmas of the title's content words, read where the title stands in the text."""
    if not title:
        return frozenset()
    at = lines.text.find(title)
    tokens = [t for t in doc.char_span(at, at + len(title), alignment_mode="expand") or ()] if at >= 0 else []
    words = [t.lemma_.lower() for t in tokens if not t.is_stop and (t.is_alpha or t.like_num)]
    return frozenset(words or (w.lower() for w in title.split() if w.isalpha()))
