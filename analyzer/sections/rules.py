"""The heading rules: small functions over a line's features, the document's layout and the
headings already found above it. Each returns a ``Heading`` whose ``cue`` names the rule
that took the line, or None.

Strongest markup first: a ``#`` heading, an underlined line, a bold line, a numbered line,
an ALL CAPS line, an option label of a set ("Option A — …"), a ``Label:``, a bracketed option
label, and last a plain title line. The
first rule that takes a line decides, so every heading can say why it is one.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from .features import CLAUSE, INTERJECTION, PHRASE, LineFeatures, title_shaped, two_sentences, wh_start
from .document_layout import BODY_LINE, MAX_SHORT_TITLE_WORDS, MAX_TITLE_WORDS, Layout, Page, starts_like_title
from .layout import ANSWER_LABEL, QUESTION_LABEL, ends_sentence, words_of
from .lookalikes import key_value

# Attributes at the end of a Markdown heading (Pandoc, kramdown, Hugo): "{#thanks}", "{.note}".
_ATTRIBUTES = re.compile(r"\s*\{[#.][^{}]*\}\s*$")
# A name written in lower case that may open a title: a site or package ("pkgs.dev incident
# report"), or a brand in camel case ("iOS release notes").
_LOWER_CASE_NAME = re.compile(r"^(?:[a-z][\w-]*\.[a-z]\w*|[a-z]+[A-Z]\w*)\b")
# A line that gives a figure as its value ("Fiscal host fees at 7%: $10,000", a review's
# "Rating: 4/5 (Exceeds expectations)") is an item of a list, a budget or a form, never a
# title, however long the line under it.
_FIGURE_VALUE = re.compile(r":\s*[$€£]?\s?\d[\d,.]*\s*(?:%|[kKmM]|bn|/\s*\d+)?\s*(?:\([^()]*\))?\s*$")
# Lower ranks sit higher in the hierarchy. Markup fixes a rank; plain cues rank CAPS above
# bold lines above labels and title lines above bracketed option labels.
RANK_CAPS = 1.0
# Other lines in capitals standing alone that let one ended with a stop be a heading.
CAPS_SIBLINGS = 3
RANK_BOLD = 2.5
RANK_TITLE = 3.0
RANK_BRACKET = 4.0
# A numbered heading sits just below a markup heading or CAPS title of the same depth.
NUMBERED_OFFSET = 0.5

MAX_LABEL_WORDS = 6
# A label with no verb may run longer over prose: "Telemetry in the toolchain and beyond:".
MAX_PHRASE_LABEL_WORDS = 9
# The last words of a lead-in whose sentence the lines below complete.
_BREAKING_OFF = frozenset({"to", "that"})
MAX_BRACKET_WORDS = 8
MAX_BRACKET_TAIL_WORDS = 12
MAX_QUESTION_WORDS = 10
MAX_LABELLED_QUESTION_WORDS = 30
MAX_SETEXT_WORDS = 20
# A numbered line standing over its own section may be a long phrase ("4. Copies of
# every invoice, receipt and refund note, ...;") or a short sentence ("2. No more late rotas.").
MAX_HEAD_WORDS = 25
MAX_HEAD_SENTENCE_WORDS = 10
# A document's first line, above its header fields, is its title up to this length.
MAX_DOCUMENT_TITLE_WORDS = 20
# A block of unfinished lines reads as prose when its lines are this long on average.
BLOCK_PROSE = 40


@dataclass(frozen=True)
class Heading:
    line: int
    last_line: int
    title: str
    cue: str
    rank: float


@dataclass(frozen=True)
class Context:
    """Everything a rule may read: the page, its layout, and the headings found above."""

    page: Page
    layout: Layout
    fields: frozenset[int] = frozenset()
    # Chat speaker lines ("Clara Duval  10:45"): the message starts right under one.
    speakers: frozenset[int] = frozenset()
    taken: tuple[Heading, ...] = ()
    taken_lines: frozenset[int] = field(default_factory=frozenset)

    def with_heading(self, heading: Heading) -> Context:
        lines = range(heading.line - 1, heading.last_line)
        return replace(self, taken=(*self.taken, heading), taken_lines=self.taken_lines | set(lines))

    def opens_block(self, i: int) -> bool:
        """Nothing runs into this line: it starts the text or follows a blank line, a
        heading or a metadata block. Text just above means the line belongs to a paragraph
        or a list; so does a chat speaker's line, whose message starts right under it."""
        return (self.page.blank_before(i) or (i - 1) in self.taken_lines
                or (self.page[i - 1].skip and (i - 1) not in self.speakers))

    def marked_block_start(self, i: int) -> bool:
        """A numbered or bracketed line carries its own marker, so it may also follow any
        finished sentence, short or long, without a blank line."""
        above = self.page.text(i - 1)
        return self.opens_block(i) or ends_sentence(above) or above.endswith(":")

    def under_heading(self, i: int) -> bool:
        return (i - 1) in self.taken_lines

    def follows_heading(self, i: int, cue: str) -> bool:
        return bool(self.taken) and self.taken[-1].cue == cue and self.taken[-1].last_line >= i - 1

    def reads_as_sentence(self, i: int, text: str) -> bool:
        """The parse finds a statement or an interjection; a wh-clause ("What went wrong",
        "Who is covered") is a common title and is let through."""
        return self.page[i].grammar in (CLAUSE, INTERJECTION) and not wh_start(text)

    def prose_after(self, i: int) -> bool:
        """The very next line is prose: a sentence, or a long line that is not a field."""
        following = self.page.text(i + 1)
        return ends_sentence(following) or (len(following) >= BODY_LINE and not key_value(following))

    def starts_timed_run(self, i: int) -> bool:
        """Lines that open with a time, date or figure, one after another, are a timeline or
        a table, however long each line is."""
        return self.page.text(i)[:1].isdigit() and self.page.text(i + 1)[:1].isdigit()

    def body_follows(self, i: int) -> bool:
        """Text follows: a sentence, a long line, a list, an option label, or a block of
        lines that are alike among themselves and unlike this one (a title over a timeline)."""
        j = self.page.next_content(i)
        if j is None or self.page[j].skip:
            return False
        line = self.page[j]
        if line.text.endswith(","):
            return False  # a greeting or a sign-off
        if line.ends_sentence or len(line.text) >= BODY_LINE or line.bullet:
            return True
        if line.numbering or line.bracket:
            return True
        block = self.page.block_from(j)
        if len(block) < 2 or line.text.endswith(":"):
            return False
        if sum(len(self.page.text(k)) for k in block) / len(block) >= BLOCK_PROSE:
            return True
        if any(self.page[k].ends_sentence for k in block):
            return True
        shapes = {_shape(self.page.text(k)) for k in block}
        return len(shapes) == 1 and _shape(self.page.text(i)) not in shapes

    def title_over_fields(self, i: int) -> bool:
        """The document's first line, set apart above its header fields (``Author:``,
        ``Date:``, a PEP's fields) or above the greeting that opens a letter ("We shipped
        offline mode!" over "Team,"), names the document whatever its grammar."""
        following = self.page.next_content(i)
        if self.page.prev_content(i) is not None or following is None:
            return False
        return following in self.fields or (self.page.blank_after(i) and self.page[following].salutation
                                            and not self.page[i].dated)


Rule = Callable[[int, Context], "Heading | None"]


def atx(i: int, ctx: Context) -> Heading | None:
    line = ctx.page[i]
    if not line.atx:
        return None
    level, title = line.atx
    return Heading(i + 1, i + 1, clean(title), "atx", float(level))


def setext(i: int, ctx: Context) -> Heading | None:
    line = ctx.page[i]
    if i + 1 >= len(ctx.page) or not ctx.page[i + 1].underline:
        return None
    if line.bullet or line.words > MAX_SETEXT_WORDS or not ctx.opens_block(i):
        return None
    rank = 1.0 if ctx.page[i + 1].underline == "=" else 2.0
    return Heading(i + 1, i + 2, clean(line.text), "setext", rank)


def bold(i: int, ctx: Context) -> Heading | None:
    """Bold questions and labels are headings; a bold full sentence is emphasis, and so is
    an exclamation unless it stands alone like the document's other bold headings."""
    title = ctx.page[i].bold
    if title is None or len(words_of(title)) > MAX_TITLE_WORDS or title.endswith("."):
        return None
    if title.endswith("!") and i not in ctx.layout.bold_siblings:
        return None
    return Heading(i + 1, i + 1, clean(title), "bold", RANK_BOLD)


def numbered(i: int, ctx: Context) -> Heading | None:
    """A numbered line that is not a list item, shaped as a title. Where the document's
    numbered lines each stand over a section of their own, a line of theirs may be a
    longer phrase or a short sentence, and the parse has no say."""
    number = ctx.page[i].numbering
    if number is None or i in ctx.layout.list_items or not ctx.marked_block_start(i) or ctx.page.runs_on(i):
        return None
    title = number.title
    if i in ctx.layout.numbered_heads:
        if not _head_shaped(title):
            return None
    elif not (title.endswith("?") and title_shaped(title[:-1], max_words=MAX_SHORT_TITLE_WORDS)):
        if not title_shaped(title, max_words=MAX_SHORT_TITLE_WORDS) or ctx.reads_as_sentence(i, title):
            return None
    depth = number.depth
    if number.relative:
        above = [h for h in ctx.taken if h.cue == "numbered"]
        depth = int(above[-1].rank) + 1 if above else 1
    return Heading(i + 1, i + 1, clean(f"{number.label} {title}"), "numbered", depth + NUMBERED_OFFSET)


def caps(i: int, ctx: Context) -> Heading | None:
    line = ctx.page[i]
    if not line.caps or line.indent > 3 or line.bullet or i in ctx.layout.tables:
        return None
    # Shaped like a title: "PSF," is the tail of a sentence a hard wrap left on its own line.
    if not _caps_title(i, ctx) or ctx.page.runs_on(i):
        return None
    if ctx.page.next_content(i) is None and not ctx.follows_heading(i, "caps"):
        return None
    return Heading(i + 1, i + 1, clean(line.text), "caps", RANK_CAPS)


def _caps_title(i: int, ctx: Context) -> bool:
    """Shaped like a title, or like one ended with a mark: a question ("HOW DOES THIS AFFECT
    ME?"), or, where lines in capitals standing alone recur as siblings, a stop ("THE BREACH
    IS NOT A PRODUCT ISSUE."). One shouted sentence alone in a memo stays a sentence."""
    text = ctx.page.text(i)
    if title_shaped(text, max_words=MAX_SHORT_TITLE_WORDS):
        return True
    if text[-1:] not in "?." or not title_shaped(text[:-1], max_words=MAX_SHORT_TITLE_WORDS):
        return False
    return text.endswith("?") or len(ctx.layout.standing_caps - {i}) >= CAPS_SIBLINGS


def label(i: int, ctx: Context) -> Heading | None:
    """``Next steps:`` over its own text. A lead-in sentence ("The council shall work
    to:"), a line announcing code, a salutation and a field are not labels."""
    line = ctx.page[i]
    if not line.label or line.indent > 3 or ctx.page.runs_on(i):
        return None
    if i in ctx.layout.announced or i in ctx.layout.lead_ins or line.salutation or line.field:
        return None
    if ANSWER_LABEL.match(line.text):
        return None
    words = len(words_of(line.label))
    if words > (MAX_PHRASE_LABEL_WORDS if line.grammar == PHRASE else MAX_LABEL_WORDS) or line.two_sentences:
        return None
    if words > MAX_LABEL_WORDS and not ctx.prose_after(i) and not ctx.prose_after(i + 1):
        return None  # a longer label over a list leads in to it: "Nominees (in order of name):"
    if not ctx.opens_block(i) or ctx.page.next_content(i) is None or ctx.under_heading(i):
        return None
    if ctx.reads_as_sentence(i, line.label) or _breaks_off(line.label):
        return None
    return Heading(i + 1, i + 1, clean(line.label), "label", RANK_TITLE)


def _breaks_off(label: str) -> bool:
    """A long label that stops on "to" or "that" ("During the plan period you are expected
    to:") is a sentence the list below completes, not a title."""
    words = words_of(label)
    return len(words) > MAX_LABEL_WORDS // 2 and words[-1].lower() in _BREAKING_OFF


def option(i: int, ctx: Context) -> Heading | None:
    """A line of the document's set of option labels ("Option B — Move to Bazel."): the
    heading of the text that weighs it, whether or not its name ends with a stop."""
    if i not in ctx.layout.option_labels or not ctx.marked_block_start(i):
        return None
    title = clean(ctx.page[i].text)
    return Heading(i + 1, i + 1, title[:-1] if title.endswith(".") else title, "option", RANK_BRACKET)


def bracket(i: int, ctx: Context) -> Heading | None:
    """"(horizontal team)" names an option; "(a)" enumerates, "(...)" elides,
    "[10:32]" stamps a time, and "[rota] Unlike…" opens a note under the text."""
    line = ctx.page[i]
    if not line.bracket or line.indent > 3:
        return None
    name, tail = line.bracket
    if sum(c.isalpha() for c in name) < 3 or len(words_of(name)) > MAX_BRACKET_WORDS:
        return None
    if tail and (ends_sentence(tail) or len(words_of(tail)) > MAX_BRACKET_TAIL_WORDS):
        return None
    # A note's text ("[rota] Unlike most teams we know, we share…") runs on to the next line;
    # a reference gives an address ("[vote] https://…").
    if ctx.page.runs_on(i) or "://" in tail:
        return None
    if not ctx.marked_block_start(i) or not ctx.body_follows(i):
        return None
    return Heading(i + 1, i + 1, clean(line.text), "bracket", RANK_BRACKET)


def title_line(i: int, ctx: Context) -> Heading | None:
    """A plain line that names what follows: the document's first line over its fields, a
    short line standing alone like its siblings, a question answered below it, or a short
    phrase over body text."""
    line = ctx.page[i]
    heading = Heading(i + 1, i + 1, clean(line.text), "title-line", RANK_TITLE)
    if _names_document(i, ctx):
        return heading
    if not _could_be_title(i, ctx):
        return None
    if ctx.under_heading(i) and (line.text.endswith(":") or not ctx.prose_after(i)):
        return None  # a subtitle, or a label introducing the section's own content
    if _over_a_numbered_part(i, ctx):
        return None
    if i in ctx.layout.title_siblings:
        return heading
    if line.text.endswith("?"):
        return heading if _answered(i, ctx) else None
    if not title_shaped(line.text, max_words=MAX_TITLE_WORDS) or ctx.reads_as_sentence(i, line.text):
        return None
    # A long line ending with a colon announces what follows; only a short one names it.
    if line.text.endswith(":") and line.words > MAX_LABEL_WORDS:
        return None
    # The first line of a document is its title when anything follows it; later title
    # lines must introduce body text.
    first_line = ctx.page.prev_content(i) is None
    if ctx.body_follows(i) or (first_line and ctx.page.next_content(i) is not None):
        return heading
    return None


def _over_a_numbered_part(i: int, ctx: Context) -> bool:
    """A line right above one of the document's numbered sub-parts ("Liaison: Dana Reyes" over
    "4.1 Members:") belongs to the section the sub-part divides; as a heading it would stand
    over nothing. The document's own title over "1. Summary" stays a title."""
    below = ctx.page.next_content(i)
    if below is None or below not in ctx.layout.numbered_heads or ctx.page.prev_content(i) is None:
        return False
    number = ctx.page[below].numbering
    return number is not None and number.depth > 1


def _names_document(i: int, ctx: Context) -> bool:
    """The document's first line, set apart above its header fields, is its title
    whatever its grammar, and however near the margin it reaches, even when it opens on a
    name written in lower case ("pkgs.dev incident report")."""
    line = ctx.page[i]
    if not ctx.title_over_fields(i) or line.words > MAX_DOCUMENT_TITLE_WORDS or line.text.endswith((",", ":")):
        return False
    return _plain(line) and (starts_like_title(line.text) or _LOWER_CASE_NAME.match(line.text) is not None)


def _could_be_title(i: int, ctx: Context) -> bool:
    """Nothing about the line itself rules it out: not in a list, a table or a signature,
    not a lead-in, field, date, greeting or enumerated line, not a line that gives a figure as
    its value, and not part of a paragraph."""
    line, layout = ctx.page[i], ctx.layout
    if i in layout.announced or i in layout.tables or i in layout.signatures or i in layout.lead_ins:
        return False
    if not _plain(line) or line.dated or not starts_like_title(line.text) or _FIGURE_VALUE.search(line.text):
        return False
    if ANSWER_LABEL.match(line.text):
        return False
    if _in_field_run(i, ctx):
        return False
    return not ctx.page.runs_on(i) and ctx.opens_block(i) and not ctx.starts_timed_run(i)


def _in_field_run(i: int, ctx: Context) -> bool:
    """A ``Key: value`` line standing alone, with nothing of its own under it, next to another
    such line: a run of fields ("Name: 2024 Election", "Type: Election"), not a title. "Risks:
    what could go wrong" over its own lines, or a document's first line, may be a title, and
    a title above ("Q2 check-in: Support" over "Objective 1: Faster replies") is no field."""
    page = ctx.page
    if not key_value(page[i].text) or not page.blank_after(i) or page.prev_content(i) is None:
        return False
    if QUESTION_LABEL.match(page[i].text):  # "Q: …" over "A: …" is a FAQ's, not a field
        return False
    neighbours = (page.prev_content(i), page.next_content(i))
    return any(j is not None and j not in ctx.taken_lines and key_value(page[j].text) for j in neighbours)


def _plain(line: LineFeatures) -> bool:
    """Not a list item, field, link, greeting or sign-off, and not indented as code."""
    if line.indent > 3 or line.bullet or line.numbering or line.field or "://" in line.text:
        return False
    return not (line.salutation or line.signoff)


def _answered(i: int, ctx: Context) -> bool:
    """A short question is a heading when prose answers it on the very next line.
    Questions are clauses by nature, so the parse has no say here. A question a FAQ labels
    ("Q: …" over "A: …") is a heading like its siblings however long it runs."""
    line = ctx.page[i]
    if QUESTION_LABEL.match(line.text):  # "A: …" below, or past a blank line
        below = ctx.page.next_content(i)
        return below is not None and ANSWER_LABEL.match(ctx.page.text(below)) is not None \
            and line.words <= MAX_LABELLED_QUESTION_WORDS
    if i + 1 >= len(ctx.page) or ctx.page[i + 1].skip:
        return False
    answer = ctx.page.text(i + 1)
    if line.words > MAX_QUESTION_WORDS or line.two_sentences:
        return False
    return (ends_sentence(answer) or len(answer) >= BODY_LINE) and not answer.endswith("?")


RULES: tuple[Rule, ...] = (atx, setext, bold, numbered, caps, option, label, bracket, title_line)


def _head_shaped(title: str) -> bool:
    """A numbered section head's own words: one phrase, or one short sentence, or the
    question a numbered FAQ entry asks, which may set out its case first ("3.2 I block
    forced pushes. Am I safe from this, right?")."""
    count = len(words_of(title))
    if not 1 <= count <= MAX_HEAD_WORDS:
        return False
    if title.endswith("?"):
        return True
    if two_sentences(title):
        return False
    return count <= MAX_HEAD_SENTENCE_WORDS or not ends_sentence(title)


def _shape(text: str) -> tuple[str, bool]:
    """How a line starts (digit, letter, other) and whether it is a ``key: value`` field:
    enough to see a run of alike lines such as a timeline or a list of names."""
    start = "digit" if text[:1].isdigit() else "letter" if text[:1].isalpha() else "other"
    return start, key_value(text)


def clean(title: str) -> str:
    """The title as a reader would quote it: no emphasis markers, no trailing colon, no
    attributes that Markdown tools hang on a heading ("Thanks {#thanks}")."""
    title = _ATTRIBUTES.sub("", title).strip().strip("*_").strip()
    return title[:-1].rstrip() if title.endswith(":") else title
