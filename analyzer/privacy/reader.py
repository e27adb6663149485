"""What one document looks like to the name rules: its lines, words and runs of name words.

Every step of detection (evidence, verdict, mentions) reads the document through a
``NameReader``: facts computed once (which words the text writes in lower case, which the model
tags as organisations, which lines are headings, which characters lie in an e-mail, URL or an
allow-listed name) and the question all the rules share, "which run of name words holds this
token?". It changes nothing once built, so the steps can run in any order.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from .. import extensions
from ..text.lines import LineIndex
from .mention import PERSON
from .names import fold, is_caps, is_name_word, is_plain_word
from .patterns import PiiPatterns

# Entity labels that make a word something other than a person when the model is sure.
NON_PERSON_ENTS = frozenset({"ORG", "PRODUCT", "FAC", "WORK_OF_ART", "LAW", "EVENT", "LANGUAGE"})
# Tokens inside these entities are never part of a name ("Dana Monday"); the model also
# tags unfamiliar names as organisations, products, works and buildings ("[09:15] Tomasz
# Wielgosz:" as a title, "Ingrid will step in" as a facility), so those are judged like any word.
NOT_IN_NAMES = NON_PERSON_ENTS | {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"}
_MISREAD_NAMES = frozenset({"ORG", "PRODUCT", "WORK_OF_ART", "FAC"})
# Tagger verdicts that a capitalised word is a common word, not a name.
COMMON_TAGS = frozenset({"NN", "NNS", "JJ", "JJR", "JJS", "RB", "VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "UH"})
# Closed-class words are never names, capitalised or not ("This PEP", "Our Data", "Those who"),
# nor a preposition, conjunction or "when" that opens a sentence or a title-case line ("As
# Whitfield argued", "When Dana joined", "Notes From Dana"). Modal verbs may be given names
# ("Will", "May"), so they are left to the other evidence.
FUNCTION_TAGS = frozenset({"DT", "PDT", "PRP", "PRP$", "WDT", "WP", "WP$", "EX", "IN", "CC", "TO", "WRB"})
MAX_NAME_WORDS = 4
HYPHENS = ("-", "‐")
HYPHEN_TAIL_LENGTH = 4


@dataclass(frozen=True)
class Masks:
    """Characters no name can start in: inside e-mails and URLs, or inside allow-listed names."""

    blocked: bytes
    allowed: bytes


# Words (tokens) a line of prose holds at least: more than a name and its marks.
WRAPPED_LINE_WORDS = 6


class NameReader:
    """Read-only facts about one document and the runs of name words in it; ``known`` says
    whether a word (lower case) is in the pipeline's dictionary."""

    def __init__(self, doc: Doc, patterns: PiiPatterns, masks: Masks, known: Callable[[str], bool]) -> None:
        self.doc = doc
        self.known = known
        self.text = doc.text
        self.patterns = patterns
        self.words = patterns.words
        self.prefixes = patterns.words["name_prefix"]
        cues = ("greeting", "signoff", "thanks", "title", "header", "group")
        self.cue_words = {w for role in cues for phrase in patterns.words[role] for w in phrase.split()}
        self.masks = masks
        self.index: LineIndex = extensions.line_index(doc)
        self.lines = self._tokens_by_line()
        self.lower_words = Counter(t.text for t in doc if t.text.islower() and t.is_alpha)
        self.ent_labels = self._entity_labels()
        self.places = self._places()
        spans = doc.spans.get(extensions.SECTIONS, [])
        self.heading_lines = {s._.analyzer_section.line for s in spans if s._.analyzer_section.title is not None}
        self.header_folds = self._header_folds(doc)

    def _header_folds(self, doc: Doc) -> set[int]:
        """The lines that go on with a header of people: the fold of a long "To:" line, an
        item of a front-matter "authors:" list."""
        outline = doc._.analyzer_outline
        if outline is None:
            return set()
        meta = outline.metadata
        blocks = [*meta.headers, *([meta.front] if meta.front else [])]
        return {n for block in blocks for n, key in block.folded if key in self.words["header"]}

    def _tokens_by_line(self) -> dict[int, list[Token]]:
        lines: dict[int, list[Token]] = defaultdict(list)
        for token in self.doc:
            if not token.is_space:
                lines[self.index.line_of(token.idx)].append(token)
        return lines

    def _entity_labels(self) -> dict[str, Counter[str]]:
        labels: dict[str, Counter[str]] = defaultdict(Counter)
        for ent in self.doc.ents:
            for token in ent:
                labels[fold(token.text)][ent.label_] += 1
        return labels

    def _places(self) -> dict[str, list[int]]:
        """Where each word is written, folded: the rules ask this for every candidate name, and
        folding the whole document once per name made long documents slow."""
        places: dict[str, list[int]] = defaultdict(list)
        for token in self.doc:
            places[fold(token.text)].append(token.i)
        return places

    def line_of(self, token: Token) -> int:
        return self.index.line_of(token.idx)

    def blocked(self, char: int) -> bool:
        return bool(self.masks.blocked[char])

    def allowed(self, char: int) -> bool:
        return bool(self.masks.allowed[char])

    # -- one word ------------------------------------------------------------------------

    def name_like(self, token: Token, judge_position: bool = True) -> bool:
        """Shaped like a word of a name, and not a cue, organisation, date or function word."""
        if not (is_name_word(token.text, self.prefixes) or self._run_together_in_a_name(token)) \
                or self.blocked(token.idx) or self.allowed(token.idx):
            return False
        folded = fold(token.text)
        if folded in self.cue_words or folded in self.words["org"] or token.tag_ in FUNCTION_TAGS:
            return False
        if token.ent_type_ in NOT_IN_NAMES - _MISREAD_NAMES or in_date(token):
            return False
        if is_caps(token.text):
            # "HAS", "TOLD": in ALL-CAPS text the tagger still knows verbs and function words.
            return not token.is_stop and token.tag_ not in COMMON_TAGS - {"NN", "NNS"}
        return token.ent_type_ == PERSON or not judge_position or not self.common_word(token)

    def _run_together_in_a_name(self, token: Token) -> bool:
        """A given name run together in camel case ("JoAnn") where the parser reads it as
        part of a person's name with another name word ("JoAnn Whitfield"). Alone, an inner
        capital marks a product ("JetBrains"), and ``is_name_word`` refuses it."""
        if token.ent_type_ != PERSON or not is_plain_word(token.text) or not token.text[0].isupper() \
                or is_caps(token.text):
            return False
        start = token.i
        while start > 0 and self.doc[start].ent_iob_ == "I":
            start -= 1
        end = start + 1
        while end < len(self.doc) and self.doc[end].ent_iob_ == "I":
            end += 1
        return any(is_name_word(t.text, self.prefixes) for t in self.doc[start:end] if t.i != token.i)

    def common_word(self, token: Token) -> bool:
        """A capital that only the position explains, on a word the tagger reads as common.

        Mid-sentence, a capital is the writer's own sign of a name, stronger than the tagger
        (which reads the unknown "Nguyễn" as a verb); at the start of a sentence or line the
        tagger is all we have ("Yesterday", "Leadership is").
        """
        if token.tag_ not in COMMON_TAGS or not token.text.isascii():
            return False
        prev = token.nbor(-1) if token.i > 0 else None
        return (prev is None or token.is_sent_start or prev.is_punct or prev.is_space
                or self.line_of(prev) != self.line_of(token))

    def org_word(self, token: Token) -> bool:
        return fold(token.text) in self.words["org"]

    def role_word(self, token: Token) -> bool:
        """A job title's word: "Director", "CFO", "Lead"."""
        return fold(token.text) in self.words["role"]

    def people_word(self, token: Token) -> bool:
        """A word for people written as a common noun ("members", "the finance team") or a
        job title's word: what a person is, never a name or a thing."""
        return (token.is_lower and token.lower_ in self.words["people_noun"]) or self.role_word(token)

    # -- runs of name words --------------------------------------------------------------

    def run_at(self, i: int, limit: tuple[int, int] | None = None,
               trust_anchor: bool = False) -> tuple[int, int] | None:
        """The run of name words (with particles such as "van") holding token ``i``, on one line."""
        doc = self.doc
        lo, hi = limit or (0, len(doc))
        if not (trust_anchor or self.name_like(doc[i])):
            return None
        line = self.line_of(doc[i])
        start = end = i
        while start - 1 >= lo and self._joins(doc[start - 1], line, -1):
            start -= 1
        while end + 1 < hi and self._joins(doc[end + 1], line, 1):
            end += 1
        start = self._wrapped_on(start, -1, lo)
        end = self._wrapped_on(end, 1, hi - 1)
        # A job title written before a name is not part of it: "Managing Director Ilse Brandt".
        titles = [k for k in range(start, i) if self.role_word(doc[k])]
        start = titles[-1] + 1 if titles else start
        while start <= end and doc[start].lower_ in self.words["particle"]:
            start += 1
        if start > end:
            return None  # particles alone ("la" in "a mansion in LA") name nobody
        if self.touches_org(start, end + 1) or len(self.name_words(start, end + 1)) > MAX_NAME_WORDS:
            return None
        return start, end + 1

    def _joins(self, token: Token, line: int, step: int) -> bool:
        """Whether ``token`` belongs to the name run it borders, which grows by ``step`` (1 to
        the right, -1 to the left): a name word, or a particle or hyphen with a name word
        beyond it. Particles may come in a row ("van der Berg", "de la Cruz")."""
        if self.line_of(token) != line or token.is_space:
            return False
        beyond = self._token(token.i + step)
        if token.lower_ in self.words["particle"]:
            while beyond is not None and beyond.lower_ in self.words["particle"]:
                beyond = self._token(beyond.i + step)
            return beyond is not None and self.name_like(beyond)
        if token.text in HYPHENS and not token.whitespace_ and token.i > 0 and not token.nbor(-1).whitespace_:
            # "Okonkwo-Adeyemi", "Hyun-woo"
            return beyond is not None and (self.name_like(beyond) or hyphen_tail(beyond))
        return self.name_like(token) or hyphen_tail(token)

    def _wrapped_on(self, edge: int, step: int, bound: int) -> int:
        """The run's edge moved past a line break to the name word beyond it, where a wrapped
        line broke a name in two ("Thanks to [Ana" / "Berg] for…") and the parse joins the
        halves (one word is a compound of the other); else ``edge`` as it is. Both lines must
        hold more than names, in words in lower case, and one of them be a line of prose: the
        lines of a roster, one name each, are names of their own even where the parse joins them."""
        gap = self._token(edge + step)
        beyond = self._token(edge + 2 * step)
        if gap is None or beyond is None or not gap.is_space or gap.text.count("\n") != 1 \
                or (beyond.i - bound) * step > 0 or not self.name_like(beyond):
            return edge
        lines = [self.lines[self.line_of(t)] for t in (self.doc[edge], beyond)]
        if not all(any(t.is_lower and t.is_alpha for t in line) for line in lines) \
                or max(len(line) for line in lines) < WRAPPED_LINE_WORDS:
            return edge
        near = self.doc[edge]
        linked = (near.dep_ == "compound" and near.head.i == beyond.i) or \
            (beyond.dep_ == "compound" and beyond.head.i == near.i)
        return beyond.i if linked else edge

    def _token(self, i: int) -> Token | None:
        return self.doc[i] if 0 <= i < len(self.doc) else None

    def touches_org(self, start: int, end: int) -> bool:
        """A run next to an organisation word is a team or company name ("Atlas Team")."""
        doc = self.doc
        after = doc[end] if end < len(doc) else None
        team_word = after is not None and self.org_word(after) and (
            not after.is_lower or after.pos_ == "NOUN")  # "the Strat team", not "told Dana support"
        return team_word or any(self.org_word(t) for t in doc[start:end])

    def name_words(self, start: int, end: int) -> tuple[str, ...]:
        """A name's own words, without particles and initials: ("María", "Cruz")."""
        return tuple(t.text for t in self.doc[start:end]
                     if len(t.text) > 1 and not t.is_space and t.lower_ not in self.words["particle"] and not initial(t))

    def key(self, start: int, end: int) -> tuple[str, ...]:
        """The name's identity: its own words, folded ("maria", "cruz")."""
        return tuple(fold(w) for w in self.name_words(start, end))


_INITIALS = re.compile(r"(?:[A-Z]\.){1,4}")


def initial(token: Token) -> bool:
    """"W." in "Dana W.", "C.J.T." in "C.J.T. Okonkwo": part of a name, too short to identify
    anyone alone."""
    return bool(_INITIALS.fullmatch(token.text))


def hyphen_tail(token: Token) -> bool:
    """The lower-case second half of a hyphenated given name ("Hyun-woo", "Ji-hoon").

    Only short nouns: "Dana-led" and "Cody-based" are verbs, "Dana-style" too long.
    """
    if token.i < 2 or not (token.is_alpha and token.is_lower and len(token) <= HYPHEN_TAIL_LENGTH):
        return False
    hyphen = token.nbor(-1)
    return (hyphen.text in HYPHENS and not hyphen.whitespace_ and not token.nbor(-2).whitespace_
            and token.tag_ in ("NN", "NNS", "NNP", "NNPS") and not token.is_stop)


def in_date(token: Token) -> bool:
    """"4 Mar 2025", "Mar 2025": a word between numbers, or before a year, is part of a date."""
    doc = token.doc
    before = doc[token.i - 1] if token.i > 0 else None
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    year = after is not None and after.like_num and len(after.text) == 4
    return year or (before is not None and after is not None and before.like_num and after.like_num)
