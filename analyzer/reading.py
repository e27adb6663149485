"""Turn what the user points us at into clean text, or explain in one line why we can't.

Normalisation never adds or removes a line, so every line number in a report points at the
same line a user sees in their editor.
"""

from __future__ import annotations

import codecs
import re
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from .errors import InputError

STDIN = "-"
_SNIFF_BYTES = 8192
# A text file has almost no control bytes; a few stray NULs are noise we strip, a lot is binary.
_BINARY_CONTROL_SHARE = 0.05
_BINARY_MAGIC = (
    b"%PDF-", b"PK\x03\x04", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"\x7fELF",
    b"\xd0\xcf\x11\xe0", b"\x1f\x8b", b"BZh", b"\xfd7zXZ", b"7z\xbc\xaf",
)
_TEXT_CONTROLS = {0x09, 0x0A, 0x0C, 0x0D}
# C0/C1 controls other than tab and newline carry no meaning in a memo.
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_LINE_BREAKS = re.compile(r"\r\n?|[\u2028\u2029\x85]")
TAB_SIZE = 4


@dataclass(frozen=True)
class Source:
    """A document as read: its display name and its normalised text."""

    name: str
    text: str


def read_source(path: str | Path, *, stdin: BinaryIO | None = None) -> Source:
    """Read a file (or ``-`` for standard input) and return its normalised text."""
    if str(path) == STDIN:
        stream = stdin if stdin is not None else sys.stdin.buffer
        return Source("<stdin>", decode(stream.read(), "<stdin>"))
    p = Path(path)
    return Source(str(p), decode(read_bytes(p), str(p)))


def read_bytes(path: Path) -> bytes:
    """Read a file's bytes, turning every OS failure into a one-line ``InputError``."""
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if path.is_dir():
        raise InputError(f"{path}: is a directory, not a file (use `memo-analyzer batch` for folders)")
    try:
        return path.read_bytes()
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as e:
        raise InputError(f"{path}: cannot be read ({e.strerror or e})") from None


def decode(data: bytes, name: str) -> str:
    """Decode UTF-8 (or BOM-marked UTF-16) bytes into normalised text."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = _decode_utf16(data, name)
    else:
        if looks_binary(data):
            raise InputError(f"{name}: looks like a binary file, not text")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as e:
            raise InputError(
                f"{name}: is not UTF-8 (byte 0x{data[e.start]:02x} at offset {e.start}); "
                "convert it first, e.g. `iconv -f latin1 -t utf-8`"
            ) from None
    text = normalise(text)
    if not text.strip():
        raise InputError(f"{name}: is empty (no text to analyse)")
    return text


def _decode_utf16(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-16")
    except UnicodeDecodeError:
        raise InputError(f"{name}: has a UTF-16 byte-order mark but is not valid UTF-16") from None


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
    """Unify line breaks, expand tabs, drop control characters and compose Unicode (NFC).

    Accepts text from any caller (the API takes ``str``), so it is safe to apply twice.
    """
    text = text.removeprefix("\ufeff")
    text = _LINE_BREAKS.sub("\n", text)
    text = _CONTROL_CHARS.sub("", text)
    text = "\n".join(line.expandtabs(TAB_SIZE).rstrip() for line in text.split("\n"))
    return unicodedata.normalize("NFC", text)
