"""Small Word documents (.docx) written by tests: an archive whose word/document.xml holds
the paragraphs given. Importable from any test folder, as batch_files is."""

from __future__ import annotations

import io
import zipfile

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def word_document(*body: str) -> bytes:
    """A .docx whose body is ``body`` (WordprocessingML elements)."""
    xml = f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{_W}"><w:body>{"".join(body)}</w:body></w:document>'
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", xml)
    return buffer.getvalue()


def para(text: str, style: str = "", bold: bool = False, level: int | None = None) -> str:
    """One paragraph: with a style ("Title", "Heading1"), in bold, or a list item at ``level``."""
    props = (f'<w:pStyle w:val="{style}"/>' if style else "") + (
        f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="1"/></w:numPr>' if level is not None else "")
    run = f"<w:r>{'<w:rPr><w:b/></w:rPr>' if bold else ''}<w:t xml:space=\"preserve\">{text}</w:t></w:r>"
    return f"<w:p>{f'<w:pPr>{props}</w:pPr>' if props else ''}{run}</w:p>"


_ODF = {"office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
        "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
        "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
        "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0"}


def open_document(*body: str, styles: str = "") -> bytes:
    """An .odt whose text body is ``body`` (OpenDocument elements), with automatic ``styles``."""
    spaces = " ".join(f'xmlns:{prefix}="{uri}"' for prefix, uri in _ODF.items())
    xml = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {spaces}>'
           f"<office:automatic-styles>{styles}</office:automatic-styles>"
           f'<office:body><office:text>{"".join(body)}</office:text></office:body></office:document-content>')
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", xml)
    return buffer.getvalue()
