"""textstat readability for each section and the whole document.

textstat finds sentences by their final stops, and memo lines often have none: a list of
ten items would read as one 80-word sentence. So each formula sees the parser's sentences,
each closed with a full stop where the writer left it open. textstat counts syllables from
the pronunciations ``syllables`` reads when the pipeline is built.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import textstat
from spacy.language import Language
from spacy.tokens import Doc, Span

from .. import extensions
from ..sections.component import body_sentences
from . import syllables
from ..text.words import word_count

# The grades a reader can act on; each is a textstat function of the same name.
METRICS = (
    "flesch_reading_ease",
    "flesch_kincaid_grade",
    "gunning_fog",
    "smog_index",
    "coleman_liau_index",
    "automated_readability_index",
)


@dataclass(frozen=True)
class Readability:
    words: int
    sentences: int
    grades: dict[str, float | None]

    def as_dict(self) -> dict[str, float | int | None]:
        return {**self.grades, "words": self.words, "sentences": self.sentences}


def measure(sentences: Sequence[Span], closed: Mapping[int, str]) -> Readability:
    """The grades of the sentences' text; ``closed`` holds each sentence's text as textstat
    reads it, by its first token, made once per doc: a sentence is measured with its section
    and again with the document, and spaCy joins a span's text anew each time it is asked."""
    words = sum(word_count(s) for s in sentences)
    if not words:
        return Readability(0, 0, dict.fromkeys(METRICS))
    text = " ".join(closed[s.start] for s in sentences)
    grades = {name: round(float(getattr(textstat, name)(text)), 1) for name in METRICS}
    return Readability(words, len(sentences), grades)


def _closed(sentence: str) -> str:
    sentence = " ".join(sentence.split())
    return sentence if sentence[-1:] in ".!?" else sentence + "."


def score(doc: Doc) -> Doc:
    groups = body_sentences(doc)
    closed = {s.start: _closed(s.text) for _, sents in groups for s in sents}
    for section, sents in groups:
        if section is not None:
            section._.analyzer_readability = measure(sents, closed)
    doc._.analyzer_readability = measure([s for _, sents in groups for s in sents], closed)
    return doc


@Language.factory(
    "analyzer_readability",
    assigns=["doc._.analyzer_readability", "span._.analyzer_readability"],
    default_config={},
)
def make_readability(nlp: Language, name: str):
    """textstat grades per section (if sections ran) and per document."""
    extensions.register()
    # Here, with the pipeline, rather than inside the first document's analysis.
    syllables.install()
    return score
