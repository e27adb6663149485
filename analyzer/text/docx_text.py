"""A Word document (.docx) as the text its reader sees, laid out as Markdown.

Most memos in a workplace are written in a word processor. A .docx file is a zip archive
whose ``word/document.xml`` holds the paragraphs in order, each with its style: a Title or
a Heading becomes a Markdown heading, a list paragraph an item (``- ``), a paragraph in
bold throughout a bold line, a table one line per row with its cells between ``|``. The
segmenter then reads the structure in the forms it reads in a Markdown memo. Only the
standard library reads it: the archive with ``zipfile``, the XML with ``ElementTree``.
"""

from __future__ import annotations

import io
import re
import zipfile
from xml.etree import ElementTree

from ..errors import UndecodableInputError

DOCX_SUFFIXES = (".docx",)
_BODY = "word/document.xml"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_HEADING_STYLE = re.compile(r"^heading\s*([1-6])$", re.IGNORECASE)
_LIST_STYLE = re.compile(r"^list", re.IGNORECASE)
# A paragraph in bold throughout is a heading's shape only when it is this short.
MAX_BOLD_HEADING_WORDS = 12


def docx_to_text(data: bytes, name: str) -> str:
    """The document's paragraphs and tables in order, as Markdown-laid-out text."""
    body = _body(data, name)
    titled = any(_style(p) == "title" for p in body.iter(f"{_W}p"))
    blocks: list[str] = []
    for element in body:
        if element.tag == f"{_W}p":
            line = _paragraph(element, titled)
            if line:
                blocks.append(line)
        elif element.tag == f"{_W}tbl":
            rows = [" | ".join(_text(cell) for cell in row.iter(f"{_W}tc")) for row in element.iter(f"{_W}tr")]
            blocks.append("\n".join(row for row in rows if row.strip(" |")))
    return join_blocks(blocks)


def _body(data: bytes, name: str) -> ElementTree.Element:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            xml = archive.read(_BODY)
        body = ElementTree.fromstring(xml).find(f"{_W}body")
    except (zipfile.BadZipFile, KeyError, ElementTree.ParseError):
        raise UndecodableInputError(f"{name}: is not a readable Word document (.docx); save it as .docx "
                                    "again, or as plain text") from None
    if body is None:
        raise UndecodableInputError(f"{name}: is a Word document with no body")
    return body


def _paragraph(p: ElementTree.Element, titled: bool) -> str:
    """One paragraph as a Markdown line: a heading, a list item, a bold line or prose."""
    text = _text(p)
    if not text:
        return ""
    style = _style(p)
    if style == "title":
        return f"# {text}"
    if heading := _HEADING_STYLE.match(style):
        return f"{'#' * min(int(heading.group(1)) + titled, 6)} {text}"
    numbering = p.find(f"{_W}pPr/{_W}numPr")
    if numbering is not None or _LIST_STYLE.match(style):
        level = numbering.find(f"{_W}ilvl") if numbering is not None else None
        depth = int(level.get(f"{_W}val", "0")) if level is not None else 0
        return f"{'  ' * depth}- {text}"
    if _all_bold(p) and len(text.split()) <= MAX_BOLD_HEADING_WORDS:
        return f"**{text}**"
    return text


def _text(element: ElementTree.Element) -> str:
    """The words of a paragraph or a cell, with tabs and breaks as spaces."""
    parts = []
    for node in element.iter():
        if node.tag == f"{_W}t" and node.text:
            parts.append(node.text)
        elif node.tag in (f"{_W}tab", f"{_W}br"):
            parts.append(" ")
    return " ".join("".join(parts).split())


def _style(p: ElementTree.Element) -> str:
    style = p.find(f"{_W}pPr/{_W}pStyle")
    return (style.get(f"{_W}val") or "").lower() if style is not None else ""


def _all_bold(p: ElementTree.Element) -> bool:
    """Every run with words is bold (and not switched off: ``<w:b w:val="0"/>``)."""
    runs = [r for r in p.iter(f"{_W}r") if "".join(t.text or "" for t in r.iter(f"{_W}t")).strip()]
    return bool(runs) and all(_bold(r) for r in runs)


def _bold(run: ElementTree.Element) -> bool:
    mark = run.find(f"{_W}rPr/{_W}b")
    return mark is not None and mark.get(f"{_W}val", "1") not in ("0", "false")


def join_blocks(blocks: list[str]) -> str:
    """Blocks set apart by a blank line; the items of one list on consecutive lines."""
    out = ""
    for block in blocks:
        if out:
            item = block.lstrip().startswith("- ") and out.rsplit("\n", 1)[-1].lstrip().startswith("- ")
            out += "\n" if item else "\n\n"
        out += block
    return out + "\n"
