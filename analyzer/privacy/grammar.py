"""What the parse says about one word: the grammatical signs that it names a person.

Only people are addressed ("Ravi, can you..."), coordinated with "I" or "she" ("Björn and
I"), followed by "who", called "he" or "she" next, or the subject or object of verbs such as
"want", "tell" or "hire" (the ``person_verb`` words of ``pii_patterns.tsv``); so is a full
name "of" an organisation.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from .reader import MAX_NAME_WORDS

# Words that bring in another name for whoever was just named: "Ana Lima (aka Lima Bean)".
ALIAS_MARKS = frozenset({"aka", "a.k.a.", "a.k.a"})

if TYPE_CHECKING:
    from .reader import NameReader

# How far after "Name," a job title may end: "Senior Staff Engineer".
ROLE_WINDOW = 3


def person_verb(reader: NameReader, token: Token) -> str | None:
    """The verb that makes ``token`` a person: "Quinn wants", "told Quinn", "spoke with Quinn"."""
    head = token.head
    verbs = reader.words["person_verb"]
    if token.dep_ == "pobj":
        # A verb and its particle ("loop in Arjun", "bring in Tamsin") may be listed together.
        phrasal = f"{head.head.lemma_.lower()} {head.lower_}"
        if phrasal in verbs:
            return phrasal
        if head.lower_ not in ("with", "to", "by"):
            return None
        head = head.head
    elif token.dep_ not in ("nsubj", "dobj", "dative"):
        return None
    return head.lemma_ if head.lemma_.lower() in verbs else None


def followed_by_role(reader: NameReader, token: Token) -> bool:
    """ "Will Grant, Senior Analyst": a name, a comma, then a job title on the same line."""
    doc = reader.doc
    if token.i + 2 >= len(doc) or doc[token.i + 1].text != ",":
        return False
    line = reader.line_of(token)
    after = [t for t in doc[token.i + 2:token.i + 2 + ROLE_WINDOW] if reader.line_of(t) == line]
    # A title that is the subject of what follows opens a clause of its own: "If you're on
    # Classic, your manager will sit down with you."
    return any(reader.role_word(t) and t.dep_ not in ("nsubj", "nsubjpass") for t in after)


def described_as_a_person(reader: NameReader, token: Token) -> bool:
    """"Coral Hart, my colleague who runs the registry", "Teo Sands (a longtime mentor of
    mine)": the name's own description, after a comma or a bracket and with "my", "our" or
    "a", is a word for one person. Both words of such a name may be ordinary words ("coral",
    "hart"), which keeps it from the model and the rules that read a capital alone."""
    after = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if after is None or after.text not in (",", "("):
        return False  # "Vocabulary (maintainer: Zack Krida)" describes the product by its maintainer
    return any(c.dep_ == "appos" and c.lemma_.lower() in reader.words["person_noun"]
               and any(d.dep_ in ("poss", "det") for d in c.children) for c in token.children)


def named_again_as_subject(reader: NameReader, token: Token) -> bool:
    """"- Aiko Tanabe: Aiko worked on the parser": a full name, a colon, then its first word as
    the subject of the sentence after it, as a list of a team's members tells what each did. A
    product is not named twice so ("- Vite: Vite bundles…" has one word, and is left alone)."""
    run = reader.run_at(token.i)
    if run is None or run[0] != token.i or len(reader.name_words(*run)) < 2:
        return False
    doc = token.doc
    after = [t for t in doc[run[1]:run[1] + 3] if not t.is_space]
    return len(after) >= 2 and after[0].text == ":" and after[1].text == token.text and after[1].dep_ in (
        "nsubj", "nsubjpass")


def named_after_i(token: Token) -> bool:
    """"Three colleagues and I (Priya Raman) will have left by December": the writer names
    themselves in brackets after "I" or "me"."""
    doc = token.doc
    return token.i >= 2 and doc[token.i - 1].text == "(" and doc[token.i - 2].text in ("I", "me")


def takes_a_role(reader: NameReader, token: Token) -> bool:
    """"Ingrid will step in as acting Director", "the board appointed Dana as interim CFO":
    the subject or object of a verb whose "as" names a job."""
    if token.dep_ not in ("nsubj", "dobj"):
        return False
    return any(prep.dep_ == "prep" and prep.lower_ == "as" and any(
        o.dep_ == "pobj" and reader.role_word(o) for o in prep.children) for prep in token.head.children)


def preceded_by_role(reader: NameReader, token: Token) -> bool:
    """"Executive Director, Ines Halvorsen": a job title, a comma, then the name, on one line."""
    return _after_a_title(reader, token) and not _title_of_a_name(reader, token.i - 1)


def where_a_person_works(reader: NameReader, token: Token) -> bool:
    """"Daniel Fairweather, Operations Lead, Brackenridge": after the job title of a name
    written before it, a word names an organisation."""
    return _after_a_title(reader, token) and _title_of_a_name(reader, token.i - 1)


def _after_a_title(reader: NameReader, token: Token) -> bool:
    """A job title and a comma right before the token, on its line."""
    doc = reader.doc
    if token.i < 2 or doc[token.i - 1].text != ",":
        return False
    line = reader.line_of(token)
    before = [t for t in doc[max(token.i - 1 - ROLE_WINDOW, 0):token.i - 1] if reader.line_of(t) == line]
    return any(reader.role_word(t) for t in before)


def _title_of_a_name(reader: NameReader, comma: int) -> bool:
    """"Daniel Fairweather, Operations Lead, Brackenridge Supplies", "Dana Kim (Founder,
    Quillon)", a signature's name line
    over "CEO, Pebblecrest", or a form's "Role: Analyst, Orchard Health": the job title before
    the comma at ``comma`` belongs to a name written before it (or is a form's value), so what
    comes after it is where that person works, not a second person."""
    doc = reader.doc
    line = reader.line_of(doc[comma])
    i = comma - 1
    while i >= 0 and comma - i <= ROLE_WINDOW + 2 and reader.line_of(doc[i]) == line and (
            doc[i].text[:1].isupper() or doc[i].lower_ in _INSIDE_TITLES):
        i -= 1
    if i > 0 and doc[i].text == ":" and doc[i - 1].lower_ in _ROLE_FIELDS:
        return True  # "Role: Customer Success Specialist II, Orchard Health"
    if i < 0 or reader.line_of(doc[i]) != line:
        above = [t for t in reader.lines.get(line - 1, []) if not t.is_punct]
        return 0 < len(above) <= MAX_NAME_WORDS and all(reader.name_like(t, judge_position=False) for t in above)
    # "Tomas Reyne (Founder, Quillon)": the title in brackets after a name is that person's.
    return i > 0 and doc[i].text in (",", "(") and reader.name_like(doc[i - 1], judge_position=False)


# Fields whose value is a job title, and the employer after it: "Role: Analyst, Orchard Health".
_ROLE_FIELDS = frozenset({"role", "title", "position", "job", "designation"})
# Small words inside a job title ("Head of IT", "Director of Research and Policy").
_INSIDE_TITLES = frozenset({"of", "and", "for", "&"})
# Words that tie a full name to the organisation named after it, and how many capitalised
# words that name may run to.
AFFILIATING = frozenset({"of", "from", "at"})
ORGANISATION_REACH = 6


def of_an_organisation(reader: NameReader, token: Token) -> bool:
    """"Marguerite Dubois of the Fennick Institute", "Perrin Oyelaran from Holbrook Wade
    Solicitors": a full name, then "of", "from" or "at" and, on the same line, a capitalised
    name with an organisation word. The model often reads such a name as a place; an
    organisation's name is never its own ("University of Leeds" has an organisation word)."""
    run = reader.run_at(token.i)
    if run is None or token.i != run[1] - 1 or len(reader.name_words(*run)) < 2:
        return False
    doc, line = reader.doc, reader.line_of(token)
    i = run[1]
    if i >= len(doc) or doc[i].lower_ not in AFFILIATING:
        return False
    i += 1 + (i + 1 < len(doc) and doc[i + 1].lower_ == "the")
    named = list(itertools.takewhile(lambda t: t.text[:1].isupper() and reader.line_of(t) == line,
                                     doc[i:i + ORGANISATION_REACH]))
    return any(reader.org_word(t) for t in named)


def possessive_full_name(reader: NameReader, token: Token) -> bool:
    """"Bram Ostrander's deck": two or more name words, then "'s". One word ("Google's") is not enough."""
    if not any(c.dep_ == "case" and c.lower_ in ("'s", "’s") for c in token.children):
        return False
    run = reader.run_at(token.i)
    return run is not None and run[1] == token.i + 1 and len(reader.name_words(*run)) > 1


def before_gendered_pronoun(reader: NameReader, token: Token) -> bool:
    """"Paula left. Nobody has replaced her.": the next he/she/him/her, in this sentence or
    the next, with no other proper noun between, refers to this name."""
    doc, sent = reader.doc, token.sent
    if _in_brackets(token) or _place_like(token):
        return False  # "Leo (Senior Designer) … his", "remote from Cardiff. He will…"
    end = doc[sent.end].sent.end if sent.end < len(doc) else sent.end
    line = reader.line_of(token)
    for t in doc[token.i + 1:end]:
        previous, line = line, reader.line_of(t)
        if line > previous + 1 or line in reader.heading_lines:
            return False  # past a paragraph's end or a heading, "she" is someone else
        if t.tag_ in ("PRP", "PRP$") and t.morph.get("Gender") in (["Masc"], ["Fem"]):
            return True
        if t.pos_ == "PROPN" and reader.name_like(t):
            return False
    return False


def _place_like(token: Token) -> bool:
    """The object of "in", "from", "at"…, or of a noun's "to" ("relocation to Cardiff"; a
    verb's "spoke to Dana" names a person)."""
    if token.dep_ != "pobj":
        return False
    prep = token.head
    return prep.lower_ in PLACE_PREPOSITIONS or (prep.lower_ == "to" and prep.head.pos_ == "NOUN")


def _in_brackets(token: Token) -> bool:
    """Whether the token stands in brackets opened a few words before it on its line."""
    for t in reversed(token.doc[max(token.i - BRACKET_REACH, 0):token.i]):
        if t.text in (")", "\n") or "\n" in t.text:
            return False
        if t.text == "(":
            return True
    return False


def personal_pronoun(token: Token) -> bool:
    return token.tag_ == "PRP" and "Neut" not in token.morph.get("Gender")


def shouted(sent: Span) -> bool:
    words = [t for t in sent if t.is_alpha and len(t) > 1]
    return bool(words) and sum(t.is_upper for t in words) * 2 > len(words)


def vocative(token: Token) -> bool:
    """"Ravi, can you...", "...push back, Aiyana?": a name addressed in a sentence to "you"."""
    doc, sent = token.doc, token.sent
    you = any(t.tag_ == "PRP" and t.morph.get("Person") == ["2"] for t in sent)
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    before = doc[token.i - 1] if token.i > 0 else None
    opening = token.i == sent.start and after is not None and after.text == ","
    closing = before is not None and before.text == "," and after is not None and after.text in ("?", "!", ".")
    return you and (opening or closing)


def relative_who(token: Token) -> bool:
    """"Ifeoma and Lars, who carried the team", "Lars (who carried it)": "who" refers to people."""
    doc = token.doc
    following = [t for t in doc[token.i + 1:token.i + 3] if t.text not in (",", "(", "—", "–")][:1]
    return bool(following) and following[0].lower_ in ("who", "whom", "whose") and following[0].tag_ in ("WP", "WP$")


def with_pronoun(token: Token) -> bool:
    """"Björn and I", "you and Dana", "for him and for Nadia": only people are coordinated with
    personal pronouns."""
    doc = token.doc
    after, before = doc[token.i + 1:token.i + 3], doc[max(token.i - 2, 0):token.i]
    if token.dep_ == "pobj" and any(personal_pronoun(o) for prep in token.head.conjuncts
                                    for o in prep.children if o.dep_ == "pobj"):
        return True
    return (any(personal_pronoun(c) for c in token.conjuncts)
            or (len(after) == 2 and after[0].lower_ in ("and", "&") and personal_pronoun(after[1]))
            or (len(before) == 2 and before[1].lower_ in ("and", "&") and personal_pronoun(before[0])))


# A word after these is a place more often than a person: "remote from Cardiff".
PLACE_PREPOSITIONS = frozenset({"in", "at", "from", "near", "outside", "inside", "across", "around"})
# How far back an opening bracket may stand for a name to be read as inside it.
BRACKET_REACH = 4
# The words of "the finance team" after "Ana and": at most this many, the people noun last.
PEOPLE_PHRASE = 4


def with_people(reader: NameReader, token: Token) -> bool:
    """"left Ana and the finance team scrambling": a word the model tags as no organisation,
    place or product, coordinated with a noun for people, is one of them."""
    if token.ent_type_ not in ("", "PERSON"):
        return False
    doc, people = token.doc, reader.words["people_noun"]
    if token.i + 1 < len(doc) and doc[token.i + 1].lower_ in ("and", "&"):
        for t in doc[token.i + 2:token.i + 2 + PEOPLE_PHRASE]:
            if t.lower_ in people and t.pos_ == "NOUN":
                return True
            if t.pos_ not in ("DET", "PRON", "NOUN", "ADJ", "PROPN") or t.dep_ not in ("det", "poss", "compound", "amod"):
                return False
    before = doc[max(token.i - 2, 0):token.i]
    return len(before) == 2 and before[1].lower_ in ("and", "&") and before[0].lower_ in people and before[0].pos_ == "NOUN"


def named_by_alias(token: Token) -> Token | None:
    """The name that ``token`` is another name for: "Léon du Marais" in "Paul Renner (known in
    the community as Léon du Marais)" or "Tom Brown, better known as Tombo", and "Lima Bean"
    in "Ana Lima (aka Lima Bean)"; None for any other word."""
    head = token.head
    known = head.head
    if token.dep_ == "pobj" and head.lower_ == "as" and known.lower_ == "known" and known.dep_ in ("acl", "appos"):
        return known.head
    if token.dep_ == "appos" and any(c.lower_ in ALIAS_MARKS for c in token.children):
        return head
    return None
