"""Evidence that a run of name words is a person, from the lines and the words around it.

Each rule reads the document through a ``NameReader`` and adds reasons to candidates, keyed
by the name's folded words: strong reasons (a greeting, a sign-off, a header, a chat or
transcript speaker, a title, a verb that takes a person, a personal pronoun beside it, a
following "who", a citation, the deny list) and medium ones (the model's PERSON entity, being called "he"
or "she" next). ``gather`` returns them all at once; ``verdict`` weighs them.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from ..sections.lookalikes import SIGNATURE_GAP
from ..sections.pages import credits_an_image
from .citations import CITED, cited_authors, pen_names_by_claim
from .grammar import (
    before_gendered_pronoun,
    described_as_a_person,
    followed_by_role,
    named_after_i,
    named_again_as_subject,
    named_by_alias,
    of_an_organisation,
    person_verb,
    possessive_full_name,
    preceded_by_role,
    relative_who,
    shouted,
    takes_a_role,
    vocative,
    with_people,
    with_pronoun,
)
from .mention import HANDLE, PERSON, Mention
from .names import fold
from .reader import MAX_NAME_WORDS, NameReader, hyphen_tail, initial

LIST_JOINERS = frozenset({",", "and", "or", "&"})
NAME_STOPS = frozenset({":", "|", "<", "(", "[", "—", "–", "-", "--", "/", "!", "?", ";"})
# A user name as a chat speaker: "<jsmith>" or "jsmith:" right after the time stamp.
_CHAT_NICK = re.compile(r"<([\w.-]+)>|([\w.-]+):")
# One item of a header's list ("Authors: pia, tomasz", "Author: pia & tomasz"), and a user
# name as such an item.
_LIST_ITEM = re.compile(r"\s*([^,;&]*?)\s*(?:[,;&]|\band\b|$)")
# Lower case ("mkrall", "jo-anne") or a name run together in camel case ("DanaWhitfield").
_USER_NAME = re.compile(r"[a-z][a-z0-9]*(?:[._-][a-z0-9]+)*|[A-Z][a-z]+(?:[A-Z][a-z]+)+[0-9]*")
# A word shaped as a user name, and the marks that no ordinary word has: a digit, "_", ".", "-"
# or a capital after a small letter ("kv9931", "Fern-Gully", "OttoBlank").
_USER_NAME_WORD = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:[._-][A-Za-z0-9]+)*")
_USER_NAME_MARK = re.compile(r"\d|[._-]|[a-z][A-Z]")
# The most words before a name in brackets that it may abbreviate ("Centre of Excellence (CoE)").
ABBREVIATED_WORDS = 6
# A list of three or more user names after a colon, joined by commas and perhaps a final "and"
# ("Fern-Gully, kv9931 and lumenrid"), read within this many characters of the colon.
_ITEM = r"[\w-]+(?:\.[\w-]+)*"
_USER_NAME_LIST = re.compile(rf"{_ITEM}(?:\s*,\s*{_ITEM})+,?\s+(?:and|&)\s+{_ITEM}|{_ITEM}(?:\s*,\s*{_ITEM}){{2,}}")
MIN_CREDITED = 3
MAX_CREDITS_CHARS = 600
# A document with this many lines opened by "Full Name:" is a transcript: those are speakers.
TRANSCRIPT_LINES = 2
# Tokens the brackets of a speaker's label may run to: "(Renata Sørensen, Classic Support)".
BRACKETED_WORDS = 8
# A closing that goes on past its sign-off word ("Thanks for your patience,") has at most this
# many tokens, its comma included; the writer's name is on the line below.
MAX_CLOSING_TOKENS = 7
# Words a label that ends in a header may run to: "Notes taken by:".
MAX_LABEL_WORDS = 4
# The token the tokenizer makes where a Markdown link's text ends and its address starts.
LINK_OPENER = "]("
# A link's address ("](https://example.org/people/ana)") spans at most this many tokens.
MAX_LINK_TOKENS = 40


@dataclass
class Candidate:
    text: str
    strong: set[str] = field(default_factory=set)
    medium: set[str] = field(default_factory=set)
    runs: list[tuple[int, int]] = field(default_factory=list)

    @property
    def reasons(self) -> tuple[str, ...]:
        return tuple(sorted(self.strong | self.medium))


Candidates = dict[tuple[str, ...], Candidate]


@dataclass
class Evidence:
    """What the rules found: candidates with their reasons, words ruled out, user-name mentions."""

    candidates: Candidates = field(default_factory=dict)
    rejected: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    handles: list[Mention] = field(default_factory=list)
    # "From: Whitfield, Dana": one name written surname first, as a mention with its words in order.
    inverted: list[Mention] = field(default_factory=list)
    # Cited authors who write their name in lower case ("zora finch (2016)"), as runs of tokens.
    pen_names: list[tuple[int, int]] = field(default_factory=list)

    def add(self, reader: NameReader, run: tuple[int, int], reason: str, strong: bool = False) -> None:
        key = reader.key(*run)
        if not key:
            return
        candidate = self.candidates.setdefault(key, Candidate(reader.doc[run[0]:run[1]].text))
        (candidate.strong if strong else candidate.medium).add(reason)
        candidate.runs.append(run)


def gather(reader: NameReader, phrases: dict[str, list[tuple[str, ...]]], deny: list[tuple[int, int]],
           addresses: list[Mention]) -> Evidence:
    """Every candidate name of the document with the reasons for it.

    ``addresses`` are the e-mail addresses and handles found: "ines.carvalho@..." makes the
    "Ines Carvalho" of the same text a person.
    """
    evidence = Evidence()
    _named_by_address(reader, addresses, evidence)
    for ent in reader.doc.ents:
        if ent.label_ == PERSON:
            _entity(reader, ent, evidence)
    for line, tokens in reader.lines.items():
        _line_rules(reader, line, tokens, phrases, evidence)
    _transcript_speakers(reader, evidence)
    _lists_after_people_nouns(reader, evidence)
    _cited(reader, evidence)
    for token in reader.doc:
        _token_rules(reader, token, phrases["thanks_reversed"], evidence)
    evidence.handles.extend(_bracketed_handles(reader))
    evidence.handles.extend(_handles_in_brackets(reader))
    evidence.handles.extend(_credited_handles(reader))
    evidence.handles.extend(_acting_user_names(reader))
    for start, end in deny:
        span = reader.doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            evidence.add(reader, (span.start, span.end), "deny list", strong=True)
    return evidence


def _cited(reader: NameReader, evidence: Evidence) -> None:
    """Authors of citations; a name in lower case is kept apart, since the verdict reads capitals."""
    for run in cited_authors(reader):
        if reader.doc[run[0]].is_lower:
            evidence.pen_names.append(run)
        else:
            evidence.add(reader, run, CITED, strong=True)
    evidence.pen_names.extend(pen_names_by_claim(reader))


def _named_by_address(reader: NameReader, addresses: list[Mention], evidence: Evidence) -> None:
    names = set()
    for m in addresses:
        local = m.text.lstrip("@").split("@")[0]
        pieces = tuple(fold(p) for p in re.split(r"[._-]+", local))
        if len(pieces) > 1 and all(p.isalpha() and len(p) > 1 for p in pieces):
            names |= {pieces, pieces[::-1]}
    if not names:
        return
    i = 0
    while i < len(reader.doc):
        run = reader.run_at(i)
        if run is None:
            i += 1
            continue
        if reader.key(*run) in names:
            evidence.add(reader, run, "named by an e-mail address or handle", strong=True)
        i = run[1]


def runs_in(reader: NameReader, start: int, end: int) -> list[tuple[int, int]]:
    """The runs of name-like tokens between two token indices."""
    runs, i = [], start
    while i < end:
        run = reader.run_at(i, limit=(start, end))
        if run:
            runs.append(run)
            i = run[1]
        else:
            i += 1
    return runs


def _entity(reader: NameReader, ent: Span, evidence: Evidence) -> None:
    words = [t for t in ent if not t.is_space]
    if any(reader.org_word(t) for t in words):
        evidence.rejected[ent.text.strip()].add("organisation word")
        return
    runs = runs_in(reader, words[0].i if words else ent.start, ent.end)
    for run in runs:
        evidence.add(reader, run, "model: PERSON")
    if not runs:
        touches = reader.touches_org(ent.start, ent.end)
        evidence.rejected[ent.text.strip()].add("next to an organisation word" if touches else "not shaped like a name")


# -- rules for a whole line ------------------------------------------------------------------

def _line_rules(reader: NameReader, line: int, tokens: list[Token], phrases: dict[str, list[tuple[str, ...]]],
                evidence: Evidence) -> None:
    start = reader.index.start_of(line)
    stamp = next((m for r in _stamps(reader) if (m := r.match(reader.text, start))), None)
    if stamp:
        _chat_speaker(reader, line, tokens, stamp.end(), evidence)
    lowered = [t.lower_ for t in tokens]
    if (n := starts_with(lowered, phrases["greeting"])) and n < len(tokens):
        names_after(reader, tokens, n, "greeting", evidence)
    if line in reader.header_folds:
        _header_value(reader, line, tokens, 1 if tokens[0].text == "-" else 0, evidence)
    elif (value := _header_start(lowered, phrases["header"])) is not None:
        _header_value(reader, line, tokens, value, evidence)
    if n := starts_with(lowered, phrases["signoff"]):
        if any(not t.is_punct for t in tokens[n:]):
            names_after(reader, tokens, n, "sign-off", evidence)
        if all(t.is_punct for t in tokens[n:]) or (tokens[-1].text == "," and len(tokens) <= MAX_CLOSING_TOKENS):
            _name_line_below(reader, line, "sign-off", evidence)
    if lowered and lowered[0] in ("—", "–", "--") and len(tokens) <= 1 + MAX_NAME_WORDS:
        names_after(reader, tokens, 1, "signature", evidence)
    # "Artwork by Lena Okafor": the maker an image's credit names, on a line of its own.
    if credits_an_image(reader.index.line(line)) and "by" in lowered:
        names_after(reader, tokens, lowered.index("by") + 1, "credited for an image", evidence)


def _header_start(lowered: list[str], headers: list[tuple[str, ...]]) -> int | None:
    """Where a header's value starts on a line that opens with one ("To:", "**Interviewer:**",
    "__Owner__:"), Markdown emphasis around the label passed over; None on other lines."""
    i = _past_emphasis(lowered, 0)
    n = starts_with(lowered[i:], headers) or _label_ending_in(lowered[i:], headers)
    if not n:
        return None
    i = _past_emphasis(lowered, i + n)
    if i >= len(lowered) or lowered[i].strip("*_") != ":":
        return None
    return _past_emphasis(lowered, i + 1)


def _label_ending_in(lowered: list[str], headers: list[tuple[str, ...]]) -> int:
    """How many words a label runs to that ends in a header of two words or more ("Notes
    taken by:", "Minutes approved by"); 0 on any other line. One word such as "by" or "to"
    ends too many labels that name no one ("Caused by:", "Next to:")."""
    for n, word in enumerate(lowered[:MAX_LABEL_WORDS], start=1):
        if not word.isalpha():
            return 0
        if any(len(h) > 1 and tuple(lowered[n - len(h):n]) == h for h in headers if len(h) <= n):
            return n
    return 0


def _past_emphasis(lowered: list[str], i: int) -> int:
    while i < len(lowered) and lowered[i] and not lowered[i].strip("*_"):
        i += 1
    return i


def _header_value(reader: NameReader, line: int, tokens: list[Token], start: int, evidence: Evidence) -> None:
    """The names, user names and "Surname, Given" of a header's value, which starts at
    ``tokens[start]`` (after "To:", or at the start of a folded line)."""
    names_after(reader, tokens, start, "header", evidence, joiners=LIST_JOINERS | {";"}, skip=True)
    begin = tokens[start].idx if start < len(tokens) else reader.index.end_of(line)
    evidence.handles.extend(_header_user_names(reader, begin, reader.index.end_of(line)))
    evidence.inverted.extend(_surname_first(reader, tokens[start:]))


def _stamps(reader: NameReader) -> list[re.Pattern[str]]:
    return reader.patterns.regexes["CHAT_STAMP"]


def _transcript_speakers(reader: NameReader, evidence: Evidence) -> None:
    """"Olivia Brennan: okay, let's start." on several lines: the labels are speakers, also
    with a role in brackets ("MARISOL ESTEBAN-GRANT (CEO):") or named in brackets after one
    ("AUDIENCE MEMBER (Renata Sørensen):").

    Only full names (two words or more): one-word labels ("Note:", "Background:") are the
    memo's own headings far more often than a speaker. And only a label with its turn after
    it on the line: one alone on its line ("Clear Handover Duties:") heads what follows.
    """
    labels = []
    for tokens in reader.lines.values():
        bracket = _after_a_role(reader, tokens)
        run = reader.run_at(bracket + 1 if bracket is not None else tokens[0].i)
        if run and _labels_a_turn(reader, bracket if bracket is not None else run[1]) \
                and len(reader.name_words(*run)) > 1 and _says_something(tokens):
            labels.append(run)
    if len(labels) >= TRANSCRIPT_LINES:
        for run in labels:
            evidence.add(reader, run, "transcript speaker", strong=True)


def _says_something(tokens: list[Token]) -> bool:
    """Whether words follow the line's first colon on the line: a speaker's turn."""
    colon = next((k for k, t in enumerate(tokens) if t.text in (":", "):")), None)
    return colon is not None and any(t.is_alpha for t in tokens[colon + 1:])


def _after_a_role(reader: NameReader, tokens: list[Token]) -> int | None:
    """The bracket that opens a speaker's name after a role at the start of the line
    ("AUDIENCE MEMBER (Renata Sørensen, Classic Support):"), or None."""
    for i, token in enumerate(tokens[:MAX_NAME_WORDS + 1]):
        if token.text == "(":
            last = fold(tokens[i - 1].text) if i else ""
            return token.i if last in reader.words["role"] or last in reader.words["people_noun"] else None
        if not token.is_alpha:
            return None
    return None


def _labels_a_turn(reader: NameReader, end: int) -> bool:
    """Whether a name ending before token ``end`` is a speaker's label: a colon follows it,
    straight away ("Olivia Brennan:") or after brackets on the same line that give the
    speaker's role ("MARISOL ESTEBAN-GRANT (CEO):") or, after a role, their name."""
    doc = reader.doc
    if end >= len(doc):
        return False
    if doc[end].text == ":":
        return True
    if doc[end].text != "(":
        return False
    line = reader.line_of(doc[end])
    for token in doc[end + 1:end + 1 + BRACKETED_WORDS]:
        if reader.line_of(token) != line:
            return False
        if ")" in token.text:
            return token.text == "):" or (token.i + 1 < len(doc) and doc[token.i + 1].text == ":")
    return False


def _chat_speaker(reader: NameReader, line: int, tokens: list[Token], after_stamp: int,
                  evidence: Evidence) -> None:
    """The speaker after a time stamp: "[09:14] Kofi Mensah:", or a user name ("<jsmith>")."""
    nick = _CHAT_NICK.match(reader.text, after_stamp)
    group = nick and (1 if nick.group(1) else 2)
    if nick and nick.group(group).islower():
        begin, end = nick.span(group)
        evidence.handles.append(Mention(HANDLE, nick.group(group), begin, end, (nick.group(group),)))
        return
    colon = next((i for i, t in enumerate(tokens) if t.text == ":" and
                  reader.line_of(t) == line and not t.nbor(-1).like_num), None)
    if colon is None:
        return
    start = next((i for i, t in enumerate(tokens[:colon]) if t.is_alpha), None)
    if start is not None:
        names_after(reader, tokens[:colon], start, "chat speaker", evidence)


def _header_user_names(reader: NameReader, start: int, end: int) -> list[Mention]:
    """"Author: mkrall", "Authors: pia, tomasz", "Author: DanaWhitfield": an item of a header's
    list in lower case, or run together in camel case, is a user name.

    Only items that are one word of letters, digits, dots, dashes or underscores, and not an
    ordinary word ("all", "tbd" is kept: better a redacted placeholder than a leaked name).
    An item of a few words, some in lower case and some capitalised ("corin Maddox"), is a
    person who writes part of their name in lower case; "all Staff" holds an ordinary word.
    """
    found = []
    for item in _LIST_ITEM.finditer(reader.text, start, end):
        word = item.group(1)
        if word and _USER_NAME.fullmatch(word) and not _ordinary_word(reader, word):
            found.append(Mention(HANDLE, word, item.start(1), item.end(1), (word,)))
        elif _partly_lower_case_name(reader, word.split()):
            found.append(Mention(PERSON, word, item.start(1), item.end(1), tuple(fold(w) for w in word.split())))
    return found


def _partly_lower_case_name(reader: NameReader, words: list[str]) -> bool:
    """Two or three words of letters, one or more in lower case and one or more capitalised,
    none an ordinary word."""
    return 1 < len(words) <= 3 and all(w.isalpha() for w in words) \
        and any(w.islower() for w in words) and any(w[0].isupper() and w[1:].islower() for w in words) \
        and not any(_ordinary_word(reader, w) or _ordinary_word(reader, w.lower()) for w in words)


def _bracketed_handles(reader: NameReader) -> list[Mention]:
    """"[dkowal] proposed to add disk space", "[RivenStar] joins the call": a user name kept as
    a link's text, in square brackets, that does what people do (``person_verb``). A project
    in brackets ("[cli_tools] sets the mode") does not propose, join or ask."""
    doc = reader.doc
    return [Mention(HANDLE, t.text, t.idx, t.idx + len(t.text), (t.text,)) for t in doc[1:-1]
            if doc[t.i - 1].text == "[" and doc[t.i + 1].text == "]" and _USER_NAME.fullmatch(t.text)
            and not _ordinary_word(reader, t.text) and _acts(reader, t)]


def _handles_in_brackets(reader: NameReader) -> list[Mention]:
    """"Marit Solberg (mSolberg42)", "contact me (quill_ops)": a user name in round brackets
    right after a person's name or after "I" or "me" is theirs. After a name it must carry a
    user name's marks (a digit, "_", ".", "-" or a capital inside it), as a project's name in
    lower case after its title ("Quarry (quarry)") does not; after "I" or "me" a word that no
    dictionary holds will do."""
    doc, found = reader.doc, []
    for t in doc[2:-1]:
        if doc[t.i - 1].text != "(" or doc[t.i + 1].text != ")":
            continue
        words = [w for w in doc[max(t.i - 1 - ABBREVIATED_WORDS, 0):t.i - 1] if not w.is_space]
        if not words:
            continue
        writer = words[-1].text in ("I", "me", "I'm", "I’m")
        if (writer and _user_name_shaped(reader, t.text)) or (
                not writer and _marked_user_name(t.text) and reader.name_like(words[-1])
                and not _abbreviates(t.text, words)):
            found.append(Mention(HANDLE, t.text, t.idx, t.idx + len(t.text), (t.text,)))
    return found


def _acting_user_names(reader: NameReader) -> list[Mention]:
    """"…and then qx7Runner decided to hand it over": a word with a user name's marks, in no
    dictionary, that does what people do or is described as a person, is someone's user name.
    A product's name with such marks ("gRPC") does not decide or write."""
    return [Mention(HANDLE, t.text, t.idx, t.idx + len(t.text), (t.text,)) for t in reader.doc
            if _marked_user_name(t.text) and not reader.known(t.lower_)
            and (person_verb(reader, t) or described_as_a_person(reader, t))]


def _abbreviates(word: str, before: list[Token]) -> bool:
    """Whether the capitals of ``word`` are the initials of the capitalised words before it:
    "Python Package Index (PyPI)", "Centre of Excellence (CoE)" spell out their short name."""
    capitals = [c for c in word if c.isupper()]
    initials = [w.text[0] for w in before if w.text[:1].isupper()]
    return word[0].isupper() and len(capitals) > 1 and initials[-len(capitals):] == capitals


def _credited_handles(reader: NameReader) -> list[Mention]:
    """"Thanks to the people who reported these flaws: Fern-Gully, skrypto, kv9931 and
    lumenrid": a list after a colon, in a sentence with a word for people before it, of three
    or more user names, at least half of them with a user name's marks. Projects listed so
    ("numpy, scipy and pandas") carry none."""
    found = []
    for colon in (t for t in reader.doc if t.text == ":"):
        lead = colon.doc[colon.sent.start : colon.i]
        if not any(t.lower_ in reader.words["people_noun"] for t in lead):
            continue
        # The list may start on the next line, which the layout reads as a sentence of its own.
        rest = reader.text[colon.idx + 1 : colon.idx + 1 + MAX_CREDITS_CHARS]
        match = _USER_NAME_LIST.match(rest.lstrip())
        if match is None:
            continue
        offset = colon.idx + 1 + len(rest) - len(rest.lstrip())
        items = [(m.group(), offset + m.start()) for m in re.finditer(_ITEM, match.group())
                 if m.group() != "and"]
        if len(items) >= MIN_CREDITED and all(_user_name_shaped(reader, w) for w, _ in items) \
                and 2 * sum(_marked_user_name(w) for w, _ in items) >= len(items):
            found.extend(Mention(HANDLE, w, start, start + len(w), (w,)) for w, start in items)
    return found


def _marked_user_name(word: str) -> bool:
    """A word shaped as a user name, with a mark no ordinary word has."""
    return bool(_USER_NAME_WORD.fullmatch(word) and _USER_NAME_MARK.search(word))


def _user_name_shaped(reader: NameReader, word: str) -> bool:
    """A marked user name, or a word in lower case that no dictionary holds ("skrypto")."""
    return _marked_user_name(word) or (word.isalpha() and word.islower() and not reader.known(word)
                                       and not _ordinary_word(reader, word))


def _acts(reader: NameReader, token: Token) -> bool:
    """Whether the word is the subject of a verb of what people do; the parser often leaves a
    bracketed word before its verb as a bare dependant ("dep") rather than its subject."""
    head = token.head
    return (token.dep_ in ("nsubj", "dep") and token.i < head.i and head.pos_ == "VERB"
            and head.lemma_.lower() in reader.words["person_verb"])


def _surname_first(reader: NameReader, tokens: list[Token]) -> list[Mention]:
    """A header's value that is one surname, a comma and one given name: "Whitfield, Dana <d@x.org>"."""
    value = tokens[:next((i for i, t in enumerate(tokens) if t.text in ("<", "(")), len(tokens))]
    if len(value) != 3 or value[1].text != "," or not all(reader.name_like(t) for t in (value[0], value[2])):
        return []
    surname, given = value[0], value[2]
    text = reader.text[surname.idx:given.idx + len(given)]
    return [Mention(PERSON, text, surname.idx, given.idx + len(given), (given.text, surname.text))]


def _ordinary_word(reader: NameReader, word: str) -> bool:
    lexeme = reader.doc.vocab[word]
    return lexeme.is_stop or word in reader.words["group"] or word in reader.words["org"] or word in reader.cue_words


def _name_line_below(reader: NameReader, line: int, reason: str, evidence: Evidence) -> None:
    """The writer's name under a sign-off: "Best,\nDana", or several ("Signed,\nAna, Bo, Cy"),
    on the first line below it with words, past up to SIGNATURE_GAP blank lines."""
    for below in range(line + 1, line + 2 + SIGNATURE_GAP):
        tokens = reader.lines.get(below)
        if tokens:
            cut = next((i for i, t in enumerate(tokens) if t.text in NAME_STOPS), len(tokens))
            words = tokens[:cut]
            names = [t for t in words if t.lower_ not in LIST_JOINERS]
            if names and all(reader.name_like(t) or initial(t) for t in names) and _short_items(words):
                names_after(reader, words, 0, reason, evidence)
            return


def _short_items(tokens: list[Token]) -> bool:
    """Every item of a list is short enough to be a name (commas and "and" separate items)."""
    items, count = [], 0
    for t in tokens:
        if t.lower_ in LIST_JOINERS:
            items.append(count)
            count = 0
        else:
            count += 1
    items.append(count)
    return all(0 < n <= MAX_NAME_WORDS for n in items if n)


def _lists_after_people_nouns(reader: NameReader, evidence: Evidence) -> None:
    """"three maintainers: Ana, Bo and Cy", "the team (Ana, Bo and Cy)": members of a group of people."""
    for members in name_lists(reader):
        noun = _noun_before(reader, members[0][1][0])
        if noun is not None:
            for _, run in members:
                evidence.add(reader, run, f"listed after '{noun}'", strong=True)


def _noun_before(reader: NameReader, i: int) -> str | None:
    """The people noun a list starting at token ``i`` follows, past a ":" or "(" (or nothing)."""
    doc, j, passed = reader.doc, i - 1, 0
    while j >= 0 and (doc[j].is_space or doc[j].text in (":", "(", "[", "—", "–", "-")) and passed < 2:
        passed += not doc[j].is_space
        j -= 1
    if j < 0 or not passed:
        return None
    word = doc[j].lower_
    return word if word in reader.words["people_noun"] else None


def name_lists(reader: NameReader) -> list[list[tuple[tuple[str, ...], tuple[int, int]]]]:
    """Names joined by commas and "and", "or" or "&" ("Ana, Bo and Cy"), even across a line
    break. Commas alone make no list, "Will Grant, Senior Analyst" is a name and a role,
    unless every item is a link's text: "[Ana](…), [Bo](…)" links two people, not a role."""
    tokens = [t for t in reader.doc if not t.is_space]
    lists: list = []
    i, current, coordinated, linked = 0, [], False, True
    while i < len(tokens):
        run = reader.run_at(tokens[i].i)
        if run is not None and (key := reader.key(*run)):
            current.append((key, run))
            end = i + run[1] - tokens[i].i
            i = _past_link_target(tokens, end)
            linked &= i > end
            coordinated |= linked and len(current) > 1
            joiners = 0
            while i + joiners < len(tokens) and tokens[i + joiners].lower_ in LIST_JOINERS and joiners < 2:
                coordinated |= tokens[i + joiners].text != ","
                joiners += 1
            i += joiners
            if joiners:
                i += i < len(tokens) and tokens[i].text == "["  # the next name is a link's text
                continue
        else:
            i += 1
        if coordinated and len(current) > 1:
            lists.append(current)
        current, coordinated, linked = [], False, True
    if coordinated and len(current) > 1:
        lists.append(current)
    return lists


def aliases(reader: NameReader) -> list[list[tuple[tuple[str, ...], tuple[int, int]]]]:
    """A name and another it is known by, as pairs: "Paul Renner (known in the community as
    Léon du Marais)". The second names whoever the first does, a person or not ("Facebook,
    now known as Meta"), so the pair is judged as a list of two is: by what the text shows of
    either."""
    pairs = []
    for token in reader.doc:
        named = named_by_alias(token)
        if named is None:
            continue
        runs = [reader.run_at(named.i), reader.run_at(token.i)]
        if None in runs:
            continue
        keys = [reader.key(*run) for run in runs]
        if all(keys) and keys[0] != keys[1]:
            pairs.append(list(zip(keys, runs)))
    return pairs


def _past_link_target(tokens: list[Token], i: int) -> int:
    """Past the address of a Markdown link when ``tokens[i]`` opens one ("](https://…)"): in
    "[Ana](…), [Bo](…) and [Cy](…)" the names are still one list."""
    if i >= len(tokens) or tokens[i].text != LINK_OPENER:
        return i
    end = next((j for j in range(i + 1, min(i + MAX_LINK_TOKENS, len(tokens))) if tokens[j].text == ")"), None)
    return i if end is None else end + 1


def names_after(reader: NameReader, tokens: list[Token], first: int, reason: str, evidence: Evidence,
                joiners: frozenset[str] = LIST_JOINERS, skip: bool = False) -> None:
    """Names in a greeting, header or sign-off: runs separated by joiners, up to a stop.

    With ``skip`` (a header's list) an item that is not a name is passed over, not a stop:
    "Authors: Steering Group, Ilse Marchetti".
    """
    i = first
    while i < len(tokens):
        token = tokens[i]
        if token.lower_ in joiners or token.lower_ in reader.words["title"] or initial(token) \
                or token.text in {".", "'", '"', "“", "”"} or reader.blocked(token.idx):
            i += 1
            continue
        # The place is the evidence: at the start of a line the tagger reads an unfamiliar
        # name as a common word ("[09:15] Tomasz Wielgosz:"), but its shape still counts.
        run = reader.run_at(token.i, limit=(tokens[0].i, tokens[-1].i + 1),
                            trust_anchor=reader.name_like(token, judge_position=False))
        if run is not None and _names_no_one(reader, run):
            run = None
        if run is None:
            if fold(token.text) in reader.words["group"] or token.is_punct:
                i += 1
                continue
            if not skip:
                return
            # Pass the whole item, so "Board of Directors" gives no "Directors".
            while i < len(tokens) and tokens[i].lower_ not in joiners:
                i += 1
            continue
        evidence.add(reader, run, reason, strong=True)
        i = _past_brackets(tokens, i + run[1] - token.i)


def _names_no_one(reader: NameReader, run: tuple[int, int]) -> bool:
    """A header's or a greeting's item that ends in a word for people, a job or a place of
    work names a group, a role or a site, not a person: "All People Managers", "HR Business
    Partner", "Leeds Distribution Centre"."""
    last = fold(reader.doc[run[1] - 1].text)
    return any(last in reader.words[kind] for kind in ("people_noun", "role", "org"))


def _past_brackets(tokens: list[Token], i: int) -> int:
    """Past words in brackets right after a name: "Owen Price (HR Business Partner)" gives
    the person's role or team, not another name."""
    if i >= len(tokens) or tokens[i].text != "(":
        return i
    end = next((j for j in range(i + 1, len(tokens)) if tokens[j].text == ")"), None)
    return i if end is None else end + 1


def starts_with(words: list[str], phrases: list[tuple[str, ...]]) -> int:
    """How many leading words form one of ``phrases`` (0 if none)."""
    for phrase in phrases:
        if tuple(words[: len(phrase)]) == phrase:
            return len(phrase)
    return 0


# -- rules for one word ----------------------------------------------------------------------

def _token_rules(reader: NameReader, token: Token, thanks_reversed: list[tuple[str, ...]],
                 evidence: Evidence) -> None:
    """Evidence from the words around a name; each word of the name is asked in turn."""
    tail = hyphen_tail(token)  # "hoon" of "Ji-hoon and I"
    if not (tail or reader.name_like(token)):
        # "Ravi, can you...": the tagger reads an unknown name opening a sentence as a noun.
        if token.tag_ in ("NN", "NNP") and reader.name_like(token, judge_position=False):
            # Minutes open their lines with who acts: "Chiamaka will write a reply." A word no
            # dictionary holds is a name there; "Legal will write…" stays a department, and
            # "Anyone will write…" a pronoun.
            if vocative(token):
                _add_run(reader, token, "addressed by name", evidence, trust_anchor=True)
            elif not token.is_stop and (verb := person_verb(reader, token)) and not reader.known(token.lower_):
                _add_run(reader, token, _role_of(token, verb), evidence, trust_anchor=True)
        return

    def add(reason: str, strong: bool = True) -> None:
        _add_run(reader, token, reason, evidence, trust_anchor=tail, strong=strong)

    prev = token.nbor(-1) if token.i > 0 else None
    if prev is not None and fold(prev.text.rstrip(".")) in reader.words["title"]:
        add("title")
    if followed_by_role(reader, token):
        add("followed by a job title")
    if named_after_i(token):
        add("the writer's own name, in brackets after 'I'")
    if named_again_as_subject(reader, token):
        add("a full name, then its given name as the subject of what follows ('Ana Lima: Ana wrote…')")
    if preceded_by_role(reader, token):
        add("after a job title and a comma")
    if shouted(token.sent):
        return  # the parse of ALL-CAPS text is noise: no grammatical evidence from it
    if token.pos_ == "PROPN" and not reader.common_word(token) and (verb := person_verb(reader, token)):
        add(_role_of(token, verb))
    if token.pos_ == "PROPN" and described_as_a_person(reader, token):
        add("described as a person ('my colleague')")
    if token.pos_ == "PROPN" and takes_a_role(reader, token):
        add("takes a job ('steps in as acting Director')")
    if with_pronoun(token):
        add("listed with a personal pronoun")
    if token.pos_ == "PROPN" and with_people(reader, token):
        add("listed with people", strong=False)
    if vocative(token):
        add("addressed by name")
    if relative_who(token):
        add("followed by 'who'")
    if token.pos_ == "PROPN" and before_gendered_pronoun(reader, token):
        # Medium evidence only: "We moved to Jira. She says..." may mean someone else.
        add("then called 'he' or 'she'", strong=False)
    if of_an_organisation(reader, token):
        add("a full name, then its organisation ('Ana Lima of the Fennick Institute')")
    if possessive_full_name(reader, token):
        add("a full name with a possessive", strong=False)
    before = [t.lower_ for t in reader.doc[max(token.i - 4, 0):token.i] if t.text not in {",", "to"}]
    if starts_with(before[::-1], thanks_reversed):
        add("thanked")


def _role_of(token: Token, verb: str) -> str:
    """The reason a person verb gives: "subject of 'want'", "object of 'tell'"."""
    return f"{'subject' if token.dep_ == 'nsubj' else 'object'} of '{verb}'"


def _add_run(reader: NameReader, token: Token, reason: str, evidence: Evidence, trust_anchor: bool = False,
             strong: bool = True) -> None:
    run = reader.run_at(token.i, trust_anchor=trust_anchor)
    if run is not None:
        evidence.add(reader, run, reason, strong=strong)
