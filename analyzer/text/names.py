"""Words that are part of a name: they name a company, a place or a work, and say nothing.

"Penhallow Health" is a customer, not exhaustion; "Hope Street" is an address, not hope. The
model finds such names as entities; a capitalised word inside one of two words or more, past
its sentence's first word (which any sentence capitalises), is read as the name it belongs to.
"""

from __future__ import annotations

from spacy.tokens import Token

# The entity labels that name someone or something.
NAMING = frozenset({"ORG", "PERSON", "GPE", "LOC", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW", "NORP"})


def in_a_name(token: Token) -> bool:
    """Whether the token is a capitalised word of a name of two words or more, past its
    sentence's first word."""
    if token.ent_type_ not in NAMING or token.pos_ != "PROPN" or not token.is_title:
        return False
    if token.is_sent_start:
        return False
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return token.ent_iob_ == "I" or (following is not None and following.ent_iob_ == "I")
