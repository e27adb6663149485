"""HTML as the text a reader of the page sees, laid out as Markdown.

A memo saved from a browser, exported from a wiki or sent as an HTML e-mail carries its
structure in tags. Written out as Markdown (``## Title``, ``- item``, ``**bold**``, ``> ``
for a quotation), that structure reaches the segmenter in the forms it already reads in a
Markdown memo, and the digest quotes text without markup.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import NamedTuple

# Blocks are set apart by a blank line, line-like elements start a new line, and the
# invisible elements are left out.
_PARAGRAPHS = {
    "address", "article", "div", "dl", "figure", "footer", "header", "hr", "main", "nav", "p", "section", "table",
}
_LINES = {"br", "dd", "dt", "tr"}
_HEADINGS = {f"h{level}": level for level in range(1, 7)}
_LISTS = {"ol", "ul"}
_BOLD_TAGS = {"b", "strong"}
_CELLS = {"td", "th"}
_SKIPPED = {"head", "script", "style", "template"}
_WHITESPACE = re.compile(r"\s+")
# A bold run as the parser writes it; spaces inside its ends go outside, as Markdown needs
# them ("<b>Note: </b>text"), and a run of nothing but spaces ("<b> </b>") goes.
_BOLD = re.compile(r"\*\*(\s*)(.*?)(\s*)\*\*")
# Where a page states when it was written: these <meta> names or properties, else its first
# <time datetime="…">.
_DATE_METAS = {"date", "dc.date", "dcterms.date", "dcterms.created", "article:published_time", "pubdate"}
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")


# A page's own "Date:" field in its first lines, which a date from its <meta> tags must not repeat.
_DATE_FIELD = re.compile(r"^Date:", re.MULTILINE)
FIELD_LINES = 10


class Page(NamedTuple):
    """What a page says of itself (its ``<title>`` and date, "" when it gives none) and its text."""

    title: str
    date: str
    text: str

    def document(self) -> str:
        """The text as a memo of its own. A page whose body has no top heading opens with its
        ``<title>`` as one, as a browser shows it in the tab: pages exported from a wiki or a
        blog often keep the title only there. The date the page gives of itself (``<meta
        name="date">``, ``article:published_time``, a ``<time datetime>``) is set under that
        title as a ``Date:`` field, which the segmenter reads as the document's date."""
        text = self.text
        if self.title and not re.search(r"^# ", text, re.MULTILINE):
            text = f"# {self.title}\n\n{text}"
        if self.date and text.startswith("# ") and not _DATE_FIELD.search("\n".join(text.split("\n")[:FIELD_LINES])):
            title, _, rest = text.partition("\n")
            text = f"{title}\n\nDate: {self.date}\n{rest}"
        return text


def html_to_text(html: str) -> str:
    """Readable text from HTML (a web page, an exported document, an e-mail's HTML body)."""
    return read_html(html).text


def read_html(html: str) -> Page:
    parser = _TextOfHTML()
    parser.feed(html)
    parser.close()
    return Page(parser.title, parser.date, parser.text())


class _TextOfHTML(HTMLParser):
    """Collects the text of HTML as the lines a reader sees: a heading as ``## Title``, a list
    item as ``- item`` or ``2. item`` (indented under the item it is nested in), bold as
    ``**bold**``, a table row's cells between ``|``, a quotation's lines marked ``> ``
    (someone else's words, as in a reply), and preformatted text as it is laid out.
    Everything else runs together as one line per block."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.line: list[str] = []
        # What opens the line being collected: a heading's "## " or a list item's "- ".
        self.mark = ""
        self.title = ""
        self.date = ""
        self.in_title = False
        self.skipping = 0
        self.quoting = 0
        self.preformatted = 0
        # Each open list: the number of its next item for <ol>, None for <ul>.
        self.lists: list[int | None] = []

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in ("meta", "time"):
            self._note_date(tag, dict(attrs))
        if tag == "title":
            self.in_title = True
        elif tag in _SKIPPED:
            self.skipping += 1
        elif tag in _HEADINGS:
            self._paragraph()
            self.mark = "#" * _HEADINGS[tag] + " "
        elif tag in _LISTS:
            self._list_edge()
            self.lists.append(_list_start(attrs) if tag == "ol" else None)
        elif tag == "li":
            self._end_line()
            self.mark = self._item_mark()
        elif tag == "blockquote":
            self._paragraph()
            self.quoting += 1
        elif tag == "pre":
            self._paragraph()
            self.preformatted += 1
        elif tag in _CELLS:
            if "".join(self.line).strip():
                self.line.append(" | ")
        elif tag in _BOLD_TAGS:
            self.line.append("**")
        elif tag in _PARAGRAPHS:
            self._paragraph()
        elif tag in _LINES:
            self._end_line()

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        elif tag in _SKIPPED:
            self.skipping = max(self.skipping - 1, 0)
        elif tag == "pre" and self.preformatted:
            self._paragraph()
            self.preformatted -= 1
        elif tag in _HEADINGS or tag in _PARAGRAPHS:
            self._paragraph()
        elif tag in _LISTS and self.lists:
            self.lists.pop()
            self._list_edge()
        elif tag == "li":
            self._end_line()
        elif tag == "blockquote" and self.quoting:
            self._end_line()
            self.quoting -= 1
            self._paragraph()
        elif tag in _BOLD_TAGS:
            self.line.append("**")

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title = " ".join(f"{self.title} {data}".split())
        elif self.skipping:
            return
        elif not self.preformatted:
            self.line.append(_WHITESPACE.sub(" ", data))
        else:
            *whole, rest = data.split("\n")
            for part in whole:
                self.line.append(part)
                self._end_line(blank_ok=True)
            self.line.append(rest)

    def _note_date(self, tag: str, attrs: dict[str, str | None]) -> None:
        """The first date the page states of itself, as a day when it gives one ("2020-09-14")."""
        key = (attrs.get("name") or attrs.get("property") or "").lower()
        value = attrs.get("content") if tag == "meta" and key in _DATE_METAS else attrs.get("datetime")
        if value and value.strip() and not self.date:
            day = _ISO_DAY.match(value.strip())
            self.date = day.group(0) if day else " ".join(value.split())

    def _list_edge(self) -> None:
        """Where a list starts or ends: a new paragraph, or a new line inside a list item."""
        if self.lists:
            self._end_line()
        else:
            self._paragraph()

    def _item_mark(self) -> str:
        """``- `` or the item's number, indented two spaces for each list it is nested in."""
        indent = "  " * (len(self.lists) - 1)
        if not self.lists or self.lists[-1] is None:
            return indent + "- "
        number = self.lists[-1]
        self.lists[-1] = number + 1
        return f"{indent}{number}. "

    def _end_line(self, blank_ok: bool = False) -> None:
        text, mark = "".join(self.line), self.mark
        self.line, self.mark = [], ""
        if not self.preformatted:
            text = " ".join(_BOLD.sub(_bold, text).split())
        if text.strip() or blank_ok:
            self.lines.append("> " * self.quoting + mark + text)

    def _paragraph(self) -> None:
        """A blank line, marked as quoted inside a quotation so that it stays one block."""
        self._end_line()
        blank = "> " * self.quoting
        if self.lines and self.lines[-1].strip("> "):
            self.lines.append(blank)
        elif self.lines and len(blank) < len(self.lines[-1]):  # a quotation ends: its last blank is not quoted
            self.lines[-1] = blank

    def text(self) -> str:
        self._end_line()
        return "\n".join(line.rstrip() for line in self.lines).strip("\n")


def _bold(match: re.Match[str]) -> str:
    lead, words, trail = match.groups()
    return f"{lead}**{words}**{trail}" if words else " "


def _list_start(attrs) -> int:
    """Where an ordered list starts counting (``<ol start="3">``)."""
    start = dict(attrs).get("start") or "1"
    return int(start) if start.isdigit() else 1
