"""Reading one clause as a claim: its subject, predicate and object, kind, modality,
polarity, speaker and figures, with the cues that decided each.

A reporting verb ("Quinn wants…", "she said…") makes one attribution claim that keeps the
reported words as its object, so what someone else said is never presented as the writer's
own statement. Every claim carries its cues, so a reader can see why a sentence was read as
an opinion rather than a fact.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..extensions import line_index
from ..report.vocab import AFFIRMATIVE, ASSERTED, KINDS, MODALITIES, NEGATED, OPINION, SPECULATION
from ..text.markup import as_read
from .claim import Claim, Clause
from .clauses import VERBS
from .cues import Hit
from .modality import (SUBJECT_DEPS, EvaluativeWords, grades_a_span, has_subject, is_imperative, is_question,
                       past_tense, strongest)
from .quantities import Quantity, phrase
from .sentence import Sentence

# Children that complete a predicate: objects, complements, and the phrases after the verb.
_OBJECT_DEPS = {"dobj", "dative", "attr", "acomp", "oprd", "xcomp", "ccomp", "prep", "agent",
                "advmod", "npadvmod", "pcomp", "pobj"}
_NEGATIONS = {"no", "never", "nobody", "nothing", "none", "neither", "nor"}
# The words that open a condition clause.
_CONDITIONS = {"if", "unless"}
_COPULA_FORMS = {"’s": "be", "'s": "be", "’re": "be", "'re": "be", "’m": "be", "'m": "be"}
# What a bare name, title or date is made of: proper nouns, numbers, and the small words between.
_NAME_POS = frozenset({"PROPN", "NUM", "ADP", "DET", "CCONJ"})
# Claims need words: a clause of fewer is a stray piece of a parse.
_MIN_WORDS = 2


@dataclass(frozen=True)
class Rules:
    """What reading and settling need from the pipeline, built once with it."""

    evaluative: EvaluativeWords
    strip_tags: Callable[[str], str]
    stance_threshold: int


@dataclass(frozen=True)
class Reading:
    """A clause read as a claim; ``judged_only`` when judging words alone made it an opinion."""

    clause: Clause
    claim: Claim
    judged_only: bool


def read(sentence: Sentence, clause: Clause, quantities: Mapping[int, Quantity], rules: Rules) -> Reading | None:
    """The clause as a claim, or None for a stray piece of a parse."""
    tokens = clause.tokens
    words = sum(1 for t in tokens if t.is_alpha or t.like_num)
    if words < _MIN_WORDS or not any(t.is_alpha for t in tokens) or (clause.via == "parataxis" and words <= _MIN_WORDS):
        # A date alone ("Created: 2025-03-07") says nothing, nor does an aside dropped
        # into another clause ("I mean", "you know").
        return None
    if clause.head.pos_ not in VERBS and _only_names(tokens):
        return None  # a name, a title or a date alone: "Owner: Grace Mbeki.", "Due: 22 March."
    owned = {t.i for t in tokens}
    reported = sentence.reported_content(clause)
    asides = sentence.asides(clause)
    hits = [h for h in _hits_for(sentence, clause, owned - asides) if h.anchor not in reported]
    figures = tuple(q for i, q in sorted(quantities.items()) if i in owned)
    modality, modality_cues, judged_only = _modality(
        sentence, clause, hits, rules, [t for t in tokens if t.i not in reported and t.i not in asides])
    kind, kind_cues = _kind(sentence, clause, hits, figures)
    subject = clause.subject
    claim = Claim(
        text=as_read(rules.strip_tags(_span_text(tokens))),
        line=line_index(sentence.doc).line_of(tokens[0].idx),
        section=sentence.section,
        subject=_subject_text(subject, clause) if clause.head.pos_ in VERBS else _span_text(tokens),
        predicate=_predicate(clause.head) if clause.head.pos_ in VERBS else None,
        object=_object(clause, owned),
        path=_path(clause, subject),
        kind=kind,
        modality=modality,
        polarity=NEGATED if _negated(clause, subject, sentence.hits) else AFFIRMATIVE,
        speaker=_speaker(sentence, clause, hits, kind),
        quantities=figures,
        cues=tuple(dict.fromkeys(kind_cues + modality_cues)),
    )
    return Reading(clause, claim, judged_only)


def _only_names(tokens: Sequence[Token]) -> bool:
    """Whether a piece with no verb holds only names and dates, with the small words between
    them ("Grace Mbeki", "22 March", "Hannah Kowalczyk, Head of Platform")."""
    words = [t for t in tokens if not (t.is_punct or t.is_space)]
    named = [t for t in words if t.pos_ in ("PROPN", "NUM")]
    # The model must see a name or a date in each: "Merge in October" is an option whose
    # verb the tagger took for a proper noun.
    return bool(named) and all(t.pos_ in _NAME_POS for t in words) and all(t.ent_type_ for t in named)


def _hits_for(sentence: Sentence, clause: Clause, words: set[int]) -> list[Hit]:
    """The cues that speak for this clause.

    A verb construction (a modal, "we could") counts on the clause's own verb or frames,
    not on a verb in a relative or subordinate clause inside it ("an assumption that we
    can operate"). Words and frames ("perhaps", "I think") count anywhere in the clause
    except in a bracketed aside: they are the writer's voice wherever they stand. Frames
    above the clause count too, and so do the modals and opening adverbs of a verb whose
    subject it shares ("we should merge A and pause B", "obviously X is unrealistic and
    not aligned").
    """
    own_verbs = {clause.head.i, *(f.i for f in clause.frames)}
    found = [h for i in words for h in sentence.hits.get(i, ())
             if h.cue.form in ("phrase", "frame") or h.cue.label in KINDS or h.anchor in own_verbs]
    parent, shares_subject = clause.parent, not has_subject(clause.head)
    while parent is not None:
        found.extend(h for f in parent.frames for h in sentence.hits.get(f.i, ()) if h.cue.form == "frame")
        if shares_subject:
            found.extend(h for h in sentence.hits.get(parent.head.i, ()) if h.cue.form == "dep")
            found.extend(h for t in parent.head.lefts if t.dep_ == "advmod" for h in sentence.hits.get(t.i, ())
                         if h.cue.form == "phrase")
        parent = parent.parent
    return found


def _modality(sentence: Sentence, clause: Clause, hits: list[Hit], rules: Rules,
              tokens: list[Token]) -> tuple[str, list[tuple[str, str]], bool]:
    """The strongest modality the clause's cues mark, the cues behind it, and whether
    judging words alone made it an opinion (the sentence's stance then weighs it again)."""
    stance = [h for h in hits if h.cue.label in MODALITIES]
    # The longer construction wins where two share words: "could not" (a past
    # inability, stated as fact) over the hedge "could".
    stance = [h for h in stance if not any(set(h.tokens) < set(o.tokens) for o in stance)]
    imperative = is_imperative(_imperative_head(clause), clause.subject is not None)
    if imperative:
        # An instruction given under a condition ("If you have questions, ask HR") is still
        # an instruction: the condition says when it applies, it supposes nothing.
        stance = [h for h in stance if not _condition(h, sentence.doc)]
    cues = [(h.text(sentence.doc), h.cue.label) for h in stance]
    if sentence.label_cue is not None:
        cues.append((sentence.label.text, sentence.label_cue.label))
    cues.extend((f"<{cue.pattern}>", cue.label) for cue, s, e in sentence.markup if s <= clause.head.idx < e)
    if is_question(clause.tokens):
        cues.append(("?", "question"))
    if imperative:
        cues.append((clause.head.text, "proposal"))
    judges = rules.evaluative.find(tokens)
    judging = [(t.text, OPINION) for t in judges]
    cues.extend(judging)
    cues.extend((f"{f.text} (negated)", "hedged") for f in clause.frames if _unsure(f, sentence.hits))
    modality = strongest(label for _, label in cues)
    kept = [c for c in cues if c[1] == modality and modality != ASSERTED]
    # A span of time judged ("had a strong year") is the whole claim: no report outweighs it.
    judged_only = modality == OPINION and len(kept) == len(judging) and not any(map(grades_a_span, judges))
    return modality, kept, judged_only


def _condition(hit: Hit, doc: Doc) -> bool:
    """Whether a speculation cue is a condition clause ("if…", "unless…") rather than a
    word that supposes by itself ("suppose", "what if", "imagine")."""
    return hit.cue.label == SPECULATION and hit.cue.form == "dep" and any(
        doc[i].dep_ == "mark" and doc[i].lower_ in _CONDITIONS for i in hit.tokens)


def _imperative_head(clause: Clause) -> Token:
    """A verb joined to an imperative shares its mood: "Split the config and add alerts"."""
    while clause.via == "conj" and clause.parent is not None and not has_subject(clause.head):
        clause = clause.parent
    return clause.head


def _kind(sentence: Sentence, clause: Clause, hits: list[Hit], figures: tuple[Quantity, ...]) -> tuple[str, list[tuple[str, str]]]:
    head = clause.head
    attribution = [h for h in hits if h.cue.label == "attribution" and _reports(sentence, h, head)]
    if attribution:
        return "attribution", [(h.text(sentence.doc), "attribution") for h in attribution[:1]]
    if figures:
        return "quantity", [(q.text, "quantity") for q in figures]
    for kind in ("cause", "comparison"):
        cues = [(h.text(sentence.doc), kind) for h in hits if h.cue.label == kind]
        if cues:
            return kind, cues[:1]
    stative = any(h.cue.label == "state" and h.anchor == head.i for h in hits)
    if not stative and _happened(head):
        return "event", []
    return "state", []


def _reports(sentence: Sentence, hit: Hit, head: Token) -> bool:
    """Whether a reporting cue reports this clause: its own verb ("Quinn wants…"), or a
    phrase hanging from it ("according to Dana, …"). A first-person frame ("I feel
    like…") is the writer's stance, read as modality instead."""
    anchor = sentence.doc[hit.anchor]
    if sentence.is_frame(anchor):
        return False
    return anchor.i == head.i or (anchor.head.i == head.i and not has_subject(anchor))


def _object(clause: Clause, owned: set[int]) -> str | None:
    head = clause.head
    if head.pos_ not in VERBS:
        return None
    parts = [c for c in head.children if c.i > head.i and c.i in owned and c.dep_ in _OBJECT_DEPS]
    if not parts:
        return None
    tokens = [t for c in parts for t in c.subtree if t.i in owned]
    return _span_text(sorted(tokens, key=lambda t: t.i))


def _speaker(sentence: Sentence, clause: Clause, hits: list[Hit], kind: str) -> str | None:
    for hit in hits:
        if hit.speaker is not None and (kind == "attribution" or hit.cue.label != "attribution"):
            return phrase(sentence.doc[hit.speaker], set())
    for frame in clause.frames:
        subjects = [c for c in frame.children if c.dep_ == "nsubj" and c.lower_ in ("i", "we")]
        if subjects:
            return subjects[0].text
    return None


def _lemma(token: Token) -> str:
    return _COPULA_FORMS.get(token.lower_, token.lemma_.lower())


def _predicate(head: Token) -> str:
    """The verb lemma with its particle and negation: "not work", "set up", "be reviewed"."""
    words = []
    if any(c.dep_ == "neg" for c in head.children):
        words.append("not")
    if any(c.dep_ == "auxpass" for c in head.children):
        words.extend(["be", head.lower_])
    else:
        words.append(_lemma(head))
    words.extend(c.lower_ for c in head.children if c.dep_ == "prt")
    return " ".join(words)


def _subject_text(subject: Token | None, clause: Clause) -> str | None:
    if subject is None:
        return None
    if subject.lower_ in ("’s", "'s") and any(f.lemma_ == "let" for f in (clause.head.head, *clause.frames)):
        return "us"
    return phrase(subject, set(), determiner=True) or subject.text


def _negated(clause: Clause, subject: Token | None, hits: dict[int, list[Hit]]) -> bool:
    """Negation on the verb, or a "no" subject; a negated frame ("I don't think") flips it."""
    head = clause.head
    negated = any(c.dep_ == "neg" for c in head.children)
    negated = negated or any(t.lower_ in _NEGATIONS and t.dep_ in ("det", "advmod", "nsubj", "dobj", "attr")
                             for c in head.children if c.dep_ in (*SUBJECT_DEPS, "dobj", "attr", "neg", "advmod")
                             for t in (c, *c.children))
    for frame in clause.frames:
        if any(c.dep_ == "neg" for c in frame.children) and not _is_factive(frame, hits):
            negated = not negated
    return negated


def _is_factive(frame: Token, hits: dict[int, list[Hit]]) -> bool:
    """A frame that presents its content as known ("I know", "we realised")."""
    return any(h.cue.form == "frame" and h.cue.label == ASSERTED for h in hits.get(frame.i, ()))


def _unsure(frame: Token, hits: dict[int, list[Hit]]) -> bool:
    """ "I don't know X" leaves X open; unlike "I don't think X", it does not deny X."""
    return _is_factive(frame, hits) and any(c.dep_ == "neg" for c in frame.children)


def _happened(head: Token) -> bool:
    """Past, perfect, passive past or ongoing: something that happened or is happening."""
    if head.pos_ != "VERB":
        return False
    if past_tense(head):
        return True
    auxes = {c.lower_ for c in head.children if c.dep_ in ("aux", "auxpass")}
    return head.tag_ == "VBG" and bool(auxes & {"is", "are", "am", "was", "were", "’re", "'re"})


def _path(clause: Clause, subject: Token | None) -> str:
    """The dependency path the claim was read along, e.g. "think/ccomp > nsubj<fail>dobj"."""
    chain = [*clause.frames, clause.head]
    steps = [f"{_lemma(frame)}/{content.dep_}" for frame, content in zip(chain, chain[1:])]
    head = clause.head
    if head.pos_ not in VERBS:
        core = f"fragment:{head.pos_}"
    else:
        objects = sorted({c.dep_ for c in head.children if c.dep_ in _OBJECT_DEPS and c.i > head.i})
        core = f"{subject.dep_ if subject is not None else '-'}<{_lemma(head)}>{'+'.join(objects) or '-'}"
    prefix = "" if clause.via == "root" else f"{clause.via}:"
    return " > ".join([*steps, prefix + core])


def _span_text(tokens: list[Token]) -> str | None:
    """The text from the first token to the last, as written (an aside inside included)."""
    if not tokens:
        return None
    # Doc.text joins every token on each call; a span's text costs only its own length.
    return tokens[0].doc[tokens[0].i : tokens[-1].i + 1].text
