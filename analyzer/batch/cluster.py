"""Run a batch's chunks on a Dask cluster: ``memo-analyzer batch --scheduler``.

This is the cluster executor, beside ``pool.LocalPool`` behind the same ``results`` call:
chunks of ``Item`` in, lists of ``Result`` out, with a bounded number of chunks in flight.
Dask schedules; we write no scheduler. The client (this process) still reads, hashes and
records every document, so resuming, skipping and ``errors.csv`` are those of a local run;
the workers only run ``work.analyze_chunk`` and return its results.

What crosses the network: each task carries its chunk (the documents' bytes, or with
``shared_fs`` only their paths) and the analysis settings, option files and pseudonym key
included, because a worker need not see this machine's disk. Task keys are numbers, never
text, so the scheduler's logs and dashboard show no document.

Faults: Dask runs a task again elsewhere when its worker dies, up to its
``distributed.scheduler.allowed-failures``; ``dask_tasks`` follows each chunk with bounded
waits, and ``dispatch`` runs the documents of a chunk that kept killing its workers one per
task, alone, so the one that still kills them becomes an error row, as in ``pool``.
"""

from __future__ import annotations

import functools
import hashlib
import re
import socket
import tempfile
import threading
import uuid
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..errors import ClusterError, InputError
from ..privacy.pseudonyms import read_key
from ..text.read import read_bytes
from .dask_tasks import WORKER_HINT, DaskTasks, first_line, no_workers
from .dispatch import CrashWatch, dispatch
from .run import BatchSettings, ExecutorFactory
from .work import AnalyzerSpec, Item, Result, analyze_chunk, failure

try:
    import distributed
except ImportError:  # the optional extra is not installed
    distributed = None

INSTALL_HINT = "pip install 'memo-analyzer[dask]'"
LOCAL = re.compile(r"local:([1-9]\d*)")
# Long enough for a scheduler across a data centre, short enough that a typo fails fast.
CONNECT_SECONDS = 10
WORKERS_SECONDS = 60
# Runs of a task that raised (not one whose worker died: Dask counts those itself).
RETRIES = 2
NO_LOOPBACK = ("--scheduler local:N needs the loopback interface (127.0.0.1), on which its workers reach "
               "their scheduler, and it is not usable here ({reason}); bring it up (`ip link set lo up`), "
               "or run without --scheduler: --workers N starts worker processes that need no network")


def dask_executor(scheduler: str, *, shared_fs: bool = False) -> ExecutorFactory:
    """An ``ExecutorFactory`` for the cluster at ``scheduler`` (an address, or ``local:N``)."""
    if distributed is None:
        raise ClusterError(f"--scheduler needs Dask, which is not installed; install it with {INSTALL_HINT}")
    return functools.partial(DaskExecutor, scheduler=scheduler, shared_fs=shared_fs)


def start_local_cluster(workers: int):
    """A cluster of ``workers`` processes on this machine, reachable on loopback only, with no dashboard."""
    reason = loopback_problem()
    if reason:
        raise ClusterError(NO_LOOPBACK.format(reason=reason))
    try:
        # With no dashboard the scheduler still serves its status on loopback, at port 8787
        # when free; when another cluster holds it, it takes another port and warns in
        # three lines that would open the run's output. The port is of no use to the run.
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message=r"Port \d+ is already in use", category=UserWarning)
            return distributed.LocalCluster(
                n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                scheduler_port=0, dashboard_address=None,
            )
    except Exception as e:  # Dask wraps whatever stopped it in a RuntimeError
        raise ClusterError(f"could not start a local Dask cluster ({first_line(e)}); "
                           "run without --scheduler (--workers N) instead") from None


def loopback_problem() -> str | None:
    """Why this process cannot talk to itself over 127.0.0.1, or None when it can.

    A sandbox without network (``unshare -n``) leaves the loopback interface down: Dask then
    waits 30 s and fails with a message that names neither cause nor cure.
    """
    try:
        with socket.create_server(("127.0.0.1", 0)) as server:
            with socket.create_connection(server.getsockname(), timeout=5):
                return None
    except OSError as e:
        return e.strerror or str(e)


class DaskExecutor:
    """Chunks run as Dask tasks; a context manager that connects on entry and lets go on exit."""

    def __init__(self, spec: AnalyzerSpec, settings: BatchSettings, *, scheduler: str, shared_fs: bool) -> None:
        self.shipped = Shipped.of(spec)
        self.scheduler = scheduler
        self.shared_fs = shared_fs
        self.cluster = None
        self.client = None
        self.address = scheduler
        self.width = 1
        self.run = uuid.uuid4().hex[:12]
        self.submitted = 0

    def __enter__(self) -> DaskExecutor:
        try:
            self._connect()
        except BaseException:
            self._close()
            raise
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        self._close()

    def _connect(self) -> None:
        local = LOCAL.fullmatch(self.scheduler)
        if local:
            self.cluster = start_local_cluster(int(local.group(1)))
            address = self.cluster.scheduler_address
        else:
            address = self.scheduler
        try:
            self.client = distributed.Client(address, timeout=CONNECT_SECONDS, set_as_default=False)
        except (OSError, TimeoutError) as e:
            raise ClusterError(
                f"cannot reach the Dask scheduler at {address} ({first_line(e)}); "
                "check the address, that `dask scheduler` runs there and that no firewall is in the way"
            ) from None
        try:
            self.client.wait_for_workers(1, timeout=WORKERS_SECONDS)
        except TimeoutError:
            raise no_workers(address, WORKERS_SECONDS) from None
        self.address = address
        # One chunk per worker thread, as in the local pool: see ``dispatch``.
        self.width = max(1, sum(self.client.nthreads().values()))

    def _close(self) -> None:
        if self.client is not None:
            self.client.close()
            self.client = None
        if self.cluster is not None:
            self.cluster.close()
            self.cluster = None

    def results(self, chunks: Iterable[list[Item]]) -> Iterator[list[Result]]:
        """Each chunk's results as it finishes (not in input order)."""
        tasks = DaskTasks(self.client, self._submit, self.address)
        try:
            yield from dispatch(chunks, tasks, self.width, CrashWatch(WORKER_HINT))
        finally:
            # Stopped early (Ctrl-C, an error): the cluster drops what this run left.
            tasks.release()

    def _submit(self, chunk: list[Item]):
        self.submitted += 1
        payload = [Ref.of(item) for item in chunk] if self.shared_fs else chunk
        # The key names the run and the chunk's number: nothing of the documents.
        return self.client.submit(run_chunk, self.shipped, payload, key=f"memo-analyzer-{self.run}-{self.submitted}",
                                  retries=RETRIES, pure=False)


# --- what runs on a worker ---------------------------------------------------------------

@dataclass(frozen=True)
class Ref:
    """A document that travels as its path, for workers that see the inputs on a shared file system."""

    name: str
    source: str
    path: str

    @classmethod
    def of(cls, item: Item) -> Ref:
        # Absolute: a worker's working directory is not ours.
        return cls(item.name, item.source, str(Path(item.source).absolute()))

    def read(self) -> Item | Result:
        """The document as the worker sees it, or the error row of a file it cannot read."""
        try:
            return Item.of(self.name, self.source, read_bytes(Path(self.path)))
        except InputError as e:
            return failure(self.name, self.source, e, str(e))


@dataclass(frozen=True)
class Shipped:
    """An ``AnalyzerSpec`` with the files its options name carried along as bytes.

    A worker need not see the disk of the machine that started the run, so the lexicons,
    allow and deny lists and pattern files travel with the spec, each under its absolute
    path here. A worker that finds the same bytes at that path (the same machine, a shared
    file system) uses it; any other writes a copy to a private folder. The pseudonym key
    travels as bytes and is never written. Nothing here shows in a repr, which Dask may log.
    """

    spec: AnalyzerSpec = field(repr=False)
    files: tuple[tuple[str, bytes], ...] = field(default=(), repr=False)

    @classmethod
    def of(cls, spec: AnalyzerSpec) -> Shipped:
        options = spec.options
        files: dict[str, bytes] = {}

        def carry(value):
            if isinstance(value, (str, Path)):
                # Resolved as the pipeline config resolves lexicons, whose paths show in reports.
                path = Path(value).resolve()
                files[str(path)] = path.read_bytes()
                return str(path)
            return value

        key = options.pseudonym_key
        shipped = replace(
            options,
            lexicons=tuple(carry(p) for p in options.lexicons),
            allow=carry(options.allow), deny=carry(options.deny), pii_patterns=carry(options.pii_patterns),
            pseudonym_key=read_key(key) if isinstance(key, (str, Path)) else key,
        )
        return cls(replace(spec, options=shipped), tuple(sorted(files.items())))

    def unpack(self) -> AnalyzerSpec:
        """The spec with a path on this worker for each of its files."""
        if not self.files:
            return self.spec
        where = {original: _found_or_written(original, data) for original, data in self.files}

        def local(value):
            return where[value] if isinstance(value, str) and value in where else value

        options = self.spec.options
        return replace(self.spec, options=replace(
            options, lexicons=tuple(local(p) for p in options.lexicons),
            allow=local(options.allow), deny=local(options.deny), pii_patterns=local(options.pii_patterns),
        ))


@functools.lru_cache(maxsize=1)
def _scratch() -> tempfile.TemporaryDirectory:
    """This worker process's private folder for option files; removed when the process exits."""
    return tempfile.TemporaryDirectory(prefix="memo-analyzer-")


def _found_or_written(original: str, data: bytes) -> str:
    """Where ``data`` is on this worker. A private copy lands at the same path for the same
    bytes, so the per-process Analyzer cache (keyed by the options) serves every later chunk."""
    try:
        if Path(original).read_bytes() == data:
            return original
    except OSError:
        pass
    folder = Path(_scratch().name) / hashlib.sha256(data).hexdigest()[:16]
    path = folder / Path(original).name
    if not path.is_file():
        folder.mkdir(exist_ok=True)
        path.write_bytes(data)
    return str(path)


# A worker may run several tasks at once in threads; they share one pipeline, which is not
# made for concurrent use, so its chunks take turns (start workers with --nthreads 1).
_PIPELINE_IN_USE = threading.Lock()


def run_chunk(shipped: Shipped, payload: list[Item] | list[Ref]) -> list[Result]:
    """The task: ``work.analyze_chunk`` on this worker, reading the documents first when they came as paths."""
    with _PIPELINE_IN_USE:
        spec = shipped.unpack()
        read = [entry.read() if isinstance(entry, Ref) else entry for entry in payload]
        items = [entry for entry in read if isinstance(entry, Item)]
        analysed = iter(analyze_chunk(spec, items))
        return [entry if isinstance(entry, Result) else next(analysed) for entry in read]
