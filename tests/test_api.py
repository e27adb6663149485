import itertools

import pytest

import analyzer as package
from analyzer import Analyzer, InputError, OptionError

MEMO = """# Weekly status

The release shipped on Tuesday. Everyone worked hard and the customers are happy.

## Risks

We are worried about the deadline. The vendor has not answered our emails.
"""


def test_analyze_returns_the_json_report(analyzer):
    report = analyzer.analyze(MEMO, source="status.md")
    assert report["schema_version"] == 1
    assert report["document"]["source"] == "status.md"
    assert report["document"]["title"] == "Weekly status"
    assert [s["title"] for s in report["sections"]] == ["Weekly status", "Risks"]
    assert report["sections"][1]["sentiment"]["compound"] < 0 < report["sections"][0]["sentiment"]["compound"]


def test_analyze_many_keeps_input_order_and_sources(analyzer):
    items = [("a.md", "# A\nGood news for everyone."), ("b.md", "# B\nThe build failed again.")]
    reports = list(analyzer.analyze_many(items))
    assert [r["document"]["source"] for r in reports] == ["a.md", "b.md"]
    assert [r["document"]["title"] for r in reports] == ["A", "B"]


def test_analyze_many_streams_an_endless_input():
    pulled = []

    def endless():
        for n in itertools.count():
            pulled.append(n)
            yield (f"memo-{n}", f"Memo number {n} is short.")

    first = next(Analyzer(batch_size=4).analyze_many(endless()))
    assert first["document"]["source"] == "memo-0"
    assert len(pulled) <= 8


def test_module_shortcut_matches_the_analyzer(analyzer):
    assert package.analyze(MEMO) == analyzer.analyze(MEMO)


def test_api_normalises_text_like_the_cli(analyzer):
    assert analyzer.analyze(MEMO.replace("\n", "\r\n")) == analyzer.analyze(MEMO)


@pytest.mark.parametrize("text", ["", "   \n\n", None, b"bytes"])
def test_api_refuses_what_is_not_text(analyzer, text):
    with pytest.raises(InputError):
        analyzer.analyze(text)


def test_unknown_option_names_the_valid_ones():
    with pytest.raises(OptionError, match=r"unknown option 'colour'; valid options are: (\w+, )*batch_size\b"):
        Analyzer(colour="blue")


def test_bad_option_value_is_refused():
    with pytest.raises(OptionError, match="batch_size must be a positive integer"):
        Analyzer(batch_size=0)
