"""``analyzer_pii``: find the people (and their e-mails, phones, profile URLs and IDs) in a memo.

The small English model misses many names (it reads "Quinn" as a place, "Rafał" as an
organisation) and tags product and team names as people ("Cody", "Strat", "Bank Z"). So a
name is accepted on evidence, weighed per distinct name over the whole document:

- strong evidence: a greeting ("Hi Dana,"), a sign-off ("Thanks, Priya" or a name under
  "Best,"), a header ("From:", "Cc:"), a chat or transcript speaker, a title ("Dr."), being
  addressed ("Ravi, can you"), being the subject or object of a verb that takes a person
  ("Quinn wants", "told Quinn"), being coordinated with a personal pronoun ("Björn and I"),
  a following "who", the deny list;
- medium evidence: the model's PERSON entity, being listed with an accepted person
  ("Rafał and Erik"), or being called "he" or "she" next. Medium evidence is enough unless
  the name also looks like something else: a word the document uses in lower case
  ("strat"), a common noun to the tagger ("Leadership is"), a heading or "Label:" word, a
  modifier of a common noun ("Cody teams"), a thing used or worked in ("uses Cody"), an
  organisation the model tags as such at least twice, or coordinated with one;
- never a person: anything on the allow list, a phrase with an organisation or department
  word ("Bank Z", "Atlas Team", "Leadership"), a product-shaped word ("JetBrains",
  "Node.js"), a short acronym, a word of a date ("4 Mar 2025").

Every occurrence of an accepted name's words then counts as a mention, in any case
("DANA"), widened to the capitalised words around it ("Priya" -> "Priya Raman").
Results: ``doc.spans["analyzer_pii"]`` (labels PERSON, HANDLE, EMAIL, PHONE, URL, ID) and
``doc._.analyzer_pii``, a ``Detection`` that also says why each name was taken or left.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .. import extensions
from .context import term_regex
from .names import fold, is_caps, is_name_word, is_word
from .patterns import PiiPatterns, load_patterns, read_names

SPANS_KEY = "analyzer_pii"
PERSON, HANDLE = "PERSON", "HANDLE"
# Entity labels that make a word something other than a person when the model is sure.
NON_PERSON_ENTS = {"ORG", "PRODUCT", "FAC", "WORK_OF_ART", "LAW", "EVENT", "LANGUAGE"}
# Tokens inside these entities are never part of a name ("Dana Monday"); the model also
# tags unfamiliar names as organisations and products, so those two are judged like any word.
NOT_IN_NAMES = NON_PERSON_ENTS | {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"}
# Parts of speech a lower-case word takes when it is an ordinary word, not a name ("will").
ORDINARY_POS = {"VERB", "AUX", "ADJ", "ADV", "ADP", "DET", "PRON", "CCONJ", "SCONJ", "PART", "NUM"}
# Tagger verdicts that a capitalised word is a common word, not a name.
COMMON_TAGS = {"NN", "NNS", "JJ", "JJR", "JJS", "RB", "VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "UH"}
# A lower-case word in these roles is a noun phrase: a name written in lower case ("greta added").
NOMINAL_ROLES = {"nsubj", "nsubjpass", "dobj", "pobj", "dative", "appos"}
LIST_JOINERS = {",", "and", "or", "&"}
# How far after "Name," a job title may end: "Senior Staff Engineer".
ROLE_WINDOW = 3
NAME_STOPS = {":", "|", "<", "(", "[", "—", "–", "-", "--", "/", "!", "?", ";"}
MAX_NAME_WORDS = 4
# Single ALL-CAPS words this short are acronyms ("HR", "QA") unless strongly evidenced.
ACRONYM_LENGTH = 3
PHONE_MIN_DIGITS, PHONE_MAX_DIGITS = 7, 15
HYPHEN_TAIL_LENGTH = 4
# A user name as a chat speaker: "<jsmith>" or "jsmith:" right after the time stamp.
_CHAT_NICK = re.compile(r"<([\w.-]+)>|([\w.-]+):")
# A document with this many lines opened by "Full Name:" is a transcript: those are speakers.
TRANSCRIPT_LINES = 2


@dataclass(frozen=True)
class Mention:
    label: str
    text: str
    start: int
    end: int
    # For a name, its words as written, without particles and initials ("María", "Cruz").
    words: tuple[str, ...] = ()


@dataclass(frozen=True)
class Detection:
    """Everything the pseudonyms, the redaction and the leak check need from the document."""

    mentions: tuple[Mention, ...]
    # Each accepted name (its folded words) with the evidence that made it a person.
    people: dict[tuple[str, ...], tuple[str, ...]]
    # Candidates kept as non-persons, with the reason (so a reviewer can see why "Cody" stayed).
    rejected: dict[str, tuple[str, ...]]
    # Name words the document also uses as ordinary lower-case words ("will", "mark").
    ordinary_words: frozenset[str]


@dataclass
class _Candidate:
    text: str
    strong: set[str] = field(default_factory=set)
    medium: set[str] = field(default_factory=set)
    runs: list[tuple[int, int]] = field(default_factory=list)


class PiiDetector:
    """Rules and lists built once per pipeline; each call only reads a document."""

    def __init__(self, patterns: PiiPatterns, allow: Iterable[str] = (), deny: Iterable[str] = ()) -> None:
        self.patterns = patterns
        self.words = patterns.words
        self.prefixes = patterns.words["name_prefix"]
        cues = ("greeting", "signoff", "thanks", "title", "header", "group")
        self.cue_words = {w for role in cues for phrase in patterns.words[role] for w in phrase.split()}
        self.phrases = {role: patterns.phrases(role) for role in ("greeting", "signoff", "header")}
        # Read backwards from a name: "thank you" ends just before "Priya".
        self.thanks_reversed = [phrase[::-1] for phrase in patterns.phrases("thanks")]
        self.allow = term_regex((name, False) for name in allow)
        self.deny = term_regex((name, False) for name in deny)

    def __call__(self, doc: Doc) -> Doc:
        scan = _Scan(self, doc)
        detection = scan.run()
        doc._.analyzer_pii = detection
        doc.spans[SPANS_KEY] = [
            span for m in detection.mentions
            if (span := doc.char_span(m.start, m.end, label=m.label, alignment_mode="expand")) is not None
        ]
        return doc


class _Scan:
    """The working state for one document: candidates, evidence and the verdicts."""

    def __init__(self, detector: PiiDetector, doc: Doc) -> None:
        self.d = detector
        self.doc = doc
        self.text = doc.text
        self.index = extensions.line_index(doc)
        self.mentions: list[Mention] = []
        self.candidates: dict[tuple[str, ...], _Candidate] = {}
        self.rejected: dict[str, set[str]] = defaultdict(set)
        self.blocked = bytearray(len(self.text) + 1)  # characters inside e-mails and URLs
        self.allowed = bytearray(len(self.text) + 1)
        self.lines = self._tokens_by_line()
        self.lower_words = Counter(t.text for t in doc if t.text.islower() and t.is_alpha)
        self.ent_labels = self._entity_labels()
        self.heading_lines = self._heading_lines()

    # -- setup ---------------------------------------------------------------------------

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

    def _heading_lines(self) -> set[int]:
        spans = self.doc.spans.get(extensions.SECTIONS, [])
        return {s._.analyzer_section.line for s in spans if s._.analyzer_section.title is not None}

    # -- the steps -----------------------------------------------------------------------

    def run(self) -> Detection:
        for start, end in _spans(self.d.allow, self.text):
            self.allowed[start:end] = b"\x01" * (end - start)
        self._find_patterns()
        self._find_candidates()
        accepted = self._decide()
        self._mention_people(accepted)
        self._find_named_urls(accepted)
        ordinary = self._ordinary_words(accepted)
        self.mentions.sort(key=lambda m: (m.start, -m.end))
        people = {k: tuple(sorted(self.candidates[k].strong | self.candidates[k].medium)) for k in accepted}
        # A rejected form whose words all belong to a person ("Ngozi" of "Ngozi Okonkwo") was redacted.
        words = {w for k in accepted for w in k}
        rejected = {text: tuple(sorted(reasons)) for text, reasons in self.rejected.items()
                    if not set(fold(text).split()) <= words}
        return Detection(tuple(_dedupe(self.mentions)), people, rejected, ordinary)

    def _find_patterns(self) -> None:
        regexes = self.d.patterns.regexes
        for label in ("EMAIL", "URL"):
            for start, end in self._matches(regexes[label]):
                if not self.blocked[start]:
                    self.blocked[start:end] = b"\x01" * (end - start)
                    if label == "EMAIL":
                        self.mentions.append(Mention("EMAIL", self.text[start:end], start, end))
        for start, end in self._matches(regexes["ID"]):
            if not self.blocked[start]:
                self.blocked[start:end] = b"\x01" * (end - start)
                self.mentions.append(Mention("ID", self.text[start:end], start, end))
        for start, end in self._matches(regexes[HANDLE]):
            handle = self.text[start:end]
            if fold(handle) not in self.d.words["group"] and not self.allowed[start]:
                self.mentions.append(Mention(HANDLE, "@" + handle, start - 1, end, (handle,)))
        for start, end in self._matches(regexes["PHONE"]):
            if not self.blocked[start] and _is_phone(self.text[start:end]):
                self.mentions.append(Mention("PHONE", self.text[start:end], start, end))

    def _matches(self, regexes: list[re.Pattern[str]]) -> Iterable[tuple[int, int]]:
        for regex in regexes:
            for m in regex.finditer(self.text):
                yield m.span("pii") if "pii" in regex.groupindex else m.span()

    # -- candidates and their evidence --------------------------------------------------

    def _find_candidates(self) -> None:
        for ent in self.doc.ents:
            if ent.label_ == PERSON:
                self._ner_candidate(ent)
        for line, tokens in self.lines.items():
            self._line_rules(line, tokens)
        self._transcript_speakers()
        for token in self.doc:
            self._token_rules(token)
        for start, end in _spans(self.d.deny, self.text):
            span = self.doc.char_span(start, end, alignment_mode="expand")
            if span is not None:
                self._add(span.start, span.end, "deny list", strong=True)

    def _ner_candidate(self, ent: Span) -> None:
        words = [t for t in ent if not t.is_space]
        if any(fold(t.text) in self.d.words["org"] for t in words):
            self.rejected[ent.text.strip()].add("organisation word")
            return
        runs = self._runs_in(words[0].i if words else ent.start, ent.end)
        for start, end in runs:
            self._add(start, end, "model: PERSON")
        if not runs:
            touches = self._touches_org(ent.start, ent.end)
            self.rejected[ent.text.strip()].add("next to an organisation word" if touches else "not shaped like a name")

    def _runs_in(self, start: int, end: int) -> list[tuple[int, int]]:
        """The runs of name-like tokens between two token indices."""
        runs, i = [], start
        while i < end:
            run = self._run_at(i, limit=(start, end))
            if run:
                runs.append(run)
                i = run[1]
            else:
                i += 1
        return runs

    def _line_rules(self, line: int, tokens: list[Token]) -> None:
        start = self.index.start_of(line)
        stamp = next((m for r in self.d.patterns.regexes["CHAT_STAMP"] if (m := r.match(self.text, start))), None)
        if stamp:
            self._chat_speaker(line, tokens, stamp.end())
        lowered = [t.lower_ for t in tokens]
        if (n := _starts_with(lowered, self.d.phrases["greeting"])) and n < len(tokens):
            self._names_after(tokens, n, "greeting")
        if n := _starts_with(lowered, self.d.phrases["header"]):
            if n < len(tokens) and tokens[n].text == ":":
                self._names_after(tokens, n + 1, "header", joiners=LIST_JOINERS | {";"})
        if n := _starts_with(lowered, self.d.phrases["signoff"]):
            rest = [t for t in tokens[n:] if not t.is_punct]
            if rest:
                self._names_after(tokens, n, "sign-off")
            else:
                self._name_line_below(line, "sign-off")
        if lowered and lowered[0] in ("—", "–", "--") and len(tokens) <= 1 + MAX_NAME_WORDS:
            self._names_after(tokens, 1, "signature")

    def _transcript_speakers(self) -> None:
        """"Olivia Brennan: okay, let's start." on several lines: the labels are speakers.

        Only full names (two words or more): one-word labels ("Note:", "Background:") are the
        memo's own headings far more often than a speaker.
        """
        labels = []
        for tokens in self.lines.values():
            run = self._run_at(tokens[0].i)
            if run and run[1] < len(self.doc) and self.doc[run[1]].text == ":" and len(self._words(*run)) > 1:
                labels.append(run)
        if len(labels) >= TRANSCRIPT_LINES:
            for run in labels:
                self._add(*run, "transcript speaker", strong=True)

    def _chat_speaker(self, line: int, tokens: list[Token], after_stamp: int) -> None:
        """The speaker after a time stamp: "[09:14] Kofi Mensah:", or a user name ("<jsmith>")."""
        nick = _CHAT_NICK.match(self.text, after_stamp)
        group = nick and (1 if nick.group(1) else 2)
        if nick and nick.group(group).islower():
            begin, end = nick.span(group)
            self.mentions.append(Mention(HANDLE, nick.group(group), begin, end, (nick.group(group),)))
            return
        colon = next((i for i, t in enumerate(tokens) if t.text == ":" and
                      self.index.line_of(t.idx) == line and not t.nbor(-1).like_num), None)
        if colon is None:
            return
        start = next((i for i, t in enumerate(tokens[:colon]) if t.is_alpha), None)
        if start is not None:
            self._names_after(tokens[:colon], start, "chat speaker")

    def _name_line_below(self, line: int, reason: str) -> None:
        for below in (line + 1, line + 2):
            tokens = self.lines.get(below)
            if tokens:
                cut = next((i for i, t in enumerate(tokens) if t.text in NAME_STOPS | {","}), len(tokens))
                words = tokens[:cut]
                if 0 < len(words) <= MAX_NAME_WORDS and all(self._name_like(t) or _initial(t) for t in words):
                    self._names_after(words, 0, reason)
                return

    def _names_after(self, tokens: list[Token], first: int, reason: str,
                     joiners: set[str] = LIST_JOINERS) -> None:
        """Names in a greeting, header or sign-off: runs separated by joiners, up to a stop."""
        i = first
        while i < len(tokens):
            token = tokens[i]
            if token.lower_ in joiners or token.lower_ in self.d.words["title"] or _initial(token) \
                    or token.text in {".", "'", '"', "“", "”"} or self.blocked[token.idx]:
                i += 1
                continue
            run = self._run_at(token.i, limit=(tokens[0].i, tokens[-1].i + 1))
            if run is None:
                if fold(token.text) in self.d.words["group"] or token.is_punct:
                    i += 1
                    continue
                return
            self._add(*run, reason, strong=True)
            i += run[1] - token.i

    def _token_rules(self, token: Token) -> None:
        """Evidence from the words around a name; each word of the name is asked in turn."""
        tail = _hyphen_tail(token)  # "hoon" of "Ji-hoon and I"
        if not (tail or self._name_like(token)):
            # "Ravi, can you...": the tagger reads an unknown name opening a sentence as a noun.
            if token.tag_ in ("NN", "NNP") and _vocative(token) and self._name_like(token, judge_position=False):
                self._add_run(token, "addressed by name", trust_anchor=True)
            return

        def add(reason: str, strong: bool = True) -> None:
            self._add_run(token, reason, trust_anchor=tail, strong=strong)

        prev = token.nbor(-1) if token.i > 0 else None
        if prev is not None and fold(prev.text.rstrip(".")) in self.d.words["title"]:
            add("title")
        if self._followed_by_role(token):
            add("followed by a job title")
        if _shouted(token.sent):
            return  # the parse of ALL-CAPS text is noise: no grammatical evidence from it
        if token.pos_ == "PROPN" and not self._common_word(token) and (verb := self._person_verb(token)):
            add(f"{'subject' if token.dep_ == 'nsubj' else 'object'} of '{verb}'")
        if _with_pronoun(token):
            add("listed with a personal pronoun")
        if _vocative(token):
            add("addressed by name")
        if _relative_who(token):
            add("followed by 'who'")
        if token.pos_ == "PROPN" and self._before_gendered_pronoun(token):
            # Medium evidence only: "We moved to Jira. She says..." may mean someone else.
            add("then called 'he' or 'she'", strong=False)
        before = [t.lower_ for t in self.doc[max(token.i - 4, 0):token.i] if t.text not in {",", "to"}]
        if _starts_with(before[::-1], self.d.thanks_reversed):
            add("thanked")

    def _followed_by_role(self, token: Token) -> bool:
        """ "Will Grant, Senior Analyst": a name, a comma, then a job title on the same line."""
        doc = self.doc
        if token.i + 2 >= len(doc) or doc[token.i + 1].text != ",":
            return False
        line = self.index.line_of(token.idx)
        after = [t for t in doc[token.i + 2:token.i + 2 + ROLE_WINDOW] if self.index.line_of(t.idx) == line]
        return any(fold(t.text) in self.d.words["role"] for t in after)

    def _person_verb(self, token: Token) -> str | None:
        """The verb that makes ``token`` a person: "Quinn wants", "told Quinn", "spoke with Quinn"."""
        head = token.head
        if token.dep_ == "pobj":
            # A verb and its particle ("loop in Arjun", "bring in Tamsin") may be listed together.
            phrasal = f"{head.head.lemma_.lower()} {head.lower_}"
            if phrasal in self.d.words["person_verb"]:
                return phrasal
            if head.lower_ not in ("with", "to", "by"):
                return None
            head = head.head
        elif token.dep_ not in ("nsubj", "dobj", "dative"):
            return None
        return head.lemma_ if head.lemma_.lower() in self.d.words["person_verb"] else None

    def _add_run(self, token: Token, reason: str, trust_anchor: bool = False, strong: bool = True) -> None:
        run = self._run_at(token.i, trust_anchor=trust_anchor)
        if run is not None:
            self._add(*run, reason, strong=strong)

    def _before_gendered_pronoun(self, token: Token) -> bool:
        """"Paula left. Nobody has replaced her.": the next he/she/him/her, in this sentence or
        the next, with no other proper noun between, refers to this name."""
        doc, sent = self.doc, token.sent
        end = doc[sent.end].sent.end if sent.end < len(doc) else sent.end
        for t in doc[token.i + 1:end]:
            if t.tag_ in ("PRP", "PRP$") and t.morph.get("Gender") in (["Masc"], ["Fem"]):
                return True
            if t.pos_ == "PROPN" and self._name_like(t) and t.head is not token:
                return False
        return False

    def _words(self, start: int, end: int) -> tuple[str, ...]:
        """A name's own words, without particles and initials: ("María", "Cruz")."""
        return tuple(t.text for t in self.doc[start:end]
                     if len(t.text) > 1 and t.lower_ not in self.d.words["particle"] and not _initial(t))

    def _key(self, start: int, end: int) -> tuple[str, ...]:
        return tuple(fold(w) for w in self._words(start, end))

    def _add(self, start: int, end: int, reason: str, strong: bool = False) -> None:
        key = self._key(start, end)
        if not key:
            return
        candidate = self.candidates.setdefault(key, _Candidate(self.doc[start:end].text))
        (candidate.strong if strong else candidate.medium).add(reason)
        candidate.runs.append((start, end))

    # -- runs of name words --------------------------------------------------------------

    def _name_like(self, token: Token, judge_position: bool = True) -> bool:
        if not is_name_word(token.text, self.d.prefixes) or self.blocked[token.idx] or self.allowed[token.idx]:
            return False
        folded = fold(token.text)
        if folded in self.d.cue_words or folded in self.d.words["org"] or token.ent_type_ in NOT_IN_NAMES - {"ORG", "PRODUCT"}:
            return False
        if _in_date(token):
            return False
        if is_caps(token.text):
            # "HAS", "TOLD": in ALL-CAPS text the tagger still knows verbs and function words.
            return not token.is_stop and token.tag_ not in COMMON_TAGS - {"NN", "NNS"}
        return token.ent_type_ == PERSON or not judge_position or not self._common_word(token)

    def _common_word(self, token: Token) -> bool:
        """A capital that only the position explains, on a word the tagger reads as common.

        Mid-sentence, a capital is the writer's own sign of a name, stronger than the tagger
        (which reads the unknown "Nguyễn" as a verb); at the start of a sentence or line the
        tagger is all we have ("Yesterday", "Leadership is").
        """
        if token.tag_ not in COMMON_TAGS or not token.text.isascii():
            return False
        prev = token.nbor(-1) if token.i > 0 else None
        return (prev is None or token.is_sent_start or prev.is_punct or prev.is_space
                or self.index.line_of(prev.idx) != self.index.line_of(token.idx))

    def _run_at(self, i: int, limit: tuple[int, int] | None = None,
                trust_anchor: bool = False) -> tuple[int, int] | None:
        """The run of name words (with particles such as "van") holding token ``i``, on one line."""
        doc = self.doc
        lo, hi = limit or (0, len(doc))
        if not (trust_anchor or self._name_like(doc[i])):
            return None
        line = self.index.line_of(doc[i].idx)
        start = end = i
        while start - 1 >= lo and self._joins(doc[start - 1], line, doc[start - 2] if start >= 2 else None):
            start -= 1
        while end + 1 < hi and self._joins(doc[end + 1], line, doc[end + 2] if end + 2 < len(doc) else None):
            end += 1
        while doc[start].lower_ in self.d.words["particle"]:
            start += 1
        if self._touches_org(start, end + 1) or len(self._words(start, end + 1)) > MAX_NAME_WORDS:
            return None
        return start, end + 1

    def _joins(self, token: Token, line: int, beyond: Token | None) -> bool:
        if self.index.line_of(token.idx) != line or token.is_space:
            return False
        if token.lower_ in self.d.words["particle"]:
            return beyond is not None and self._name_like(beyond)
        if token.text in ("-", "‐") and not token.whitespace_ and token.i > 0 and not token.nbor(-1).whitespace_:
            # "Okonkwo-Adeyemi", "Hyun-woo"
            return beyond is not None and (self._name_like(beyond) or _hyphen_tail(beyond))
        return self._name_like(token) or _hyphen_tail(token)

    def _touches_org(self, start: int, end: int) -> bool:
        """A run next to an organisation word is a team or company name ("Atlas Team")."""
        doc = self.doc
        after = doc[end] if end < len(doc) else None
        team_word = after is not None and fold(after.text) in self.d.words["org"] and (
            not after.is_lower or after.pos_ == "NOUN")  # "the Strat team", not "told Dana support"
        return team_word or any(
            fold(t.text) in self.d.words["org"] for t in doc[start:end])

    # -- the verdicts --------------------------------------------------------------------

    def _decide(self) -> set[tuple[str, ...]]:
        accepted: set[tuple[str, ...]] = set()
        for key, candidate in self.candidates.items():
            hard = self._hard_objection(key, candidate)
            soft = self._soft_objections(key, candidate) if not candidate.strong else []
            if "deny list" in candidate.strong or (not hard and (candidate.strong or not soft)):
                accepted.add(key)
            else:
                self.rejected[candidate.text].update([hard] if hard else soft)
        self._accept_lists(accepted)
        return accepted

    def _hard_objection(self, key: tuple[str, ...], candidate: _Candidate) -> str | None:
        if any(self.allowed[self.doc[s].idx] for s, _ in candidate.runs):
            return "allow list"
        if len(key) == 1 and is_caps(candidate.text) and len(key[0]) <= ACRONYM_LENGTH:
            return "acronym"
        if len(key) == 1 and is_caps(candidate.text) and not candidate.strong:
            return "ALL-CAPS word without other evidence"
        return None

    def _soft_objections(self, key: tuple[str, ...], candidate: _Candidate, listed: bool = False) -> list[str]:
        """Signs that a name with only medium evidence is a product, team, heading or word.

        The model's organisation tags do not count against a name listed with a person: it
        reads unfamiliar names ("Søren", "Zoë Laurent") as organisations.
        """
        doc = self.doc
        objections = []
        tokens = [doc[end - 1] for _, end in candidate.runs]
        if len(key) == 1 and self.lower_words[candidate.text.lower()]:
            objections.append(f"the text also writes '{candidate.text.lower()}' in lower case")
        if len(key) == 1 and sum(self._common_word(t) for t in tokens) * 2 > len(tokens):
            objections.append("the tagger reads it as a common word")
        if all(self._is_label(t) for t in tokens):
            objections.append("only used as a heading or a 'Label:'")
        if any(t.dep_ in ("compound", "nmod", "amod") and t.head.pos_ == "NOUN" and t.head.is_lower for t in tokens):
            objections.append("modifies a common noun (a product or team name)")
        if any(any(c.dep_ == "dobj" for c in t.children) for t in tokens):
            objections.append("used as a verb")
        if any(self._used_as_thing(t) for t in tokens):
            objections.append("used as a thing (object of a verb such as 'use', or 'in'/'on' it)")
        if any(self._non_person(c) for t in tokens for c in t.conjuncts):
            objections.append("listed with an organisation or product")
        if not listed and any(self._non_person(t) for t in tokens):
            objections.append("the model tags it as an organisation or product")
        return objections

    def _used_as_thing(self, token: Token) -> bool:
        while token.dep_ == "conj" and token.head is not token:
            token = token.head
        if token.dep_ == "dobj":
            return token.head.lemma_.lower() in self.d.words["thing_verb"]
        return token.dep_ == "pobj" and token.head.lower_ in self.d.words["thing_preposition"] \
            and not any(c.dep_ == "case" for c in token.children) and self._person_verb(token) is None

    def _is_label(self, token: Token) -> bool:
        """In a heading, a table's header row, or "Label:" at the start of a line."""
        line = self.index.line_of(token.idx)
        first = self.lines[line][0]
        follows = token.nbor(1) if token.i + 1 < len(self.doc) else None
        below = self.lines.get(line + 1, [])
        header_row = first.text == "|" and below and all(set(t.text) <= set("|-:") for t in below)
        return line in self.heading_lines or bool(header_row) or (
            first.i == token.i and follows is not None and follows.text == ":")

    def _non_person(self, token: Token) -> bool:
        """A product-shaped word ("JetBrains"), or one the model tags as an organisation twice."""
        if token.text[:1].isupper() and is_word(token.text) and not is_name_word(token.text, self.d.prefixes):
            return True
        labels = self.ent_labels.get(fold(token.text))
        if not labels or labels[PERSON]:
            return False
        return sum(labels[label] for label in NON_PERSON_ENTS) >= 2

    def _accept_lists(self, accepted: set[tuple[str, ...]]) -> None:
        """Names listed with an accepted person ("Rafał and Erik") are people too."""
        lists = self._name_lists()
        changed = True
        while changed:
            changed = False
            for members in lists:
                known = {w for k in accepted for w in k}
                if not any(set(k) <= known for k, _ in members):
                    continue
                for key, run in members:
                    if key in accepted or set(key) <= known:
                        continue
                    self._add(*run, "listed with a person")
                    candidate = self.candidates[key]
                    objection = self._hard_objection(key, candidate) or next(
                        iter(self._soft_objections(key, candidate, listed=True)), None)
                    if objection is None:
                        accepted.add(key)
                        changed = True

    def _name_lists(self) -> list[list[tuple[tuple[str, ...], tuple[int, int]]]]:
        """Names joined by commas and "and", "or" or "&" ("Ana, Bo and Cy"), even across a line
        break. Commas alone make no list: "Will Grant, Senior Analyst" is a name and a role."""
        tokens = [t for t in self.doc if not t.is_space]
        lists: list = []
        i, current, coordinated = 0, [], False
        while i < len(tokens):
            run = self._run_at(tokens[i].i)
            if run is not None and (key := self._key(*run)):
                current.append((key, run))
                i += run[1] - tokens[i].i
                joiners = 0
                while i + joiners < len(tokens) and tokens[i + joiners].lower_ in LIST_JOINERS and joiners < 2:
                    coordinated |= tokens[i + joiners].text != ","
                    joiners += 1
                i += joiners
                if joiners:
                    continue
            else:
                i += 1
            if coordinated and len(current) > 1:
                lists.append(current)
            current, coordinated = [], False
        if coordinated and len(current) > 1:
            lists.append(current)
        return lists

    # -- mentions ------------------------------------------------------------------------

    def _mention_people(self, accepted: set[tuple[str, ...]]) -> None:
        """Every occurrence of an accepted name's words, widened to the name around it."""
        forms = {t.text for key in accepted for s, e in self.candidates[key].runs for t in self.doc[s:e]
                 if fold(t.text) in key}
        if not forms:
            return
        pattern = re.compile(r"(?<![\w@.])(?:" + "|".join(map(re.escape, sorted(forms, key=len, reverse=True)))
                             + r")(?![\w])", re.IGNORECASE)
        for m in pattern.finditer(self.text):
            if self.blocked[m.start()] or self.allowed[m.start()]:
                continue
            span = self.doc.char_span(m.start(), m.end(), alignment_mode="expand")
            if span is None or _ordinary(span[0]):
                continue
            run = self._run_at(span.start) or (span.start, span.end)
            name = self.doc[run[0]:run[1]]
            self.mentions.append(Mention(PERSON, name.text, name.start_char, name.end_char, self._words(*run)))

    def _find_named_urls(self, accepted: set[tuple[str, ...]]) -> None:
        words = {w for key in accepted for w in key if len(w) > 2}
        words |= {fold(m.text.lstrip("@")) for m in self.mentions if m.label == HANDLE}
        profiles = self.d.patterns.regexes["PROFILE_URL"]
        for start, end in self._matches(self.d.patterns.regexes["URL"]):
            url = self.text[start:end]
            pieces = set(re.split(r"[\W_]+", fold(url)))
            if pieces & words or any(p.search(url) for p in profiles):
                self.mentions.append(Mention("URL", url, start, end))

    def _ordinary_words(self, accepted: set[tuple[str, ...]]) -> frozenset[str]:
        words = {w for key in accepted for w in key}
        return frozenset(t.lower_ for t in self.doc if t.lower_ in words and _ordinary(t))


def _hyphen_tail(token: Token) -> bool:
    """The lower-case second half of a hyphenated given name ("Hyun-woo", "Ji-hoon").

    Only short nouns: "Dana-led" and "Cody-based" are verbs, "Dana-style" too long.
    """
    if token.i < 2 or not (token.is_alpha and token.is_lower and len(token) <= HYPHEN_TAIL_LENGTH):
        return False
    hyphen = token.nbor(-1)
    return (hyphen.text in ("-", "‐") and not hyphen.whitespace_ and not token.nbor(-2).whitespace_
            and token.tag_ in ("NN", "NNS", "NNP", "NNPS") and not token.is_stop)


def _in_date(token: Token) -> bool:
    """"4 Mar 2025", "Mar 2025": a word between numbers, or before a year, is part of a date."""
    doc = token.doc
    before = doc[token.i - 1] if token.i > 0 else None
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    year = after is not None and after.like_num and len(after.text) == 4
    return year or (before is not None and after is not None and before.like_num and after.like_num)


def _spans(regex: re.Pattern[str] | None, text: str) -> list[tuple[int, int]]:
    return [m.span() for m in regex.finditer(text)] if regex is not None else []


def _ordinary(token: Token) -> bool:
    """A lower-case word used as a word ("we will", "a grace period"), not a name in lower case.

    A bare lower-case noun ("thanks dana") still counts as the name: better to redact a word
    than to leak a name.
    """
    if not token.is_lower:
        return False
    determined = any(c.dep_ in ("det", "amod", "poss") for c in token.children)  # "a grace period"
    if token.dep_ in NOMINAL_ROLES:
        return token.pos_ == "NOUN" and determined
    if token.pos_ in ORDINARY_POS:
        return True
    return token.pos_ == "NOUN" and (determined or (token.dep_ == "compound" and token.head.is_lower))


def _dedupe(mentions: list[Mention]) -> list[Mention]:
    """Drop mentions inside an earlier, longer one (a name inside a detected URL)."""
    kept: list[Mention] = []
    for m in mentions:
        if kept and m.start < kept[-1].end:
            continue
        kept.append(m)
    return kept


def _starts_with(words: list[str], phrases: list[tuple[str, ...]]) -> int:
    """How many leading words form one of ``phrases`` (0 if none)."""
    for phrase in phrases:
        if tuple(words[: len(phrase)]) == phrase:
            return len(phrase)
    return 0


def _initial(token: Token) -> bool:
    """"W." in "Dana W.": part of a name, too short to identify anyone alone."""
    return len(token.text) == 2 and token.text[0].isupper() and token.text[1] == "."


def _personal_pronoun(token: Token) -> bool:
    return token.tag_ == "PRP" and "Neut" not in token.morph.get("Gender")


def _shouted(sent: Span) -> bool:
    words = [t for t in sent if t.is_alpha and len(t) > 1]
    return bool(words) and sum(t.is_upper for t in words) * 2 > len(words)


def _vocative(token: Token) -> bool:
    """"Ravi, can you...", "...push back, Aiyana?": a name addressed in a sentence to "you"."""
    doc, sent = token.doc, token.sent
    you = any(t.tag_ == "PRP" and t.morph.get("Person") == ["2"] for t in sent)
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    before = doc[token.i - 1] if token.i > 0 else None
    opening = token.i == sent.start and after is not None and after.text == ","
    closing = before is not None and before.text == "," and after is not None and after.text in ("?", "!", ".")
    return you and (opening or closing)


def _relative_who(token: Token) -> bool:
    """"Ifeoma and Lars, who carried the team": "who" refers to people."""
    doc = token.doc
    following = [t for t in doc[token.i + 1:token.i + 3] if t.text != ","][:1]
    return bool(following) and following[0].lower_ in ("who", "whom", "whose") and following[0].tag_ in ("WP", "WP$")


def _with_pronoun(token: Token) -> bool:
    """"Björn and I", "you and Dana", "for him and for Nadia": only people are coordinated with
    personal pronouns."""
    doc = token.doc
    after, before = doc[token.i + 1:token.i + 3], doc[max(token.i - 2, 0):token.i]
    if token.dep_ == "pobj" and any(_personal_pronoun(o) for prep in token.head.conjuncts
                                    for o in prep.children if o.dep_ == "pobj"):
        return True
    return (any(_personal_pronoun(c) for c in token.conjuncts)
            or (len(after) == 2 and after[0].lower_ in ("and", "&") and _personal_pronoun(after[1]))
            or (len(before) == 2 and before[1].lower_ in ("and", "&") and _personal_pronoun(before[0])))


def _is_phone(text: str) -> bool:
    digits = sum(c.isdigit() for c in text)
    groups = re.split(r"[ .()-]+", text.strip("+() "))
    if not PHONE_MIN_DIGITS <= digits <= PHONE_MAX_DIGITS:
        return False
    dated = [len(g) for g in groups] in ([4, 2, 2], [2, 2, 4])
    national = text.startswith("0") and digits >= 10  # "07700 900461"
    return not dated and (text.startswith(("+", "(")) or len(groups) >= 3 or national)


@Language.factory(
    "analyzer_pii",
    assigns=["doc._.analyzer_pii", "doc.spans"],
    default_config={"allow": [], "deny": [], "patterns": None},
)
def make_pii(nlp: Language, name: str, allow: list[str], deny: list[str], patterns: str | None) -> PiiDetector:
    """People, handles, e-mails, phones, person URLs and IDs in doc.spans["analyzer_pii"]."""
    extensions.register()
    return PiiDetector(load_patterns(patterns), read_names(allow, "allow"), read_names(deny, "deny"))
