"""Settling the clauses that no cue of their own marks: the sentence's stance decides.

A clause with no modal, frame or judging word of its own is an opinion when the rest of its
sentence leans clearly to the writer's view, and stays a statement of fact when the sentence
reads as a report (a date, a named source, a past event). Under an options heading an
unmarked present-tense clause describes an option.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from ..report.vocab import ASSERTED, MODALITIES, OPINION
from .claim import Claim, Clause
from .modality import Stance, distinct, past_tense, reporting_evidence, states_plan
from .quantities import Quantity
from .reading import Reading, Rules
from .sentence import Sentence

# The stance a sentence must keep for a judging word alone to make its clause an opinion:
# its stance evidence (the judging word among it) may not be outweighed by a report's marks.
_JUDGED = 0


def settle(sentence: Sentence, clauses: list[Clause], readings: list[Reading], quantities: Mapping[int, Quantity],
           rules: Rules) -> list[tuple[Clause, Claim]]:
    """The claims of a sentence's clauses, once those that no cue of their own marks have
    been weighed against the stance of the sentence's unmarked words."""
    open_ = [r.claim.modality == ASSERTED or r.judged_only for r in readings]
    marked = {t.i for r, unsettled in zip(readings, open_) if not unsettled for t in r.clause.tokens}
    stance: Stance | None = None
    settled = []
    for reading, unsettled in zip(readings, open_):
        claim = reading.claim
        if unsettled:
            stance = stance or _stance(sentence, clauses, marked, quantities, rules)
            claim = _settle(sentence, reading.clause, claim, stance, rules)
        settled.append((reading.clause, claim))
    return settled


def _settle(sentence: Sentence, clause: Clause, claim: Claim, stance: Stance, rules: Rules) -> Claim:
    """Weigh a clause that no construction marks against its sentence's stance.

    Unmarked, it is an opinion when the sentence leans clearly to the writer's view. A
    clause that only a judging word makes an opinion ("went ahead peacefully") stays a
    fact when the sentence reads as a report no less than as a view: a date, a named
    agent, a past event outweigh one adjective. Still unmarked under an options heading,
    a present-tense clause describes an option.
    """
    if claim.modality == OPINION:
        if stance.score >= _JUDGED:
            return claim
        claim = replace(claim, modality=ASSERTED, cues=tuple(c for c in claim.cues if c[1] != OPINION))
    elif stance.score >= rules.stance_threshold:
        words = dict.fromkeys(w for w, _ in stance.cues)
        return replace(claim, modality=OPINION, cues=claim.cues + tuple((w, OPINION) for w in words))
    if sentence.heading_cue is not None and not past_tense(clause.head):
        words, cue = sentence.heading_cue
        return replace(claim, modality=cue.label, cues=claim.cues + ((words, cue.label),))
    return claim


def _stance(sentence: Sentence, clauses: list[Clause], marked: set[int], quantities: Mapping[int, Quantity],
            rules: Rules) -> Stance:
    """The stance of the sentence's unmarked words in the writer's own voice: not in a
    clause that its own cues already mark ("I feel like X" explains X, not its
    neighbour), not in a bracketed aside or quotation marks, not reported from someone
    else. Reporting evidence is read over the whole sentence."""
    left_out = marked | sentence.asides_below(0) | {i for c in clauses for i in sentence.reported_content(c)}
    # Words already read as a construction ("even if", "could not") are not read again.
    left_out |= {i for t in sentence.words for h in sentence.hits.get(t.i, ()) if h.cue.label in MODALITIES for i in h.tokens}
    feelings = {i for t in sentence.words for tokens, _, family in sentence.stance_words.get(t.i, ())
                if family == "emotion" for i in tokens}
    # The writer's side stating its own plan or announcement ("we announce…", "we will
    # close…"), unless its verb names a feeling ("we will miss you"): a report, whose
    # subject acts and voices no view by being there.
    heads = [c.head for c in clauses]
    plans = [h for h in heads if h.i not in feelings and states_plan(h)]
    left_out |= {s.i for h in plans for s in h.children if s.dep_ == "nsubj"}
    voice = [t for t in sentence.words if t.i not in left_out]
    cues = distinct([cue for t in voice for cue in sentence.stance_words.get(t.i, ())]
                    + [((t.i,), t.text, "evaluative") for t in rules.evaluative.find(voice)])
    sources = [sentence.doc[h.speaker] for t in sentence.words for h in sentence.hits.get(t.i, ())
               if h.cue.label == "attribution" and h.speaker is not None]
    figures = [q.text for i, q in quantities.items() if sentence.sent.start <= i < sentence.sent.end]
    return Stance(tuple(cues), tuple(reporting_evidence(sentence.words, figures, heads, sources, plans)))
