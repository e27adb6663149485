"""The pipeline: data read once and handed to every stage, saved with it, and one output gate."""

import json
import subprocess
import sys

import pytest
import spacy

from analyzer import Analyzer, LexiconError
from analyzer.errors import LeakError, OutputError
from analyzer.output import checked, emit
from analyzer.report.build import build_report

MEMO = """Team update

Funding
We will no longer fund the night shift after June, and I am sorry for the short notice.
Many of you worked through most weekends this quarter, and I am grateful for it.

Next steps
The quarter close is next week; Dana will send the new rota on Monday.
"""


def report_of(nlp, text):
    doc = nlp(text)
    return json.dumps(build_report(doc, source=None, model="m"), sort_keys=True)


def test_a_saved_pipeline_loads_and_gives_the_same_report(tmp_path):
    lexicon = tmp_path / "team.tsv"
    lexicon.write_text("quarter close\tpressure\t2\n")
    analyzer = Analyzer(lexicons=[lexicon])
    before = report_of(analyzer.nlp, MEMO)
    analyzer.nlp.to_disk(tmp_path / "saved")
    lexicon.unlink()  # the saved pipeline carries the texts it was built from
    after = report_of(spacy.load(tmp_path / "saved"), MEMO)
    assert after == before
    assert '"entry": "' + f"{lexicon}:1" + '"' in after


def test_no_name_a_user_gives_for_one_run_goes_into_the_config(tmp_path):
    deny = tmp_path / "deny.txt"
    deny.write_text("Marisol Quintero\n")
    allow = tmp_path / "allow.txt"
    allow.write_text("Nimbus\n")
    nlp = Analyzer(redact=True, deny=deny, allow=allow).nlp
    config = nlp.config.to_str()
    assert "Marisol" not in config and "Nimbus" not in config
    nlp.to_disk(tmp_path / "saved")
    saved = " ".join(p.read_text(errors="replace") for p in (tmp_path / "saved").rglob("*") if p.is_file()
                     and p.suffix in (".json", ".cfg"))
    assert "Marisol" not in saved and "Nimbus" not in saved


def test_a_user_lexicon_reaches_the_claims_stance_rule(analyzer, tmp_path):
    sentence = "The new rota is a zorblat for the whole support team this quarter and the next.\n"
    lexicon = tmp_path / "team.tsv"
    lexicon.write_text("zorblat\tanger\t2\n")
    plain = analyzer.analyze(sentence)["claims"]
    with_word = Analyzer(lexicons=[lexicon]).analyze(sentence)["claims"]
    stance = [c["text"] for claim in with_word for c in claim["cues"]]
    assert "zorblat" not in [c["text"] for claim in plain for c in claim["cues"]]
    assert "zorblat" in stance


def test_two_analyzers_never_share_a_pipeline():
    assert Analyzer().nlp is not Analyzer().nlp


def test_a_bad_data_file_fails_before_the_model_loads(tmp_path):
    bad = tmp_path / "bad.tsv"
    bad.write_text("deadline\tstres\t1\n")
    with pytest.raises(LexiconError, match=r"bad.tsv, line 1: unknown category 'stres'"):
        Analyzer(lexicons=[bad])


def test_the_output_gate_renders_checks_and_writes_once(analyzer, tmp_path):
    report = analyzer.analyze(MEMO)
    target = tmp_path / "report.md"
    text = emit(report, "markdown", target)
    assert target.read_text() == text == checked(report, "markdown")
    with pytest.raises(OutputError, match="already exists"):
        emit(report, "markdown", target)
    assert emit(report, "json", target, overwrite=True) == target.read_text()


def test_the_gate_refuses_a_report_that_lost_its_privacy_record(tmp_path):
    report = Analyzer(redact=True).analyze(MEMO)
    with pytest.raises(LeakError, match="no record of what was redacted"):
        emit(dict(report), "json", tmp_path / "copy.json")
    assert not (tmp_path / "copy.json").exists()


def test_the_html_page_shows_the_text_whatever_the_report_was_built_for(analyzer):
    report = analyzer.analyze(MEMO)
    assert all(s["text"] is None for s in report["sections"])
    assert "night shift" in checked(report, "html")
    assert json.loads(checked(report, "json"))["sections"][1]["text"] is None


def test_reading_a_finished_report_loads_no_spacy():
    script = "import sys, analyzer.report, analyzer.report.vocab, analyzer.render; print('spacy' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == "False", result.stderr


def test_a_typographic_apostrophe_reads_as_a_straight_one(nlp):
    typed = "We’re sure it’s done: we’ve tested it, I’m glad, and we’ll ship. We don’t wait. IT’S FINE."
    curly, straight = nlp(typed), nlp(typed.replace("’", "'"))
    assert [(t.pos_, t.lemma_.replace("’", "'"), t.dep_) for t in curly] == \
        [(t.pos_, t.lemma_, t.dep_) for t in straight]
    assert [t.lemma_ for t in curly if "’" in t.text] == ["be", "be", "have", "be", "will", "not", "be"]


@pytest.mark.parametrize("shouted", ["DON'T PANIC, the service keeps working.", "DON’T PANIC, the service keeps working.",
                                     "WE CAN'T SHIP THIS."])
def test_a_contraction_in_capitals_keeps_its_negation(nlp, shouted):
    words = nlp(shouted)
    assert [t.lemma_ for t in words if t.dep_ == "neg"] == ["not"]
    assert not any(len(t) > 3 and t.text.replace("’", "'").endswith("N'T") for t in words)


def test_shouted_reassurance_is_not_read_as_panic(analyzer):
    memo = "Release plan\n\nDON'T PANIC: the service keeps working while we move it. We will publish the details soon.\n"
    assert [t["label"] for t in analyzer.analyze(memo)["takeaways"]["emotional"]] == ["Calm, matter-of-fact tone"]
