"""A Rich Text Format file (.rtf) as the text its reader sees.

TextEdit on a Mac saves a new memo as RTF, and Outlook and WordPad save messages and letters
in it; read as plain text, its control words ("\\par", "\\f0\\fs24") would be quoted as the
memo's words. RTF is seven-bit text: groups in braces, control words after a backslash, and
the document's characters between them. Paragraph and line breaks become line breaks, table
cells are set between ``|`` as a Word document's are, a list item's number or bullet becomes
``- ``, and what is not shown on the page is left out: font, colour and style tables, the
document's information, pictures, embedded objects, a field's instruction (its result is
kept), and every group marked ``\\*`` as one a reader may ignore. Characters outside ASCII
arrive as ``\\'hh`` bytes in the document's code page, or as ``\\uN`` with a fallback to skip.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from .docx_text import join_blocks

RTF_SUFFIXES = (".rtf",)
RTF_SIGNATURE = b"{\\rtf"
# A control word and its parameter, a control symbol ("\\{", "\\'e9", "\\~"), a group's
# brace, or a run of plain text.
_TOKEN = re.compile(r"\\([a-zA-Z]{1,32})(-?\d{1,10})? ?|\\'([0-9a-fA-F]{2})|\\([^a-zA-Z])|([{}])"
                    r"|([^\\{}\r\n]+)|[\r\n]+")
# Groups whose text is not part of the page.
_HIDDEN = frozenset({
    "fonttbl", "colortbl", "stylesheet", "info", "pict", "object", "fldinst", "themedata", "datastore",
    "latentstyles", "listtable", "listoverridetable", "rsidtbl", "generator", "filetbl", "revtbl", "xmlnstbl",
    "header", "headerl", "headerr", "headerf", "footer", "footerl", "footerr", "footerf", "footnote",
    "nonshppict", "bkmkstart", "bkmkend", "pgdsctbl", "mmathPr", "operator", "author", "title",
})
_ROW = " | "
# Control words that stand for text.
_CHARACTERS = {
    "par": "\n", "line": "\n", "sect": "\n", "page": "\n", "row": "\n", "tab": "\t", "cell": _ROW,
    "emdash": "—", "endash": "–", "bullet": "•", "lquote": "‘", "rquote": "’", "ldblquote": "“",
    "rdblquote": "”", "emspace": " ", "enspace": " ", "qmspace": " ",
}
_SYMBOLS = {"~": "\u00a0", "_": "\u2011", "-": "", "\n": "\n", "\r": "\n", "{": "{", "}": "}", "\\": "\\"}
_ITEM_MARKS = frozenset({"listtext", "pntext"})
_CODE_PAGE = re.compile(rb"\\ansicpg(\d+)")
DEFAULT_CODE_PAGE = 1252


@dataclass
class _Group:
    """What a group inherits and may change: whether its text shows, and how many
    characters follow a ``\\uN`` as its fallback."""

    hidden: bool = False
    fallback: int = 1


def is_rtf(data: bytes) -> bool:
    return data.lstrip()[:5] == RTF_SIGNATURE


def rtf_to_text(data: bytes) -> str:
    """The text of an RTF file (``is_rtf``), one line per paragraph, table rows with their
    cells between ``|``."""
    codec = _codec(data)
    out: list[str] = []
    stack = [_Group()]
    skip = 0  # fallback characters still to drop after a \uN
    first_word = False  # the next token opens its group: a destination's name may follow
    for match in _TOKEN.finditer(data.decode(codec, errors="replace")):
        word, param, hex_byte, symbol, brace, text = match.groups()
        group = stack[-1]
        opening, first_word = first_word, False
        if brace == "{":
            stack.append(_Group(group.hidden, group.fallback))
            first_word = True
        elif brace == "}":
            if len(stack) > 1:
                stack.pop()
        elif symbol == "*":
            group.hidden = True
        elif word is not None:
            skip = _control(word, param, group, opening, out, skip)
        elif skip and (hex_byte is not None or text is not None or symbol is not None):
            if text is not None and len(text) > skip:
                text, skip = text[skip:], 0
            else:
                skip -= len(text) if text is not None else 1
                continue
            if not group.hidden:
                out.append(text)
        elif group.hidden:
            continue
        elif hex_byte is not None:
            out.append(bytes([int(hex_byte, 16)]).decode(codec, errors="replace"))
        elif symbol is not None:
            out.append(_SYMBOLS.get(symbol, ""))
        elif text is not None:
            out.append(text)
    return _tidy("".join(out))


def _control(word: str, param: str | None, group: _Group, opening: bool, out: list[str], skip: int) -> int:
    """Apply one control word to the group and the text; return the fallback left to skip."""
    if word in _HIDDEN:
        group.hidden = True
    elif word in _ITEM_MARKS and opening:
        # A list item's number or bullet, in the font it is drawn in: an item's mark.
        if not group.hidden:
            out.append("- ")
        group.hidden = True
    elif word == "uc" and param is not None:
        group.fallback = int(param)
    elif word == "u" and param is not None:
        if not group.hidden:
            out.append(chr(int(param) % 0x10000))
        return group.fallback
    elif not group.hidden and word in _CHARACTERS:
        out.append(_CHARACTERS[word])
    return skip


def _codec(data: bytes) -> str:
    """The code page ``\\'hh`` bytes are in: the one ``\\ansicpgN`` names, else Windows-1252."""
    match = _CODE_PAGE.search(data[:2000])
    codec = f"cp{match.group(1).decode()}" if match else f"cp{DEFAULT_CODE_PAGE}"
    try:
        codecs.lookup(codec)
    except LookupError:
        return f"cp{DEFAULT_CODE_PAGE}"
    return codec


def _tidy(text: str) -> str:
    """Each paragraph a line, without the spaces RTF leaves around its breaks or a row's last
    cell mark. A writer who typed blank lines (as in TextEdit) keeps them; paragraphs set
    apart only by spacing (as Word writes them) are set apart by a blank line."""
    lines = [line.strip().removesuffix(" |").rstrip() for line in text.split("\n")]
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    if "" in lines:
        return "\n".join(lines) + "\n"
    blocks: list[str] = []
    for line in lines:
        if blocks and _ROW in line and _ROW in blocks[-1].rsplit("\n", 1)[-1]:
            blocks[-1] += "\n" + line  # the rows of one table stay together
        else:
            blocks.append(line)
    return join_blocks(blocks)
