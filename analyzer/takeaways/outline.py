"""What the document says, part by part: its main point first, then the gist of its parts.

The main point is the decision, announcement, event or request the document exists for: an
early sentence that carries decision words (``lexicons/takeaways/main-point.tsv``), shares
the title's words and leads its part. A part is a section with prose under it; a text
without headings is cut into runs of whole paragraphs of about PASSAGE_WORDS words.

The gists are then chosen one at a time, each time the sentence that adds most per word a
reader reads: how likely it states a key fact (central to the text, naming things and
figures, carrying decision words; not a question or a lead-in to a list), less what it shares
with the sentences already chosen and how many of those its part already has. A short
sentence that says something new beats a long one that says it again, and every part gets
its turn before any part gets a second.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Span, Token

from ..claims.modality import tells_future
from ..sections.layout import LIST_MARKER
from ..sections.outline import Section
from .centrality import Vector, centrality, cosine, squared_norms, tfidf
from .sentences import MIN_CLAUSE, Candidate, amounts, in_line_chat, main_clause
from .view import DocView

# How a part's gist is chosen, per unit of each feature: centrality in the whole text, named
# things and figures (up to three), decision words, a list quoted whole, the part title's
# words, a part's first sentence; against: a lead-in to a list, a question, a fragment.
# Fitted (logistic regression) on which sentences of the real-memos development documents
# carry a key fact, then rounded. A sentence that opens by tying itself to the one before
# ("Specifically, …", "But …", "For example, …") carries a key point about a third of the
# time there, against almost half for the others; it elaborates a point stated elsewhere.
# (That weight was set by hand on those documents: at -0.5, the gap's size in log-odds, and at
# -1.0 recall was the same, and item precision 0.802 against 0.810.) A sentence that opens with
# a condition ("If you build on a laptop, …") carries one about a quarter of the time against almost
# half: a caveat or advice for some readers; its weight is that gap in log-odds. One that opens
# by placing itself before the change ("Previously, …", "In the past, …") tells how things were:
# none of the four in those documents carries a key point, too few to fit a weight, so it takes
# the weight of a sentence that follows on. These three are keyed as ``Candidate.opening`` is.
# A sentence whose main verb is "also" done ("The researcher also recommended…") carries a key
# fact 39% of the time in the three real sets this was developed on (development documents
# and the two later sets), against 51% for the others: a point beside another. Its weight is
# that gap in log-odds. One that says what "will" happen tells a plan or a decision: with the
# features above held equal (a logistic regression over those sets' sentences), it carries a
# key fact more often by 0.5 in log-odds.
GIST_WEIGHTS = {"overall": 4.7, "names": 0.45, "figures": 0.35, "cue": 0.35, "item": 0.35, "title": 0.35,
                "first": 0.2, "lead_in": -0.75, "question": -1.0, "short": -0.5, "follows_on": -1.0,
                "conditional": -1.0, "background": -1.0, "added": -0.5, "future": 0.5}
# Added to every sentence's worth before it is divided by its words, so that a sentence worth
# little is not made attractive by being short; and what repeating counts against a sentence:
# its greatest similarity (cosine) to one already chosen, and each gist its part already has.
WORTH_FLOOR = 1.0
LEAST_WORTH = WORTH_FLOOR / 2
REDUNDANCY = 4.0
SPREAD = 0.5
MIN_GIST_WORDS = 6
# A sentence of fewer content words than this that points back with a pronoun or to a place
# in the story ("And they never complained about it.", "We should look into that.", "We did not
# want to stop there.") leans on the sentences around it and tells a reader nothing alone;
# "Memory is billed monthly." names what it speaks of.
MIN_GIST_CONTENT = 3
_POINTS_BACK = frozenset({"it", "they", "them", "that", "this", "these", "those", "he", "she", "him", "her", "there"})
_PLACES = frozenset({"former", "latter", "first", "second", "third", "same"})
# What picks out "one" of the things just named: "either one", "this one", "the other one".
_PICKS = frozenset({"either", "neither", "each", "this", "that", "other"})
_SAYS_WHICH = frozenset({"prep", "acl", "relcl"})
NOT_THE_POINT = -2.0
# A text without headings is cut into this many words' worth of paragraphs per part. (At 250
# words, cut greedily, the development documents lost key points; at 300, rounded, none.)
PASSAGE_WORDS = 300
# What a list item that only gives a time is made of: dates, times and numbers, the words
# and marks between them ("to", "--"), and a time zone ("UTC", "CEST").
_WHEN = frozenset({"DATE", "TIME", "CARDINAL"})
_BETWEEN_TIMES = frozenset({"NUM", "ADP", "CCONJ", "DET", "PUNCT", "SYM"})
ZONE_LETTERS = 4
# Main-point candidates: the first sentences of the text, and decision sentences anywhere in
# its first half.
LEAD_SENTENCES = 8
# The first sentence of all states the main point more often than any other. (A bonus for
# the first paragraphs, and parts made of runs of paragraphs in a text without headings,
# both lowered recall on the real-memos development documents.)
FIRST_SENTENCE = 1.0
# A sentence that opens with a date tells an event or a scheduled change.
DATED = 1.0
# A point "also" done, or one that ties itself to the sentence before ("But I was promised…",
# "Specifically, …"), stands beside the main one: as the main point, it loses as much as a
# decision word adds.
ADDED = 1.0
# A request to the reader ("Could we fund the first phase this quarter?") says what a
# message is for as plainly as a summary the writer marks; where the writer's side decides
# in the opening sentences ("We will not move the release"), a request is what follows
# from the decision, and counts for this share.
REQUESTED = 2.0
AFTER_A_DECISION = 0.5
DECIDES = 2.0
# The writer's own summary of the text, or the decision they mark as such: a sentence after
# a "TL;DR:", "Summary:" or "Decision:" label, or one in a part titled so, or the sentence a
# lead-in hands over to ("…, so here it is plainly:", "Put simply:"). It names the main point
# more often than any other sentence; a chat's decision comes last, after the talk.
SUMMARISED = 2.0
# The labels of a decision taken, which count as the main point wherever they stand, as do
# the titles of the part a notice of change tells its change in ("2. What is changing").
_DECISION_WORDS = r"(?:final )?decisions?|decided|resolutions?|outcomes?|(?:our )?recommendations?"
_CHANGE_WORDS = r"what(?:\s+is|'s|’s)?\s+chang(?:ing|es)|what\s+will\s+change|(?:the\s+)?changes?"
_DECISION_LABEL = re.compile(rf"^(?:{_DECISION_WORDS}|{_CHANGE_WORDS})\b", re.IGNORECASE)
_SUMMARY_LABEL = re.compile(r"^(?:tl;?\s?dr|summary|executive summary|abstract|overview|in short|bottom line|bluf"
                            r"|the short version|overall(?: assessment| summary| view| picture)?|conclusions?|in conclusion"
                            r"|verdict|(?:my |our )?(?:core|main|key|central) (?:points?|objections?|concerns?|asks?|requests?)"
                            rf"|{_DECISION_WORDS})\b", re.IGNORECASE)
_SUMMARY_LEAD = re.compile(r"\b(?:plainly|simply|bluntly|briefly|in short|in brief|in a nutshell|bottom line"
                           r"|to be clear|short version|tl;?\s?dr|summary)\s*:$", re.IGNORECASE)
# The most words a label may have and still name a summary after an opening word ("ok decision").
LABEL_WORDS = 3
_NUMBERED = re.compile(r"^\s*(?:\d+(?:\.\d+)*|[IVXivx]+)[.)]?\s+")
# A sentence that says the main point was untrue ("That was not true.") is short.
MAX_CORRECTION_WORDS = 8
# Words that name news without telling it, and the dependents that would tell it ("a change
# that ends…", "the decision to close…", "an announcement: …"); "a change to the project" tells
# only what it touches.
_GENERAL_NEWS = frozenset({"change", "decision", "announcement", "news", "update", "development", "step"})
_SAYS_WHAT = frozenset({"acl", "relcl", "appos", "ccomp"})
_DEMONSTRATIVES = frozenset({"this", "that", "it", "these", "those"})
_TRUTH = frozenset({"true", "right", "correct", "accurate", "case"})
_FALSITY = frozenset({"untrue", "false", "wrong", "incorrect", "inaccurate", "error", "mistake"})
# Decision words count up to this much.
MAX_MAIN_CUE = 4.0
# Decision words count this much when neither the writer nor an organisation is the subject
# of the sentence's main verb: the sentence more likely reports a decision than makes one.
OTHER_VOICE = 0.4
TITLE_WORD = re.compile(r"[^\W_]+")
# Words too common in titles to say what a text is about.
TITLE_STOP = frozenset({"the", "a", "an", "of", "and", "or", "to", "for", "in", "on", "at", "by", "with", "from",
                        "our", "we", "you", "your", "is", "are", "what", "how", "why", "need", "know", "about",
                        "update", "note", "notes", "re", "fwd"})


@dataclass(frozen=True)
class Part:
    """A stretch of the document summarised on its own."""

    section: Section | None
    title: str | None
    candidates: tuple[Candidate, ...]
    # What the digest shows over the part's gists: its title, or nothing when that is the
    # document's title, which the main point already names.
    label: str = ""

    @property
    def words(self) -> int:
        return sum(c.words for c in self.candidates)

    @property
    def line(self) -> int:
        return self.candidates[0].line


@dataclass(frozen=True)
class Scored:
    """Candidates with the vectors and centrality every choice below reads."""

    candidates: tuple[Candidate, ...]
    vectors: tuple[Vector, ...]
    overall: tuple[float, ...]
    squared: tuple[float, ...]  # each vector's squared length, kept for the many comparisons

    @classmethod
    def of(cls, candidates: Sequence[Candidate]) -> Scored:
        vectors = tfidf([c.lemmas for c in candidates])
        return cls(tuple(candidates), tuple(vectors), tuple(centrality(vectors)), tuple(squared_norms(vectors)))

    def similarity(self, i: int, j: int) -> float:
        """The cosine of candidates ``i`` and ``j``."""
        return cosine(self.vectors[i], self.vectors[j], (self.squared[i], self.squared[j]))


def parts(view: DocView, candidates: Sequence[Candidate]) -> list[Part]:
    """Sections with prose, or, in a text with no headings to go by, runs of its paragraphs of
    about PASSAGE_WORDS words each: a long letter or story moves from one matter to the next
    as a sectioned memo does, and its gists should follow it."""
    titled = {c.section.id for c in candidates if c.section is not None and c.section.title}
    if len(titled) >= 2:
        return _section_parts(candidates, view.title)
    return [Part(None, None, tuple(run)) for run in _passages(view, candidates)]


def _passages(view: DocView, candidates: Sequence[Candidate]) -> list[list[Candidate]]:
    """The candidates in runs of whole paragraphs, as many runs as PASSAGE_WORDS goes into the
    text's words (rounded; one for a short text), each closed at the first paragraph break
    past its share."""
    total = sum(c.words for c in candidates)
    count = round(total / PASSAGE_WORDS)
    if count < 2:
        return [list(candidates)] if candidates else []
    share = total / count
    runs: list[list[Candidate]] = []
    words = 0
    for before, c in zip([None, *candidates], candidates):
        new_paragraph = before is None or c.line > last_line(view, before) + 1
        if not runs or (new_paragraph and words >= share and len(runs) < count):
            runs.append([])
            words = 0
        runs[-1].append(c)
        words += c.words
    return runs


def last_line(view: DocView, c: Candidate) -> int:
    """The line the candidate's last word stands on (a sentence's span takes in the blank
    lines after it)."""
    span = c.sent.doc.char_span(c.sent.start_char, c.end_char, alignment_mode="contract")
    words = [t for t in span or () if not t.is_space]
    return view.line_of(words[-1].idx if words else c.sent.start_char)


def _section_parts(candidates: Sequence[Candidate], doc_title: str | None) -> list[Part]:
    by_section: dict[int | None, list[Candidate]] = defaultdict(list)
    for c in candidates:
        by_section[c.section.id if c.section else None].append(c)
    found = []
    for group in by_section.values():
        section = group[0].section
        title = section.title if section else None
        found.append(Part(section, title, tuple(group), "" if title is None or title == doc_title else title))
    return found


def main_point(view: DocView, scored: Scored) -> int | None:
    """The index of the candidate that states the document's main point."""
    cands = scored.candidates
    if not cands:
        return None
    title = view.title_words
    half = cands[len(cands) // 2].order if len(cands) > 1 else cands[0].order
    # A decision the writer marks counts wherever it stands: minutes end with their
    # decisions, a proposal with its recommendation. A chat comes to its decision, or its
    # summary, after the talk; elsewhere a closing "Bottom line:" draws a moral from the news.
    # The writer's own announcement in the strongest words ("I am announcing that I will step
    # down") is the point of a long letter even where it comes after the life that led to it.
    chat = in_line_chat(view.doc)
    decisions = [c for c in cands[:LEAD_SENTENCES] if c.cue >= DECIDES and not (c.question or c.request)]
    decided = any(c.agent for c in decisions)
    # Where the writer decides or announces in the opening sentences, what another party
    # decided ("the vendor announced they are ending the free tier") is what the writer answers.
    writer_decides = any(c.writer for c in decisions)
    requested = REQUESTED * (AFTER_A_DECISION if decided else 1.0)
    best, best_score = None, float("-inf")
    # The last line of each part's first paragraph: a part titled "Summary" states it there;
    # the paragraphs after elaborate, or point to more.
    opening: dict[int, int] = {}
    for c in cands:
        if id(c.section) not in opening:
            opening[id(c.section)] = _paragraph_end(view, c.line)
    for i, c in enumerate(cands):
        early = i < LEAD_SENTENCES
        summarised = _summarises(c, cands[i - 1] if i else None, c.line <= opening[id(c.section)])
        if c.finishes_lead_in or (not early and not (c.cue >= 2 and c.order <= half) and not (chat and summarised)
                                  and not _labelled(c, _DECISION_LABEL) and not (c.writer and c.cue >= MAX_MAIN_CUE)):
            continue
        own = c.writer if writer_decides else c.agent
        cue = min(c.cue, MAX_MAIN_CUE) * (1.0 if own or c.cue < 0 else OTHER_VOICE)
        # A list quoted whole with its lead-in starts where its lead-in does.
        first = FIRST_SENTENCE if c.order == cands[0].order else 0.0
        score = cue + 1.5 * _overlap(title, c) + 0.8 * scored.overall[i] + first
        score += DATED * c.dated + requested * c.request + SUMMARISED * summarised
        score -= 2.0 * c.question + 1.5 * (c.lead_in or c.field or c.outlines or c.bracketed) + 0.5 * c.item \
            + (1.0 if c.words < 6 else 0.0)
        score -= ADDED * (c.added or c.opening == "follows_on")
        if score > best_score:
            best, best_score = i, score
    return best


def correction(cands: Sequence[Candidate], main: int) -> int | None:
    """The index of the short sentence right after the main point that says it was untrue
    ("That was not true.", "This was an error."), or None: quoted alone, the main point
    would tell a reader the opposite of what happened."""
    after = _next_sentence(cands, main)
    if after is None or after.section is not cands[main].section:
        return None
    return main + 1 if after.words <= MAX_CORRECTION_WORDS and _denies(after.sent.root) else None


def specifics(view: DocView, cands: Sequence[Candidate], main: int) -> int | None:
    """The index of the sentence right after the main point, in its paragraph, that gives the
    amounts it lacks, or None. A main point that opens in general terms ("The support desk has
    changed shape this quarter.") is often made concrete by the next sentence ("It had nine
    staff; from May it has four."), and quoted alone it tells a reader only that something
    changed. One that names someone or something, or gives an amount, is concrete already;
    a time ("for months") makes nothing concrete."""
    after = _next_sentence(cands, main)
    if after is None:
        return None
    unnamed = _unnamed_news(cands[main].sent)
    if not unnamed and (cands[main].names or amounts(cands[main].sent)):
        return None
    if after.line > last_line(view, cands[main]) + 1 or after.question or after.aside or after.item or after.lead_in:
        return None
    return main + 1 if unnamed or amounts(after.sent) else None


def _unnamed_news(sent: Span) -> bool:
    """The sentence announces news it does not say ("In March we announced an important
    change to the depot rota."): its object is a general word for news with nothing that tells
    what it is, and the next sentence does."""
    root = sent.root
    return not sent.text.rstrip().endswith(":") and any(
        c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in _GENERAL_NEWS
        and not any(k.dep_ in _SAYS_WHAT for k in c.children) for c in root.children)


def _next_sentence(cands: Sequence[Candidate], main: int) -> Candidate | None:
    """The candidate right after the main point, if it is the text's next sentence."""
    after = cands[main + 1] if main + 1 < len(cands) else None
    return after if after is not None and after.order == cands[main].order + 1 else None


def _denies(root: Token) -> bool:
    """"That was not true", "This is not the case", "It was an error": a demonstrative said
    to be untrue."""
    if root.lemma_ != "be" or not any(c.dep_ == "nsubj" and c.lower_ in _DEMONSTRATIVES for c in root.children):
        return False
    complements = [c for c in root.children if c.dep_ in ("acomp", "attr")]
    negated = any(c.dep_ == "neg" for c in root.children)
    return any((negated and c.lemma_.lower() in _TRUTH) or (not negated and c.lemma_.lower() in _FALSITY)
               for c in complements)


def _paragraph_end(view: DocView, line: int) -> int:
    """The last line of the paragraph that holds ``line``: the line before the next blank one."""
    count = len(view.lines)
    while line < count and view.lines.line(line + 1).strip():
        line += 1
    return line


def _summarises(c: Candidate, before: Candidate | None, opens_its_part: bool) -> bool:
    """Whether the writer marks the sentence as the text's summary or decision: it opens with
    such a label ("TL;DR: we move to…", "Decision: the release moves to Tuesday"), stands in
    the first paragraph of a part so titled ("Summary", "1. Abstract", "Decision"), or
    follows a lead-in that sums up what comes ("…, so here it is plainly:") or hands it over
    ("You asked for feedback, so here it is.", "I'll start with the headline.")."""
    handed_over = before is not None and before.section is c.section and bool(
        _SUMMARY_LEAD.search(before.text) or before.hands_over)
    return _labelled(c, _SUMMARY_LABEL, in_its_part=opens_its_part) or handed_over


def _labelled(c: Candidate, labels: re.Pattern[str], in_its_part: bool = True) -> bool:
    """Whether the sentence opens with one of ``labels`` or (where ``in_its_part``) stands in
    a part so titled. A part titled "Resolution" tells how an incident was fixed: minutes
    label their resolutions one by one ("Resolution: the board…") or title them in the plural."""
    label = c.text.split(":", 1)[0] if ":" in c.text[:30] else ""
    if _summary_label(label, labels):
        return True
    title = _NUMBERED.sub("", c.section.title) if in_its_part and c.section is not None and c.section.title else ""
    title = title.strip().rstrip(":")
    return bool(labels.fullmatch(title)) and title.lower() != "resolution"


def _summary_label(label: str, labels: re.Pattern[str]) -> bool:
    """Whether a label of at most LABEL_WORDS words ends in one of ``labels``: "Decision",
    and as talk puts it, "ok decision", "so, final decision"."""
    words = label.split()
    return len(words) <= LABEL_WORDS and any(labels.fullmatch(" ".join(words[k:])) for k in range(len(words)))


def gists(doc_parts: Sequence[Part], scored: Scored, taken: Sequence[int], words: int,
          covered: Sequence[int] = ()) -> list[tuple[int, Candidate]]:
    """The sentences to quote as gists, best first, in at most ``words`` words, each with its
    index; a part's title, read once with its first gist, counts in those words. ``taken`` are
    quoted already; ``covered`` sentences share a line with a quote and are quoted only when
    nothing else that fits is left to choose from, or words are left when nothing else is.
    Words left that no whole sentence fits go to the main clause of the best one left."""
    cands = scored.candidates
    part_of = {id(c): k for k, part in enumerate(doc_parts) for c in part.candidates}
    position = {id(c): j for part in doc_parts for j, c in enumerate(part.candidates)}
    titles = [title_words(part.title) for part in doc_parts]
    worth = [gist_score(c, scored.overall[i], _overlap(titles[part_of[id(c)]], c), position[id(c)]) + WORTH_FLOOR
             for i, c in enumerate(cands)]
    chosen: list[int] = list(taken)
    per_part = [0] * len(doc_parts)
    # A question is quoted as a gist only in a text of nothing but questions: most ask for
    # effect, and none states what a part says. Nor is a lead-in that points ahead ("We
    # agreed on the following:"): it says nothing without what follows (a list is quoted whole).
    # A note about the publication itself ("This post first appeared on…") or a pointer to
    # text elsewhere ("Details can be found here") is never a gist either, whatever else it
    # says; nor is a sentence whose cue words weigh below NOT_THE_POINT ("Hope you are well"),
    # nor a thought the writer left unfinished, nor the end of someone else's words, nor one
    # whose features count more against it than for it by half the floor (a caveat for some
    # readers with nothing else to it): words left unused say less than a gist of that kind.
    statements = {i for i, c in enumerate(cands)
                  if not c.question and not c.points_ahead and not c.aside and not c.unfinished and not c.quotes_on
                  and c.cue > NOT_THE_POINT and worth[i] > LEAST_WORTH}
    quotable = _quotable(cands, statements)
    room = words

    def cost(i: int) -> int:
        part = part_of[id(cands[i])]
        return cands[i].words + (0 if per_part[part] else len(doc_parts[part].label.split()))

    picked: list[int] = []

    def fill(open_: set[int], anchors: list[int]) -> None:
        """Pick from ``open_`` while words last, each pick judged against ``anchors`` and the
        picks before it. Each pick drops at once what no longer fits or repeats it, so the cost
        stays the number of candidates times the number of gists, whatever the text's length."""
        nonlocal room
        # Only the open candidates are ever valued: a closed one is never asked about.
        similar = {i: max((scored.similarity(i, j) for j in anchors), default=0.0) for i in open_}

        def value(i: int) -> float:
            repeated = REDUNDANCY * similar[i] + SPREAD * per_part[part_of[id(cands[i])]]
            return (worth[i] - repeated) / cands[i].words

        while open_:
            best = max(open_, key=lambda i: (value(i), -i))
            room -= cost(best)
            chosen.append(best)
            picked.append(best)
            per_part[part_of[id(cands[best])]] += 1
            open_ = {i for i in open_ if i != best and cost(i) <= room and not _redundant(cands[i], cands[best])}
            for i in open_:
                similar[i] = max(similar[i], scored.similarity(i, best))

    anchors = [*chosen, *covered]
    uncovered = {i for i in _choosable(cands, quotable, anchors) if cost(i) <= room}
    if uncovered:
        fill(uncovered, anchors)
        # Words left (a digest given more than a quarter of the text): the lines quoted from.
        fill({i for i in _choosable(cands, quotable, chosen) if i in covered and cost(i) <= room}, list(chosen))
    else:  # a note of one paragraph: its other sentences are all it has
        fill({i for i in _choosable(cands, quotable, chosen) if cost(i) <= room}, list(chosen))
    quoted = [(i, cands[i]) for i in picked]
    titled = {i: cost(i) - cands[i].words for i in range(len(cands))}
    return [*quoted, *_cut_to_fit(cands, _choosable(cands, quotable, chosen), worth, room, titled)]


def _cut_to_fit(cands: Sequence[Candidate], left: set[int], worth: Sequence[float], room: int,
                titled: dict[int, int]) -> list[tuple[int, Candidate]]:
    """The sentence left that is worth most per word of its main clause, cut to that clause,
    when the clause and the words of its part's title still to be read (``titled``) fit in
    ``room``: a short digest's last words then still say something. One at most: a digest of
    cut sentences reads as fragments. (A cut keeps MIN_CLAUSE words and its "…": with fewer
    words left, no sentence is read for one.)"""
    if room <= MIN_CLAUSE:
        return []
    fitting = [(i, short) for i in left if (short := main_clause(cands[i])) is not None
               and len(short.split()) + titled[i] <= room]
    if not fitting:
        return []
    i, short = max(fitting, key=lambda f: (worth[f[0]] / len(f[1].split()), -f[0]))
    return [(i, replace(cands[i], text=short))]


def _quotable(cands: Sequence[Candidate], statements: set[int]) -> set[int]:
    """Sentences long enough to quote and to say something alone, statements (unless the text
    has none); never a list item that only finishes its lead-in's sentence."""
    return {i for i, c in enumerate(cands) if c.words >= MIN_GIST_WORDS and (i in statements or not statements)
            and not c.finishes_lead_in and not _leans_back(c) and not _only_a_time(c)}


def _choosable(cands: Sequence[Candidate], quotable: set[int], anchors: Sequence[int]) -> set[int]:
    """The ``quotable`` sentences that are neither one of ``anchors`` nor a repeat of one."""
    return {i for i in quotable if i not in anchors and not any(_redundant(cands[i], cands[j]) for j in anchors)}


def _only_a_time(c: Candidate) -> bool:
    """Whether a list item, or a list quoted from its first item on, is nothing but dates or
    time spans ("August 2nd -- 09:10 to 11:45 UTC"): the list's lead-in says what the
    times are, and the items alone do not."""
    marker = LIST_MARKER.match(c.sent.text)
    return marker is not None and all(
        t.like_num or t.ent_type_ in _WHEN or t.pos_ in _BETWEEN_TIMES or (t.is_upper and len(t) <= ZONE_LETTERS)
        for t in c.sent if not t.is_space and t.idx >= c.sent.start_char + marker.end())


def _leans_back(c: Candidate) -> bool:
    """Whether the sentence names too little to stand alone and points back for the rest,
    names both who acted and on what only by pointing back ("She sent this to our IT help
    desk."), or names what it speaks of only by its place in what came before
    ("Anchor days keep the first and fix the second", "the latter is cheaper")."""
    return (len(c.lemma_set) < MIN_GIST_CONTENT and any(
        t.lower_ in _POINTS_BACK and t.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "advmod") for t in c.sent)
        or {"nsubj", "dobj"} <= {t.dep_ for t in c.sent.root.children if t.lower_ in _POINTS_BACK}
        or any(_by_place(t) for t in c.sent))


def _by_place(token: Token) -> bool:
    """"the first", "the latter", standing for a thing named before, or "either one" as what
    the sentence is about, with nothing after it to say which ("the first of the two", "this
    one we bought in May"). Deeper in a sentence, "one" is a word of what it tells: "while
    the board looks for the next one"."""
    if token.lower_ == "one":
        words = _PICKS
        deps = ("nsubj", "nsubjpass", "dobj") if token.head.dep_ == "ROOT" else ()
    else:
        words = ("the",) if token.lower_ in _PLACES else ()
        deps = ("nsubj", "nsubjpass", "dobj", "pobj")
    return (token.dep_ in deps and any(c.lower_ in words for c in token.children)
            and not any(c.dep_ in _SAYS_WHICH for c in token.children))


def gist_score(c: Candidate, overall: float, title: float, position: int) -> float:
    """How likely a sentence states one of its part's key facts (weights in GIST_WEIGHTS)."""
    return sum(GIST_WEIGHTS[name] * value for name, value in gist_features(c, overall, title, position).items())


def gist_features(c: Candidate, overall: float, title: float, position: int) -> dict[str, float]:
    """The sentence's value of each feature GIST_WEIGHTS weighs: its centrality in the whole
    text (``overall``), the share of its part's title it uses (``title``), its place in its
    part (``position``), and what it holds. ``bench/gist_fit.py`` fits the weights to these."""
    features = {"overall": overall, "names": min(c.names, 3), "figures": min(c.figures, 3),
                "cue": min(max(c.cue, 0.0), 3.0), "item": float(c.item), "title": title,
                "first": float(position == 0), "lead_in": float(bool(c.lead_in or c.field)),
                "question": float(c.question)}
    if c.opening:
        features[c.opening] = 1.0
    features |= {"short": float(c.words < 6), "added": float(c.added),
                 "future": float(tells_future(c.sent))}
    return features


def title_words(title: str | None) -> frozenset[str]:
    """A title's telling words, lower-case."""
    if not title:
        return frozenset()
    return frozenset(w for w in (m.lower() for m in TITLE_WORD.findall(title)) if w not in TITLE_STOP and len(w) > 1)


def _overlap(title: frozenset[str], c: Candidate) -> float:
    """The share of the title's words the sentence uses (as written or by lemma)."""
    if not title:
        return 0.0
    words = {t.lower_ for t in c.sent} | c.lemma_set
    return len(title & words) / len(title)


def _redundant(a: Candidate, b: Candidate) -> bool:
    """Most of the shorter sentence's content words are in the other, and it gives no figure
    the other lacks: the same point twice. ("We will pay them $6,000 a month" after "we began
    paying them $2,000 a month" shares its words but tells what changed.)"""
    x, y = a.lemma_set, b.lemma_set
    if not (x and y) or len(x & y) / min(len(x), len(y)) < 0.6:
        return False
    shorter = x if len(x) <= len(y) else y
    return not any(ch.isdigit() for word in shorter - (x & y) for ch in word)
