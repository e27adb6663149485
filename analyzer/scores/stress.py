"""A stress index for each section and the whole document, explained by the words behind it.

The index follows rules a person can check. It starts from the score of a typical text
(``baseline``); each feature then adds its weight times how far it lies from its typical
value (``reference``). The features are the density per 100 words of each marker category
(damped by a square root, so the tenth workload marker adds less than the first), VADER's
negativity, the density of first-person-singular words and the share of present-tense
verbs. A logistic curve turns the score into 0-100. Weights, references, thresholds and
the minimum length are data (lexicons/stress-index.json), calibrated on labelled posts by
``bench/stress_calibrate.py``; the file records the command that produced them. Every
index lists its drivers, the features that raise or lower it, with the words behind them.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy
from spacy.attrs import MORPH, POS
from spacy.language import Language
from spacy.parts_of_speech import AUX, PRON, VERB
from spacy.tokens import Doc, Span

from .. import extensions
from ..errors import LexiconError
from ..data.files import DataText, shipped
from ..data.saved import DataComponent
from ..markers.component import Marker, MarkerIndex, quoted
from ..markers.lexicon import Category, Lexicon, categories_only
from ..sections.component import writer_sentences
from .sentiment import Sentiment
from ..text.words import word_count

MODEL_FILE = "scores/stress-index.json"
LEVELS = ("low", "moderate", "high")
# Features that are not marker categories, and how reports name them.
TEXT_FEATURES = {
    "negative_tone": "negative tone (VADER)",
    "first_person": "first-person singular words",
    "present_focus": "present-tense verbs",
}
# How many marker texts a driver quotes.
EVIDENCE_WORDS = 5
_VERB_POS = (VERB, AUX)
# Where a doc keeps its running counts of tensed verbs and first-person words.
_RUNNING_COUNTS = ("analyzer", "stress_counts")


@dataclass(frozen=True)
class Features:
    """What the index is computed from, for one section or the whole document."""

    words: int
    densities: dict[str, float]
    negative_tone: float
    first_person: float
    present_focus: float
    markers: tuple[tuple[Span, Marker], ...]

    def value(self, name: str) -> float:
        """The feature as the model weighs it: densities damped by a square root."""
        if name in ("negative_tone", "present_focus"):
            return getattr(self, name)
        density = self.first_person if name == "first_person" else self.densities.get(name, 0.0)
        return math.sqrt(density)


@dataclass(frozen=True)
class Driver:
    """One feature's part in an index: its value, its share of the score and its words."""

    feature: str
    label: str
    value: float
    contribution: float
    words: tuple[str, ...]


@dataclass(frozen=True)
class Stress:
    index: float | None
    level: str | None
    too_short: bool
    words: int
    baseline: float
    densities: dict[str, float]
    drivers: tuple[Driver, ...]
    markers: tuple[tuple[Span, Marker], ...]


@dataclass(frozen=True)
class StressModel:
    baseline: float
    weights: dict[str, float]
    reference: dict[str, float]
    moderate: float
    high: float
    min_words: int
    # The file it was read from, so a saved pipeline keeps the same constants.
    table: DataText = field(repr=False, compare=False)

    def score(self, features: Features, labels: Mapping[str, str]) -> Stress:
        densities = features.densities
        if not features.words:
            return Stress(None, None, True, 0, self.baseline, densities, (), features.markers)
        drivers = tuple(sorted(
            (self._driver(name, features, labels) for name in self.weights),
            key=lambda d: -d.contribution,
        ))
        z = self.baseline + sum(d.contribution for d in drivers)
        index = round(100 / (1 + math.exp(-z)), 1)
        too_short = features.words < self.min_words
        return Stress(index, None if too_short else self.level(index), too_short, features.words, self.baseline,
                      densities, drivers, features.markers)

    def level(self, index: float) -> str:
        return LEVELS[(index >= self.moderate) + (index >= self.high)]

    def _driver(self, name: str, features: Features, labels: Mapping[str, str]) -> Driver:
        value = features.value(name)
        contribution = self.weights[name] * (value - self.reference.get(name, 0.0))
        words: dict[str, str] = {}
        for span, marker in sorted(features.markers, key=lambda m: -m[1].weight):
            if marker.category == name and marker.weight > 0:
                text = " ".join((marker.shown_as or span.text).split())
                words.setdefault(text.lower(), text)
        return Driver(name, labels.get(name, name), round(value, 4), round(contribution, 4),
                      tuple(words.values())[:EVIDENCE_WORDS])


def load_model(categories: Mapping[str, Category], table: DataText | None = None) -> StressModel:
    """The calibrated constants (the shipped file unless ``table`` is given), checked against
    the features this module can compute."""
    table = table or shipped(MODEL_FILE)
    try:
        data = json.loads(table.text)
        weights = {str(k): float(v) for k, v in data["weights"].items()}
        reference = {str(k): float(v) for k, v in data["reference"].items()}
        model = StressModel(float(data["baseline"]), weights, reference, float(data["levels"]["moderate"]),
                            float(data["levels"]["high"]), int(data["min_words"]), table)
    except (ValueError, KeyError, TypeError, AttributeError) as e:
        raise LexiconError(f"{table.source}: not a valid stress model ({type(e).__name__}: {e})") from None
    unknown = (set(weights) | set(reference)) - set(categories) - set(TEXT_FEATURES)
    if unknown:
        raise LexiconError(f"{table.source}: unknown features {', '.join(sorted(unknown))}")
    if not 0 <= model.moderate <= model.high <= 100:
        raise LexiconError(f"{table.source}: levels must satisfy 0 <= moderate <= high <= 100")
    return model


def features(sentences: Sequence[Span], markers: Sequence[tuple[Span, Marker]], sentiment: Sentiment | None,
             categories: Sequence[str]) -> Features:
    """Densities per 100 words of the markers in ``sentences``, plus tone and focus."""
    words = sum(word_count(s) for s in sentences)
    totals = dict.fromkeys(categories, 0.0)
    for _, marker in markers:
        # A modifier's weight is a factor, so its category counts occurrences instead.
        totals[marker.category] = totals.get(marker.category, 0.0) + (1.0 if marker.modifier else marker.weight)
    per_100 = 100 / words if words else 0.0
    present, past, first_person = _text_counts(sentences)
    return Features(
        words=words,
        densities={name: round(total * per_100, 4) for name, total in totals.items()},
        negative_tone=-sentiment.compound if sentiment is not None else 0.0,
        first_person=round(first_person * per_100, 4),
        # With no tensed verb, neither present nor past: the midpoint.
        present_focus=round(present / (present + past), 4) if present + past else 0.5,
        markers=tuple(markers),
    )


def _text_counts(sentences: Sequence[Span]) -> tuple[int, int, int]:
    """Present-tense verbs, past-tense verbs and first-person-singular words in ``sentences``."""
    if not sentences:
        return 0, 0, 0
    running = _running_counts(sentences[0].doc)
    total = sum((running[s.end] - running[s.start] for s in sentences), numpy.zeros(3, dtype="int64"))
    present, past, first_person = total.tolist()
    return present, past, first_person


def _running_counts(doc: Doc) -> numpy.ndarray:
    """Row i counts the present verbs, past verbs and first-person-singular words among the
    doc's first i tokens, so a section's counts are two lookups per sentence. Computed once
    per doc, from its arrays: the doc and every section are scored from the same tokens."""
    counts = doc.user_data.get(_RUNNING_COUNTS)
    if counts is not None and len(counts) == len(doc) + 1:
        return counts
    pos, morph = doc.to_array([POS, MORPH]).T
    fields = {h: _morph_fields(doc.vocab.strings[h]) for h in set(morph.tolist())}
    verb = numpy.isin(pos, _VERB_POS)
    tense = numpy.array([fields[h].get("Tense") for h in morph.tolist()], dtype=object)
    first = numpy.array([_first_person_singular(fields[h]) for h in morph.tolist()], dtype=bool) & (pos == PRON)
    flags = numpy.stack([verb & (tense == "Pres"), verb & (tense == "Past"), first], axis=1)
    counts = numpy.vstack([numpy.zeros((1, 3), dtype="int64"), numpy.cumsum(flags, axis=0, dtype="int64")])
    doc.user_data[_RUNNING_COUNTS] = counts
    return counts


def _morph_fields(morph: str) -> dict[str, str]:
    """"Number=Sing|Person=1" as {"Number": "Sing", "Person": "1"}; a field of several values
    keeps them joined ("Past,Pres"), which is no single tense."""
    return dict(feature.split("=", 1) for feature in morph.split("|") if "=" in feature)


def _first_person_singular(fields: dict[str, str]) -> bool:
    return fields.get("Person") == "1" and fields.get("Number") == "Sing"


class StressScorer(DataComponent):
    """Scores every section and the document with one model, handed over with the lexicon's
    categories by ``initialize(lexicon=..., model=...)``."""

    def initialize(self, get_examples=None, *, nlp: Language | None = None, lexicon: Lexicon | None = None,
                   model: StressModel | None = None) -> None:
        lexicon = lexicon or categories_only()
        categories = lexicon.categories
        self.categories = tuple(categories)
        self.labels = {**{name: c.label for name, c in categories.items()}, **TEXT_FEATURES}
        self.model = model or load_model(categories)
        self.texts = {"categories": lexicon.texts.categories, "model": self.model.table}

    def rebuild(self, texts: dict) -> dict:
        lexicon = categories_only(texts["categories"])
        return {"lexicon": lexicon, "model": load_model(lexicon.categories, texts["model"])}

    def __call__(self, doc: Doc) -> Doc:
        self.ensure_initialized()
        groups, message = writer_sentences(doc)
        markers = MarkerIndex(doc)
        for section, sents in groups:
            if section is not None:
                section._.analyzer_stress = self.measure(markers, sents, section._.analyzer_sentiment)
        doc._.analyzer_stress = self.measure(markers, message, doc._.analyzer_sentiment)
        return doc

    def measure(self, markers: MarkerIndex, sentences: Sequence[Span], sentiment: Sentiment | None) -> Stress:
        # Words between quotation marks are someone else's: "One person wrote: “I am exhausted”".
        mine = [(span, marker) for span, marker in markers.within(sentences) if not quoted(span)]
        found = features(sentences, mine, sentiment, self.categories)
        return self.model.score(found, self.labels)


@Language.factory(
    "analyzer_stress",
    assigns=["doc._.analyzer_stress", "span._.analyzer_stress"],
    requires=["doc.spans"],
    default_config={},
)
def make_stress(nlp: Language, name: str) -> StressScorer:
    """Stress index per section (if sections ran) and per document, from markers and sentiment."""
    extensions.register()
    return StressScorer()
