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
from functools import lru_cache

from .lookalikes import key_value
from .layout import ends_sentence

# A header line; a memo written in Markdown may set its keys in bold ("**To:** …", "**Re**: …").
_HEADER = re.compile(r"^(?:\*\*|__)?(From|To|Cc|Bcc|Subject|Re|Date|Sent|Reply-To)(?:\*\*|__)?\s*:(?:\*\*|__)?\s*(.*)$",
                     re.I)
# A memo writes its subject as "Re:".
_SUBJECT_KEYS = ("subject", "re")
_BLOCK_KEYS = {"from", "subject", "sent"}
# A long header is folded onto lines that start with a space or a tab (RFC 5322).
_FOLDED = re.compile(r"^[ \t]+\S")
# Lines that announce a quoted message in a thread; a header block may follow them.
_THREAD_MARK = re.compile(
    r"^\s*(?:-{2,}\s*(?:(?P<earlier>Original Message)|(?P<forward>Forwarded message))\s*-{2,}"
    r"|(?P<quoting>On .{4,120} wrote:))\s*$", re.I
)
# Outlook sets the message replied to under a rule of underscores, its headers next.
_OUTLOOK_RULE = re.compile(r"^\s*_{10,}\s*$")
# What a thread mark announces: the message replied to, set out in full below the reply
# ("-----Original Message-----"); the message forwarded; or the lines quoted under it ("On … wrote:").
EARLIER, FORWARD, QUOTING = "earlier", "forward", "quoting"
_TIMESTAMP = r"\d{4}-\d{2}-\d{2}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?"
# "### User - 2024-05-02 09:14:03", "**Assistant — 2024-05-02 09:15**", "Dana (2024-05-02 09:14)"
CHAT_HEADER = re.compile(
    rf"^\s*(?:#{{1,6}}\s+)?(?:\*\*)?(?P<speaker>[^\W\d][\w .'’-]{{0,30}}?)\s*"
    rf"(?:[-–—|]\s*|\(\s*)(?P<time>{_TIMESTAMP})\)?(?:\*\*)?\s*$"
)
# A conversation copied out of a team chat: "Dana Whitfield  10:42 AM" (two spaces or a tab
# before the time), "Dana Whitfield 10:42 AM", "Dana — Today at 10:42 AM". A speaker's name
# is one to four capitalised words.
_CLOCK = r"\d{1,2}:\d{2}"
_TEAM_CHAT_HEADER = re.compile(
    r"^(?P<speaker>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3})"
    rf"(?:[ \t]{{2,}}(?P<time>{_CLOCK}(?:\s?[AP]M)?)|[ ](?P<stamp>{_CLOCK}\s?[AP]M)"
    rf"|\s+[—–-]\s+(?P<day>(?:Today|Yesterday) at {_CLOCK}(?:\s?[AP]M)?))\s*$"
)
# A chat exported one message a line, its time and speaker before the message: "[09:14]
# Ravi Menon: I merged it", "[2024-05-07 09:14] Ravi: …", "07/05/2024, 09:14 - Ravi: …".
_LINE_TURN = re.compile(
    r"^\s*[\[(]?(?P<time>(?:\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4},?[ T])?\d{1,2}:\d{2}(?::\d{2})?(?:\s?[AaPp][Mm])?)"
    r"[\])]?\s*[-–|]?\s*(?P<speaker>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}):\s+(?P<message>\S)"
)
# The roles a chat with an assistant names its speakers by.
_ROLES = r"User|Assistant|Human|AI|You|Me|ChatGPT|Claude|Gemini|Copilot"
# A chat copied from an assistant's page, a speaker's line and no time: "You said:",
# "ChatGPT said:", or a role alone on its line ("User:", "Assistant:").
_SAID_HEADER = re.compile(
    r"^\s*(?:#{1,6}\s+)?(?:\*\*)?(?:(?P<speaker>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,2}) said"
    rf"|(?P<role>{_ROLES})):(?:\*\*)?\s*$"
)
# A chat written out as a transcript, each turn opening with its role and the message on
# the same line: "User: Can you summarise this?", "Assistant: Here is a summary."
_ROLE_TURN = re.compile(rf"^\s*(?:\*\*)?(?P<role>{_ROLES})(?:\*\*)?:(?:\*\*)?[ \t]+(?P<message>\S)")
_DATE_FIELD = re.compile(r"^\s*(Date|Created|Sent|Last Updated|Updated)\s*:\s*(\S.*)$", re.I)
# Which stated date wins: when a document was written beats when it was last touched.
_DATE_PRIORITY = ("date", "created", "sent", "last updated", "updated")
_DATE_FORMATS = (
    "%Y-%m-%d", "%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S", "%Y/%m/%d",
    "%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y", "%B %d %Y", "%A, %d %B %Y",
    "%A, %B %d, %Y", "%d/%m/%Y", "%d-%b-%Y",
)
# A time after a date ("9:15 AM", "16:42:10 +0100", "10:00 UTC") says nothing about the day.
_TRAILING_TIME = re.compile(
    r",?(?:\s+at)?\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s*[+-]\d{4}|\s+\(?[A-Z]{2,5}\)?)?$"
)
_YEAR = re.compile(r"\d{4}")
# A day written as an ordinal ("18th", "1st", "22nd", "3rd"), which no format reads.
_ORDINAL = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)\b")
# "Monday, July 8, 2024" is the longest date written in words.
MAX_DATE_TOKENS = 4
# How many values ``parse_date`` remembers: more than a long document asks about.
DATES_KEPT = 4096
# Header fields start among the first lines: under a title and a subtitle at most.
FIELD_BLOCK_START = 3
# YAML front matter: its fences, a top-level "key: value" line, a list item's dash.
FENCE = "---"
MAX_FRONT_MATTER_LINES = 60
_YAML_FIELD = re.compile(r"^([A-Za-z_][\w-]*)\s*:(?:\s+(.*))?$")
_YAML_ITEM = re.compile(r"^-\s+")
_QUOTE_MARKS = ("\"", "'")
# A memo's own title line, over its To/From/Re block: "MEMORANDUM", "Interoffice memo",
# "Memo 2024-117", "MEMO No. 12", "MEMORANDUM FOR ALL EMPLOYEES".
_MEMO_TITLE = re.compile(r"^\W*(?:inter-?\s?office\s+|internal\s+)?(?:memo|memorandum)\b"
                         r"(?:\s+(?:no\.?|number|#)?\s*[\w./-]*\d[\w./-]*|\s+for\b.*)?\W*$", re.I)
# How many lines above a header block a memo's title may stand (a blank line between).
MEMO_TITLE_GAP = 2
_REPLY_PREFIX = re.compile(r"^\s*((re|fwd?|aw|wg)\s*:\s*)+", re.I)
# A subject that opens with a forward's prefix: "FW:", "Fwd:", "WG:" (Weitergeleitet).
_FORWARD_PREFIX = re.compile(r"^\s*(fwd?|wg)\s*:", re.I)


@dataclass(frozen=True)
class HeaderBlock:
    """Consecutive ``Key: value`` e-mail header lines (From, To, Subject, Date...)."""

    line: int
    last_line: int
    fields: dict[str, str]
    # The lines that continue a field (the fold of a long Subject or To, an item of a
    # front-matter list), by number, with the field's key.
    folded: tuple[tuple[int, str], ...] = ()
    # The header of a memo rather than of an e-mail (see ``_memo_start``).
    memo: bool = False


@dataclass(frozen=True)
class ThreadMark:
    """A line in an e-mail that announces another message of its thread (two lines when a
    mail program wrapped "On …, Sam <sam@…> wrote:")."""

    line: int
    kind: str
    last_line: int


@dataclass(frozen=True)
class ChatTurn:
    line: int
    speaker: str
    # None where the export gives no time ("ChatGPT said:").
    time: str | None
    # The message starts on the speaker's own line ("[09:14] Ravi: I merged it").
    inline: bool = False


@dataclass
class Metadata:
    headers: list[HeaderBlock] = field(default_factory=list)
    turns: list[ChatTurn] = field(default_factory=list)
    threads: list[ThreadMark] = field(default_factory=list)
    fields: dict[str, str] = field(default_factory=dict)
    front: HeaderBlock | None = None
    # The front is YAML front matter ("---" above and below): its "title" is the title.
    fenced: bool = False

    def title(self) -> str | None:
        blocks = [*self.headers[:1], *([self.front] if self.front else [])]
        subject = next((b.fields[k] for b in blocks for k in _SUBJECT_KEYS if k in b.fields), "")
        if not subject and self.fenced and self.front:
            subject = self.front.fields.get("title", "")
        return _REPLY_PREFIX.sub("", subject).strip() or None

    def forwarded(self) -> bool:
        """Whether the text's first e-mail forwards another: its subject opens with "FW:"."""
        return bool(self.headers) and bool(_FORWARD_PREFIX.match(self.headers[0].fields.get("subject", "")))

    @property
    def one_line_chat(self) -> bool:
        """The text is a chat exported one message a line. Its turns are all found by one
        pattern (``find_chat_turns``), so the first tells for all."""
        return bool(self.turns) and self.turns[0].inline

    def date(self) -> str | None:
        for key in _DATE_PRIORITY:
            if key in self.fields and (parsed := parse_date(self.fields[key])):
                return parsed
        if self.turns and self.turns[0].time:
            return parse_date(self.turns[0].time)
        return None


def find_header_blocks(lines: Sequence[str]) -> list[HeaderBlock]:
    """Each block of e-mail headers, with folded headers joined to the line they continue:
    a Subject cut at its fold would be half a title, and a name on the fold of a To line
    would be read as a heading of the body."""
    blocks = []
    i = 0
    while i < len(lines):
        starts_message = (i == 0 or not lines[i - 1].strip() or _THREAD_MARK.match(lines[i - 1])
                          or _OUTLOOK_RULE.match(lines[i - 1]))
        j = i
        fields: dict[str, str] = {}
        folded: list[tuple[int, str]] = []
        # The field the line above set, which a folded line continues; a repeated header
        # keeps its first value, and its folds with it.
        current: str | None = None
        while starts_message and j < len(lines):
            if m := _HEADER.match(lines[j]):
                key = m.group(1).lower()
                current = None if key in fields else key
                fields.setdefault(key, m.group(2).strip())
            elif j > i and _FOLDED.match(lines[j]):
                folded.append((j + 1, current or ""))
                if current is not None:
                    fields[current] = f"{fields[current]} {lines[j].strip()}".strip()
            else:
                break
            j += 1
        if j - i - len(folded) >= 2 and _BLOCK_KEYS & fields.keys():
            memo_start = _memo_start(lines, i, fields)
            first = i if memo_start is None else memo_start
            blocks.append(HeaderBlock(first + 1, j, fields, tuple(folded), memo_start is not None))
            i = j
        else:
            i += 1
    return blocks


def _memo_start(lines: Sequence[str], start: int, fields: dict[str, str]) -> int | None:
    """Where the memo starts whose header block starts at line index ``start``: at its title
    line ("MEMORANDUM") above the block, which names the form and not a part, or at the block;
    None when the block heads an e-mail. A memo's block carries no sign of mail (a ``Sent:``
    field, an address, a thread mark or Outlook's rule above it) and stands under a memo's
    title or gives its subject as ``Re:``, as mail programs never do ("Subject: RE: …")."""
    if "sent" in fields or any("@" in value for value in fields.values()):
        return None
    above = [n for n in range(max(0, start - MEMO_TITLE_GAP), start) if lines[n].strip()]
    if above and (_THREAD_MARK.match(lines[above[-1]]) or _OUTLOOK_RULE.match(lines[above[-1]])):
        return None
    title = next((n for n in reversed(above) if _MEMO_TITLE.match(lines[n])), None)
    if title is not None:
        return title
    return start if "re" in fields else None


def find_front_matter(lines: Sequence[str]) -> HeaderBlock | None:
    """YAML front matter, as static-site generators and notes apps write it: "---" on the
    first line, "key: value" lines (a key's list items or nested lines indented under it),
    then "---" or "...". A value in quotes loses them; list items join with commas."""
    if not lines or lines[0].strip() != FENCE:
        return None
    fields: dict[str, str] = {}
    folded: list[tuple[int, str]] = []
    key: str | None = None
    # A value that opens a quote mark and does not close it on its line: the next lines
    # continue it, indented or not, as YAML reads a quoted value.
    quoted: str | None = None
    for j in range(1, min(len(lines), MAX_FRONT_MATTER_LINES + 1)):
        line = lines[j]
        if quoted is not None and key is not None:
            quoted = f"{quoted} {line.strip()}"
            folded.append((j + 1, key))
            if line.rstrip().endswith(quoted[0]):
                fields.setdefault(key, _unquoted(quoted))
                quoted = None
            continue
        if line.strip() in (FENCE, "..."):
            return HeaderBlock(1, j + 1, fields, tuple(folded)) if fields else None
        if m := _YAML_FIELD.match(line):
            key = m.group(1).lower()
            value = (m.group(2) or "").strip()
            if value[:1] in _QUOTE_MARKS and not _closes(value):
                quoted = value
            else:
                fields.setdefault(key, _unquoted(value))
        elif key is not None and line[:1] in (" ", "\t", "-"):
            item = _unquoted(_YAML_ITEM.sub("", line.strip()))
            fields[key] = ", ".join(v for v in (fields[key], item) if v)
            folded.append((j + 1, key))
        elif line.strip():
            return None
    return None


def _closes(value: str) -> bool:
    """Whether a value that opens with a quote mark closes it on the same line."""
    return len(value) >= 2 and value.endswith(value[0])


def _unquoted(value: str) -> str:
    value = value.strip()
    return value[1:-1].strip() if value[:1] in _QUOTE_MARKS and _closes(value) else value


def find_field_block(lines: Sequence[str], headers: Sequence[HeaderBlock], known: re.Pattern[str]) -> HeaderBlock | None:
    """The ``Key: value`` fields at the top of a document, under its title: ``Author:`` and
    ``Date:`` lines, a PEP's ``Status:`` and ``Type:``. Two fields in a row make a block
    whatever their names; one alone must be a field the lexicon knows. Values that end a
    sentence are prose ("Update: we shipped it."), a document's first line may be its title
    ("Product Council: minutes"), and an e-mail's headers are its own. ``known`` matches the
    field names the look-alikes lexicon lists."""
    in_headers = {n - 1 for b in headers for n in range(b.line, b.last_line + 1)}
    content = [i for i, line in enumerate(lines) if line.strip()][:FIELD_BLOCK_START]
    for start in content:
        if start in in_headers:
            return None
        j, fields = start, {}
        while j < len(lines) and key_value(lines[j].strip()) and (
                not ends_sentence(lines[j]) or _names_text(lines[j])):
            key, value = lines[j].split(":", 1)
            fields.setdefault(key.strip().lower(), value.strip())
            j += 1
        # A document's first line may be its title written as "Topic: subtitle".
        first_known = bool(known.match(lines[start].strip()))
        if (j - start >= 2 and (start != content[0] or first_known)) or (j - start == 1 and first_known):
            return HeaderBlock(start + 1, j, fields)
    return None


def _names_text(line: str) -> bool:
    """The field names the text itself ("Subject: Farewell to our treasurer."): a title may end
    with a full stop, where another field's value that does ("Update: we shipped it.") is prose."""
    return line.split(":", 1)[0].strip().lower() in (*_SUBJECT_KEYS, "title")


def find_thread_marks(lines: Sequence[str]) -> list[ThreadMark]:
    """The lines that announce the other messages of an e-mail thread, in order."""
    marks = []
    i = 0
    while i < len(lines):
        line, following = lines[i], lines[i + 1] if i + 1 < len(lines) else ""
        if m := _THREAD_MARK.match(line):
            kind = EARLIER if m.group("earlier") else FORWARD if m.group("forward") else QUOTING
            marks.append(ThreadMark(i + 1, kind, i + 1))
        elif _OUTLOOK_RULE.match(line) and _HEADER.match(following):
            marks.append(ThreadMark(i + 1, EARLIER, i + 1))
        elif (line.strip() and not _THREAD_MARK.match(following)
              and (m := _THREAD_MARK.match(f"{line.rstrip()} {following.strip()}")) and m.group("quoting")):
            marks.append(ThreadMark(i + 1, QUOTING, i + 2))
            i += 1
        i += 1
    return marks


def find_chat_turns(lines: Sequence[str]) -> list[ChatTurn]:
    """The speaker lines of a chat export, of a chat copied from an assistant's page, or of a
    conversation copied from a team chat: a chat when two speakers or more take turns. A line
    shaped like one alone, or the same "speaker" each time, titles a note ("Platform weekly
    sync - 2025-04-08")."""
    turns = [ChatTurn(number, m.group("speaker").strip(), m.group("time"))
             for number, line in enumerate(lines, start=1) if (m := CHAT_HEADER.match(line))]
    if not _conversation(turns):
        turns = [ChatTurn(number, m.group("speaker"), m.group("time") or m.group("stamp") or m.group("day"))
                 for number, line in enumerate(lines, start=1) if (m := _TEAM_CHAT_HEADER.match(line))]
    if not _conversation(turns):
        turns = [ChatTurn(number, m.group("speaker") or m.group("role"), None)
                 for number, line in enumerate(lines, start=1) if (m := _SAID_HEADER.match(line))]
    if not _conversation(turns):
        turns = [ChatTurn(number, m.group("speaker"), m.group("time"), inline=True)
                 for number, line in enumerate(lines, start=1) if (m := _LINE_TURN.match(line))]
        # An agenda's "10:00 Intro: welcome" names each item once; people in a chat speak again.
        if len(turns) == len({t.speaker for t in turns}):
            turns = []
    if not _conversation(turns):
        turns = [ChatTurn(number, m.group("role"), None, inline=True)
                 for number, line in enumerate(lines, start=1) if (m := _ROLE_TURN.match(line))]
    return turns if _conversation(turns) else []


def _conversation(turns: Sequence[ChatTurn]) -> bool:
    return len({t.speaker for t in turns}) >= 2


def turn_prefix(text: str) -> int:
    """How many characters of a one-line chat message are its time stamp and speaker
    ("[09:14] Ravi: " of "[09:14] Ravi: I merged it"); 0 for other lines."""
    m = _LINE_TURN.match(text) or _ROLE_TURN.match(text)
    return m.start("message") if m else 0


def front_matter_fields(lines: Sequence[str], until: int, headers: Sequence[HeaderBlock], known: re.Pattern[str],
                        front: HeaderBlock | None = None) -> dict[str, str]:
    """The known header fields under the title (``author``, ``status``...), ``Date:``/
    ``Created:`` style fields before line ``until``, and the first e-mail's dates. A key
    the lexicon does not know stays out: keys are not redacted, and a document's own words
    must not become one ("PEP", "Reviewed by Dana")."""
    found = {k: v for k, v in front.fields.items() if known.match(f"{k}: {v}")} if front else {}
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


@lru_cache(maxsize=DATES_KEPT)
def parse_date(value: str) -> str | None:
    """An ISO date (YYYY-MM-DD) from the common ways memos and e-mails write one, with or
    without a time after it.

    Kept for the values last asked about: the outline, the line features and the digest
    ask about the same lines and their first words, and a value with a four-digit number
    ("Since 2018, Babel") fails every format before it is refused, about 0.3 ms each time.
    """
    value = _ORDINAL.sub(r"\1", value.strip())  # "October 18th, 2024" as "October 18, 2024"
    day = _parse_day(value)
    if day is None and (untimed := _TRAILING_TIME.sub("", value)) != value:
        day = _parse_day(untimed)
    return day


def dateline(line: str) -> bool:
    """The line is a date, or a date and words that run on from it in lower case
    ("October 7, 2025 by the people team"): a dateline, not a title. A date that opens a
    title ("2024-06-14 Standup") is left alone."""
    tokens = line.split()
    for n in range(min(len(tokens), MAX_DATE_TOKENS), 0, -1):
        if parse_date(" ".join(tokens[:n])):
            return n == len(tokens) or tokens[n][0].islower()
    return False


def _parse_day(value: str) -> str | None:
    if not _YEAR.search(value):
        return None  # every format we read writes the year in full; strptime is slow
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
