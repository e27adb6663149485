"""The ``analyzer_takeaways`` component: the digest a reader needs first, with its evidence.

Built by rules from what the earlier stages left on the doc (sections, sentences, markers,
claims), so it is reproducible and every line of it points back to the text. It reads in
the order a careful reader summarises: what the document is and its main point, the gist of
each part, then the feelings it shows in the writer's own words, within a word budget of
600 words or a quarter of a shorter text (``view.DocView.budget``).
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from .. import extensions
from ..data.files import DataText, shipped
from ..data.saved import DataComponent
from ..markers.lexicon import Lexicon, categories_only
from .feelings import Reading, feelings, parse_themes, reads_calm
from ..sections.focus import CHAT_ROLE
from .options import Options, OptionStance, is_option, laid_out_options, option_label
from .digest import Item, calm_item, feeling_item, fit, gist_item, main_item, options_item, others_item, unquoted
from .outline import Part, Scored, correction, gists, last_line, main_point, parts, specifics
from .sentences import Candidate, MainPointCues, candidates, quote
from .view import DocView

THEMES_FILE = "takeaways/themes.tsv"
CUES_FILE = "takeaways/main-point.tsv"
# Priorities (lower goes first while the budget lasts): see digest.fit.
MAIN, TONE, TURNS, OPTIONS, GISTS, MESSAGES = 0, 1, 1.5, 1.6, 2, 3
# The feelings may take this share of the budget, and this much more for each feeling beyond
# the first, up to the most: a charged text is told more by its feelings. The first always
# has its place.
FEELING_SHARE = 0.25
FEELING_SHARE_STEP = 0.05
MOST_FEELING_SHARE = 0.5
# Of the budget, what the options or a chat's other turns may take each, so that a short
# note still has words for its feelings.
LISTED_SHARE = 1 / 3


class TakeawayBuilder(DataComponent):
    """Builds the digest. The themes, their marker categories, the main-point words, the
    option words and the user's digest length come through ``initialize(lexicon=...,
    themes=..., cues=..., option_stance=..., digest_words=...)``."""

    def initialize(self, get_examples=None, *, nlp: Language | None = None, lexicon: Lexicon | None = None,
                   themes: DataText | None = None, cues: DataText | None = None,
                   option_stance: DataText | None = None, digest_words: int | None = None) -> None:
        lexicon = lexicon or categories_only()
        self.digest_words = digest_words
        themes = themes or shipped(THEMES_FILE)
        self.themes = parse_themes(themes, lexicon.categories)
        self.cues = MainPointCues(cues or shipped(CUES_FILE))
        self.stance = OptionStance(option_stance)
        self.texts = {"categories": lexicon.texts.categories, "themes": themes, "cues": self.cues.table,
                      "option_stance": self.stance.table, "digest_words": digest_words}

    def rebuild(self, texts: dict) -> dict:
        return {"lexicon": categories_only(texts["categories"]), "themes": texts["themes"], "cues": texts["cues"],
                "option_stance": texts["option_stance"], "digest_words": texts.get("digest_words")}

    def __call__(self, doc: Doc) -> Doc:
        self.ensure_initialized()
        view = DocView.of(doc, self.digest_words)
        doc._.analyzer_takeaways = fit(self.items(view), view.budget)
        return doc

    def items(self, view: DocView) -> list[Item]:
        """The takeaways in the order the budget is spent on them: the main point, the strongest
        feeling, the options and a chat's other turns, the other feelings (up to a share of the
        budget), then the gists chosen to fill what is left, then a thread's other messages."""
        # A user's questions in a chat with an assistant ("Can you summarise this?") ask
        # the assistant, not the reader.
        found = candidates(view.sentences, view.line_of, self.cues, to_reader=view.focus.role != CHAT_ROLE)
        scored = Scored.of(found)
        items: list[Item] = []
        main = main_point(view, scored)
        joined = None
        if main is not None:
            item, joined = self._main(view, found, main)
            items.append(item)
        quoted = {found[i].sent.start for i in (main, joined) if i is not None}
        room = view.budget - sum(i.words for i in items)
        reading = feelings(view, self.themes)
        shown = reading.feelings
        felt = self._feelings(view, reading, room, quoted)
        # The options and a chat's other turns come after the strongest feeling, before the rest.
        strongest = next((k for k, item in enumerate(felt) if item.content["role"] == "feeling"), len(felt) - 1)
        listed = self._listed(view, room - sum(item.words for item in felt[: strongest + 1]))
        if listed:
            felt = self._feelings(view, reading, room - sum(item.words for item in listed), quoted)
        items.extend([*listed, *felt])
        # Sentences quoted already, known by line and text: a line often holds a paragraph.
        quoted_text = {(e["line"], e["text"]) for item in items for e in item.content["evidence"]}
        taken = [i for i, c in enumerate(found) if i == main or (c.line, c.text) in quoted_text]
        # A line quoted from already (often a whole paragraph) gives no gist while others can.
        # A list quoted with its lead-in runs on past that line: its items are not quoted.
        quoted_lines = {line for line, _ in quoted_text}
        # A feeling named by its words has told what the sentence it is densest in feels.
        named = {shown[item.position[1]].evidence[0][0].start for item in felt if item.content["role"] == "feeling"
                 and not item.content["evidence"] and shown[item.position[1]].evidence}
        covered = [i for i, c in enumerate(found) if i not in taken and (
            c.sent.start in named or (c.line in quoted_lines and last_line(view, c) in quoted_lines))]
        room = view.budget - sum(i.words for i in items)
        items.extend(self._gists(view, parts(view, found), scored, taken, covered, room))
        if view.focus.others and view.focus.role != CHAT_ROLE:
            items.append(others_item(view.focus, MESSAGES))
        return items

    @staticmethod
    def _main(view: DocView, found: list[Candidate], main: int) -> tuple[Item, int | None]:
        """The main point's item, and the index of the sentence quoted with it, if any: the one
        that says it was untrue, or the amounts a general opening goes on to give when the two
        fit the budget (the main point is kept whatever its length, so a second sentence must
        not push it over)."""
        corrected = correction(found, main)
        if corrected is not None:
            return main_item(view, found[main], found[corrected]), corrected
        amounts = specifics(view, found, main)
        if amounts is not None:
            item = main_item(view, found[main], found[amounts])
            if item.words <= view.budget:
                return item, amounts
        return main_item(view, found[main]), None

    def _listed(self, view: DocView, room: int) -> list[Item]:
        """The options (only the favoured one when words are short) and a chat's other turns,
        each when it fits: the writer's choice is a reader's first question, and the digest is
        about one writer's turn of several. An item that cannot fit is left out here, or it
        would take the words of what follows and then be dropped itself. A thread's other
        messages come only in the words the gists leave: a short reply's own points come
        first, and its headers already show it is a reply."""
        options = laid_out_options(view.sections, self._option_support(view.doc))
        listed = [self._options_versions(view, options)] if options else []
        if view.focus.others and view.focus.role == CHAT_ROLE:
            listed.append((others_item(view.focus, TURNS),))
        items = []
        for versions in listed:
            fitting = next((v for v in versions if v.words <= min(room, LISTED_SHARE * view.budget)), None)
            if fitting is not None:
                items.append(fitting)
                room -= fitting.words
        return items

    @staticmethod
    def _feelings(view: DocView, reading: Reading, room: int, quoted: set[int]) -> list[Item]:
        """The feelings the text shows within their share of the budget, after the calm tone when no
        theme clears its threshold: first as many as fit named by their words, strongest first
        (the strongest always), then each quoted in the writer's sentence, strongest first,
        while that fits. A reader learns more from every feeling named than from one quoted."""
        found = reading.feelings
        share = min(FEELING_SHARE + FEELING_SHARE_STEP * max(len(found) - 1, 0), MOST_FEELING_SHARE) * view.budget
        limit = min(share, room)
        kept: dict[int, Item] = {}
        for rank, feeling in enumerate(found):
            worded = feeling_item(view, feeling, rank, TONE + (rank + 1) / 100, quoted, in_words=True)
            if not kept or sum(i.words for i in kept.values()) + worded.words <= limit:
                kept[rank] = worded
        # Two feelings may peak in one sentence; the weaker then quotes its next, or points.
        taken = set(quoted)
        for rank in list(kept):
            full = feeling_item(view, found[rank], rank, TONE + (rank + 1) / 100, taken)
            if sum(i.words for i in kept.values()) - kept[rank].words + full.words <= limit:
                kept[rank] = full
                if full.content["evidence"]:
                    taken.add(unquoted(found[rank], taken)[0][0].start)
        items = list(kept.values())
        return [calm_item(view, reading.unnamed, TONE), *items] if reads_calm(found) else items

    def _gists(self, view: DocView, doc_parts: list[Part], scored: Scored, taken: list[int],
               covered: list[int], room: int) -> list[Item]:
        """One item per part, quoting the sentences chosen from it, in the order first chosen."""
        part_of = {id(c): part for part in doc_parts for c in part.candidates}
        by_part: dict[int, list[tuple[int, Candidate]]] = {}
        for i, quoted in gists(doc_parts, scored, taken, room, covered):
            by_part.setdefault(id(part_of[id(scored.candidates[i])]), []).append((i, quoted))
        return [gist_item(view, part_of[id(scored.candidates[chosen[0][0]])], [quoted for _, quoted in chosen],
                          GISTS + rank / 1000)
                for rank, chosen in enumerate(by_part.values())]

    def _option_support(self, doc: Doc) -> dict[int, float]:
        """How warmly the writer speaks of each option, in its heading and body, and, for one
        with a label, in every sentence elsewhere that names it ("I recommend Option B")."""
        support = {}
        for span in _option_spans(doc):
            support[span._.analyzer_section.id] = self.stance(span.text) + sum(
                self.stance(sent.text) for sent in _naming(doc, span))
        return support

    def _options_versions(self, view: DocView, options: Options) -> tuple[Item, ...]:
        """The options item, longest first: every option named, then only the favoured one,
        each with the sentence that favours it; last, the favoured one with its heading,
        which a long sentence of favour would not leave room for."""
        said = self._favour_said(view.doc, options)
        versions = [options_item(view, options, OPTIONS, said), options_item(view, options, OPTIONS, said, brief=True)]
        return (*versions, options_item(view, options, OPTIONS, None, brief=True)) if said is not None else tuple(versions)

    def _favour_said(self, doc: Doc, options: Options) -> Span | None:
        """The sentence that speaks most warmly of the favoured option, in its body or where
        the text names it ("I recommend Option B."): the evidence that the writer favours it,
        where its heading would only repeat its name."""
        span = next((s for s in _option_spans(doc) if options.favoured is s._.analyzer_section), None)
        if span is None:
            return None
        warmth = [(self.stance(sent.text), -sent.start, sent) for sent in (*span.sents, *_naming(doc, span))
                  if quote(sent) is not None]
        best = max(warmth, key=lambda w: w[:2], default=None)
        return best[2] if best is not None and best[0] > 0 else None


def _option_spans(doc: Doc) -> list[Span]:
    return [span for span in doc.spans.get(extensions.SECTIONS, []) if is_option(span._.analyzer_section)]


def _naming(doc: Doc, span: Span) -> list[Span]:
    """The sentences outside a labelled option's section that name it by its label."""
    label = option_label(span._.analyzer_section)
    if not label:
        return []
    named = re.compile(rf"\b{re.escape(label)}\b", re.IGNORECASE)
    return [sent for sent in doc.sents if (sent.end <= span.start or sent.start >= span.end) and named.search(sent.text)]


@Language.factory(
    "analyzer_takeaways",
    assigns=["doc._.analyzer_takeaways"],
    requires=["doc.spans"],
    default_config={},
)
def make_takeaways(nlp: Language, name: str) -> TakeawayBuilder:
    """The digest: main point, each part's gist, the feelings, from what the doc carries."""
    extensions.register()
    return TakeawayBuilder()


