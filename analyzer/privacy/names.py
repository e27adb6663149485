"""What a name looks like, and one way to compare names however they are written.

"José", "JOSE" and "jose" must be found as one name, and so must "Rafał" and "Rafal": a
renderer or a reader may drop accents, and the leak check must still see the name.
"""

from __future__ import annotations

import re
import unicodedata

# Letters that carry no combining mark, so NFKD cannot strip them to ASCII.
_BARE = {"ł": "l", "ø": "o", "đ": "d", "ð": "d", "ħ": "h", "ı": "i", "æ": "ae", "œ": "oe", "þ": "th"}
_PLAIN = str.maketrans({**_BARE, **{k.upper(): v.capitalize() for k, v in _BARE.items()}, "’": "'"})
# A word of letters, with inner apostrophes or hyphens ("O'Neill", "Smith-Jones").
_WORD = re.compile(r"^[^\W\d_]+(?:['’-][^\W\d_]+)*$")


def plain(text: str) -> str:
    """``text`` without accents, case kept: "Nguyễn Rafał" -> "Nguyen Rafal"."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_PLAIN))
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


def fold(text: str) -> str:
    """Case- and accent-free form of ``text`` for comparing names."""
    return plain(text).casefold()


def is_plain_word(text: str) -> bool:
    """Letters only, perhaps joined by an apostrophe or hyphen ("O'Neil", "Müller-Łukasz"):
    a string, unlike ``text.words.is_word``, which counts a token as a word."""
    return bool(_WORD.match(text))


def is_caps(text: str) -> bool:
    """An ALL-CAPS word of two letters or more ("DANA")."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def is_title(text: str, prefixes: set[str]) -> bool:
    """A capitalised word whose other capitals, if any, follow a name prefix ("McAllister").

    Any other inner capital ("JetBrains", "GitHub") marks a product name, not a person.
    """
    if not is_plain_word(text) or not text[0].isupper() or is_caps(text):
        return False
    for piece in re.split(r"['’-]", text):
        if not piece or not piece[0].isupper():
            continue
        inner = [i for i, c in enumerate(piece) if i and c.isupper()]
        if inner and not (len(inner) == 1 and piece[: inner[0]].lower() in prefixes):
            return False
    return True


def is_name_word(text: str, prefixes: set[str]) -> bool:
    """Shaped like a word of a name: capitalised or ALL-CAPS letters, two or more."""
    return len(text) >= 2 and (is_title(text, prefixes) or (is_plain_word(text) and is_caps(text)))
