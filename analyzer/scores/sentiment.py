"""VADER sentiment on every sentence, every section and the whole document.

VADER is tuned for sentences; fed a whole section its compound score saturates towards
+/-1. So a section's score is the mean of its sentences, weighted by their words, and the
document's is the same mean over the sentences of the message in hand: all of them, or in
a reply or a chat export the writer's own (``sections.component.writer_sentences``).

VADER's lexicon misreads workplace words ("please" in a request is not joy, "overwhelmed"
is not neutral), so our instance's lexicon is updated from lexicons/vader-overrides.tsv,
the documented way, without touching VADER's files. VADER looks words up one token at a
time, so a phrase such as "no issues" is joined into one token ("no_issues") in the text
VADER reads, and rated under that name. A word of a name ("Halverson Trust", "Hope Street
Clinic") names; it is no feeling, and VADER never reads it.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer, SentiText

from .. import extensions
from ..data.files import DataText, shipped
from ..data.saved import DataComponent
from ..data.tables import rows
from ..sections.component import writer_sentences
from ..text.names import in_a_name
from ..text.words import word_count

OVERRIDES_FILE = "scores/vader-overrides.tsv"
_TERM = re.compile(r"^[a-z][a-z'-]*(?: [a-z][a-z'-]*)*$")

SCORES = ("compound", "pos", "neu", "neg")
# VADER's own convention: |compound| below this is neutral.
NEUTRAL_BAND = 0.05


@dataclass(frozen=True)
class Sentiment:
    compound: float
    pos: float
    neu: float
    neg: float
    sentences: int = 0
    # On a sentence: the words VADER's lexicon rates, with their base valence.
    words: tuple[tuple[str, float], ...] = ()
    # On a section or document: the sentences that pulled the score furthest.
    evidence: tuple[Span, ...] = ()

    def scores(self) -> dict[str, float]:
        return {name: round(getattr(self, name), 4) for name in SCORES}


NEUTRAL = Sentiment(0.0, 0.0, 1.0, 0.0)


@dataclass(frozen=True)
class Overrides:
    """Valences that replace or extend VADER's, and a regex finding the multi-word ones."""

    words: dict[str, float]
    phrases: dict[str, float]

    def joined(self) -> dict[str, float]:
        """Everything as VADER's lexicon will hold it: phrases under their joined token."""
        return {**self.words, **{joined(p): v for p, v in self.phrases.items()}}

    def phrase_pattern(self) -> re.Pattern | None:
        if not self.phrases:
            return None
        alternatives = sorted((r"\s+".join(map(re.escape, p.split())) for p in self.phrases), key=len, reverse=True)
        return re.compile(r"(?<![\w'-])(?:" + "|".join(alternatives) + r")(?![\w'-])", re.IGNORECASE)


def joined(phrase: str) -> str:
    return "_".join(phrase.lower().split())


def parse_overrides(table: DataText) -> Overrides:
    words: dict[str, float] = {}
    phrases: dict[str, float] = {}
    seen: dict[str, int] = {}
    for row in rows(table, ("term", "valence", "note"), required=2):
        term = " ".join(row["term"].split())
        if not _TERM.match(term):
            raise row.error(f"bad term '{term}'; use lowercase words separated by spaces")
        if term in seen:
            raise row.error(f"duplicate term '{term}', first at line {seen[term]}; remove one")
        try:
            value = float(row["valence"])
        except ValueError:
            value = math.nan
        if not -4 <= value <= 4:
            raise row.error(f"bad valence '{row['valence']}'; use a number from -4 to 4 (VADER's scale)")
        seen[term] = row.line
        (phrases if " " in term else words)[term] = value
    return Overrides(words, phrases)


class Vader:
    """The one VADER of a pipeline, with our overrides: sentiment scores with it, and the
    claims stage reads its lexicon to tell a judging word from a plain one."""

    def __init__(self, overrides: DataText | None = None) -> None:
        self.overrides = overrides or shipped(OVERRIDES_FILE)
        parsed = parse_overrides(self.overrides)
        self.analyzer = SentimentIntensityAnalyzer()
        # The instance's own dict, so VADER's files and other instances are untouched.
        self.analyzer.lexicon.update(parsed.joined())
        self.lexicon: dict[str, float] = self.analyzer.lexicon
        self.phrases = parsed.phrase_pattern()


class SentimentScorer(DataComponent):
    """Scores sentences with the pipeline's VADER, handed over by ``initialize(vader=...)``."""

    def initialize(self, get_examples=None, *, nlp: Language | None = None, vader: Vader | None = None) -> None:
        self.vader = vader or Vader()
        self.texts = {"overrides": self.vader.overrides}

    def rebuild(self, texts: dict) -> dict:
        return {"vader": Vader(texts["overrides"])}

    def __call__(self, doc: Doc) -> Doc:
        self.ensure_initialized()
        groups, message = writer_sentences(doc)
        scored = {s: (s, self.score_sentence(s), word_count(s)) for _, sents in groups for s in sents}
        for section, sents in groups:
            if section is not None:
                section._.analyzer_sentiment = self.combine([scored[s] for s in sents])
        doc._.analyzer_sentiment = self.combine([scored[s] for s in message])
        return doc

    def score_sentence(self, sent: Span) -> Sentiment:
        text = _without_names(sent)
        pattern = self.vader.phrases
        phrases = list(pattern.finditer(text)) if pattern else []
        if phrases:
            text = pattern.sub(lambda m: joined(m.group()), text)
        raw = self.vader.analyzer.polarity_scores(text)
        lexicon = self.vader.lexicon
        inside = {i for m in phrases for i in range(sent.start_char + m.start(), sent.start_char + m.end())}
        # Only what VADER read as a word or an emoticon: the ":*" spaCy cuts from "you:**"
        # (bold markup) is in VADER's lexicon as a kiss, but VADER never read it.
        read = {w.lower() for w in SentiText(text).words_and_emoticons}
        rated = [(t.idx, t.text, lexicon[t.lower_]) for t in sent
                 if t.lower_ in lexicon and t.lower_ in read and t.idx not in inside]
        rated += [(sent.start_char + m.start(), " ".join(m.group().split()), lexicon[joined(m.group())])
                  for m in phrases]
        words = tuple((word, valence) for _, word, valence in sorted(rated))
        result = Sentiment(raw["compound"], raw["pos"], raw["neu"], raw["neg"], 1, words)
        sent._.analyzer_sentence_sentiment = result
        return result

    @staticmethod
    def combine(scored: Sequence[tuple[Span, Sentiment, int]]) -> Sentiment:
        total = sum(words for _, _, words in scored)
        if not total:
            return NEUTRAL
        mean = {
            name: sum(getattr(s, name) * words for _, s, words in scored) / total for name in SCORES
        }
        return Sentiment(**mean, sentences=len(scored), evidence=_extremes(scored))


def _without_names(sent: Span) -> str:
    """The sentence as VADER reads it: each capitalised word of a name of two words or more
    (past the sentence's first word, which any sentence capitalises) blanked out."""
    text = sent.text
    for t in (t for t in sent if in_a_name(t)):
        start = t.idx - sent.start_char
        text = text[:start] + "x" * len(t.text) + text[start + len(t.text):]
    return text


def _extremes(scored: Sequence[tuple[Span, Sentiment, int]]) -> tuple[Span, ...]:
    """The most negative and the most positive sentence, leaving out neutral ones."""
    ranked = sorted(scored, key=lambda item: item[1].compound)
    picks = [ranked[0], ranked[-1]] if len(ranked) > 1 else ranked
    chosen: list[Span] = []
    for sent, s, _ in picks:
        if abs(s.compound) >= NEUTRAL_BAND and sent not in chosen:
            chosen.append(sent)
    return tuple(chosen)


@Language.factory(
    "analyzer_sentiment",
    assigns=["doc._.analyzer_sentiment", "span._.analyzer_sentiment", "span._.analyzer_sentence_sentiment"],
    default_config={},
)
def make_sentiment(nlp: Language, name: str) -> SentimentScorer:
    """VADER sentiment per sentence, per section (if sections ran) and per document."""
    extensions.register()
    return SentimentScorer()
