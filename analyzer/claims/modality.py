"""How a claim is put forward: asserted as fact, hedged, an opinion, a proposal, speculation
or a question.

The cue tables (``lexicons/claims/modality.tsv``) hold the constructions; this module holds
the rules that are about sentence structure rather than words (an imperative, a question
mark, a sentence label, a markup tag, an evaluative adjective) and the order in which a
claim's cues are weighed.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from .cues import Cue, label_words
from ..errors import LexiconError
from ..markers.lexicon import Lexicon
from ..report.vocab import ASSERTED, MODALITIES
from ..markers.matcher import EntryMatcher
from ..markers.overlaps import standing

# Words a sentence label may have ("Side note:", "Opinion:"); longer prefixes are prose.
_LABEL_MAX_WORDS = 3
# Markdown's emphasis marks, which a bold or italic label wears ("**Budget:**").
_EMPHASIS_MARKS = "*_"
# Tokens that may open an imperative before its verb ("Please do…", "So, make…", "If the
# build fails, roll back…": a condition says when the instruction applies).
_IMPERATIVE_OPENERS = {"intj", "advmod", "punct", "cc", "dep", "discourse", "npadvmod", "advcl"}
# Verbs whose subjectless present is a formula, not an instruction: "Thank you for…".
_FORMULA_VERBS = frozenset({"thank"})
# Adjectives VADER rates that name a price in a memo: "The Starter plan stays free."
_PRICE_WORDS = frozenset({"free"})
# Verbs that after "please" make a courtesy of a letter, not an instruction: "Please accept
# this letter as my resignation", "Please find attached…", "Please note that the office closes".
# The "please" cue in lexicons/claims/modality.tsv leaves out the same verbs.
_COURTESY_VERBS = frozenset({"accept", "find", "note"})
SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj", "csubjpass", "expl")
# Where a judging adjective states the writer's view: said of something ("is unrealistic")
# or standing alone ("Happy to expand.").
_PREDICATIVE_DEPS = {"acomp", "attr", "oprd", "ROOT", "conj"}
_ADVERB_DEPS = {"advmod"}
_PAST_AUXES = {"has", "have", "had", "was", "were", "’ve", "'ve"}
# A plan stated by the writer's side: its subject, its verbs, its future auxiliaries.
_WRITER_SUBJECTS = {"we", "i"}
_INTENT_LEMMAS = {"plan", "decide", "intend", "aim", "commit"}
# Verbs by which the writer's side does what it says, in saying it: "we announce", "we are
# publishing a policy".
_ANNOUNCING_LEMMAS = {"announce", "publish", "launch", "introduce", "release", "unveil"}
_PRESENT_TAGS = {"VBP", "VBZ", "VBG"}
# Verbs of telling and greeting that a feeling word may frame: "I'm happy to share that…",
# "we are sad to report…", "pleased to welcome…". The feeling is the writer's; the news is
# what the sentence puts forward.
_TELLING_LEMMAS = {"share", "announce", "report", "say", "tell", "confirm", "inform", "update", "welcome",
                   "introduce", "let", "write", "note"}
# The auxiliaries of the future; the digest weighs a gist that uses one as a plan or decision.
FUTURE_AUXES = frozenset({"will", "shall", "'ll", "’ll"})
# Spans of time a judging adjective grades as a whole ("a strong year", "a rough quarter"):
# a kind of year there is none, so even a mildly rated adjective judges.
_SPANS_OF_TIME = frozenset({"year", "quarter", "month", "week", "day", "season", "semester", "sprint", "stretch",
                            "start", "finish"})
# Feelings an adjective grades rather than judges ("great sadness", "deep regret").
_FEELING_NOUNS = {"sadness", "regret", "sorrow", "grief", "pleasure", "pride", "joy", "delight", "excitement",
                  "relief", "concern", "gratitude", "appreciation", "respect", "heart", "honour", "honor"}


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
    """The label before a colon that opens a sentence, with the colon and the Markdown
    emphasis around either ("**Budget:** Spending was…", "__Risks__: …"): none of it is
    part of the claim that follows."""
    words: list[Token] = []
    marks: set[int] = set()
    tokens = [t for t in sent if not t.is_space]
    for n, token in enumerate(tokens):
        if _emphasis(token.text):
            marks.add(token.i)
            continue
        if token.text.strip(_EMPHASIS_MARKS) == ":":
            after = list(itertools.takewhile(lambda t: _emphasis(t.text), tokens[n + 1:]))
            if words and n + 1 + len(after) < len(tokens):
                return Label(label_words(" ".join(t.text for t in words)),
                             frozenset(t.i for t in words) | marks | {token.i} | {t.i for t in after})
            return None
        if not (token.is_alpha or token.text in "-’'") or len(words) >= _LABEL_MAX_WORDS:
            return None
        words.append(token)
    return None


def _emphasis(text: str) -> bool:
    return bool(text) and not text.strip(_EMPHASIS_MARKS)


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
    """A clause led by a bare verb with no subject: "Make a team…", "Please don't move…".
    The tagger may read the bare verb as present tense (VBP) when a heading stands on the
    line above ("Actions / Send me your weeks by Friday"); with no subject it still instructs."""
    bare = head.tag_ == "VB" or (head.tag_ == "VBP" and head.lower_ == head.lemma_.lower()
                                 and head.lemma_.lower() not in _FORMULA_VERBS)
    if has_subject or not bare or head.dep_ not in ("ROOT", "conj", "parataxis", "ccomp"):
        return False
    if head.lemma_.lower() in _COURTESY_VERBS and any(c.lower_ == "please" for c in head.children):
        return False
    if any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("to", "will", "would", "can", "could",
                                                        "should", "must", "may", "might")
           for c in head.children):
        return False
    before = [t for t in head.lefts if not t.is_space]
    if head.tag_ == "VBP" and any(not t.is_space and t not in before for t in head.doc[head.sent.start:head.i]):
        return False  # a present-tense verb deep in a sentence the parser misread
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
        # The words rated strongly enough for either threshold: no other word can judge, so
        # most words are turned away before their part of speech and children are read.
        least = min(threshold, attributive_threshold)
        self.strong = frozenset(word for word, valence in lexicon.items() if abs(valence) >= least)

    def find(self, tokens: Iterable[Token]) -> list[Token]:
        return [t for t in tokens if self.judges(t)]

    def judges(self, token: Token) -> bool:
        if token.lower_ not in self.strong:
            return False
        if (token.pos_ == "ADJ" and token.dep_ in _PREDICATIVE_DEPS) or grades_a_span(token):
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
        if any(c.dep_ == "xcomp" and c.lemma_.lower() in _TELLING_LEMMAS for c in token.children):
            return False
        if token.dep_ == "amod" and token.head.lemma_.lower() in _FEELING_NOUNS:
            return False  # "with great sadness", "with deep regret": how much, not how good
        if token.lower_ in _PRICE_WORDS:
            return False  # "the Starter plan stays free": a price, not a view of the plan
        valence = self.lexicon.get(token.lower_)
        return valence is not None and abs(valence) >= threshold


def grades_a_span(token: Token) -> bool:
    """Whether an adjective grades a span of time: "a strong year" says how the year went,
    and nothing else in "Adaeze had a strong year" is news a date or a name could make a report."""
    return token.pos_ == "ADJ" and token.dep_ == "amod" and token.head.lemma_.lower() in _SPANS_OF_TIME


def has_subject(token: Token) -> bool:
    return any(c.dep_ in SUBJECT_DEPS for c in token.children)


# --- stance: when a sentence that nothing marks still gives the writer's own view ----------

# Families of evidence that a sentence takes the writer's stance (lexicons/claims/stance.tsv
# names the words of all but the first).
STANCE_FAMILIES = ("evaluative", "certainty", "intensifier", "hedge", "negation", "emotion", "focus",
                   "writer", "superlative", "exclamation")
# A family counts at most this often, so one repeated word ("we… we… we") cannot decide alone.
_FAMILY_CAP = 2
# Named agents and sources: news reports name who did or said something.
_NAMED = {"PERSON", "ORG", "GPE", "NORP", "FAC"}
_TIMES = {"DATE", "TIME"}
# Marker categories whose words grade another word rather than judge by themselves.
_DEGREE_ROLES = ("intensifier", "hedge")


@dataclass(frozen=True)
class Stance:
    """The evidence that one sentence gives the writer's own view, against the evidence that
    it reports: each entry is (words, family)."""

    cues: tuple[tuple[str, str], ...]
    reporting: tuple[tuple[str, str], ...]

    @property
    def score(self) -> int:
        counts: dict[str, int] = {}
        for _, family in self.cues:
            counts[family] = counts.get(family, 0) + 1
        return sum(min(n, _FAMILY_CAP) for n in counts.values()) - len({f for _, f in self.reporting})


def reporting_evidence(tokens: Iterable[Token], figures: Iterable[str], heads: Iterable[Token],
                       sources: Iterable[Token], plans: Iterable[Token]) -> list[tuple[str, str]]:
    """What makes a sentence read as a report: a figure or a date, a named source of what is
    said, a past event (among the clause ``heads``), an agent the text names ("the Senate
    voted", "Acme said"), the writer's stated plans (``plans``, the heads that
    ``states_plan``, not those that name a feeling: "we will miss you" tells one)."""
    found = [(text, "figure") for text in figures]
    for token in tokens:
        if token.ent_type_ in _TIMES and token.ent_iob_ == "B" and _dated(token):
            found.append((token.text, "date"))
        elif token.dep_ in SUBJECT_DEPS[:2] and (token.ent_type_ in _NAMED or token.pos_ == "PROPN"):
            found.append((token.text, "named"))
    found.extend((s.text, "source") for s in sources if s.pos_ != "PRON")
    found.extend((h.text, "event") for h in heads if h.pos_ == "VERB" and past_tense(h))
    found.extend((h.text, "plan") for h in plans)
    return found


def states_plan(head: Token) -> bool:
    """Whether the writer's side states its plan or decision ("we do not plan further cuts",
    "I have decided to stay", "we will close the office", "we are going to…") or makes its
    announcement ("Today we are announcing…", "we announce twelve job cuts"): news of
    what will happen, which a "we" and a "not" do not turn into a view."""
    if not any(c.dep_ == "nsubj" and c.lower_ in _WRITER_SUBJECTS for c in head.children):
        return False
    if head.lemma_ in _INTENT_LEMMAS or (head.lemma_ in _ANNOUNCING_LEMMAS and head.tag_ in _PRESENT_TAGS):
        return True
    if head.lemma_ == "write" and head.tag_ in _PRESENT_TAGS and any(
            c.dep_ in ("xcomp", "advcl") and c.lemma_ in _TELLING_LEMMAS for c in head.children):
        return True  # "We are writing to let you know about…": the letter's own news
    if any(c.dep_ == "acomp" and any(x.dep_ == "xcomp" and x.lemma_ in _TELLING_LEMMAS for x in c.children)
           for c in head.children):
        return True  # "We are sad to announce that…": the feeling frames the news
    if any(c.dep_ == "aux" and c.lower_ in FUTURE_AUXES for c in head.children):
        return True
    return _going_to(head)


def _going_to(token: Token) -> bool:
    """Whether the word is the "going" of "going to" + a verb ("we are going to move the
    archive"), the future told without "will"; "going to the office" is a trip."""
    return token.lemma_ == "go" and any(c.dep_ == "xcomp" and c.tag_ == "VB" for c in token.children)


def tells_future(tokens: Iterable[Token]) -> bool:
    """Whether the words put something in the future: with "will", "shall" or "going to"."""
    return any((t.tag_ == "MD" and t.lower_ in FUTURE_AUXES) or _going_to(t) for t in tokens)


def _dated(start: Token) -> bool:
    """A time the text pins down ("in 2014", "on Monday", "last August"), not a vague one
    ("the days when", "for years")."""
    token = start
    while True:
        if token.like_num or token.pos_ == "PROPN":
            return True
        if token.i + 1 >= len(token.doc) or token.nbor().ent_iob_ != "I":
            return False
        token = token.nbor()


def past_tense(head: Token) -> bool:
    """Simple past or perfect: "shipped", "has shipped", "was shipped"."""
    auxes = {c.lower_ for c in head.children if c.dep_ in ("aux", "auxpass")}
    return head.tag_ == "VBD" or (head.tag_ == "VBN" and bool(auxes & _PAST_AUXES))


class StanceWords:
    """Finds the words behind a sentence's stance, built once per pipeline.

    The marker lexicons' categories (certainty, intensifiers, hedges, negators, emotions)
    are shared with the markers stage through ``load_lexicon``, so a word added there
    counts here too; ``stance.tsv`` names the categories and the family each belongs to.
    The words are what the markers stage's matcher (``matcher``) finds in those categories:
    one matcher and one pass over the doc serve both stages.
    """

    def __init__(self, lexicon: Lexicon, categories: Iterable[Cue], matcher: EntryMatcher) -> None:
        self.families: dict[str, str] = {}
        for cue in categories:
            if cue.pattern not in lexicon.categories:
                raise LexiconError(f"{cue.where}: unknown marker category {cue.pattern!r}; use one of "
                                   f"{', '.join(lexicon.categories)}")
            self.families[cue.pattern] = cue.label
        self.degree = {name for name in self.families if lexicon.categories[name].role in _DEGREE_ROLES}
        self.categories = lexicon.categories
        self.matcher = matcher

    def find(self, doc: Doc) -> list[tuple[tuple[int, ...], str, str]]:
        """(tokens, words, family) of each stance word, among the matches that stand as the
        markers stage reads them: "major" in "the next major release" is no intensifier."""
        markers, modifiers = standing(doc, self.matcher, self.categories)
        return [(tuple(range(m.span.start, m.span.end)), m.span.text, self.families[m.entry.category])
                for m in sorted(markers + modifiers, key=lambda m: m.span.start) if m.entry.category in self.families
                and (m.entry.category not in self.degree or _grades(m.span))]


def _grades(span: Span) -> bool:
    """Whether a degree word ("very", "too", "almost") grades something: an adjective or
    adverb, or the verb right after it ("really take"). "In the room too" means "also",
    "so" may join clauses, and "almost 70%" only rounds a figure."""
    if len(span) > 1 or span[0].pos_ != "ADV":
        return True
    token = span[0]
    return token.head.pos_ in ("ADJ", "ADV") or (token.head.pos_ == "VERB" and token.head.i == token.i + 1)


def distinct(cues: Iterable[tuple[tuple[int, ...], str, str]]) -> list[tuple[str, str]]:
    """(words, family) of cues that share no token, longest first: "not sure" is one hedge,
    not a hedge and a negator, and "at least" is not also a superlative."""
    used: set[int] = set()
    kept = []
    for tokens, words, family in sorted(cues, key=lambda c: (-len(c[0]), c[0])):
        if used.isdisjoint(tokens):
            used.update(tokens)
            kept.append((tokens[0], words, family))
    return [(words, family) for _, words, family in sorted(kept)]
