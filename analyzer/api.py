"""The public Python API; the CLI is a thin layer over it."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, fields
from functools import lru_cache
from typing import Any

from spacy.language import Language

from .errors import InputError, OptionError, unknown_option
from .pipeline import build_pipeline, model_label
from .reading import normalise
from .report import build_report


@dataclass(frozen=True)
class Options:
    """Everything that changes what the analyzer reports, besides the model."""

    batch_size: int = 32

    @classmethod
    def from_kwargs(cls, kwargs: dict[str, Any]) -> Options:
        valid = [f.name for f in fields(cls)]
        for name in kwargs:
            if name not in valid:
                raise unknown_option(name, valid)
        options = cls(**kwargs)
        if not isinstance(options.batch_size, int) or options.batch_size < 1:
            raise OptionError(f"batch_size must be a positive integer, not {options.batch_size!r}")
        return options


@lru_cache(maxsize=4)
def _pipeline(model: str | None) -> Language:
    """Pipelines are costly to build and stateless between documents, so share them."""
    return build_pipeline(model)


class Analyzer:
    """Analyse memos with one pipeline, loaded once.

    >>> report = Analyzer().analyze("# Status\\nAll good this week.")  # doctest: +SKIP
    """

    def __init__(self, model: str | None = None, **options: Any) -> None:
        self.options = Options.from_kwargs(options)
        self.nlp = _pipeline(model)
        self.model = model_label(self.nlp)

    def analyze(self, text: str, source: str | None = None) -> dict[str, Any]:
        """Analyse one document and return its JSON report as a dict."""
        return next(self.analyze_many([(source, text)]))

    def analyze_many(self, items: Iterable[tuple[str | None, str]]) -> Iterator[dict[str, Any]]:
        """Analyse (source, text) pairs lazily through ``nlp.pipe``, in input order."""
        prepared = ((self._prepare(text, source), source) for source, text in items)
        docs = self.nlp.pipe(prepared, as_tuples=True, batch_size=self.options.batch_size)
        for doc, source in docs:
            yield build_report(doc, source=source, model=self.model)

    def _prepare(self, text: str, source: str | None) -> str:
        name = source or "text"
        if not isinstance(text, str):
            raise InputError(f"{name}: expected text (str), got {type(text).__name__}")
        text = normalise(text)
        if not text.strip():
            raise InputError(f"{name}: is empty (no text to analyse)")
        if len(text) > self.nlp.max_length:
            raise InputError(
                f"{name}: is too long ({len(text):,} characters; the limit is "
                f"{self.nlp.max_length:,}); split it into smaller documents"
            )
        return text


def analyze(text: str, source: str | None = None, **options: Any) -> dict[str, Any]:
    """Analyse one text with the default model: ``analyzer.analyze(text)``."""
    return Analyzer(**options).analyze(text, source)
