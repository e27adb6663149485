"""``analyzer_pii``: find the people (and their e-mails, phones, profile URLs and IDs) in a memo.

The small English model misses many names (it reads "Quinn" as a place, "Rafał" as an
organisation) and tags product and team names as people ("Cody", "Strat", "Bank Z"). So a
name is accepted on evidence, weighed per distinct name over the whole document:

- strong evidence: a greeting ("Hi Dana,"), a sign-off ("Thanks, Priya" or a name under
  "Best,"), a header ("From:", "Cc:"), a chat or transcript speaker, a title ("Dr."), being
  addressed ("Ravi, can you"), being the subject or object of a verb that takes a person
  ("Quinn wants", "told Quinn"; "Chiamaka will write" opening a line, where the tagger reads the
  name as a noun, when no dictionary holds the word), being coordinated with a personal pronoun ("Björn and I"),
  a following "who", a full name followed by its organisation ("Ana Lima of the Fennick
  Institute"), being cited as an author ("Okonkwo and Lindqvist (2013)", "(Abernethy,
  2004)", "Haugland et al."), the deny list;
- medium evidence: the model's PERSON entity, being listed with an accepted person
  ("Rafał and Erik"), being a full name in a roster where several others are people (one
  name a line, a bulleted list, names and commas), or being called "he" or "she" next. Medium evidence is enough unless
  the name also looks like something else: a word the document uses in lower case
  ("strat"), a common noun to the tagger ("Leadership is"), a heading or "Label:" word, a
  modifier of a common noun ("Cody teams"), a thing used or worked in ("uses Cody"), an
  organisation the model tags as such at least twice, or coordinated with one;
- never a person: anything on the allow list, a phrase with an organisation or department
  word ("Bank Z", "Atlas Team", "Leadership"), a product-shaped word ("JetBrains",
  "Node.js"), a short acronym, a word of a date ("4 Mar 2025").

Every occurrence of an accepted name's words then counts as a mention, in any case
("DANA"), widened to the capitalised words around it ("Priya" -> "Priya Raman"), with the
name in another script in parentheses after it ("Liang Wei (梁伟)"). A cited author who
writes their name in lower case ("zora finch (2016)") is taken apart from the verdict, whose
rules read capitals, and every place its words are written is a mention.

The steps each return their results, one module each: ``found`` (shaped data: e-mails,
URLs, IDs, handles, phones), ``evidence`` (candidates with the reasons for them),
``verdict`` (which are people, and why the others are not), ``mentions`` (where they occur).
Results: ``doc.spans["analyzer_pii"]`` (labels PERSON, HANDLE, EMAIL, PHONE, URL, ID) and
``doc._.analyzer_pii``, a ``Detection`` that also says why each name was taken or left.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions
from ..known_words import dictionary
from .citations import PEN_NAME, pen_name_mentions
from .context import term_regex
from .evidence import gather
from .found import find_shaped, spans_of
from .mention import EMAIL, HANDLE, PERSON, Detection, Mention
from .names import fold
from .mentions import named_urls, ordinary_words, person_mentions, without_overlaps
from ..data.saved import DataComponent
from .patterns import PiiPatterns, build_patterns, load_patterns
from .reader import NameReader
from .rosters import other_script_names
from .verdict import judge

__all__ = ["HANDLE", "PERSON", "SPANS_KEY", "Detection", "Mention", "PiiDetector", "make_pii"]

SPANS_KEY = "analyzer_pii"


class PiiDetector(DataComponent):
    """Rules and lists built once per pipeline; each call only reads a document.

    ``initialize(patterns=..., allow=..., deny=...)`` hands them over. The patterns are saved
    with a pipeline; the allow and deny lists are a run's own and never saved or put in
    ``nlp.config``. ``known`` says whether a word is in the pipeline's dictionary, which tells
    a given name opening a sentence ("Chiamaka will write…") from a common noun ("Legal will
    write…"); by default every word is known, and that rule is off.
    """

    def __init__(self, known: Callable[[str], bool] = lambda word: True) -> None:
        self.known = known

    def initialize(self, get_examples=None, *, nlp: Language | None = None, patterns: PiiPatterns | None = None,
                   allow: Iterable[str] = (), deny: Iterable[str] = ()) -> None:
        patterns = patterns or load_patterns()
        self.texts = {"patterns": patterns.tables}
        self.patterns = patterns
        self.phrases = {role: patterns.phrases(role) for role in ("greeting", "signoff", "header")}
        # Read backwards from a name: "thank you" ends just before "Priya".
        self.phrases["thanks_reversed"] = [phrase[::-1] for phrase in patterns.phrases("thanks")]
        self.allow = term_regex((name, False) for name in allow)
        self.deny = term_regex((name, False) for name in deny)

    def rebuild(self, texts: dict) -> dict:
        return {"patterns": build_patterns(texts["patterns"])}

    def __call__(self, doc: Doc) -> Doc:
        self.ensure_initialized()
        detection = self.detect(doc)
        doc._.analyzer_pii = detection
        doc.spans[SPANS_KEY] = [
            span for m in detection.mentions
            if (span := doc.char_span(m.start, m.end, label=m.label, alignment_mode="expand")) is not None
        ]
        return doc

    def detect(self, doc: Doc) -> Detection:
        """Shaped data, then evidence, then verdicts, then every mention of the people found."""
        shaped = find_shaped(doc.text, self.patterns, self.allow)
        reader = NameReader(doc, self.patterns, shaped.masks, self.known)
        addresses = [m for m in shaped.mentions if m.label in (EMAIL, HANDLE)]
        evidence = gather(reader, self.phrases, spans_of(self.deny, doc.text), addresses)
        verdict = judge(reader, evidence)
        early = [*shaped.mentions, *evidence.handles]
        people = {w for key in verdict.people for w in key}
        inverted = [m for m in evidence.inverted if {fold(w) for w in m.words} <= people]
        pen_names = pen_name_mentions(reader, evidence.pen_names)
        names = [*inverted, *person_mentions(reader, verdict), *pen_names]
        names += other_script_names(reader, names)
        mentions = [*early, *names, *named_urls(reader, verdict, early)]
        # Names in lower case skip the verdict (it reads capitals), but say why they were taken.
        cited = {tuple(fold(w) for w in m.words): (PEN_NAME,) for m in pen_names}
        return Detection(tuple(without_overlaps(mentions)), {**cited, **verdict.people}, verdict.rejected,
                         ordinary_words(reader, verdict, names))


@Language.factory(
    "analyzer_pii",
    assigns=["doc._.analyzer_pii", "doc.spans"],
    default_config={},
)
def make_pii(nlp: Language, name: str) -> PiiDetector:
    """People, handles, e-mails, phones, person URLs and IDs in doc.spans["analyzer_pii"]."""
    extensions.register()
    return PiiDetector(dictionary(nlp))
