"""Charts as inline SVG, drawn by our code: no script, no font or style fetched from anywhere.

Each function returns one ``<svg>`` element that scales to its container. Each chart names
itself for screen readers (``role="img"`` with a ``<title>`` and a ``<desc>``), and each bar
or point carries its own ``<title>``, which browsers show on hover, so the exact figures are
never only in the picture.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape

WIDTH = 640
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"
INK = "#1f2937"
MUTED = "#6b7280"
GRID = "#e5e7eb"
BAR = "#3b6ea5"
LINE = "#b4463c"
# Room for axis labels around the plot area.
LEFT, RIGHT, TOP, BOTTOM = 56, 16, 40, 44
# Points of a line chart stay this far inside the plot, so the end labels are not cut off.
INSET = 28


def _svg(height: int, title: str, description: str, body: list[str], width: int = WIDTH) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {width} {height}" '
        f'width="100%" style="max-width:{width}px;height:auto" font-family="{escape(FONT)}" '
        f'font-size="12" fill="{INK}" aria-label="{escape(title)}">'
        f"<title>{escape(title)}</title><desc>{escape(description or title)}</desc>"
        f'<text x="0" y="16" font-size="14" font-weight="600">{escape(title)}</text>'
        + "".join(body)
        + "</svg>"
    )


def _text(x: float, y: float, text: str, *, anchor: str = "start", color: str = INK, size: int = 12) -> str:
    return (f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" fill="{color}" '
            f'font-size="{size}">{escape(text)}</text>')


def _plain(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0").rstrip(".")


def bar_chart(
    bars: Sequence[tuple[str, float]],
    *,
    title: str,
    description: str = "",
    value_format: Callable[[float], str] = _plain,
) -> str:
    """Horizontal bars, one per (label, value), in the order given; labels may be long."""
    row = 26
    label_width = 200
    height = TOP + row * max(len(bars), 1) + 8
    top = max((value for _, value in bars), default=0) or 1
    span = WIDTH - label_width - RIGHT - 60
    body = []
    for i, (label, value) in enumerate(bars):
        y = TOP + i * row
        width = max(span * value / top, 0)
        shown = label if len(label) <= 30 else label[:29] + "…"
        body.append(_text(label_width - 8, y + 17, shown, anchor="end"))
        body.append(f'<rect x="{label_width}" y="{y + 4}" width="{width:.1f}" height="{row - 8}" '
                    f'fill="{BAR}"><title>{escape(label)}: {escape(value_format(value))}</title></rect>')
        body.append(_text(label_width + width + 6, y + 17, value_format(value), color=MUTED))
    if not bars:
        body.append(_text(label_width, TOP + 17, "nothing to show", color=MUTED))
    return _svg(height, title, description, body)


def histogram(
    edges: Sequence[float],
    counts: Sequence[int],
    *,
    title: str,
    x_label: str,
    description: str = "",
    edge_format: Callable[[float], str] = _plain,
) -> str:
    """Counts per bin; bin ``i`` runs from ``edges[i]`` to ``edges[i + 1]``."""
    height = 240
    plot_w, plot_h = WIDTH - LEFT - RIGHT, height - TOP - BOTTOM
    top = _nice_ceiling(max(counts, default=0))
    bins = max(len(counts), 1)
    body = _y_axis(0, top, plot_h, lambda v: f"{v:,.0f}", ticks=_count_ticks(top)) + [_x_axis_line(plot_h)]
    for i, count in enumerate(counts):
        x = LEFT + plot_w * i / bins
        h = plot_h * count / top
        label = f"{edge_format(edges[i])} to {edge_format(edges[i + 1])}: {count:,} documents"
        body.append(f'<rect x="{x + 1:.1f}" y="{TOP + plot_h - h:.1f}" width="{plot_w / bins - 2:.1f}" '
                    f'height="{h:.1f}" fill="{BAR}"><title>{escape(label)}</title></rect>')
    step = max(1, math.ceil(len(edges) / 11))
    for i in range(0, len(edges), step):
        body.append(_text(LEFT + plot_w * i / bins, TOP + plot_h + 16, edge_format(edges[i]), anchor="middle",
                          color=MUTED))
    body.append(_text(LEFT + plot_w / 2, height - 6, x_label, anchor="middle", color=MUTED))
    return _svg(height, title, description, body)


def line_chart(
    points: Sequence[tuple[str, float]],
    *,
    title: str,
    y_label: str,
    y_range: tuple[float, float] | None = None,
    description: str = "",
    value_format: Callable[[float], str] = _plain,
) -> str:
    """One value per labelled step (a month, a week), joined by a line; ``y_range`` fixes the scale."""
    height = 260
    plot_w, plot_h = WIDTH - LEFT - RIGHT, height - TOP - BOTTOM
    values = [v for _, v in points]
    low, high = y_range or (min(values, default=0), max(values, default=1))
    if high <= low:
        low, high = low - 1, high + 1
    body = _y_axis(low, high, plot_h, value_format)
    body.append(_text(LEFT, TOP - 10, y_label, color=MUTED))
    inner = plot_w - 2 * INSET
    step_x = inner / max(len(points) - 1, 1)
    coords = [(LEFT + INSET + (step_x * i if len(points) > 1 else inner / 2),
               TOP + plot_h * (high - v) / (high - low)) for i, (_, v) in enumerate(points)]
    body += _line(coords, [f"{label}: {value_format(value)}" for label, value in points], LINE)
    every = max(1, math.ceil(len(points) / 8))
    for i in range(0, len(points), every):
        body.append(_text(coords[i][0], TOP + plot_h + 16, points[i][0], anchor="middle", color=MUTED))
    return _svg(height, title, description, body)


def _line(coords: Sequence[tuple[float, float]], tips: Sequence[str], color: str, css_class: str = "") -> list[str]:
    """A polyline through the points, and a dot per point whose ``<title>`` is its tip."""
    parts = []
    if len(coords) > 1:
        path = " ".join(f"{x:.1f},{y:.1f}" for x, y in coords)
        parts.append(f'<polyline points="{path}" fill="none" stroke="{color}" stroke-width="2"/>')
    marked = f' class="{escape(css_class)}"' if css_class else ""
    for tip, (x, y) in zip(tips, coords):
        parts.append(f'<circle{marked} cx="{x:.1f}" cy="{y:.1f}" r="3.5" fill="{color}">'
                     f"<title>{escape(tip)}</title></circle>")
    return parts


@dataclass(frozen=True)
class Series:
    """One panel of ``panel_chart``: a measure with its own scale, one value (or None) per step."""

    key: str  # the class of its dots, so a page or a test can find them
    name: str
    values: Sequence[float | None]
    y_range: tuple[float, float]
    color: str
    value_format: Callable[[float], str] = _plain
    # A value worth a darker grid line (0 on a scale from negative to positive).
    reference: float | None = None


PANEL_WIDTH = 900
PANEL_HEIGHT = 110
PANEL_GAP = 42
SLANT_ROOM = 90


def panel_chart(steps: Sequence[tuple[str, str]], series: Sequence[Series], *, title: str,
                description: str = "") -> str:
    """Several measures over the same steps, one panel each, stacked so the steps line up.

    ``steps`` are (axis label, full name) pairs: the label, shortened to fit, goes under the
    dots; the full name goes in each dot's title.
    A step whose value is None leaves a gap in its line rather than a made-up value.
    """
    width = PANEL_WIDTH
    # Labels lie flat while they fit between the dots; slanted, they may run longer, and the
    # first ones need room on the left.
    slanted = (width - LEFT - RIGHT - 2 * INSET) / max(len(steps) - 1, 1) < 90 and len(steps) > 1
    start = LEFT + INSET + (SLANT_ROOM if slanted else 0)
    inner = width - start - RIGHT - INSET
    step_x = inner / max(len(steps) - 1, 1)
    longest = 24 if slanted else max(int(min(step_x, inner) / 7), 4)
    plots = TOP + 6 + len(series) * (PANEL_HEIGHT + PANEL_GAP) - PANEL_GAP
    height = plots + (130 if slanted else BOTTOM)
    xs = [start + (step_x * i if len(steps) > 1 else inner / 2) for i in range(len(steps))]
    body = []
    for n, one in enumerate(series):
        body += _panel(one, steps, xs, TOP + 6 + n * (PANEL_HEIGHT + PANEL_GAP), width)
    every = max(1, math.ceil(len(steps) / 40))
    for i in range(0, len(steps), every):
        body.append(_axis_label(xs[i], plots + 16, _shorten(steps[i][0], longest), slanted))
    return _svg(height, title, description, body, width)


def _shorten(label: str, longest: int) -> str:
    return label if len(label) <= longest else label[: longest - 1].rstrip() + "…"


def _axis_label(x: float, y: float, label: str, slanted: bool) -> str:
    if not slanted:
        return _text(x, y, label, anchor="middle", color=MUTED)
    return (f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="end" fill="{MUTED}" font-size="12" '
            f'transform="rotate(-35 {x:.1f} {y:.1f})">{escape(label)}</text>')


def _panel(series: Series, steps: Sequence[tuple[str, str]], xs: Sequence[float], top: float,
           width: int) -> list[str]:
    low, high = series.y_range
    body = _y_axis(low, high, PANEL_HEIGHT, series.value_format, ticks=2, top=top, width=width)
    body.append(_text(LEFT, top - 8, series.name, color=series.color, size=13))
    if series.reference is not None and low < series.reference < high:
        y = top + PANEL_HEIGHT * (high - series.reference) / (high - low)
        body.append(f'<line x1="{LEFT}" x2="{width - RIGHT}" y1="{y:.1f}" y2="{y:.1f}" stroke="{MUTED}"/>')
    run: list[tuple[float, float]] = []
    tips: list[str] = []
    css_class = f"point {series.key}"
    for (_, name), x, value in [*zip(steps, xs, series.values), (("", ""), 0.0, None)]:
        if value is None:
            body += _line(run, tips, series.color, css_class)
            run, tips = [], []
            continue
        clamped = min(max(value, low), high)
        run.append((x, top + PANEL_HEIGHT * (high - clamped) / (high - low)))
        tips.append(f"{name}: {series.name} {series.value_format(value)}")
    return body


def _y_axis(low: float, high: float, plot_h: float, fmt: Callable[[float], str], ticks: int = 4,
            top: float = TOP, width: int = WIDTH) -> list[str]:
    parts = []
    for i in range(ticks + 1):
        value = low + (high - low) * i / ticks
        y = top + plot_h * (1 - i / ticks)
        parts.append(f'<line x1="{LEFT}" x2="{width - RIGHT}" y1="{y:.1f}" y2="{y:.1f}" stroke="{GRID}"/>')
        parts.append(_text(LEFT - 6, y + 4, fmt(value), anchor="end", color=MUTED))
    return parts


def _x_axis_line(plot_h: float) -> str:
    y = TOP + plot_h
    return f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}" stroke="{MUTED}"/>'


def _nice_ceiling(value: float) -> float:
    """The next round number at or above ``value`` (1, 2, 5 × 10^n), so grid lines fall on round counts."""
    if value <= 0:
        return 1
    magnitude = 10 ** math.floor(math.log10(value))
    return next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= value)


def _count_ticks(top: float) -> int:
    """Grid lines for a count axis up to a round ``top``, so every line falls on a whole number."""
    lead = round(top / 10 ** math.floor(math.log10(top)))
    return min({1: 5, 2: 4, 5: 5, 10: 5}[lead], int(top))
