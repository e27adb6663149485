"""Renderers: each turns the JSON report (a dict) into the text of one output format."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from .html import render_html
from .markdown import render_markdown


def render_json(report: dict[str, Any]) -> str:
    return json.dumps(report, indent=2, ensure_ascii=False) + "\n"


RENDERERS: dict[str, Callable[[dict[str, Any]], str]] = {
    "markdown": render_markdown,
    "json": render_json,
    "html": render_html,
}
# Formats that show the document's own text, so the report must carry it (``section_text``).
SHOWS_TEXT = frozenset({"html"})
FORMATS = tuple(RENDERERS)


def render(report: dict[str, Any], fmt: str, *, detail: bool = False) -> str:
    """``report`` as text of format ``fmt``. ``detail`` adds to the Markdown report each
    section's scores and evidence and every claim; JSON and HTML always carry everything."""
    if fmt == "markdown":
        return render_markdown(report, detail=detail)
    return RENDERERS[fmt](report)
