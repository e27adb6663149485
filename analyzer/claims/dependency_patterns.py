"""spaCy DependencyMatcher patterns, matched from an index of their anchor words.

spaCy's DependencyMatcher runs every node of every pattern over every token, then searches
each sentence for each pattern; with a few dozen cue patterns it cost the claims stage a
fifth of the parser's time. The patterns here are the same dicts, checked by spaCy's own
DependencyMatcher when added (kept as ``reference``, and the tests compare both on the
same documents), but matching starts only at tokens whose word can be a pattern's anchor
and follows the tree from there.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator

from spacy.matcher import DependencyMatcher
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

# Attributes a pattern's first node is indexed by, in this order of preference; a first node
# with none of them is tried at every token. A part of speech is a last resort: a node that
# names only one ("POS": ["AUX", "VERB"]) is otherwise tried at every word of every sentence.
_INDEXED = ("LOWER", "LEMMA", "TAG", "POS")
_READERS: dict[str, Callable[[Token], str]] = {
    "LOWER": lambda t: t.lower_,
    "LEMMA": lambda t: t.lemma_,
    "POS": lambda t: t.pos_,
    "TAG": lambda t: t.tag_,
    "DEP": lambda t: t.dep_,
}


def _sentence_after(token: Token) -> Iterator[Token]:
    sent = token.sent
    return iter(token.doc[token.i + 1 : sent.end])


# The operators our pattern language offers, with the tokens each one reaches.
_OPERATORS: dict[str, Callable[[Token], Iterator[Token]]] = {
    ">": lambda t: t.children,
    "<": lambda t: iter(() if t.head.i == t.i else (t.head,)),
    ">>": lambda t: (d for d in t.subtree if d.i != t.i),
    "<<": lambda t: t.ancestors,
    ".": lambda t: iter(list(_sentence_after(t))[:1]),
    ".*": _sentence_after,
}


class _Node:
    def __init__(self, spec: dict) -> None:
        self.tests = []
        for attr, rule in spec.get("RIGHT_ATTRS", {}).items():
            (kind, values), = rule.items()
            self.tests.append((_READERS[attr], frozenset(values), kind == "IN"))
        self.left = spec.get("LEFT_ID")
        self.operator = _OPERATORS[spec["REL_OP"]] if "REL_OP" in spec else None
        self.name = spec["RIGHT_ID"]

    def accepts(self, token: Token) -> bool:
        # A loop, not all() over a generator: this runs some 75,000 times on 40 memos.
        for read, values, wanted in self.tests:
            if (read(token) in values) != wanted:
                return False
        return True

    def words(self) -> tuple[str, frozenset[str]] | None:
        """The attribute and values that every match's token must have, to index by: the first
        test of a word or a tag, else the first of a part of speech."""
        for attrs in (_INDEXED[:-1], _INDEXED[-1:]):
            for read, values, wanted in self.tests:
                for attr in attrs:
                    if wanted and read is _READERS[attr]:
                        return attr, values
        return None


class DependencyPatterns:
    """Same patterns and results as ``spacy.matcher.DependencyMatcher``, found faster."""

    def __init__(self, vocab: Vocab) -> None:
        self.reference = DependencyMatcher(vocab)
        self._patterns: list[tuple[str, list[_Node]]] = []
        self._by_word: dict[str, dict[str, list[int]]] = {attr: defaultdict(list) for attr in _INDEXED}
        self._anywhere: list[int] = []

    def add(self, key: str, pattern: list[dict]) -> None:
        self.reference.add(key, [pattern])  # spaCy checks the pattern's shape
        nodes = [_Node(spec) for spec in pattern]
        number = len(self._patterns)
        self._patterns.append((key, nodes))
        indexed = nodes[0].words()
        if indexed is None:
            self._anywhere.append(number)
        else:
            attr, values = indexed
            for value in values:
                self._by_word[attr][value].append(number)

    def __call__(self, doc: Doc) -> list[tuple[str, list[int]]]:
        matches = []
        lower, lemma, tag, pos = (self._by_word[attr] for attr in _INDEXED)
        for token in doc:
            # Those indexed by a part of speech are tried where the unindexed ones were, in
            # the order they were added, so the matches come in the same order as before.
            candidates = [*lower.get(token.lower_, ()), *lemma.get(token.lemma_, ()), *tag.get(token.tag_, ()),
                          *sorted([*pos.get(token.pos_, ()), *self._anywhere])]
            for number in candidates:
                key, nodes = self._patterns[number]
                if nodes[0].accepts(token):
                    matches.extend((key, found) for found in _extend(nodes, {nodes[0].name: token}, 1))
        return matches


def _extend(nodes: list[_Node], bound: dict[str, Token], position: int) -> Iterator[list[int]]:
    """Every way to bind the remaining nodes, each to a token related as the pattern says."""
    if position == len(nodes):
        yield [bound[node.name].i for node in nodes]
        return
    node = nodes[position]
    for token in node.operator(bound[node.left]):
        if node.accepts(token):
            yield from _extend(nodes, {**bound, node.name: token}, position + 1)
