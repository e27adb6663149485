"""What a worker does: a chunk of documents in, one result per document out.

``analyze_chunk`` is a plain function of picklable values, with no knowledge of processes,
queues or the output folder, so any executor can run it: the local process pool, or a
Dask worker. It never raises for a document: a file that cannot be read, decoded or
analysed becomes an error result and the rest of the chunk goes on.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ..api import Analyzer
from ..errors import InputError, LeakError
from ..options import Options
from ..output import checked
from ..report import Report
from ..text.read import decode_document
from .scrub import without_text


@dataclass(frozen=True)
class Item:
    """One document to analyse, as bytes: executors ship contents, not paths."""

    name: str
    source: str
    # Never in a repr: a cluster's workers log a failed task's arguments.
    data: bytes = field(repr=False)
    sha256: str

    @classmethod
    def of(cls, name: str, source: str, data: bytes) -> Item:
        return cls(name, source, data, hashlib.sha256(data).hexdigest())


@dataclass(frozen=True)
class Result:
    """A document's outcome: its report, or the class and one-line message of its failure.

    ``sha256`` is the hash of the bytes the outcome depends on. It is None for failures
    that did not come from the content (a file that could not be read, a crashed worker),
    so a later run tries those again instead of trusting them.
    """

    name: str
    source: str
    sha256: str | None
    report: dict[str, Any] | None = None
    error: str | None = None
    message: str | None = None
    # The report as it is written, rendered and leak-checked by the output gate in the
    # worker, so no name crosses back to the client unchecked.
    report_json: str | None = field(default=None, repr=False)

    @property
    def ok(self) -> bool:
        return self.report is not None


def failure(item_name: str, source: str, error: BaseException | str, message: str,
            sha256: str | None = None) -> Result:
    kind = error if isinstance(error, str) else type(error).__name__
    return Result(item_name, source, sha256, error=kind, message=" ".join(message.split()))


@dataclass(frozen=True)
class AnalyzerSpec:
    """Everything a worker needs to build the same Analyzer as the command that started it."""

    model: str | None
    options: Options
    include_text: bool = False

    @classmethod
    def of(cls, analyzer: Analyzer, *, include_text: bool = False) -> AnalyzerSpec:
        return cls(analyzer.model_name, analyzer.options, include_text)

    @property
    def key(self) -> str:
        return json.dumps([self.model, self.options.as_kwargs()], sort_keys=True, default=str)

    def build(self) -> Analyzer:
        return Analyzer(self.model, **self.options.as_kwargs())


# This process's Analyzer, so a worker loads the pipeline once and not once per chunk. A
# worker serves one batch, so it holds one entry; a new spec replaces it.
_ANALYZERS: dict[str, Analyzer] = {}


def analyzer_for(spec: AnalyzerSpec) -> Analyzer:
    key = spec.key
    if key not in _ANALYZERS:
        _ANALYZERS.clear()
        _ANALYZERS[key] = spec.build()
    return _ANALYZERS[key]


def analyze_chunk(spec: AnalyzerSpec, items: Sequence[Item]) -> list[Result]:
    """Results for ``items``, in their order; documents that parse go through ``nlp.pipe`` together."""
    analyzer = analyzer_for(spec)
    results: dict[str, Result] = {}
    ready: list[tuple[Item, str]] = []
    for item in items:
        try:
            ready.append((item, analyzer.prepare(decode_document(item.data, item.name), item.name)))
        except InputError as e:
            results[item.name] = failure(item.name, item.source, e, str(e), item.sha256)
        except Exception as e:
            results[item.name] = _internal(item, e)
    # Strings and vocabulary a chunk adds are freed after it, so a worker's memory stays flat
    # however many documents pass through it; reports are plain data built inside the zone.
    with analyzer.nlp.memory_zone():
        try:
            reports: list[dict[str, Any] | None] = list(
                analyzer.analyze_many((item.name, text) for item, text in ready))
        except Exception:
            # One document broke the stream; each is then analysed alone, so only it fails.
            reports = [None] * len(ready)
        for (item, text), report in zip(ready, reports):
            results[item.name] = _result(analyzer, item, text, report, spec.include_text)
    return [results[item.name] for item in items]


def _result(analyzer: Analyzer, item: Item, text: str, report: dict[str, Any] | None,
            include_text: bool) -> Result:
    try:
        if report is None:
            report = analyzer.analyze(text, source=item.name)
        written = report if include_text else _without_text(report, text)
        # Every table cell is a value of the report, so checking its JSON covers the tables too.
        return Result(item.name, item.source, item.sha256, written, report_json=checked(written, "json"))
    except LeakError as e:
        return failure(item.name, item.source, e, f"{item.name}: {e}", item.sha256)
    except Exception as e:
        return _internal(item, e)


def _without_text(report: Report, text: str) -> Report:
    """The report without the document's sentences, still carrying what was redacted."""
    scrubbed = Report(without_text(report, text))
    scrubbed.privacy = report.privacy
    return scrubbed


def _internal(item: Item, error: Exception) -> Result:
    """A bug met on this document: its own error row, and no hash, so a fixed analyzer retries it."""
    return failure(item.name, item.source, error, f"{item.name}: internal error: {type(error).__name__}: {error}")
