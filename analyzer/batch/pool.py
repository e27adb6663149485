"""Run chunks of documents in local worker processes, and outlive any worker that dies.

This is the local executor: it takes chunks of ``Item`` and yields lists of ``Result``,
with one chunk per worker in flight, so memory stays flat and a ``kill -9`` of the command
loses at most one chunk's work per worker: a worker is given its next chunk only once the
results of its last one are recorded. It knows nothing of the output folder; a cluster
executor can take its place behind the same ``results`` call.

A worker that dies (a crash in native code, the out-of-memory killer) takes the pool with
it, and every chunk in flight fails (``Ended.KILLED``). ``dispatch`` then runs those
documents again one at a time, so the one that kills a worker is found and becomes an error
result; no document is lost and the run never hangs.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool

from .dispatch import CrashWatch, Ended, Outcome, Sent, dispatch
from .work import AnalyzerSpec, Item, Result, analyze_chunk, analyzer_for

PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


def start_method() -> str:
    """Fork where it is safe (Linux): workers start at once and share the loaded model's pages."""
    return "fork" if sys.platform.startswith("linux") else "spawn"


def _start_worker(parent: int, spec: AnalyzerSpec) -> None:
    # Ctrl-C reaches the whole process group; stopping the workers is the parent's job. A
    # forked worker also inherits the run's handler that turns SIGTERM into Ctrl-C: with it,
    # the parent's terminate() only raised an error in the task, which the executor reports
    # and then goes on to the chunks queued after it, so an interrupted run could wait a
    # minute on documents it was throwing away. SIGTERM must end a worker.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if not _die_with_parent():
        threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True).start()
    if os.getppid() != parent:  # it died while this worker started
        os._exit(0)
    analyzer_for(spec)


def _die_with_parent() -> bool:
    """Ask Linux to kill this worker the moment its parent dies, however it dies.

    A parent killed outright (``kill -9``) cannot stop its workers; one that went on with
    the chunks already queued to it would spend CPU on results nobody records.
    """
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        return libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL) == 0
    except (OSError, AttributeError):
        return False


def _exit_with_parent(parent: int) -> None:
    """Where the system cannot kill a worker with its parent, the worker watches for it."""
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(0)


class LocalPool:
    """``workers`` processes, each building its Analyzer once from ``spec``."""

    def __init__(self, spec: AnalyzerSpec, workers: int) -> None:
        self.spec = spec
        self.workers = workers
        self.context = multiprocessing.get_context(start_method())
        self.executor: ProcessPoolExecutor | None = None
        self.pending: dict[Future, Sent] = {}

    def __enter__(self) -> LocalPool:
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        self.close(stop_now=exc_type is not None)

    def _start(self) -> None:
        self.executor = ProcessPoolExecutor(
            self.workers, mp_context=self.context, initializer=_start_worker,
            initargs=(os.getpid(), self.spec),
        )

    def close(self, *, stop_now: bool = False) -> None:
        """Shut the workers down; ``stop_now`` kills them mid-chunk (their documents are redone next run)."""
        if self.executor is None:
            return
        if stop_now:
            # The executor has no public way to stop a running task; its process table does.
            for process in list(getattr(self.executor, "_processes", {}).values()):
                process.terminate()
        self.executor.shutdown(wait=True, cancel_futures=True)
        self.executor = None

    def _restart(self) -> None:
        # The next submission starts a fresh pool.
        self.close()

    def results(self, chunks: Iterable[list[Item]]) -> Iterator[list[Result]]:
        """Each chunk's results as it finishes (not in input order)."""
        return dispatch(chunks, self, self.workers, CrashWatch("the machine may be out of memory (try fewer --workers)"))

    def send(self, sent: Sent) -> None:
        # Started on first use, so a rerun with nothing to do starts no worker.
        if self.executor is None:
            self._start()
        try:
            future = self.executor.submit(analyze_chunk, self.spec, sent.chunk)
        except BrokenProcessPool as e:
            # A worker died before we noticed; let the chunk fail like the ones in flight.
            future = Future()
            future.set_exception(e)
        self.pending[future] = sent

    def in_flight(self) -> int:
        return len(self.pending)

    def ended(self) -> list[tuple[Sent, Outcome]]:
        done, _ = wait(self.pending, return_when=FIRST_COMPLETED)
        outcomes = self._collect(done)
        if any(outcome is Ended.KILLED for _, outcome in outcomes):
            # The pool is gone; every chunk still in flight went with it, unless it had finished.
            outcomes += self._collect(wait(self.pending).done)
            self._restart()
        return outcomes

    def _collect(self, done: Iterable[Future]) -> list[tuple[Sent, Outcome]]:
        """Take ``done`` out of ``pending``: each chunk's results, or KILLED when a crash took the pool."""
        outcomes: list[tuple[Sent, Outcome]] = []
        for future in done:
            sent = self.pending.pop(future)
            try:
                outcomes.append((sent, future.result()))
            except BrokenProcessPool:
                outcomes.append((sent, Ended.KILLED))
        return outcomes
