"""Cutting a sentence into clauses on its parse, each a claim of its own.

The main clause, clauses joined by "and", "but" or ";", comma-spliced clauses, and text the
writer wrapped in a markup tag. A frame such as "I think" or "it seems" is not a clause of
its own: the clause it introduces takes its place, and keeps the frame for its modality.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from .claim import Clause
from .modality import has_subject
from .sentence import CONTENT_DEPS, Sentence

VERBS = ("VERB", "AUX")
_CONTENT_MARKS = {"like", "that", "as"}
# How far after a frame its content may start ("I think that the…"); further away, the
# parser has usually attached an aside to the frame by mistake.
_CONTENT_GAP = 3
_BRACKETS = {")": "(", "]": "[", "”": "“", '"': '"'}
# After these, any clause with its own subject stands alone ("we shipped it; it failed").
_BREAKS = frozenset({";", ":"})
# After these, a complement clause with its own subject is spliced on, not governed:
# "I wrote that down, I am hesitant" is two statements.
_SPLICE_MARKS = frozenset({",", ";", ":", "-", "–", "—"})


# What a verb may have and still only lead into the verb after it.
_LEADING_DEPS = frozenset({"nsubj", "nsubjpass", "aux", "auxpass", "neg", "cc", "punct", "advmod"})


def cut(sentence: Sentence) -> list[Clause]:
    """The sentence's clauses in text order: the main clause, clauses joined by "and", "but"
    or ";", comma-spliced clauses and tagged text; a frame ("I think") gives way to the clause
    it introduces. Each word belongs to the nearest clause above it in the tree."""
    inside = {t.i for t in sentence.words}
    tops = [t for t in sentence.words if not t.is_punct and (t.head.i not in inside or t.head.i == t.i)]
    pending = [_lift(sentence, Clause(t, t, "root")) for t in tops]
    pending.extend(Clause(t, t, "markup") for t in _markup_tops(sentence))
    found: list[Clause] = []
    seen: set[int] = set()
    while pending:
        clause = pending.pop(0)
        if clause.head.i in seen:
            continue
        seen.add(clause.head.i)
        found.append(clause)
        pending.extend(_lift(sentence, Clause(c, c, dep, clause)) for c, dep in _splits(sentence, clause))
    _assign_tokens(sentence, found)
    return sorted((c for c in found if c.tokens), key=lambda c: c.tokens[0].i)


def _lift(sentence: Sentence, clause: Clause) -> Clause:
    """Move from a frame ("I think", "it seems") to the clause it introduces, and from a verb
    that only leads into the next ("I went and interviewed them") to that verb."""
    while True:
        content = _content_of(clause.head) if sentence.is_frame(clause.head) else _led_into(clause.head)
        if content is None:
            return clause
        clause.frames.append(clause.head)
        clause.head = content


def _led_into(verb: Token) -> Token | None:
    """The verb right after ``verb`` and "and" when ``verb`` has nothing of its own but a
    subject or an auxiliary ("I went and interviewed", "we tried and failed"): read alone,
    the first would be a claim of two words ("I went")."""
    following = verb.doc[verb.i + 2] if verb.i + 2 < len(verb.doc) else None
    if (following is None or following.dep_ != "conj" or following.head != verb or following.pos_ not in VERBS
            or verb.doc[verb.i + 1].lower_ != "and"):
        return None
    own = [c for c in verb.children if c.i < following.i and c.dep_ not in _LEADING_DEPS]
    return None if own else following


def _splits(sentence: Sentence, clause: Clause) -> Iterable[tuple[Token, str]]:
    """Children of a clause that are claims of their own."""
    head = clause.head
    reported = sentence.is_attribution(head)
    for child in head.children:
        if child.i < sentence.sent.start or child.i >= sentence.sent.end:
            continue
        if child.dep_ == "conj" and child.pos_ in VERBS and (has_subject(child) or _coordinated(head, child)):
            yield child, "conj"
        elif child.dep_ == "parataxis" and child.pos_ in VERBS:
            yield child, "parataxis"
        elif (child.dep_ == "ccomp" and not reported and child.pos_ in VERBS and has_subject(child)
              and (child.i < head.i or _after_break(child, _SPLICE_MARKS))):
            yield child, "spliced"
        elif child.pos_ in VERBS and has_subject(child) and _after_break(child, _BREAKS) and not reported:
            yield child, "spliced"
    for frame in clause.frames:
        for child in frame.children:
            if child.dep_ == "conj" and child.pos_ in VERBS and (has_subject(child) or _coordinated(frame, child)):
                yield child, "conj"


def _markup_tops(sentence: Sentence) -> list[Token]:
    """The verbs heading text the writer wrapped in a tag: claims of their own."""
    def inside(token: Token) -> bool:
        return any(start <= token.idx < end for _, start, end in sentence.markup)

    return [t for t in sentence.words if t.pos_ in VERBS and inside(t) and not inside(t.head)]


def _assign_tokens(sentence: Sentence, clauses: list[Clause]) -> None:
    """Each word goes to the nearest clause above it in the tree."""
    owners: dict[int, Clause | None] = {c.anchor.i: c for c in clauses}
    start, end = sentence.sent.start, sentence.sent.end
    for token in sentence.words:
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


def _content_of(frame: Token) -> Token | None:
    """The clause a frame introduces: right after it ("I think [that] X"), or before it when
    the frame closes the sentence ("X, I think.")."""
    closing = all(t.is_punct or t.is_space for t in frame.rights) and all(
        t.is_punct or t.is_space for t in frame.doc[frame.right_edge.i + 1 : frame.sent.end])
    for child in frame.children:
        if not (frame.i < child.left_edge.i <= frame.i + _CONTENT_GAP or closing and child.right_edge.i < frame.i):
            continue
        if child.dep_ in CONTENT_DEPS and child.pos_ in VERBS:
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
