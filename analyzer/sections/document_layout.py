"""The document-level pass: what the layout of the whole text says about its lines.

A line alone rarely settles whether it is a heading. "3. Talking it through" is a section
head in a document whose numbered lines each stand over paragraphs, and a list item where
numbered lines follow each other; "Who did we hear from?" is a heading in a text whose
sections open with short lines standing alone, and a question anywhere else. So before any
rule runs, this pass looks at every line once and records, for the rules to read:

- which numbered lines are list items (in a run of the next numbers, with hanging indents,
  after a lead-in, or continuing such a list) and which stand as section heads;
- which lines announce a list or a block below them (lead-ins), and the lines they announce;
- table rows, greeting and signature lines;
- siblings: short lines standing alone over prose, and bold lines standing alone, when a
  document has enough of them to make them its heading style; and option labels, lines that
  name one of two or more alternatives by one word and a letter or number ("Option A — Keep
  the scripts.", "Option B — Move to Bazel."), whose final stop does not make them prose.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from .code import CODE_INDENT, is_fence
from .features import CLAUSE, HEADLINE, MAX_TITLE_CHARS, LineFeatures, Numbering, title_shaped, wh_start
from .layout import ends_open, ends_sentence, is_wrapped_line, starts_block, wrap_width

MAX_TITLE_WORDS = 14
# A numbered or ALL CAPS title is a short line.
MAX_SHORT_TITLE_WORDS = 12
# A line this long that ends with a colon announces what follows even if the parse misses it.
PARAGRAPH_LINE = 60
# The next line reads as body text when it is a sentence, a list, or at least this long.
BODY_LINE = 50
# How many alike lines make a document's heading style rather than a chance shape.
MIN_TITLE_SIBLINGS = 3
# Questions standing alone over prose ("What happened?", "What's next?") recur as section
# heads in posts and FAQs; a rhetorical question seldom stands alone twice.
MIN_QUESTION_SIBLINGS = 2
MIN_BOLD_SIBLINGS = 3
MIN_NUMBERED_HEADS = 2
# A numbered line over this many lines of its own before the next number is a head.
OWN_BLOCK_LINES = 2
MIN_MARKED_HEADINGS = 2
MAX_SIGNATURE_LEAD_WORDS = 4
# A short line standing alone is a title only when it is this short.
MAX_SIBLING_WORDS = 12
# An option label: one capitalised word, a letter or a number, a dash or colon, its name
# ("Option A — Keep the scripts.", "Proposal 2: Move to Bazel"); at least two alike.
_OPTION_LABEL = re.compile(r"^(?P<word>[A-Z][a-z]+) (?P<mark>[A-Z]|\d{1,2})\s*(?:[—–:]|--?)\s+(?P<name>[A-Z\d(\"“].*)$")
MIN_OPTION_LABELS = 2


@dataclass(frozen=True)
class Page:
    """The lines' features and where each line's neighbours are; nothing here changes."""

    lines: Sequence[LineFeatures]
    width: int | None

    def __len__(self) -> int:
        return len(self.lines)

    def __getitem__(self, i: int) -> LineFeatures:
        return self.lines[i]

    def text(self, i: int) -> str:
        return self.lines[i].text if 0 <= i < len(self.lines) else ""

    def next_content(self, i: int) -> int | None:
        return next((j for j in range(i + 1, len(self.lines)) if not self.lines[j].blank), None)

    def prev_content(self, i: int) -> int | None:
        return next((j for j in range(i - 1, -1, -1) if not self.lines[j].blank), None)

    def blank_before(self, i: int) -> bool:
        return i == 0 or self.lines[i - 1].blank

    def blank_after(self, i: int) -> bool:
        return i + 1 >= len(self.lines) or self.lines[i + 1].blank

    def block_from(self, j: int) -> list[int]:
        """The lines from ``j`` down to the next blank line or metadata line."""
        block = []
        while j < len(self.lines) and not self.lines[j].blank and not self.lines[j].skip:
            block.append(j)
            j += 1
        return block

    def runs_on(self, i: int) -> bool:
        """The sentence carries on to the next line: it starts in lower case, this line ends
        on a word no sentence ends on, or the text is hard-wrapped and this line reaches the
        margin. A lettered item ("a. Legal to review") starts a list, not a continuation. No
        sentence runs on over a blank line, however near the margin a line ends ("1.1 We were
        disciplined at letting people go, but we got scared to re-hire")."""
        following = self.lines[i + 1].raw.lstrip() if i + 1 < len(self.lines) else ""
        if not following:
            return False
        if self.width and is_wrapped_line(self.lines[i].raw, self.width, following):
            return True
        return bool(following) and (following[0].islower() or ends_open(self.lines[i].raw)) \
            and not starts_block(following)

    def hanging(self, i: int) -> list[int]:
        """Lines indented under line ``i`` with no blank between: a list item's own text."""
        j, own = i + 1, []
        while j < len(self.lines) and not self.lines[j].blank and self.lines[j].indent > self.lines[i].indent:
            own.append(j)
            j += 1
        return own

    def prose_at(self, j: int | None) -> bool:
        """Line ``j`` is body text: a sentence, or a long line that is not a table row or code."""
        if j is None or self.lines[j].skip or self.lines[j].indent >= CODE_INDENT:
            return False
        line = self.lines[j]
        return ends_sentence(line.text) or (len(line.text) >= BODY_LINE and not line.cells)


@dataclass(frozen=True)
class Layout:
    """What the whole document's layout says; 0-based line numbers throughout."""

    list_items: frozenset[int]
    numbered_heads: frozenset[int]
    lead_ins: frozenset[int]
    announced: frozenset[int]
    tables: frozenset[int]
    signatures: frozenset[int]
    title_siblings: frozenset[int]
    bold_siblings: frozenset[int]
    # Lines in capitals that stand alone between blank lines, however many.
    standing_caps: frozenset[int]
    option_labels: frozenset[int]


def read_page(lines: Sequence[LineFeatures]) -> Page:
    return Page(lines, wrap_width([line.raw for line in lines]))


def document_layout(page: Page) -> Layout:
    lead_ins = frozenset(i for i in range(len(page)) if _lead_in(page, i))
    list_items = _list_items(page, lead_ins)
    numbered_heads = _at_least(MIN_NUMBERED_HEADS, _numbered_heads(page, list_items))
    return Layout(
        list_items=list_items,
        numbered_heads=numbered_heads,
        lead_ins=lead_ins,
        announced=frozenset(j for i in lead_ins for j in page.block_from(i + 1)),
        tables=frozenset(_table_rows(page)),
        signatures=frozenset(_signatures(page)),
        title_siblings=frozenset() if _marked_up(page, numbered_heads) else _title_siblings(page),
        bold_siblings=_at_least(MIN_BOLD_SIBLINGS, (i for i in range(len(page)) if _standalone_bold(page, i))),
        standing_caps=frozenset(i for i in range(len(page)) if _standalone_caps(page, i)),
        option_labels=_option_labels(page),
    )


def _at_least(count: int, lines: Iterator[int] | Sequence[int]) -> frozenset[int]:
    """The lines, when there are enough of them to be siblings; none otherwise."""
    found = frozenset(lines)
    return found if len(found) >= count else frozenset()


def _lead_in(page: Page, i: int) -> bool:
    """A line ending with a colon that announces what follows: a sentence ("The options
    are:") but not a wh-clause ("What changes:"), a long line, or any line over a block of
    code, indented ("Returning:") or fenced ("Normal request flow:" over a diagram's source)."""
    line = page[i]
    if line.blank or line.skip or not line.text.endswith(":"):
        return False
    if line.numbering or line.bold or line.atx or line.caps:
        return False  # marked up as a heading, whatever follows it
    following = page.next_content(i)
    if (following is not None and page[following].indent >= CODE_INDENT) or _over_a_fence(page, i):
        return True
    if line.grammar == HEADLINE and not _announces_items(page, following):
        return False  # "Telemetry wins:" over a paragraph names it; over a list it leads in
    return (line.grammar in (CLAUSE, HEADLINE) and not wh_start(line.text)) or len(line.text) >= PARAGRAPH_LINE


def _over_a_fence(page: Page, i: int) -> bool:
    """The first line written after line ``i`` opens a fenced code block. A bare fence
    ("```") has no words and reads as blank, so the raw lines are asked."""
    written = next((j for j in range(i + 1, len(page)) if page[j].raw.strip()), None)
    return written is not None and is_fence(page[written].raw)


def _announces_items(page: Page, following: int | None) -> bool:
    """The next content is an item of a list: a bullet or a numbered line."""
    return following is not None and bool(page[following].bullet or page[following].numbering)


# -- numbered lines: a list, or section heads -------------------------------------------


def _numbered(page: Page) -> list[int]:
    return [i for i in range(len(page)) if page[i].numbering and not page[i].skip and page[i].indent <= 3]


def _list_items(page: Page, lead_ins: frozenset[int]) -> frozenset[int]:
    """Numbered lines that are items of a list: they run on into the next number, carry
    hanging text, follow a lead-in, or continue the numbering of such an item. In an
    outline ("2.1 Key results"), numbered titles may follow each other with no text
    between; lettered lines ("R. Adeyemi", "S. Lindqvist") still make a list."""
    numbered = _numbered(page)
    outline = any(page[i].numbering.depth > 1 and "." in page[i].numbering.label.rstrip(".")
                  and _short_title(page, i) for i in numbered)
    items = set()
    for i in numbered:
        following = _next_item(page, i)
        if following is not None and _sibling_items(page[i].numbering, page[following].numbering):
            titles = _short_title(page, i), _short_title(page, following)
            # Items of a list set apart by blank lines are alike: all titles or all sentences.
            loose_unlike = titles[0] != titles[1] and any(page[j].blank for j in range(i, following))
            outline_titles = outline and all(titles) and not page[i].numbering.relative
            if not outline_titles and not loose_unlike:
                items.update((i, following))
        if page.hanging(i) or (page.prev_content(i) in lead_ins and not _own_block(page, i)):
            items.add(i)
    return frozenset(_continued_lists(page, numbered, items))


def _own_block(page: Page, i: int) -> bool:
    """Line ``i`` stands over lines of its own before the next numbered line (not its hanging
    text): under a lead-in, "1. Good" over a list of comments is a head, not an item."""
    own, j = 0, page.next_content(i)
    while j is not None and not page[j].numbering:
        own += page[j].indent <= page[i].indent
        if own >= OWN_BLOCK_LINES:
            return True
        j = page.next_content(j)
    return False


def _short_title(page: Page, i: int) -> bool:
    return title_shaped(page[i].numbering.title, max_words=MAX_SHORT_TITLE_WORDS)


def _next_item(page: Page, i: int) -> int | None:
    """The next content after item ``i`` and its hanging, indented or code lines."""
    j = page.next_content(i)
    while j is not None and (page[j].indent > page[i].indent or page[j].skip) and not page[j].numbering:
        j = page.next_content(j)
    return j


def _sibling_items(first: Numbering | None, second: Numbering | None) -> bool:
    """Two items of one list: the second has the next number, or both repeat the same
    one, as lists written for markdown do ("1." on every item)."""
    if first is None or second is None:
        return False
    return second.follows(first) or (second.parts == first.parts and first.parts[-1] == 1)


def _continued_lists(page: Page, numbered: list[int], items: set[int]) -> set[int]:
    """``items`` and the numbered lines that count on from them ("4." under a list's "3."
    with text between), in document order. A line counts on from the nearest numbered line
    of its level when its number comes next; it continues a list only if every line above
    numbered like that nearest one is a list item, so a head "4." after a list whose last
    item is "3." still follows the head "3."."""
    items = set(items)
    nearest: dict[int, Numbering] = {}
    numbered_as: dict[tuple[int, ...], list[int]] = defaultdict(list)
    for i in numbered:
        own = page[i].numbering
        before = nearest.get(own.depth)
        if before is not None and own.follows(before) and all(j in items for j in numbered_as[before.parts]):
            items.add(i)
        nearest[own.depth] = own
        numbered_as[own.parts].append(i)
    return items


def _numbered_heads(page: Page, list_items: frozenset[int]) -> Iterator[int]:
    """Numbered lines that stand over body text of their own, not over the next item."""
    for i in _numbered(page):
        if i in list_items or page.runs_on(i):
            continue
        following = page.next_content(i)
        if following is not None and not page[following].skip:
            yield i


# -- look-alikes -------------------------------------------------------------------------


def _table_rows(page: Page) -> Iterator[int]:
    """Rows of a table: lines of cells next to another line of cells."""
    for i in range(len(page)):
        if page[i].cells and ((i > 0 and page[i - 1].cells) or (i + 1 < len(page) and page[i + 1].cells)):
            yield i


def _signatures(page: Page) -> Iterator[int]:
    """The line after a greeting or a sign-off ("Thanks," "Signed,"): names, not a title."""
    for i in range(len(page)):
        line = page[i]
        short_with_comma = line.text.endswith(",") and line.words <= MAX_SIGNATURE_LEAD_WORDS
        if not line.blank and (line.signoff or short_with_comma):
            following = page.next_content(i)
            if following is not None:
                yield from page.block_from(following)


# -- siblings ----------------------------------------------------------------------------


def _marked_up(page: Page, numbered_heads: frozenset[int]) -> bool:
    """The document marks its headings (``#``, underlines, bold lines, numbers), so plain
    lines standing alone are not its heading style."""
    marked = [i for i in range(len(page)) if page[i].atx or _standalone_bold(page, i)
              or (page[i].underline and i > 0 and not page[i - 1].blank)]
    return len(marked) + len(numbered_heads) >= MIN_MARKED_HEADINGS


def _title_siblings(page: Page) -> frozenset[int]:
    """Short lines standing alone over prose, when enough of them carry no final mark to
    make them the document's heading style; a question or an exclamation of that shape
    then joins them ("Who did we hear from?"). Questions alone can be the style too: two
    standing alone over prose ("What went wrong?", "What happens next?")."""
    alone = [i for i in range(len(page)) if _isolated_title(page, i)]
    plain = [i for i in alone if page[i].text[-1] not in "?!"]
    if len(plain) >= MIN_TITLE_SIBLINGS:
        return frozenset(alone)
    questions = [i for i in alone if page[i].text.endswith("?")]
    return frozenset(questions) if len(questions) >= MIN_QUESTION_SIBLINGS else frozenset()


def _isolated_title(page: Page, i: int) -> bool:
    """A short line alone between blank lines, over prose, shaped like a title: the way
    many texts open their sections without any markup."""
    line = page[i]
    if line.blank or line.skip or not page.blank_before(i) or not page.blank_after(i):
        return False
    if line.indent > 3 or not 1 <= line.words <= MAX_SIBLING_WORDS or len(line.text) > MAX_TITLE_CHARS:
        return False
    if not starts_like_title(line.text) or line.two_sentences or "://" in line.text or line.dated:
        return False
    if line.text.endswith((".", ",", ";", ":")) or line.text[-1] in "\"'”’":
        return False
    if any((line.bullet, line.numbering, line.cells, line.field, line.salutation, line.signoff,
            line.atx, line.bold, line.caps, line.bracket)):
        return False
    return page.prose_at(page.next_content(i))


def _option_labels(page: Page) -> frozenset[int]:
    """Lines that each name an alternative the same way, one word and a different letter or
    number ("Option A — …", "Option B — …"), each on a line of its own with prose below it.
    Two make a set of options; a lone "Phase 2: done." is a sentence with a label."""
    by_word: dict[str, dict[str, int]] = defaultdict(dict)
    for i in range(len(page)):
        line = page[i]
        found = _OPTION_LABEL.match(line.text)
        if (found is None or line.indent > 3 or line.two_sentences or line.words > MAX_SIBLING_WORDS
                or not page.prose_at(page.next_content(i))):
            continue
        by_word[found["word"]].setdefault(found["mark"], i)
    return frozenset(i for marks in by_word.values() if len(marks) >= MIN_OPTION_LABELS for i in marks.values())


def _standalone_bold(page: Page, i: int) -> bool:
    return bool(page[i].bold) and page.blank_before(i) and page.blank_after(i)


def _standalone_caps(page: Page, i: int) -> bool:
    return page[i].caps and not page[i].bullet and page.blank_before(i) and page.blank_after(i)


def starts_like_title(text: str) -> bool:
    """Titles start with a capital, a digit or an opening bracket or quote, not mid-sentence."""
    first = text[0]
    return first.isupper() or first.isdigit() or first in "(\"'“‘["
