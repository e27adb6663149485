"""An OpenDocument text (.odt) as the text its reader sees, laid out as Markdown.

LibreOffice saves a memo as .odt, and a shared document can be downloaded as one. Like a
.docx it is a zip archive; ``content.xml`` holds the body in order: headings with their
outline level become Markdown headings, a paragraph in the Title style the document's top
heading, list items ``- `` items (nested ones indented), a table one line per row with its
cells between ``|``. The segmenter then reads the structure as it reads a Markdown memo.
Only the standard library reads it.
"""

from __future__ import annotations

import io
import zipfile
from xml.etree import ElementTree

from ..errors import UndecodableInputError
from .docx_text import join_blocks

ODT_SUFFIXES = (".odt",)
_BODY = "content.xml"
_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
TITLE_STYLE = "Title"
# Elements that stand for white space, and the ones whose text is not on the page.
_SPACES = frozenset({f"{_TEXT}s", f"{_TEXT}tab", f"{_TEXT}line-break"})
_UNSEEN = frozenset({f"{_TEXT}note", f"{_OFFICE}annotation", f"{_TEXT}tracked-changes"})


def odt_to_text(data: bytes, name: str) -> str:
    """The document's headings, paragraphs, lists and tables in order, as Markdown-laid-out text."""
    content = _content(data, name)
    body = content.find(f"{_OFFICE}body/{_OFFICE}text")
    if body is None:
        raise UndecodableInputError(f"{name}: is an OpenDocument file with no text body")
    titles = _title_styles(content)
    blocks: list[str] = []
    for element in body:
        blocks.extend(_blocks(element, 0, titles))
    return join_blocks([b for b in blocks if b.strip(" -#|")])


def _content(data: bytes, name: str) -> ElementTree.Element:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return ElementTree.fromstring(archive.read(_BODY))
    except (zipfile.BadZipFile, KeyError, ElementTree.ParseError):
        raise UndecodableInputError(f"{name}: is not a readable OpenDocument text (.odt); save it as .odt "
                                    "again, or as .docx or plain text") from None


def _title_styles(content: ElementTree.Element) -> frozenset[str]:
    """The paragraph styles that are the Title style: itself, and the automatic styles the
    editor derives from it when the writer changes a title's look."""
    derived = {style.get(f"{_STYLE}name") for style in content.iter(f"{_STYLE}style")
               if style.get(f"{_STYLE}parent-style-name") == TITLE_STYLE}
    return frozenset({TITLE_STYLE, *(d for d in derived if d)})


def _blocks(element: ElementTree.Element, depth: int, titles: frozenset[str]) -> list[str]:
    """One body element as Markdown lines: a heading, a paragraph, a list's items, a table."""
    tag = element.tag
    if tag == f"{_TEXT}h":
        level = int(element.get(f"{_TEXT}outline-level", "1") or 1)
        return [f"{'#' * min(level, 6)} {_text(element)}"]
    if tag == f"{_TEXT}p":
        return [f"# {_text(element)}" if element.get(f"{_TEXT}style-name") in titles else _text(element)]
    if tag == f"{_TEXT}list":
        return [line for item in element if item.tag == f"{_TEXT}list-item" for line in _item(item, depth, titles)]
    if tag == f"{_TABLE}table":
        rows = [" | ".join(_text(cell) for cell in row.iter(f"{_TABLE}table-cell"))
                for row in element.iter(f"{_TABLE}table-row")]
        return ["\n".join(row for row in rows if row.strip(" |"))]
    if tag == f"{_TEXT}section":
        return [line for child in element for line in _blocks(child, depth, titles)]
    return []


def _item(item: ElementTree.Element, depth: int, titles: frozenset[str]) -> list[str]:
    """A list item: its first paragraph as ``- `` at its depth, nested lists below it."""
    lines: list[str] = []
    for child in item:
        if child.tag == f"{_TEXT}list":
            lines.extend(_blocks(child, depth + 1, titles))
        elif child.tag in (f"{_TEXT}p", f"{_TEXT}h") and (text := _text(child)):
            lines.append(f"{'  ' * depth}- {text}" if not lines else f"{'  ' * depth}  {text}")
    return lines


def _text(element: ElementTree.Element) -> str:
    """The words of a paragraph or a cell as one line, without notes or comments."""
    parts: list[str] = []

    def walk(node: ElementTree.Element) -> None:
        if node.tag in _UNSEEN:
            return
        if node.tag in _SPACES:
            parts.append(" ")
        elif node.text:
            parts.append(node.text)
        for child in node:
            walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(element)
    return " ".join("".join(parts).split())
