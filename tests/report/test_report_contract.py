"""The JSON report's fields are a contract: later work may add fields, never rename them."""

import json

import pytest

DOCUMENTS = {
    "markdown": "# Plan\n\nWe ship in May.\n\n## Costs\n\nIt costs $40k.\n\n### Detail\n\nMore detail.\n",
    "no headings": "Just a note.\nWith two lines and no heading at all.",
    "only headings": "# One\n# Two\n## Two point one\n",
    "leading blank lines": "\n\n# Late title\nBody text here.\n",
    "fenced code": "# Real\n```\n# not a heading\n```\nText.\n",
}


def assert_has(obj: dict, fields: dict) -> None:
    for name, types in fields.items():
        assert name in obj, f"missing field {name!r}"
        assert isinstance(obj[name], types), f"{name!r} is {type(obj[name]).__name__}"


@pytest.mark.parametrize("name", DOCUMENTS)
def test_report_carries_every_contract_field(analyzer, name):
    report = json.loads(json.dumps(analyzer.analyze(DOCUMENTS[name], source=name)))
    assert report["schema_version"] == 1
    assert_has(report["document"], {"source": str, "title": (str, type(None)), "date": (str, type(None)),
                                    "words": int, "sha256": str})
    assert_has(report["sentiment"], dict.fromkeys(("compound", "pos", "neu", "neg"), float))
    assert_has(report["readability"], dict.fromkeys(("flesch_reading_ease", "flesch_kincaid_grade",
                                                     "gunning_fog"), (float, type(None))))
    for section in report["sections"]:
        assert_has(section, {"id": int, "title": (str, type(None)), "level": int, "line": int,
                             "end_line": int, "parent": (int, type(None)), "words": int,
                             "sentiment": dict, "readability": dict})
    assert report["claims"] == [] or isinstance(report["claims"], list)
    assert isinstance(report["takeaways"], dict)


@pytest.mark.parametrize("name", DOCUMENTS)
def test_sections_cover_every_line_exactly_once(analyzer, name):
    text = DOCUMENTS[name]
    report = analyzer.analyze(text)
    covered = [n for s in report["sections"] for n in range(s["line"], s["end_line"] + 1)]
    assert covered == list(range(1, len(text.rstrip("\n").split("\n")) + 1))


def test_parents_point_to_earlier_higher_sections(analyzer):
    sections = analyzer.analyze(DOCUMENTS["markdown"])["sections"]
    by_id = {s["id"]: s for s in sections}
    assert [(s["title"], s["parent"] and by_id[s["parent"]]["title"]) for s in sections] == [
        ("Plan", None), ("Costs", "Plan"), ("Detail", "Costs"),
    ]


def test_headings_are_not_counted_as_section_prose(analyzer):
    sections = analyzer.analyze(DOCUMENTS["only headings"])["sections"]
    assert [s["words"] for s in sections] == [0, 0, 0]
    assert all(s["sentiment"]["sentences"] == 0 for s in sections)
    assert all(s["readability"]["flesch_reading_ease"] is None for s in sections)


def test_text_before_the_first_heading_is_a_preamble(analyzer):
    first = analyzer.analyze("Intro line here.\n# Heading\nBody.")["sections"][0]
    assert (first["title"], first["line"], first["end_line"], first["level"]) == (None, 1, 1, 0)


def test_sha256_identifies_the_normalised_text(analyzer):
    import hashlib

    report = analyzer.analyze("Hello there.\r\n")
    assert report["document"]["sha256"] == hashlib.sha256(b"Hello there.\n").hexdigest()


def test_sentiment_evidence_quotes_its_sentence_and_line(analyzer):
    report = analyzer.analyze("# Risks\nAll fine.\nWe are worried and upset about the outage.\n")
    evidence = report["sections"][0]["sentiment"]["evidence"]
    assert evidence[0]["line"] == 3
    assert evidence[0]["text"] == "We are worried and upset about the outage."
    assert {w["word"] for w in evidence[0]["words"]} >= {"worried", "upset"}


def test_readability_grades_each_section(analyzer):
    simple = "# Easy\nThe cat sat. The dog ran. We ate.\n"
    hard = ("# Hard\nOrganisational interdependencies necessitate comprehensive, "
            "multidisciplinary coordination mechanisms across heterogeneous infrastructure.\n")
    easy_grade = analyzer.analyze(simple)["sections"][0]["readability"]["flesch_kincaid_grade"]
    hard_grade = analyzer.analyze(hard)["sections"][0]["readability"]["flesch_kincaid_grade"]
    assert easy_grade < 3 < 15 < hard_grade


def test_a_one_sentence_section_keeps_its_sentence_evidence(analyzer):
    evidence = analyzer.analyze("# Risks\nWe are worried about the outage.\n")["sections"][0]["sentiment"]["evidence"]
    assert "worried" in [w["word"] for w in evidence[0]["words"]]
