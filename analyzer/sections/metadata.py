"""Document metadata written into the text: e-mail header blocks, chat-export turns, dates.

These lines describe the document rather than structure it, so the segmenter reports them
as metadata and never as section titles.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from email.utils import parsedate_to_datetime

_HEADER = re.compile(r"^(From|To|Cc|Bcc|Subject|Date|Sent|Reply-To)\s*:\s*(.*)$", re.I)
_BLOCK_KEYS = {"from", "subject", "sent"}
# Lines that announce a quoted message in a thread; a header block may follow them.
_THREAD_MARK = re.compile(
    r"^\s*(-{2,}\s*(Original Message|Forwarded message)\s*-{2,}|On .{4,120} wrote:)\s*$", re.I
)
_TIMESTAMP = r"\d{4}-\d{2}-\d{2}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?"
# "### User - 2024-03-19 07:01:31", "**Assistant — 2024-03-19 07:02**", "Dana (2024-03-19 07:01)"
CHAT_HEADER = re.compile(
    rf"^\s*(?:#{{1,6}}\s+)?(?:\*\*)?(?P<speaker>[^\W\d][\w .'’-]{{0,30}}?)\s*"
    rf"(?:[-–—|]\s*|\(\s*)(?P<time>{_TIMESTAMP})\)?(?:\*\*)?\s*$"
)
_DATE_FIELD = re.compile(r"^\s*(Date|Created|Sent|Last Updated|Updated)\s*:\s*(\S.*)$", re.I)
# Which stated date wins: when a document was written beats when it was last touched.
_DATE_PRIORITY = ("date", "created", "sent", "last updated", "updated")
_DATE_FORMATS = (
    "%Y-%m-%d", "%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S", "%Y/%m/%d",
    "%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y", "%B %d %Y", "%A, %d %B %Y",
    "%A, %B %d, %Y", "%d/%m/%Y",
)
_REPLY_PREFIX = re.compile(r"^\s*((re|fwd?|aw|wg)\s*:\s*)+", re.I)


@dataclass(frozen=True)
class HeaderBlock:
    """Consecutive ``Key: value`` e-mail header lines (From, To, Subject, Date...)."""

    line: int
    last_line: int
    fields: dict[str, str]


@dataclass(frozen=True)
class ChatTurn:
    line: int
    speaker: str
    time: str


@dataclass
class Metadata:
    headers: list[HeaderBlock] = field(default_factory=list)
    turns: list[ChatTurn] = field(default_factory=list)
    fields: dict[str, str] = field(default_factory=dict)

    def title(self) -> str | None:
        subject = self.headers[0].fields.get("subject", "") if self.headers else ""
        return _REPLY_PREFIX.sub("", subject).strip() or None

    def date(self) -> str | None:
        for key in _DATE_PRIORITY:
            if key in self.fields and (parsed := parse_date(self.fields[key])):
                return parsed
        if self.turns:
            return parse_date(self.turns[0].time)
        return None


def find_header_blocks(lines: Sequence[str]) -> list[HeaderBlock]:
    blocks = []
    i = 0
    while i < len(lines):
        starts_message = i == 0 or not lines[i - 1].strip() or _THREAD_MARK.match(lines[i - 1])
        j = i
        fields: dict[str, str] = {}
        while starts_message and j < len(lines) and (m := _HEADER.match(lines[j])):
            fields.setdefault(m.group(1).lower(), m.group(2).strip())
            j += 1
        if j - i >= 2 and _BLOCK_KEYS & fields.keys():
            blocks.append(HeaderBlock(i + 1, j, fields))
            i = j
        else:
            i += 1
    return blocks


def find_chat_turns(lines: Sequence[str]) -> list[ChatTurn]:
    turns = []
    for number, line in enumerate(lines, start=1):
        if m := CHAT_HEADER.match(line):
            turns.append(ChatTurn(number, m.group("speaker").strip(), m.group("time")))
    return turns


def front_matter_fields(lines: Sequence[str], until: int, headers: Sequence[HeaderBlock]) -> dict[str, str]:
    """``Date:``/``Created:`` style fields before line ``until``, and the first e-mail's dates."""
    found: dict[str, str] = {}
    for line in lines[: until - 1]:
        if m := _DATE_FIELD.match(line):
            found.setdefault(m.group(1).lower(), m.group(2).strip())
        elif line.strip() and parse_date(line):
            found.setdefault("date", line.strip())  # a letter's date on a line of its own
    for block in headers[:1]:
        for key in ("date", "sent"):
            if key in block.fields:
                found.setdefault(key, block.fields[key])
    return found


def parse_date(value: str) -> str | None:
    """An ISO date (YYYY-MM-DD) from the common ways memos and e-mails write one."""
    value = value.strip()
    m = re.match(_TIMESTAMP, value)
    if m:
        value = m.group(0)
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(value, fmt).date().isoformat()
        except ValueError:
            continue
    try:
        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None
