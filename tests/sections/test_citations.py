"""A saying the writer sets out with its source's name is someone else's words, not the writer's."""

from analyzer.sections.citations import cited_lines
from digests import digest_quotes

POST = """\
SHIP SMALL WHEN TEAMS CHANGE

Author: dana
Date: 2024-04-02

Teams that ship small things ship them often. Small changes are easy to review and easy to undo. — Release Handbook

Our team went from seven people to three this month, and two more leave in May.
We are moving the remaining work to the platform group.
"""


def test_a_paragraph_ending_with_a_dash_and_a_name_cites_its_source():
    assert cited_lines(POST.splitlines()) == frozenset({6})


def test_a_note_signed_with_a_dash_at_its_end_is_the_writers_own():
    lines = ["Thanks for covering the release on Friday.", "", "We owe you one. — Sam"]
    assert cited_lines(lines) == frozenset()


def test_a_dash_inside_a_sentence_names_no_source():
    lines = ["The plan - Option B - wins.", "", "We start on Monday."]
    assert cited_lines(lines) == frozenset()


def test_the_main_point_is_the_writers_not_the_epigraphs(analyzer):
    report = analyzer.analyze(POST)
    main = next(item for item in report["takeaways"]["factual"] if item["role"] == "main")
    quoted = digest_quotes(report["takeaways"])
    assert "ship small things" not in main["evidence"][0]["text"]
    assert not any("ship small things" in q for q in quoted)


def test_a_block_quote_signed_on_a_line_of_its_own_cites_its_source():
    lines = ["We asked a sponsor why they use the tool.", "",
             "> We use it to keep the codebase easy to maintain.", ">",
             "> -- Dana Reyes, Web Developer at Pebblecrest (Acme)", "",
             "We are grateful to every sponsor.", "", "- Ana Lima (Hooli)", "", "-- Sam", "", "[1] A footnote."]
    assert cited_lines(lines) == frozenset({3, 4, 5})
