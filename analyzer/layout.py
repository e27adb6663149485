"""Facts about a single line of text that both sentence splitting and heading detection need."""

from __future__ import annotations

import re

_TERMINAL = re.compile(r"[.!?…]+[\"'’”)\]]*$")
_BULLET = re.compile(r"^\s*(?:[-*+•◦‣▪>]\s|\([a-z0-9]{1,3}\)\s|[a-z][.)]\s)")
# Anything that opens a new block: a bullet, an enumerator, a markdown heading, a table row.
_BLOCK_START = re.compile(r"^\s*(?:[-*+•◦‣▪>#|]|\d+[.)]\s|[a-zA-Z][.)]\s|\(\w{1,3}\)\s)")


def ends_sentence(line: str) -> bool:
    """The line ends with a full stop, question or exclamation mark (quotes and brackets allowed)."""
    return bool(_TERMINAL.search(line.rstrip()))


def is_bullet(line: str) -> bool:
    return bool(_BULLET.match(line))


def starts_block(line: str) -> bool:
    return bool(_BLOCK_START.match(line))


def is_blank(line: str) -> bool:
    """No letter or digit: empty lines, stray full stops and rules such as ``---`` separate blocks."""
    return not any(c.isalnum() for c in line)


def indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))
