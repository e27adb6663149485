"""How a claim is put forward: asserted as fact, hedged, an opinion, a proposal, speculation
or a question.

The cue tables (``lexicons/claims/modality.tsv``) hold the constructions; this module holds
the rules that are about sentence structure rather than words (an imperative, a question
mark, a sentence label, a markup tag, an evaluative adjective) and the order in which a
claim's cues are weighed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Span, Token

from .claim_cues import label_words

# Strongest first: one cue of an earlier kind decides, whatever else the clause holds. A
# question stays a question even when it hedges; a conditional proposal is still speculative.
MODALITIES = ("question", "speculation", "proposal", "opinion", "hedged", "asserted")
ASSERTED = "asserted"
# Words a sentence label may have ("Side note:", "Opinion:"); longer prefixes are prose.
_LABEL_MAX_WORDS = 3
# Tokens that may open an imperative before its verb ("Please do…", "So, make…").
_IMPERATIVE_OPENERS = {"intj", "advmod", "punct", "cc", "dep", "discourse", "npadvmod"}
SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj", "csubjpass", "expl")
# Where a judging adjective states the writer's view: said of something ("is unrealistic")
# or standing alone ("Happy to expand.").
_PREDICATIVE_DEPS = {"acomp", "attr", "oprd", "ROOT", "conj"}
_ADVERB_DEPS = {"advmod"}


def strongest(modalities: Iterable[str]) -> str:
    present = set(modalities)
    ranked = [m for m in MODALITIES if m in present]
    return ranked[0] if ranked else ASSERTED


@dataclass(frozen=True)
class Label:
    """A label written before a colon at the start of a sentence ("Opinion: ...")."""

    text: str
    tokens: frozenset[int]


def sentence_label(sent: Span) -> Label | None:
    words = []
    for token in sent:
        if token.is_space:
            continue
        if token.text == ":":
            if words and token.i + 1 < sent.end:
                return Label(label_words(" ".join(t.text for t in words)),
                             frozenset(t.i for t in words) | {token.i})
            return None
        if not (token.is_alpha or token.text in "-’'") or len(words) >= _LABEL_MAX_WORDS:
            return None
        words.append(token)
    return None


def is_question(tokens: list[Token]) -> bool:
    """Whether a question mark closes the clause.

    Only the clause's own end counts: an aside such as "(experience mostly?)" inside it, or
    a question in the next clause of the sentence, does not make it a question.
    """
    if not tokens:
        return False
    last = tokens[-1]
    following = last.nbor() if last.i + 1 < len(last.doc) else None
    return last.text.endswith("?") or (following is not None and following.text.startswith("?"))


def is_imperative(head: Token, has_subject: bool) -> bool:
    """A clause led by a bare verb with no subject: "Make a team…", "Please don't move…"."""
    if has_subject or head.tag_ != "VB" or head.dep_ not in ("ROOT", "conj", "parataxis", "ccomp"):
        return False
    if any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("to", "will", "would", "can", "could",
                                                        "should", "must", "may", "might")
           for c in head.children):
        return False
    before = [t for t in head.lefts if not t.is_space]
    # An item number ("2. Add alerts") may stand before the verb as well.
    return all(t.dep_ in _IMPERATIVE_OPENERS or t.dep_ in ("aux", "neg") or t.like_num for t in before)


def markup_spans(text: str, tags: Iterable[str]) -> list[tuple[str, int, int]]:
    """(tag, start, end) character ranges of text wrapped in ``<tag>…</tag>``."""
    spans = []
    for tag in tags:
        pattern = re.compile(rf"<{re.escape(tag)}>(.*?)</{re.escape(tag)}>", re.IGNORECASE | re.DOTALL)
        spans.extend((tag, m.start(), m.end()) for m in pattern.finditer(text))
    return spans


class EvaluativeWords:
    """Adjectives and adverbs that judge: VADER's lexicon rates them as positive or negative.

    Reusing VADER's hand-rated lexicon keeps one list of evaluative words in the project. A
    judging word said of something ("the plan is unrealistic"), of an action ("clearly
    owned") or standing alone ("Happy to expand.") marks the writer's opinion. Inside a
    noun phrase an adjective more often names a kind of thing ("a dedicated PM", "free
    tier"), so there only a strongly rated one counts ("a terrible plan").
    """

    def __init__(self, lexicon: dict[str, float], threshold: float, attributive_threshold: float) -> None:
        self.lexicon = lexicon
        self.threshold = threshold
        self.attributive_threshold = attributive_threshold

    def find(self, tokens: Iterable[Token]) -> list[Token]:
        return [t for t in tokens if self.judges(t)]

    def judges(self, token: Token) -> bool:
        if token.pos_ == "ADJ" and token.dep_ in _PREDICATIVE_DEPS:
            threshold = self.threshold
        elif token.pos_ == "ADJ" and token.dep_ == "amod":
            threshold = self.attributive_threshold
        elif token.pos_ == "ADV" and token.dep_ in _ADVERB_DEPS and token.head.pos_ in ("VERB", "AUX", "ADJ"):
            threshold = self.threshold
        else:
            return False
        # "Development-wise": a suffix, not a judgement.
        if token.i > 0 and token.nbor(-1).text == "-":
            return False
        valence = self.lexicon.get(token.lower_)
        return valence is not None and abs(valence) >= threshold


def has_subject(token: Token) -> bool:
    return any(c.dep_ in SUBJECT_DEPS for c in token.children)
