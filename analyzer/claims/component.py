"""Claims: who did or said what, with what certainty, one clause at a time.

Each body sentence is cut into clauses on the parse: the main clause, clauses joined by
"and", "but" or ";", comma-spliced clauses, and text the writer wrapped in a markup tag. A
frame such as "I think" or "it seems" is not a claim of its own: the clause it introduces is
the claim, and the frame sets its modality. A reporting verb ("Quinn wants…", "she said…")
makes one attribution claim that keeps the reported words as its object, so what someone
else said is never presented as the writer's own statement.

Every claim carries the cues that decided its kind and modality, so a reader can see why a
sentence was read as an opinion rather than a fact.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .. import extensions
from ..data.saved import DataComponent
from ..markers.lexicon import Lexicon, LexiconTexts, build_lexicon, load_lexicon
from ..scores.sentiment import Vader
from .cues import FORMS, ClaimTables, Cue, CueFinder, Hit, load_cues
from ..extensions import CLAIMS, line_index
from .modality import (
    ASSERTED,
    MODALITIES,
    OPINION,
    STANCE_FAMILIES,
    SUBJECT_DEPS,
    EvaluativeWords,
    Label,
    Stance,
    StanceWords,
    distinct,
    has_subject,
    is_imperative,
    is_question,
    markup_spans,
    past_tense,
    reporting_evidence,
    sentence_label,
    strongest,
)
from .quantities import Quantity, QuantityFinder, phrase
from ..sections.outline import Section, body_sentences

# Checked in this order: a reported statement is an attribution even when it holds a
# figure; a figure outranks the cause or comparison it sits in.
KINDS = ("attribution", "quantity", "cause", "comparison", "event", "state")
AFFIRMATIVE, NEGATED = "affirmative", "negated"

# Children that complete a predicate: objects, complements, and the phrases after the verb.
_OBJECT_DEPS = {"dobj", "dative", "attr", "acomp", "oprd", "xcomp", "ccomp", "prep", "agent",
                "advmod", "npadvmod", "pcomp", "pobj"}
# Where the content of a frame ("I think X", "it feels like X") hangs.
_CONTENT_DEPS = ("ccomp", "xcomp")
_CONTENT_MARKS = {"like", "that", "as"}
# How far after a frame its content may start ("I think that the…"); further away, the
# parser has usually attached an aside to the frame by mistake.
_CONTENT_GAP = 3
_VERBS = ("VERB", "AUX")
_BRACKETS = {")": "(", "]": "[", "”": "“", '"': '"'}
_OPENERS = {"(", "["}
_OPENING_QUOTES = {"“", "``"}
_EITHER_QUOTES = {'"'}
_QUOTES = _OPENING_QUOTES | _EITHER_QUOTES | {"”", "''"}
# After these, any clause with its own subject stands alone ("we shipped it; it failed").
_BREAKS = frozenset({";", ":"})
# After these, a complement clause with its own subject is spliced on, not governed:
# "I wrote that down, I am hesitant" is two statements.
_SPLICE_MARKS = frozenset({",", ";", ":", "-", "–", "—"})
_NEGATIONS = {"no", "never", "nobody", "nothing", "none", "neither", "nor"}
_COPULA_FORMS = {"’s": "be", "'s": "be", "’re": "be", "'re": "be", "’m": "be", "'m": "be"}
# The stance a sentence must keep for a judging word alone to make its clause an opinion:
# its stance evidence (the judging word among it) may not be outweighed by a report's marks.
_JUDGED = 0
# Claims need words: a clause of fewer is a stray piece of a parse.
_MIN_WORDS = 2


@dataclass(frozen=True)
class Claim:
    text: str
    line: int
    section: int | None
    subject: str | None
    predicate: str | None
    object: str | None
    path: str
    kind: str
    modality: str
    polarity: str
    speaker: str | None
    quantities: tuple[Quantity, ...]
    # The words behind the kind and the modality: (words, what they mark).
    cues: tuple[tuple[str, str], ...]

    def as_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "line": self.line,
            "section": self.section,
            "subject": self.subject,
            "predicate": self.predicate,
            "object": self.object,
            "path": self.path,
            "kind": self.kind,
            "modality": self.modality,
            "polarity": self.polarity,
            "speaker": self.speaker,
            "quantities": [q.as_dict() for q in self.quantities],
            "cues": [{"text": text, "marks": marks} for text, marks in self.cues],
        }


@dataclass
class _Clause:
    """A clause being read: ``anchor`` tops its tokens, ``head`` is its predicate.

    They differ when frames were lifted: for "I think we failed", the anchor is "think" and
    the head is "failed".
    """

    anchor: Token
    head: Token
    via: str
    parent: _Clause | None = None
    frames: list[Token] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)

    @property
    def subject(self) -> Token | None:
        own = [c for c in self.head.children if c.dep_ in SUBJECT_DEPS]
        if own:
            return min(own, key=lambda c: abs(c.i - self.head.i))
        if self.via == "conj" and self.parent is not None:
            return self.parent.subject
        return None


class ClaimFinder(DataComponent):
    """Reads claims from a parsed doc. Matchers, lexicons and patterns are built once, in
    ``initialize(lexicon=..., vader=..., tables=...)``: the marker lexicon (for the stance
    rule's words), the pipeline's VADER (for judging words) and the cue tables."""

    def __init__(self, nlp: Language, evaluative_valence: float, attributive_valence: float,
                 stance_threshold: int) -> None:
        self.nlp = nlp
        self.evaluative_valence = evaluative_valence
        self.attributive_valence = attributive_valence
        self.stance_threshold = stance_threshold

    def initialize(self, get_examples=None, *, nlp: Language | None = None, lexicon: Lexicon | None = None,
                   vader: Vader | None = None, tables: ClaimTables | None = None) -> None:
        lexicon, vader, tables = lexicon or load_lexicon(), vader or Vader(), tables or ClaimTables.shipped()
        modality = load_cues(tables.modality, "modality", MODALITIES, FORMS)
        kinds = load_cues(tables.kinds, "kind", KINDS, ("phrase", "dep"))
        stance = load_cues(tables.stance, "stance", STANCE_FAMILIES, ("phrase", "dep", "category"))
        self.cues = CueFinder(self.nlp, modality + kinds + [c for c in stance if c.form != "category"])
        self.stance_words = StanceWords(self.nlp, lexicon, [c for c in stance if c.form == "category"])
        self.quantities = QuantityFinder(tables.units, tables.numbers)
        self.evaluative = EvaluativeWords(vader.lexicon, self.evaluative_valence, self.attributive_valence)
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
        markup = [(self.cues.markup[tag], start, end)
                  for tag, start, end in markup_spans(line_index(doc).text, self.cues.markup)]
        spans = []
        for section_span, sents in body_sentences(doc):
            section = section_span._.analyzer_section if section_span is not None else None
            heading = self.cues.heading(_titles(doc, section))
            for sent in sents:
                reader = _SentenceReader(self, sent, hits, stance, markup, section, heading)
                for clause, claim in reader.claims(quantities):
                    span = doc[clause.tokens[0].i : clause.tokens[-1].i + 1]
                    span._.analyzer_claim = claim
                    spans.append(span)
        doc.spans[CLAIMS] = spans
        return doc


def _figure_root(doc: Doc, quantity: Quantity) -> int:
    return doc[quantity.start : quantity.end].root.i


class _SentenceReader:
    """Cuts one sentence into clauses and reads each as a claim."""

    def __init__(self, finder: ClaimFinder, sent: Span, hits: dict[int, list[Hit]],
                 stance_words: dict[int, list[tuple[tuple[int, ...], str, str]]], markup,
                 section: Section | None, heading_cue: tuple[str, Cue] | None) -> None:
        self.finder = finder
        self.sent = sent
        self.doc = sent.doc
        self.hits = hits
        self.stance_words = stance_words
        # Heads of clauses that only judging words make opinions: weighed again in _settle.
        self._judged: set[int] = set()
        self.label: Label | None = sentence_label(sent)
        self.label_cue = finder.cues.labels.get(self.label.text) if self.label else None
        self.markup = [(cue, start, end) for cue, start, end in markup
                       if start < sent.end_char and end > sent.start_char]
        skip = (self.label.tokens if self.label else frozenset()) | self._tag_tokens()
        self.words = [t for t in sent if not (t.is_space or t.i in skip)]
        self.depth, self.quoted = _enclosures(sent)
        self._asides_at: dict[int, set[int]] = {}
        self.section = section.id if section else None
        self.heading_cue = heading_cue

    # --- cutting the sentence -------------------------------------------------------------

    def clauses(self) -> list[_Clause]:
        inside = {t.i for t in self.words}
        tops = [t for t in self.words if not t.is_punct and (t.head.i not in inside or t.head.i == t.i)]
        pending = [self._lift(_Clause(t, t, "root")) for t in tops]
        pending.extend(_Clause(t, t, "markup") for t in self._markup_tops())
        found: list[_Clause] = []
        seen: set[int] = set()
        while pending:
            clause = pending.pop(0)
            if clause.head.i in seen:
                continue
            seen.add(clause.head.i)
            found.append(clause)
            pending.extend(self._lift(_Clause(c, c, dep, clause)) for c, dep in self._splits(clause))
        self._assign_tokens(found)
        return sorted((c for c in found if c.tokens), key=lambda c: c.tokens[0].i)

    def _lift(self, clause: _Clause) -> _Clause:
        """Move from a frame ("I think", "it seems") to the clause it introduces."""
        while self._is_frame(clause.head):
            content = _content_of(clause.head)
            if content is None:
                break
            clause.frames.append(clause.head)
            clause.head = content
        return clause

    def _is_frame(self, token: Token) -> bool:
        return any(h.cue.form == "frame" for h in self.hits.get(token.i, ()))

    def _is_attribution(self, token: Token) -> bool:
        return any(h.cue.label == "attribution" for h in self.hits.get(token.i, ()))

    def _splits(self, clause: _Clause) -> Iterable[tuple[Token, str]]:
        """Children of a clause that are claims of their own."""
        head = clause.head
        reported = self._is_attribution(head)
        for child in head.children:
            if child.i < self.sent.start or child.i >= self.sent.end:
                continue
            if child.dep_ == "conj" and child.pos_ in _VERBS and (has_subject(child) or _coordinated(head, child)):
                yield child, "conj"
            elif child.dep_ == "parataxis" and child.pos_ in _VERBS:
                yield child, "parataxis"
            elif (child.dep_ == "ccomp" and not reported and child.pos_ in _VERBS and has_subject(child)
                  and (child.i < head.i or _after_break(child, _SPLICE_MARKS))):
                yield child, "spliced"
            elif child.pos_ in _VERBS and has_subject(child) and _after_break(child, _BREAKS) and not reported:
                yield child, "spliced"
        for frame in clause.frames:
            for child in frame.children:
                if child.dep_ == "conj" and child.pos_ in _VERBS and (has_subject(child) or _coordinated(frame, child)):
                    yield child, "conj"

    def _tag_tokens(self) -> set[int]:
        """The tokens of the tags themselves ("<speculation>"), which belong to no claim."""
        if not self.markup:
            return set()
        text = line_index(self.doc).text
        tags = []
        for _, start, end in self.markup:
            tags.append((start, text.index(">", start) + 1))
            tags.append((text.rindex("<", start, end), end))
        return {t.i for t in self.sent if any(s <= t.idx < e for s, e in tags)}

    def _markup_tops(self) -> list[Token]:
        """The verbs heading text the writer wrapped in a tag: claims of their own."""
        def inside(token: Token) -> bool:
            return any(start <= token.idx < end for _, start, end in self.markup)

        return [t for t in self.words if t.pos_ in _VERBS and inside(t) and not inside(t.head)]

    def _assign_tokens(self, clauses: list[_Clause]) -> None:
        """Each word goes to the nearest clause above it in the tree."""
        owners: dict[int, _Clause | None] = {c.anchor.i: c for c in clauses}
        start, end = self.sent.start, self.sent.end
        for token in self.words:
            path, node = [], token
            # Walk up to a token whose owner is known, then remember it for the whole path.
            while node.i not in owners:
                path.append(node.i)
                head = node.head
                if head.i == node.i or not start <= head.i < end:
                    owners[node.i] = None
                    break
                node = head
            owner = owners[node.i]
            owners.update(dict.fromkeys(path, owner))
            if owner is not None:
                owner.tokens.append(token)
        for clause in clauses:
            clause.tokens = _trim(clause.tokens)

    # --- reading a clause ---------------------------------------------------------------

    def claims(self, quantities: dict[int, Quantity]) -> list[tuple[_Clause, Claim]]:
        """Each clause read as a claim; then the clauses that no cue of their own marks are
        weighed against the stance of the sentence's unmarked words."""
        clauses = self.clauses()
        read = [(clause, self.claim(clause, quantities)) for clause in clauses]
        read = [(clause, claim) for clause, claim in read if claim is not None]
        open_ = [claim.modality == ASSERTED or clause.head.i in self._judged for clause, claim in read]
        marked = {t.i for (clause, _), unsettled in zip(read, open_) if not unsettled for t in clause.tokens}
        stance: Stance | None = None
        settled = []
        for (clause, claim), unsettled in zip(read, open_):
            if unsettled:
                stance = stance or self._stance(clauses, marked, quantities)
                claim = self._settle(clause, claim, stance)
            settled.append((clause, claim))
        return settled

    def _settle(self, clause: _Clause, claim: Claim, stance: Stance) -> Claim:
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
        elif stance.score >= self.finder.stance_threshold:
            words = dict.fromkeys(w for w, _ in stance.cues)
            return replace(claim, modality=OPINION, cues=claim.cues + tuple((w, OPINION) for w in words))
        if self.heading_cue is not None and not past_tense(clause.head):
            words, cue = self.heading_cue
            return replace(claim, modality=cue.label, cues=claim.cues + ((words, cue.label),))
        return claim

    def claim(self, clause: _Clause, quantities: dict[int, Quantity]) -> Claim | None:
        tokens = clause.tokens
        words = sum(1 for t in tokens if t.is_alpha or t.like_num)
        if words < _MIN_WORDS or not any(t.is_alpha for t in tokens) or (clause.via == "parataxis" and words <= _MIN_WORDS):
            # A date alone ("Created: 2025-03-07") says nothing, nor does an aside dropped
            # into another clause ("I mean", "you know").
            return None
        owned = {t.i for t in tokens}
        reported = self._reported_content(clause)
        asides = self._asides(clause)
        hits = [h for h in self._hits_for(clause, owned - asides) if h.anchor not in reported]
        figures = tuple(q for i, q in sorted(quantities.items()) if i in owned)
        modality, modality_cues = self._modality(
            clause, hits, [t for t in tokens if t.i not in reported and t.i not in asides])
        kind, kind_cues = self._kind(clause, hits, figures)
        subject = clause.subject
        return Claim(
            text=self.finder.cues.strip_tags(_join(tokens)),
            line=line_index(self.doc).line_of(tokens[0].idx),
            section=self.section,
            subject=_subject_text(subject, clause) if clause.head.pos_ in _VERBS else _join(tokens),
            predicate=_predicate(clause.head) if clause.head.pos_ in _VERBS else None,
            object=self._object(clause, owned),
            path=_path(clause, subject),
            kind=kind,
            modality=modality,
            polarity=NEGATED if _negated(clause, subject, self.hits) else AFFIRMATIVE,
            speaker=self._speaker(clause, hits, kind),
            quantities=figures,
            cues=tuple(dict.fromkeys(kind_cues + modality_cues)),
        )

    def _asides(self, clause: _Clause) -> set[int]:
        """Words that are not the clause's own voice: a bracketed aside deeper than its verb,
        or a quotation (someone else's words, whose hedges and judgements are theirs)."""
        return self._asides_below(self.depth.get(clause.head.i, 0))

    def _asides_below(self, level: int) -> set[int]:
        if level not in self._asides_at:
            self._asides_at[level] = {i for i, d in self.depth.items() if d > level} | self.quoted
        return self._asides_at[level]

    def _reported_content(self, clause: _Clause) -> set[int]:
        """Words someone else is reported to have said: their hedges are not the writer's."""
        if not self._is_attribution(clause.head):
            return set()
        return {t.i for c in clause.head.children if c.dep_ in _CONTENT_DEPS for t in c.subtree}

    def _hits_for(self, clause: _Clause, words: set[int]) -> list[Hit]:
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
        found = [h for i in words for h in self.hits.get(i, ())
                 if h.cue.form in ("phrase", "frame") or h.cue.label in KINDS or h.anchor in own_verbs]
        parent, shares_subject = clause.parent, not has_subject(clause.head)
        while parent is not None:
            found.extend(h for f in parent.frames for h in self.hits.get(f.i, ()) if h.cue.form == "frame")
            if shares_subject:
                found.extend(h for h in self.hits.get(parent.head.i, ()) if h.cue.form == "dep")
                found.extend(h for t in parent.head.lefts if t.dep_ == "advmod" for h in self.hits.get(t.i, ())
                             if h.cue.form == "phrase")
            parent = parent.parent
        return found

    def _modality(self, clause: _Clause, hits: list[Hit], tokens: list[Token]) -> tuple[str, list[tuple[str, str]]]:
        stance = [h for h in hits if h.cue.label in MODALITIES]
        # The longer construction wins where two share words: "could not" (a past
        # inability, stated as fact) over the hedge "could".
        stance = [h for h in stance if not any(set(h.tokens) < set(o.tokens) for o in stance)]
        cues = [(h.text(self.doc), h.cue.label) for h in stance]
        if self.label_cue is not None:
            cues.append((self.label.text, self.label_cue.label))
        cues.extend((f"<{cue.pattern}>", cue.label) for cue, s, e in self.markup if s <= clause.head.idx < e)
        if is_question(clause.tokens):
            cues.append(("?", "question"))
        if is_imperative(self._imperative_head(clause), clause.subject is not None):
            cues.append((clause.head.text, "proposal"))
        judging = [(t.text, OPINION) for t in self.finder.evaluative.find(tokens)]
        cues.extend(judging)
        cues.extend((f"{f.text} (negated)", "hedged") for f in clause.frames if _unsure(f, self.hits))
        modality = strongest(label for _, label in cues)
        kept = [c for c in cues if c[1] == modality and modality != ASSERTED]
        if modality == OPINION and len(kept) == len(judging):
            self._judged.add(clause.head.i)
        return modality, kept

    def _stance(self, clauses: list[_Clause], marked: set[int], quantities: dict[int, Quantity]) -> Stance:
        """The stance of the sentence's unmarked words in the writer's own voice: not in a
        clause that its own cues already mark ("I feel like X" explains X, not its
        neighbour), not in a bracketed aside or quotation marks, not reported from someone
        else. Reporting evidence is read over the whole sentence."""
        left_out = marked | self._asides_below(0) | {i for c in clauses for i in self._reported_content(c)}
        # Words already read as a construction ("even if", "could not") are not read again.
        left_out |= {i for t in self.words for h in self.hits.get(t.i, ()) if h.cue.label in MODALITIES for i in h.tokens}
        voice = [t for t in self.words if t.i not in left_out]
        cues = distinct([cue for t in voice for cue in self.stance_words.get(t.i, ())]
                        + [((t.i,), t.text, "evaluative") for t in self.finder.evaluative.find(voice)])
        sources = [self.doc[h.speaker] for t in self.words for h in self.hits.get(t.i, ())
                   if h.cue.label == "attribution" and h.speaker is not None]
        figures = [q.text for i, q in quantities.items() if self.sent.start <= i < self.sent.end]
        return Stance(tuple(cues), tuple(reporting_evidence(self.words, figures, [c.head for c in clauses], sources)))

    def _imperative_head(self, clause: _Clause) -> Token:
        """A verb joined to an imperative shares its mood: "Split the config and add alerts"."""
        while clause.via == "conj" and clause.parent is not None and not has_subject(clause.head):
            clause = clause.parent
        return clause.head

    def _kind(self, clause: _Clause, hits: list[Hit], figures: tuple[Quantity, ...]) -> tuple[str, list[tuple[str, str]]]:
        head = clause.head
        attribution = [h for h in hits if h.cue.label == "attribution" and self._reports(h, head)]
        if attribution:
            return "attribution", [(h.text(self.doc), "attribution") for h in attribution[:1]]
        if figures:
            return "quantity", [(q.text, "quantity") for q in figures]
        for kind in ("cause", "comparison"):
            cues = [(h.text(self.doc), kind) for h in hits if h.cue.label == kind]
            if cues:
                return kind, cues[:1]
        stative = any(h.cue.label == "state" and h.anchor == head.i for h in hits)
        if not stative and _happened(head):
            return "event", []
        return "state", []

    def _reports(self, hit: Hit, head: Token) -> bool:
        """Whether a reporting cue reports this clause: its own verb ("Quinn wants…"), or a
        phrase hanging from it ("according to Dana, …"). A first-person frame ("I feel
        like…") is the writer's stance, read as modality instead."""
        anchor = self.doc[hit.anchor]
        if self._is_frame(anchor):
            return False
        return anchor.i == head.i or (anchor.head.i == head.i and not has_subject(anchor))

    def _object(self, clause: _Clause, owned: set[int]) -> str | None:
        head = clause.head
        if head.pos_ not in _VERBS:
            return None
        parts = [c for c in head.children if c.i > head.i and c.i in owned and c.dep_ in _OBJECT_DEPS]
        if not parts:
            return None
        tokens = [t for c in parts for t in c.subtree if t.i in owned]
        return _join(sorted(tokens, key=lambda t: t.i))

    def _speaker(self, clause: _Clause, hits: list[Hit], kind: str) -> str | None:
        for hit in hits:
            if hit.speaker is not None and (kind == "attribution" or hit.cue.label != "attribution"):
                return phrase(self.doc[hit.speaker], set())
        for frame in clause.frames:
            subjects = [c for c in frame.children if c.dep_ == "nsubj" and c.lower_ in ("i", "we")]
            if subjects:
                return subjects[0].text
        return None


def _content_of(frame: Token) -> Token | None:
    """The clause a frame introduces: right after it ("I think [that] X"), or before it when
    the frame closes the sentence ("X, I think.")."""
    closing = all(t.is_punct or t.is_space for t in frame.rights) and all(
        t.is_punct or t.is_space for t in frame.doc[frame.right_edge.i + 1 : frame.sent.end])
    for child in frame.children:
        if not (frame.i < child.left_edge.i <= frame.i + _CONTENT_GAP or closing and child.right_edge.i < frame.i):
            continue
        if child.dep_ in _CONTENT_DEPS and child.pos_ in _VERBS:
            return child
        if child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in _CONTENT_MARKS for m in child.children):
            return child
    return None


def _coordinated(head: Token, conj: Token) -> bool:
    """Whether "and", "but", "or" or a semicolon stands between two verbs, not a mere comma."""
    between = head.doc[min(head.i, conj.i) + 1 : max(head.i, conj.i)]
    return any((t.dep_ == "cc" and t.head.i in (head.i, conj.i)) or t.text == ";" for t in between)


def _after_break(token: Token, marks: frozenset[str]) -> bool:
    """Whether the clause opens right after one of ``marks`` (the parser may hang the mark
    on the clause itself)."""
    start = token.left_edge.i
    if token.doc[start].text in marks:
        return True
    return start > token.sent.start and token.doc[start - 1].text in marks


def _enclosures(sent: Span) -> tuple[dict[int, int], set[int]]:
    """How many brackets enclose each token, and which tokens stand inside quotation marks
    (curly, straight or doubled backquotes)."""
    depth, depths = 0, {}
    quoting, quoted = False, set()
    for token in sent:
        text = token.text
        if text in _OPENERS:
            depth += 1
        depths[token.i] = depth
        if text in (")", "]") and depth:
            depth -= 1
        if text in _QUOTES:
            quoting = text in _OPENING_QUOTES or (text in _EITHER_QUOTES and not quoting)
        elif quoting:
            quoted.add(token.i)
    return depths, quoted


def _trim(tokens: list[Token]) -> list[Token]:
    """Drop joining words and stray punctuation at the edges; keep a closing "?" or bracket
    whose opening one is kept."""
    tokens = sorted(tokens, key=lambda t: t.i)
    while tokens and (_is_punct(tokens[0]) or tokens[0].dep_ in ("cc", "mark") and tokens[0].head.dep_ == "conj"):
        tokens.pop(0)
    while tokens and (_joins(tokens[-1]) or _is_punct(tokens[-1]) and not _closes(tokens[-1], tokens)
                      or len(tokens) > 1 and _is_punct(tokens[-1]) and tokens[-2].i != tokens[-1].i - 1):
        # The parser hangs a sentence's final "?" on its first clause; past a later
        # clause's words it closes that one, not this.
        tokens.pop()
    return tokens


def _joins(token: Token) -> bool:
    """A trailing "and" or "but" that joined the next clause (not the "or" of "either-or")."""
    return token.dep_ == "cc" and any(c.dep_ == "conj" and c.i > token.i for c in token.head.children)


def _is_punct(token: Token) -> bool:
    """Punctuation, but not a "%" or "$" that belongs to a figure."""
    return token.pos_ == "PUNCT" or token.is_space


def _closes(token: Token, tokens: list[Token]) -> bool:
    if token.text in ("?", "!"):
        return True
    opener = _BRACKETS.get(token.text)
    return opener is not None and any(t.text == opener for t in tokens)


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


def _subject_text(subject: Token | None, clause: _Clause) -> str | None:
    if subject is None:
        return None
    if subject.lower_ in ("’s", "'s") and any(f.lemma_ == "let" for f in (clause.head.head, *clause.frames)):
        return "us"
    return phrase(subject, set(), determiner=True) or subject.text


def _negated(clause: _Clause, subject: Token | None, hits: dict[int, list[Hit]]) -> bool:
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


def _happened(head: Token) -> bool:
    """Past, perfect, passive past or ongoing: something that happened or is happening."""
    if head.pos_ != "VERB":
        return False
    if past_tense(head):
        return True
    auxes = {c.lower_ for c in head.children if c.dep_ in ("aux", "auxpass")}
    return head.tag_ == "VBG" and bool(auxes & {"is", "are", "am", "was", "were", "’re", "'re"})


def _path(clause: _Clause, subject: Token | None) -> str:
    """The dependency path the claim was read along, e.g. "think/ccomp > nsubj<fail>dobj"."""
    chain = [*clause.frames, clause.head]
    steps = [f"{_lemma(frame)}/{content.dep_}" for frame, content in zip(chain, chain[1:])]
    head = clause.head
    if head.pos_ not in _VERBS:
        core = f"fragment:{head.pos_}"
    else:
        objects = sorted({c.dep_ for c in head.children if c.dep_ in _OBJECT_DEPS and c.i > head.i})
        core = f"{subject.dep_ if subject is not None else '-'}<{_lemma(head)}>{'+'.join(objects) or '-'}"
    prefix = "" if clause.via == "root" else f"{clause.via}:"
    return " > ".join([*steps, prefix + core])


def _join(tokens: list[Token]) -> str | None:
    if not tokens:
        return None
    # Doc.text joins every token on each call; a span's text costs only its own length.
    return tokens[0].doc[tokens[0].i : tokens[-1].i + 1].text


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

