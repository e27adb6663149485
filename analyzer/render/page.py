"""A complete, self-contained HTML page: inline CSS, no script, nothing loaded from elsewhere.

Used by ``summarize`` and meant for every HTML output, so they look alike and each one can
be mailed or archived as a single file. A Content-Security-Policy forbids the page from
fetching anything, whatever text ends up in it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape
from typing import Any

STYLE = """
:root { color-scheme: light; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2937;
       margin: 0 auto; max-width: 60rem; padding: 1.5rem; background: #fff; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.2rem; margin: 2rem 0 .5rem; border-bottom: 1px solid #e5e7eb; padding-bottom: .25rem; }
p.lead { color: #4b5563; margin-top: 0; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .9rem; }
caption { text-align: left; color: #4b5563; padding-bottom: .25rem; }
th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid #e5e7eb; vertical-align: top; }
th { background: #f9fafb; font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
figure { margin: 1rem 0; }
.muted { color: #6b7280; }
.grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(11rem, 1fr)); gap: .75rem; }
.stat { border: 1px solid #e5e7eb; border-radius: .4rem; padding: .6rem .8rem; }
.stat b { display: block; font-size: 1.4rem; }
@media print { body { max-width: none; } h2 { break-after: avoid; } }
"""
_NUMERIC = ' class="num"'
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


def page(title: str, body: str, *, lang: str = "en", style: str = "") -> str:
    """The whole document around ``body`` (already HTML); ``title`` is plain text.

    ``style`` is CSS a page adds to the shared rules (ours, never the document's text).
    """
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{escape(lang)}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>{STYLE}{style}</style>\n</head>\n"
        f"<body>\n<main>\n{body}\n</main>\n</body>\n</html>\n"
    )


def table(headers: Sequence[str], rows: Iterable[Sequence[Any]], *, numeric: Sequence[int] = (),
          caption: str | None = None) -> str:
    """A table of plain values (escaped here); columns listed in ``numeric`` align right."""
    def cells(tag: str, values: Sequence[Any]) -> str:
        return "".join(f"<{tag}{_NUMERIC if i in numeric else ''}>{escape(_shown(v))}</{tag}>"
                       for i, v in enumerate(values))

    head = f"<caption>{escape(caption)}</caption>" if caption else ""
    body = "".join(f"<tr>{cells('td', row)}</tr>" for row in rows)
    return f"<table>{head}<thead><tr>{cells('th', headers)}</tr></thead><tbody>{body}</tbody></table>"


def stats(items: Iterable[tuple[str, str]]) -> str:
    """Headline figures as a row of boxes: (figure, what it counts)."""
    boxes = "".join(f'<div class="stat"><b>{escape(value)}</b>{escape(label)}</div>' for value, label in items)
    return f'<div class="grid">{boxes}</div>'


def figure(svg: str) -> str:
    return f"<figure>{svg}</figure>"


def _shown(value: Any) -> str:
    return "–" if value is None or value == "" else str(value)
