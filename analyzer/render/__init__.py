"""Renderers: each turns the JSON report (a dict) into the text of one output format."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from .markdown import render_markdown


def render_json(report: dict[str, Any]) -> str:
    return json.dumps(report, indent=2, ensure_ascii=False) + "\n"


RENDERERS: dict[str, Callable[[dict[str, Any]], str]] = {
    "markdown": render_markdown,
    "json": render_json,
}
FORMATS = tuple(RENDERERS)


def render(report: dict[str, Any], fmt: str) -> str:
    return RENDERERS[fmt](report)
