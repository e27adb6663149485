"""What counts as a word, decided once so every count in a report agrees."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token


def is_word(token: Token) -> bool:
    """A token with a letter or digit, except clitics such as "n't" and "'s"."""
    text = token.text
    if text[0] in "'’" or text.lower() in ("n't", "n’t"):
        return False
    return any(c.isalnum() for c in text)


def word_count(tokens: Iterable[Token]) -> int:
    return sum(1 for t in tokens if is_word(t))
