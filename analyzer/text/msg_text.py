"""An Outlook message (.msg) as its header fields and its body's text.

A message dragged out of Outlook, the way an HR partner files one, is saved as a .msg: a
Compound File (read with ``olefile``) whose streams hold the message's properties, each
named by its id and type. The fields an e-mail's header block would show (subject, sender,
To and Cc lines, the time it was sent) and the plain-text body are read from them; a message
with only an HTML body is read as the page it shows. Attachments and embedded messages live
in storages of their own and are left out.
"""

from __future__ import annotations

import io
import struct
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime

import olefile

from ..errors import UndecodableInputError
from .html_text import html_to_text

MSG_SUFFIXES = (".msg",)
# Property ids: the header fields in the order a header block shows them, and the bodies.
_FIELDS = (("Subject", 0x0037), ("From", 0x0C1A), ("To", 0x0E04), ("Cc", 0x0E03))
_PLAIN_BODY, _HTML_BODY = 0x1000, 0x1013
# When it was sent, else when it arrived: times in the fixed-size properties stream.
_TIMES = (0x0039, 0x0E06)
_PROPERTIES = "__properties_version1.0"
_TOP_HEADER = 32
_ENTRY = struct.Struct("<HHIQ")
_SYSTIME = 0x0040
_FILETIME_EPOCH = datetime(1601, 1, 1, tzinfo=timezone.utc)
# String properties are UTF-16 (type 001F), or 8-bit in the message's code page (001E).
_UNICODE, _EIGHT_BIT, _BINARY = "001F", "001E", "0102"
_CODE_PAGE = "cp1252"


def is_outlook_message(data: bytes) -> bool:
    """Whether the bytes are a compound file with a message's properties stream."""
    if not data.startswith(olefile.MAGIC):
        return False
    try:
        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            return ole.exists(_PROPERTIES)
    except (OSError, ValueError, struct.error):
        return False


def read_message(data: bytes, name: str) -> tuple[list[tuple[str, str]], str]:
    """The message's header fields, as (name, value) pairs, and its body as plain text."""
    try:
        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            fields = [(key, value) for key, prop in _FIELDS if (value := _string(ole, prop))]
            sent = _time(ole)
            body = _string(ole, _PLAIN_BODY) or html_to_text(_html(ole))
    except (OSError, ValueError, struct.error):
        raise UndecodableInputError(f"{name}: is not a readable Outlook message (.msg); save it from "
                                    "Outlook again, or as text") from None
    if sent is not None:
        fields.append(("Date", format_datetime(sent)))
    return fields, body


def _string(ole: olefile.OleFileIO, prop: int) -> str:
    for kind, codec in ((_UNICODE, "utf-16-le"), (_EIGHT_BIT, _CODE_PAGE)):
        path = f"__substg1.0_{prop:04X}{kind}"
        if ole.exists(path):
            return ole.openstream(path).read().decode(codec, errors="replace").rstrip("\0").strip()
    return ""


def _html(ole: olefile.OleFileIO) -> str:
    path = f"__substg1.0_{_HTML_BODY:04X}{_BINARY}"
    if not ole.exists(path):
        return ""
    return ole.openstream(path).read().decode("utf-8", errors="replace")


def _time(ole: olefile.OleFileIO) -> datetime | None:
    """The time the message was sent (or arrived), from its fixed-size properties."""
    if not ole.exists(_PROPERTIES):
        return None
    table = ole.openstream(_PROPERTIES).read()[_TOP_HEADER:]
    times = {}
    for offset in range(0, len(table) - _ENTRY.size + 1, _ENTRY.size):
        kind, prop, _flags, value = _ENTRY.unpack_from(table, offset)
        if kind == _SYSTIME and value:
            times[prop] = _FILETIME_EPOCH + timedelta(microseconds=value // 10)
    return next((times[prop] for prop in _TIMES if prop in times), None)
