"""memo-analyzer summarize, and the SVG charts and HTML page it is built from."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from analyzer.batch.summary import parse_date, read_overview
from analyzer.batch.tables import DOCUMENT_COLUMNS, SECTION_COLUMNS, csv_rows
from analyzer.render import page, svg

SVG = "{http://www.w3.org/2000/svg}"


def documents(*rows: dict) -> list[dict]:
    return [{"status": "ok", "words": 100, **row} for row in rows]


def make_batch(folder: Path, docs: list[dict], sections: list[dict] = (), errors: str = "") -> Path:
    folder.mkdir(exist_ok=True)
    (folder / "documents.csv").write_text(",".join(DOCUMENT_COLUMNS) + "\n" + csv_rows(docs, DOCUMENT_COLUMNS))
    (folder / "sections.csv").write_text(",".join(SECTION_COLUMNS) + "\n" + csv_rows(sections, SECTION_COLUMNS))
    (folder / "errors.csv").write_text("path,error,message\n" + errors)
    return folder


STRESSED = documents(
    {"path": "a.md", "title": "Calm update", "date": "2024-01-10", "stress_index": 0.1, "stress_level": "low",
     "sentiment": 0.4, "tone": "positive", "top_categories": "recognition"},
    {"path": "b.md", "title": "<script>alert(1)</script> crunch", "date": "2024-03-02", "stress_index": 0.8,
     "stress_level": "high", "sentiment": -0.5, "tone": "negative", "top_categories": "workload; conflict"},
    {"path": "c.eml", "title": "Re: rota", "date": "Tue, 04 Jun 2024 09:30:00 +0200", "stress_index": 0.5,
     "stress_level": "moderate", "sentiment": -0.1, "tone": "negative", "top_categories": "workload"},
    {"path": "d.txt", "stress_index": 0.45, "stress_level": "moderate", "sentiment": 0.0, "tone": "neutral"},
    {"path": "e.txt", "status": "error"},
)
SECTIONS = [
    {"path": "b.md", "section": 2, "title": "Weekend work", "line": 4, "end_line": 9, "stress_index": 0.95,
     "stress_level": "high", "sentiment": -0.7, "tone": "negative"},
    {"path": "a.md", "section": 1, "title": "Wins", "line": 1, "end_line": 3, "stress_index": 0.05,
     "stress_level": "low", "sentiment": 0.5, "tone": "positive"},
]


def test_summarize_writes_markdown_and_a_self_contained_html_page(run_cli, tmp_path):
    folder = make_batch(tmp_path / "scores", STRESSED, SECTIONS, "e.txt,EmptyInputError,e.txt: is empty\n")
    result = run_cli("summarize", str(folder))
    assert result.exit_code == 0, result.stderr
    assert result.stderr == f"Wrote {folder / 'summary.md'}\nWrote {folder / 'summary.html'}\n"
    markdown = (folder / "summary.md").read_text()
    for heading in ("# Batch summary: scores", "## Stress", "### Most stressed documents",
                    "### Most stressed sections", "## Categories that dominate", "## Sentiment",
                    "## Over time", "## Failures"):
        assert f"\n{heading}\n" in f"\n{markdown}", heading
    assert "**5** documents · **4** scored · **1** failed" in markdown
    assert markdown.index("| b.md |") < markdown.index("| c.eml |") < markdown.index("| d.txt |")
    assert "| b.md | Weekend work | 4–9 | 0.95 | high |" in markdown
    assert "| workload | 2 |" in markdown

    html = (folder / "summary.html").read_text()
    assert html.startswith("<!DOCTYPE html>") and "Content-Security-Policy" in html
    assert "<script" not in html and "&lt;script&gt;alert(1)&lt;/script&gt; crunch" in html
    assert not re.search(r"""(src|href)\s*=|url\(|@import""", html)
    assert html.count("<svg") == 7  # stress histogram, levels, categories, sentiment, 2 trends, failures
    assert "Mean stress index by period" in html


def test_levels_go_from_least_to_most_stressed_whatever_their_names(tmp_path):
    overview = read_overview(make_batch(tmp_path / "b", STRESSED), 10)
    assert [level for level, _ in overview.levels_in_order()] == ["low", "moderate", "high"]
    assert [key for key, _ in overview.trend()] == ["2024-01", "2024-03", "2024-06"]


def test_without_stress_scores_or_dates_the_summary_says_so(run_cli, tmp_path):
    folder = make_batch(tmp_path / "plain", documents({"path": "a.md", "sentiment": -0.3, "tone": "negative"}))
    assert run_cli("summarize", str(folder)).exit_code == 0
    markdown = (folder / "summary.md").read_text()
    assert "No stress scores in this batch" in markdown
    assert "## Over time" not in markdown and "## Failures" not in markdown
    assert "| a.md | – | – | −0.30 | negative | – |" in markdown


def test_a_folder_without_a_batch_is_an_error(run_cli, tmp_path):
    result = run_cli("summarize", str(tmp_path))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {tmp_path}: holds no batch (no documents.csv)")


@pytest.mark.parametrize("text, day", [("2024-06-04", "2024-06-04"), ("2024-06-04T10:00:00", "2024-06-04"),
                                       ("Tue, 04 Jun 2024 09:30:00 +0200", "2024-06-04"), ("", None),
                                       ("next Tuesday", None)])
def test_dates_are_read_in_iso_and_e_mail_forms(text, day):
    parsed = parse_date(text)
    assert (parsed.isoformat() if parsed else None) == day


@pytest.mark.parametrize("chart", [
    svg.bar_chart([("workload", 3), ("a very long category name that goes on and on", 1)], title="Bars & <co>"),
    svg.bar_chart([], title="Empty"),
    svg.histogram([0, 0.5, 1], [4, 0], title="Histogram", x_label="index"),
    svg.line_chart([("2024-01", 0.2), ("2024-02", 0.4)], title="Trend", y_label="mean"),
    svg.line_chart([("2024-01", 0.2)], title="One point", y_label="mean"),
])
def test_charts_are_well_formed_svg_that_names_itself(chart):
    root = ET.fromstring(chart)
    assert root.tag == f"{SVG}svg" and root.get("role") == "img" and root.get("aria-label")
    assert root.find(f"{SVG}title").text == root.get("aria-label")
    assert "http" not in chart.replace("http://www.w3.org/2000/svg", "")


def test_every_bar_carries_its_figure_for_hover_and_screen_readers():
    root = ET.fromstring(svg.histogram([0, 1, 2], [3, 7], title="H", x_label="x"))
    assert [t.text for t in root.iter(f"{SVG}title")][1:] == ["0 to 1: 3 documents", "1 to 2: 7 documents"]


def test_the_page_escapes_its_title_and_table_cells():
    html = page.page("A <b> title", page.table(["Name", "N"], [["<i>x</i>", 3], [None, ""]], numeric=[1]))
    assert "<title>A &lt;b&gt; title</title>" in html
    assert '<td>&lt;i&gt;x&lt;/i&gt;</td><td class="num">3</td>' in html
    assert "<td>–</td>" in html
