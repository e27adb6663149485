"""A printed page's numbers and running heads are not the memo: no heading, score or quote reads them."""

from analyzer.render import markdown
from analyzer.sections.pages import furniture_lines
from digests import digest_quotes

PRINTED = """\
NORTHWIND LTD                              CONFIDENTIAL
Subject: Closing the Duluth office

The Duluth office will close on March 31, and its eleven staff will be offered roles in Minneapolis.

                                   Page 1 of 2
NORTHWIND LTD                              CONFIDENTIAL

HR will meet each of them before October 31 to talk through the move or a severance package.

                                   Page 2 of 2
"""


def test_page_numbers_and_the_running_head_beside_them_are_furniture():
    lines = PRINTED.splitlines()
    assert furniture_lines(lines) == frozenset({0, 5, 6, 10})


def test_a_heading_used_twice_without_page_numbers_stays_text():
    lines = ["Week 1", "", "Next steps", "Ship the fix.", "", "Week 2", "", "Next steps", "Write the report."]
    assert furniture_lines(lines) == frozenset()


def test_a_running_head_never_cuts_the_memo_into_sections(analyzer):
    report = analyzer.analyze(PRINTED)
    assert not [s for s in report["sections"] if s["title"] and "NORTHWIND" in s["title"]]
    quoted = digest_quotes(report["takeaways"])
    assert not any("Page" in q or "NORTHWIND" in q for q in quoted)
    assert not [c for c in report["claims"] if "Page" in c["text"]]


def test_quotes_are_cited_by_line_alone_when_a_letterhead_is_all_that_stands_outside_the_message(analyzer):
    letter = PRINTED.replace("Subject:", "\nTo: All staff\nFrom: Operations\nSubject:")
    report = analyzer.analyze(letter)
    assert [(s["cue"], s["line"]) for s in report["sections"]] == [(None, 1), ("email", 3)]
    markdown_report = markdown.render_markdown(report)
    assert "(line 7)" in markdown_report and "*(e-mail message)*" not in markdown_report
