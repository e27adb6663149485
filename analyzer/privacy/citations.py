"""Cited authors: "Okonkwo and Lindqvist (2013)", "Haugland et al. (2019)", "(Abernethy, 2004)".

A citation names its authors by surname alone, often names the model does not know, in a
shape nothing but a person takes: the name, perhaps "et al.", then a year in parentheses;
or all of it inside parentheses, a comma before the year ("(Mbeki & Osei, 2011; Ruiz
2019)"). Authors who write their name in lower case, as some pen names are written, are
cited the same way or as the subject of a verb that takes a person ("as zora finch
argues"); the capital is missing, so the tagger's proper-noun tag or the model's PERSON
entity must stand in for it.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from .mention import PERSON, Mention
from .names import fold, is_name_word
from .reader import NameReader, in_date, initial

Run = tuple[int, int]
# A publication year, perhaps with the letter that tells one author's papers of a year apart.
_YEAR = re.compile(r"(?:1[6-9]|20)\d\d[a-z]?")
# What closes a year in a citation: "(2013)", "(Ruiz, 2004; ...", "(Ruiz, 2004, p. 3)", "(2004: 12)".
YEAR_ENDS = frozenset({")", ";", ",", ":", ".", "--", "—", "–"})
# Between the authors of one citation: "Ruiz, Okafor and Lindqvist", "Mbeki & Osei".
AUTHOR_JOINERS = frozenset({",", "and", "&"})
# What opens a citation in parentheses, before its first author (and a cue such as "see").
CITATION_OPENERS = frozenset({"(", ";"})
# Initials, commas and joiners between two authors: ", J., & " of "Smith, J., & Jones".
SKIPPED_TOKENS = 4
CITED = "cited as an author"
PEN_NAME = "cited author writing in lower case"
# A name written in lower case has at most this many words ("zora finch").
PEN_NAME_WORDS = 3
PROPER_TAGS = frozenset({"NNP", "NNPS"})
NOUN_TAGS = PROPER_TAGS | {"NN", "NNS"}
# Verb forms of a cited author's claim: "argues", "wrote".
CLAIM_TAGS = frozenset({"VBZ", "VBD"})


def cited_authors(reader: NameReader) -> list[Run]:
    """Runs of tokens that a citation names as authors, capitalised or not."""
    doc, runs = reader.doc, []
    for token in doc:
        if _YEAR.fullmatch(token.text) and token.i + 1 < len(doc) and doc[token.i + 1].text in YEAR_ENDS:
            runs.extend(_authors_before(reader, token.i))
        elif token.lower_ == "et" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ in ("al", "al."):
            runs.extend(_authors_from(reader, token.i + 1))  # "as Haugland et al. showed"
    return runs


def _authors_before(reader: NameReader, year: int) -> list[Run]:
    """The authors of the year at ``year``: "Ruiz (2004)", "Ruiz's (2004)", "Ruiz, J. (2004)",
    or inside parentheses, "(Ruiz, 2004)", "(see Ruiz 2004)"."""
    doc = reader.doc
    j = year - 1
    if j < 1:
        return []
    bracketed = doc[j].text == "("  # the authors stand outside the parentheses
    if bracketed or doc[j].text == ",":
        j -= 1
    if bracketed and doc[j].lower_ in ("'s", "’s"):
        j -= 1
    authors = _authors_from(reader, j)
    if not authors or bracketed:
        return authors
    opener = authors[-1][0] - 1
    cued = opener >= 0 and fold(doc[opener].text) in reader.words["citation_cue"]
    if cued:
        opener -= 1
    # "in March, 2004)": a name and a year cite only inside parentheses, first in them or after
    # ";", or after a cue and with a comma before the year ("e.g. Ruiz and Osei, 2010").
    comma = doc[year - 1].text == ","
    return authors if (opener >= 0 and doc[opener].text in CITATION_OPENERS) or (cued and comma) else []


def _authors_from(reader: NameReader, j: int) -> list[Run]:
    """The authors ending at token ``j``, read backwards over "et al.", initials and joiners:
    "Ruiz, Okafor and Lindqvist", "Mbeki & Osei", "Smith, J., & Jones, K."."""
    authors: list[Run] = []
    j = _past(reader, _before_et_al(reader, j), joiners=False)
    while j >= 0 and (run := _author_at(reader, j)) is not None:
        authors.append(run)
        j = _past(reader, run[0] - 1, joiners=True)
        if j == run[0] - 1:
            break
    return authors


def _past(reader: NameReader, j: int, joiners: bool) -> int:
    """The index before the initials and commas (and, with ``joiners``, "and" or "&") ending at ``j``."""
    doc, start = reader.doc, j
    skippable = AUTHOR_JOINERS if joiners else frozenset({","})
    while j >= 0 and start - j < SKIPPED_TOKENS and (initial(doc[j]) or doc[j].lower_ in skippable):
        j -= 1
    return j


def _before_et_al(reader: NameReader, j: int) -> int:
    """The index before "et al." if it ends at ``j`` ("Haugland et al."), else ``j``."""
    doc = reader.doc
    k = j - 1 if doc[j].text == "." else j
    if k >= 1 and doc[k].lower_ in ("al", "al.") and doc[k - 1].lower_ == "et":
        return k - 2
    return j


def _author_at(reader: NameReader, j: int) -> Run | None:
    """The name that ends at token ``j``: a run of name words, or a name written in lower case.

    The citation is the evidence, so its position does not count against a name ("Okonkwo"
    opening a sentence, which the tagger reads as a common noun); and "(Osei 2011)" puts a name
    right before a year, where a month would be ("Mar 2025"): a name word that the model does
    not tag as part of a date is a name there, and so is a proper noun it takes for a title.
    """
    token = reader.doc[j]
    if token.is_lower:
        return pen_name_before(reader, j + 1)
    dated = in_date(token) and token.ent_type_ != "DATE" and is_name_word(token.text, reader.prefixes)
    # The model reads "Okafor and Lindqvist, 2010" as a title of a work; the citation says authors.
    titled = token.ent_type_ == "WORK_OF_ART" and token.tag_ in PROPER_TAGS \
        and is_name_word(token.text, reader.prefixes)
    run = reader.run_at(j, trust_anchor=dated or titled or reader.name_like(token, judge_position=False))
    return run if run is not None and run[1] == j + 1 else None


def pen_name_before(reader: NameReader, end: int) -> Run | None:
    """A name in lower case ending before token ``end``: nouns the tagger calls proper, or a PERSON.

    A common noun ("the survey (2019)", "research argues") is no name: it has a determiner,
    or the tagger reads it as a common noun and the model sees no person in it.
    """
    doc = reader.doc
    start = end
    while start > 0 and end - start < PEN_NAME_WORDS and _lower_noun(doc[start - 1]):
        start -= 1
    if start == end:
        return None
    words = doc[start:end]
    proper = words[-1].tag_ in PROPER_TAGS or any(t.ent_type_ == PERSON for t in words)
    determined = start > 0 and doc[start - 1].tag_ in ("DT", "PRP$", "POS")
    return (start, end) if proper and not determined else None


def _lower_noun(token: Token) -> bool:
    return token.is_alpha and token.is_lower and not token.is_stop and token.tag_ in NOUN_TAGS


def pen_names_by_claim(reader: NameReader) -> list[Run]:
    """"as zora finch argues": a lower-case name of two words or more, or one the model calls a
    PERSON, right before a verb that takes a person ("argue", "write").

    A single lower-case word before "says" is as often a tool ("git says", "npm writes").
    """
    doc, runs = reader.doc, []
    for verb in doc:
        if verb.tag_ not in CLAIM_TAGS or verb.lemma_.lower() not in reader.words["person_verb"]:
            continue
        run = pen_name_before(reader, verb.i)
        if run and (run[1] - run[0] > 1 or any(t.ent_type_ == PERSON for t in doc[run[0]:run[1]])):
            runs.append(run)
    return runs


def pen_name_mentions(reader: NameReader, runs: list[Run]) -> list[Mention]:
    """Each lower-case name found, and every other place its words are written, in any case.

    These names skip the verdict: its rules read capitals, and a name that is also a word
    ("finch") must still go wherever it is written, since the cited name is the person.
    """
    spans = [reader.doc[s:e] for s, e in runs]
    found = [Mention(PERSON, span.text, span.start_char, span.end_char, tuple(t.text for t in span)) for span in spans]
    words = {fold(t.text) for span in spans for t in span}
    cited = {t.i for span in spans for t in span}
    found += [Mention(PERSON, t.text, t.idx, t.idx + len(t), (t.text,)) for t in reader.doc
              if t.is_alpha and fold(t.text) in words and t.i not in cited]
    return found
