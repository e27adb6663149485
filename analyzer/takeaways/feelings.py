"""The feelings a text shows, in the writer's own words, strongest first.

A feeling is a theme: a group of marker categories (``lexicons/takeaways/themes.tsv``). Its
markers count only in the writer's own prose: not in headings or a line's label ("Apologies:
Dana", "Incident ID: …"), not in text between quotation marks (someone else's words), not in
a sign-off's formula ("Cheers,") unless it thanks, not when a negation cancelled them ("no
longer fun"), not in a finding about a share of others ("58% of respondents struggle…"), and
not in a technical sense ("disaster recovery", which the lexicon matches as a longer phrase
of no feeling). A theme needs two markers, or one strong one, and enough density; its
evidence is the sentence where it is densest. A feeling the writer states of themselves ("we
are sorry for…") or remarks on by the adverb that opens a sentence ("Sadly, …") is named
however long the text. A text where no theme clears its threshold reads calm and
matter-of-fact, which is itself a finding a reader wants, even when the writer voices one
gentle feeling in one sentence ("we are happy to…", "We thank the lab for its help."): that
one is named after the calm tone, and so is the strongest unsettling theme that clears the
ordinary threshold but not its own. A feeling the writer sees in the readers ("I know some
of you will be angry", "this move is frustrating for those of you who…") is named as theirs,
acknowledged: it is no feeling of the writer's, and alone it leaves a text calm. A feeling
the writer reports others telling of ("several people said they feel burned out",
"volunteers told us they felt helpless") is named as reported: it is a finding of the text,
so it still unsettles, but not the writer's own.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Span, Token

from .. import extensions
from ..data.files import DataText
from ..data.tables import rows
from ..markers.component import quoted
from ..sections.lookalikes import key_value
from ..text.markup import as_read
from .sentences import (
    FIRST_PERSON,
    negated,
    quote,
    said_by_writer,
    the_writers,
    under_an_open_lead_in,
    verb_subjects,
)
from .view import DocView

# A theme counts with markers in two sentences, or this much weight in one, and at least this
# strength; a theme that unsettles a reader (UNSETTLED) needs more before the text stops
# reading calm. Between the two, the strongest such theme is named after the calm tone: a
# reader of a calm memo still learns what little unease it voices.
MIN_THEME_SENTENCES = 2
STRONG_MARKER = 1.5
# Words this weak are a feeling only beside a stronger one or said by the writer of themselves:
# a "please" or two in instructions is politeness, not a plea.
WEAK_MARKER = 0.5
# A marker of this weight or more is one the lexicon reads as a feeling without doubt.
FULL_WEIGHT = 1.0
MIN_THEME_STRENGTH = 0.3
UNSETTLED_MIN_STRENGTH = 0.38
# Sections shorter than this can't show where a theme peaks: one word would be a density.
MIN_PEAK_WORDS = 100
# A feeling lists its EXAMPLE_WORDS strongest words, and the digest names up to ALSO_WORDS
# more that its quote does not hold.
EXAMPLE_WORDS = 2
ALSO_WORDS = 2
MAX_EVIDENCE = 2
# The calm tone and why, in few words: in a note of sixty words each word the tone takes is one
# a fact cannot (at "for its length" the 16 fresh posts lost two facts to it).
CALM_LABEL = "Calm, matter-of-fact tone"
CALM_SUMMARY = "Few feeling words."
# A calm text's summary lists up to this many of the feeling words it does show, each of full
# weight (FULL_WEIGHT) and of a theme not named: what little feeling there is, and where.
CALM_WORDS = 3
# Themes whose presence means a text is not calm, however little of it there is.
UNSETTLED = frozenset({"frustration", "defiance", "sarcasm", "alarm", "worry", "sadness", "hurt", "burnout", "capacity",
                       "self_doubt", "apology"})
_SUFFIX = re.compile(r"(?:fully|ful|ly|ing|ed|es|(?<!s)s|e)$")
CLEARS, STATED, FAINT = "clears", "stated", "faint"
# The subjects of a verdict on what the writer lived through: "That was exhausting."; and of
# one the writer grants others, "I understand that it is frustrating…" ("it" alone needs no
# clause of its own there: the writer's "I understand" frames it).
VERDICT_SUBJECTS = frozenset({"this", "that"})
GRANTED_SUBJECTS = VERDICT_SUBJECTS | {"it"}
# Verbs that do what they say when the writer says them: "we apologise" is the apology.
PERFORMATIVE = frozenset({"thank", "apologise", "apologize", "regret", "appreciate", "congratulate"})
# Categories of acts a writer does by saying them (an apology, thanks), which a question does
# not do: "How many more times do we have to apologise?" asks, it does not apologise.
SPOKEN_ACTS = frozenset({"apology", "gratitude"})
# Categories of hope, and the forms of its verbs that, in the past tense, tell a hope given up
# or overtaken, not one held now: "we were hoping to see more donations", "we had hoped…". (The
# forms, not the lemmas: the parser's lemmatizer reads "hoping" as a form of "hop".) HOPE_NOW
# is the form that, in the present, states a hope held now: "We hope that…".
HOPES = frozenset({"hope"})
HOPING = frozenset({"hoped", "hoping", "wished", "wishing"})
HOPE_NOW = "hope"
# Categories whose nouns name a person's quality when that person owns them ("his optimism",
# "her enthusiasm"), and the owners that are someone other than the writer or the reader.
QUALITIES = frozenset({"hope", "joy"})
THIRD_PERSON_OWNERS = frozenset({"his", "her", "their"})
# Marks that end the clause before a question's own ("Thanks, and can you send it?").
_CLAUSE_MARKS = frozenset({",", ";", ":", "—", "–"})
# A sign-off is a formula: "Cheers," shows no joy, "Take care," no care and "Thanks," over a
# name no gratitude; but a closing sentence of thanks ("Thank you.") still thanks.
SIGNOFF_THEMES = frozenset({"gratitude"})
# Words that make a clause's subject a share of a group of people, whose feelings a text reports.
SHARE_WORDS = frozenset({"%", "percent", "half", "third", "quarter", "fifth", "majority", "minority"})
# The writer as the object of a verb of feeling: "that worries me" (not "it forced us to…").
WRITER_OBJECTS = frozenset({"me", "us"})
FEELING_VERBS = frozenset({"worry", "concern", "frustrate", "annoy", "anger", "upset", "bother", "scare", "frighten",
                           "alarm", "trouble", "disappoint", "sadden", "hurt", "exhaust", "overwhelm", "embarrass",
                           "delight", "please", "excite", "thrill", "encourage", "reassure", "relieve", "touch",
                           "move", "humble", "amaze", "inspire", "infuriate", "depress", "discourage", "stress"})
# The reader as a feeling's experiencer: "you", "your", and a share of them ("some of you").
READER = frozenset({"you", "your", "yours"})
# A hope of this many words or fewer ("this helps", "all is well") is a courtesy.
COURTESY_WORDS = 3
# What a courtesy hopes the reader does: is well, enjoys, finds it useful, has a good week.
# A hope that the reader acts ("we hope you will keep filing bug reports") is an appeal.
WISHED_STATES = frozenset({"be", "enjoy", "have", "find", "like", "love", "feel", "stay", "get", "agree",
                           "understand", "see", "do"})
# Prepositions that name who a feeling is for: "hard on all of you", "frustrating for you".
EXPERIENCER_PREPS = frozenset({"for", "on", "to"})
# Verbs by which the writer grants a feeling that is not theirs: "I know this is hard".
GRANTING = frozenset({"understand", "know", "realise", "realize", "appreciate", "recognise", "recognize",
                      "acknowledge"})
# The links by which a feeling's clause with no subject of its own hangs under another.
_UNDER_A_CLAUSE = frozenset({"pcomp", "prep", "pobj", "conj", "xcomp", "advcl"})
# Modals by which the writer foresees a feeling in the readers: "you may feel relief".
FORESEEING = frozenset({"may", "might", "will", "'ll", "could", "wo"})
READERS_SUFFIX = ", acknowledged in readers"
OTHERS_SUFFIX = ", others report"
# Verbs by which a text reports what others told: "people said they…", "volunteers told us…".
REPORTING = frozenset({"say", "tell", "report", "mention", "write", "share", "describe", "complain", "explain",
                       "admit", "express", "comment", "note"})
PEOPLE = frozenset({"respondent", "participant", "user", "people", "person", "member", "developer", "employee",
                    "customer", "student", "attendee", "contributor", "maintainer", "reader", "voter"})


@dataclass(frozen=True)
class Theme:
    name: str
    categories: frozenset[str]
    label: str
    describes: str


def parse_themes(table: DataText, known: Mapping[str, Any]) -> list[Theme]:
    """The themes table, checked against the marker categories; errors name the line."""
    themes, owner = [], {}
    for row in rows(table, ("theme", "categories", "label", "describes")):
        wanted = frozenset(c.strip() for c in row["categories"].split(","))
        unknown = sorted(wanted - known.keys())
        if unknown:
            raise row.error(f"unknown marker categor{'y' if len(unknown) == 1 else 'ies'} {', '.join(unknown)}; "
                            f"use names from lexicons/markers/categories.tsv")
        taken = sorted(c for c in wanted if c in owner)
        if taken:
            raise row.error(f"category {taken[0]} already belongs to theme {owner[taken[0]]}; a category "
                            f"makes one feeling")
        owner.update(dict.fromkeys(wanted, row["theme"]))
        themes.append(Theme(row["theme"], wanted, row["label"], row["describes"]))
    return themes


@dataclass
class Tally:
    """One theme's markers, added up by section and by sentence."""

    total: float = 0.0
    by_section: dict[int | None, float] = field(default_factory=lambda: defaultdict(float))
    by_sentence: dict[int, float] = field(default_factory=lambda: defaultdict(float))
    words: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    # Each word's strongest marker: its weight and its span.
    peaks: dict[str, tuple[float, Span]] = field(default_factory=dict)
    # The weight of its strongest marker.
    strongest: float = 0.0
    # The writer says it of themselves ("we are sorry", "I am proud of the team").
    owned: bool = False
    # The weight of its markers that the writer sees in the readers (``of_the_readers``), or
    # reports others telling of (``reported_of_others``).
    readers: float = 0.0
    others: float = 0.0


@dataclass(frozen=True)
class Feeling:
    theme: Theme
    strength: float
    sections: tuple[int | None, ...]
    evidence: tuple[tuple[Span, str], ...]
    # The words behind it, most weight first.
    words: tuple[str, ...]
    # Why it is named: it clears its threshold (CLEARS), the writer states it of themselves
    # (STATED), or it is the strongest hint of feeling in a text that reads calm (FAINT).
    basis: str = CLEARS
    # Every marker of it is one the writer sees in the readers, or one others told of.
    readers: bool = False
    others: bool = False
    # All its markers stand in one sentence.
    once: bool = False

    @property
    def label(self) -> str:
        return self.theme.label + (READERS_SUFFIX if self.readers else OTHERS_SUFFIX if self.others else "")


@dataclass(frozen=True)
class Reading:
    """The feelings a text shows, strongest first, and its strongest words of feeling outside
    them, each with the marker it is: what the summary of a text that reads calm lists, so
    that a reader sees what little feeling there is and where."""

    feelings: list[Feeling]
    unnamed: tuple[tuple[str, Span], ...]


def feelings(view: DocView, themes: list[Theme]) -> Reading:
    """The themes the text shows, strongest first, and the words of those it does not name."""
    theme_of = {c: t.name for t in themes for c in t.categories}
    sentences = {sent.start: (sent, section) for sent, section in view.sentences}
    tallies: dict[str, Tally] = defaultdict(Tally)
    for span in view.doc.spans.get(extensions.MARKERS, []):
        theme = counted_theme(span, theme_of)
        owner = sentences.get(span.sent.start)
        if theme is None or owner is None or _formula(view, span, theme) or _label(view, span):
            continue
        marker = span._.analyzer_marker
        sent, section = owner
        tally = tallies[theme]
        tally.total += marker.weight
        tally.strongest = max(tally.strongest, marker.weight)
        tally.by_section[section.id if section else None] += marker.weight
        tally.by_sentence[sent.start] += marker.weight
        word = shown(span)
        tally.words[word] += marker.weight
        tally.owned = tally.owned or said_of_self(span)
        readers, others = of_the_readers(span), reported_of_others(span)
        tally.readers += marker.weight if readers else 0.0
        tally.others += marker.weight if others else 0.0
        if not (readers or others) and marker.weight > tally.peaks.get(word, (0.0, span))[0]:
            tally.peaks[word] = (marker.weight, span)
    words_in = _words_by_section(view)
    found: list[Feeling] = []
    faint: list[tuple[float, Theme, Tally]] = []
    for theme in themes:
        tally = tallies.get(theme.name)
        if not tally or (not tally.owned and (tally.strongest < WEAK_MARKER or (
                len(tally.by_sentence) < MIN_THEME_SENTENCES and tally.total < STRONG_MARKER))):
            continue
        strength = _strength(tally, view.words, words_in)
        clears = strength >= (UNSETTLED_MIN_STRENGTH if theme.name in UNSETTLED else MIN_THEME_STRENGTH)
        if clears or tally.owned:
            found.append(_feeling(theme, tally, strength, sentences, words_in, CLEARS if clears else STATED))
        elif strength >= MIN_THEME_STRENGTH and len(tally.by_sentence) >= MIN_THEME_SENTENCES:
            faint.append((strength, theme, tally))
    if faint and reads_calm(found):
        strength, theme, tally = max(faint, key=lambda f: f[0])
        found.append(_feeling(theme, tally, strength, sentences, words_in, FAINT))
    return Reading(sorted(found, key=lambda f: -f.strength), _unnamed(tallies, found))


def _unnamed(tallies: Mapping[str, Tally], found: list[Feeling]) -> tuple[tuple[str, Span], ...]:
    """The writer's words of full weight of the themes not named, strongest first (earliest
    first among equals), one per stem, up to CALM_WORDS."""
    named = {f.theme.name for f in found}
    peaks = sorted(((weight, word, span) for theme, tally in tallies.items() if theme not in named
                    for word, (weight, span) in tally.peaks.items() if weight >= FULL_WEIGHT),
                   key=lambda p: (-p[0], p[2].start))
    words: dict[str, tuple[str, Span]] = {}
    for _, word, span in peaks:
        words.setdefault(stem(word), (word, span))
    return tuple(words.values())[:CALM_WORDS]


def _formula(view: DocView, span: Span, theme: str) -> bool:
    """Whether the marker is a sign-off's formula: "Cheers,", "Take care,", and "Thanks," over
    a name. A closing sentence of thanks ("Thank you.", "Thanks again!") still thanks."""
    line = view.line_of(span.start_char)
    if line not in view.signoffs:
        return False
    return theme not in SIGNOFF_THEMES or line in view.formulas


def _label(view: DocView, span: Span) -> bool:
    """Whether the marker is its line's label ("Apologies: Peter Mulligan" in minutes,
    "Incident ID: INC-0931"): a label names what follows, as a heading does."""
    line = view.line_of(span.start_char)
    text = view.lines.line(line)
    if not key_value(as_read(text.strip())):  # "**Apologies:** Dr Moore" as the page shows it
        return False
    return span.start_char - view.lines.start_of(line) < text.index(":")


def reads_calm(found: list[Feeling]) -> bool:
    """Nothing unsettled is stated, and no theme clears its threshold but one gentle feeling
    the writer voices in a single sentence: at most one such gentle feeling ("We thank the
    team at the lab for their help." closing an outage note), and the faint hint of another.
    Two gentle feelings, even once each, are a warmth the text shows."""
    gentle = [_gentle_once(f) for f in found]
    return sum(gentle) <= 1 and all(f.basis == FAINT or f.readers or once for f, once in zip(found, gentle))


def _gentle_once(f: Feeling) -> bool:
    """A gentle feeling of the writer's, stated of themselves or voiced in one sentence."""
    return f.theme.name not in UNSETTLED and not f.readers and (f.basis == STATED or f.once)


def _feeling(theme: Theme, tally: Tally, strength: float, sentences: dict[int, tuple[Span, Any]],
             words_in: dict[int | None, int], basis: str) -> Feeling:
    sections = sorted(tally.by_section, key=lambda s: -_density(tally.by_section[s], words_in.get(s, 0)))
    ranked = sorted(tally.by_sentence, key=lambda start: (-tally.by_sentence[start], start))
    evidence = []
    for start in ranked:
        text = None if under_an_open_lead_in(sentences[start][0]) else quote(sentences[start][0])
        if text is not None:
            evidence.append((sentences[start][0], text))
        if len(evidence) == MAX_EVIDENCE:
            break
    ranked_words: dict[str, str] = {}
    for word in sorted(tally.words, key=lambda w: -tally.words[w]):
        ranked_words.setdefault(stem(word), word)
    return Feeling(theme, round(strength, 2), tuple(sections), tuple(evidence), tuple(ranked_words.values()),
                   basis, tally.readers >= tally.total, tally.others >= tally.total, len(tally.by_sentence) == 1)


def shown(span: Span) -> str:
    """A marker's words as the digest lists them: lower case, one space between words, but
    the pronoun "I" as written ("I am sorry", not "i am sorry"); a marker read from words
    farther off as the marker says ("don't think … fair")."""
    marker = span._.analyzer_marker
    if marker is not None and marker.shown_as:
        return " ".join(w if w == "I" else w.lower() for w in marker.shown_as.split())
    text = "".join((t.text if t.lower_ == "i" and t.pos_ == "PRON" else t.lower_) + t.whitespace_ for t in span)
    return " ".join(text.split())


def stem(phrase: str) -> str:
    """A crude stem of each word, so "hope", "hoping" and "hopefully" count as one word when
    the digest lists a feeling's words: a reader learns nothing from a second inflection."""
    words = []
    for word in phrase.lower().split():
        shorter = _SUFFIX.sub("", word)
        shorter = shorter[:-1] if shorter.endswith("e") and len(shorter) > 3 else shorter
        words.append(shorter if len(shorter) > 2 else word)
    return " ".join(words)


def _strength(tally: Tally, words: int, words_in: dict[int | None, int]) -> float:
    """0 to 1 from the theme's markers per 100 words, over the text and where it peaks: a
    theme written into one section is a finding even in a long memo. 0.5 is one
    marker-weight per 100 words."""
    overall = tally.total / max(words, 1) * 100
    peak = max(_density(w, words_in.get(s, 0)) for s, w in tally.by_section.items())
    density = (overall + peak) / 2
    return density / (density + 1)


def _density(weight: float, words: int) -> float:
    return weight / max(words, MIN_PEAK_WORDS) * 100


def _words_by_section(view: DocView) -> dict[int | None, int]:
    counts: dict[int | None, int] = defaultdict(int)
    for sent, section in view.sentences:
        counts[section.id if section else None] += len(sent.text.split())
    return counts


def said_of_self(span: Span) -> bool:
    """Whether the writer states the feeling of themselves: the marker is, or holds, the
    adjective of "I am …" or "we feel …" ("We are sorry for…", "I am proud of the team"), or
    the participle of "we were …" ("We were frustrated by the delays", "I was exhausted").
    So is a verb whose saying does what it says, in the present ("We apologise for…", "I
    would like to thank everyone who…", "I want to thank…"), an apology or thanks offered as
    the writer's own ("my apologies for…", see ``_offered``), and a verdict only the writer
    can give ("It is disappointing that…", see ``_judged``), and a verb of feeling whose
    object is the writer ("that worries me"). However long the text, a writer who says so
    shows it; a feeling word elsewhere in a sentence about the writer ("we took care of it")
    says less, and counts only by its density."""
    if _offered(span):
        return True
    return any((t.dep_ == "acomp" and said_by_writer(t.head))
               or (t.tag_ == "VBN" and said_by_writer(t, ("nsubjpass",)))
               or (t.tag_ == "JJ" and said_by_writer(t, ("nsubj", "nsubjpass")))
               or _performed(t) or _judged(t) or _moves_writer(t) or _hoped_now(t)
               for t in span) or _remarked(span) or _felt_now(span)


def _offered(span: Span) -> bool:
    """An apology or thanks the writer offers as a noun of theirs: "my apologies for the
    silence", "Our sincere apologies", "Our thanks go to the hosting team". It is said as
    "I apologise" is, however long the text around it."""
    marker = span._.analyzer_marker
    if marker is None or marker.category not in SPOKEN_ACTS:
        return False
    return any(t.pos_ == "NOUN" and not negated(t) and the_writers(t) for t in span)


def _moves_writer(word: Token) -> bool:
    """A verb of feeling whose object is the writer: "that worries me", "It frustrates us
    that nobody asked". The writer is the one who feels it, whoever the sentence is about."""
    return word.lemma_.lower() in FEELING_VERBS and not negated(word) and any(
        c.dep_ == "dobj" and c.lower_ in WRITER_OBJECTS for c in word.children)


def _performed(word: Token) -> bool:
    """A verb of thanks or apology the writer says now as the sentence's own statement, or as
    a second one joined to it with its own subject ("…, and we thank everyone who helped"),
    directly or as what they would like or want to do: the saying is the thanks. Told of
    inside another clause ("the message on how we appreciate their efforts") it is reported."""
    if word.lemma_.lower() not in PERFORMATIVE or word.tag_ not in ("VB", "VBP"):
        return False
    if negated(word):
        return False
    if word.dep_ == "ROOT" or (word.dep_ == "conj" and word.head.dep_ == "ROOT"):
        return said_by_writer(word)
    head = word.head
    return (word.dep_ == "xcomp" and head.dep_ == "ROOT" and head.lemma_ in ("like", "want", "wish")
            and said_by_writer(head))


def _hoped_now(word: Token) -> bool:
    """A verb of hope the writer says in the present as the sentence's own statement: "We
    hope that the new group can serve the project" states the hope as "we are hopeful"
    would; "we hoped…" does not. A hope for the reader ("I hope you are well", "we hope
    you enjoy it") or that "this helps" is a courtesy, not a feeling the text shows; one that
    the reader will act ("we hope you will keep reporting issues") is an appeal it shows."""
    if not (word.lower_ == HOPE_NOW and word.pos_ == "VERB" and _says_now(word)):
        return False
    clauses = [c for c in word.children if c.dep_ in ("ccomp", "xcomp")]
    hoped = [t for c in clauses for t in c.subtree]
    return len(hoped) > COURTESY_WORDS and (
        not any(t.lower_ in READER for t in hoped) or any(_reader_acts(c) for c in clauses))


def _reader_acts(clause: Token) -> bool:
    """Whether a hoped clause has the reader do something ("you will keep filing bug reports",
    "you join us in May") rather than be well or enjoy (WISHED_STATES)."""
    return clause.lemma_.lower() not in WISHED_STATES and any(
        c.dep_ == "nsubj" and c.lower_ in READER for c in clause.children)


def _felt_now(span: Span) -> bool:
    """A marker of full weight built on the sentence's own verb, in the present, with the
    writer as its subject: "I need some time to rest", "We risk losing two more engineers",
    "We strongly believe that…". The lexicon reads the phrase as a feeling and the writer says
    it of themselves now, as "I am tired" would. A weaker phrase ("we encourage you to…") is
    as often a courtesy."""
    marker = span._.analyzer_marker
    return marker is not None and marker.weight >= FULL_WEIGHT and any(_says_now(t) for t in span)


def _says_now(word: Token) -> bool:
    """Whether the word is the sentence's own verb, in the present, with the writer as its
    subject and no negation: "We hope…", "I need…", not "we hoped", "they need" or "I don't"."""
    return word.dep_ == "ROOT" and word.tag_ == "VBP" and said_by_writer(word) and not negated(word)


def _remarked(span: Span) -> bool:
    """A feeling the writer remarks on by an adverb that opens the sentence, before its comma
    ("Sadly, the same is not true of the contributors", "Thankfully, nobody was hurt"): the
    writer's own comment on what the sentence tells, as "It is sad that…" is. Only a marker
    of full weight: "Unfortunately, …" opens bad news as often as it feels it, and the
    lexicon weighs it below one."""
    marker = span._.analyzer_marker
    word = span[0]
    after = word.nbor() if word.i + 1 < len(word.doc) else None
    return (marker is not None and marker.weight >= FULL_WEIGHT and len(span) == 1 and word.pos_ == "ADV"
            and word.i == word.sent.start and word.head == word.sent.root and after is not None and after.text == ",")


def _judged(word: Token) -> bool:
    """A feeling word that is the sentence's own verdict, which only the writer can give:
    "It is disappointing that nobody was asked", "It was heartbreaking to close the office",
    "That was exhausting.", "I find this frustrating". A writer who words a feeling
    impersonally still states it; "it is not surprising that…" states none."""
    head = word.head
    if negated(word) or negated(head) or head.dep_ != "ROOT":
        return False
    if head.lemma_ == "find":  # what is found so: an adjective, or one the model tags a noun
        return said_by_writer(head) and word.dep_ in ("dobj", "ccomp", "oprd", "acomp") and word.tag_ in ("JJ", "NN")
    if word.dep_ != "acomp" or head.lemma_ != "be":
        return False
    subjects = [c.lower_ for c in head.children if c.dep_ in ("nsubj", "expl")]
    clause = any(c.dep_ in ("ccomp", "xcomp") for t in (head, word) for c in t.children)
    return bool(subjects) and (subjects[0] in VERDICT_SUBJECTS or subjects[0] == "it" and clause)


def of_the_readers(span: Span) -> bool:
    """Whether the writer sees the feeling in the readers, not in themselves: the writer grants
    it ("I understand that it is frustrating to be overruled", "I know this is hard"), its
    subject is a share of them ("some of you will be angry"), or "you" where the writer speaks
    too, sets a condition or foresees it ("I know you will be sad", "if you feel stressed, …",
    "you may feel relief"), or it is "for" or "on" them ("frustrating for those of you who…",
    "hard on all of you"), or theirs ("your frustration"). A bare "you" alone is often anyone,
    the writer too ("when you are on call for weeks, you burn out")."""
    word = span.root
    # "angry and frustrated" share a subject; "…, and some of you will be frustrated" has its own.
    while word.dep_ == "conj" and word.head.i != word.i \
            and not verb_subjects(word):
        word = word.head
    felt = word.dep_ == "dobj" and word.head.lemma_ == "feel"  # "you may feel relief"
    clause = word.head if word.dep_ in ("acomp", "oprd", "attr") or felt else word
    # Who feels it in "…, and then guilt about feeling relief": the subject of the clause above.
    while felt and clause.dep_ in _UNDER_A_CLAUSE and not any(c.dep_ == "nsubj" for c in clause.children):
        clause = clause.head
    subjects = [c for t in {word, clause} for c in verb_subjects(t)]
    if any(s.lower_ in FIRST_PERSON for s in subjects):
        return False
    if _granted(clause, subjects):
        return True
    if any(s.lower_ != "you" and _share_of_readers(s) for s in subjects):
        return True
    if any(s.lower_ == "you" for s in subjects) and _acknowledged(span.sent, clause):
        return True
    experiencers = [p for c in word.children if c.dep_ == "prep" and c.lower_ in EXPERIENCER_PREPS
                    for p in c.children if p.dep_ == "pobj"]
    return any(p.lower_ == "you" or _share_of_readers(p) for p in experiencers) or any(
        c.dep_ == "poss" and c.lower_ in READER for c in word.children)


def reported_of_others(span: Span) -> bool:
    """Whether the feeling stands in what others told, as the text reports it: its clause
    hangs under a verb of telling ("said", "told us", "mentioned how much…") whose subject is
    neither the writer nor the reader ("Several people said they feel burned out"). The subject
    of a passive telling is who was told ("the board was told late, and I should have…"), and a
    conjunct whose subject is the writer is the writer speaking again, not part of what was told."""
    word = span.root
    while word.head.i != word.i:
        head = word.head
        if word.dep_ == "conj" and (said_by_writer(word, ("nsubj", "nsubjpass")) or _moves_writer(word)):
            return False
        if head.lemma_.lower() in REPORTING and word.dep_ in ("ccomp", "xcomp", "advcl", "dobj", "conj") \
                and head.pos_ in ("VERB", "AUX"):
            subjects = [c for c in head.children if c.dep_ == "nsubj"]
            return bool(subjects) and all(s.lower_ not in FIRST_PERSON and s.lower_ not in READER for s in subjects)
        word = head
    return False


def _granted(clause: Token, subjects: list[Token]) -> bool:
    """Whether the feeling is a verdict the writer grants others, in a clause of "I
    understand" or "I know": "I understand that it is frustrating to be overruled", "I know
    this is hard". Said alone it would be the writer's own (``_judged``); a clause about a thing
    ("I know the last quarter was hard on everyone") tells of a strain the writer shares."""
    return (clause.dep_ == "ccomp" and clause.head.lemma_.lower() in GRANTING and said_by_writer(clause.head)
            and bool(subjects) and subjects[0].lower_ in GRANTED_SUBJECTS)


def _share_of_readers(word: Token) -> bool:
    """"some of you", "those of you", "all of you": a word with "of you" under it."""
    return any(c.dep_ == "prep" and c.lower_ == "of" and any(p.lower_ == "you" for p in c.children)
               for c in word.children)


def _acknowledged(sent: Span, clause: Token) -> bool:
    """Whether the writer frames the reader's feeling: the writer is a subject elsewhere in
    the sentence ("I know …", "we understand …"), the clause is a condition ("if you …"), or
    it foresees the feeling ("You may feel relief, and then guilt")."""
    return any(t.dep_ == "nsubj" and t.lower_ in FIRST_PERSON for t in sent) or any(
        (c.dep_ == "mark" and c.lower_ == "if") or (c.dep_ == "aux" and c.lower_ in FORESEEING)
        for c in clause.children)


def counted_theme(span: Span, theme_of: Mapping[str, str]) -> str | None:
    """The theme a marker counts for (``theme_of`` maps categories to themes), or None: a
    tone modifier, a marker a negation cancelled, words between quotation marks, a finding
    about a share of other people, an apology or thanks only asked about, a hope put as a
    question ("Can users be sure the mirror will still be there next year?" doubts), a hope
    held once, or a quality someone else owns."""
    marker = span._.analyzer_marker
    theme = theme_of.get(marker.category) if marker and marker.role == "marker" else None
    if theme is None or marker.weight <= 0 or quoted(span) or _of_a_share(span):
        return None
    if (marker.category in SPOKEN_ACTS or marker.category in HOPES) and _asked(span):
        return None
    if marker.category in HOPES and _hoped_once(span):
        return None
    if marker.category in QUALITIES and _anothers(span):
        return None
    return theme


def _anothers(span: Span) -> bool:
    """Whether the feeling is a noun someone else owns ("his optimism", "Dana's enthusiasm",
    "her energy, optimism and patience"): a quality the writer praises in that person, as a
    farewell or a memorial lists them, not a feeling the writer shows."""
    noun = span.root
    while noun.dep_ == "conj" and noun.head.pos_ in ("NOUN", "PROPN"):
        noun = noun.head
    return noun.pos_ == "NOUN" and any(
        c.dep_ == "poss" and (c.lower_ in THIRD_PERSON_OWNERS or c.pos_ == "PROPN") for c in noun.children)


def _hoped_once(span: Span) -> bool:
    """Whether the marker is a verb of hope in the past tense ("We hoped the old runners
    could be reused", "we were hoping to see more", "as we had hoped"), or a hopeful word said of
    a past state ("at noon we were confident the queue had drained", "I was optimistic
    at first"): a hope or trust the writer held then, in a story of what happened, is no
    hope now."""
    word = span.root
    if word.pos_ == "ADJ" and word.dep_ == "acomp" and word.head.lemma_ == "be":
        return word.head.tag_ == "VBD"
    if word.lower_ not in HOPING or word.pos_ != "VERB":
        return False
    return word.tag_ == "VBD" or any(c.dep_ == "aux" and c.tag_ == "VBD" for c in word.children)


def _asked(span: Span) -> bool:
    """Whether the marker stands in the clause a question mark closes: the sentence ends with
    "?" (a closing quotation mark or bracket may follow) and no comma, semicolon, colon or
    dash comes between the marker and that end."""
    words = [t for t in span.sent if not t.is_space]
    if not any(t.text == "?" for t in words[-2:]):
        return False
    return not any(t.text in _CLAUSE_MARKS for t in span.doc[span.end : words[-1].i])


def _of_a_share(span: Span) -> bool:
    """Whether the marker tells a finding about a share of other people ("58% of respondents
    struggle to…", "half of the users were unsure"): a figure the text reports, not a feeling
    it shows."""
    verb = span.root
    while verb.dep_ not in ("ROOT", "ccomp", "advcl") and verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    for clause in (verb, verb.head):
        subjects = verb_subjects(clause)
        if subjects:
            words = [t for s in subjects for t in s.subtree]
            share = any(t.ent_type_ == "PERCENT" or t.lower_ in SHARE_WORDS for t in words)
            # "70% of our engineers' time" is a share of time: the people are only its owners.
            return share and any(t.lemma_.lower() in PEOPLE and t.dep_ != "poss" for t in words)
    return False
