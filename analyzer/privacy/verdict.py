"""Which candidates are people: the evidence for each weighed against the signs it is not.

Strong evidence is enough unless the name is on the allow list or is an acronym. Medium
evidence (the model's PERSON tag, "he" or "she" next) is enough unless the document shows
the word is something else: a word it also writes in lower case, a heading or "Label:", a
modifier of a common noun ("the Cody teams"), a thing used or worked in ("uses Cody"), a
product-shaped word or an organisation the model tags as such. A name listed with an
accepted person ("Rafał and Erik") is judged again with that evidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Token

from ..sections.component import SUBJECTS
from .evidence import LINK_OPENER, Candidate, Evidence, aliases, name_lists
from .grammar import person_verb, shouted, where_a_person_works
from .mention import PERSON
from .names import fold, is_caps, is_name_word, is_plain_word
from .reader import COMMON_TAGS, MAX_NAME_WORDS, NON_PERSON_ENTS, NameReader
from .rosters import affiliation, opens_item, rosters

# Single ALL-CAPS words this short are acronyms ("HR", "QA") unless strongly evidenced.
ACRONYM_LENGTH = 3
LISTED = "listed with a person"
IN_ROSTER = "in a list of people"
ALIAS = "another name of a person ('known as …')"
# Words before a title or a thing, never before a name.
DETERMINERS = frozenset({"the", "a", "an", "our", "their", "its"})
# An ALL-CAPS word this short beside a name makes a product name ("Travis CI", "Ingress NGINX").
PRODUCT_ACRONYM = 5
_PRODUCT_SHAPE = re.compile(r"[a-z][A-Z]|\w\.\w|\d")
# A later word of a name written this often in lower case is a word, not a surname ("Cloud Run").
ORDINARY_REPEATS = 2
# A line of at least this many longer words, all capitalised, is a title ("Saying Farewell To...").
TITLE_WORDS = 3
# The tags of a verb that needs a subject: "is", "joined", "lead", "will".
FINITE_TAGS = frozenset({"VBZ", "VBD", "VBP", "MD"})

Key = tuple[str, ...]
Run = tuple[int, int]


@dataclass(frozen=True)
class Verdict:
    """The people, each with the evidence that made it one, and the names left, each with why."""

    people: dict[Key, tuple[str, ...]]
    rejected: dict[str, tuple[str, ...]]
    # Where each accepted name was seen as a candidate (runs of tokens).
    runs: dict[Key, tuple[Run, ...]]


def judge(reader: NameReader, evidence: Evidence) -> Verdict:
    """Accept or reject every candidate, then the names listed with the accepted ones."""
    candidates = dict(evidence.candidates)
    rejected = {text: set(reasons) for text, reasons in evidence.rejected.items()}
    accepted: set[Key] = set()
    for key, candidate in candidates.items():
        objections = _objections(reader, key, candidate)
        if "deny list" in candidate.strong or not objections:
            accepted.add(key)
        else:
            rejected.setdefault(candidate.text, set()).update(objections)
    for key, candidate in _listed_people(reader, candidates, accepted):
        candidates[key] = candidate
        accepted.add(key)
    words = {w for k in accepted for w in k}
    return Verdict(
        people={k: candidates[k].reasons for k in accepted},
        # A rejected form whose words all belong to a person ("Ngozi" of "Ngozi Okonkwo") was redacted.
        rejected={text: tuple(sorted(reasons)) for text, reasons in rejected.items()
                  if not set(fold(text).split()) <= words},
        runs={k: tuple(candidates[k].runs) for k in accepted},
    )


def _objections(reader: NameReader, key: Key, candidate: Candidate, listed: bool = False) -> list[str]:
    hard = _hard_objection(reader, key, candidate)
    if hard:
        return [hard]
    if candidate.strong and not listed:
        return []
    return _soft_objections(reader, key, candidate, listed)


def _hard_objection(reader: NameReader, key: Key, candidate: Candidate) -> str | None:
    doc = reader.doc
    if any(reader.allowed(doc[s].idx) for s, _ in candidate.runs):
        return "allow list"
    if all(_determined(doc[e - 1]) for _, e in candidate.runs):
        return "always after 'the', 'a' or 'our' (a title or a thing: 'the Director')"
    if any(_before_acronym(reader, run) for run in candidate.runs + _occurrences(reader, key)):
        return "written with an acronym, as a product is ('Travis CI')"
    if len(key) == 1 and is_caps(candidate.text) and len(key[0]) <= ACRONYM_LENGTH:
        return "acronym"
    # The name's head wherever it is written: what the text shows of it anywhere.
    heads = _everywhere(reader, key, _last_words(reader, candidate))
    if len(key) == 1 and any(_opens_a_legal_name(reader, t) for t in heads):
        return "opens a company's registered name ('Harrowgate Group, Inc.')"
    # Minutes write a role like a name ("the Treasurer", "Operations Director, Chair",
    # "Trustees agreed"): alone, such a word is the office, whoever holds it.
    if len(key) == 1 and (key[0] in reader.words["role"] or key[0] in reader.words["people_noun"]):
        return "a job title or a word for people ('Treasurer', 'Trustees')"
    # A "who" or a coordination after it belongs to the person before: "Rosa Quint of the
    # University of Aberdeen who we recruited".
    if all(_in_an_organisations_name(reader, start) for start, _ in candidate.runs):
        return "ends an organisation's name ('University of Edinburgh')"
    if len(key) == 1 and is_caps(candidate.text) and not candidate.strong:
        return "ALL-CAPS word without other evidence"
    # The text says what it is ("Larkspur is a company"): a verb that suits a person
    # elsewhere ("Larkspur could decide") does not make it one.
    if any(_defined_as_thing(reader, t) for t in heads):
        return "defined as a thing ('Larkspur is a company')"
    return None


def _soft_objections(reader: NameReader, key: Key, candidate: Candidate, listed: bool) -> list[str]:
    """Signs that a name with only medium evidence is a product, team, heading or word.

    The model's organisation tags do not count against a name listed with a person: it
    reads unfamiliar names ("Søren", "Zoë Laurent") as organisations.
    """
    objections = []
    tokens = _last_words(reader, candidate)
    heads = _everywhere(reader, key, tokens)
    if len(key) == 1 and reader.lower_words[candidate.text.lower()]:
        objections.append(f"the text also writes '{candidate.text.lower()}' in lower case")
    if len(key) == 1 and sum(reader.common_word(t) for t in tokens) * 2 > len(tokens):
        objections.append("the tagger reads it as a common word")
    if len(key) == 1 and all(_plural_of_a_word(reader, t) for t in tokens):
        objections.append("the plural of a common noun ('Frameworks', 'Libraries')")
    if all(_is_label(reader, t) for t in tokens):
        objections.append("only used as a heading or a 'Label:'")
    if any(_modifies_common_noun(t) for t in heads):
        objections.append("modifies a common noun (a product or team name)")
    if len(key) == 1 and any(_opens_an_organisations_name(reader, t) for t in heads):
        objections.append("opens an organisation's name ('Corvane Health Systems')")
    if any(any(c.dep_ == "dobj" for c in t.children) for t in tokens):
        objections.append("used as a verb")
    # Listed with a person, a name shares the list's role: "worked with Ana and Bo" is no tool.
    # "…on the advisory council and Maren Holloway is a board member": the parse joins the
    # name to the words before it and leaves the verb after it with no subject.
    placed = [t for t in tokens if not _subject_of_what_follows(reader, t)]
    if not listed and any(_used_as_thing(reader, t) for t in placed):
        objections.append("used as a thing (object of a verb such as 'use', or 'in'/'on' it)")
    if any(_thing_like(reader, c, trust_tags=not listed) for t in placed for c in t.conjuncts
           if _same_cell(reader, t, c)):
        objections.append("listed with an organisation or product")
    if all(_title_case_line(reader, reader.line_of(t)) and not opens_item(reader, t) for t in tokens):
        objections.append("only in title-case lines, where every word has a capital")
    if all(where_a_person_works(reader, t) for t in tokens):
        objections.append("after a named person's job title ('Dana Kim, Operations Lead, Brackenridge')")
    if all(affiliation(reader, t) for t in tokens):
        objections.append("in parentheses after a name in a list (an affiliation: '- Ana Lima (Hooli)')")
    if len(key) == 1 and all(_owned_by_organisation(t) for t in tokens):
        objections.append("owned by an organisation ('Larkspur's Beacon'), as a product is")
    if any(_described_as_thing(reader, t) for t in tokens):
        objections.append("named as a kind of thing ('services such as Quarry')")
    if len(key) > 1 and key[-1] in reader.words["role"]:
        objections.append(f"ends in a job title ('{key[-1]}')")
    if ordinary := [w for w in key[1:] if reader.lower_words[w] >= ORDINARY_REPEATS]:
        objections.append(f"its word '{ordinary[0]}' is an ordinary word of the text")
    if not listed and any(_non_person(reader, t) for t in tokens):
        objections.append("the model tags it as an organisation or product")
    return objections


def _plural_of_a_word(reader: NameReader, token: Token) -> bool:
    """The word is tagged a plural proper noun and, less its plural ending, is a noun the
    dictionary knows: "Frameworks", "Libraries" and "Tools" in a capitalised list of things.
    A surname that ends in "s" ("Roberts", "Williams") is no dictionary word without it."""
    if token.tag_ != "NNPS":
        return False
    word = token.lower_
    singular = [word[:-3] + "y"] if word.endswith("ies") else [word[:-2], word[:-1]] if word.endswith("es") \
        else [word[:-1]] if word.endswith("s") else []
    return any(len(w) > 2 and reader.known(w) for w in singular)


def _in_an_organisations_name(reader: NameReader, start: int) -> bool:
    """The run follows an organisation word and "of" ("University of Edinburgh", "Institute
    of Physics"): the end of that organisation's name, whoever is listed beside it."""
    doc = reader.doc
    i = start - 1
    if i >= 0 and doc[i].lower_ == "the":
        i -= 1
    return i >= 1 and doc[i].lower_ == "of" and reader.org_word(doc[i - 1])


def _opens_a_legal_name(reader: NameReader, token: Token) -> bool:
    """The word opens, on its line, a company's registered name that ends in its legal form
    ("Corvane Group, Inc.", "Atlas Data Ltd"): that is written of a company, never of a
    person. A comma may stand only right before the legal form: "Ana Lima, Acme Inc." is a
    person and her employer."""
    doc, line = reader.doc, reader.line_of(token)
    following = [w for w in doc[token.i + 1 : min(token.i + 2 + MAX_NAME_WORDS, len(doc))] if reader.line_of(w) == line]
    for k, word in enumerate(following):
        if word.text == ",":
            return k + 1 < len(following) and _legal_form(reader, following[k + 1])
        if _legal_form(reader, word):
            return True
        if not (word.text[:1].isupper() and (reader.org_word(word) or reader.name_like(word, judge_position=False))):
            return False
    return False


def _legal_form(reader: NameReader, word: Token) -> bool:
    return word.lower_.rstrip(".") in reader.words["legal_form"]


def _opens_an_organisations_name(reader: NameReader, token: Token) -> bool:
    """The word is followed, on its line, by capitalised words ending in an organisation word
    ("Corvane Health Systems", "Atlas Data Services"): where the full name is written once,
    the company's short name elsewhere ("talks with Corvane") is no person either."""
    doc, line = reader.doc, reader.line_of(token)
    for i in range(token.i + 1, min(token.i + 1 + MAX_NAME_WORDS, len(doc))):
        word = doc[i]
        if reader.line_of(word) != line or not word.text[:1].isupper():
            return False
        if reader.org_word(word):
            return True
        if not reader.name_like(word, judge_position=False):
            return False
    return False


def _last_words(reader: NameReader, candidate: Candidate) -> list[Token]:
    """The last word of each run where the candidate was seen: the name's head."""
    return [reader.doc[end - 1] for _, end in candidate.runs]


def _everywhere(reader: NameReader, key: Key, tokens: list[Token]) -> list[Token]:
    """A one-word name wherever it is written, not only where the evidence was: "The Django
    project" shows what "Django" is even where the model took it for a person."""
    if len(key) > 1:
        return tokens
    return [*tokens, *(reader.doc[s] for s, _ in _occurrences(reader, key))]


def _modifies_common_noun(token: Token) -> bool:
    """"the Cody teams", "The Django project's": a name does not modify a common noun, a product does.
    A "noun" right before a determiner or a possessive is a verb the tagger misread: "Sean
    addresses Dana's concerns", "Sean deletes the affected versions"."""
    head = token.head  # a word: "Marisol Quispe @mq" is a name and a handle, not a "Quispe" kind of "@mq"
    return token.dep_ in ("compound", "nmod", "amod") and head.pos_ == "NOUN" and head.is_lower and head.is_alpha \
        and not _in_link_address(token, head) and not _takes_an_object(head)


def _takes_an_object(word: Token) -> bool:
    following = word.nbor(1) if word.i + 1 < len(word.doc) else None
    return following is not None and (following.dep_ in ("det", "poss") or following.tag_ in ("DT", "PRP$")
                                      or any(c.dep_ == "case" for c in following.children))


def _in_link_address(token: Token, head: Token) -> bool:
    """Whether ``head`` stands in the address of the Markdown link that ``token`` is the text
    of: the parser hangs "[Ana Lima](https://example.org/alima)" on the address's last word."""
    return head.i > token.i and any(t.text == LINK_OPENER for t in token.doc[token.i + 1: head.i])


def _subject_of_what_follows(reader: NameReader, token: Token) -> bool:
    """The word, not a subject itself, is followed by a finite verb that the parse left
    without a subject: a verb that takes a person ("joined", "said"), or "is" with a job or a
    member ("is a board member"). The verb's subject is the name, whatever the parse joined
    it to; "…and Quarry Analytics is the only engine" stays a thing."""
    after = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if after is None or after.tag_ not in FINITE_TAGS or token.dep_ in SUBJECTS:
        return False
    verb = after.head if after.dep_ in ("aux", "auxpass") else after
    if any(c.dep_ in SUBJECTS for c in verb.children):
        return False
    if verb.lemma_ == "be":
        return any(c.dep_ == "attr" and reader.people_word(c) for c in verb.children)
    return verb.lemma_.lower() in reader.words["person_verb"]


def _used_as_thing(reader: NameReader, token: Token) -> bool:
    token = _first_conjunct(token)
    if token.dep_ == "dobj":
        return token.head.lemma_.lower() in reader.words["thing_verb"]
    return token.dep_ == "pobj" and token.head.lower_ in reader.words["thing_preposition"] \
        and not any(c.dep_ == "case" for c in token.children) and person_verb(reader, token) is None


def _is_label(reader: NameReader, token: Token) -> bool:
    """In a heading, a table's header row, or "Label:" at the start of a line."""
    line = reader.line_of(token)
    first = reader.lines[line][0]
    follows = token.nbor(1) if token.i + 1 < len(reader.doc) else None
    below = reader.lines.get(line + 1, [])
    header_row = first.text == "|" and below and all(set(t.text) <= set("|-:") for t in below)
    return line in reader.heading_lines or bool(header_row) or (
        first.i == token.i and follows is not None and follows.text == ":")


def _product_shaped(token: Token) -> bool:
    """"JetBrains", "Next.js", "Web3": a capitalised word with an inner capital, dot or digit."""
    return token.text[:1].isupper() and bool(_PRODUCT_SHAPE.search(token.text))


def _thing_like(reader: NameReader, token: Token, trust_tags: bool = True) -> bool:
    """A word that makes a list one of things: "Next.js", an acronym ("AMP"), an organisation;
    not a group of people written as a common noun ("Ana and the finance team"), nor a job
    title ("Ivo Marsh (CTO, Larkspur), Tomas Reyne"), nor a surname with an inner capital
    after a name's prefix ("Liam McAvoy and Petra Lindqvist-Baro"). Without ``trust_tags``,
    in a list that people vouch for, the model's organisation tags do not count: it tags one
    surname of a long list of signers as an organisation."""
    if reader.people_word(token):
        return False
    acronym = token.is_alpha and token.is_upper and 2 <= len(token) <= ACRONYM_LENGTH + 1
    product = _product_shaped(token) and not is_name_word(token.text, reader.prefixes)
    return product or acronym or reader.org_word(token) or _plain_word_shaped(reader, token) or (
        trust_tags and _tagged_non_person(reader, token))


def _occurrences(reader: NameReader, key: Key) -> list[Run]:
    """Every place the name's last word is written, as a run of its own: "Travis" of "Travis CI"."""
    return [(i, i + 1) for i in reader.places.get(key[-1], ())]


def _determined(token: Token) -> bool:
    """"the Director", "a single Project Steward", "our Steward": a name takes no article."""
    return any(c.dep_ in ("det", "poss") and c.lower_ in DETERMINERS for c in token.children)


def _before_acronym(reader: NameReader, run: Run) -> bool:
    """A name word with a short ALL-CAPS word after it, in mixed-case text: "Travis CI", "Ingress NGINX"."""
    doc, (start, end) = reader.doc, run
    last = doc[end - 1]
    if shouted(last.sent):
        return False
    after = doc[end] if end < len(doc) and reader.line_of(doc[end]) == reader.line_of(last) else None
    acronyms = [t for t in ((last if end - start > 1 else None), after)
                if t is not None and t.is_alpha and t.is_upper and 2 <= len(t) <= PRODUCT_ACRONYM and not t.is_stop]
    return bool(acronyms) and not doc[start].is_upper


def _defined_as_thing(reader: NameReader, token: Token) -> bool:
    """"Quarry is the only engine", "Larkspur is a company": the subject of "be" with a noun
    for a thing or an organisation as what it is."""
    head = _first_conjunct(token)
    return head.dep_ == "nsubj" and head.head.lemma_ == "be" and any(
        c.dep_ == "attr" and c.lower_ in reader.words["thing_noun"] for c in head.head.children)


def _first_conjunct(token: Token) -> Token:
    while token.dep_ == "conj" and token.head is not token:
        token = token.head
    return token


def _owned_by_organisation(token: Token) -> bool:
    """"from Larkspur's Beacon to Quillon's Varro": a single word an organisation's
    possessive owns names its product ("Quillon's Dana Kim" would give a full name)."""
    return any(c.dep_ == "poss" and c.ent_type_ in NON_PERSON_ENTS for c in token.children)


def _described_as_thing(reader: NameReader, token: Token) -> bool:
    """"services such as Quarry and Nimbus": named as an instance of a noun for a thing."""
    things = reader.words["thing_noun"]
    head = _first_conjunct(token)
    if head.dep_ == "pobj" and head.head.lower_ in ("including", "like", "as"):
        owner = head.head.head
        return owner.lower_ in things or (owner.lower_ == "such" and owner.head.lower_ in things)
    return False


def _title_case_line(reader: NameReader, line: int) -> bool:
    """A title written with every word capitalised: a capital there says nothing about names."""
    tokens = reader.lines.get(line, [])
    if any(t.text == "|" for t in tokens):
        return False  # a table row: its cells are capitalised one by one
    words = [t for t in tokens if t.is_alpha and len(t) > 3]
    capitals = [t for t in words if t.text[0].isupper()]
    # A common word capitalised after the line's first word: the first has its capital
    # anyway ("Posted 3 June by Ana Lima" is a byline, not a title).
    common = [t for t in capitals[1:] if t.tag_ in COMMON_TAGS or t.pos_ in ("VERB", "AUX", "ADV", "ADJ")]
    return len(words) >= TITLE_WORDS and len(capitals) == len(words) and bool(common)


def _non_person(reader: NameReader, token: Token) -> bool:
    """A product-shaped word ("JetBrains"), or one the model tags as an organisation twice."""
    return _plain_word_shaped(reader, token) or _tagged_non_person(reader, token)


def _plain_word_shaped(reader: NameReader, token: Token) -> bool:
    """A capitalised word shaped as a product's, not a name's."""
    return token.text[:1].isupper() and is_plain_word(token.text) and not is_name_word(token.text, reader.prefixes)


def _tagged_non_person(reader: NameReader, token: Token) -> bool:
    """A word the model tags as an organisation or product at least twice, and never as a person."""
    labels = reader.ent_labels.get(fold(token.text))
    if not labels or labels[PERSON]:
        return False
    return sum(labels[label] for label in NON_PERSON_ENTS) >= 2


# -- names listed with people ----------------------------------------------------------------

def _listed_people(reader: NameReader, candidates: dict[Key, Candidate],
                   accepted: set[Key]) -> list[tuple[Key, Candidate]]:
    """Names listed with accepted people that nothing else objects to.

    A list joined by "and" ("Rafał and Erik") needs one accepted member, and so does a name
    with its alias; a roster (one name a line, or names and commas alone) needs more
    (``rosters.ROSTER_VOUCHES``), since a list of products may hold one word the model took for a name. A name accepted this way can vouch for the next
    in another list, so the lists are read until no list adds anyone.
    """
    lists = [(members, 1, LISTED) for members in name_lists(reader)]
    lists += [(members, vouches, IN_ROSTER) for members, vouches in rosters(reader)]
    lists += [(pair, 1, ALIAS) for pair in aliases(reader)]
    people = set(accepted)
    found: dict[Key, Candidate] = {}
    grew = True
    while grew:
        grew = False
        known = {w for k in people for w in k}
        for members, vouches, reason in lists:
            if sum(_vouched(k, known) for k, _ in members) < vouches:
                continue
            for key, run in members:
                if key in people or set(key) <= known:
                    continue
                if key in found:
                    found[key].runs.append(run)
                    found[key].medium.add(reason)
                else:
                    found[key] = _with_list_evidence(reader, candidates.get(key), run, reason)
                candidate = found[key]
                if not _objections(reader, key, candidate, listed=True):
                    people.add(key)
                    grew = True
    return [(k, c) for k, c in found.items() if k in people]


def _same_cell(reader: NameReader, a: Token, b: Token) -> bool:
    """No table rule ("|") between two tokens: the parser joins a row's cells as conjuncts
    ("Checkout | Jonas Lind"), but cells side by side are not a list of one kind."""
    low, high = sorted((a.i, b.i))
    return not any(t.text == "|" for t in reader.doc[low:high])


def _vouched(key: Key, known: set[str]) -> bool:
    """A member already known as a person: every word of its name, or all but one of a name of
    three words or more, whose model entity may leave out a given name ("Leila Moradi Farahani"
    tagged from "Moradi")."""
    missing = len(set(key) - known)
    return missing == 0 or (len(key) >= 3 and missing == 1)


def _with_list_evidence(reader: NameReader, candidate: Candidate | None, run: Run, reason: str) -> Candidate:
    listed = Candidate(reader.doc[run[0]:run[1]].text)
    if candidate is not None:
        listed.strong, listed.medium, listed.runs = set(candidate.strong), set(candidate.medium), list(candidate.runs)
    listed.medium.add(reason)
    listed.runs.append(run)
    return listed
