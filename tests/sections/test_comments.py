"""Comments a page never shows (<!-- … -->) are not the document's point or its prose."""

from analyzer.sections.comments import comment_lines
from digests import digest_quotes


def test_lines_wholly_inside_a_comment_are_set_apart_and_text_beside_one_is_not():
    lines = ["<!-- draft -->", "We ship <!-- maybe --> on Friday.", "<!--", "left out", "-->", "Kept."]
    assert comment_lines(lines) == frozenset({0, 2, 3, 4})


def test_a_comment_in_the_source_is_never_the_main_point(analyzer):
    post = ("# Retiring the v1 API\n\n<!-- draft: do not publish before legal review -->\n\n"
            "We will turn off the v1 API on June 30, 2025, and every client must move to v2 before then.\n")
    takeaways = analyzer.analyze(post)["takeaways"]
    quoted = digest_quotes(takeaways)
    assert quoted[0].startswith("We will turn off") and not any("draft" in q for q in quoted)
