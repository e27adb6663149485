"""Lists of people laid out as lists: one name a line, a bulleted list, a line of names and commas.

A roster of members or candidates names people without any sentence around them, so the
grammar rules see nothing, and the small model tags only the names it knows ("Kenji
Watanabe", not "Thandiwe Nkosi"). The layout is the evidence: items of one list share a
role, so when several of them are people, the other full names of the same shape are too.
Each item is a full name at the start of its line, perhaps followed by an affiliation, a
handle or the name in another script: "- Liang Wei (梁伟)", "* Tavita Faleolo, @tfaleolo";
in a list of mostly full names, one name alone is an item too ("- Ximena").
``verdict`` asks for ``ROSTER_VOUCHES`` accepted members before it trusts a roster (one, after
a lead-in about people): one person in a list of products ("- Safari", "- Chrome") must not
make the others people.
"""

from __future__ import annotations

import math
import re
from collections import Counter

from spacy.tokens import Token

from .grammar import named_by_alias
from .mention import PERSON, Mention
from .names import fold
from .reader import NameReader, initial

Run = tuple[int, int]
Member = tuple[tuple[str, ...], Run]
# The markers that open a list item (and a table row); a numbered item is "1." or "1)".
BULLETS = frozenset({"-", "*", "•", "+", "–", "·", "|"})
# What may follow a member's name on its line: an affiliation, a handle, a role, the end of
# Markdown emphasis ("**Ana Lima** (Hooli)").
TAIL_OPENERS = frozenset({"(", "[", ",", "-", "–", "—", ":", "|", "<", "/", "@", "*", "_"})
# Markdown emphasis around a name: "- **Ana Lima**", "- _Ana Lima_".
EMPHASIS = frozenset({"*", "_"})
# A member is a full name: one capitalised word opening a line may be anything ("Background").
MIN_NAME_WORDS = 2
# Full names a list needs (two thirds of it at least) before a one-word item is a name too.
SINGLE_NAME_COMPANY = 3
# Accepted members a roster needs before its other members are taken as people.
ROSTER_VOUCHES = 2
# A list of given names joined by commas ("Ana, Bo, Cyra, Dov and Efe") needs
# this many accepted members, and this share of its members at least: a list of products may
# hold a word or two the model took for a name, never most of them.
GIVEN_NAME_VOUCHES = 3
GIVEN_NAME_SHARE = 1 / 3
# Members that share one word of their names make a list of things, not people.
PRODUCT_LINE = 3
PRODUCT_LINE_SHARE = 1 / 3
# A name in another script right after a name, in parentheses: "Liang Wei (梁伟)". Its words
# are letters outside the Latin ranges (CJK, Cyrillic, Greek, Arabic...).
_NON_LATIN_WORD = r"[^\W\d_A-Za-z\u00C0-\u024F]+"
_NON_LATIN = re.compile(_NON_LATIN_WORD)
_OTHER_SCRIPT = re.compile(rf"\s*(?:[(（]\s*({_NON_LATIN_WORD}(?:[ ·・]{_NON_LATIN_WORD})*)\s*[)）]|"
                           rf"[ \t]({_NON_LATIN_WORD}(?:[·・]{_NON_LATIN_WORD})*)(?![^\W\d_]))")


def rosters(reader: NameReader) -> list[tuple[list[Member], int]]:
    """Every list of full names, with how many accepted members it needs to vouch for the rest.

    Runs of list lines, and lines that are names and commas, need ``ROSTER_VOUCHES``; a list
    whose lead-in names people, a line ending in a colon ("The new members are:") or a heading
    ("Elected members"), needs one.
    """
    lists = [(members, _vouches(reader, first)) for first, members in _line_rosters(reader)]
    lists += [(members, ROSTER_VOUCHES) for members in _comma_rosters(reader)]
    lists += [(members, max(GIVEN_NAME_VOUCHES, math.ceil(GIVEN_NAME_SHARE * len(members))))
              for members in _comma_rosters(reader, min_words=1)]
    lists += [(members, ROSTER_VOUCHES) for members in _column_rosters(reader)]
    return [(members, vouches) for members, vouches in lists if len(members) > vouches and not _a_product_line(members)]


def _a_product_line(members: list[Member]) -> bool:
    """Whether one word is in the names of PRODUCT_LINE members or more, and of a third of
    them at least ("Quillon Canary", "Quillon Otto Bridge", "Quillon Drake Keeper"): parts of
    one product or teams of one company share a word; people in one list rarely do, and a
    long list of people shares a given name among a few of them only."""
    counts = Counter(word for key, _ in members for word in set(key))
    return any(n >= max(PRODUCT_LINE, PRODUCT_LINE_SHARE * len(members)) for n in counts.values())


def _vouches(reader: NameReader, first: int) -> int:
    """One for a list after a lead-in or heading about people ("Its members:"), else ``ROSTER_VOUCHES``."""
    above = max((line for line in reader.lines if line < first), default=None)
    tokens = reader.lines[above] if above is not None else []
    lead_in = bool(tokens) and (tokens[-1].text == ":" or above in reader.heading_lines)
    return 1 if lead_in and _names_people(reader, above) else ROSTER_VOUCHES


def _names_people(reader: NameReader, last: int) -> bool:
    """Whether the paragraph ending at line ``last`` has a noun for people: the lead-in
    "Thanks to our retired members. Your help meant a great deal:" names them a line up."""
    line = last
    while line in reader.lines:
        if any(t.lower_ in reader.words["people_noun"] for t in reader.lines[line]):
            return True
        line -= 1
    return False


def _line_rosters(reader: NameReader) -> list[tuple[int, list[Member]]]:
    """Consecutive lines with the same list marker (or none) whose items open with a full name,
    each list with its first line.

    Bulleted items may be one blank line apart (a loose list); unmarked lines must touch, and a
    line that is not a name ends them, as it would end a paragraph.
    """
    found: list[tuple[int, list[tuple[Member, bool]]]] = []
    previous: tuple[int, str] | None = None
    for line in sorted(reader.lines):
        tokens = reader.lines[line]
        marker, start = _marker(tokens)
        opening = _opening_name(reader, tokens, start)
        if opening is None and not marker:
            previous = None
            continue
        gap = 2 if marker else 1
        if previous is None or previous[1] != marker or line - previous[0] > gap:
            found.append((line, []))
        if opening is not None:
            member, words = opening
            found[-1][1].append((member, words >= MIN_NAME_WORDS))
        previous = (line, marker)
    return [(first, _with_single_names(items)) for first, items in found]


def _with_single_names(items: list[tuple[Member, bool]]) -> list[Member]:
    """The full names of a list, and its one-word names too when full names make most of it:
    someone known by one name ("- Ximena") among ``SINGLE_NAME_COMPANY`` full names or more."""
    full = [member for member, is_full in items if is_full]
    if len(full) >= SINGLE_NAME_COMPANY and len(full) * 3 >= len(items) * 2:
        return [member for member, _ in items]
    return full


def affiliation(reader: NameReader, token: Token) -> bool:
    """A word in parentheses right after the full name opening a list line: "- Ana Lima (Hooli)".

    It names the person's company or team, and the model tags such words as people too; but
    not when it is the person's other name: "- Paul Renner (known as Léon du Marais)".
    """
    run = _item_name(reader, token)
    if run is None or named_by_alias(token) is not None:
        return False
    end = run[1]
    return end < token.i and reader.doc[end].text == "(" and not any(")" in t.text for t in reader.doc[end:token.i])


def opens_item(reader: NameReader, token: Token) -> bool:
    """A word of the full name opening a list line: "Ana" of "- Ana Lima (Hooli)".

    Every word of such a line is capitalised, so it is no title-case heading.
    """
    run = _item_name(reader, token)
    return run is not None and run[0] <= token.i < run[1]


def _item_name(reader: NameReader, token: Token) -> Run | None:
    """The run of the full name that opens the line of ``token``, if the line is a list item's shape."""
    tokens = reader.lines[reader.line_of(token)]
    member = _member(reader, tokens, _marker(tokens)[1])
    return member[1] if member is not None else None


def _marker(tokens: list[Token]) -> tuple[str, int]:
    """The list marker opening a line ("-", "*", "1.") and the index of the item's first token."""
    first = tokens[0]
    if first.text in BULLETS and len(tokens) > 1:
        return first.text, 1
    if first.like_num and len(tokens) > 2 and tokens[1].text in (".", ")"):
        return "1.", 2
    return "", 0


def _member(reader: NameReader, tokens: list[Token], start: int) -> Member | None:
    """The full name an item opens with, if the rest of the line is only an affiliation or handle."""
    opening = _opening_name(reader, tokens, start)
    return opening[0] if opening is not None and opening[1] >= MIN_NAME_WORDS else None


def _opening_name(reader: NameReader, tokens: list[Token], start: int) -> tuple[Member, int] | None:
    """The name an item opens with and how many words it has (initials count as one), if the
    rest of the line is only an affiliation or handle."""
    while start < len(tokens) and (fold(tokens[start].text.rstrip(".")) in reader.words["title"]
                                   or tokens[start].text in EMPHASIS or tokens[start].text == "."):
        start += 1  # "- Dr. Amara Obi", "- **Amara Obi**"
    initials = 0
    while start + initials < len(tokens) and initial(tokens[start + initials]):
        initials += 1  # "- C.J.T. Okonkwo", "- J. R. Obi": the initials stand for name words
    start += initials
    if start >= len(tokens):
        return None
    first = tokens[start]
    # At the start of a line the tagger reads an unfamiliar name as a common word; the list is the evidence.
    if not reader.name_like(first, judge_position=False):
        return None
    limit = (first.i, tokens[-1].i + 1)
    run = reader.run_at(first.i, limit=limit, trust_anchor=True)
    while run is not None and run[1] + 1 < limit[1] and initial(reader.doc[run[1]]):
        after = reader.run_at(run[1] + 1, limit=limit)  # "Amara N. Obi"
        if after is None or after[0] != run[1] + 1:
            break
        run = (run[0], after[1])
    if run is None:
        return None
    rest = [t for t in tokens if t.i >= run[1]]
    while rest and (fold(rest[0].text.rstrip(".")) in reader.words["name_suffix"] or rest[0].text == "."):
        rest = rest[1:]  # "- Tomas Reyna Jr. (@treyna)"
    if rest and rest[0].text[0] not in TAIL_OPENERS and not _NON_LATIN.fullmatch(rest[0].text):
        return None  # the tail is "(Acme)", "@handle", or the name in another script: "Lin Wei 林伟"
    return (reader.key(*run), run), len(reader.name_words(*run)) + min(initials, 1)


def _column_rosters(reader: NameReader) -> list[list[Member]]:
    """The full names down one column of a table ("| Aisha Bello | Payments | Jonas Lind |"):
    a column holds one kind of thing, so a manager column of three names and a fourth the
    model missed is a list of people like any other. Rows are consecutive lines of cells."""
    found: list[list[Member]] = []
    columns: dict[int, list[Member]] = {}
    previous = None
    for line in sorted(reader.lines):
        cells = _cells(reader.lines[line])
        if len(cells) < 2:
            previous = None
            continue
        if previous is None or line != previous + 1:
            columns = {}
        for k, cell in enumerate(cells):
            member = _member(reader, cell, 0) if cell else None
            if member is not None:
                if k not in columns:
                    columns[k] = []
                    found.append(columns[k])
                columns[k].append(member)
        previous = line
    return found


def _cells(tokens: list[Token]) -> list[list[Token]]:
    """A table row's cells, each its tokens, when the line is one ("a | b"); else nothing."""
    if not any(t.text == "|" for t in tokens):
        return []
    cells: list[list[Token]] = [[]]
    for t in tokens:
        if t.text == "|":
            cells.append([])
        else:
            cells[-1].append(t)
    if not cells[0]:
        cells = cells[1:]
    if cells and not cells[-1]:
        cells = cells[:-1]
    return cells


def _comma_rosters(reader: NameReader, min_words: int = MIN_NAME_WORDS) -> list[list[Member]]:
    """"Ana Lima, Kenji Watanabe, Thandiwe Nkosi": names of at least ``min_words`` words
    joined by commas (", and" before the last), the list going on past a line break after a
    comma.

    ``evidence.name_lists`` leaves such lists out ("Will Grant, Senior Analyst" is a name and a
    role); here every item must be a name, and the list needs people to vouch for it.
    """
    found: list[list[Member]] = [[]]
    for line in sorted(reader.lines):
        tokens = reader.lines[line]
        limit = (tokens[0].i, tokens[-1].i + 1)
        i = limit[0]
        while i < limit[1]:
            if found[-1] and reader.doc[i].lower_ == "and" and reader.doc[i - 1].text == ",":
                i += 1  # "…, Bo, and Cyra"
            run = reader.run_at(i, limit=limit) if i < limit[1] else None
            named = run is not None and len(reader.name_words(*run)) >= min_words
            if named:
                found[-1].append((reader.key(*run), run))
                i = run[1]
            elif found[-1] and _another_item(reader, i, limit):
                i += 2  # "Ana, Hugo, Bo": a word read as a product is no member, nor the list's end
                continue
            if not named or (i < limit[1] and reader.doc[i].text != ","):
                found.append([])
            i += 1  # past the comma, or the word that was no name
        if tokens[-1].text != ",":
            found.append([])
    return found


def _another_item(reader: NameReader, i: int, limit: tuple[int, int]) -> bool:
    """Token ``i`` is one capitalised word between commas, inside a list already begun."""
    doc = reader.doc
    return i + 1 < limit[1] and doc[i + 1].text == "," and doc[i].text[:1].isupper() and doc[i].is_alpha


def other_script_names(reader: NameReader, mentions: list[Mention]) -> list[Mention]:
    """A person's name in another script right after their name: the "梁伟" of "Liang Wei (梁伟)"
    or of "Liang Wei 梁伟".

    Its words are the name's words and its own, so it joins that person and shares the pseudonym.
    """
    found = []
    for m in mentions:
        if m.label != PERSON or not m.words:
            continue
        after = _OTHER_SCRIPT.match(reader.text, m.end)
        if after:
            group = 1 if after.group(1) else 2
            text = after.group(group)
            found.append(Mention(PERSON, text, after.start(group), after.end(group), (*m.words, text)))
    return found
