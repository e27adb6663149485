"""The HTML page: self-contained, escaped, markers highlighted, claims filterable, names redacted."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from analyzer import Analyzer
from analyzer.render import html as page_html
from analyzer.render import render

MEMO = """# Release plan

We are exhausted after three weekends of overtime. Please let's not add a fourth.
The team shipped 40 fixes, and I think we should pause new features.

## Next steps

Dana Whitfield asked for a date. <script>alert("x")</script> & more.
"""


class Tags(HTMLParser):
    """Every start tag of a page with its attributes, and the text inside each ``<mark>``."""

    def __init__(self, page: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.marks: list[str] = []  # the text of each highlight, the legend's left out
        self._in_mark = False
        self.feed(page)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, {k: v or "" for k, v in attrs}))
        self._in_mark = tag == "mark" and "key" not in (dict(attrs).get("class") or "").split()
        if self._in_mark:
            self.marks.append("")

    def handle_endtag(self, tag):
        if tag == "mark":
            self._in_mark = False

    def handle_data(self, data):
        if self._in_mark:
            self.marks[-1] += data

    def with_class(self, tag: str, css_class: str) -> list[dict[str, str]]:
        return [a for t, a in self.tags if t == tag and css_class in a.get("class", "").split()]


@pytest.fixture(scope="module")
def with_text(analyzer) -> Analyzer:
    # Same pipeline config as the session analyzer, so the parser is shared, not reloaded.
    return Analyzer(section_text=True)


@pytest.fixture(scope="module")
def report(with_text):
    return with_text.analyze(MEMO, source="plan.md")


@pytest.fixture(scope="module")
def page(report) -> str:
    return render(report, "html")


def test_the_report_carries_section_text_only_when_asked(analyzer, report):
    assert all(s["text"] is None for s in analyzer.analyze(MEMO)["sections"])
    by_title = {s["title"]: s for s in report["sections"]}
    steps = by_title["Next steps"]
    assert steps["body_line"] == 7
    assert steps["text"].strip().startswith("Dana Whitfield asked for a date.")


def test_the_page_is_self_contained(page):
    assert 'http-equiv="Content-Security-Policy" content="default-src \'none\'' in page
    for outside in ("<script", "<link", "@import", "url(", "src=", "https://", "http://www.example"):
        assert outside not in page.replace("http://www.w3.org/2000/svg", "")


def test_the_document_text_is_escaped(page):
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more." in page


def test_the_digest_comes_first(page, report):
    tags = Tags(page)
    ids = [a["id"] for _, a in tags.tags if "id" in a]
    assert ids.index("takeaways") < ids.index("chart") < ids.index("sections")
    takeaways = report["takeaways"]
    assert len(tags.with_class("article", "takeaway")) == len(takeaways["emotional"]) + len(takeaways["factual"]) > 0
    assert len(tags.with_class("article", "main")) == 1


def test_the_headline_reads_as_the_digest_does_and_shows_no_polarity_against_it(analyzer):
    upset = ("Feedback on the reorg\n\nThank you for the thoughtful, clear and well argued proposal; we "
             "appreciate the care that went into it and welcome the chance to help. I find its phrasing "
             "upsetting and disheartening, and the team is stretched thin.\n")
    report = analyzer.analyze(upset)
    header = render(report, "html").split("</header>")[0]
    assert report["sentiment"]["compound"] > 0, "VADER averages the polite thanks as positive"
    assert "positive" not in header and "VADER" not in header
    assert report["takeaways"]["emotional"][0]["label"].lower() in header.lower()


def test_markers_are_highlighted_on_their_lines(page):
    tags = Tags(page)
    assert "exhausted" in tags.marks
    lines = {a["id"] for a in tags.with_class("span", "ln")}
    assert {"L3", "L4", "L8"} <= lines


def test_evidence_links_to_lines_the_page_shows(page):
    targets = {a["href"][1:] for t, a in Tags(page).tags if t == "a" and a.get("href", "").startswith("#")}
    ids = {a["id"] for _, a in Tags(page).tags if "id" in a}
    assert targets <= ids


def test_every_claim_has_a_box_for_its_kind_and_its_modality(page, report):
    tags = Tags(page)
    boxes = {a["id"] for t, a in tags.tags if t == "input" and a.get("type") == "checkbox"}
    assert len(tags.with_class("li", "claim")) == len(report["claims"]) > 0
    for claim in report["claims"]:
        assert f"f-k-{claim['kind']}" in boxes and f"f-m-{claim['modality']}" in boxes
        rule = f".claims:has(#f-m-{claim['modality']}:not(:checked)) .claim.m-{claim['modality']} {{ display: none; }}"
        assert rule in page
    labels = {a["for"] for t, a in tags.tags if t == "label"}
    assert boxes <= labels


def test_without_section_text_the_strongest_markers_are_listed(analyzer):
    page = render(analyzer.analyze(MEMO), "html")
    assert 'class="ln"' not in page
    assert "exhausted" in Tags(page).marks


def test_a_report_without_a_digest_says_so(analyzer):
    report = analyzer.analyze("Meeting at noon.")
    page = render({**report, "takeaways": {"emotional": [], "factual": []}}, "html")
    assert "No emotional or factual takeaway stands out" in page


def marker(text: str, line: int, weight: float = 1.0) -> dict:
    return {"text": text, "line": line, "weight": weight, "group": "stress", "category": "workload"}


@pytest.mark.parametrize(("text", "markers", "found"), [
    # Whole words only, on the marker's own line.
    ("overloaded\nwe are loaded", [marker("loaded", 2)], ["loaded@18"]),
    ("too much work\nmuch", [marker("much", 2)], ["much@14"]),
    # The same words twice on a line: each marker takes the next one.
    ("tired and tired", [marker("tired", 1), marker("tired", 1)], ["tired@0", "tired@10"]),
    # Words that wrap onto the next line still match.
    ("we are under\npressure now", [marker("under pressure", 1)], ["under\npressure@7"]),
    # Overlaps keep the heavier marker.
    ("under pressure", [marker("pressure", 1, 1.0), marker("under pressure", 1, 2.0)], ["under pressure@0"]),
    # Not found (cut to a snippet, or on another line): no highlight.
    ("short …", [marker("short text here", 1)], []),
    ("a\nb", [marker("b", 9)], []),
])
def test_locate_markers(text, markers, found):
    spans = page_html.locate_markers(text, 1, markers)
    assert [f"{text[s:e]}@{s}" for s, e, _ in spans] == found


def test_a_highlight_across_lines_is_split_and_escaped():
    text = "we are <under>\npressure & more"
    spans = [(7, 23, marker("<under> pressure", 1))]
    block = page_html.text_block(text, 5, spans, {})
    assert block.count("<mark") == 2
    assert '<span class="ln" id="L5" data-n="5">we are <mark' in block
    assert "&lt;under&gt;</mark>" in block and ">pressure</mark> &amp; more" in block


@pytest.mark.parametrize(("title", "outline", "shown"), [
    ("Summary", "2.1", "2.1"),
    ("1. Summary", "2.1", ""),
    ("2) Timeline", "3", ""),
    ("IV. Options", "4", ""),
    ("A. Appendix", "5", ""),
    ("2.3 Risks", "6", ""),
    ("2024 plans", "6", "6"),
    ("A great week", "7", "7"),
])
def test_a_title_with_its_own_number_gets_no_outline_number(title, outline, shown):
    assert page_html.heading_number({"id": 1, "title": title}, {1: outline}) == shown


NAMED = """# Feedback

Dana Whitfield told me the plan is late. Dana said the team is exhausted.
"""


def test_a_redacted_page_names_nobody(run_cli, tmp_path):
    memo = tmp_path / "memo.txt"
    memo.write_text(NAMED)
    result = run_cli("analyze", str(memo), "--format", "html", "--redact")
    assert result.exit_code == 0, result.output
    assert "Person 1" in result.stdout and 'class="ln"' in result.stdout
    assert "Dana" not in result.stdout and "Whitfield" not in result.stdout


def test_the_leak_check_guards_the_html_writer(run_cli, tmp_path, monkeypatch):
    from analyzer import render as renderers

    memo = tmp_path / "memo.txt"
    memo.write_text(NAMED)
    monkeypatch.setitem(renderers.RENDERERS, "html", lambda report: "<p>Dana Whitfield</p>")
    result = run_cli("analyze", str(memo), "--format", "html", "--redact", "-o", str(tmp_path / "out.html"))
    assert result.exit_code == 1
    assert "privacy check failed" in result.output
    assert not (tmp_path / "out.html").exists()


def test_the_cli_writes_a_page(run_cli, tmp_path):
    out = tmp_path / "report.html"
    memo = tmp_path / "memo.md"
    memo.write_text(MEMO)
    result = run_cli("analyze", str(memo), "--format", "html", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert re.search(r'<span class="ln" id="L3"', out.read_text())


# -- the samples: the page's structure follows the report ----------------------------------------

SAMPLES = sorted((Path(__file__).resolve().parents[2] / "samples").glob("*"))


@pytest.fixture(scope="module", params=SAMPLES, ids=[p.name for p in SAMPLES])
def sample(request, with_text):
    report = with_text.analyze(request.param.read_text(), source=request.param.name)
    page = render(report, "html")
    return report, page, Tags(page)


def test_the_digest_has_every_takeaway(sample):
    report, _, tags = sample
    takeaways = report["takeaways"]
    assert takeaways["emotional"] or takeaways["factual"]
    assert len(tags.with_class("article", "feeling")) + len(tags.with_class("article", "tone")) \
        == len(takeaways["emotional"])
    assert len(tags.with_class("article", "takeaway")) == len(takeaways["emotional"]) + len(takeaways["factual"])


def test_the_chart_has_one_dot_per_section_with_prose(sample):
    report, _, tags = sample
    scored = [s for s in report["sections"] if s["sentiment"] and s["sentiment"]["sentences"]]
    assert len(tags.with_class("circle", "sentiment")) == len(scored) > 1
    assert len(tags.with_class("circle", "stress")) == sum(s["stress"]["index"] is not None for s in scored)


def test_every_claim_is_listed_with_its_kind_and_modality(sample):
    report, _, tags = sample
    listed = [a["class"].split() for a in tags.with_class("li", "claim")]
    assert listed == [["claim", f"k-{c['kind']}", f"m-{c['modality']}"] for c in report["claims"]]


def test_every_marker_worth_a_highlight_is_highlighted(sample):
    report, _, tags = sample
    expected = [m["text"] for s in report["sections"] for m in page_html.highlighted(s["markers"])]
    assert expected
    # A highlight split across lines comes back in parts; joined, they hold the marker's words.
    shown = " ".join(" ".join(mark.split()) for mark in tags.marks)
    for text in expected:
        assert text in shown
    assert len(tags.marks) >= len(expected)


def test_each_quote_of_a_gist_carries_its_own_modality_badge():
    item = {"role": "gist", "label": "Next steps", "summary": "", "modality": "asserted",
            "evidence": [{"text": "The queue grew by a third.", "section": 2, "line": 4, "modality": "asserted"},
                         {"text": "We should add a reviewer.", "section": 2, "line": 6, "modality": "proposal"}]}
    card = page_html.takeaway(item, {2: "Next steps"}, {})
    first, second = card.split("</blockquote>")[:2]
    assert "badge" not in first and "mod-proposal" in second
    assert "badge" not in card[: card.index("<blockquote>")]  # not on the card's title


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_a_name_the_writer_puts_in_quotes_takes_single_marks_inside_a_quote(analyzer, fmt):
    memo = ('Renaming the scheduler\n\n"Arbor", the scheduler we started in 2019, will be renamed "Grove" on '
            '1 June. Every team that runs it keeps its settings.\n')
    shown = render(analyzer.analyze(memo), fmt)
    assert "‘Arbor’, the scheduler we started in 2019, will be renamed ‘Grove’ on 1 June." in shown
    assert '“"' not in shown and "“&quot;" not in shown
