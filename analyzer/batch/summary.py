"""``memo-analyzer summarize DIR``: what a finished batch says, as Markdown and as an HTML page.

It reads the batch's own tables (documents.csv, sections.csv, errors.csv) in one streaming
pass each, keeping only running totals and the few top rows, so it copes with any archive.
"""

from __future__ import annotations

import csv
import heapq
import math
from array import array
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from email.utils import parsedate_to_datetime
from itertools import count
from pathlib import Path
from typing import Any

from ..errors import OutputError
from ..render import page as html
from ..render import svg
from ..render.markdown import escape
from ..render.text import signed, tone
from .writer import OutputFolder

SUMMARY_FILES = ("summary.md", "summary.html")
SENTIMENT_EDGES = tuple(round(-1 + 0.2 * i, 1) for i in range(11))
# Above this many days between the first and last date, the trend goes by month, not by day.
DAILY_SPAN_DAYS = 62
MARKDOWN_BAR = 30


@dataclass
class Top:
    """The ``size`` rows with the highest key seen so far; ties go to the earlier path."""

    size: int
    heap: list[tuple[float, int, dict[str, str]]] = field(default_factory=list)
    order: Iterator[int] = field(default_factory=lambda: count(0, -1))

    def offer(self, key: float | None, row: dict[str, str]) -> None:
        if key is None:
            return
        entry = (key, next(self.order), row)
        if len(self.heap) < self.size:
            heapq.heappush(self.heap, entry)
        else:
            heapq.heappushpop(self.heap, entry)

    def rows(self) -> list[dict[str, str]]:
        return [row for _, _, row in sorted(self.heap, reverse=True)]


@dataclass
class Period:
    documents: int = 0
    stress: list[float] = field(default_factory=lambda: [0.0, 0])
    sentiment: list[float] = field(default_factory=lambda: [0.0, 0])


@dataclass
class Overview:
    """Running totals over a batch's tables."""

    top: int
    documents: int = 0
    failed: int = 0
    words: int = 0
    stress: array = field(default_factory=lambda: array("d"))
    sentiment: array = field(default_factory=lambda: array("d"))
    levels: Counter = field(default_factory=Counter)
    level_index: Counter = field(default_factory=Counter)
    categories: Counter = field(default_factory=Counter)
    days: dict[date, Period] = field(default_factory=dict)
    errors: Counter = field(default_factory=Counter)

    def __post_init__(self) -> None:
        self.stressed_documents = Top(self.top)
        self.negative_documents = Top(self.top)
        self.stressed_sections = Top(self.top)
        self.negative_sections = Top(self.top)

    def add_document(self, row: dict[str, str]) -> None:
        self.documents += 1
        if row.get("status") != "ok":
            self.failed += 1
            return
        self.words += int(_number(row.get("words")) or 0)
        stress, sentiment = _number(row.get("stress_index")), _number(row.get("sentiment"))
        if stress is not None:
            self.stress.append(stress)
            level = row.get("stress_level") or "unlabelled"
            self.levels[level] += 1
            self.level_index[level] += stress
        if sentiment is not None:
            self.sentiment.append(sentiment)
        for category in filter(None, (c.strip() for c in (row.get("top_categories") or "").split(";"))):
            self.categories[category] += 1
        self.stressed_documents.offer(stress, row)
        self.negative_documents.offer(_negativity(sentiment), row)
        self._add_date(parse_date(row.get("date")), stress, sentiment)

    def _add_date(self, day: date | None, stress: float | None, sentiment: float | None) -> None:
        if day is None:
            return
        period = self.days.setdefault(day, Period())
        period.documents += 1
        for total, value in ((period.stress, stress), (period.sentiment, sentiment)):
            if value is not None:
                total[0] += value
                total[1] += 1

    def add_section(self, row: dict[str, str]) -> None:
        self.stressed_sections.offer(_number(row.get("stress_index")), row)
        self.negative_sections.offer(_negativity(_number(row.get("sentiment"))), row)

    def levels_in_order(self) -> list[tuple[str, int]]:
        """Levels from least to most stressed, by their documents' mean index (their names may be anything)."""
        return sorted(self.levels.items(), key=lambda item: self.level_index[item[0]] / item[1])

    def trend(self) -> list[tuple[str, Period]]:
        """Documents per day, or per month when the dates span more than two months."""
        if not self.days:
            return []
        daily = (max(self.days) - min(self.days)).days <= DAILY_SPAN_DAYS
        periods: dict[str, Period] = {}
        for day in sorted(self.days):
            key = day.isoformat() if daily else day.strftime("%Y-%m")
            merged = periods.setdefault(key, Period())
            source = self.days[day]
            merged.documents += source.documents
            for total, part in ((merged.stress, source.stress), (merged.sentiment, source.sentiment)):
                total[0] += part[0]
                total[1] += part[1]
        return list(periods.items())


def summarize_folder(folder: Path, *, top: int = 10) -> list[Path]:
    """Write summary.md and summary.html into a batch's folder; return their paths."""
    overview = read_overview(folder, top)
    title = f"Batch summary: {folder.resolve().name}"
    output = OutputFolder(folder)
    output.write_file("summary.md", markdown_summary(overview, title))
    output.write_file("summary.html", html_summary(overview, title))
    return [folder / name for name in SUMMARY_FILES]


def read_overview(folder: Path, top: int) -> Overview:
    documents = folder / "documents.csv"
    if not documents.is_file():
        raise OutputError(f"{folder}: holds no batch (no documents.csv); run `memo-analyzer batch ... --out {folder}` first")
    overview = Overview(top)
    for row in _rows(documents):
        overview.add_document(row)
    for row in _rows(folder / "sections.csv"):
        overview.add_section(row)
    for row in _rows(folder / "errors.csv"):
        overview.errors[row.get("error") or "unknown"] += 1
    return overview


def _rows(path: Path) -> Iterator[dict[str, str]]:
    if not path.is_file():
        return
    with path.open(encoding="utf-8", newline="") as handle:
        yield from csv.DictReader(handle)


def _number(text: str | None) -> float | None:
    try:
        value = float(text) if text else None
    except ValueError:
        return None
    return value if value is not None and math.isfinite(value) else None


def parse_date(text: str | None) -> date | None:
    """A document's date as a day: ISO (``2024-06-04``) or e-mail style (``Tue, 04 Jun 2024 ...``)."""
    if not text:
        return None
    try:
        return date.fromisoformat(text.strip()[:10])
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        return None


# --- what the numbers become -------------------------------------------------------------

def stress_scale(values: array) -> tuple[float, float]:
    """The index's natural scale (0-1, 0-10 or 0-100), else its observed range: charts then
    show a batch's stress against the whole scale, not stretched to fill the picture."""
    low, high = min(0.0, min(values)), max(values)
    return low, next((scale for scale in (1.0, 10.0, 100.0) if high <= scale and low >= 0), high)


def stress_bins(values: array) -> tuple[list[float], list[int]]:
    """Ten equal bins over the stress scale."""
    return bins(values, *stress_scale(values), 10)


def bins(values: array, low: float, high: float, count_: int) -> tuple[list[float], list[int]]:
    width = (high - low) / count_ or 1.0
    edges = [round(low + width * i, 6) for i in range(count_ + 1)]
    counts = [0] * count_
    for value in values:
        counts[min(max(int((value - low) / width), 0), count_ - 1)] += 1
    return edges, counts


def _negativity(sentiment: float | None) -> float | None:
    """How negative a compound score is, for ranking; None unless it reads as negative."""
    return -sentiment if sentiment is not None and tone(sentiment) == "negative" else None


def _mean(total: list[float]) -> float | None:
    return total[0] / total[1] if total[1] else None


def _facts(o: Overview) -> list[tuple[str, str]]:
    facts = [(f"{o.documents:,}", "documents"), (f"{o.documents - o.failed:,}", "scored"),
             (f"{o.failed:,}", "failed"), (f"{o.words:,}", "words")]
    if o.stress:
        facts.append((f"{sum(o.stress) / len(o.stress):.2f}", "mean stress index"))
    if o.sentiment:
        facts.append((signed(sum(o.sentiment) / len(o.sentiment)), "mean sentiment"))
    if o.days:
        facts.append((f"{min(o.days)} – {max(o.days)}", "dates"))
    return facts


@dataclass(frozen=True)
class Ranking:
    """How one score ranks documents and sections: its column, and how a reader sees it."""

    column: str
    name: str
    label_header: str
    label_column: str
    shown: Callable[[float], str]

    def document_headers(self) -> list[str]:
        return ["Document", "Title", "Date", self.name, self.label_header, "Top categories"]

    def section_headers(self) -> list[str]:
        return ["Document", "Section", "Lines", self.name, self.label_header]

    def document_cells(self, row: dict[str, str]) -> list[Any]:
        return [row.get("path"), row.get("title"), row.get("date"), self._score(row),
                row.get(self.label_column), row.get("top_categories")]

    def section_cells(self, row: dict[str, str]) -> list[Any]:
        return [row.get("path"), row.get("title") or "(before the first heading)",
                f"{row.get('line')}–{row.get('end_line')}", self._score(row), row.get(self.label_column)]

    def _score(self, row: dict[str, str]) -> str | None:
        value = _number(row.get(self.column))
        return None if value is None else self.shown(value)


STRESS = Ranking("stress_index", "Stress", "Level", "stress_level", lambda v: f"{v:g}")
SENTIMENT = Ranking("sentiment", "Sentiment", "Tone", "tone", signed)
NO_STRESS = ("No stress scores in this batch: the analyzer that produced it gave none. "
             "Sentiment below still shows where the tone turns negative.")
TREND_HEADERS = ["Period", "Documents", "Mean stress", "Mean sentiment"]


def trend_rows(trend: list[tuple[str, Period]]) -> list[list[Any]]:
    rows = []
    for key, period in trend:
        stress, sentiment = _mean(period.stress), _mean(period.sentiment)
        rows.append([key, f"{period.documents:,}", None if stress is None else f"{stress:.2f}", signed(sentiment)])
    return rows


def _rankings(o: Overview) -> list[tuple[str, Ranking, Top]]:
    """The tables of top rows: (caption, how they rank, the rows)."""
    return [
        ("Most stressed documents", STRESS, o.stressed_documents),
        ("Most stressed sections", STRESS, o.stressed_sections),
        ("Most negative documents", SENTIMENT, o.negative_documents),
        ("Most negative sections", SENTIMENT, o.negative_sections),
    ]


# --- Markdown ----------------------------------------------------------------------------

def markdown_summary(o: Overview, title: str) -> str:
    tables = {caption: (ranking, top) for caption, ranking, top in _rankings(o)}
    parts = [f"# {escape(title)}", " · ".join(f"**{escape(v)}** {label}" for v, label in _facts(o)), "## Stress"]
    if o.stress:
        edges, counts = stress_bins(o.stress)
        parts.append(_md_bars("Stress index", [(f"{edges[i]:g} to {edges[i + 1]:g}", c) for i, c in enumerate(counts)]))
        parts.append(_md_bars("Level", o.levels_in_order()))
        parts += _md_ranked("Most stressed documents", *tables["Most stressed documents"], sections=False)
        parts += _md_ranked("Most stressed sections", *tables["Most stressed sections"], sections=True)
    else:
        parts.append(NO_STRESS)
    if o.categories:
        parts += ["## Categories that dominate",
                  _md_bars("Category (documents where it is among the top three)", o.categories.most_common())]
    parts.append("## Sentiment")
    if o.sentiment:
        edges, counts = bins(o.sentiment, -1.0, 1.0, 10)
        parts.append(_md_bars("Compound sentiment", [(f"{signed(edges[i], 1)} to {signed(edges[i + 1], 1)}", c)
                                                     for i, c in enumerate(counts)]))
        parts += _md_ranked("Most negative documents", *tables["Most negative documents"], sections=False)
        parts += _md_ranked("Most negative sections", *tables["Most negative sections"], sections=True)
    trend = o.trend()
    if len(trend) > 1:
        parts += ["## Over time", _md_table(TREND_HEADERS, trend_rows(trend))]
    if o.errors:
        parts += ["## Failures", _md_bars("Error", o.errors.most_common()),
                  "Each failed file is listed with its message in `errors.csv`."]
    return "\n\n".join(parts) + "\n"


def _md_bars(label: str, rows: list[tuple[str, int]]) -> str:
    top = max((n for _, n in rows), default=0) or 1
    lines = [f"| {escape(label)} | Documents | |", "|---|---:|---|"]
    lines += [f"| {escape(str(name))} | {n:,} | {'█' * round(MARKDOWN_BAR * n / top)} |" for name, n in rows]
    return "\n".join(lines)


def _md_ranked(caption: str, ranking: Ranking, top: Top, *, sections: bool) -> list[str]:
    cells = ranking.section_cells if sections else ranking.document_cells
    headers = ranking.section_headers() if sections else ranking.document_headers()
    rows = [cells(row) for row in top.rows()]
    return [f"### {caption}", _md_table(headers, rows) if rows else "None."]


def _md_table(headers: list[str], rows: list[list[Any]]) -> str:
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join("–" if v in (None, "") else escape(str(v)) for v in row) + " |" for row in rows]
    return "\n".join(lines)


# --- HTML --------------------------------------------------------------------------------

def html_summary(o: Overview, title: str) -> str:
    tables = {caption: (ranking, top) for caption, ranking, top in _rankings(o)}
    parts = [f"<h1>{html.escape(title)}</h1>", html.stats(_facts(o)), "<h2>Stress</h2>"]
    if o.stress:
        edges, counts = stress_bins(o.stress)
        parts.append(html.figure(svg.histogram(edges, counts, title="Documents by stress index",
                                               x_label="stress index")))
        parts.append(html.figure(svg.bar_chart(o.levels_in_order(), title="Documents by stress level")))
        parts.append(_html_ranked("Most stressed documents", *tables["Most stressed documents"], sections=False))
        parts.append(_html_ranked("Most stressed sections", *tables["Most stressed sections"], sections=True))
    else:
        parts.append(f'<p class="muted">{html.escape(NO_STRESS)}</p>')
    if o.categories:
        parts += ["<h2>Categories that dominate</h2>",
                  html.figure(svg.bar_chart(o.categories.most_common(),
                                            title="Documents where each category is among the top three"))]
    parts.append("<h2>Sentiment</h2>")
    if o.sentiment:
        edges, counts = bins(o.sentiment, -1.0, 1.0, 10)
        parts.append(html.figure(svg.histogram(
            edges, counts, title="Documents by compound sentiment", x_label="compound sentiment (−1 to +1)",
            edge_format=lambda v: signed(v, 1))))
        parts.append(_html_ranked("Most negative documents", *tables["Most negative documents"], sections=False))
        parts.append(_html_ranked("Most negative sections", *tables["Most negative sections"], sections=True))
    trend = o.trend()
    if len(trend) > 1:
        parts += ["<h2>Over time</h2>", *_trend_charts(trend, stress_scale(o.stress) if o.stress else None),
                  html.table(TREND_HEADERS, trend_rows(trend), numeric=[1, 2, 3])]
    if o.errors:
        parts += ["<h2>Failures</h2>", html.figure(svg.bar_chart(o.errors.most_common(), title="Failed files by error")),
                  '<p class="muted">Each failed file is listed with its message in errors.csv.</p>']
    return html.page(title, "\n".join(parts))


def _html_ranked(caption: str, ranking: Ranking, top: Top, *, sections: bool) -> str:
    cells = ranking.section_cells if sections else ranking.document_cells
    headers = ranking.section_headers() if sections else ranking.document_headers()
    rows = [cells(row) for row in top.rows()]
    if not rows:
        return f'<p class="muted">{html.escape(caption)}: none.</p>'
    return html.table(headers, rows, numeric=[3], caption=caption)


def _trend_charts(trend: list[tuple[str, Period]], scale: tuple[float, float] | None) -> list[str]:
    charts = []
    for label, pick, y_range, shown in (
        ("Mean stress index", lambda p: p.stress, scale, lambda v: f"{v:.2f}"),
        ("Mean sentiment", lambda p: p.sentiment, (-1.0, 1.0), signed),
    ):
        points = [(key, _mean(pick(period))) for key, period in trend]
        points = [(key, value) for key, value in points if value is not None]
        if len(points) > 1:
            charts.append(html.figure(svg.line_chart(points, title=f"{label} by period", y_label=label,
                                                     y_range=y_range, value_format=shown)))
    return charts
