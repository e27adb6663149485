"""The claims stage's data files: a broken line stops the load and names its file and line."""

from __future__ import annotations

import pytest

from analyzer.claims.cues import Cue, load_cues, load_word_lists, parse_pattern
from analyzer.claims.quantities import QuantityFinder
from analyzer.data.files import DataText
from analyzer.errors import LexiconError

COLUMNS = "# columns: modality\tform\tpattern\n"


def table(body: str, name: str = "lexicons/claims/test.tsv") -> DataText:
    return DataText(name, "# a comment\n" + COLUMNS + body)


@pytest.mark.parametrize(
    "body, message",
    [
        ("opinion\tphrase\tin my view\n", None),
        ("guesswork\tphrase\tmaybe\n", "line 3: unknown modality 'guesswork'"),
        ("hedged\tregex\tmaybe\n", "line 3: unknown form 'regex'"),
        ("hedged\tphrase\n", "line 3: expected modality<TAB>form<TAB>pattern, found 2 columns"),
        ("hedged\t\tmaybe\n", "line 3: the form column is empty"),
        ("hedged\tdep\tv[lemma=seem] ; v >nsubj\n", "line 3: cannot read 'v >nsubj'"),
        ("hedged\tdep\tv[lemma=seem] ; w >nsubj s\n", "line 3: 'w >nsubj s' refers to 'w' before it is defined"),
        ("hedged\tdep\tv[colour=red]\n", "line 3: bad attribute 'colour=red'"),
        ("hedged\tdep\t[lemma=seem]\n", "line 3: the pattern must start with a node"),
    ],
)
def test_cue_tables_are_checked_line_by_line(body, message):
    if message is None:
        assert [c.pattern for c in load_cues(table(body), "modality", ["opinion"], ["phrase"])] == ["in my view"]
        return
    with pytest.raises(LexiconError, match="lexicons/claims/test.tsv, " + message.replace("(", r"\(").replace("[", r"\[")):
        load_cues(table(body), "modality", ["hedged", "opinion"], ["phrase", "dep"])


def test_a_header_row_is_read_as_data_and_rejected():
    """Every table documents its columns in a comment; a header row would be a bad cue."""
    with pytest.raises(LexiconError, match="line 3: unknown modality 'modality'"):
        load_cues(table("modality\tform\tpattern\n"), "modality", ["hedged"], ["phrase"])


def test_a_pattern_names_a_word_list_written_once():
    lists = load_word_lists(DataText("words.tsv", "# columns: name\twords\nevidence\tdata|log|metric\n"))
    body = "hedged\tdep\tv[lemma=suggest] ; v >nsubj s[lemma=@evidence]\n"
    (cue,) = load_cues(table(body), "modality", ["hedged"], ["dep"], lists)
    assert cue.pattern == "v[lemma=suggest] ; v >nsubj s[lemma=data|log|metric]"


@pytest.mark.parametrize("words, body, message", [
    ("evidence\tdata|log\n", "hedged\tdep\tv[lemma=suggest] ; v >nsubj s[lemma=@proof]\n",
     "test.tsv, line 3: unknown word list '@proof'; lists defined in words.tsv: @evidence"),
    ("evidence\tdata|log\nevidence\tmetric\n", None, "words.tsv, line 3: word list 'evidence' is defined twice"),
    ("evidence\tdata, log\n", None, "words.tsv, line 2: write a word list as a one-word name"),
])
def test_word_lists_and_the_names_of_them_are_checked(words, body, message):
    with pytest.raises(LexiconError, match=message.replace("(", r"\(")):
        lists = load_word_lists(DataText("words.tsv", "# name\twords\n" + words))
        load_cues(table(body), "modality", ["hedged"], ["dep"], lists)


def test_unit_tables_are_checked():
    units = DataText("units.tsv", "# unit\tdimension\tposition\tforms\npercent\tshare\tafter\t%\nyard\tlength\tafter\tyd\n")
    numbers = DataText("numbers.tsv", "two\t2\tnumber\n")
    with pytest.raises(LexiconError, match="units.tsv, line 3: unknown dimension 'length'"):
        QuantityFinder(units, numbers)


@pytest.mark.parametrize(
    "pattern, compiled",
    [
        ("v[lemma=think] ; v >nsubj s[lower=i]",
         [{"RIGHT_ID": "v", "RIGHT_ATTRS": {"LEMMA": {"IN": ["think"]}}},
          {"LEFT_ID": "v", "REL_OP": ">", "RIGHT_ID": "s",
           "RIGHT_ATTRS": {"LOWER": {"IN": ["i"]}, "DEP": {"IN": ["nsubj"]}}}]),
        ("v ; v >aux m[lower=would|'d]",
         [{"RIGHT_ID": "v", "RIGHT_ATTRS": {}},
          {"LEFT_ID": "v", "REL_OP": ">", "RIGHT_ID": "m",
           "RIGHT_ATTRS": {"LOWER": {"IN": ["would", "'d", "’d"]}, "DEP": {"IN": ["aux"]}}}]),
        ("v[lemma!=like|love]", [{"RIGHT_ID": "v", "RIGHT_ATTRS": {"LEMMA": {"NOT_IN": ["like", "love"]}}}]),
    ],
)
def test_patterns_compile_to_dependency_matcher_patterns(pattern, compiled):
    assert parse_pattern(Cue("hedged", "dep", pattern, "test"))[0] == compiled


def test_dependency_patterns_find_what_spacys_dependency_matcher_finds(nlp):
    patterns = nlp.get_pipe("analyzer_claims").cues.deps
    text = (
        "I think we should move the launch, and Dana said the vendor might be late. "
        "If the budget shrinks, we would lose the contract, so the team wants a faster review. "
        "According to the finance team, costs rose because the migration stemmed from a bad plan. "
        "We could merge the teams; it seems the backlog is bigger than we thought."
    )
    doc = nlp(text)
    ours = sorted((key, tuple(ids)) for key, ids in patterns(doc))
    theirs = sorted((nlp.vocab.strings[key], tuple(ids)) for key, ids in patterns.reference(doc))
    assert len(ours) > 10
    assert ours == theirs
