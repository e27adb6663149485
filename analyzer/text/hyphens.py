"""Words a hard-wrapped text broke across two lines with a hyphen, made whole again.

Text copied out of a PDF or a word processor's print layout keeps the layout's line ends,
and a word too long for the end of a line is split there: "in-" on one line, "stallation"
on the next. Read as written, the digest quotes "in- stallation", and no lexicon, name or
claim pattern sees the word. The broken word's first half is moved down to the start of the
next line and joined to its second half, so every line keeps its number and no line is left
empty. Whether the hyphen goes is read first from the text itself, when it writes the word
elsewhere on one line ("workload", "decision-making"); else the hyphen stays when both halves
are words of the pronouncing dictionary textstat ships, as in a compound ("long-", "term"), and
goes when one is not, as when a word is cut between syllables ("in-", "stallation"; a name,
"Sou-", "za"), or is a prefix or a suffix the dictionary also lists ("pro-", "vide").
"""

from __future__ import annotations

import re
from collections.abc import Container

# A line of prose (several words) that ends in letters and a hyphen, and the line under it,
# which starts with the rest of the word in lower case.
_BROKEN_END = re.compile(r"^(?P<head>.*\S\s+\S+\s+)(?P<part>[^\W\d_]+)-$")
# Prefixes and suffixes the pronouncing dictionary also lists as words ("pro", "ing"): a half
# that is one of them is a syllable a typesetter cut off ("pro-" / "vide", "teach-" / "ing").
_PREFIXES = frozenset({"pre", "pro", "re", "de", "dis", "con", "com", "ex", "sub", "un", "mis", "per"})
_SUFFIXES = frozenset({"ing", "ings", "ed", "er", "ers", "or", "ors", "est", "ly", "al", "ally", "ment", "ments",
                       "ness", "tion", "tions", "sion", "able", "ible", "ous", "ive", "ity", "ize", "ise", "ful"})
_CONTINUED = re.compile(r"^(?P<indent>\s*)(?P<rest>[a-z]+)(?P<tail>.*)$")
# The same, anywhere in a text: letters and a hyphen at a line's end, lower case below.
_ANY_BREAK = re.compile(r"[^\W\d_]-\n\s*[a-z]")


def mend_broken_words(lines: list[str], words: Container[str]) -> list[str]:
    """The lines with each word broken at a line end whole at the start of the next line;
    ``words`` are the known words (lower case) that tell a compound from a word cut in two."""
    mended = list(lines)
    text = "\n".join(lines).lower()
    for i in range(len(mended) - 1):
        end = _BROKEN_END.match(mended[i])
        start = _CONTINUED.match(mended[i + 1])
        if end is None or start is None:
            continue
        part, rest = end.group("part"), start.group("rest")
        joined = part + rest if _one_word(part.lower(), rest, text, words) else f"{part}-{rest}"
        mended[i] = end.group("head").rstrip()
        mended[i + 1] = start.group("indent") + joined + start.group("tail")
    return mended


def _one_word(part: str, rest: str, text: str, words: Container[str]) -> bool:
    """Whether ``part`` and ``rest`` (lower case) make one word written without a hyphen."""
    if re.search(rf"\b{part}{rest}\b", text):
        return True
    if re.search(rf"\b{part}-{rest}\b", text):
        return False
    if part in _PREFIXES or rest in _SUFFIXES:
        return True
    return not (part in words and rest in words)


def has_broken_words(text: str) -> bool:
    """Whether any line may end in a broken word: a cheap test before the dictionary loads."""
    return bool(_ANY_BREAK.search(text))
