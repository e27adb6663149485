"""The digest as a reader reads it: the main point, each part's gist, then the feelings.

Items are chosen by priority while they fit the word budget: the main point always, then the
strongest feeling (or the calm tone), then the gists in the order they were chosen, then the
other feelings. They are then laid out in reading order, which each item's ``order`` records. A quote is the writer's own sentence in
``evidence[].text``; ``summary`` holds only what the digest adds (the title and date of the
main point, the marker words behind a feeling), so no word is read twice.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Span

from ..report.vocab import ASSERTED, STATE
from .feelings import ALSO_WORDS, CALM_LABEL, CALM_SUMMARY, EXAMPLE_WORDS, Feeling, stem
from ..sections.focus import Focus
from .options import Options
from .outline import Part
from .sentences import Candidate, quote
from .view import DocView

MAIN_LABEL = "Main point"
OPTIONS_LABEL = "Options and proposals"
# What a feeling named by its words adds when its words are in a sentence the digest quotes.
QUOTED_ABOVE = ", in the sentence quoted above"
# Reading order: the main point, the parts in document order, the feelings, the parts left out.
MAIN, PARTS, FEELINGS, OTHERS = range(4)


@dataclass(order=True)
class Item:
    """A takeaway waiting for its place: ``priority`` decides whether it fits, ``position``
    where it is read."""

    priority: float
    position: tuple = field(compare=False)
    side: str = field(compare=False)
    content: dict[str, Any] = field(compare=False)

    @property
    def words(self) -> int:
        return digest_words(self.content)


def digest_words(takeaway: dict[str, Any]) -> int:
    """Words a reader reads for one takeaway: its label, summary and quotes."""
    texts = [takeaway["label"], takeaway["summary"], *(e["text"] for e in takeaway["evidence"])]
    return sum(len(t.split()) for t in texts)


def fit(items: Sequence[Item], budget: int) -> dict[str, Any]:
    """The items that fit the budget, best first, each tried in its shorter versions when it
    does not fit whole (``_shorter_versions``); the first always stays, so even a note
    shorter than its budget has a main point. Then laid out in reading order."""
    kept: list[Item] = []
    used = 0
    for item in sorted(items):
        for version in _shorter_versions(item):
            if used + version.words <= budget or not kept:
                kept.append(version)
                used += version.words
                break
    kept.sort(key=lambda i: i.position)
    digest: dict[str, Any] = {"emotional": [], "factual": []}
    for order, item in enumerate(kept):
        digest[item.side].append({**item.content, "order": order})
    return {**digest, "words": used, "budget": budget}


def _shorter_versions(item: Item) -> list[Item]:
    """The item, then without its extra quotes, then, for a feeling named by its words in the
    sentence quoted above, without saying so: its line still points there, and a note whose
    main point takes nearly all its words keeps the feeling it shows."""
    evidence = item.content["evidence"]
    versions = [item]
    if len(evidence) > 1:
        versions.append(Item(item.priority, item.position, item.side, {**item.content, "evidence": evidence[:1]}))
    summary = item.content["summary"]
    if QUOTED_ABOVE in summary:
        versions.append(Item(item.priority, item.position, item.side,
                             {**item.content, "summary": summary.replace(QUOTED_ABOVE, "")}))
    return versions


def main_item(view: DocView, main: Candidate, joined: Candidate | None = None) -> Item:
    """The main point, with the sentence after it that a reader needs to take it right: one
    that says it was untrue ("That was not true."), or the amounts a general opening goes on
    to give (see ``outline.specifics``)."""
    summary = " ".join(p for p in (view.title, f"({view.date})" if view.date else None) if p)
    quoted = [main] + ([joined] if joined is not None else [])
    return Item(0, (MAIN,), "factual", {"label": MAIN_LABEL, "summary": summary, "role": "main",
                                        **claim_shape(view, main), "evidence": [quote_of(view, c) for c in quoted]})


def gist_item(view: DocView, part: Part, chosen: list[Candidate], priority: float) -> Item:
    """A part's gist: its title, and the sentences chosen from it in document order, each
    with how it is put: one part may quote a fact and then a proposal, and a reader must see
    which is which. The item's own modality is its first quote's."""
    quotes = sorted(chosen, key=lambda c: c.order)
    return Item(priority, (PARTS, quotes[0].order), "factual", {
        "label": part.label, "summary": "", "role": "gist", **claim_shape(view, quotes[0]),
        "evidence": [{**quote_of(view, c), **claim_shape(view, c)} for c in quotes]})


def options_item(view: DocView, options: Options, priority: float, said: Span | None, brief: bool = False) -> Item:
    """The options by name and the one the writer favours, with the sentence that says so
    (``said``) as evidence, or the favoured option's heading when no sentence does."""
    favoured = options.favoured
    if said is not None:
        evidence = [{"text": quote(said), "section": _section_id(view, said.start_char),
                     "line": view.line_of(said.start_char)}]
    else:
        evidence = [{"text": favoured.title, "section": favoured.id, "line": favoured.line}] if favoured else []
    return Item(priority, (PARTS, -1, options.options[0].line), "factual", {
        "label": OPTIONS_LABEL, "summary": options.summary(brief), "role": "options",
        "modality": "opinion" if favoured else ASSERTED, "kind": STATE, "evidence": evidence})


def feeling_item(view: DocView, feeling: Feeling, rank: int, priority: float, quoted: set[int],
                 in_words: bool = False) -> Item:
    """A feeling: its theme, its strength, and the sentence where it is densest, unless that
    one is already quoted (``quoted`` holds their starts) and the feeling has another. When
    every sentence it has is quoted already, or ``in_words`` asks for it because a quote
    would not fit, the item names its words and the line where they are densest instead."""
    fresh = [] if in_words else unquoted(feeling, quoted)
    summary = _elsewhere(feeling, fresh[0][1]) if fresh else _pointer(view, feeling, quoted)
    return Item(priority, (FEELINGS, rank), "emotional", {
        "label": feeling.label,
        "summary": summary,
        "role": "feeling",
        "strength": feeling.strength,
        "sections": list(feeling.sections),
        "evidence": [{"text": text, "section": _section_id(view, sent.start_char), "line": view.line_of(sent.start_char)}
                     for sent, text in fresh[:1]],
        "words": list(feeling.words[:EXAMPLE_WORDS]),
    })


def unquoted(feeling: Feeling, quoted: set[int]) -> list[tuple[Span, str]]:
    """The feeling's evidence not quoted yet (``quoted`` holds sentence starts), densest first:
    the first is the one its item quotes."""
    return [e for e in feeling.evidence if e[0].start not in quoted]


def _elsewhere(feeling: Feeling, quote: str) -> str:
    """The feeling's words that its quote does not hold: where else the text shows it."""
    quoted = {stem(w) for w in quote.split()}
    others = [w for w in feeling.words if stem(w) not in quoted and w.lower() not in quote.lower()][:ALSO_WORDS]
    return f"Also {', '.join(f'“{w}”' for w in others)}." if others else ""


def _pointer(view: DocView, feeling: Feeling, quoted: set[int]) -> str:
    """The feeling's words and the lines of the sentences that hold them, the line of the
    one that holds most first (it may be quoted above already): a reader who looks up
    "“worry”, “worried” (line 17)" expects both words on that line."""
    words = feeling.words[:EXAMPLE_WORDS]
    shown = ", ".join(f"“{w}”" for w in words)
    if not feeling.evidence:
        return shown
    densest = feeling.evidence[0][0]
    lines = [view.line_of(densest.start_char)]
    for word in words:
        sent = next((s for s, _ in feeling.evidence if word.lower() in s.text.lower()), densest)
        if (line := view.line_of(sent.start_char)) not in lines:
            lines.append(line)
    above = QUOTED_ABOVE if densest.start in quoted else ""
    return f"{shown}{above} ({_where(lines)})"


def _where(lines: Sequence[int]) -> str:
    return f"line {lines[0]}" if len(lines) == 1 else f"lines {', '.join(map(str, lines))}"


def calm_item(view: DocView, unnamed: Sequence[tuple[str, Span]], priority: float) -> Item:
    """The calm tone, with the few words of feeling the text does show (``unnamed``, from
    ``feelings.Reading``) and their lines: a reader checks a calm reading by what it rests on."""
    summary = CALM_SUMMARY
    if unnamed:
        lines = list(dict.fromkeys(view.line_of(span.start_char) for _, span in unnamed))
        summary = f"{CALM_SUMMARY[:-1]}: {', '.join(f'“{word}”' for word, _ in unnamed)} ({_where(lines)})."
    return Item(priority, (FEELINGS, -1), "emotional", {
        "label": CALM_LABEL, "summary": summary, "role": "tone", "strength": 0.0, "sections": [],
        "evidence": []})


def others_item(focus: Focus, priority: float) -> Item:
    """The parts of the text the digest leaves out (other turns of a chat, other messages
    of a thread), listed so a reader knows they are there."""
    return Item(priority, (OTHERS,), "factual", {
        "label": focus.label, "summary": f"Not summarised here: {'; '.join(focus.others)}.", "role": focus.role,
        "modality": ASSERTED, "kind": STATE, "evidence": []})


def quote_of(view: DocView, c: Candidate) -> dict[str, Any]:
    return {"text": c.text, "section": c.section.id if c.section else None, "line": c.line}


def claim_shape(view: DocView, c: Candidate) -> dict[str, str]:
    """The modality and kind of the sentence's first claim: how it is put, what it states."""
    claim = view.first_claim(c.sent)
    return {"modality": claim.modality, "kind": claim.kind} if claim else {"modality": ASSERTED, "kind": STATE}


def _section_id(view: DocView, char: int) -> int | None:
    section = view.section_of(char)
    return section.id if section else None
