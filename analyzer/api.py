"""The public Python API; the CLI is a thin layer over it."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from .errors import EmptyInputError, InputError, TooLargeInputError
from .options import Options
from .pieces import analysed
from .pipeline import build_pipeline, model_label
from .privacy import PrivacySettings, protect
from .text.read import normalise
from .report import Report
from .report.build import build_report


class Analyzer:
    """Analyse memos with one pipeline, built once for this Analyzer and used for every
    document it analyses. Build one and keep it: building costs seconds, analysing a memo
    a fraction of one. Two Analyzers never share a pipeline, so changing one's ``nlp``
    cannot change the other's reports.

    >>> report = Analyzer().analyze("# Status\\nAll good this week.")  # doctest: +SKIP
    """

    def __init__(self, model: str | None = None, **options: Any) -> None:
        self.options = Options.from_kwargs(options)
        # A bad pseudonym key is refused before the seconds a pipeline takes to build.
        mode = self.options.privacy_mode
        self.privacy = PrivacySettings.load(mode, self.options.pseudonym_key) if mode else None
        # As given, so another process can build the same Analyzer (batch workers do).
        self.model_name = model
        self.nlp = build_pipeline(model, self.options)
        self.model = model_label(self.nlp)

    def analyze(self, text: str, source: str | None = None) -> Report:
        """Analyse one document and return its JSON report as a dict.

        The dict is a ``Report``: its ``.privacy`` attribute (never serialised) is what a
        writer passes to ``analyzer.privacy.check_leaks`` before writing a rendered report.
        """
        return next(self.analyze_many([(source, text)]))

    def analyze_many(self, items: Iterable[tuple[str | None, str]]) -> Iterator[Report]:
        """Analyse (source, text) pairs lazily through ``nlp.pipe``, in input order (a very
        long text through the model piece by piece: ``pieces.analysed``)."""
        prepared = ((self.prepare(text, source), source) for source, text in items)
        # Detection costs about 5% of the run; skip it when nothing is to be redacted.
        skip = [] if self.privacy else ["analyzer_pii"]
        # A very long text goes through the model in pieces, so memory stays flat.
        docs = analysed(self.nlp, prepared, self.options.batch_size, disable=skip)
        for doc, source in docs:
            # Built with the section texts, so redaction covers them whatever format shows them.
            report = protect(build_report(doc, source=source, model=self.model), doc, self.privacy)
            if not self.options.section_text:
                report = report.without_bodies()
            # Our extensions hold spans of their doc: a reference cycle only the garbage
            # collector breaks, late, so a long stream's memory would climb. The doc goes no
            # further than here, so break the cycle now and let it go at once.
            doc.user_data.clear()
            yield report

    def prepare(self, text: str, source: str | None) -> str:
        """Normalise one text, or raise ``InputError`` saying why it cannot be analysed.

        Public so a batch can refuse a bad document on its own before it reaches
        ``nlp.pipe``, where one bad text would stop the whole stream.
        """
        name = source or "text"
        if not isinstance(text, str):
            raise InputError(f"{name}: expected text (str), got {type(text).__name__}")
        text = normalise(text)
        if not text.strip():
            raise EmptyInputError(f"{name}: is empty (no text to analyse)")
        if len(text) > self.nlp.max_length:
            raise TooLargeInputError(
                f"{name}: is too long ({len(text):,} characters; the limit is "
                f"{self.nlp.max_length:,}); split it into smaller documents"
            )
        return text


def analyze(text: str, source: str | None = None, **options: Any) -> Report:
    """Analyse one text with the default model: ``analyzer.analyze(text)``."""
    return Analyzer(**options).analyze(text, source)
