"""The ``analyzer_sections`` component: the outline of a parsed doc, one span per section.

It asks the parse what each line is (a clause, a headline, an interjection or a phrase),
hands the lines to ``outline.find_sections`` with the look-alikes vocabulary it was given
(``initialize(lookalikes=...)``, the shipped one otherwise), and turns each section into a
span of ``doc.spans["analyzer_sections"]``. ``body_sentences`` is how every later stage
reads a section's prose without its heading or the lines set apart from it (code, page
furniture, a letter's addresses).
"""

from __future__ import annotations

from bisect import bisect_left

from spacy.language import Language
from spacy.tokens import Doc, Span, SpanGroup, Token

from .. import extensions
from ..data.saved import DataComponent
from ..text.lines import LineIndex
from .layout import header_row, table_cells
from .headings import CLAUSE, HEADLINE, INTERJECTION, PHRASE, Grammar
from .lookalikes import LookAlikes, parse_lookalikes, shipped_lookalikes
from .outline import Outline, find_sections

SUBJECTS = {"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"}
FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}
# Where a doc keeps its body sentences: (the section group they were found with, the groups).
_BODY = ("analyzer", "body_sentences")



def line_grammar(doc: Doc) -> Grammar:
    """What the parse says about each line: a clause, an interjection, or a phrase."""
    index = extensions.line_index(doc)
    by_line: dict[int, list[Token]] = {}
    for token in doc:
        if not token.is_space:
            by_line.setdefault(index.line_of(token.idx), []).append(token)

    def grammar(line: int) -> str:
        tokens = by_line.get(line, [])
        inside = {t.i for t in tokens}
        roots = [t for t in tokens if t.head.i == t.i or t.head.i not in inside]
        if roots and roots[0].pos_ == "INTJ":
            return INTERJECTION
        if tokens and tokens[0].lower_ == "please":
            return CLAUSE  # a request ("Please welcome two new colleagues:"), never a title
        verdicts = {_root_verdict(t) for t in roots}
        return next((v for v in (CLAUSE, HEADLINE) if v in verdicts), PHRASE)

    return grammar


def _root_verdict(token: Token) -> str:
    """A finite verb at the root makes a statement ("We shipped it", "Here's how we plan").
    Titles are noun phrases, participles ("Handling escalations"), imperatives or
    wh-clauses, none of which has a finite root. Headline style drops the article before a
    bare subject ("JetBrains set up for failure", "Concern raised with HR"): a title may
    read so, a lead-in before a colon may not. A noun may carry a clause with no relative
    pronoun ("Outcome I'm hoping for"), and a title's first word may be a plural noun read
    as a verb."""
    auxiliaries = [c for c in token.children if c.dep_ in ("aux", "auxpass")]
    finite = token.tag_ in FINITE_TAGS or any(c.tag_ in FINITE_TAGS for c in auxiliaries)
    if not finite:
        return PHRASE
    subjects = [c for c in token.children if c.dep_ in SUBJECTS]
    if subjects and not auxiliaries and all(_bare_noun(s) for s in subjects):
        return HEADLINE
    if not subjects and token.i == token.left_edge.i and token.tag_ == "VBZ":
        return PHRASE  # "Wins worth highlighting": a plural noun the tagger read as a verb
    return PHRASE if _noun_with_contact_clause(token) else CLAUSE


def _bare_noun(token: Token) -> bool:
    return token.pos_ in ("NOUN", "PROPN") and not any(
        c.dep_ in ("det", "poss", "nummod") for c in token.children
    )


def _noun_with_contact_clause(root: Token) -> bool:
    """The line opens with a noun and a pronoun subject follows it: "Questions we still have"."""
    first = root.doc[root.left_edge.i]
    following = root.doc[first.i + 1] if first.i + 1 < len(root.doc) else None
    return (first.pos_ in ("NOUN", "PROPN") and following is not None
            and following.pos_ == "PRON" and following.dep_ in SUBJECTS)


def section_spans(doc: Doc, outline: Outline) -> list[Span]:
    """One span per section, from its first line to its last, labelled with its cue."""
    index = extensions.line_index(doc)
    starts = extensions.token_starts(doc)
    spans = []
    for section in outline.sections:
        start = bisect_left(starts, index.start_of(section.line))
        end = bisect_left(starts, index.end_of(section.end_line) + 1)
        span = Span(doc, start, end, label=section.cue or "preamble")
        span._.analyzer_section = section
        spans.append(span)
    return spans


def body_sentences(doc: Doc) -> list[tuple[Span | None, list[Span]]]:
    """Each section span with the sentences of its body; heading lines, lines of code and a
    printed page's furniture or a letter's addresses (``Outline.set_apart``) are left out.

    A sentence belongs to the section holding its first line, so scores never count a
    heading as prose. Without the sections component, all sentences form one group whose
    section is None. Every later stage reads the groups; they are found once per doc and
    kept on it (for the sections it was found with), so callers must not change them.
    """
    sections = doc.spans[extensions.SECTIONS] if extensions.SECTIONS in doc.spans else None
    found = doc.user_data.get(_BODY)
    if found is None or found[0] is not sections:
        found = (sections, _group_sentences(doc, sections))
        doc.user_data[_BODY] = found
    return found[1]


def writer_sentences(doc: Doc) -> tuple[list[tuple[Span | None, list[Span]]], list[Span]]:
    """The body sentences the scores of feeling and stress count: each section's, and the
    document's, which are those of the message in hand (``Outline.focus``).

    A reply's "> …" lines and its "On …, Sam wrote:" are someone else's words, and a footer
    ("Sent from my phone") nobody's, so they count in no score; a section wholly outside the
    message (the earlier e-mail below "-----Original Message-----", another chat turn) keeps
    its own scores in the sections table, but the document's are the writer's, as its
    digest is.
    """
    groups = body_sentences(doc)
    outline = doc._.analyzer_outline
    if outline is None:
        return groups, [s for _, sents in groups for s in sents]
    focus, index = outline.focus, extensions.line_index(doc)
    own = [(span, [s for s in sents if index.line_of(s.start_char) not in focus.skipped]) for span, sents in groups]
    return own, [s for _, sents in own for s in sents if focus.holds(index.line_of(s.start_char))]


def heads_a_table(sent: Span) -> bool:
    """A table's header row ("| Outcome | Reports |"): the line under it is the table's rule.
    It names columns and states nothing, so it is neither quoted nor a claim."""
    text = extensions.line_index(sent.doc).text
    # The sentence's words, cut from the doc's text once: ``Span.text`` joins its tokens anew.
    written = text[sent.start_char : sent.end_char]
    return table_cells(written) >= 2 and header_row(text, sent.start_char + len(written.rstrip()))


def _group_sentences(doc: Doc, sections: SpanGroup | None) -> list[tuple[Span | None, list[Span]]]:
    index = extensions.line_index(doc)
    outline = doc._.analyzer_outline
    set_apart = outline.set_apart if outline is not None else frozenset()
    sents = [s for s in doc.sents if any(t.is_alpha or t.like_num for t in s) and not _not_prose(s, index, set_apart)]
    if sections is None:
        return [(None, sents)]
    spans = list(sections)
    grouped: list[tuple[Span | None, list[Span]]] = [(span, []) for span in spans]
    ends = [span._.analyzer_section.end_line for span in spans]
    for sent in sents:
        line = index.line_of(sent.start_char)
        slot = bisect_left(ends, line)
        if slot < len(spans) and line >= spans[slot]._.analyzer_section.body_line:
            grouped[slot][1].append(sent)
    return grouped


def _not_prose(sent: Span, index: LineIndex, lines: frozenset[int]) -> bool:
    """Whether every line the sentence stands on is among ``lines`` (``Outline.set_apart``)."""
    words = [t for t in sent if not t.is_space]
    return bool(lines and words) and all(n in lines for n in range(index.line_of(words[0].idx),
                                                                   index.line_of(words[-1].idx) + 1))


class Segmenter(DataComponent):
    """Finds the sections of each doc with the look-alikes vocabulary it was handed."""

    def initialize(self, get_examples=None, *, nlp: Language | None = None,
                   lookalikes: LookAlikes | None = None) -> None:
        self.lookalikes = lookalikes or shipped_lookalikes()
        self.texts = {"lookalikes": self.lookalikes.table}

    def rebuild(self, texts: dict) -> dict:
        return {"lookalikes": parse_lookalikes(texts["lookalikes"])}

    def __call__(self, doc: Doc) -> Doc:
        self.ensure_initialized()
        lines = extensions.line_index(doc).lines()
        outline = find_sections(lines, grammar=line_grammar(doc), lookalikes=self.lookalikes)
        doc._.analyzer_outline = outline
        doc.spans[extensions.SECTIONS] = section_spans(doc, outline)
        return doc


@Language.factory(
    "analyzer_sections",
    assigns=["doc._.analyzer_outline", "doc.spans"],
    default_config={},
)
def make_sections(nlp: Language, name: str):
    """Find the document's headings and put one span per section in doc.spans."""
    extensions.register()
    return Segmenter()
