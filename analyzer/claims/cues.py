"""The claims stage's cue tables: read from ``lexicons/claims/``, checked, compiled once.

A cue is one row of ``modality.tsv`` or ``kinds.tsv``: a label (a modality or a claim kind),
a form and a pattern. Forms:

- ``phrase``: words matched case-insensitively as a run of tokens;
- ``dep``: a small dependency pattern (see ``parse_pattern``) compiled to a spaCy
  DependencyMatcher pattern;
- ``frame``: a dependency pattern whose first node introduces content ("I think X"): the
  content becomes the claim and the frame gives it its modality;
- ``label``: a word or two written before a colon at the start of a sentence ("Opinion: ...");
- ``markup``: a tag pair wrapped around text (``<speculation>...</speculation>``);
- ``heading``: words in the title of the section holding a claim, or of a section above it
  ("Paths forward"): the modality of its claims that nothing else marks and that are not
  about the past.

A dependency pattern may name a word list of ``words.tsv`` (``s[lemma=@evidence]``): a list
that several cues share is written once.

Every problem stops the load with an error naming the file and the line, because a cue that
is silently skipped changes results without anyone noticing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from .dependency_patterns import DependencyPatterns
from ..errors import LexiconError
from ..data.files import DataText, shipped
from ..data.tables import Row, rows

FORMS = ("phrase", "dep", "frame", "label", "markup", "heading")
# The node of a pattern whose words name who holds or said the claim.
SPEAKER_NODE = "speaker"
# The node of a pattern that is the verb the cue speaks for; without one, the first node.
# A pattern starts from its most telling word ("should") and reaches the verb from there.
VERB_NODE = "verb"

_ATTRS = {"lower": "LOWER", "lemma": "LEMMA", "pos": "POS", "tag": "TAG", "dep": "DEP"}
# Nodes constrained by these are the cue's words, quoted as its evidence; the others
# ("any verb", "its subject") only place them.
_WORD_ATTRS = {"LOWER", "LEMMA", "TAG"}
_NODE = re.compile(r"^(?P<name>[a-z_]\w*)(?:\[(?P<attrs>[^\]]*)\])?$")
_RELATION = re.compile(r"^(?P<left>[a-z_]\w*)\s+(?P<op>>>|<<|>|<|\.\*|\.)(?P<deps>[a-z:|]*)\s+(?P<right>\S+)$")
_APOSTROPHES = ("'", "’")
# A word list named in a pattern, and the shape of the words it stands for.
_LIST_NAME = re.compile(r"@(\w+)")
_LIST_WORDS = re.compile(r"[\w'’.-]+(?:\|[\w'’.-]+)*")


@dataclass(frozen=True)
class Cue:
    label: str
    form: str
    pattern: str
    where: str


@dataclass(frozen=True)
class Hit:
    """A cue found in a document: the token it hangs on, its words, the speaker if named."""

    cue: Cue
    anchor: int
    tokens: tuple[int, ...]
    speaker: int | None = None

    def text(self, doc: Doc) -> str:
        return " ".join(doc[i].text for i in sorted(self.tokens))


@dataclass(frozen=True)
class ClaimTables:
    """The claims stage's tables under lexicons/claims/, read once when the pipeline is built."""

    modality: DataText
    kinds: DataText
    stance: DataText
    units: DataText
    numbers: DataText
    # The word lists the patterns name; a pipeline saved before there were any has none.
    words: DataText | None = None

    @classmethod
    def shipped(cls) -> ClaimTables:
        names = ("modality", "kinds", "stance", "units", "numbers", "words")
        return cls(*(shipped(f"claims/{name}.tsv") for name in names))


def load_word_lists(table: DataText | None) -> dict[str, str]:
    """The named word lists, each as the ``a|b|c`` it stands for in a pattern."""
    lists: dict[str, str] = {}
    if table is None:
        return lists
    for row in rows(table, ("name", "words")):
        name, words = row["name"], row["words"]
        if name in lists:
            raise row.error(f"word list {name!r} is defined twice")
        if not re.fullmatch(r"\w+", name) or not _LIST_WORDS.fullmatch(words):
            raise row.error("write a word list as a one-word name, a tab, and its words joined by '|' "
                            "(evidence<TAB>data|log|metric)")
        lists[name] = words
    return lists


def load_cues(table: DataText, label_column: str, labels: Iterable[str], forms: Iterable[str],
              lists: dict[str, str] | None = None) -> list[Cue]:
    labels, forms = tuple(labels), tuple(forms)
    cues = []
    for row in rows(table, (label_column, "form", "pattern")):
        label, form = row[label_column], row["form"]
        if label not in labels:
            raise row.error(f"unknown {label_column} {label!r}; use one of {', '.join(labels)}")
        if form not in forms:
            raise row.error(f"unknown form {form!r}; use one of {', '.join(forms)}")
        cue = Cue(label, form, _with_lists(row["pattern"], lists or {}, row), row.where)
        if form in ("dep", "frame"):
            parse_pattern(cue)  # fail at load time, not at the first document
        cues.append(cue)
    return cues


def _with_lists(pattern: str, lists: dict[str, str], row: Row) -> str:
    """The pattern with each ``@name`` replaced by the words of that list."""
    def words(match: re.Match[str]) -> str:
        if match[1] not in lists:
            known = ", ".join(f"@{name}" for name in lists) or "none"
            raise row.error(f"unknown word list '@{match[1]}'; lists defined in words.tsv: {known}")
        return lists[match[1]]
    return _LIST_NAME.sub(words, pattern)


def parse_pattern(cue: Cue) -> tuple[list[dict], dict[str, int]]:
    """Compile the pattern mini-language to a DependencyMatcher pattern.

    ``v[lemma=think|guess] ; v >nsubj s[lower=i]`` reads: a token v whose lemma is "think"
    or "guess", with a child s whose dependency is nsubj and whose lowercase form is "i".
    The first part names the anchor; each later part relates a named node to a new one
    with an operator (``>`` child, ``<`` head, ``>>`` descendant, ``<<`` ancestor, ``.``
    next token, ``.*`` any later token), optionally followed by dependency labels.
    Attribute keys: lower, lemma, pos, tag, dep; ``|`` separates alternatives and ``!=``
    excludes them (``s[lower!=i|we]``: a word other than "i" or "we").
    Returns the pattern and each node's position in a match.
    """
    parts = [part.strip() for part in cue.pattern.split(";")]
    anchor = _NODE.match(parts[0])
    if not anchor:
        raise LexiconError(f"{cue.where}: the pattern must start with a node such as v[lemma=say], "
                           f"not {parts[0]!r}")
    pattern = [{"RIGHT_ID": anchor["name"], "RIGHT_ATTRS": _attrs(anchor["attrs"], cue)}]
    nodes = {anchor["name"]: 0}
    for part in parts[1:]:
        relation = _RELATION.match(part)
        right = _NODE.match(relation["right"]) if relation else None
        if not relation or not right:
            raise LexiconError(f"{cue.where}: cannot read {part!r}; write it as "
                               f"'left OP[deps] right[attrs]', for example 'v >nsubj s[lower=i]'")
        if relation["left"] not in nodes:
            raise LexiconError(f"{cue.where}: {part!r} refers to {relation['left']!r} before it is defined")
        if right["name"] in nodes:
            raise LexiconError(f"{cue.where}: node {right['name']!r} is defined twice")
        attrs = _attrs(right["attrs"], cue)
        if relation["deps"]:
            attrs["DEP"] = {"IN": relation["deps"].split("|")}
        pattern.append({"LEFT_ID": relation["left"], "REL_OP": relation["op"],
                        "RIGHT_ID": right["name"], "RIGHT_ATTRS": attrs})
        nodes[right["name"]] = len(nodes)
    return pattern, nodes


def _attrs(spec: str | None, cue: Cue) -> dict:
    attrs: dict = {}
    for item in (spec or "").split():
        key, _, values = item.partition("=")
        negated = key.endswith("!")
        key = key.rstrip("!")
        if key not in _ATTRS or not values:
            raise LexiconError(f"{cue.where}: bad attribute {item!r}; use key=value or key!=value "
                               f"with a key among {', '.join(_ATTRS)}")
        choices = [v for value in values.split("|") for v in _spellings(value)]
        attrs[_ATTRS[key]] = {"NOT_IN" if negated else "IN": choices}
    return attrs


def _spellings(word: str) -> list[str]:
    """Both apostrophes: memos are typed with straight and curly ones alike."""
    if "'" not in word and "’" not in word:
        return [word]
    return [word.replace("’", "'"), word.replace("'", "’")]


def label_words(text: str) -> str:
    """How a sentence label such as "Side note" or "OPINION" is looked up."""
    return " ".join(text.lower().split())


class CueFinder:
    """Finds every cue of a set of tables in a doc; the matchers are built once."""

    def __init__(self, nlp: Language, cues: Iterable[Cue]) -> None:
        self.cues = list(cues)
        self.phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.deps = DependencyPatterns(nlp.vocab)
        self.labels: dict[str, Cue] = {}
        self.markup: dict[str, Cue] = {}
        self.headings: list[tuple[re.Pattern[str], Cue]] = []
        self._speaker_node: dict[str, int | None] = {}
        self._verb_node: dict[str, int] = {}
        self._word_nodes: dict[str, tuple[int, ...]] = {}
        for number, cue in enumerate(self.cues):
            key = str(number)
            if cue.form == "phrase":
                self.phrases.add(key, [nlp.make_doc(p) for p in _spellings(cue.pattern)])
            elif cue.form in ("dep", "frame"):
                pattern, nodes = parse_pattern(cue)
                self.deps.add(key, pattern)
                self._speaker_node[key] = nodes.get(SPEAKER_NODE)
                self._verb_node[key] = nodes.get(VERB_NODE, 0)
                self._word_nodes[key] = tuple(n for n, node in enumerate(pattern)
                                              if set(node["RIGHT_ATTRS"]) & _WORD_ATTRS)
            elif cue.form == "label":
                self.labels[label_words(cue.pattern)] = cue
            elif cue.form == "heading":
                words = r"\s+".join(re.escape(w) for w in cue.pattern.split())
                self.headings.append((re.compile(rf"\b{words}\b", re.IGNORECASE), cue))
            else:
                self.markup[cue.pattern.lower()] = cue
        self._by_key = {str(n): cue for n, cue in enumerate(self.cues)}
        names = "|".join(re.escape(tag) for tag in self.markup) or r"(?!)"
        # The tokenizer may glue a closing tag to the word before it ("handling</speculation").
        self._tags = re.compile(rf"</?(?:{names})>?", re.IGNORECASE)

    def strip_tags(self, text: str) -> str:
        """Text without the markup tags the writer wrapped around it."""
        return self._tags.sub("", text).strip() if self.markup else text

    def heading(self, titles: Iterable[str]) -> tuple[str, Cue] | None:
        """The first heading cue found in these section titles, with the words it matched."""
        for title in titles:
            for pattern, cue in self.headings:
                match = pattern.search(title)
                if match:
                    return match.group(), cue
        return None

    def find(self, doc: Doc) -> list[Hit]:
        """Phrase and dependency cues; labels and markup are looked up by the claims stage."""
        hits = []
        vocab = doc.vocab.strings
        for match_id, start, end in self.phrases(doc):
            span = doc[start:end]
            hits.append(Hit(self._by_key[vocab[match_id]], span.root.i, tuple(range(start, end))))
        for key, token_ids in self.deps(doc):
            speaker = self._speaker_node.get(key)
            words = tuple(token_ids[n] for n in self._word_nodes[key]) or (token_ids[0],)
            hits.append(Hit(self._by_key[key], token_ids[self._verb_node[key]], words,
                            token_ids[speaker] if speaker is not None else None))
        return hits
