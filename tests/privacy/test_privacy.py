"""Redaction, pseudonyms and the leak check: what an HR reviewer relies on."""

import json
import re
from functools import partial

import pytest

from analyzer import Analyzer
from analyzer.errors import LeakError, OptionError, PrivacyError
from analyzer.privacy import PrivacySettings, check_leaks, protect
from analyzer.privacy.context import NO_PRIVACY
from analyzer.privacy.leaks import blanked
from analyzer.privacy.redact import SNIPPET_WORDS, Redactor, redact_report
from analyzer.render import render
from analyzer.report.build import build_report

MEMO = """# Feedback for Marisol Vega

Marisol and Teodor want the platform team to run customer support end to end. I told Marisol
that we are already stretched, and @tbrandt agreed with me after the meeting.

## What worries me

Łukasz and Erik are exhausted after covering the weekend shifts for six weeks in a row.
The Cody teams keep shipping features that break our dashboards, and the deal with Bank Z
depends on us fixing them. Call me on +44 20 7946 0958 or write to marisol.vega@example.org.

Thanks,
Dana
"""
NAMES = ["Marisol", "Vega", "Teodor", "Łukasz", "Lukasz", "Erik", "Dana", "tbrandt", "marisol.vega",
         "7946 0958"]


@pytest.fixture(scope="module")
def redacting(nlp):
    """A redacting analyzer sharing the session's parser (same pipeline config)."""
    return Analyzer(redact=True)


@pytest.fixture(scope="module")
def redacted(redacting):
    """MEMO analysed once for the tests that only read its redacted report: the leak check
    alone reads it a dozen times, and analysing it again gives the same report."""
    return redacting.analyze(MEMO)


def outputs(report) -> dict[str, str]:
    return {fmt: render(report, fmt) for fmt in ("json", "markdown")}


def assert_no_names(text: str, names=NAMES) -> None:
    for name in names:
        assert not re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text, re.IGNORECASE), name


def test_redacted_report_names_nobody_in_any_format(redacting):
    report = redacting.analyze(MEMO, source="feedback-marisol.txt")
    for fmt, text in outputs(report).items():
        assert_no_names(text)
        check_leaks(text, report, partial(render, fmt=fmt))
    assert report["document"]["title"] == "Feedback for Person 1"
    assert report["sections"][0]["title"] == "Feedback for Person 1"
    # A path names people as often as the text does: it is replaced whole, never half-redacted.
    assert report["document"]["source"] == "[source]"


def test_pseudonyms_follow_first_mention_and_aliases(redacted):
    redact = Redactor(redacted.privacy.terms)
    assert redact(MEMO.splitlines()[2]) == (
        "Person 1 and Person 2 want the platform team to run customer support end to end. I told Person 1")
    assert redact("Łukasz, Erik, MARISOL and marisol vega; @tbrandt and tbrandt.") == (
        "Person 4, Person 5, Person 1 and Person 1; Person 3 and Person 3.")
    assert [p["pseudonym"] for p in redacted["privacy"]["people"]] == [f"Person {n}" for n in range(1, 7)]


def test_a_word_that_opens_a_sentence_before_a_name_stays_and_the_name_keeps_its_person(redacting):
    text = ("Notes on hiring\n\nDana Whitfield leads the panel this year. As Whitfield (2021) argued in her "
            "handbook, structured interviews work. When Whitfield joined, she changed the process.\n")
    redact = Redactor(redacting.analyze(text).privacy.terms)
    assert redact(text).splitlines()[2] == ("Person 1 leads the panel this year. As Person 1 (2021) argued in her "
                                            "handbook, structured interviews work. When Person 1 joined, she "
                                            "changed the process.")


def test_products_and_teams_stay_readable(redacted):
    redact = Redactor(redacted.privacy.terms)
    assert "The Cody teams keep shipping" in redact(MEMO)
    assert "the deal with Bank Z" in redact(MEMO)


def test_every_nested_string_and_key_is_redacted_including_fields_added_later(redacting, nlp):
    doc = redacting.nlp(MEMO)
    report = build_report(doc, source=None, model="test")
    report["claims"] = [{"speaker": "Marisol", "subject": "Łukasz and Erik", "object": ("Dana", ["Teodor"])}]
    report["takeaways"] = {"emotional": [{"text": "Erik is exhausted", "evidence": [{"quote": "Dana"}]}]}
    report["future"] = {"by_person": {"Marisol Vega": 3}, "count": 2, "flag": True, "nothing": None}
    redacted = protect(report, doc, PrivacySettings())
    text = json.dumps(redacted, ensure_ascii=False)
    assert_no_names(text)
    assert redacted["future"] == {"by_person": {"Person 1": 3}, "count": 2, "flag": True, "nothing": None}
    assert redacted["claims"][0] == {"speaker": "Person 1", "subject": "Person 4 and Person 5",
                                     "object": ["Person 6", ["Person 2"]]}


def test_a_handle_spelled_like_a_field_leaves_the_report_whole(redacting):
    report = redacting.analyze("Notes from the review\n\nThanks to @title and Dana Whitfield for the review.\n")
    assert report["sections"][0]["title"] == "Notes from the review"
    for fmt in ("json", "markdown", "html"):
        assert_no_names(render(report, fmt), ["Dana", "Whitfield", "@title"])


def test_a_name_glued_to_markup_is_redacted_without_the_markup_words(redacting):
    text = ("Review notes\n\n<p>Dana Whitfield wrote a <a title=\"Dana Whitfield's notes\" href=\"/notes\">"
            "summary</a> of the review, and the title of each part names its owner.</p>\n")
    report = redacting.analyze(text)
    markdown = render(report, "markdown")
    assert_no_names(markdown, ["Dana", "Whitfield"])
    assert "the title of each part" in json.dumps(report)


def test_the_context_travels_unserialised(redacted, analyzer):
    assert "privacy" in redacted and redacted["privacy"]["mode"] == "standard"
    assert redacted.privacy.terms and "terms" not in json.dumps(redacted)
    plain = analyzer.analyze(MEMO)
    assert plain["privacy"] is None and plain.privacy is NO_PRIVACY


def test_keyed_pseudonyms_are_stable_across_runs_and_documents(tmp_path, redacted):
    key = tmp_path / "team.key"
    key.write_text("a-secret-of-thirty-two-characters\n")
    other = tmp_path / "other.key"
    other.write_text("another-secret-of-32-characters!\n")

    def people(report):
        return [p["pseudonym"] for p in report["privacy"]["people"]]

    def pseudonyms(text, **options):
        return people(Analyzer(redact=True, **options).analyze(text))

    first = pseudonyms(MEMO, pseudonym_key=key)
    assert first == pseudonyms(MEMO, pseudonym_key=str(key))
    assert first == pseudonyms(MEMO, pseudonym_key=key.read_bytes().strip())
    assert all(re.fullmatch(r"Person [A-Z2-7]{8}", p) for p in first)
    # The same person in another document, mentioned in another order, keeps their pseudonym.
    second = pseudonyms("Erik wrote to Teodor about the outage.\n", pseudonym_key=key)
    assert set(second) == {first[4], first[1]}
    assert people(redacted) == [f"Person {n}" for n in range(1, 7)]
    assert set(pseudonyms(MEMO, pseudonym_key=other)).isdisjoint(first)


@pytest.mark.parametrize("content, message", [(b"short", "the key is 5 bytes"), (None, "no such file")])
def test_bad_keys_are_refused(tmp_path, content, message):
    key = tmp_path / "k"
    if content is not None:
        key.write_bytes(content)
    # Refused before any pipeline is built: the model named here does not exist.
    with pytest.raises(OptionError, match=message):
        Analyzer("no_such_model_anywhere", redact=True, pseudonym_key=key)


def test_strict_mode_carries_no_sentence_of_the_input():
    text = (
        "# Quarterly review\n\n"
        "The migration finished two weeks late because the vendor kept missing deadlines.\n"
        "Everyone on the team is worried that the next release will slip as well.\n"
        "We are proud of how the support engineers handled the angry customers this month.\n\n"
        "## Risks\n\n"
        "Dana Whitfield warned that nobody owns the certificate renewals any more.\n"
        "The budget for contractors runs out at the end of June and has not been renewed.\n"
    )
    report = Analyzer(privacy="strict").analyze(text)
    words = text.split()
    for fmt, out in outputs(report).items():
        flat = " ".join(out.split())
        for sentence in re.split(r"(?<=[.!?])\s+", text):
            if len(sentence.split()) > SNIPPET_WORDS:
                assert " ".join(sentence.split()) not in flat, (fmt, sentence)
        # Stronger: no run of more than SNIPPET_WORDS consecutive input words.
        for i in range(len(words) - SNIPPET_WORDS):
            assert " ".join(words[i:i + SNIPPET_WORDS + 1]) not in flat, (fmt, words[i:i + SNIPPET_WORDS + 1])
    evidence = report["sections"][1]["sentiment"]["evidence"][0]
    assert evidence["text"].endswith("…") and isinstance(evidence["line"], int)
    assert report["privacy"]["mode"] == "strict" and "Dana" not in json.dumps(report)


def test_allow_and_deny_files(tmp_path):
    allow, deny = tmp_path / "allow.txt", tmp_path / "deny.txt"
    allow.write_text("# products that must stay\nCody\n")
    deny.write_text("Nimbus\n")
    text = "Cody said the rollout was fine, but Nimbus disagreed and Dana agreed with Cody.\n"
    redact = Redactor(Analyzer(redact=True, allow=allow, deny=deny).analyze(text).privacy.terms)
    assert redact(text) == "Cody said the rollout was fine, but Person 1 disagreed and Person 2 agreed with Cody.\n"


@pytest.mark.parametrize(
    "options, message",
    [
        ({"allow": ["Cody"]}, "allow applies only when redacting"),
        ({"allow": ["Cody"], "deny": ["Nimbus"]}, "allow, deny apply only when redacting"),
        ({"redact": True, "allow": ["Cody"], "deny": ["cody"]}, "cody: on both the allow and the deny list"),
        ({"privacy": "paranoid"}, "privacy must be one of standard, strict"),
        ({"redact": "yes"}, "redact must be True or False"),
    ],
)
def test_privacy_options_are_checked(options, message):
    with pytest.raises(OptionError, match=message):
        Analyzer(**options)


@pytest.mark.parametrize(
    "rendered",
    [
        "plain: Łukasz wrote it",
        "no accents: Lukasz wrote it",
        "capitals: ŁUKASZ WROTE IT",
        "markdown escaped: \\@tbrandt",
        "html entities: &#321;ukasz and &#x45;rik",
        "json escapes: \\u0141ukasz",
        "regrouped phone: +44 (0) 2079 460958",
        "url-encoded: /people/%C5%81ukasz",
        "local part: marisol.vega",
        '{"json newline": "line one\\nErik wrote"}',
        "markdown emphasis: _Teodor_ and \\_Erik\\_",
        "file name: erik_review.md",
    ],
)
def test_leak_check_sees_names_however_a_renderer_writes_them(redacted, rendered):
    with pytest.raises(LeakError, match="nothing was written") as caught:
        check_leaks(rendered, redacted)
    assert_no_names(str(caught.value))


def test_the_renderers_own_words_are_read_off_a_page_laid_out_as_the_real_one(redacted):
    # The leak check forgives what the renderer writes for a report with its text blanked;
    # each takeaway keeps its role there, so that page takes the same branches (a gist's
    # "(proposal)" tag after each quote) and has the same words of its own.
    roles = [item["role"] for side in ("emotional", "factual") for item in redacted["takeaways"][side]]
    blank = blanked(redacted)
    assert [item["role"] for side in ("emotional", "factual") for item in blank["takeaways"][side]] == roles
    assert "gist" in roles


def test_leak_check_finds_the_pseudonym_key(tmp_path):
    key = tmp_path / "k"
    key.write_text("correct-horse-battery-staple-42\n")
    report = Analyzer(redact=True, pseudonym_key=key).analyze(MEMO)
    check_leaks("Person ABCDEFGH was fine.", report)
    with pytest.raises(LeakError, match="key"):
        check_leaks("debug: correct-horse-battery-staple-42", report)


def test_leak_check_fails_closed_without_a_context(analyzer):
    with pytest.raises(LeakError, match="no record of what was redacted"):
        check_leaks("anything at all", None)
    with pytest.raises(LeakError):
        check_leaks("anything", json.loads('{"a": 1}'))
    check_leaks("anything", analyzer.analyze("Nothing to hide here.\n"))


def test_redaction_refuses_a_document_detection_did_not_see(nlp):
    import spacy

    report = build_report(nlp("Dana wrote this."), source=None, model="m")
    with pytest.raises(PrivacyError, match="detection did not run"):
        protect(report, spacy.blank("en")("Dana wrote this."), PrivacySettings())


def test_redact_report_walks_lists_tuples_and_keeps_other_values(redacted):
    context = redacted.privacy
    node = {"a": [("Dana", 1.5), {"Erik": None}], "b": True}
    assert redact_report(node, context) == {"a": [["Person 6", 1.5], {"Person 5": None}], "b": True}


# -- the command line ------------------------------------------------------------------------


@pytest.fixture
def memo(tmp_path):
    path = tmp_path / "memo.txt"
    path.write_text(MEMO)
    return path


def test_cli_redacts_stdout_and_files(run_cli, memo, tmp_path):
    for fmt in ("markdown", "json"):
        result = run_cli("analyze", str(memo), "--redact", "--format", fmt)
        assert result.exit_code == 0, result.stderr
        assert_no_names(result.stdout)
        out = tmp_path / f"report.{fmt}"
        assert run_cli("analyze", str(memo), "--privacy", "strict", "--format", fmt, "-o", str(out)).exit_code == 0
        assert_no_names(out.read_text())


def test_a_leak_is_never_written_and_exits_non_zero(run_cli, memo, tmp_path, monkeypatch):
    import analyzer.privacy

    # Break the redaction: the report goes out as it came in, names and all.
    monkeypatch.setattr(analyzer.privacy, "redact_report", lambda report, context: dict(report))
    out = tmp_path / "report.md"
    for args in ([], ["-o", str(out)]):
        result = run_cli("analyze", str(memo), "--redact", *args)
        assert result.exit_code == 1
        assert result.stdout == ""
        assert result.stderr.startswith("Error: privacy check failed: a detected person survives redaction in")
        assert result.stderr.count("\n") == 1
        assert_no_names(result.stderr)
    assert not out.exists() and list(tmp_path.iterdir()) == [memo]


def test_a_detection_failure_writes_nothing(run_cli, memo, tmp_path, monkeypatch):
    from analyzer.privacy.detect import PiiDetector

    def broken(self, doc):
        raise RuntimeError("detector crashed")

    monkeypatch.setattr(PiiDetector, "__call__", broken)
    out = tmp_path / "report.json"
    result = run_cli("analyze", str(memo), "--redact", "--format", "json", "-o", str(out))
    assert result.exit_code == 1 and result.stdout == "" and not out.exists()


@pytest.mark.parametrize(
    "args, message",
    [
        (["--redact", "--pseudonym-key", "missing.key"], "--pseudonym-key missing.key: no such file"),
        (["--allow", "allow.txt"], "allow applies only when redacting; pass redact=True (--redact)"),
        (["--redact", "--allow", "missing.txt"], "--allow missing.txt: no such file"),
        (["--redact", "--pii-patterns", "bad.tsv"], "bad.tsv, line 1: unknown kind 'regexp'"),
    ],
)
def test_cli_privacy_errors_are_one_line(run_cli, memo, tmp_path, monkeypatch, args, message):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "bad.tsv").write_text("regexp\tID\t\\d+\n")
    (tmp_path / "allow.txt").write_text("Cody\n")
    result = run_cli("analyze", str(memo), *args)
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.startswith("Error: ") and result.stderr.count("\n") == 1
    assert message in result.stderr, result.stderr


def test_cli_keyed_output_never_contains_the_key(run_cli, memo, tmp_path):
    key = tmp_path / "team.key"
    key.write_text("a-secret-of-thirty-two-characters\n")
    first = run_cli("analyze", str(memo), "--redact", "--pseudonym-key", str(key), "--format", "json")
    again = run_cli("analyze", str(memo), "--redact", "--pseudonym-key", str(key), "--format", "json")
    assert first.exit_code == 0 and first.stdout == again.stdout
    assert "a-secret-of-thirty-two-characters" not in first.stdout + first.stderr
    assert json.loads(first.stdout)["privacy"]["pseudonyms"] == "keyed"


def test_an_ambiguous_first_name_is_a_person_of_its_own(redacting):
    text = "Chris Lee joined in May. Chris Park wrote the plan, and Chris said it was fine. Lee agreed.\n"
    redact = Redactor(redacting.analyze(text).privacy.terms)
    assert redact(text) == ("Person 1 joined in May. Person 2 wrote the plan, and Person 3 said it was fine. "
                            "Person 1 agreed.\n")
