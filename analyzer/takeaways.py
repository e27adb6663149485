"""The digest: the few emotional themes and facts a reader needs first, each with its evidence.

Built by rules from the markers and claims already on the doc, so it is reproducible and
every line of it points back to the text. Emotional takeaways are themes (groups of marker
categories, from ``lexicons/themes.tsv``): where the language peaks, how dense it is, and the
sentences that carry most of it. Factual takeaways are the most informative claims, one or
two per kind of fact, each with its modality so an opinion never reads as a fact. The whole
digest stays within a word budget: 600 words, or a quarter of a short document.
"""

from __future__ import annotations

import bisect
import json
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from . import extensions
from .errors import LexiconError
from .lexicon import load_categories, read_text, table_rows
from .resources import data_file
from .sections import Section, body_sentences
from .words import word_count

THEMES_FILE = "themes.tsv"
STANCE_FILE = "option-stance.tsv"
DIGEST_WORDS = 600
SHORT_DOCUMENT_SHARE = 0.25
# A theme counts with two markers, or one this strong, and at least this strength.
MIN_THEME_MARKERS = 2
STRONG_MARKER = 1.5
MIN_THEME_STRENGTH = 0.3
# Sections shorter than this can't show where a theme peaks: one word would be a density.
MIN_PEAK_WORDS = 50
# Quotes are windows of the sentence around the words that matter, so the digest stays short:
# a quarter of the budget, between these bounds.
MAX_QUOTE_WORDS = 16
MIN_QUOTE_WORDS = 8
FACT_SUMMARY_WORDS = 14
# A quote whose first words the summary already shows adds nothing for the reader.
RESTATED_WORDS = 6
EXAMPLE_WORDS = 3
MAX_EVIDENCE = 2  # for the leading theme; the others quote their strongest sentence
# Below this budget every theme quotes once; below the terse one it names only its words.
ROOMY_BUDGET = 300
TERSE_BUDGET = 30
# How informative a claim is, by what it states; quantities and named things add to it.
KIND_SCORE = {"quantity": 3.0, "attribution": 2.0, "event": 2.0, "cause": 1.5, "comparison": 1.5, "state": 1.0}
MAX_NAMED_SCORE = 1.5
NAMED = {"PERSON", "ORG", "GPE", "PRODUCT", "MONEY", "PERCENT", "NORP", "FAC", "EVENT", "LAW", "WORK_OF_ART"}
VAGUE_SUBJECTS = {"it", "this", "that", "there", "these", "those"}
ASKING_VERBS = {"want", "expect", "ask", "need", "require", "request", "love", "like", "propose", "suggest"}
FIRST_PERSON = {"i", "we", "me", "us"}
# Groups of facts, in the order a reader takes them in.
FIGURES, ASKED, OPTIONS, VIEW, HAPPENED, REASONS, SITUATION = (
    "Figures", "What is being asked", "Options and proposals", "The writer's view",
    "What happened", "Causes and comparisons", "The situation",
)
GROUP_ORDER = (FIGURES, ASKED, HAPPENED, OPTIONS, VIEW, REASONS, SITUATION)
# Which group fills each of the first places: figures and the ask first, the options early,
# then what happened and the writer's view; later places go to the most informative rest.
SLOT_PLAN = (FIGURES, ASKED, OPTIONS, FIGURES, FIGURES, HAPPENED, VIEW, ASKED, HAPPENED)
# Facts kept per group, so one kind of fact never crowds out the others.
GROUP_LIMIT = {FIGURES: 3}
DEFAULT_GROUP_LIMIT = 2
MODALITY_PREFIX = {
    "hedged": "Hedged: ", "opinion": "In the writer's view: ", "proposal": "Proposed: ",
    "speculation": "Speculation: ", "question": "Asked: ",
}
_WORD = re.compile(r"\S+")


@dataclass(frozen=True)
class Theme:
    name: str
    categories: frozenset[str]
    label: str
    describes: str


def load_themes() -> list[Theme]:
    source = f"lexicons/{THEMES_FILE}"
    return parse_themes(read_text(data_file(THEMES_FILE), source), source, load_categories())


def parse_themes(text: str, source: str, known: Mapping[str, Any]) -> list[Theme]:
    """The themes table, checked against the marker categories; errors name the line."""
    themes = []
    for number, (name, categories, label, describes) in table_rows(
        text, source, ("theme", "categories", "label", "describes"), 4
    ):
        wanted = frozenset(c.strip() for c in categories.split(","))
        unknown = sorted(wanted - known.keys())
        if unknown:
            raise LexiconError(f"{source}, line {number}: unknown marker categor"
                               f"{'y' if len(unknown) == 1 else 'ies'} {', '.join(unknown)}; "
                               f"use names from lexicons/marker-categories.tsv")
        themes.append(Theme(name, wanted, label, describes))
    return themes


class OptionStance:
    """Scores how warmly a passage speaks of an option, from ``lexicons/option-stance.tsv``."""

    def __init__(self) -> None:
        source = f"lexicons/{STANCE_FILE}"
        self.weights: dict[str, float] = {}
        for number, (phrase, weight) in table_rows(read_text(data_file(STANCE_FILE), source), source,
                                                   ("phrase", "weight"), 2):
            try:
                self.weights[" ".join(phrase.lower().split())] = float(weight)
            except ValueError:
                raise LexiconError(f"{source}, line {number}: weight '{weight}' is not a number") from None
        phrases = sorted(self.weights, key=len, reverse=True)
        self.pattern = re.compile(r"(?<![\w'’])(" + "|".join(re.escape(p) for p in phrases) + r")(?![\w'’])", re.I)

    def __call__(self, text: str) -> float:
        text = text.replace("’", "'")
        return sum(self.weights[" ".join(m.group(1).lower().split())] for m in self.pattern.finditer(text))


@dataclass
class _Tally:
    """One theme's markers, added up by section and by sentence."""

    total: float = 0.0
    count: int = 0
    strongest: float = 0.0
    by_section: dict[int, float] = field(default_factory=lambda: defaultdict(float))
    by_sentence: dict[tuple[int, int], float] = field(default_factory=lambda: defaultdict(float))
    # Where in each sentence the theme's first marker starts, to centre the quote on it.
    anchors: dict[tuple[int, int], int] = field(default_factory=dict)
    words: dict[str, float] = field(default_factory=lambda: defaultdict(float))

    def examples(self) -> list[str]:
        return sorted(self.words, key=lambda w: -self.words[w])[:EXAMPLE_WORDS]


class TakeawayBuilder:
    def __init__(self, themes: Sequence[Theme], stance: OptionStance) -> None:
        self.themes = list(themes)
        self.theme_of = {c: t.name for t in self.themes for c in t.categories}
        self.stance = stance

    def __call__(self, doc: Doc) -> Doc:
        context = _Context.of(doc, self.stance)
        emotional, factual = self.rank(doc, context)
        doc._.analyzer_takeaways = fit_budget(emotional, factual, context.budget)
        return doc

    def rank(self, doc: Doc, context: _Context | None = None) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """Every theme and fact worth a takeaway, best first, before the budget cuts the lists."""
        context = context or _Context.of(doc, self.stance)
        return self.emotional(doc, context), self.factual(doc, context)

    # -- emotional themes ---------------------------------------------------------------

    def emotional(self, doc: Doc, context: _Context) -> list[dict[str, Any]]:
        tallies: dict[str, _Tally] = defaultdict(_Tally)
        for span in doc.spans.get(extensions.MARKERS, []):
            marker = span._.analyzer_marker
            theme = self.theme_of.get(marker.category) if marker and marker.role == "marker" else None
            sentence = (span.sent.start, span.sent.end)
            # Headings name a topic; only the prose says how the writer feels about it.
            if theme is None or marker.weight <= 0 or sentence not in context.body:
                continue
            tally = tallies[theme]
            tally.total += marker.weight
            tally.count += 1
            tally.strongest = max(tally.strongest, marker.weight)
            tally.by_section[context.section_id(span.start_char)] += marker.weight
            tally.by_sentence[sentence] += marker.weight
            tally.anchors.setdefault(sentence, span.start)
            tally.words[span.text.lower()] += marker.weight
        kept = []
        for theme in self.themes:
            tally = tallies.get(theme.name)
            if not tally or (tally.count < MIN_THEME_MARKERS and tally.strongest < STRONG_MARKER):
                continue
            strength = _strength(tally, context)
            if strength >= MIN_THEME_STRENGTH:
                kept.append((tally.total, self._theme_takeaway(doc, context, theme, tally, strength)))
        # The theme with the most language behind it leads, however small its densest section,
        # and quotes most; the others quote their strongest sentence.
        ordered = [takeaway for _, takeaway in sorted(kept, key=lambda k: -k[0])]
        return [t if i == 0 else {**t, "evidence": t["evidence"][:1]} for i, t in enumerate(ordered)]

    def _theme_takeaway(self, doc: Doc, context: _Context, theme: Theme, tally: _Tally,
                        strength: float) -> dict[str, Any]:
        sections = sorted(tally.by_section, key=lambda sid: -context.density(sid, tally.by_section[sid]))
        peak = sections[0]
        quotes = _strongest_sentences(doc, tally, context)
        return {
            "label": theme.label,
            "summary": _theme_summary(theme, tally, strength, sections, peak, context),
            "strength": round(strength, 2),
            "sections": sections,
            "evidence": quotes,
        }

    # -- factual takeaways --------------------------------------------------------------

    def factual(self, doc: Doc, context: _Context) -> list[dict[str, Any]]:
        candidates = []
        named = _NamedThings(doc)
        for order, span in enumerate(doc.spans.get(extensions.CLAIMS, [])):
            claim = span._.analyzer_claim
            if len(_WORD.findall(claim.text)) < 4:
                continue
            candidates.append((_information(span, claim, named), order, span, claim))
        candidates.sort(key=lambda c: (-c[0], c[1]))
        chosen: list[dict[str, Any]] = []
        options = option_takeaway(context)
        if options:
            chosen.append(options)
        seen: list[set[str]] = []
        for _, _, span, claim in candidates:
            words = _content_words(claim.text)
            if any(_overlap(words, other) >= 0.7 for other in seen):
                continue
            seen.append(words)
            chosen.append(_fact(span, claim, context))
        return _diverse(chosen)


class _NamedThings:
    """The doc's entities of the NAMED kinds, found per span without walking the whole doc
    for each (``span.ents`` does, which made the digest quadratic in a long text)."""

    def __init__(self, doc: Doc) -> None:
        self.ents = [e for e in doc.ents if e.label_ in NAMED]
        self.starts = [e.start for e in self.ents]

    def within(self, span: Span) -> set[str]:
        """The texts of the entities wholly inside ``span``, as ``span.ents`` gives them."""
        first = bisect.bisect_left(self.starts, span.start)
        return {e.text for e in self.ents[first:bisect.bisect_left(self.starts, span.end)] if e.end <= span.end}


def _information(span: Span, claim, named: _NamedThings) -> float:
    """How much a reader learns from a claim: its kind, its figures, the named things in it."""
    # A figure with a unit (70%, $2m, 2x, two weeks) says more than a bare count.
    score = KIND_SCORE.get(claim.kind, 1.0) + min(sum(1.0 if q.unit else 0.5 for q in claim.quantities), 2)
    # Each named thing (a person, a product, a sum) is something a reader can check or act on.
    score += min(0.5 * len(named.within(span)), MAX_NAMED_SCORE)
    if claim.speaker and claim.speaker.lower() not in FIRST_PERSON:
        score += 0.5
    subject = (claim.subject or "").lower()
    if subject in VAGUE_SUBJECTS or not subject:
        score -= 0.5
    if claim.modality in ("hedged", "speculation"):
        score -= 0.5
    words = len(_WORD.findall(claim.text))
    if words < 6 or words > 40:
        score -= 0.5
    return score


def group_of(claim) -> str:
    if claim.quantities:
        return FIGURES
    asking = (claim.predicate or "").split(" ")[0] in ASKING_VERBS
    if claim.modality == "question" or (claim.kind == "attribution" and asking
                                         and (claim.speaker or "").lower() not in FIRST_PERSON):
        return ASKED
    if claim.modality == "proposal":
        return OPTIONS
    if claim.modality == "opinion":
        return VIEW
    if claim.kind == "event":
        return HAPPENED
    if claim.kind in ("cause", "comparison"):
        return REASONS
    return SITUATION


def _fact(span: Span, claim, context: _Context) -> dict[str, Any]:
    """The fact in a line (its modality first unless asserted), the claim itself as evidence."""
    evidence = {"text": _quote(claim.text, context.quote_words), "section": context.section_id(span.start_char),
                "line": claim.line}
    return {
        "label": group_of(claim),
        "summary": MODALITY_PREFIX.get(claim.modality, "") + _fact_text(claim),
        "modality": claim.modality,
        "kind": claim.kind,
        "evidence": [evidence],
    }


def _fact_text(claim) -> str:
    """The claim in a few words; for a figure, the words around the figure, so it is never cut."""
    words = claim.text.lstrip("-*•◦ ").split()
    if len(words) <= FACT_SUMMARY_WORDS or not claim.quantities:
        return _quote(claim.text, FACT_SUMMARY_WORDS)
    # Every figure stays in view: "not a 10% increase … but a 2x increase" loses its point without both.
    at = [n for q in claim.quantities for n, w in enumerate(words) if q.text.split()[0] in w] or [0]
    length = max(FACT_SUMMARY_WORDS, min(max(at) - min(at) + 4, 2 * FACT_SUMMARY_WORDS))
    centre = (min(at) + max(at)) // 2
    start = max(0, min(centre - length // 2, len(words) - length))
    end = start + length
    return ("… " if start else "") + " ".join(words[start:end]) + (" …" if end < len(words) else "")


def option_takeaway(context: _Context) -> dict[str, Any] | None:
    """Options laid out as bracketed labels under one heading, and the one the writer favours."""
    by_parent: dict[int | None, list[Section]] = defaultdict(list)
    for section in context.sections:
        if section.cue == "bracket":
            by_parent[section.parent].append(section)
    groups = [group for group in by_parent.values() if len(group) >= 2]
    if not groups:
        return None
    options = max(groups, key=len)
    favoured = max(options, key=lambda s: context.option_support.get(s.id, 0.0))
    names = "; ".join(f"“{option_name(s.title)}”" for s in options)
    summary = f"{len(options)} options are laid out: {names}."
    modality = "asserted"
    if context.option_support.get(favoured.id, 0.0) > 0:
        summary += f" The writer favours “{option_name(favoured.title)}”."
        modality = "opinion"
    return {
        "label": OPTIONS,
        "summary": summary,
        "modality": modality,
        "kind": "state",
        # The favoured option's whole label carries the writer's reason; the others need only their names.
        "evidence": [{"text": s.title if s is favoured and modality == "opinion" else option_name(s.title),
                      "section": s.id, "line": s.line} for s in options],
    }


def option_name(title: str) -> str:
    """ "(catch-up team) - the null hypothesis" is the option "catch-up team"."""
    match = re.match(r"^[(\[]([^()\[\]]+)[)\]]", title)
    return match.group(1).strip() if match else title


def _diverse(facts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Facts in reading order: the best of each group by the slot plan, then the rest by
    information, up to each group's limit."""
    pools: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for fact in facts:
        if len(pools[fact["label"]]) < GROUP_LIMIT.get(fact["label"], DEFAULT_GROUP_LIMIT):
            pools[fact["label"]].append(fact)
    ordered = [pools[group].pop(0) for group in SLOT_PLAN if pools.get(group)]
    return ordered + [fact for fact in facts if any(fact is f for pool in pools.values() for f in pool)]


def fit_budget(emotional: list[dict[str, Any]], factual: list[dict[str, Any]], budget: int) -> dict[str, Any]:
    """Keep the highest-ranked takeaways that fit: themes and facts alternate in priority, and a
    takeaway that does not fit with all its quotes is tried with one. The first is always kept,
    so even a note too short for the budget says its main point.

    Two counts must fit: the words a reader reads (``budget``: 600, or a quarter of a short
    document), and the digest's JSON, keys and all, which may never pass 600 words.
    """
    kept: dict[str, list[dict[str, Any]]] = {"emotional": [], "factual": []}
    read = written = 0
    # Once a list's next takeaway does not fit, the lesser ones after it are not squeezed in.
    closed: set[str] = set()
    for kind, item in _interleave(("emotional", emotional), ("factual", factual)):
        if kind in closed:
            continue
        shortest = {**item, "evidence": item["evidence"][:1]}
        fitting = [c for c in (item, shortest)
                   if read + digest_words(c) <= budget and written + json_words(c) <= DIGEST_WORDS]
        if fitting or not (kept["emotional"] or kept["factual"]):
            chosen = fitting[0] if fitting else shortest
            kept[kind].append(chosen)
            read += digest_words(chosen)
            written += json_words(chosen)
        else:
            closed.add(kind)
    return {**kept, "words": read, "budget": budget}


def _interleave(*lists: tuple[str, list]) -> list[tuple[str, Any]]:
    """(kind, item) pairs taking the first of each list, then the second of each, and so on."""
    longest = max(len(items) for _, items in lists)
    return [(kind, items[i]) for i in range(longest) for kind, items in lists if i < len(items)]


def digest_words(takeaway: Mapping[str, Any]) -> int:
    """Words a reader reads for one takeaway: its label, its summary and the quotes that do
    not restate it (a fact's evidence is the claim its summary opens with)."""
    texts = [takeaway["label"], takeaway["summary"]]
    texts += [e["text"] for e in takeaway["evidence"] if not _restates(takeaway["summary"], e["text"])]
    return sum(len(_WORD.findall(t)) for t in texts)


def _restates(summary: str, quote: str) -> bool:
    opening = " ".join(quote.split()[:RESTATED_WORDS])
    return opening in summary


def json_words(takeaway: Mapping[str, Any]) -> int:
    """A takeaway's size as its JSON reads, keys and figures included."""
    return len(json.dumps(takeaway, ensure_ascii=False).split())


# -- the pieces of a summary ------------------------------------------------------------


def _strength(tally: _Tally, context: _Context) -> float:
    """0 to 1 from the theme's markers per 100 words, over the document and where it peaks:
    a theme written into one section is a takeaway even in a long memo. 0.5 is one marker-weight
    per 100 words."""
    overall = tally.total / max(context.words, 1) * 100
    peak = max(context.density(sid, weight) for sid, weight in tally.by_section.items())
    density = (overall + peak) / 2
    return density / (density + 1)


def _theme_summary(theme: Theme, tally: _Tally, strength: float, sections: list[int], peak: int,
                   context: _Context) -> str:
    degree = "Strong" if strength >= 0.6 else "Clear" if strength >= 0.35 else "Some"
    where = ""
    if len(context.titled) > 1:
        where = f", densest in {context.title(peak)}"
    examples = ", ".join(f"“{w}”" for w in tally.examples())
    if context.budget < TERSE_BUDGET:
        return f"{examples}."
    return f"{degree} {theme.describes}{where}: {examples}."


def _strongest_sentences(doc: Doc, tally: _Tally, context: _Context) -> list[dict[str, Any]]:
    """The sentences carrying the most of a theme, from different sections first."""
    weights = tally.by_sentence
    ranked = sorted(weights, key=lambda key: (-weights[key], key[0]))
    picked: list[tuple[int, int]] = []
    sections: set[int | None] = set()
    for repeat_sections in (False, True):
        for key in ranked:
            section = context.section_id(doc[key[0]].idx)
            if len(picked) == context.evidence_limit or key in picked or (section in sections and not repeat_sections):
                continue
            picked.append(key)
            sections.add(section)
    return [
        {"text": _window(doc[start:end], tally.anchors[(start, end)], context.quote_words),
         "section": context.section_id(doc[start].idx),
         "line": context.line_of(doc[start].idx)}
        for start, end in sorted(picked)
    ]


def _window(sentence: Span, anchor: int, length: int) -> str:
    """The sentence, or as much of it around ``anchor`` (a token index) as a quote allows."""
    words = [t for t in sentence if not t.is_space]
    if len(words) <= length:
        return " ".join(sentence.text.split())
    at = next((n for n, t in enumerate(words) if t.i >= anchor), 0)
    start = max(0, min(at - length // 3, len(words) - length))
    end = start + length
    text = sentence.doc[words[start].i : words[end - 1].i + 1].text
    return ("… " if start else "") + " ".join(text.split()) + (" …" if end < len(words) else "")


def _quote(text: str, length: int) -> str:
    """A claim as a reader sees it: spaces and list bullets tidied, long ones cut at the quote length."""
    words = text.lstrip("-*•◦ ").split()
    return " ".join(words) if len(words) <= length else " ".join(words[:length]) + " …"


def _content_words(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[A-Za-z0-9%$]+", text) if len(w) > 3 or not w.isalpha()}


def _overlap(a: set[str], b: set[str]) -> float:
    """Shared content words over the shorter claim's: a claim restated at more length is the same fact."""
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


@dataclass
class _Context:
    """What the takeaways need to know about the doc's sections, computed once."""

    sections: list[Section]
    starts: list[int]
    words_by_section: dict[int, int]
    words: int  # the whole document's, headings included, as report.document.words
    option_support: dict[int, float]
    lines: Any
    body: set[tuple[int, int]]

    @classmethod
    def of(cls, doc: Doc, stance: OptionStance) -> _Context:
        groups = body_sentences(doc)
        spans = [span for span, _ in groups if span is not None]
        sections = [span._.analyzer_section for span in spans]
        words_by_section = {s.id: sum(word_count(x) for x in sents)
                            for s, (_, sents) in zip(sections, groups)}
        words = word_count(doc)
        body = {(sent.start, sent.end) for _, sents in groups for sent in sents}
        return cls(sections, [span.start_char for span in spans], words_by_section, words,
                   _option_support(spans, stance), extensions.line_index(doc), body)

    @property
    def budget(self) -> int:
        """Digest words allowed: 600, or a quarter of a short document."""
        return min(DIGEST_WORDS, max(1, int(self.words * SHORT_DOCUMENT_SHARE)))

    @property
    def roomy(self) -> bool:
        return self.budget >= ROOMY_BUDGET

    @property
    def evidence_limit(self) -> int:
        return MAX_EVIDENCE if self.roomy else 1

    @property
    def quote_words(self) -> int:
        return max(MIN_QUOTE_WORDS, min(MAX_QUOTE_WORDS, self.budget // 4))

    @property
    def titled(self) -> list[Section]:
        return [s for s in self.sections if s.title is not None]

    def section_id(self, char: int) -> int | None:
        from bisect import bisect_right

        slot = bisect_right(self.starts, char) - 1
        return self.sections[slot].id if slot >= 0 else None

    def density(self, section_id: int | None, weight: float) -> float:
        words = self.words_by_section.get(section_id, 0)
        return weight / max(words, MIN_PEAK_WORDS) * 100

    def title(self, section_id: int | None) -> str:
        section = next((s for s in self.sections if s.id == section_id), None)
        return f"“{section.title}”" if section and section.title else "the opening"

    def line_of(self, char: int) -> int:
        return self.lines.line_of(char)


def _option_support(spans: Iterable[Span], stance: OptionStance) -> dict[int, float]:
    """How warmly the writer speaks of each bracketed option, in its heading and body."""
    return {span._.analyzer_section.id: stance(span.text) for span in spans
            if span._.analyzer_section.cue == "bracket"}


@Language.factory(
    "analyzer_takeaways",
    assigns=["doc._.analyzer_takeaways"],
    requires=["doc.spans"],
    default_config={},
)
def make_takeaways(nlp: Language, name: str) -> TakeawayBuilder:
    """The digest of emotional themes and key facts, from the markers and claims on the doc."""
    extensions.register()
    return TakeawayBuilder(load_themes(), OptionStance())
