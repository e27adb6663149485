"""Claims: who did or said what, with what certainty, one clause at a time.

The ``analyzer_claims`` component finds every cue in the doc once, then reads each body
sentence in three steps, each returning its result to the next: ``clauses.cut`` cuts it into
clauses, ``reading.read`` reads each clause as a claim, ``settling.settle`` weighs the
clauses no cue marks against the sentence's stance. Every claim becomes a span in
``doc.spans["analyzer_claims"]`` carrying its ``Claim``.
"""

from __future__ import annotations

from collections import defaultdict

from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions
from ..data.saved import DataComponent
from ..extensions import CLAIMS, line_index
from ..markers.lexicon import Lexicon, LexiconTexts, build_lexicon, load_lexicon
from ..markers.matcher import EntryMatcher, pipeline_lemmas
from ..report.vocab import KINDS, MODALITIES
from ..scores.sentiment import Vader
from ..sections.component import heads_a_table, writer_sentences
from ..sections.outline import Section
from .clauses import cut
from .cues import FORMS, ClaimTables, CueFinder, load_cues, load_word_lists
from .modality import STANCE_FAMILIES, EvaluativeWords, StanceWords, markup_spans
from .quantities import Quantity, QuantityFinder
from .reading import Rules, read
from .sentence import read_sentence
from .settling import settle


class ClaimFinder(DataComponent):
    """Reads claims from a parsed doc. Matchers, lexicons and patterns are built once, in
    ``initialize(lexicon=..., vader=..., tables=..., matcher=...)``: the marker lexicon and
    the markers stage's matcher of it (for the stance rule's words), the pipeline's VADER
    (for judging words) and the cue tables."""

    def __init__(self, nlp: Language, evaluative_valence: float, attributive_valence: float,
                 stance_threshold: int) -> None:
        self.nlp = nlp
        self.evaluative_valence = evaluative_valence
        self.attributive_valence = attributive_valence
        self.stance_threshold = stance_threshold

    def initialize(self, get_examples=None, *, nlp: Language | None = None, lexicon: Lexicon | None = None,
                   vader: Vader | None = None, tables: ClaimTables | None = None,
                   matcher: EntryMatcher | None = None) -> None:
        lexicon, vader, tables = lexicon or load_lexicon(), vader or Vader(), tables or ClaimTables.shipped()
        matcher = matcher or EntryMatcher(self.nlp.vocab, lexicon.entries, pipeline_lemmas(self.nlp))
        lists = load_word_lists(tables.words)
        modality = load_cues(tables.modality, "modality", MODALITIES, FORMS, lists)
        kinds = load_cues(tables.kinds, "kind", KINDS, ("phrase", "dep"), lists)
        stance = load_cues(tables.stance, "stance", STANCE_FAMILIES, ("phrase", "dep", "category"), lists)
        self.cues = CueFinder(self.nlp, modality + kinds + [c for c in stance if c.form != "category"])
        self.stance_words = StanceWords(lexicon, [c for c in stance if c.form == "category"], matcher)
        self.quantities = QuantityFinder(tables.units, tables.numbers)
        self.rules = Rules(EvaluativeWords(vader.lexicon, self.evaluative_valence, self.attributive_valence),
                           self.cues.strip_tags, self.stance_threshold)
        self.texts = {"lexicon": lexicon.texts, "overrides": vader.overrides, "tables": tables}

    def rebuild(self, texts: dict) -> dict:
        return {"lexicon": build_lexicon(LexiconTexts(**texts["lexicon"])), "vader": Vader(texts["overrides"]),
                "tables": ClaimTables(**texts["tables"])}

    def __call__(self, doc: Doc) -> Doc:
        self.ensure_initialized()
        hits = defaultdict(list)
        stance: dict[int, list[tuple[tuple[int, ...], str, str]]] = defaultdict(list)
        for hit in self.cues.find(doc):
            if hit.cue.label in STANCE_FAMILIES:
                stance[hit.tokens[0]].append((hit.tokens, hit.text(doc), hit.cue.label))
            else:
                hits[hit.anchor].append(hit)
        for cue in self.stance_words.find(doc):
            stance[cue[0][0]].append(cue)
        quantities = {_figure_root(doc, q): q for q in self.quantities.find(doc)}
        lines, outline = line_index(doc), doc._.analyzer_outline
        markup = [(self.cues.markup[tag], start, end) for tag, start, end in markup_spans(lines.text, self.cues.markup)]
        spans = []
        # "Hi all," and "Cheers, Dana" greet and sign, and "Subject: Re: Weekend support"
        # describes the text: they claim nothing. A reply's "> …" lines and its "On …, Sam
        # wrote:" are not the writer's claims (``writer_sentences``).
        courtesies = outline.courtesies | outline.field_lines if outline is not None else frozenset()
        for section_span, sents in writer_sentences(doc)[0]:
            section = section_span._.analyzer_section if section_span is not None else None
            heading = self.cues.heading(_titles(doc, section))
            for sent in sents:
                if lines.line_of(sent.start_char) in courtesies or heads_a_table(sent):
                    continue
                sentence = read_sentence(sent, hits, stance, markup, self.cues, section.id if section else None,
                                         heading)
                clauses = cut(sentence)
                readings = [r for r in (read(sentence, c, quantities, self.rules) for c in clauses) if r is not None]
                for clause, claim in settle(sentence, clauses, readings, quantities, self.rules):
                    span = doc[clause.tokens[0].i : clause.tokens[-1].i + 1]
                    span._.analyzer_claim = claim
                    spans.append(span)
        doc.spans[CLAIMS] = spans
        return doc


def _figure_root(doc: Doc, quantity: Quantity) -> int:
    return doc[quantity.start : quantity.end].root.i


def _titles(doc: Doc, section: Section | None) -> list[str]:
    """The titles of a section and of the sections above it, nearest first."""
    outline = doc._.analyzer_outline
    if section is None or outline is None:
        return []
    by_id = {s.id: s for s in outline.sections}
    titles = []
    while section is not None:
        if section.title:
            titles.append(section.title)
        section = by_id.get(section.parent)
    return titles


@Language.factory(
    "analyzer_claims",
    assigns=["doc.spans", "span._.analyzer_claim"],
    # How strongly VADER must rate a judging word (its scale runs -4 to +4) for it to make a
    # clause an opinion: said of something, or inside a noun phrase (calibrated on the
    # CheckThat! training split; see README).
    # How much more stance evidence than reporting evidence makes an otherwise unmarked
    # sentence an opinion (see modality.Stance).
    default_config={"evaluative_valence": 1.5, "attributive_valence": 2.5, "stance_threshold": 2},
)
def make_claims(nlp: Language, name: str, evaluative_valence: float, attributive_valence: float,
                stance_threshold: int) -> ClaimFinder:
    """Claims per clause: subject, predicate, object, kind, modality, polarity, figures."""
    extensions.register()
    return ClaimFinder(nlp, evaluative_valence, attributive_valence, stance_threshold)

