"""The sentences a digest may quote, each with the facts that make it worth quoting.

A digest quotes the writer: whole sentences, or a clean clause of a long one, never a
fragment that cuts the point or drops a negation. A list is quoted as a whole too: its
lead-in and the opening words of each item, since a list's facts are spread over its items.
Each candidate knows where it stands (its part of the document, its place in it), what it
names (figures, named things), whether it asks or only leads in to a list, and how strongly
its words mark a decision or announcement (``lexicons/takeaways/main-point.tsv``). A table
row is not prose and is never quoted alone; a table is quoted whole like a list, its header
row then its rows.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cached_property

from spacy.tokens import Doc, Span, Token

from .. import extensions
from ..data.files import DataText
from ..data.tables import rows
from ..markers.lexicon import parse_pattern
from ..sections.component import SUBJECTS, heads_a_table
from ..sections.layout import (ANSWER_LABEL, LIST_MARKER, QUESTION_LABEL, ends_sentence, row_cells,
                               table_cells)
from ..sections.lookalikes import key_value
from ..sections.metadata import turn_prefix
from ..sections.outline import Section
from ..text.lines import PARAGRAPH_BREAK
from ..text.markup import QUOTE_MARKS, as_read
from ..text.months import MONTHS, WEEKDAYS

# A quote of more words than this is cut at a clause boundary (";", ":", a dash) when one
# leaves a whole clause; a sentence longer than LONGEST_QUOTE with no such boundary is not quoted.
MAX_QUOTE = 45
LONGEST_QUOTE = 70
MIN_CLAUSE = 8
CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "NUM"})
FIGURE_ENTITIES = frozenset({"MONEY", "PERCENT", "DATE", "CARDINAL", "QUANTITY", "TIME"})
# The figures that give an amount, where a date or a time only places what happened.
AMOUNT_ENTITIES = FIGURE_ENTITIES - {"DATE", "TIME"}
NAMED_ENTITIES = frozenset({"PERSON", "ORG", "PRODUCT", "GPE", "NORP", "EVENT", "LAW", "WORK_OF_ART", "FAC"})
LONGEST_CUE = 4
# A phrase weighing this or less marks a note about the text itself ("first appeared on…",
# "details can be found here"): whatever else the sentence says, it is never a gist.
ASIDE_WEIGHT = -2.5
FIRST_PERSON = frozenset({"we", "i"})
_FIRST_PERSON_POSSESSIVE = frozenset({"my", "our"})
# "I'll start with the headline": verbs of going first and what a writer says goes first.
_STARTING = frozenset({"start", "begin", "open", "lead"})
# What a text may say it is: "This is my end-of-day summary", "This is a short update".
_KINDS_OF_TEXT = frozenset({"summary", "update", "report", "recap", "note", "memo", "message", "writeup", "write-up",
                            "overview", "briefing", "digest"})
_NEWS = frozenset({"headline", "news", "decision", "summary", "version", "conclusion", "answer", "bottom"})
# Bodies that decide for an organisation, named by a common noun ("the board", "the committee").
DECIDING_BODIES = frozenset({"board", "committee", "council", "company", "management", "leadership", "trustee",
                             "director", "foundation", "organisation", "organization", "panel", "assembly"})
# Groups that act for an organisation when its name introduces them ("the Acme team").
NAMED_BODIES = frozenset({"team", "group", "project", "maintainer", "steward"})
# The last words of a lead-in where a negation reaches its items ("does not:", "will not
# include:"), and the words a lead-in cannot end on and be whole ("accounts which:").
LEAD_IN_TAIL = 3
_OPEN_ENDS = frozenset({"which", "that", "who", "whom", "whose", "where", "to", "as", "like", "including", "namely"})
# What completes a lead-in's verb after it ("include the following:", "work on these areas:").
_OBJECTS = frozenset({"dobj", "ccomp", "xcomp", "attr", "acomp", "oprd", "dative", "prep", "advmod"})
# Where the doc keeps, for each list item's sentence start, the sentence before its list.
_BEFORE_ITEMS = "analyzer_takeaways.before_items"
# A date that starts at most this many tokens into a sentence opens it.
OPENING_DATE = 2
# Days that may be a main verb's subject without a date entity ("Today is our anniversary, and
# I…"): the model tags "Today" as one only in some sentences.
DAYS = frozenset({"today", "tomorrow", "yesterday", "tonight"})
# A decision told as past news ("Last month I announced that…") is background to what the
# text now says: its decision words count for this share.
LOOKING_BACK = 0.5
# What would happen, or used to ("Whenever a pull request changed only the version, the action
# would approve it"), or what could or might ("the vendor could insist on changes to our
# decisions"), tells how something works or might go, not what anyone decides: its decision
# words count for this share. The writer's own "we would like to announce" still counts, and
# so does "we could move the release", an option the writer puts.
WOULD_HAPPEN = 0.5
_SUPPOSING = frozenset({"would", "'d", "’d", "could", "might"})
_PERIODS = frozenset({"week", "month", "year", "quarter", "spring", "summer", "autumn", "fall", "winter", "time",
                      "meeting", "update", "email", "e-mail", "memo", "letter", "post"})
_ASKING = frozenset({"ask", "request", "urge", "implore", "beg"})
# Verbs that frame a request as a letter's purpose or a courtesy: "we are writing to ask…".
_FRAMING = frozenset({"write", "like", "want", "wish"})
_CONDITIONAL = frozenset({"if", "unless"})
_CASES = frozenset({"when", "whenever"})
_REASONS = frozenset({"because"})
# Verbs by which a text announces what it goes on to tell, and the words that open what it tells.
_OUTLINING = frozenset({"explain", "describe", "outline", "cover", "summarise", "summarize", "detail"})
# A part that only lists texts elsewhere ("Additional reading", "See also"): link titles.
_READING_LIST = re.compile(r"^(?:(?:additional|further|related|recommended|suggested|more|previous|past|earlier|other)"
                           r" ){0,2}(?:reading|readings|references|links|resources|posts|articles|announcements)$"
                           r"|^see also$"
                           r"|^(?:for )?(?:more|further) (?:information|info|details)$", re.IGNORECASE)
# Where a reader is sent to look, or what was told elsewhere: "the full report can be found
# here", "the recording is available here", "the story of the fix we wrote down here".
_LOOKING = frozenset({"find", "see", "read", "view", "watch", "download", "access", "available", "write",
                      "explain", "describe", "document", "detail", "publish", "post", "announce", "discuss"})
# What a text sets out to do, said of "this post": "My aim in this letter is to answer…".
_AIMS = frozenset({"goal", "aim", "purpose", "intent", "intention", "objective", "point"})
_TEXTS = _KINDS_OF_TEXT | {"post", "article", "letter", "email", "e-mail", "document", "piece", "page", "blog"}
# A part that tells how things came to be, or what something is, before the news: its
# sentences are background, as one that opens "Previously, …" is ("Background", "History",
# "About the scheduler").
BACKGROUND = "background"
_BACKGROUND_PART = re.compile(r"^(?:\d+(?:\.\d+)*\.?\s+)?(?:about|background|history|context"
                              r"|(?:a bit of|some|the) history|how we got here)\b", re.IGNORECASE)
# A part of questions readers ask, each with its answer ("FAQ", "Questions and answers"):
# "Can I still take the day later?" there is the reader's question, not the writer's request.
_READERS_QUESTIONS = re.compile(r"^(?:faqs?|frequently asked questions|(?:common |your )?questions(?: and answers)?"
                                r"|q ?(?:&|and) ?a)$", re.IGNORECASE)
_WH_WORDS = frozenset({"what", "how", "why", "where", "when", "who", "which"})
_DOUBTING = frozenset({"unsure", "uncertain", "doubt", "wonder"})
_CERTAIN = frozenset({"certain", "sure", "clear"})
_COMPARING = frozenset({"like", "unlike", "as", "than", "to"})
FIELD_WORDS = 8
# A text where at least this share of sentences, and this many, open in lower case is typed
# that way throughout (``typed_in_lower_case``).
LOWER_CASE_SHARE = 0.6
MIN_TYPED_SENTENCES = 3
_TYPED_LOWER = "analyzer_typed_in_lower_case"
# A list quoted whole shows each item's opening words, up to its first clause break.
ITEM_WORDS = 10
ITEM_SLACK = 4
MIN_ITEM_WORDS = 3
MAX_LIST_QUOTE = 60
_ITEM_BREAK = re.compile(r"[,;:](?=\s)|\s[—–]\s")
# A lead-in of this many words or fewer, or one with words that point at what follows, or
# one that ends by counting the things that follow ("The decision comes down to three reasons:");
# "We had downtime over three distinct periods:" says what happened before it counts. One
# that ends on "are:" or "include:" ("Our aims for the year are:") leaves all it
# says to what follows.
SHORT_LEAD_IN = 5
_POINTS_AHEAD = re.compile(r"\b(?:following|follows|below|these|here)\b|\b(?:is|are|include|includes):$"
                           r"|\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|a few|a couple of"
                           r"|a number of|various|many)"
                           r"\s+(?:[\w-]+\s+){0,2}(?:reasons|options|steps|phases|stages|parts|points|things|ways"
                           r"|factors|questions|goals|lessons|changes|areas|ideas|principles|priorities|takeaways):$",
                           re.IGNORECASE)
_HERE_IS = re.compile(r"(?:here(?:['’]s|\s+is|\s+are)|below\s+(?:is|are))\s+(?:what|how|why|where|when|who"
                      r"|(?:the|some|a|our)\s+(?:\w+\s+)?(?:highlights|details|key\s+points|main\s+points|summary"
                      r"|rundown|breakdown|basics)\b)",
                      re.IGNORECASE)
# A short sentence that ends on "why" or "how" ("I want to be direct about why.", "Let me
# explain how.") promises what the next ones tell and tells nothing itself.
_ENDS_ON_WHY = re.compile(r"\b(?:why|how)\s*[.:]?$", re.IGNORECASE)
SHORT_PROMISE = 10
# A sentence that ends by handing over to what follows ("…, so here it is.", "Here goes:").
HANDS_OVER = re.compile(r"(?:^|[,;:—–]\s*(?:so\s+|and\s+)?)here\s+(?:it\s+is|goes|they\s+are|we\s+go)\s*[.!:]?$",
                         re.IGNORECASE)
_ENCLOSED = re.compile(r'^["“](.+)["”]$')
_QUOTE_MARK = re.compile(r'["“”]')
# Words that open a sentence, by what they tell of it: that it ties itself to the one before
# (an example, a detail, a contrast or a consequence of a point made there), that it depends
# on a condition or speaks to some readers only ("For those who want reminders, we suggest…"),
# or that it places itself before the change the text tells of.
_OPENERS = {
    "follows_on": re.compile(r"^(?:specifically|in particular|for example|for instance|e\.g\.|also|and|but|so"
                             r"|similarly|likewise|that is|in other words|i mean|again|besides|moreover|furthermore"
                             r"|additionally|otherwise|then|still|yet|plus|instead|however|therefore|thus|hence"
                             r"|or|nor|consequently|accordingly|in addition|on top of that"
                             r"|as a (?:result|consequence)(?=,)"
                             r"|(?:as a (?:result|consequence)|because) of (?:this|that|these|those))\b",
                             re.IGNORECASE),
    "conditional": re.compile(r"^(?:if|unless|in case|as long as|provided that"
                              r"|for (?:those|anyone|anybody|people|users|teams|customers) (?:who|that))\b",
                              re.IGNORECASE),
    BACKGROUND: re.compile(r"^(?:previously|historically|in the past|originally|traditionally|until now"
                             r"|until recently|back then"
                             r"|(?:in|from) (?:the|its|our|their) (?:very )?(?:earliest|early|first) days"
                             r"|since (?:the|its|our|their) (?:beginning|start|inception|founding|creation))\b",
                             re.IGNORECASE),
}
# A question that asks the reader for something: a modal, then who is asked or who would act
# ("Could we fund the first phase this quarter?", "Can you review it by Friday?"). Unlike one
# asked for effect ("Why do we keep doing this?"), it is the writer's request, a key point.
_REQUEST = re.compile(r"^(?:please,?\s+)?(?:could|can|would|will|may)\s+(?:you|we|i)\b(?!\s+(?:believe|imagine)\b)",
                      re.IGNORECASE)
# What joins an item to the next in a list written as one sentence ("- Ana designed the logo,",
# "- moved by hand; and"): quoted alone, the item ends without it.
_ITEM_JOINT = re.compile(r"\s*[,;]\s*(?:and|or)?$|\s+(?:and|or)$")
# An item's closing stop, which reads as ".;" before the next item's "; " ("by Friday.; Omar…").
_FULL_STOP = re.compile(r"(?<=[\w)\]”’\"'])\.$")
_CLAUSE_BREAK = re.compile(r"(?<=[;:])\s+|\s+[—–-]{1,2}\s+")
# A break after a whole clause, as "…" may stand for what follows: a semicolon. (A colon
# more often ends a lead-in, and a dash opens an aside as often as it closes a clause.)
_AFTER_A_CLAUSE = re.compile(r"(?<=;)\s+")


@dataclass(frozen=True)
class Candidate:
    """One body sentence as the digest sees it."""

    sent: Span
    section: Section | None
    order: int
    line: int
    text: str
    lemmas: tuple[str, ...]
    figures: int
    names: int
    question: bool
    cue: float
    # Where the quoted text ends: the sentence's end, or the last item's of a list.
    end_char: int
    # A list item, a sentence that only leads in to a list ("The goals are:"), or a short
    # "Key: value" line ("Incident lead: Dana"), which labels rather than states.
    item: bool = False
    lead_in: bool = False
    # It hands over to the sentence after it, which tells what it announced ("…, so here
    # it is.", "I'll start with the headline.").
    hands_over: bool = False
    field: bool = False
    # The writer or an organisation is the subject of the main verb ("We will retire…",
    # "The board decided…"): decision words then state the writer's own decision.
    agent: bool = False
    # A note about the text itself, or a pointer to text elsewhere (a cue phrase of
    # ASIDE_WEIGHT or less).
    aside: bool = False
    # It opens with a calendar date ("On 12 July an attacker…", "Starting October 1, prices
    # will…"): the way an event or a scheduled change is told.
    dated: bool = False
    # It asks the reader for something ("Could we fund the first phase this quarter?"):
    # a request, which a short message is often written for.
    request: bool = False
    # It ends its line with no stop and no subject, after a sentence that has both: a
    # thought the writer left unfinished ("… in the end. Effectively moving the load").
    unfinished: bool = False
    # It closes a quotation opened in an earlier sentence ("… Just do it for me.”): the
    # last words of someone the writer quotes, not the writer's own.
    quotes_on: bool = False
    # What its first words tell of it (a key of _OPENERS), or None: it ties itself to the
    # sentence before ("Specifically, …", "But …") and elaborates a point rather than states
    # one; it opens with a condition ("If you run builds from a laptop, …"), a caveat for
    # some readers; or it places itself before the change ("Previously, …"), how things were.
    opening: str | None = None
    # It only announces what the text goes on to tell ("This post explains what changed").
    outlines: bool = False
    # Its main verb is "also" done ("The council has also adopted a new process…"): a point
    # beside another, which may be a key fact but is not the one the text exists for.
    added: bool = False
    # The writer is the subject of its main verb ("We are proud to announce…"), where
    # ``agent`` also holds for an organisation named as one ("Vantor announced…").
    writer: bool = False
    # It stands wholly in brackets ("(This was first sent as an e-mail to the list.)"): a
    # remark beside the text, about how it came to be.
    bracketed: bool = False
    # It is a list item that finishes the sentence its lead-in leaves open ("This notice
    # does not:" / "- name anyone"): alone it says nothing, or the opposite.
    finishes_lead_in: bool = False

    @cached_property
    def words(self) -> int:
        return len(self.text.split())

    @cached_property
    def lemma_set(self) -> frozenset[str]:
        """The lemmas as a set, made once: choosing gists compares each candidate with every
        pick and anchor for repeats."""
        return frozenset(self.lemmas)

    @property
    def points_ahead(self) -> bool:
        """A lead-in that says nothing itself ("We agreed on the following:"), unlike a
        statement that ends in a colon before its elaboration ("Bounties are a poor fit:");
        or a sentence that only points at what follows, whatever its last mark ("Here's what
        went to plan."), or a sentence that announces what the text will explain ("This post
        explains what changed"), or one that promises it ("I want to be direct about why."), or
        a lead-in that leaves its sentence for the items to finish ("This notice does not:")."""
        if (_HERE_IS.match(self.text) and ":" not in self.text) or self.outlines:
            return True
        if self.words <= SHORT_PROMISE and _ENDS_ON_WHY.search(self.text):
            return True
        return self.lead_in and (self.words <= SHORT_LEAD_IN or bool(_POINTS_AHEAD.search(self.text))
                                 or _leaves_open(self.sent))


class MainPointCues:
    """Phrases (as lemmas) that mark a decision, an announcement or an event, with weights.

    Phrases are written as in the marker lexicons and parsed by the same parser: a word may
    list alternatives ("good morning|afternoon"), ``*`` stands for any one word ("eliminate *
    role" reads "we are eliminating twelve roles"), and a hyphenated word is the three tokens
    spaCy makes of it. An optional word or a part of speech cannot be read on a run of lemmas,
    and a phrase longer than LONGEST_CUE tokens could never match, so both are refused."""

    def __init__(self, table: DataText) -> None:
        self.table = table
        self.weights: dict[tuple[str, ...], float] = {}
        # For each phrase length, the places where some phrase of that length has a wildcard.
        self.wildcards: dict[int, set[tuple[int, ...]]] = {}
        for row in rows(table, ("phrase", "weight", "note"), required=2):
            try:
                weight = float(row["weight"])
            except ValueError:
                raise row.error(f"weight '{row['weight']}' is not a number") from None
            if not -3 <= weight <= 3:
                raise row.error(f"weight {weight:g} is out of range; use a number from -3 to 3")
            specs = parse_pattern(row["phrase"], row.where)
            if any(spec.optional or spec.pos for spec in specs):
                raise row.error("'?' and '/POS' are not read here; write each form as a phrase of its own")
            if len(specs) > LONGEST_CUE:
                raise row.error(f"a phrase of {len(specs)} words is too long; use at most {LONGEST_CUE}")
            for phrase in itertools.product(*(spec.words or ("*",) for spec in specs)):
                self.weights[phrase] = weight
            places = tuple(i for i, spec in enumerate(specs) if spec.wildcard)
            if places:
                self.wildcards.setdefault(len(specs), set()).add(places)
        # The words some phrase opens with (never a wildcard): elsewhere no phrase starts.
        self.openers = frozenset(phrase[0] for phrase in self.weights)

    def found(self, lemmas: list[str]) -> list[float]:
        """The weight of each phrase in a run of lemmas, longest phrase first where they overlap.
        A phrase said twice counts once: a sentence that names its topic twice ("the release
        team … for the release", "policies for cancelling … cancelled travel") announces no
        more than one that names it once."""
        weights, seen, i = [], set(), 0
        while i < len(lemmas):
            if lemmas[i] not in self.openers:
                i += 1
                continue
            for n in range(min(LONGEST_CUE, len(lemmas) - i), 0, -1):
                window = tuple(lemmas[i:i + n])
                weight = self._weight(window)
                if weight is not None:
                    if window not in seen and not _in_compound(lemmas, i, i + n):
                        weights.append(weight)
                        seen.add(window)
                    i += n
                    break
            else:
                i += 1
        return weights

    def _weight(self, window: tuple[str, ...]) -> float | None:
        """The weight of the phrase that reads ``window`` word for word, or with wildcards."""
        if window in self.weights:
            return self.weights[window]
        for places in self.wildcards.get(len(window), ()):
            weight = self.weights.get(tuple("*" if i in places else w for i, w in enumerate(window)))
            if weight is not None:
                return weight
        return None


def _in_compound(lemmas: list[str], start: int, end: int) -> bool:
    """Whether the words ``start``..``end`` are only part of a hyphenated word ("end" in
    "end-to-end", "term" in "long-term"): a phrase that means to match one is written with
    its hyphens, and matches all of it."""
    return (start > 0 and lemmas[start - 1] == "-") or (end < len(lemmas) and lemmas[end] == "-")


def candidates(sentences: Iterable[tuple[Span, Section | None]], line_of, cues: MainPointCues,
               to_reader: bool = True) -> list[Candidate]:
    """Every body sentence that can be quoted, and every list quoted whole, in document order.
    ``to_reader`` is false where the text's questions are put to an assistant, not to a
    reader: none of them is then a request."""
    found, rows_of = [], []
    for order, (sent, section) in enumerate(sentences):
        written = sent.text  # joined from the tokens on each call, so read once here
        row = table_cells(written) >= 2 and "\n" not in written.strip() \
            and any(c.isalnum() for cell in _row_cells(written) for c in cell)
        if row:
            rows_of.append((order, sent, section))
        text = quote(sent)
        # A table's header row names its columns and states nothing ("| Time | Event |"); a
        # row of three cells or more is quoted only with its table.
        if text is None or (row and heads_a_table(sent)) or text.count(" | ") >= 2:
            continue
        if row:
            text = " | ".join(_row_cells(written))  # "14:05 | Deploy completes", as a reader sees it
        tokens = _message_tokens(sent)
        item = bool(LIST_MARKER.match(written))
        subjects, elses = _subjects(sent), _someone_elses(sent)
        aside = _not_the_news(sent)
        outlines = _outlines(sent)
        if outlines:  # "explains what changed": what it goes on to tell is no news yet
            aside |= {t.i for t in sent if t.i > sent.root.i}
        # A remark wholly in brackets ("(Photo by Dana Lee.)") is read for what it is itself.
        bracketed = _bracketed(text)
        read = tokens if bracketed else outside_brackets(tokens)
        cue_weights = cues.found([t.lemma_.lower() for t in read if t.i not in aside])
        hands_over = bool(HANDS_OVER.search(text)) or _starts_with_the_news(sent)
        asked = text.rstrip("”\"')").endswith("?")
        request = to_reader and not (asked and _titled(section, _READERS_QUESTIONS)) and (
            bool(_REQUEST.match(text)) if asked else _asks(sent))
        found.append(Candidate(
            sent=sent, section=section, order=order, line=line_of(sent.start_char), text=text,
            lemmas=tuple(t.lemma_.lower() for t in tokens if _content(t)),
            figures=_figures(tokens), names=_names(tokens),
            question=asked and not request,
            request=request,
            cue=sum(cue_weights) * (LOOKING_BACK if _looks_back(sent) else 1.0) * (
                WOULD_HAPPEN if _would_happen(sent) else 1.0),
            end_char=sent.end_char,
            item=item,
            lead_in=text.endswith(":") or hands_over,
            hands_over=hands_over,
            field=key_value(text) and len(text.split()) <= FIELD_WORDS,
            agent=_agent(sent, subjects) and not elses,
            # A pointer elsewhere outweighs the decision words around it ("further details
            # can be found here").
            aside=any(w <= ASIDE_WEIGHT for w in cue_weights) or _points_here(sent) or _titled(section, _READING_LIST),
            dated=_opens_with_date(sent),
            unfinished=_trails_off(sent, text, line_of),
            quotes_on=_closes_a_quotation(text),
            opening=next((kind for kind, words in _OPENERS.items() if words.match(text)),
                         BACKGROUND if _titled(section, _BACKGROUND_PART) else None),
            added=any(c.dep_ == "advmod" and c.lower_ == "also" for c in sent.root.children),
            outlines=outlines,
            writer=_by_writer(subjects) and not elses,
            bracketed=bracketed,
            finishes_lead_in=item and _finishes_lead_in(sent),
        ))
    return _with_tables(_with_lists(found, line_of), rows_of, line_of)


def _with_lists(found: list[Candidate], line_of) -> list[Candidate]:
    """The candidates, each list (two items or more, with its lead-in) added as one more."""
    runs: list[list[Candidate]] = []
    for c in found:
        previous = runs[-1][-1] if runs else None
        if c.item and previous is not None and previous.item and previous.section is c.section \
                and (line_of(previous.end_char - 1) + 1 >= c.line - 1 or _next_item_after_body(previous, c)):
            runs[-1].append(c)
        elif c.item:
            runs.append([c])
    leads = {id(run[0]): _lead_in(found, run[0]) for run in runs}
    # The items under a pointer elsewhere ("If you liked this, you might want to read:") name
    # the texts it points to: asides like their lead-in. Those under a lead-in to the text's own contents
    # ("In this post I will explain:") name what the text goes on to tell, as their lead-in does.
    led_by = {id(c): lead for run in runs
              if (lead := leads[id(run[0])]) is not None and (lead.aside or lead.outlines) for c in run}
    lists = {run[0].order: _list_candidate(run, leads[id(run[0])]) for run in runs if len(run) >= 2}
    merged = []
    for c in found:
        if (lead := led_by.get(id(c))) is not None:
            c = replace(c, aside=c.aside or lead.aside, outlines=c.outlines or lead.outlines)
        merged.append(c)
        if c.order in lists and lists[c.order] is not None:
            merged.append(lists[c.order])
    return merged


def _next_item_after_body(item: Candidate, following: Candidate) -> bool:
    """Whether ``following`` is the next item of ``item``'s list after the item's own body:
    the lines that run straight on under an item ("* Ana is leaving the team." / "She joined
    in 2019.") belong to it, and one blank line after them leads to the next item."""
    # A sentence's span takes in the line breaks after it: read from its last word.
    end = item.sent.start_char + len(item.sent.text.rstrip())
    between = extensions.line_index(item.sent.doc).text[end:following.sent.start_char]
    breaks = list(PARAGRAPH_BREAK.finditer(between))
    return len(breaks) == 1 and not between[breaks[0].end():].strip()


def _with_tables(found: list[Candidate], rows_of: list[tuple[int, Span, Section | None]], line_of) -> list[Candidate]:
    """The candidates, each table (a header row and one or more rows under it) added as one
    more, after the sentence before it: a table's rows are not prose, but a price list or a
    schedule is often what a memo exists to tell."""
    runs: list[list[tuple[int, Span, Section | None]]] = []
    for row in rows_of:
        previous = runs[-1][-1] if runs else None
        if previous is not None and previous[2] is row[2] and previous[0] + 1 == row[0]:
            runs[-1].append(row)
        else:
            runs.append([row])
    tables = [table for run in runs if len(run) >= 2 and (table := _table_candidate(run, line_of)) is not None]
    return sorted([*found, *tables], key=lambda c: c.order)


def _row_cells(text: str) -> list[str]:
    """A table row's cells as a reader sees them."""
    return [as_read(cell) for cell in row_cells(text)]


def _table_candidate(run: list[tuple[int, Span, Section | None]], line_of) -> Candidate | None:
    """A table as one quote: its header row whole, then its rows, each cut as a list item
    is, while they fit in MAX_LIST_QUOTE words."""
    header, *rows = [" | ".join(_row_cells(sent.text)) for _, sent, _ in run]
    heads = [_cut(row.split()) for row in rows]
    text, shown = _quoted_whole(header + ":", heads)
    if shown < 1:
        return None
    sents = [sent for _, sent, _ in run[:shown + 1]]
    tokens = [t for sent in sents for t in sent if not t.is_space]
    order, first, section = run[0]
    return Candidate(
        sent=first, section=section, order=order, line=line_of(first.start_char), text=text,
        lemmas=tuple(t.lemma_.lower() for t in tokens if _content(t)),
        figures=_figures(tokens), names=_names(tokens), question=False, cue=0.0, end_char=sents[-1].end_char)


def _lead_in(found: list[Candidate], first: Candidate) -> Candidate | None:
    before = [c for c in found if c.order == first.order - 1]
    return before[0] if before and before[0].lead_in and before[0].section is first.section else None


def under_an_open_lead_in(sent: Span) -> bool:
    """Whether the sentence is a list item with no subject of its own under a lead-in that
    leaves its sentence open (``_leaves_open``): a feeling's quote, like a gist, must not be
    such an item alone."""
    return bool(LIST_MARKER.match(sent.text)) and _finishes_lead_in(sent)


def _finishes_lead_in(item: Span) -> bool:
    """``under_an_open_lead_in`` for a sentence known to be a list item. An item that is a
    sentence of its own ("What did not go well:" / "- The deploy took four hours.") says
    what it says."""
    if any(c.dep_ in SUBJECTS for c in item.root.children):
        return False
    before = _sentence_before_items(item)
    return before is not None and _leaves_open(before)


def _sentence_before_items(sent: Span) -> Span | None:
    """The first sentence before ``sent`` that is not a list item: a list's lead-in, if it
    has one. Kept per item in the doc, so each item of a long list reads back one sentence,
    not the whole list again."""
    found = sent.doc.user_data.setdefault(_BEFORE_ITEMS, {})
    items, at = [], sent
    while at.start not in found:
        items.append(at.start)
        before = sent.doc[at.start - 1].sent if at.start > 0 else None
        if before is None or not LIST_MARKER.match(before.text):
            found[at.start] = before
            break
        at = before
    for start in items:
        found[start] = found[at.start]
    return found[sent.start]


def _leaves_open(lead: Span) -> bool:
    """Whether a lead-in leaves its sentence for each item to finish: it negates what the
    items will say ("This notice does not:", "We will never:"), it ends on a word that needs
    a clause after it ("The bug affects accounts which:", "We aim to:") or the examples that
    name what it speaks of ("will include parts of the project, such as:"), or on its own verb
    with nothing after it (``_wants_its_object``)."""
    text = lead.text.rstrip()
    if not text.endswith(":"):
        return False
    words = [t for t in lead if not t.is_space and not t.is_punct][-LEAD_IN_TAIL:]
    return bool(words) and (words[-1].lower_ in _OPEN_ENDS or any(t.dep_ == "neg" for t in words)
                            or _wants_its_object(words[-1]))


def _wants_its_object(word: Token) -> bool:
    """Whether the lead-in ends on its own verb, said now, with nothing after it ("Core members
    demonstrate:", "Our goals include:", "Candidates must have:", "We will:"): each item is
    that verb's object or the rest of its clause, and alone says something else ("a grasp of
    the project's aims")."""
    return word.dep_ == "ROOT" and word.tag_ in ("VB", "VBP", "VBZ", "MD") and not any(
        c.dep_ in _OBJECTS for c in word.rights)


def _list_candidate(items: list[Candidate], lead: Candidate | None) -> Candidate | None:
    """A list as one quote: its lead-in, then each item's opening words, while they fit."""
    text, shown = _quoted_whole(lead.text if lead else "", [_head(c.text, _words_to_verb(c)) for c in items])
    if shown < 2:
        return None
    first = lead or items[0]
    return Candidate(
        sent=first.sent, section=first.section, order=first.order, line=first.line, text=text,
        lemmas=tuple(w for c in ([lead] if lead else []) + items[:shown] for w in c.lemmas),
        figures=sum(c.figures for c in items[:shown]), names=sum(c.names for c in items[:shown]),
        question=False, cue=max(c.cue for c in [*([lead] if lead else []), *items]), end_char=items[shown - 1].end_char,
        # A list of asides (the titles under "See also") is one too.
        aside=(lead is not None and lead.aside) or all(c.aside for c in items[:shown]),
        request=lead is not None and lead.request,
        outlines=lead is not None and lead.outlines, agent=lead is not None and lead.agent,
        writer=lead is not None and lead.writer, dated=lead is not None and lead.dated,
        # Items that finish a lead-in not found before them (an item too short to quote
        # stands between): without it, they say nothing, or the opposite.
        finishes_lead_in=lead is None and items[0].finishes_lead_in)


def _quoted_whole(lead: str, heads: list[str]) -> tuple[str, int]:
    """A lead-in followed by the heads of what it leads in to, "; " between them, while they
    fit in MAX_LIST_QUOTE words, with "…" for those left out; and how many are shown."""
    text, shown = lead, 0
    for head in heads:
        longer = f"{text} {head}" if not shown else f"{_FULL_STOP.sub('', text)}; {head}"
        if len(longer.split()) > MAX_LIST_QUOTE:
            break
        text, shown = longer.strip(), shown + 1
    if 0 < shown < len(heads):
        text += "; …"
    return text, shown


def _head(text: str, verb_at: int = 0) -> str:
    """A list item's opening words: up to its first clause break after its main verb (a
    break before it ends an opening phrase, "To simplify billing,") that does not leave a
    clause open ("in which,"), or ITEM_WORDS words."""
    words = text.split()
    for match in _ITEM_BREAK.finditer(text):
        head = text[: match.start()].split()
        # "were posted in channels in which, for a week, …" is no clause until it goes on.
        if len(head) >= max(MIN_ITEM_WORDS, verb_at) and head[-1].lower() not in _OPEN_ENDS:
            return _cut(head)
    return _cut(words)


def _cut(words: list[str]) -> str:
    """The words, or their first ITEM_WORDS and "…" when more than ITEM_SLACK would be left
    out: a cut that saves three words drops the end of the point ("goes ahead unless the …")."""
    return " ".join(words) if len(words) <= ITEM_WORDS + ITEM_SLACK else " ".join(words[:ITEM_WORDS]) + " …"


def _words_to_verb(c: Candidate) -> int:
    """How many of the item's quoted words run up to its main verb, when it has one."""
    root = c.sent.root
    if root.pos_ not in ("VERB", "AUX"):
        return 0
    before = c.sent.text[: root.idx + len(root.text) - c.sent.start_char]
    return len(LIST_MARKER.sub("", " ".join(before.split())).split())


# A label that opens a line in lower case ("tl;dr: we are retiring…", "update: the fix is
# out"): the writer's own start, not the tail of a sentence cut by the splitter.
_OPENING_LABEL = re.compile(r"^[a-z][\w;.'-]{0,11}:\s")


def quote(sent: Span) -> str | None:
    """The sentence as the digest quotes it, as a reader of the page sees it: one line, no
    list marker, "Q:"/"A:" label, quote mark or emphasis, a link's text without its address,
    no words struck through; a long one cut to its leading clauses; None when it is too long
    to quote or has no words."""
    flat = as_read(sent.text)
    # A chat's one-line message: its speaker and time are in its citation, and any of its
    # sentences may start in lower case, as talk is typed.
    chat = in_line_chat(sent.doc)
    flat = flat[turn_prefix(flat) if chat else 0:]
    item = LIST_MARKER.match(flat)
    text = _unwrap(_without_label(LIST_MARKER.sub("", flat)).strip())
    if item:  # "- Ana designed the logo," and "- … by hand; and": the list's joints, not the item's
        text = _ITEM_JOINT.sub("", text)
    words = text.split()
    if len(words) < 3 or not any(c.isalpha() for c in text):
        return None
    if text[0].islower() and text == flat and not chat and not QUOTE_MARKS.match(sent.text) \
            and not typed_in_lower_case(sent.doc) and not _OPENING_LABEL.match(text):
        return None  # not a list item, a quoted line or a label: the tail of a sentence the splitter cut
    if len(words) <= MAX_QUOTE:
        return text
    clauses = _CLAUSE_BREAK.split(text)
    kept: list[str] = []
    for clause in clauses:
        if kept and len(" ".join([*kept, clause]).split()) > MAX_QUOTE:
            break
        kept.append(clause)
    head = " ".join(kept)
    if len(kept) < len(clauses) and MIN_CLAUSE <= len(head.split()) <= MAX_QUOTE:
        return _elided(head)
    return text if len(words) <= LONGEST_QUOTE else None


def main_clause(c: Candidate) -> str | None:
    """The sentence cut before a tail it can lose, "…" in its place, when the words left
    allow no whole sentence; or None. A tail it can lose runs to the sentence's end after a
    semicolon or a comma: a relative clause ("…, where he helped…"), a participle clause
    ("…, making it the largest…") or a clause joined by "and". Never a contrast, a condition
    or an exception ("…, but…", "…, unless…"), which carry what the sentence means; never a
    list or a table, whose quote is built from several lines."""
    sent = c.sent
    if c.item or c.end_char != sent.end_char:
        return None
    first, *rest = _AFTER_A_CLAUSE.split(c.text, maxsplit=1)
    if rest and len(first.split()) >= MIN_CLAUSE and _closed(first):
        return _elided(first)
    last = max((t.i for t in sent if not t.is_space and not t.is_punct), default=None)
    if last is None:
        return None
    root = sent.root.i  # a span finds its root anew each time it is asked
    for t in sent:
        comma = _comma_before(t)
        if comma is None or comma.i <= root or t.right_edge.i < last or not _loses(t):
            continue
        head = as_read(sent.doc.text[sent.start_char:comma.idx]).split()
        kept = c.text.split()[: len(head)]
        if len(kept) >= MIN_CLAUSE and kept[0] == head[0] and _closed(" ".join(kept)):
            return _elided(" ".join(kept))
    return None


def _elided(head: str) -> str:
    """The leading words of a quote, "…" standing for the rest (a mark that ended them goes)."""
    return head.rstrip(",;:") + " …"


def _comma_before(word: Token) -> Token | None:
    """The comma that sets off the clause ``word`` heads ("…, where…"), or for a conjunct the
    comma before its "and" ("…, and the racks…"); None where there is none."""
    at = word.left_edge.i - 1
    if word.dep_ == "conj":
        if at <= word.sent.start or word.doc[at].lower_ != "and":
            return None
        at -= 1
    return word.doc[at] if at >= word.sent.start and word.doc[at].text == "," else None


def _closed(text: str) -> bool:
    """Whether every bracket the text opens it also closes: a cut inside "(…)" is a fragment."""
    return text.count("(") == text.count(")") and text.count("[") == text.count("]")


def _loses(word: Token) -> bool:
    """Whether the clause ``word`` heads only adds to what comes before it: a relative clause,
    a participle clause with no conjunction of its own, or a conjunct clause with its own
    subject (not the last of a list: "a leader, builder, and advocate"); ``_comma_before``
    finds its "and"."""
    if word.dep_ == "relcl":
        return True
    if word.dep_ == "advcl":
        return word.tag_ == "VBG" and not any(c.dep_ == "mark" for c in word.children)
    return (word.dep_ == "conj" and word.pos_ in ("VERB", "AUX")
            and any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in word.children))


def _without_label(text: str) -> str:
    """The text without the "Q:" or "A:" that says who speaks in interview notes."""
    for label in (QUESTION_LABEL, ANSWER_LABEL):
        text = label.sub("", text, count=1)
    return text


def _message_tokens(sent: Span) -> list[Token]:
    """The sentence's words, without the time stamp and speaker that open a chat's one-line
    message: two messages of one speaker on one day are not the same point."""
    start = sent.start_char + (turn_prefix(sent.text) if in_line_chat(sent.doc) else 0)
    return [t for t in sent if not t.is_space and t.idx >= start]


def typed_in_lower_case(doc: Doc) -> bool:
    """Whether the writer types in lower case, as quick notes and chat are typed: most of the
    text's sentences open in lower case, so there lower case marks no sentence cut short."""
    known = doc.user_data.get(_TYPED_LOWER)
    if known is None:
        openings = [next((t.text[0] for t in sent if t.is_alpha), "") for sent in doc.sents]
        letters = [c for c in openings if c]
        known = len(letters) >= MIN_TYPED_SENTENCES and \
            sum(c.islower() for c in letters) >= LOWER_CASE_SHARE * len(letters)
        doc.user_data[_TYPED_LOWER] = known
    return known


def in_line_chat(doc: Doc) -> bool:
    """Whether the text is a chat exported one message a line."""
    outline = doc._.analyzer_outline if doc.has_extension("analyzer_outline") else None
    return outline is not None and outline.metadata.one_line_chat


def outside_brackets(tokens: list[Token]) -> list[Token]:
    """The tokens not between brackets: an aside ("our platform (launched in 2015)") is
    background, and its decision words do not make the sentence a decision."""
    kept, depth = [], 0
    for t in tokens:
        if t.text in "([":
            depth += 1
        elif t.text in ")]":
            depth = max(depth - 1, 0)
        elif not depth:
            kept.append(t)
    return kept


def _not_the_news(sent: Span) -> set[int]:
    """The tokens of clauses the sentence only supposes or gives as grounds: a condition or a
    case ("if the vote passes", "when a road closes"), a reason ("because earlier requests
    did not lead to any change"), or what the writer is unsure of ("I am not certain the
    landlord will agree to…", "I wonder whether we close"). Their decision words are not the
    sentence's news."""
    heads = [t for t in sent
             if (t.dep_ == "advcl" and any(c.dep_ in ("mark", "advmod") and (_supposes(c, t) or c.lower_ in _REASONS)
                                           for c in t.children))
             or (t.dep_ == "ccomp" and (_unsure(t.head) or any(c.dep_ == "mark" and c.lower_ in ("whether", "if")
                                                                for c in t.children)))]
    return {w.i for head in heads for w in head.subtree}


def _titled(section: Section | None, kind: re.Pattern[str]) -> bool:
    """Whether the sentence stands in a part whose title names it as ``kind`` of part: a
    reading list ("Additional reading", "See also"), whose lines are the titles of texts
    elsewhere and none of them a point of this one; or the questions readers ask ("FAQ"),
    each of them theirs, followed by the writer's answer."""
    return section is not None and bool(section.title) and bool(kind.match(section.title.strip(" :")))


def _points_here(sent: Span) -> bool:
    """It ends by sending the reader to look "here", at a link the plain text has lost ("You
    will find the full audit report here.", "The recording is available here."): where to
    read, not what it says."""
    words = [t for t in sent if not (t.is_punct or t.is_space)]
    if not words or words[-1].lower_ != "here":
        return False
    looks = words[-1].head
    while looks.pos_ in ("NOUN", "PROPN") and looks.head.i != looks.i:  # "find [the report here]"
        looks = looks.head
    if looks.lemma_ == "be":
        looks = next((c for c in looks.children if c.dep_ == "acomp"), looks)
    return looks.lemma_.lower() in _LOOKING


def _outlines(sent: Span) -> bool:
    """The sentence only announces what the text goes on to tell: its main verb outlines and
    its object is a wh-clause ("This post explains what changed, how to report a problem and
    what happened", "Below we describe how the rota works"), or it says what kind of text this
    is ("This is my end-of-day summary as incident commander"), or it leads in to a list of
    what the text goes on to tell ("In this post I will explain:"), or it says what the text
    sets out to do ("My aim in this letter is to answer the questions you sent"), or the
    writer would like to do one of these ("We would like to explain how the channel works"),
    or says what they will do in this text ("In this note I will look closely at which
    services are exposed")."""
    root = sent.root
    if _ahead_in_this_text(root):
        return True
    if root.lemma_ == "be" and any(c.dep_ == "nsubj" and c.lower_ == "this" for c in root.children):
        return any(c.dep_ == "attr" and c.lemma_.lower() in _KINDS_OF_TEXT for c in root.children)
    if root.lemma_ == "be" and any(c.dep_ == "nsubj" and c.lemma_.lower() in _AIMS for c in root.children):
        return any(t.lemma_.lower() in _TEXTS and any(d.lower_ == "this" for d in t.children) for t in sent)
    if root.lemma_.lower() in _FRAMING:  # "We would like to explain how…"
        root = next((c for c in root.children if c.dep_ == "xcomp" and c.lemma_.lower() in _OUTLINING), root)
    if root.lemma_.lower() not in _OUTLINING:
        return False
    if sent.text.rstrip().endswith(":") and not any(c.dep_ in ("dobj", "ccomp") for c in root.children):
        return True
    return any(c.dep_ == "ccomp" and any(t.lower_ in _WH_WORDS for t in c.subtree if t.i <= c.i) for c in root.children)


def _ahead_in_this_text(root: Token) -> bool:
    """"In this note I will look closely at…": the main verb is set in the text itself and said of
    what is to come in it, so it tells what the text goes on to tell, whatever the verb."""
    future = any(c.dep_ == "aux" and c.lemma_ in ("will", "shall") for c in root.children)
    return future and any(
        c.dep_ == "prep" and c.lower_ == "in" and any(
            o.dep_ == "pobj" and o.lemma_.lower() in _TEXTS and any(d.lower_ == "this" for d in o.children)
            for o in c.children)
        for c in root.children)


def _supposes(word: Token, clause: Token) -> bool:
    """"if" and "unless" suppose; "when" supposes a case only out of the past ("when a road
    closes"): "the blow came when the vendor announced new prices" tells what happened."""
    said = word.lower_
    return said in _CONDITIONAL or (said in _CASES and clause.tag_ not in ("VBD", "VBN"))


def _unsure(word: Token) -> bool:
    """"unsure", "wonder", "doubt", or "certain" and "sure" denied ("I am not certain")."""
    lemma = word.lemma_.lower()
    if lemma in _DOUBTING:
        return True
    clause = word.head if word.dep_ == "acomp" else word
    return lemma in _CERTAIN and (negated(word) or negated(clause))


def _someone_elses(sent: Span) -> bool:
    """Whether the sentence is a quotation, as a feedback summary lists its comments ('- "I'm
    frustrated that the rewrite was announced…"'): quoted whole, or opening a quotation that
    runs on past it. Its "I" and "we" are the person quoted, not the writer."""
    text = LIST_MARKER.sub("", as_read(sent.text)).strip()
    if text[:1] not in ('"', "“"):
        return False
    return bool(_ENCLOSED.match(text)) or len(_QUOTE_MARK.findall(text)) == 1


def _unwrap(text: str) -> str:
    """A sentence quoted whole in the memo, without its own quotation marks: the digest puts
    its own around it, and “"…"” reads as a stutter. So does the mark that opens a quotation
    running on past the sentence ("I feel the rota is unfair. I have been…")."""
    match = _ENCLOSED.match(text)
    if match and not _QUOTE_MARK.search(match.group(1)):
        return match.group(1).strip()
    if text[:1] in ('"', "“") and len(_QUOTE_MARK.findall(text)) == 1:
        return text[1:].lstrip()
    return text


def _agent(sent: Span, subjects: list[Token]) -> bool:
    """Whether a subject of the main verb (``subjects``) is the writer ("we", "I"), a named
    organisation, or a body that decides for one ("The board agreed to freeze spending", as
    minutes tell it, "The Acme team will retire…", a body named by its organisation), or the
    sentence is a record in minutes, opening on a past verb with no subject ("Agreed to cut
    retention to 30 days"): the meeting decided."""
    return any(s.lemma_.lower() in FIRST_PERSON or s.pos_ == "PROPN" or s.ent_type_ in ("ORG", "PERSON")
               or s.lemma_.lower() in DECIDING_BODIES or _named_body(s) for s in subjects) or _recorded(sent)


def _named_body(subject: Token) -> bool:
    """Whether the subject is a group that its organisation's name introduces ("the Acme
    team", "the Acme security team"): a team acting for the organisation."""
    return subject.lemma_.lower() in NAMED_BODIES and any(
        t.dep_ == "compound" and (t.pos_ == "PROPN" or t.ent_type_ == "ORG")
        for left in subject.lefts for t in left.subtree)


def _by_writer(subjects: list[Token]) -> bool:
    """Whether the writer, and no one beside, is the subject of the main verb ("We are proud
    to announce…"); ``subjects`` are ``_subjects`` of the sentence."""
    return bool(subjects) and all(s.lemma_.lower() in FIRST_PERSON for s in subjects)


def _subjects(sent: Span) -> list[Token]:
    """The subjects of the sentence's main verbs, and whoever "it is time for" to act. A main
    verb whose subject is only a day ("Today is our tenth anniversary, and I am stepping
    down") sets the scene; the subjects are those of the clauses joined to it."""
    roots = [root for root in sent if root.dep_ == "ROOT"]
    return [s for root in roots for s in _main_subjects(root)] + [c for root in roots for c in _whose_time(root)]


def verb_subjects(verb: Token) -> list[Token]:
    """The verb's own subjects, active or passive."""
    return [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]


def _main_subjects(root: Token) -> list[Token]:
    """The subjects of a main verb, or, when they are only days, of the clauses joined to it."""
    subjects = verb_subjects(root)
    if not subjects or not all(s.ent_type_ == "DATE" or s.lower_ in DAYS for s in subjects):
        return subjects
    return [s for verb in root.conjuncts for s in verb_subjects(verb)] or subjects


def _bracketed(text: str) -> bool:
    """Whether the text is one bracketed remark: it opens with a bracket that closes only at
    its end, before at most a stop."""
    body = text.rstrip(".!?")
    if len(body) < 2 or body[0] not in "([" or body[-1] != {"(": ")", "[": "]"}[body[0]]:
        return False
    depth = 0
    for k, ch in enumerate(body):
        depth += (ch == body[0]) - (ch == body[-1])
        if depth == 0 and k < len(body) - 1:
            return False
    return True


def _whose_time(root: Token) -> list[Token]:
    """Who "it is time for" to act: "me" in "It is time for me to step back", the writer's
    own move told as due."""
    return [c for attr in root.children if attr.dep_ == "attr" and attr.lemma_.lower() == "time"
            for verb in attr.children if verb.dep_ in ("relcl", "acl") for c in verb.children if c.dep_ == "nsubj"]


def _recorded(sent: Span) -> bool:
    """Whether the sentence opens on a past verb without a subject: "Agreed to…", "Decided that…"."""
    first = next((t for t in sent if t.is_alpha), None)
    return first is not None and first.pos_ == "VERB" and first.tag_ in ("VBD", "VBN") \
        and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in first.children)


def said_by_writer(word: Token, deps: tuple[str, ...] = ("nsubj",)) -> bool:
    """Whether the word's subject, in one of ``deps``, is the writer ("I", "we")."""
    return any(c.dep_ in deps and c.lower_ in FIRST_PERSON for c in word.children)


def negated(word: Token) -> bool:
    """Whether the word has a negation of its own ("not certain", "don't thank")."""
    return any(c.dep_ == "neg" for c in word.children)


def _asks(sent: Span) -> bool:
    """Whether the writer makes a request in so many words: "I ask that…", "We are asking
    for three things", "I urge the board to…", and as a letter or a courtesy frames it, "We
    are writing to ask you to…", "I would like to request…". "I was asked", "I am not
    asking…" and "I asked" tell of a request; they do not make one."""
    root = sent.root
    if _names_the_request(root):
        return True
    if not said_by_writer(root) or any(c.dep_ in ("neg", "auxpass") for c in root.children):
        return False
    if root.lemma_.lower() in _ASKING:
        return root.tag_ in ("VBP", "VBG")
    return root.lemma_.lower() in _FRAMING and root.tag_ in ("VB", "VBP", "VBG") and any(
        c.dep_ in ("xcomp", "advcl") and c.lemma_.lower() in _ASKING and c.tag_ == "VB" for c in root.children)


def _starts_with_the_news(sent: Span) -> bool:
    """"I'll start with the headline", "Let me begin with the bad news": the writer says
    what comes first, and the next sentence tells it."""
    for verb in sent:
        if verb.lemma_.lower() not in _STARTING or not (verb.dep_ == "ROOT" or verb.head.lemma_ == "let"):
            continue
        if not any(c.dep_ == "nsubj" and c.lemma_.lower() in ("i", "we", "us") for c in verb.children):
            continue
        if any(p.lower_ == "with" and any(o.dep_ == "pobj" and o.lemma_.lower() in _NEWS for o in p.children)
               for p in verb.children if p.dep_ == "prep"):
            return True
    return False


def _names_the_request(root: Token) -> bool:
    """"What I am asking for is simple:", "What we ask is that…", "My request is this:",
    "Our asks are:": the writer's request as the subject of "be", what follows (often a
    list) being the request itself. "What I am not asking for is…" makes none."""
    if root.lemma_ != "be":
        return False
    return any(
        (c.dep_ == "csubj" and c.lemma_.lower() in _ASKING and said_by_writer(c) and not negated(c))
        or (c.dep_ == "nsubj" and c.lemma_.lower() in _ASKING and c.tag_.startswith("NN")
            and the_writers(c))
        for c in root.children)


def the_writers(noun: Token) -> bool:
    """Whether the noun is the writer's own: "my request", "our apologies", "our thanks"."""
    return any(p.dep_ == "poss" and p.lower_ in _FIRST_PERSON_POSSESSIVE for p in noun.children)


def _looks_back(sent: Span) -> bool:
    """Whether the writer's side tells what it did or said at a time before the text's ("Last
    month I announced…", "Two weeks ago we decided…", "Earlier this year we said…"): a
    decision the writer took then is the ground of what the text says now. "Yesterday" and
    "today" are the text's own news, and so is what others did ("Last week the vendor
    announced…")."""
    root = sent.root
    if root.tag_ not in ("VBD", "VBN") or root.tag_ == "VBN" and not any(c.lower_ == "had" for c in root.children):
        return False
    if not said_by_writer(root):
        return False
    for child in root.children:
        if child.dep_ not in ("npadvmod", "advmod", "prep", "advcl"):
            continue
        # The time is the phrase's own ("last week", "in my last update"), not a comparison
        # ("like last year") or a date ("until the spring of 2021").
        words = [t.lower_ for t in child.subtree]
        first = child.left_edge
        if first.i > 0 and first.nbor(-1).lower_ in _COMPARING:
            continue
        if words[0] in ("in", "at") and len(words) > 2 and words[1] in ("my", "our"):
            words = words[2:]
        if words[-1] == "ago" or words[0] in ("previously", "earlier") or (
                len(words) == 2 and words[0] == "last" and words[1] in _PERIODS):
            return True
    return False


def _would_happen(sent: Span) -> bool:
    """Whether the main verb is put with "would", "could" or "might" by anyone but the writer:
    a mechanism ("the bot's approval would start the merge") or a supposition ("the vendor
    could revoke the name"), where "we would like to…" is the writer's own polite decision."""
    root = sent.root
    return any(c.dep_ == "aux" and c.lower_ in _SUPPOSING for c in root.children) and not said_by_writer(root)


def _trails_off(sent: Span, text: str, line_of) -> bool:
    """Whether the sentence has no stop and its main verb no subject, and follows a finished
    sentence on its line: the writer trailed off, and a quote of it would cut the point."""
    if ends_sentence(text) or text.endswith((":", ";")):
        return False
    doc = sent.doc
    before = doc[sent.start - 1] if sent.start else None
    follows_on_line = (before is not None and line_of(before.idx) == line_of(sent.start_char)
                       and before.text in (".", "!", "?"))
    subject = any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in sent.root.children)
    return follows_on_line and not subject


def _closes_a_quotation(text: str) -> bool:
    """Whether the sentence ends a quotation it did not open: more closing marks than
    opening ones, the last of them at its end."""
    return text.rstrip().endswith("”") and text.count("”") > text.count("“")


def _opens_with_date(sent: Span) -> bool:
    """Whether a date with a figure or a month in it ("October 1, 2019", "in 2019", "From
    June") starts within the sentence's first words, after at most a preposition ("On",
    "Starting on"); "In the past weeks" names no date on a calendar. "Since 2019, …" tells
    how things have been, neither an event nor a change.

    The entities are read from the tokens' tags: ``Span.ents`` walks every entity of the
    document for each sentence, which grew with the square of a long text's length."""
    doc = sent.doc
    # A weekday before the date ("On Tuesday, 4 March, …") only names its day: the date after
    # it opens the sentence as much as one without it.
    weekday = 0
    for k, token in enumerate(sent):
        if k - weekday > OPENING_DATE:
            break
        if token.lower_ == "since":
            return False
        if token.ent_iob_ == "B" and token.ent_type_ == "DATE":
            end = token.i + 1
            while end < len(doc) and doc[end].ent_iob_ == "I":
                end += 1
            if end <= sent.end and (any(c.isdigit() for c in doc[token.i:end].text)
                                    or any(t.lower_ in MONTHS for t in doc[token.i:end])):
                return True
        if token.lower_ in WEEKDAYS or (weekday and token.is_punct and sent[k - 1].lower_ in WEEKDAYS):
            weekday += 1
    return False


def _figures(tokens: list[Token]) -> int:
    """How many figures (amounts, dates, counts) the tokens hold."""
    return sum(1 for t in tokens if _starts_entity(t, FIGURE_ENTITIES) or (t.like_num and not t.ent_type_))


def amounts(sent: Span) -> int:
    """How many counts, sums, shares and measures the sentence gives ("seven", "$40", "12%")."""
    return sum(1 for t in sent if _starts_entity(t, AMOUNT_ENTITIES))


def _names(tokens: list[Token]) -> int:
    """How many distinct named things (organisations, products, places, people) they name."""
    return len({t.lemma_ for t in tokens if _starts_entity(t, NAMED_ENTITIES)})


def _content(token: Token) -> bool:
    """A word that says what a sentence is about. A number is one even where spaCy lists it
    among stop words ("six hours", "the third outage"): a count is often the point."""
    return token.pos_ in CONTENT_POS and (not token.is_stop or token.like_num) and (token.is_alpha or token.like_num)


def _starts_entity(token: Token, labels: frozenset[str]) -> bool:
    return token.ent_iob_ == "B" and token.ent_type_ in labels
