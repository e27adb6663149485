"""A batch run from start to end: find the documents, skip what stands, analyse the rest, write.

Everything streams. Documents are found one at a time, read and hashed in this process,
sent to the workers in chunks with a bounded number in flight, and recorded as their
results arrive; nothing holds the whole archive. The tables are written from the manifest
when the run ends, also when it is interrupted, so the folder is always whole.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, TextIO

from ..api import Analyzer
from ..errors import InputError, TooLargeInputError
from ..text.read import STDIN, read_bytes
from .discover import Found, NotFound, discover
from .manifest import Manifest, fingerprint
from .pool import LocalPool
from .progress import Progress, duration
from .tables import LAYOUT
from .work import AnalyzerSpec, Item, Result, failure
from .writer import OutputFolder, Recorder

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
# A chunk is what one worker gets at a time, and what nlp.pipe parses at once: enough text to
# batch well, little enough that a worker's memory stays flat. The parser holds about 3.4 MB
# per 1,000 characters it takes at once: 32 memos of 5 KB each took a worker to 1.1 GB, while
# 64 KB adds about 220 MB to the model's 300. (A longer document goes alone.)
CHUNK_BYTES = 64 * 1024
EXIT_OK = 0
EXIT_FAILURES = 3
EXIT_INTERRUPTED = 130
DUPLICATE_ERROR = "DuplicateNameError"


class Executor(Protocol):
    """Runs ``work.analyze_chunk`` somewhere: worker processes here, a cluster elsewhere.

    It yields each chunk's results as they finish, keeps its own bound on the chunks in
    flight, and never writes the output folder; a document it cannot finish comes back as
    an error result. ``pool.LocalPool`` is the local one.
    """

    def results(self, chunks: Iterable[list[Item]]) -> Iterator[list[Result]]: ...


# Builds the executor for a run from the workers' spec; used as a context manager, so it
# stops its workers however the run ends.
ExecutorFactory = Callable[[AnalyzerSpec, "BatchSettings"], AbstractContextManager[Executor]]


def local_pool(spec: AnalyzerSpec, settings: BatchSettings) -> LocalPool:
    return LocalPool(spec, settings.workers)


@dataclass(frozen=True)
class BatchSettings:
    out: Path
    workers: int = os.cpu_count() or 1
    force: bool = False
    max_bytes: int = DEFAULT_MAX_BYTES
    include_text: bool = False
    prune: bool = False


@dataclass
class BatchSummary:
    """What a run did. ``failed`` includes ``failed_before``: unchanged documents that failed earlier."""

    ok: int = 0
    failed: int = 0
    skipped: int = 0
    failed_before: int = 0
    pruned: int = 0
    seconds: float = 0.0
    interrupted: bool = False

    @property
    def done(self) -> int:
        return self.ok + self.failed + self.skipped

    @property
    def analysed(self) -> int:
        return self.ok + self.failed - self.failed_before

    @property
    def exit_code(self) -> int:
        if self.interrupted:
            return EXIT_INTERRUPTED
        return EXIT_FAILURES if self.failed else EXIT_OK

    def describe(self, out: Path) -> str:
        failed = f"{self.failed:,} failed"
        if self.failed_before:
            failed += f" ({self.failed_before:,} unchanged since an earlier run)"
        lines = [f"{'Interrupted after' if self.interrupted else 'Done in'} {duration(self.seconds)}: "
                 f"{self.ok:,} ok, {failed}, {self.skipped:,} skipped (unchanged). Outputs in {out}/"]
        if self.pruned:
            lines.append(f"Removed {self.pruned:,} documents no longer among the inputs.")
        if self.failed:
            lines.append(f"Failures are listed in {out / 'errors.csv'}.")
        if self.interrupted:
            lines.append("Run the same command again to resume where it stopped.")
        return "\n".join(lines)


def run_batch(
    inputs: Iterable[str],
    analyzer: Analyzer,
    settings: BatchSettings,
    *,
    stdin: TextIO | None = None,
    progress: TextIO | None = None,
    executor: ExecutorFactory = local_pool,
) -> BatchSummary:
    """Score every document the inputs name into ``settings.out``; see the module docstring.

    ``progress`` is a terminal stream to draw a progress bar on (None: no bar);
    ``executor`` makes what runs the chunks (the local worker processes by default).
    """
    inputs = list(inputs)
    summary = BatchSummary()
    start = time.monotonic()
    spec = AnalyzerSpec.of(analyzer, include_text=settings.include_text)
    folder = OutputFolder.for_run(settings.out)
    try:
        manifest = Manifest(folder.manifest_path)
        try:
            manifest.start_run()
            stamp = fingerprint(model=analyzer.model, options=analyzer.options,
                                include_text=settings.include_text, columns=LAYOUT)
            recorder = Recorder(folder, manifest, stamp)
            bar = None
            try:
                with _interrupt_on_sigterm():
                    if progress is not None:
                        bar = Progress(progress, _count(inputs, settings.out))
                        bar.update(0, 0, 0, force=True)  # at once, not after the first chunk
                    _analyse_all(inputs, stdin, settings, recorder, summary, bar,
                                 executor(spec, settings), analyzer.options.batch_size)
            except KeyboardInterrupt:
                summary.interrupted = True
            finally:
                if bar is not None:
                    bar.close()
            summary.pruned = recorder.finish(prune=settings.prune and not summary.interrupted)
        finally:
            manifest.close()
    finally:
        folder.close()
    summary.seconds = time.monotonic() - start
    return summary


def _analyse_all(inputs: list[str], stdin: TextIO | None, settings: BatchSettings, recorder: Recorder,
                 summary: BatchSummary, bar: Progress | None, pool: AbstractContextManager[Executor],
                 chunk_docs: int) -> None:
    def tick() -> None:
        if bar is not None:
            bar.update(summary.done, summary.analysed, summary.failed)

    planner = Planner(recorder, settings, summary, tick)
    items = planner.items(discover(inputs, stdin=stdin, exclude=settings.out))
    with pool as running:
        for results in running.results(chunked(items, chunk_docs, CHUNK_BYTES)):
            for result in results:
                recorder.record(result)
                if result.ok:
                    summary.ok += 1
                else:
                    summary.failed += 1
            tick()


class Planner:
    """Turns found files into work: reads and hashes each one, and settles on the spot those
    that need no worker (unchanged since the last run, unreadable, too large, a name taken)."""

    def __init__(self, recorder: Recorder, settings: BatchSettings, summary: BatchSummary, tick) -> None:
        self.recorder = recorder
        self.settings = settings
        self.summary = summary
        self.tick = tick

    def items(self, found: Iterable[Found | NotFound]) -> Iterator[Item]:
        for entry in found:
            item = self._plan(entry)
            if item is None:
                self.tick()
            else:
                yield item

    def _plan(self, entry: Found | NotFound) -> Item | None:
        if isinstance(entry, NotFound):
            self._problem(entry.name, entry.error, entry.message)
            return None
        earlier = self.recorder.source_in_run(entry.name)
        if earlier is not None:
            if earlier != str(entry.path):  # else the same file was named twice
                self._problem(
                    str(entry.path), DUPLICATE_ERROR,
                    f"{entry.path}: would have the same name in the outputs ({entry.name}) as {earlier}; "
                    "batch those folders into separate --out folders, or rename one",
                )
            return None
        self.recorder.claim(entry.name, str(entry.path))
        try:
            data = self._read(entry)
        except InputError as e:
            self.recorder.record(failure(entry.name, str(entry.path), e, str(e)))
            self.summary.failed += 1
            return None
        item = Item.of(entry.name, str(entry.path), data)
        record = None if self.settings.force else self.recorder.unchanged(entry.name, item.sha256)
        if record is None:
            return item
        if record.status == "ok":
            self.summary.skipped += 1
        else:
            self.summary.failed += 1
            self.summary.failed_before += 1
        return None

    def _read(self, entry: Found) -> bytes:
        try:
            size = entry.path.stat().st_size
        except OSError:
            size = 0  # read_bytes says what is wrong with it
        if size > self.settings.max_bytes:
            raise TooLargeInputError(
                f"{entry.name}: is {size:,} bytes, over the limit of {self.settings.max_bytes:,}; "
                "split it, or raise --max-bytes"
            )
        return read_bytes(entry.path)

    def _problem(self, name: str, error: str, message: str) -> None:
        self.recorder.problem(name, error, message)
        self.summary.failed += 1


def chunked(items: Iterable[Item], max_docs: int, max_bytes: int) -> Iterator[list[Item]]:
    """Group items in order; a chunk closes at ``max_docs`` documents or ``max_bytes`` bytes."""
    chunk: list[Item] = []
    size = 0
    for item in items:
        if chunk and (len(chunk) >= max_docs or size + len(item.data) > max_bytes):
            yield chunk
            chunk, size = [], 0
        chunk.append(item)
        size += len(item.data)
    if chunk:
        yield chunk


def _count(inputs: list[str], out: Path) -> int | None:
    """How many documents there are, for the progress bar's ETA; unknown when they come on stdin."""
    if STDIN in inputs:
        return None
    return sum(1 for entry in discover(inputs, exclude=out) if isinstance(entry, Found))


@contextmanager
def _interrupt_on_sigterm() -> Iterator[None]:
    """A polite kill (a shutdown, ``kill PID``) stops the run like Ctrl-C: cleanly, resumably."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(signum, frame):
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
