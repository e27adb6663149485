"""Which part of a pasted text is the writer's, and how the digest lists the parts it leaves out.

A digest tells a reader what one writer says and feels. A chat export holds several
writers' turns; the digest is about the turn a user pasted (the longest). An e-mail thread
holds several messages: a reply is about the reply, not the message it answers, which
follows it under "-----Original Message-----" or is quoted line by line ("> …") under
"On …, Sam wrote:"; a forward is about the message forwarded, not its covering note. The
parts left out are listed, so a reader knows they are there, and none of their words make a
gist or a feeling of the writer's, nor count in the document's sentiment and stress index.
Nor do those of a footer a mail program or a company appends ("Sent from my phone"), which
is left out unlisted.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..text.lines import line_runs, lines_text
from ..text.markup import QUOTE_MARKS
from .layout import ends_sentence
from .metadata import EARLIER, FORWARD, HeaderBlock, Metadata, ThreadMark, parse_date

# A letter or a digit: a line without one (blank, a rule) starts or ends no run of lines read.
_WORD = re.compile(r"[^\W_]")
# How the digest lists the parts it leaves out: label and role of the item.
CHAT_LABEL, CHAT_ROLE = "Other turns in the chat", "turns"
THREAD_LABEL, THREAD_ROLE = "Other messages in the thread", "messages"
# A covering note's words for the message it passes on: "the following e-mail", "the message
# below", "forwarding the letter".
_PASSES_ON = re.compile(r"\b(?:(?:the )?following|forward(?:ed|ing)?)(?: \w+){0,2}? (?:e-?mail|message|letter|memo)s?\b"
                        r"|\b(?:e-?mail|message|letter|memo)s? below\b", re.IGNORECASE)
# Words above a message's headers that may be only a title ("MEMORANDUM", "Hiring update").
MAX_TITLE_WORDS = 8


@dataclass(frozen=True)
class Focus:
    """The lines the digest draws on (1-based, inclusive), the lines between them that are not
    the writer's (quoted, marks between messages, a footer), and how the digest lists what it
    leaves out."""

    first: int
    last: int
    skipped: frozenset[int] = frozenset()
    label: str = ""
    role: str = ""
    others: tuple[str, ...] = ()

    def holds(self, line: int) -> bool:
        return self.first <= line <= self.last and line not in self.skipped

    def covers(self, line_count: int) -> bool:
        """Whether every line of a text of ``line_count`` lines is the writer's."""
        return self.first <= 1 and self.last >= line_count and not self.skipped

    def runs(self, lines: Sequence[str]) -> list[tuple[int, int]]:
        """The lines held, as runs of first and last line that start and end with a word:
        the blank line before "On …, Sam wrote:" is nobody's."""
        trimmed = []
        for first, last in line_runs(n for n in range(self.first, self.last + 1) if n not in self.skipped):
            worded = [n for n in range(first, last + 1) if _WORD.search(lines[n - 1])]
            if worded:
                trimmed.append((worded[0], worded[-1]))
        return trimmed


def focus_of(metadata: Metadata, lines: Sequence[str], footer: re.Pattern[str], signoffs: frozenset[int],
             assistant: re.Pattern[str]) -> Focus:
    """The chat turn a user pasted to an assistant, the message of an e-mail, or every line
    (a conversation among people is read whole); in each, less the footer below the message
    (``footer`` opens one of its paragraphs; ``assistant`` an assistant's speaker name)."""
    if len(metadata.turns) >= 2 and any(assistant.match(t.speaker) for t in metadata.turns):
        focus = _chat_focus(metadata, len(lines), assistant)
    elif metadata.threads or metadata.headers:
        focus = _thread_focus(metadata, lines)
    else:
        focus = Focus(1, len(lines))
    below = _footer_lines(lines, focus, footer, signoffs)
    return replace(focus, skipped=focus.skipped | below) if below else focus


def _footer_lines(lines: Sequence[str], focus: Focus, footer: re.Pattern[str],
                  signoffs: frozenset[int]) -> frozenset[int]:
    """The lines from the first paragraph a footer opens ("Sent from my phone",
    "CONFIDENTIALITY NOTICE: …") to the message's end: a paragraph below the message's last
    sign-off, or one that only footers follow: above the sign-off, with the writer's own
    words after it, it is the writer's."""
    starts = [n for n in range(focus.first, focus.last + 1) if focus.holds(n) and lines[n - 1].strip()
              and (n == focus.first or not lines[n - 2].strip())]
    footers = [n for n in starts if footer.match(lines[n - 1].strip())]
    signed = max((n for n in signoffs if focus.holds(n)), default=None)
    for n in footers:
        if (signed is not None and n > signed) or all(m in footers for m in starts if m > n):
            return frozenset(range(n, focus.last + 1))
    return frozenset()


def _chat_focus(metadata: Metadata, line_count: int, assistant: re.Pattern[str]) -> Focus:
    """The longest turn of the user's (not the assistant's): the text the user pasted."""
    turns = metadata.turns
    bounds = [(t.line, (turns[k + 1].line - 1) if k + 1 < len(turns) else line_count) for k, t in enumerate(turns)]
    users = [b for b, t in zip(bounds, turns) if not assistant.match(t.speaker)] or bounds
    first, last = max(users, key=lambda b: b[1] - b[0])
    others = tuple(f"{t.speaker} ({f'{t.time}, ' if t.time else ''}line {t.line})"
                   for t in turns if not first <= t.line <= last)
    return Focus(first, last, label=CHAT_LABEL, role=CHAT_ROLE, others=others)


def _thread_focus(metadata: Metadata, lines: Sequence[str]) -> Focus:
    """The reply above the first message set out in full below it, or the message forwarded
    (with whatever it carries below); either way without the lines quoted under "On … wrote:"
    and without the marks between messages."""
    first, last, others = 1, len(lines), []
    full = next((m for m in _full_messages(metadata) if _has_text(lines, 1, m[0] - 1, metadata.headers)), None)
    if full is not None:
        line, kind, block = full
        if kind == FORWARD or _introduces(lines, line - 1):
            first = block.line if block is not None else line + 1
            others.append(f"the covering note (lines 1–{line - 1})")
        else:
            last = line - 1
            others.append(_message(line, block))
    quoted = [n for n in range(first, last + 1) if QUOTE_MARKS.match(lines[n - 1])]
    if quoted:
        # Listed by their lines alone: in a short e-mail every word of the digest counts.
        others.append(f"quoted {lines_text(line_runs(quoted))}")
    # A mark ("On …, Sam wrote:") is the thread's furniture, never a sentence of the message.
    marks = [n for m in metadata.threads for n in range(m.line, m.last_line + 1) if first <= n <= last]
    skipped = frozenset(quoted + marks)
    return Focus(first, last, skipped, THREAD_LABEL, THREAD_ROLE, tuple(others))


def _introduces(lines: Sequence[str], last: int) -> bool:
    """Whether the last paragraph above a message set out in full says it passes that message
    on ("On Monday we sent the message below to every member", "The message below went to
    all staff"): a covering note, as a forward's is, however the message is marked."""
    paragraph: list[str] = []
    for n in range(last, 0, -1):
        text = lines[n - 1].strip()
        if not _WORD.search(text):
            if paragraph:
                break
            continue
        paragraph.insert(0, text)
    return bool(_PASSES_ON.search(" ".join(paragraph)))


def _full_messages(metadata: Metadata) -> list[tuple[int, str, HeaderBlock | None]]:
    """Where each message set out in full starts, its kind and its headers: at a mark
    ("-----Original Message-----", a forward's, Outlook's rule of underscores), or at a
    header block of its own ("From: … Sent: …" under the reply, as Outlook also sets out
    the message replied to). Outlook marks a message it forwards as it marks one replied
    to; the subject tells them apart ("FW: …")."""
    earlier = FORWARD if metadata.forwarded() else EARLIER
    marked = [(m.line, FORWARD if m.kind == FORWARD else earlier, _block_after(m, metadata.headers))
              for m in metadata.threads if m.kind in (EARLIER, FORWARD)]
    under_marks = {block.line for _, _, block in marked if block is not None}
    blocks = [(b.line, earlier, b) for b in metadata.headers if b.line not in under_marks]
    return sorted(marked + blocks, key=lambda m: m[0])


def _has_text(lines: Sequence[str], first: int, last: int, headers: Sequence[HeaderBlock]) -> bool:
    """Whether lines ``first``..``last`` hold a message outside the e-mail headers: a
    sentence, or more words than a title. A title over a memo's own header block
    ("MEMORANDUM" over "TO: … FROM: … RE: …") is not a reply above an earlier message."""
    in_headers = {n for b in headers for n in range(b.line, b.last_line + 1)}
    text = [lines[n - 1].strip() for n in range(first, last + 1) if n not in in_headers and lines[n - 1].strip()]
    return any(ends_sentence(line) for line in text) or sum(len(line.split()) for line in text) > MAX_TITLE_WORDS


def _block_after(mark: ThreadMark, headers: Sequence[HeaderBlock]) -> HeaderBlock | None:
    return next((b for b in headers if b.line == mark.last_line + 1), None)


def _message(line: int, block: HeaderBlock | None) -> str:
    """An earlier message as the digest lists it: its sender and date when its headers say."""
    if block is None:
        return f"the earlier message (line {line})"
    sender = block.fields.get("from", "").split("<")[0].strip().strip('"') or "the earlier message"
    sent = block.fields.get("sent") or block.fields.get("date")
    when = (parse_date(sent) or sent) if sent else None
    return f"{sender} ({when}, line {line})" if when else f"{sender} (line {line})"
