"""Marker lexicons load, validate with errors that name the file and line, and take user files."""

import re

import pytest

from analyzer import Analyzer, LexiconError, OptionError
from analyzer.markers.lexicon import load_lexicon, parse_pattern
from analyzer.markers.matcher import inflections, lemma_forms


def test_shipped_lexicons_load_with_hundreds_of_entries_in_every_category():
    lexicon = load_lexicon()
    counts = lexicon.counts()
    assert sum(counts.values()) > 800
    assert min(counts.values()) >= 10, counts
    assert {"workload", "pressure", "exhaustion", "failure", "self_doubt", "unfair", "anger", "anxiety", "sadness",
            "pride", "gratitude", "hope", "hedge", "certainty", "intensifier", "negator", "plea"} <= set(counts)


@pytest.mark.parametrize(
    "line, message",
    [
        ("spread thin\tworkloda\t1", "line 2: unknown category 'workloda'; use one of workload"),
        ("spread thin\tworkload\theavy", "line 2: bad weight 'heavy' for marker category 'workload'"),
        ("spread thin\tworkload\t7", "line 2: bad weight '7'"),
        ("extremely\tintensifier\t0.5", "line 2: bad weight '0.5' for intensifier category"),
        ("maybe\thedge\t1.5", "line 2: bad weight '1.5' for hedge category"),
        ("\tworkload\t1", "line 2: the pattern column is empty"),
        ("spread thin workload 1", "line 2: expected pattern<TAB>category<TAB>weight<TAB>[note], found 1 column"),
        ("can't cope\tself_doubt\t1", "line 2: malformed pattern token 'can't': spaCy splits contractions"),
        ("spread|| thin\tworkload\t1", "line 2: malformed pattern token 'spread||'"),
        ("* thin\tworkload\t1", "line 2: pattern '* thin' starts or ends with *"),
        ("thin?\tworkload\t1", "line 2: pattern 'thin?' has only optional tokens"),
        ("fire/VRB\tfailure\t1", "line 2: malformed pattern token 'fire/VRB': unknown part of speech 'VRB'"),
        ("fire/VBX\tfailure\t1", "or a verb form: VB, VBD, VBG, VBN, VBP, VBZ"),
        ("spread ; thin\tworkload\t1", "line 2: malformed pattern token ';'"),
        ("non-stop|nonstop\tworkload\t1", "a hyphenated word cannot have alternatives"),
        ("overtime\tworkload\t1", "line 3: duplicate entry 'overtime' (workload), first at"),
        ("overtime\tpressure\t1", "line 3: 'overtime' is already a pressure marker at"),
    ],
)
def test_a_bad_line_is_refused_with_its_file_and_line(tmp_path, line, message):
    path = tmp_path / "team.tsv"
    path.write_text(f"# our terms\n{line}\novertime\tworkload\t1\n")
    with pytest.raises(LexiconError) as error:
        load_lexicon([path])
    assert str(error.value).startswith(f"{path}, line ")
    assert message in str(error.value)


@pytest.mark.parametrize(
    "problem, write, message",
    [
        ("missing", None, "no such file"),
        ("empty", "# nothing yet\n\n", "has no entries"),
        ("not UTF-8", "stress\tpressure\t1\n".encode("utf-16"), "is not UTF-8 text"),
    ],
)
def test_an_unusable_file_is_an_error_not_a_warning(tmp_path, problem, write, message):
    path = tmp_path / "team.tsv"
    if isinstance(write, str):
        path.write_text(write)
    elif write is not None:
        path.write_bytes(write)
    with pytest.raises(LexiconError, match=message):
        load_lexicon([path])


def test_a_user_entry_reweights_or_switches_off_one_of_ours(tmp_path):
    path = tmp_path / "team.tsv"
    path.write_text("deadline\tpressure\t2.5\tdeadlines are serious here\noverwhelm\tworkload\t0\n")
    entries = {(e.pattern, e.category): e for e in load_lexicon([path]).entries}
    assert entries[("deadline", "pressure")].weight == 2.5
    assert entries[("deadline", "pressure")].source == str(path)
    assert ("overwhelm", "workload") not in entries


def test_replacing_keeps_only_the_user_entries(tmp_path):
    path = tmp_path / "team.tsv"
    path.write_text("quarter close\tpressure\t1\n")
    lexicon = load_lexicon([path], replace=True)
    assert [(e.pattern, e.category) for e in lexicon.entries] == [("quarter close", "pressure")]


def test_user_lexicon_through_the_analyzer_adds_and_replaces(tmp_path):
    path = tmp_path / "team.tsv"
    path.write_text("quarter close\tpressure\t2\n")
    text = "We are in the quarter close and the team is stretched thin.\n"
    added = Analyzer(lexicons=[path]).analyze(text)["markers"]
    assert {(m["text"], m["entry"]) for m in added} >= {("quarter close", f"{path}:1")}
    assert "stretched thin" in {m["text"] for m in added}
    replaced = Analyzer(lexicons=[str(path)], replace_lexicons=True).analyze(text)["markers"]
    assert [m["text"] for m in replaced] == ["quarter close"]


@pytest.mark.parametrize(
    "options, message",
    [
        ({"replace_lexicons": True}, "replace_lexicons (--replace-lexicons) needs at least one lexicon file"),
        ({"lexicons": "team.tsv"}, "lexicons must be a list of file paths"),
        ({"replace_lexicons": "yes", "lexicons": ["a.tsv"]}, "replace_lexicons must be True or False"),
    ],
)
def test_lexicon_options_are_validated(options, message):
    with pytest.raises(OptionError, match=message.replace("(", r"\(").replace(")", r"\)")):
        Analyzer(**options)


@pytest.mark.parametrize(
    "pattern, tokens",
    [
        ("spread|stretch *? too|so? thin", [("spread", "stretch"), (), ("too", "so"), ("thin",)]),
        ("non-stop", [("non",), ("-",), ("stop",)]),
        ("may/AUX", [("may",)]),
        ("24/7", [("24/7",)]),
        ("great , another", [("great",), (",",), ("another",)]),
        ("ask/VBG", [("ask",)]),
    ],
)
def test_patterns_parse_into_token_specs(pattern, tokens):
    assert [spec.words for spec in parse_pattern(pattern, "test")] == tokens


@pytest.mark.parametrize(
    "word, forms",
    [
        ("worry", ("worry", "worries", "worried", "worrying")),
        ("overwhelm", ("overwhelm", "overwhelms", "overwhelmed", "overwhelming")),
        ("tire", ("tire", "tires", "tired", "tiring")),
        ("panic", ("panic", "panics", "panicked", "panicking")),
        ("push", ("push", "pushes", "pushed", "pushing")),
        ("me", ("me", "i")),  # a pronoun's lemma is its subject form, matched in lower case
    ],
)
def test_a_word_also_matches_the_lemmas_of_its_regular_forms(word, forms):
    assert lemma_forms(word) == forms


def test_a_one_word_entry_keeps_its_form_from_a_neighbours_inflections():
    assert "pleased" in inflections("please")
    assert "pleased" not in inflections("please", frozenset({"pleased"}))


def test_cli_adds_a_lexicon_file(run_cli, tmp_path):
    lexicon = tmp_path / "team.tsv"
    lexicon.write_text("quarter close\tpressure\t2\n")
    memo = tmp_path / "memo.txt"
    memo.write_text("The quarter close is next week.\n")
    result = run_cli("analyze", str(memo), "--format", "json", "--lexicon", str(lexicon), "--replace-lexicons")
    assert result.exit_code == 0, result.stderr
    assert '"entry": "' + f"{lexicon}:1" + '"' in result.stdout


@pytest.mark.parametrize(
    "args, message",
    [
        (["--lexicon", "{tmp}/missing.tsv"], "Error: {tmp}/missing.tsv: no such file\n"),
        (["--lexicon", "{tmp}/bad.tsv"], "Error: {tmp}/bad.tsv, line 1: unknown category 'stres'; use one of "),
        (["--replace-lexicons"], "Error: replace_lexicons (--replace-lexicons) needs at least one lexicon file"),
    ],
)
def test_cli_refuses_an_unusable_lexicon_in_one_line(run_cli, tmp_path, args, message):
    (tmp_path / "bad.tsv").write_text("deadline\tstres\t1\n")
    memo = tmp_path / "memo.txt"
    memo.write_text("A short memo.\n")
    result = run_cli("analyze", str(memo), *[a.format(tmp=tmp_path) for a in args])
    assert result.exit_code == 1
    assert result.stderr.startswith(message.format(tmp=tmp_path))
    assert result.stderr.count("\n") == 1


def test_the_readme_states_the_true_entry_counts():
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text()
    for category, count in load_lexicon().counts().items():
        assert re.search(rf"^\| `{category}` \|.*\| {count} \|$", readme, flags=re.M), category
