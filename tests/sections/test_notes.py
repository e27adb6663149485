"""Footnotes below a text's body hold details and sources: the digest never quotes them as gists."""

from analyzer.sections.notes import footnote_lines
from digests import digest_quotes

NOTES = """\
We revoked the leaked token within the hour and rotated every key it could reach.

[1] We do not know the exact day; the audit log keeps 90 days.

[2] The token's scopes were not recorded before it was destroyed.
It may have been able to publish releases.
"""


def test_paragraphs_numbered_1_2_3_below_the_body_are_notes():
    assert footnote_lines(NOTES.splitlines()) == frozenset({3, 5, 6})


def test_a_mark_the_body_uses_makes_a_single_paragraph_a_note():
    lines = ["The release slipped by a week[a].", "", "[a] The build farm was down for two days."]
    assert footnote_lines(lines) == frozenset({3})


def test_paragraphs_that_end_the_text_each_opened_by_a_name_in_brackets_are_notes():
    lines = ["We will keep shipping releases on schedule.", "", "Thanks,", "The leads", "",
             "[stewards] The volunteers who look after the shared budget.", "",
             "[rota] Unlike most teams we know, we share one pager between", "four offices.", "",
             "[vote] https://example.org/votes/2021/12"]
    assert footnote_lines(lines) == frozenset({6, 8, 9, 11})
    # Followed by the text's own paragraphs, such lines are the text's.
    assert footnote_lines([*lines, "", "We will write again next week."]) == frozenset()


def test_bracketed_numbers_on_consecutive_lines_are_a_list():
    lines = ["Before the upgrade:", "[1] Check the backups.", "[2] Tell the on-call team.", "[3] Freeze merges."]
    assert footnote_lines(lines) == frozenset()


def test_a_lone_paragraph_marked_1_is_a_note_whose_mark_the_copy_lost():
    lines = ["Migrating takes an afternoon for most projects.", "", "[1] Or automatically with the setup helper."]
    assert footnote_lines(lines) == frozenset({3})


def test_a_list_numbered_in_brackets_after_a_blank_line_is_no_note():
    lines = ["Before the upgrade:", "", "[1] Check the backups.", "[2] Tell the on-call team."]
    assert footnote_lines(lines) == frozenset()


def test_a_single_bracketed_paragraph_the_body_never_refers_to_is_text():
    lines = ["Dear all,", "", "[Note] We plan to move the office in June."]
    assert footnote_lines(lines) == frozenset()


def test_the_digest_quotes_the_body_and_not_its_notes(analyzer):
    report = analyzer.analyze(NOTES)
    quoted = digest_quotes(report["takeaways"])
    assert any("revoked the leaked token" in q for q in quoted)
    assert not any("audit log" in q or "scopes" in q or "publish releases" in q for q in quoted)
