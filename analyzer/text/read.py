"""Turn what the user points us at into clean text, or explain in one line why we can't.

Normalisation never adds or removes a line, so every line number in a report points at the
same line a user sees in their editor.
"""

from __future__ import annotations

import codecs
import email
import email.policy
import html
import os
import re
import stat
import sys
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from email.message import EmailMessage
from pathlib import Path
from typing import BinaryIO

from ..errors import (
    BinaryInputError,
    EmptyInputError,
    UndecodableInputError,
    UnreadableInputError,
)
from ..scores.syllables import first_pronunciations
from .docx_text import DOCX_SUFFIXES, docx_to_text
from .html_text import html_to_text, read_html
from .hyphens import has_broken_words, mend_broken_words
from .msg_text import MSG_SUFFIXES, is_outlook_message, read_message
from .odt_text import ODT_SUFFIXES, odt_to_text
from .rtf_text import is_rtf, rtf_to_text

STDIN = "-"
_SNIFF_BYTES = 8192
# A text file has almost no control bytes; a few stray NULs are noise we strip, a lot is binary.
_BINARY_CONTROL_SHARE = 0.05

_TEXT_CONTROLS = {0x09, 0x0A, 0x0C, 0x0D}
# UTF-16 without a byte-order mark: the share of zero bytes in one position of each pair
# (at least half: most characters of a memo are Latin), and in the other (almost none).
_UTF16_ZERO_SHARE = 0.5
_UTF16_STRAY_ZEROS = 0.05
# C0/C1 controls other than tab and newline carry no meaning in a memo.
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_LINE_BREAKS = re.compile(r"\r\n?|[\u2028\u2029\x85]")
TAB_SIZE = 4
# Markdown's hard line break: a backslash that ends a line ("Jo Bloggs \"), which a reader of
# the page never sees; left in, a sign-off reads "Thanks, \" and is no longer one.
_HARD_BREAK = re.compile(r"(?<=[^\\])\\$")
# A character reference that Markdown and web pages carry into text ("&nbsp;", "&amp;",
# "&#8217;"): the page shows the character, and a name after "&nbsp;" is a name. "&amp;"
# before what would read as a reference again ("&amp;nbsp;") is the reference written out,
# kept, so that reading the text twice reads it as once.
_CHARACTER_REFERENCE = re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
_REFERENCE_WRITTEN_OUT = re.compile(r"&amp;(?=#\d+;|#x[0-9a-fA-F]+;|[A-Za-z][A-Za-z0-9]*;)")
EMAIL_SUFFIXES = (".eml",)
# The header lines an e-mail's text starts with, in this order; the segmenter reads them
# as the document's metadata (title from Subject, date from Date, or from Sent as Outlook writes it).
EMAIL_HEADERS = ("Subject", "From", "To", "Date", "Sent")
# Transfer encodings that leave a body's lines as the file holds them.
_AS_IS_ENCODINGS = ("7bit", "8bit", "binary")
HTML_SUFFIXES = (".html", ".htm")
# Text in neither UTF-8 nor UTF-16 is read in this encoding (see ``encoding_of``).
LEGACY = "cp1252"
# A well-formed multi-byte UTF-8 character: a lead byte and its continuation bytes.
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


@dataclass(frozen=True)
class Source:
    """A document as read: its display name, its normalised text, and whether its bytes were
    in the legacy Windows encoding rather than Unicode (the command line says so)."""

    name: str
    text: str
    legacy: bool = False


def read_source(path: str | Path, *, stdin: BinaryIO | None = None) -> Source:
    """Read a file (or ``-`` for standard input) and return its normalised text."""
    if str(path) == STDIN:
        name, data = "<stdin>", (stdin if stdin is not None else sys.stdin.buffer).read()
    else:
        name, data = str(path), read_bytes(Path(path))
    kind = document_kind(data, name)
    legacy = kind in _DECODED_AS_TEXT and encoding_of(data) == LEGACY
    return Source(name, decode_document(data, name, kind), legacy)


# What a file is, as ``document_kind`` tells it. An e-mail declares the charset of each part,
# and a Word, OpenDocument or Outlook file holds Unicode; only the bytes of a text file, a
# web page or Rich Text are in one encoding for the whole file.
EMAIL, MESSAGE, WORD, OPEN_DOCUMENT, WEB_PAGE, RICH_TEXT, TEXT = "eml", "msg", "docx", "odt", "html", "rtf", "text"
_DECODED_AS_TEXT = frozenset({WEB_PAGE, RICH_TEXT, TEXT})


def document_kind(data: bytes, name: str) -> str:
    """A file's kind: an e-mail by its ``.eml`` suffix, an Outlook message by ``.msg`` or by
    its properties (whatever the file is called), a Word document by ``.docx``, an
    OpenDocument text by ``.odt``, a web page or an exported document by ``.html`` or
    ``.htm``, Rich Text by its opening ``{\\rtf`` (whatever the file is called), else text."""
    lower = name.lower()
    if lower.endswith(EMAIL_SUFFIXES):
        return EMAIL
    if lower.endswith(MSG_SUFFIXES) or is_outlook_message(data):
        return MESSAGE
    if lower.endswith(DOCX_SUFFIXES):
        return WORD
    if lower.endswith(ODT_SUFFIXES):
        return OPEN_DOCUMENT
    if lower.endswith(HTML_SUFFIXES):
        return WEB_PAGE
    return RICH_TEXT if is_rtf(data) else TEXT


def decode_document(data: bytes, name: str, kind: str | None = None) -> str:
    """Decode a file's bytes by its kind (``document_kind``, unless the caller knows it)."""
    kind = kind or document_kind(data, name)
    if kind == EMAIL:
        return decode_email(data, name)
    if kind == MESSAGE:
        return message_text(*read_message(data, name), name)
    if kind == WORD:
        return _non_empty(normalise(docx_to_text(data, name)), name)
    if kind == OPEN_DOCUMENT:
        return _non_empty(normalise(odt_to_text(data, name)), name)
    if kind == WEB_PAGE:
        return decode_html(data, name)
    if kind == RICH_TEXT:
        return _non_empty(normalise(rtf_to_text(data)), name)
    return decode(data, name)


def decode_html(data: bytes, name: str) -> str:
    """An HTML file as the document its page shows (see ``Page.document``); its bytes are
    decoded as a text file's are."""
    return _non_empty(normalise(read_html(decode(data, name)).document()) + "\n", name)


def read_bytes(path: Path) -> bytes:
    """Read a file's bytes, turning every OS failure into a one-line ``InputError``.

    Only a regular file is read: a named pipe with no writer would block forever, and a
    device may never end. They are told by what was opened, not by a look beforehand (the
    path may change in between), and the open itself never blocks.
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise UnreadableInputError(f"{path}: no such file") from None
    except PermissionError:
        raise UnreadableInputError(f"{path}: permission denied") from None
    except OSError as e:
        raise UnreadableInputError(f"{path}: {_why_not_opened(path, e)}") from None
    try:
        problem = _not_a_file(path, os.fstat(fd).st_mode)
        if problem:
            raise UnreadableInputError(f"{path}: {problem}")
        with os.fdopen(fd, "rb", closefd=False) as handle:
            return handle.read()
    except OSError as e:
        raise UnreadableInputError(f"{path}: {_cannot_read(e)}") from None
    finally:
        os.close(fd)


def _why_not_opened(path: Path, error: OSError) -> str:
    """A socket cannot even be opened (the system says "no such device or address"): say what it is."""
    try:
        return _not_a_file(path, path.stat().st_mode) or _cannot_read(error)
    except OSError:
        return _cannot_read(error)


def _cannot_read(error: OSError) -> str:
    return f"cannot be read ({error.strerror or error})"


def _not_a_file(path: Path, mode: int) -> str | None:
    """Why the file at ``path``, of this mode, is not read; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "is a directory, not a file (use `memo-analyzer batch` for folders)"
    if stat.S_ISFIFO(mode):
        kind = "a named pipe (FIFO)"
    elif stat.S_ISSOCK(mode):
        kind = "a socket"
    else:
        kind = "a device"
    return (f"is {kind}, not a regular file; to analyse what it streams, give it on standard input "
            f"(`memo-analyzer analyze - < {path}`)")


def decode(data: bytes, name: str) -> str:
    """Decode UTF-8, UTF-16 (with or without its byte-order mark) or Windows-1252 bytes into
    normalised text."""
    codec = encoding_of(data)
    if codec == "utf-16":
        text = _decode_utf16(data, name)
    elif codec in ("utf-16-le", "utf-16-be"):
        text = _decode_unmarked_utf16(data, codec, name)
    else:
        if looks_binary(data):
            raise BinaryInputError(f"{name}: looks like a binary file, not text{_what_to_do(data)}")
        text = _decode_8bit(data, codec, name)
    return _non_empty(normalise(text), name)


def encoding_of(data: bytes) -> str:
    """The codec a text's bytes are in: UTF-16 by its byte-order mark or its zero bytes,
    UTF-8 when they decode as such, else Windows-1252 (``LEGACY``).

    Memos kept for years were often saved by Windows tools in Windows-1252, the superset of
    Latin-1 that English text in a legacy encoding is almost always in; reading them spares
    an archive's owner converting each file. But bytes that hold any well-formed UTF-8
    sequence are UTF-8 with a flaw (a file cut or joined mid-character), not Windows-1252,
    where such pairs ("Ã©") are the mark of text decoded wrongly; they stay UTF-8 and are
    refused with the flaw's place.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if codec := utf16_without_bom(data):
        return codec
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return "utf-8-sig" if _UTF8_SEQUENCE.search(data) else LEGACY
    return "utf-8-sig"


def _decode_8bit(data: bytes, codec: str, name: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as e:
        where = f"byte 0x{data[e.start]:02x} at offset {e.start}"
        if codec == "utf-8-sig":
            raise UndecodableInputError(
                f"{name}: is UTF-8 with a flaw ({where}), as a file cut or joined mid-character is; "
                "repair or re-save it as UTF-8"
            ) from None
        raise UndecodableInputError(
            f"{name}: is neither UTF-8 nor Windows-1252 ({where}); "
            "convert it first, e.g. `iconv -f <its encoding> -t utf-8`"
        ) from None


def _non_empty(text: str, name: str) -> str:
    if not text.strip():
        raise EmptyInputError(f"{name}: is empty (no text to analyse)")
    return text


def _decode_utf16(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-16")
    except UnicodeDecodeError:
        raise UndecodableInputError(f"{name}: has a UTF-16 byte-order mark but is not valid UTF-16") from None


def utf16_without_bom(data: bytes) -> str | None:
    """The codec of UTF-16 text saved without its byte-order mark, or None if it does not look like that.

    Such text (from some Windows tools and databases) is told by where its zero bytes fall:
    a character of a Latin script has a zero high byte, so one position of every two is
    mostly zero and the other almost never. UTF-8 text has no zero bytes at all, and binary
    formats that happen to look the same are caught after decoding, by their control
    characters.
    """
    head = data[:_SNIFF_BYTES]
    if len(data) % 2 or len(head) < 4:
        return None
    low_first, high_first = head[0::2].count(0) / (len(head) / 2), head[1::2].count(0) / (len(head) / 2)
    if high_first >= _UTF16_ZERO_SHARE and low_first <= _UTF16_STRAY_ZEROS:
        return "utf-16-le"
    if low_first >= _UTF16_ZERO_SHARE and high_first <= _UTF16_STRAY_ZEROS:
        return "utf-16-be"
    return None


def _decode_unmarked_utf16(data: bytes, codec: str, name: str) -> str:
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        raise UndecodableInputError(
            f"{name}: looks like {codec.upper()} without a byte-order mark, but is not valid {codec.upper()}; "
            "convert it first, e.g. `iconv -f utf-16 -t utf-8`"
        ) from None
    if looks_binary(text[:_SNIFF_BYTES].encode("utf-8")):
        raise BinaryInputError(f"{name}: looks like a binary file, not text")
    return text


# The files a memo most often arrives in that are not text, and what to do with each.
_SAVE_AS = "save it as .docx, .rtf or .txt and analyse that"
_CONVERT = {
    b"%PDF-": "a PDF: copy its text into a .txt file and analyse that",
    b"\xd0\xcf\x11\xe0": f"an old Word (.doc) or Excel (.xls) file: {_SAVE_AS}",
    b"PK\x03\x04": f"a zip archive, as Word, OpenDocument and Pages files are: name a Word file .docx and an "
                    f"OpenDocument text .odt, or {_SAVE_AS}",
}


_BINARY_MAGIC = (
    *_CONVERT, b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"\x7fELF", b"\x1f\x8b", b"BZh", b"\xfd7zXZ", b"7z\xbc\xaf",
)


def _what_to_do(data: bytes) -> str:
    """What a binary file seems to be, and how to make it readable: "" when unknown."""
    return next((f" (it is {advice})" for magic, advice in _CONVERT.items() if data.startswith(magic)), "")


def looks_binary(data: bytes) -> bool:
    """Tell binary files from text by their magic number or their share of control bytes."""
    if data.startswith(_BINARY_MAGIC):
        return True
    head = data[:_SNIFF_BYTES]
    if not head:
        return False
    controls = sum(1 for b in head if b < 0x20 and b not in _TEXT_CONTROLS)
    return controls / len(head) > _BINARY_CONTROL_SHARE


def normalise(text: str) -> str:
    """Unify line breaks, read character references ("&nbsp;", "&amp;"), expand tabs, drop
    control characters and Markdown's hard line breaks, compose Unicode (NFC) and make whole
    the words a hard-wrapped text broke with a hyphen at a line end.

    Accepts text from any caller (the API takes ``str``), so it is safe to apply twice.
    """
    text = text.removeprefix("\ufeff")
    text = _LINE_BREAKS.sub("\n", text)
    text = _CHARACTER_REFERENCE.sub(_character, text)
    text = _CONTROL_CHARS.sub("", text)
    text = "\n".join(_HARD_BREAK.sub("", line.expandtabs(TAB_SIZE).rstrip()).rstrip() for line in text.split("\n"))
    text = unicodedata.normalize("NFC", text)
    if has_broken_words(text):
        text = "\n".join(mend_broken_words(text.split("\n"), first_pronunciations()))
    return text


def _character(reference: re.Match[str]) -> str:
    """The character a reference stands for: a space for a non-breaking one, as a reader
    sees it; the reference itself where it is written out, names no character, or names one
    that is not printed (a line break read from "&#10;" would move every line after it)."""
    if _REFERENCE_WRITTEN_OUT.match(reference.string, reference.start()):
        return reference.group()
    character = html.unescape(reference.group())
    if character == "\u00a0":
        return " "
    return character if character.isprintable() else reference.group()


def decode_email(data: bytes, name: str) -> str:
    """An e-mail as text: its header block, a blank line, then its body as plain text.

    The body is the text/plain part when there is one, else the text/html part turned into
    text; transfer encodings (quoted-printable, base64) and charsets are decoded.
    """
    if looks_binary(data):
        raise BinaryInputError(f"{name}: looks like a binary file, not an e-mail")
    message = email.message_from_bytes(data, policy=email.policy.default)
    if not message.keys():
        raise UndecodableInputError(
            f"{name}: is not an e-mail (it has no header lines); rename it to .txt to read it as text"
        )
    part = message.get_body(preferencelist=("plain", "html"))
    body = "" if part is None else _part_text(part, name)
    if part is not None and part.get_content_subtype() == "html":
        body = html_to_text(body)
    fields = [(key, message[key]) for key in EMAIL_HEADERS if message[key]]
    return message_text(fields, body, name, None if part is None else _body_line(data, part))


def _body_line(data: bytes, part: EmailMessage) -> int | None:
    """The file line a plain-text body sent as is (7bit, 8bit) starts on, so its lines can
    keep the file's numbers; None for a body whose lines the file does not hold as they read
    (quoted-printable, base64, HTML)."""
    encoding = str(part.get("Content-Transfer-Encoding", "7bit")).strip().lower()
    if part.get_content_subtype() != "plain" or encoding not in _AS_IS_ENCODINGS:
        return None
    payload = part.get_payload(decode=True)
    at = data.find(payload) if payload else -1
    return data.count(b"\n", 0, at) + 1 if at >= 0 else None


def message_text(fields: Sequence[tuple[str, object]], body: str, name: str, body_line: int | None = None) -> str:
    """A message as text: its header block (``fields``, each on one line), a blank line,
    then its body. With ``body_line``, the line of the file its body starts on, blank lines
    below the header block bring the body down to its lines in the file, so a quote's line
    number is where a reader finds it in the file."""
    normal = normalise(body)
    body = normal.strip("\n")
    if not body.strip():
        raise EmptyInputError(f"{name}: has no text body to analyse")
    block = "".join(f"{key}: {_one_line(value)}\n" for key, value in fields)
    if not block:
        return normalise(f"{body}\n")
    first = body_line + len(normal) - len(normal.lstrip("\n")) if body_line else 0
    gap = "\n" * max(1, first - 1 - len(fields))
    return normalise(f"{block}{gap}{body}\n")


def _part_text(part: EmailMessage, name: str) -> str:
    try:
        return part.get_content()
    except LookupError:
        raise UndecodableInputError(
            f"{name}: declares an unknown charset {part.get_content_charset()!r}"
        ) from None
    except ValueError as e:
        raise UndecodableInputError(f"{name}: its body cannot be decoded ({e})") from None


def _one_line(value: object) -> str:
    """A header as one line: folded headers span several, and a title must not."""
    return " ".join(str(value).split())
