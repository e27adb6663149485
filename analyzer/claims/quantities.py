"""Figures in a text (70%, $2m, 2x, two weeks) and the thing each one measures.

Figures are read from the characters, not the tokens: the tokenizer splits "$2m" into three
tokens and keeps "2x" as one, so a regular expression built from ``lexicons/claims/units.tsv``
and ``numbers.tsv`` finds the figure, and the parse then says what it measures (the noun it
modifies, the "of" phrase after it, or the subject or verb phrase it belongs to).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc, Span, Token

from ..data.files import DataText
from ..data.tables import rows
from ..extensions import line_index
from ..sections.layout import row_cells, table_cells
from ..text import footnotes
from ..text.codes import code_spans
from ..text.months import names_month
from .modality import sentence_label

DIMENSIONS = ("share", "money", "multiplier", "duration", "weight", "distance", "size")
NUMBER_ROLES = ("number", "scale", "multiplier")
# A bare number inside one of these entities is a date, a clock time or a rank, not an amount.
_NOT_AMOUNTS = {"DATE", "TIME", "ORDINAL"}
_LAST_DAY = 31
# A section number of two levels or more before a capitalised word: "1.1 The Chair", "2.3.1 Scope".
_SECTION_NUMBER = re.compile(r"\d+(?:\.\d+)+ +(?=[A-Z])")
_DIGITS = r"\d{1,3}(?:[,’']\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# Dependencies by which a figure modifies the noun it counts or prices ("a $2m deal").
_MODIFIER_DEPS = {"nummod", "compound", "amod", "nmod", "quantmod", "npadvmod", "appos"}
# Prepositions that introduce what a figure is a part or amount of ("70% of capacity").
_MEASURED_PREPS = {"of", "in", "for"}
# Parts of a phrase left out when quoting what a figure measures: clauses and asides.
_CLAUSE_DEPS = {"relcl", "acl", "advcl", "ccomp", "appos", "parataxis", "mark"}
_VERB_PHRASE_DEPS = {"dobj", "dative", "xcomp", "prt", "neg", "acomp", "attr", "oprd", "prep"}


@dataclass(frozen=True)
class Quantity:
    value: float
    high: float | None  # the upper end of a range ("30-40k"), else None
    unit: str | None  # "percent", "USD", "times", "week"…; None for a plain count
    dimension: str  # share, money, multiplier, duration, …, or count / number
    text: str
    start: int  # token span in the doc
    end: int
    measures: str | None

    def as_dict(self) -> dict[str, Any]:
        return {
            "value": _plain(self.value),
            "high": _plain(self.high) if self.high is not None else None,
            "unit": self.unit,
            "dimension": self.dimension,
            "text": self.text,
            "measures": self.measures,
        }


def _plain(value: float) -> int | float:
    return int(value) if float(value).is_integer() else round(value, 6)




@dataclass(frozen=True)
class _Unit:
    name: str
    dimension: str
    position: str


class QuantityFinder:
    """Finds figures in a doc with one regular expression built from the unit tables."""

    def __init__(self, units: DataText, numbers: DataText) -> None:
        self.units = _load_units(units)
        numbers = _load_numbers(numbers)
        self.words = {w: v for w, (v, role) in numbers.items() if role == "number"}
        self.scales = {w: v for w, (v, role) in numbers.items() if role == "scale"}
        self.multipliers = {w: v for w, (v, role) in numbers.items() if role == "multiplier"}
        self.pattern = self._compile()

    def _compile(self) -> re.Pattern[str]:
        before = _alternation(f for f, u in self.units.items() if u.position == "before")
        after = _alternation(f for f, u in self.units.items() if u.position == "after" and len(f) > 1)
        glued_units = _alternation(f for f, u in self.units.items() if u.position == "after" and len(f) == 1)
        # One- and two-letter scales ("k", "m", "bn") only count written against the digits.
        glued = _alternation(s for s in self.scales if len(s) <= 2)
        spaced = _alternation(s for s in self.scales if len(s) > 2)
        number = rf"(?:{_DIGITS}|\b(?:{_alternation(self.words)})\b)"
        scale = rf"(?:(?:{glued})(?![a-z0-9])|\s(?:{spaced})\b)"
        return re.compile(
            rf"""
            (?<![\w.,/:#$€£-])
            (?P<prefix>{before})?\s?
            (?P<num>{number})(?P<scale>{scale})?
            (?:\s?[-–]\s?(?P<num2>{_DIGITS})(?P<scale2>{scale})?)?
            (?:(?P<glued>{glued_units})(?![a-z0-9])|\s?-?(?P<unit>{after})(?![a-z0-9]))?
            (?![\w]|[.:,’'/-]\d|\.x\b)
            |\b(?P<mult>{_alternation(self.multipliers)})\b
            """,
            re.IGNORECASE | re.VERBOSE,
        )

    def find(self, doc: Doc) -> list[Quantity]:
        text = line_index(doc).text
        codes = code_spans(text)
        found = []
        for match in self.pattern.finditer(text):
            if any(start <= match.start() < end for start, end in codes):
                continue
            span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
            if span is None or not len(span):
                continue
            quantity = self._read(match, span)
            if quantity is not None:
                found.append(quantity)
        return found

    def _read(self, match: re.Match[str], span: Span) -> Quantity | None:
        text = match.group().strip()
        if match["mult"]:
            value = self.multipliers[match["mult"].lower()]
            return Quantity(value, None, "times", "multiplier", text, span.start, span.end, measured(span))
        unit_form = match["prefix"] or match["glued"] or match["unit"]
        unit = self.units[unit_form.lower()] if unit_form else None
        value = self._number(match["num"], match["scale"] or match["scale2"])
        high = self._number(match["num2"], match["scale2"]) if match["num2"] else None
        if unit is None and not (match["scale"] or match["scale2"]) and not self._is_amount(match, span):
            return None
        dimension = unit.dimension if unit else ("count" if span.root.dep_ == "nummod" else "number")
        return Quantity(value, high, unit.name if unit else None, dimension, text, span.start, span.end,
                        measured(span))

    def _number(self, digits: str, scale: str | None) -> float:
        word = " ".join(digits.lower().split())
        value = self.words[word] if word in self.words else float(re.sub(r"[,’']", "", digits))
        if scale:
            value *= self.scales[" ".join(scale.lower().split())]
        return value

    def _is_amount(self, match: re.Match[str], span: Span) -> bool:
        """A number with no unit: keep counts and amounts, drop years, dates, ranks, list and
        footnote numbers."""
        token = span.root
        if any(t.ent_type_ in _NOT_AMOUNTS for t in span):
            return False
        if match["num"].lower() in self.words:
            return token.dep_ == "nummod"
        digits = match["num"]
        if len(digits) == 4 and digits.isdigit() and 1800 <= int(digits) <= 2100:
            return False
        return (not _is_list_number(span) and not _is_footnote_number(span) and not _names_something(span)
                and not _is_day(span))


def _is_day(span: Span) -> bool:
    """A day of a month the model did not read as a date: "on 9 September 2025", "from 1 Aug
    to 12 Sept", "Aug 4"; not a count after a month ("In May 40 people left")."""
    words = [t for t in span if not t.is_space]
    if len(words) != 1 or not words[0].is_digit or not 1 <= int(words[0].text) <= _LAST_DAY:
        return False
    doc, day = span.doc, words[0]
    if day.i + 1 < len(doc) and names_month(doc[day.i + 1]):
        return True
    return day.i > 0 and names_month(doc[day.i - 1]) and day.dep_ != "nummod"


def _names_something(span: Span) -> bool:
    """A number written after a name is part of the name, not an amount: a version ("Python
    3.1", "OAuth 2.0"), a document or part ("PEP 382", "Part 2"), a status ("HTTP 500"), a
    day the parser took for no date ("Jun 8"). Unless it counts a noun written after it, as
    in "Berlin 40 people"."""
    first = next((t for t in span if not t.is_space), None)  # the match may open with a line break
    if first is None or not first.i:
        return False
    before = span.doc[first.i - 1]
    if before.is_space or "\n" in before.whitespace_:  # a heading's last word, a line above
        return False
    named = before.pos_ == "PROPN" or (before.is_title and before.pos_ == "NOUN") or before.lower_ == "version"
    head = span.root.head
    return named and not (head.i >= span.end and head.pos_ in ("NOUN", "PROPN") and span.root.dep_ == "nummod")


def _is_footnote_number(span: Span) -> bool:
    """ "[1]" or "[^2]" marks a footnote (after a sentence, or opening the note itself): it
    counts nothing."""
    text = line_index(span.doc).text  # Doc.text would join every token again
    return footnotes.is_bracketed_mark(text, span.start_char, span.end_char)


def _is_list_number(span: Span) -> bool:
    """ "1." or "2)" opening a line is an item number, not a figure; so is a section number
    of minutes before its first word ("1.1 The Chair welcomed…"), and a number alone in a
    table's first cell ("| 1 | Agree the fix plan |"), which numbers the row."""
    text = line_index(span.doc).text
    first = next((t for t in span if not t.is_space), span[0])  # the match may open with a line break
    line_start = text.rfind("\n", 0, first.idx) + 1
    before = text[line_start : first.idx]
    if before.strip(" #*-("):
        return before.strip() == "|" and text[span.end_char:].lstrip(" ").startswith("|")
    after = text[span.end_char : span.end_char + 1]
    section = _SECTION_NUMBER.match(text, first.idx)
    return after in (".", ")") or (section is not None and section.group().strip() == span.text.strip())


def measured(span: Span) -> str | None:
    """The words for what a figure measures, read from the parse around it."""
    root = span.root
    row = _row_label(span)
    if row is not None:  # "| Warning | 40 |": the row's first cell names what its figures count
        return row
    # "**Budget:** Spending was 8% under plan": the label names the topic, not the thing.
    label = sentence_label(span.sent)
    quantity = _figure_tokens(span) | (label.tokens if label else frozenset())
    if root.pos_ == "VERB":  # "volume doubled": the verb is the figure, its subject the thing
        return _subject_phrase(root, quantity)
    for child in root.children:
        if child.dep_ == "prep" and child.lower_ in _MEASURED_PREPS:
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return phrase(objects[0], quantity)
    head = root.head
    if head.i == root.i:
        return None
    if root.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head
    if head.pos_ in ("NOUN", "PROPN") and (root.dep_ in _MODIFIER_DEPS or root.dep_ == "pobj"):
        return phrase(head, quantity)
    if head.pos_ in ("VERB", "AUX"):
        return _subject_phrase(head, quantity) or verb_phrase(head, quantity)
    return None


def _row_label(span: Span) -> str | None:
    """The first cell of the table row a figure stands in, when the figure is in another cell;
    past a cell that only numbers the row ("| 1 | Agree the fix plan | …")."""
    lines = line_index(span.doc)
    number = lines.line_of(span.start_char)
    text = lines.line(number)
    if table_cells(text) < 2:
        return None
    cells = row_cells(text)
    label = cells[1] if cells[0].isdigit() and len(cells) > 2 else cells[0]
    start = span.start_char - lines.start_of(number)
    return label if start > text.index(label) + len(label) else None


def _figure_tokens(span: Span) -> set[int]:
    """The figure and the words that qualify it ("about", "nearly"), to leave out of phrases."""
    tokens = set(range(span.start, span.end))
    for token in span:
        for child in token.children:
            if child.dep_ in ("advmod", "quantmod") and child.i < span.start:
                tokens.update(t.i for t in child.subtree)
    return tokens


def _subject_phrase(verb: Token, leave_out: set[int]) -> str | None:
    """The verb's subject, unless it is a pronoun ("it took us…") that names nothing."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i not in leave_out]
    if subjects and subjects[0].pos_ not in ("PRON", "DET"):
        return phrase(subjects[0], leave_out)
    return None


def phrase(token: Token, leave_out: set[int], *, determiner: bool = False) -> str | None:
    """A noun phrase without its asides and clauses, or the figure itself; its determiner
    ("the", "a") is left out unless asked for."""
    keep = _subtree_without(token, leave_out, _CLAUSE_DEPS)
    while keep and ((keep[0].dep_ in ("det", "predet") and not determiner) or keep[0].is_punct):
        keep.pop(0)
    return _phrase_text(keep)


def verb_phrase(verb: Token, leave_out: set[int]) -> str | None:
    """The verb with what follows it: "took them to write" for "It took them 3 weeks to write"."""
    keep = [verb]
    for child in verb.rights:
        if child.dep_ in _VERB_PHRASE_DEPS and child.i not in leave_out:
            keep.extend(_subtree_without(child, leave_out, _CLAUSE_DEPS))
    return _phrase_text(sorted(keep, key=lambda t: t.i))


def _subtree_without(token: Token, leave_out: set[int], clause_deps: set[str]) -> list[Token]:
    """The words under ``token``, less the clauses and asides hanging from it and the
    brackets or commas that enclosed them."""
    skip = set(leave_out)
    for t in token.subtree:
        if t.i != token.i and t.dep_ in clause_deps and t.head.i not in skip:
            skip.update(x.i for x in t.subtree)
    # A non-projective parse yields a subtree out of text order.
    return sorted((t for t in token.subtree
                   if t.i not in skip and not (t.is_punct and (t.i - 1 in skip or t.i + 1 in skip))),
                  key=lambda t: t.i)


def _phrase_text(tokens: list[Token]) -> str | None:
    """The given tokens as written (spaces kept), without trailing punctuation."""
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
        tokens = tokens[:-1]
    if not tokens:
        return None
    return "".join(t.text_with_ws for t in tokens[:-1]) + tokens[-1].text


def _alternation(forms) -> str:
    return "|".join(re.escape(f) for f in sorted(set(forms), key=lambda f: (-len(f), f)))


def _load_units(table: DataText) -> dict[str, _Unit]:
    units: dict[str, _Unit] = {}
    for row in rows(table, ("unit", "dimension", "position", "forms")):
        if row["dimension"] not in DIMENSIONS:
            raise row.error(f"unknown dimension {row['dimension']!r}; use one of {', '.join(DIMENSIONS)}")
        if row["position"] not in ("before", "after"):
            raise row.error(f"position must be 'before' or 'after', not {row['position']!r}")
        for form in row["forms"].split("|"):
            form = form.strip().lower()
            if not form or form in units:
                raise row.error(f"the form {form!r} is empty or listed twice")
            units[form] = _Unit(row["unit"], row["dimension"], row["position"])
    return units


def _load_numbers(table: DataText) -> dict[str, tuple[float, str]]:
    numbers: dict[str, tuple[float, str]] = {}
    for row in rows(table, ("word", "value", "role")):
        if row["role"] not in NUMBER_ROLES:
            raise row.error(f"unknown role {row['role']!r}; use one of {', '.join(NUMBER_ROLES)}")
        try:
            value = float(row["value"])
        except ValueError:
            raise row.error(f"value must be a number, not {row['value']!r}") from None
        word = " ".join(row["word"].lower().split())
        if word in numbers:
            raise row.error(f"{word!r} is listed twice")
        numbers[word] = (value, row["role"])
    return numbers
