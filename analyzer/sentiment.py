"""VADER sentiment on every sentence, every section and the whole document.

VADER is tuned for sentences; fed a whole section its compound score saturates towards
+/-1. So a section's score is the mean of its sentences, weighted by their words, and the
document's is the same mean over all body sentences.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from . import extensions
from .sections import body_sentences
from .words import word_count

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


class SentimentScorer:
    """Scores sentences with one VADER instance built for the whole pipeline."""

    def __init__(self) -> None:
        self.vader = SentimentIntensityAnalyzer()

    def __call__(self, doc: Doc) -> Doc:
        all_scored: list[tuple[Span, Sentiment, int]] = []
        for section, sents in body_sentences(doc):
            scored = [(s, self.score_sentence(s), word_count(s)) for s in sents]
            all_scored.extend(scored)
            if section is not None:
                section._.analyzer_sentiment = self.combine(scored)
        doc._.analyzer_sentiment = self.combine(all_scored)
        return doc

    def score_sentence(self, sent: Span) -> Sentiment:
        raw = self.vader.polarity_scores(sent.text)
        lexicon = self.vader.lexicon
        words = tuple((t.text, lexicon[t.lower_]) for t in sent if t.lower_ in lexicon)
        result = Sentiment(raw["compound"], raw["pos"], raw["neu"], raw["neg"], 1, words)
        sent._.analyzer_sentiment = result
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
    assigns=["doc._.analyzer_sentiment", "span._.analyzer_sentiment"],
    default_config={},
)
def make_sentiment(nlp: Language, name: str) -> SentimentScorer:
    """VADER sentiment per sentence, per section (if sections ran) and per document."""
    extensions.register()
    return SentimentScorer()
