"""Outlook messages (.msg) written in a test, as the compound files Outlook saves.

A .msg file is a Compound File (the format of old Office documents): sectors of 512 bytes, a
table of sector chains (FAT), a directory of named streams, and a "mini stream" of 64-byte
sectors that holds every stream under 4096 bytes. Each property of the message is a stream
named ``__substg1.0_`` + its id + its type (``001F`` for a UTF-16 string); fixed-size ones,
such as the time it was sent, are entries of ``__properties_version1.0``. This writes the
smallest such file that a reader of the format accepts: one storage (the root), its streams
in a chain of right siblings, every stream in the mini stream.
"""

from __future__ import annotations

import struct
from datetime import datetime, timezone

SECTOR, MINI = 512, 64
FREE, END, FAT_SECTOR = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD
NO_ENTRY = 0xFFFFFFFF
# Property ids: subject, plain body, HTML body, sender's name, To and Cc lines, time sent.
SUBJECT, BODY, HTML, SENDER, TO, CC, SENT = 0x0037, 0x1000, 0x1013, 0x0C1A, 0x0E04, 0x0E03, 0x0039
FILETIME_EPOCH = datetime(1601, 1, 1, tzinfo=timezone.utc)


def outlook_message(subject: str = "", body: str = "", *, sender: str = "", to: str = "", cc: str = "",
                    sent: datetime | None = None, html: str = "") -> bytes:
    """The bytes of a .msg file with these properties (empty ones left out)."""
    streams = {f"__substg1.0_{prop:04X}001F": value.encode("utf-16-le")
               for prop, value in ((SUBJECT, subject), (BODY, body), (SENDER, sender), (TO, to), (CC, cc))
               if value}
    if html:
        streams[f"__substg1.0_{HTML:04X}0102"] = html.encode("utf-8")
    streams["__properties_version1.0"] = _properties(sent)
    return compound_file(streams)


def _properties(sent: datetime | None) -> bytes:
    header = bytes(32)  # reserved words and the counts of recipients and attachments
    if sent is None:
        return header
    ticks = int((sent - FILETIME_EPOCH).total_seconds() * 10_000_000)
    return header + struct.pack("<HHIQ", 0x0040, SENT, 0x6, ticks)


def compound_file(streams: dict[str, bytes]) -> bytes:
    """A version 3 compound file whose root holds ``streams`` (each under 4096 bytes)."""
    mini_data, mini_fat, starts = b"", [], []
    for data in streams.values():
        count = max(1, -(-len(data) // MINI))
        starts.append(len(mini_fat))
        mini_fat += [len(mini_fat) + k + 1 for k in range(count - 1)] + [END]
        mini_data += data.ljust(count * MINI, b"\0")
    mini_fat_bytes = _pad(struct.pack(f"<{len(mini_fat)}I", *mini_fat), SECTOR, fill=b"\xff")
    directory_size = len(_pad(bytes(128 * (1 + len(streams))), SECTOR))
    # Sector 0 is the FAT; then the mini stream, the directory and the mini FAT, each a chain.
    fat, firsts = [FAT_SECTOR], []
    for size in (len(_pad(mini_data, SECTOR)), directory_size, len(mini_fat_bytes)):
        n = size // SECTOR
        firsts.append(len(fat))
        fat += [len(fat) + k + 1 for k in range(n - 1)] + [END]
    mini_start, directory_start, mini_fat_start = firsts
    entries = [_entry("Root Entry", 5, child=1 if streams else NO_ENTRY, start=mini_start, size=len(mini_data))]
    for k, (name, data) in enumerate(streams.items()):
        right = k + 2 if k + 1 < len(streams) else NO_ENTRY
        entries.append(_entry(name, 2, right=right, start=starts[k], size=len(data)))
    return (_header(directory_start, mini_fat_start, len(mini_fat_bytes) // SECTOR)
            + _pad(struct.pack(f"<{len(fat)}I", *fat), SECTOR, fill=b"\xff")
            + _pad(mini_data, SECTOR) + _pad(b"".join(entries), SECTOR) + mini_fat_bytes)


def _header(dir_start: int, mini_fat_start: int, mini_fat_sectors: int) -> bytes:
    head = struct.pack("<8s16sHHHHH6sIIIIIIIII", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", bytes(16), 0x3E, 3, 0xFFFE,
                       9, 6, bytes(6), 0, 1, dir_start, 0, 4096, mini_fat_start, mini_fat_sectors, END, 0)
    difat = struct.pack("<109I", 0, *([FREE] * 108))
    return head + difat


def _entry(name: str, kind: int, *, right: int = NO_ENTRY, child: int = NO_ENTRY, start: int, size: int) -> bytes:
    encoded = (name + "\0").encode("utf-16-le")
    return struct.pack("<64sHBBIII16sIQQIII", encoded, len(encoded), kind, 1, NO_ENTRY, right, child, bytes(16), 0,
                       0, 0, start, size, 0)


def _pad(data: bytes, size: int, fill: bytes = b"\0") -> bytes:
    return data + fill * (-len(data) % size)
