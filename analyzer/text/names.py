"""Words that are part of a name: they name a company, a place or a work, and say nothing.

"Penhallow Health" is a customer, not exhaustion; "Hope Street" is an address, not hope. The
model finds such names as entities; a capitalised word inside one of two words or more, past
its sentence's first word (which any sentence capitalises), is read as the name it belongs to.
A product's name often has no entity ("the Drain Keeper"), but in running prose its words
are still proper nouns in capitals side by side, after an article or a preposition; a title
in capitals ("Notice: Phishing Incident Affecting Staff") or a label ("Stress and Capacity
Concerns:") has them too, and means its words.
"""

from __future__ import annotations

from spacy.tokens import Token

# The entity labels that name someone or something.
NAMING = frozenset({"ORG", "PERSON", "GPE", "LOC", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW", "NORP"})


def in_a_name(token: Token) -> bool:
    """Whether the token is a capitalised word of a name of two words or more, past its
    sentence's first word."""
    if token.pos_ != "PROPN" or not token.is_title or token.is_sent_start:
        return False
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if token.ent_type_ in NAMING:
        return token.ent_iob_ == "I" or (following is not None and following.ent_iob_ == "I")
    if token.ent_type_ or not any(_unnamed_name_word(t) for t in (token.nbor(-1), following) if t is not None):
        return False
    start = token
    while _unnamed_name_word(start.nbor(-1)):
        start = start.nbor(-1)
    before = start.nbor(-1)
    return before.is_lower and (before.pos_ in ("DET", "ADP") or before.tag_ == "PRP$")


def _unnamed_name_word(token: Token) -> bool:
    """A capitalised proper noun that no entity holds, past its sentence's first word."""
    return token.pos_ == "PROPN" and token.is_title and not token.ent_type_ and not token.is_sent_start
