"""Markdown as a reader of the page sees it, for the text a report quotes."""

from __future__ import annotations

import re
from functools import lru_cache

# The marks that quote a line, as e-mail and Markdown write them: "> ", "> > ". Multi-line,
# so that one pattern also finds them at the start of every line of a sentence.
QUOTE_MARKS = re.compile(r"^[ \t]*(?:>[ \t]?)+", re.MULTILINE)

_EMPHASIS = re.compile(r"\*\*|__|`")
# Words in italics between single asterisks or underscores, not inside a word ("snake_case").
_ITALIC = re.compile(r"(?<![\w*])([*_])(?=\S)(.+?)(?<=\S)\1(?![\w*])")
# The half of such a pair left at either end of a sentence the splitter cut inside it.
_HALF_ITALIC = re.compile(r"^[*_](?=\w)|(?<=[\w.!?])[*_]$")
# Markdown a reader of the page never sees: a link shows its text, not its address (also a
# link a clause cut before its closing bracket); words struck through (~~…~~) are withdrawn,
# so a quote leaves them out.
_LINK = re.compile(r"!?\[([^\[\]]*)\]\((?:[^()\s]|\([^()\s]*\))+(?:\s+\"[^\"]*\")?\)")
_STRUCK = re.compile(r"~~.+?~~")
# A footnote's mark as Markdown writes it ("the core team[^core]"), which the page shows as a
# small number: the label is the writer's handle for the note, not words of the sentence.
_FOOTNOTE_MARK = re.compile(r"\[\^[^\]\s]+\]")
_CUT_LINK = re.compile(r"!?\[([^\[\]]*)\]\([^()\s]*$")


@lru_cache(maxsize=1024)
def as_read(text: str) -> str:
    """The text on one line as a reader of the page sees it: no quote mark or emphasis, a
    link's text without its address, no words struck through, no footnote mark's label.

    Kept for the last texts asked about: the digest reads each sentence so twice over (to
    quote it, and to see whether it quotes someone else), eight substitutions each time."""
    linked = _CUT_LINK.sub(r"\1", _LINK.sub(r"\1", _STRUCK.sub("", _FOOTNOTE_MARK.sub("", QUOTE_MARKS.sub("", text)))))
    flat = " ".join(_EMPHASIS.sub("", linked).split())
    return _HALF_ITALIC.sub("", _ITALIC.sub(r"\2", flat))
