"""Stress, emotion and tone markers found in the text, each with the evidence for its weight.

Every lexicon entry found becomes a span in ``doc.spans["analyzer_markers"]``, labelled with
its category and carrying a ``Marker`` in ``span._.analyzer_marker``. Where matches of
marker categories overlap, the longest wins, so "under pressure" counts once, not twice, and
"not enough" is one phrase rather than a negated "enough".

A negator, intensifier or hedge adjusts the first marker after it, if at most ``WINDOW``
words lie between them and no clause boundary (punctuation, "and", "but", "because"...) or
verb of wanting ("don't want to reward burnout" names burnout as something to avoid) does
(an intensifier that opens the sentence before a comma reaches past it: "Frankly, this is
unacceptable"):
"not stressed" weighs 0, "immense pressure" 1.6 times its base weight, "maybe overloaded"
0.6 times. Each adjustment is kept in ``adjusted_by``, so a report can say why a marker
weighs what it does. A modifier inside a longer marker belongs to that marker ("not fair"
is one unfairness marker) and adjusts nothing else. A negation the writer takes back with a
negated verb of pretending, saying or thinking ("I won't pretend those messages did not
hurt") leaves the marker its weight, and the adjustment says so. A negated verb of thinking
negates the clause it introduces, however far its words ("I don't think the team is happy",
"we are not going to pretend this is good news"), and so does a negative subject its clause
("No one on the team should feel exhausted", "Nobody is expected to hit a deadline"). A
negated verb of thinking also says a lexicon row of "not" and one word of the bare word in its
clause: "I don't think the rota is fair" is the "not fair" row, shown as "don't think … fair".
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from .. import extensions
from ..data.saved import DataComponent
from ..report.vocab import RAISED_NEGATION, UNDONE_NEGATION
from ..text.words import is_word
from .lexicon import Entry, Lexicon, LexiconTexts, build_lexicon, load_lexicon
from .matcher import EntryMatcher, Lemmatize, Match, pipeline_lemmas
from .overlaps import standing

WINDOW = 3
# The most a chain of intensifiers may multiply a marker's weight by.
MAX_FACTOR = 3.0
# What each modifier role is called in an adjustment.
KINDS = {"negator": "negation", "intensifier": "intensifier", "hedge": "hedge"}
_BARRIER_POS = frozenset({"CCONJ", "SCONJ"})
_JOINERS = frozenset({"-", "'", "’"})
_WANTING = frozenset({"want", "wish"})
# Verbs that, negated by the writer, take back the negation of the clause they introduce:
# "I won't pretend those messages did not hurt" says they hurt, as does "I can't say I
# wasn't disappointed". ("I won't deny it was not easy" keeps its negation: not here.)
_TAKEN_BACK_BY = frozenset({"pretend", "say", "claim", "think", "believe"})
# Verbs whose negation a reader hears in the clause they introduce: "I don't think it is
# fair" means "I think it is not fair".
_NEGATION_RAISED_BY = frozenset({"think", "believe", "expect", "suppose", "feel", "imagine", "reckon", "pretend"})
# Quotation marks, opening to closing: between them stand someone else's words.
_QUOTES = {"“": "”", '"': '"'}
# The lemma that opens a lexicon row of a negated word ("not fair", "not sustainable").
_NOT = "not"


@dataclass(frozen=True)
class Adjustment:
    """A modifier's effect on one marker: "negation" by "not", factor 0."""

    kind: str
    text: str
    factor: float
    start_char: int


@dataclass(frozen=True)
class Marker:
    category: str
    group: str
    role: str
    base_weight: float
    weight: float
    adjusted_by: tuple[Adjustment, ...]
    entry: str
    pattern: str
    # The words a reader is shown when the span alone would mislead: "don't think … fair"
    # for an unfairness read from a negated verb of thinking.
    shown_as: str = ""

    @property
    def modifier(self) -> bool:
        return self.role in KINDS


class MarkerTagger(DataComponent):
    """Finds markers with matchers built once from the lexicon, then weighs each in context.

    The lexicon comes through ``initialize(lexicon=...)``; without one, the first document
    loads the shipped lexicon.
    """

    def __init__(self, vocab: Vocab, lemmatize: Lemmatize | None = None) -> None:
        self.vocab = vocab
        self.lemmatize = lemmatize

    def initialize(self, get_examples=None, *, nlp: Language | None = None, lexicon: Lexicon | None = None,
                   matcher: EntryMatcher | None = None) -> None:
        """``matcher``, built from ``lexicon``, is shared with the claims' stance rule: one
        matcher to build, one pass over each doc."""
        self.lexicon = lexicon or load_lexicon()
        self.roles = {name: category.role for name, category in self.lexicon.categories.items()}
        self.matcher = matcher or EntryMatcher(self.vocab, self.lexicon.entries, self.lemmatize)
        self.negated_words = _negated_words(self.lexicon.entries, self.roles)
        self.texts = {"lexicon": self.lexicon.texts}

    def rebuild(self, texts: dict) -> dict:
        return {"lexicon": build_lexicon(LexiconTexts(**texts["lexicon"]))}

    def __call__(self, doc: Doc) -> Doc:
        self.ensure_initialized()
        markers, modifiers = standing(doc, self.matcher, self.lexicon.categories)
        ending_at: dict[int, list[Match]] = defaultdict(list)
        for m in modifiers:
            ending_at[m.span.end].append(m)
        negators = {m.span.start: m for m in modifiers if self.roles[m.entry.category] == "negator"}
        raised = _raised_rows(doc, self.negated_words, markers, negators)
        replaced = {m.span.start for m, _ in raised}
        markers = [m for m in markers if m.span.start not in replaced]
        weighed = [self._weigh(m, _modifiers(m.span, ending_at, self.roles, negators)) for m in markers]
        weighed += [self._weigh(m, ()) for m in modifiers]
        weighed += [self._weigh(m, (), raised_by=negated) for m, negated in raised]
        table = {(span.start, span.end, span.label_): marker for span, marker in weighed}
        doc._.analyzer_marker_table = table
        doc.spans[extensions.MARKERS] = [Span(doc, start, end, label=label) for start, end, label in sorted(table)]
        return doc

    def _weigh(self, match: Match, modifiers: Sequence[Match], raised_by: Span | None = None) -> tuple[Span, Marker]:
        """The marker a match makes, its weight adjusted by ``modifiers``; a row of a negated
        word read under a negated verb of thinking (``raised_by``) keeps its weight and says
        which negation it was read from."""
        entry = match.entry
        category = self.lexicon.categories[entry.category]
        adjustments = self._adjustments(modifiers)
        shown_as = ""
        if raised_by is not None:
            shown_as = f"{raised_by.text} … {match.span.text}"
            adjustments += (Adjustment(RAISED_NEGATION, shown_as, 1.0, raised_by.start_char),)
        factor = 1.0
        for adjustment in adjustments:
            factor *= adjustment.factor
        start = match.span.start
        if start > 0 and not is_word(match.span[0]):
            start -= 1  # show "don't know", not "n't know": a clitic is read with its host
        span = Span(match.span.doc, start, match.span.end, label=entry.category)
        return span, Marker(
            entry.category, category.group, category.role, entry.weight,
            round(entry.weight * min(factor, MAX_FACTOR), 3), adjustments, entry.where, entry.pattern, shown_as,
        )

    def _adjustments(self, modifiers: Sequence[Match]) -> tuple[Adjustment, ...]:
        """What the modifiers before a marker (nearest first) do to it. A negation the writer
        takes back ("won't pretend … did not hurt") does nothing, and says so; the negation
        that takes it back ("won't") is spent on that."""
        found, spent = [], set()
        for m in modifiers:
            kind = KINDS[self.roles[m.entry.category]]
            if kind == "negation" and m.span.start in spent:
                continue
            if kind == "negation" and (back := _taken_back(m.span)) is not None:
                spent.update(range(back.start, back.end))
                found.append(Adjustment(UNDONE_NEGATION, f"{back.text} … {m.span.text}", 1.0, m.span.start_char))
                continue
            found.append(Adjustment(kind, m.span.text, m.entry.weight, m.span.start_char))
        return tuple(found)


def _taken_back(negator: Span) -> Span | None:
    """The negated verb that takes back a clause's negation ("won't pretend"), or None. The
    clause is its complement, directly or through infinitives ("I don't want to pretend we
    are not worried"), and one verb of that chain is a verb of pretending, saying or thinking."""
    clause = negator.root.head
    if clause.dep_ not in ("ccomp", "xcomp"):
        return None
    chain = _completing(clause.head)
    negated_at = next((k for k, v in enumerate(chain) if _negated(v)), None)
    if negated_at is None or not any(v.lemma_ in _TAKEN_BACK_BY for v in chain[: negated_at + 1]):
        return None
    verb = chain[negated_at]
    start = min([verb.i] + [c.i for c in verb.children if c.dep_ in ("aux", "neg") and c.i < verb.i])
    return verb.doc[start : verb.i + 1]


def _negated(verb: Token) -> bool:
    return any(c.dep_ == "neg" for c in verb.children)


def _completing(verb: Token) -> list[Token]:
    """The verb, then each verb it completes as an infinitive, innermost first: "pretend",
    "going" in "we are not going to pretend"."""
    chain = [verb]
    while chain[-1].dep_ == "xcomp":
        chain.append(chain[-1].head)
    return chain


class MarkerIndex:
    """A doc's markers in order, indexed once, so each section's share is a bisection
    rather than a scan of every marker."""

    def __init__(self, doc: Doc) -> None:
        self.spans = list(doc.spans.get(extensions.MARKERS, []))
        self.starts = [s.start for s in self.spans]

    def within(self, sentences: Iterable[Span]) -> list[tuple[Span, Marker]]:
        """The markers that start inside ``sentences``, in document order."""
        found = []
        for sent in sentences:
            i = bisect_left(self.starts, sent.start)
            while i < len(self.spans) and self.spans[i].start < sent.end:
                found.append((self.spans[i], self.spans[i]._.analyzer_marker))
                i += 1
        return found


def _modifiers_before(span: Span, ending_at: dict[int, list[Match]], roles: Mapping[str, str]) -> list[Match]:
    """The modifiers in the same clause that end at most WINDOW words before ``span``, and
    an intensifier that opens the sentence before a comma ("Frankly, this is unacceptable"):
    said of the whole sentence, it stresses the feeling in it."""
    doc = span.doc
    found: list[Match] = []
    gap = 0
    i = span.start - 1
    while i >= 0 and gap <= WINDOW and not doc[i + 1].is_sent_start and not _barrier(doc[i]):
        if ending_at.get(i + 1):
            found.extend(ending_at[i + 1])
            i = min(m.span.start for m in ending_at[i + 1]) - 1
            continue
        gap += is_word(doc[i])
        i -= 1
    if i >= 0 and gap <= WINDOW and doc[i].text == "," and doc[i].sent.start == span.sent.start:
        found.extend(m for m in ending_at.get(i, ()) if m.span.start == m.span.sent.start
                     and roles[m.entry.category] == "intensifier")
    return found


def _modifiers(span: Span, ending_at: dict[int, list[Match]], roles: Mapping[str, str],
               negators: Mapping[int, Match]) -> list[Match]:
    """The modifiers of a marker: those just before it, then a negation that reaches its
    clause from farther off, that of a verb of thinking over it or of its subject."""
    before = _modifiers_before(span, ending_at, roles)
    farther = _raised_negation(span, negators) + _negated_subject(span, negators)
    return before + [m for m in dict.fromkeys(farther) if m not in before]


def _raised_negation(span: Span, negators: Mapping[int, Match]) -> list[Match]:
    """The negation of a verb of thinking or pretending said of the clause it introduces (or
    of a verb it completes, "not going to pretend"): "I don't think the team is happy" says
    the team is not happy, whatever words lie between. Not when the
    clause has its own negation (``_taken_back`` reads "I don't think we aren't worried"), nor
    when it says something could hardly be more so ("I don't think I have ever been so proud")."""
    word = span.root
    clause = word.head if word.dep_ in ("acomp", "attr", "oprd") else word
    verb = clause.head
    if clause.dep_ != "ccomp" or verb.lemma_ not in _NEGATION_RAISED_BY or _negated(clause):
        return []
    if any(t.lower_ == "ever" or t.tag_ in ("JJR", "RBR") for t in clause.subtree):
        return []
    return [negators[c.i] for v in _completing(verb) for c in v.children if c.dep_ == "neg" and c.i in negators]


def quoted(span: Span) -> bool:
    """Whether the marker stands between quotation marks in its sentence: someone else's
    words, which show no feeling of the writer's and add nothing to the writer's stress."""
    # Sliced from the doc's text, kept with its line index: a span's text is joined anew
    # from its tokens each time, and this runs for every marker of every section.
    before = extensions.line_index(span.doc).text[span.sent.start_char : span.start_char]
    for opening, closing in _QUOTES.items():
        if opening == closing:
            if before.count(opening) % 2 == 1:
                return True
        elif before.count(opening) > before.count(closing):
            return True
    return False


def _negated_words(entries: Iterable[Entry], roles: Mapping[str, str]) -> dict[str, Entry]:
    """The marker rows that are "not" and one word ("not fair", "not sustainable"), by that
    word's lemmas: the rows a negated verb of thinking says of a clause that holds the word
    bare. The first row found for a word is its row."""
    found: dict[str, Entry] = {}
    for entry in entries:
        first, *rest = entry.tokens
        if (roles[entry.category] != "marker" or first.words != (_NOT,) or len(rest) != 1
                or rest[0].wildcard or rest[0].pos or rest[0].optional):
            continue
        for word in rest[0].words:
            found.setdefault(word, entry)
    return found


def _raised_rows(doc: Doc, rows: Mapping[str, Entry], markers: Sequence[Match],
                 negators: Mapping[int, Match]) -> list[tuple[Match, Span]]:
    """The rows of a negated word that a negated verb of thinking says of its clause: "I
    don't think the rota is fair" is "not fair", an unfairness, as "the rota is not fair"
    is, and "I don't believe this pace is sustainable" is "not sustainable", not a calm
    word negated. Each comes with the negated verb ("don't think"). A word inside a longer
    marker is that marker's."""
    if not rows or not negators:
        return []
    longer = {i for m in markers if len(m.span) > 1 for i in range(m.span.start, m.span.end)}
    found = []
    for token in doc:
        entry = rows.get(token.lemma_.lower()) or rows.get(token.lower_)
        if entry is None or token.i in longer:
            continue
        word = doc[token.i : token.i + 1]
        for negation in _raised_negation(word, negators)[:1]:
            found.append((Match(entry, word), _with_verb(negation.span)))
    return found


def _with_verb(negation: Span) -> Span:
    """A verb's negation with its host and the verb: "don't think", "not believe"."""
    doc, verb = negation.doc, negation.root.head
    start = negation.start - 1 if negation.start > 0 and not is_word(negation[0]) else negation.start
    return doc[min(start, verb.i) : max(negation.end, verb.i + 1)]


def _negated_subject(span: Span, negators: Mapping[int, Match]) -> list[Match]:
    """The negation a clause's subject carries to the clause's feeling words, however far:
    "No one on the team should feel exhausted", "Nobody carries the pager for more than one
    night in a row". The clause is the nearest verb above the marker, so a feeling in a
    clause of its own ("Nobody told me, and I am furious") keeps its subject."""
    verb = span.root
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    # A clause with no subject of its own has its head's: "Nobody is expected to hit a deadline".
    subjects = next((found for v in _completing(verb) if (found := _subjects(v))), [])
    starts = [min(t.i for t in s.subtree) for s in subjects]
    return [negators[i] for i in starts if i in negators and not span.start <= i < span.end]


def _subjects(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]


def _barrier(token: Token) -> bool:
    """A token a modifier does not reach past: a clause boundary, or a verb of wanting, which
    takes a negation for itself ("we don't want to reward burnout" still speaks of burnout)."""
    return ((token.is_punct and token.text not in _JOINERS) or token.pos_ in _BARRIER_POS
            or (token.lemma_ in _WANTING and token.pos_ == "VERB"))


@Language.factory(
    "analyzer_markers",
    assigns=["doc.spans", "doc._.analyzer_marker_table"],
    default_config={},
)
def make_markers(nlp: Language, name: str) -> MarkerTagger:
    """Stress, emotion and tone markers; ``initialize(lexicon=load_lexicon([...]))`` adds a user's files."""
    extensions.register()
    return MarkerTagger(nlp.vocab, pipeline_lemmas(nlp))
