"""The chunks a batch has handed to a Dask cluster, as its client follows them, with every wait bounded.

Dask runs a task again when its worker dies, up to ``distributed.scheduler.allowed-failures``
times, and tells the client how each task ended. The client cannot take that message on
trust: a run once waited forever while the scheduler held two tasks that had failed when
their workers died, one live worker and nothing running, and the client never heard. So:

- a wait for the next chunk to end lasts ``POLL_SECONDS``; when none ended, the scheduler is
  asked where each chunk is, and one that nobody computes or will compute (the scheduler
  forgot it, or it ended there unheard) at ``QUIET_POLLS`` polls in a row is lost;
- results are fetched with a timeout, and a chunk whose results cannot be fetched (the
  worker holding them died, the connection dropped) is lost;
- a scheduler that does not answer for ``SILENT_SECONDS``, or has had no worker for
  ``WORKERLESS_SECONDS``, stops the run with a one-line error; a rerun resumes the folder.

``dispatch`` sends a lost chunk again a bounded number of times, then treats it as killed.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from concurrent.futures import CancelledError
from dataclasses import dataclass
from typing import Any

from ..errors import ClusterError
from .dispatch import Ended, Outcome, Sent
from .work import Item

try:
    import distributed
except ImportError:  # the optional extra is not installed; cluster.py says how to install it
    distributed = None

POLL_SECONDS = 2.0
QUIET_POLLS = 3
# One chunk's results are the reports of up to 32 documents: a few megabytes at most.
FETCH_SECONDS = 60
ASK_SECONDS = 10
SILENT_SECONDS = 60
WORKERLESS_SECONDS = 60
# Where a task is on the scheduler while somebody computes it or will; any other state
# (released, memory, erred, forgotten, unknown), seen at QUIET_POLLS polls in a row,
# means the client's future waits for nothing.
ALIVE = frozenset({"waiting", "queued", "processing", "no-worker"})
WORKER_HINT = ("the workers may be out of memory, or miss the model or memo-analyzer "
               "(install the same version on every worker)")


@dataclass
class Followed:
    sent: Sent
    quiet: int = 0  # polls in a row that found nobody computing it


class DaskTasks:
    """The ``dispatch.Workers`` of a Dask client: chunks in flight as futures, and how each ended."""

    def __init__(self, client: Any, submit: Callable[[list[Item]], Any], address: str) -> None:
        self.client = client
        self.submit = submit
        self.address = address
        self.pending: dict[Any, Followed] = {}
        self.silent_since: float | None = None
        self.workerless_since: float | None = None

    def send(self, sent: Sent) -> None:
        self.pending[self.submit(sent.chunk)] = Followed(sent)

    def in_flight(self) -> int:
        return len(self.pending)

    def ended(self) -> list[tuple[Sent, Outcome]]:
        while True:
            try:
                with self.client.as_current():  # not the default client: Dask's wait asks for that one
                    done = distributed.wait(list(self.pending), timeout=POLL_SECONDS,
                                            return_when="FIRST_COMPLETED").done
            except TimeoutError:
                done = set()
            if done:
                return [self._outcome(future) for future in done]
            given_up = self._audit()
            if given_up:
                return given_up

    def release(self) -> None:
        """Let the cluster drop every chunk still in flight (the run stopped early); never blocks."""
        for future in self.pending:
            future.release()
        self.pending.clear()

    def _outcome(self, future: Any) -> tuple[Sent, Outcome]:
        sent = self.pending.pop(future).sent
        if future.status == "finished":
            try:
                return sent, future.result(timeout=FETCH_SECONDS)
            except (OSError, TimeoutError, CancelledError):
                return sent, Ended.LOST
        if future.status == "error":
            error = future.exception(timeout=FETCH_SECONDS)
            if isinstance(error, distributed.KilledWorker):
                return sent, Ended.KILLED
            raise task_failed(error)
        return sent, Ended.LOST  # cancelled: the scheduler dropped it (a restart, a reconnection)

    def _audit(self) -> list[tuple[Sent, Outcome]]:
        """Chunks nobody computes, given up on as lost; stops the run when the cluster is gone."""
        states = self._ask("get_task_status", keys=[future.key for future in self.pending])
        workers = self._ask("ncores")
        if states is None or workers is None:
            return []
        self._count_workers(workers)
        given_up = []
        for future, followed in list(self.pending.items()):
            followed.quiet = 0 if states.get(future.key) in ALIVE else followed.quiet + 1
            if followed.quiet >= QUIET_POLLS:
                future.release()
                given_up.append((self.pending.pop(future).sent, Ended.LOST))
        return given_up

    def _ask(self, question: str, **arguments: Any) -> Any:
        """The scheduler's answer, or None while it is silent (a stop once it has been too long)."""
        try:
            answer = self.client.sync(getattr(self.client.scheduler, question), callback_timeout=ASK_SECONDS,
                                      **arguments)
        except (OSError, TimeoutError):
            self.silent_since = self.silent_since or time.monotonic()
            if time.monotonic() - self.silent_since > SILENT_SECONDS:
                raise ClusterError(
                    f"lost the Dask scheduler at {self.address}: it has not answered for {SILENT_SECONDS} s; "
                    "check that it still runs, then run the same command again to resume"
                ) from None
            return None
        self.silent_since = None
        return answer

    def _count_workers(self, workers: dict) -> None:
        if workers:
            self.workerless_since = None
            return
        self.workerless_since = self.workerless_since or time.monotonic()
        if time.monotonic() - self.workerless_since > WORKERLESS_SECONDS:
            raise no_workers(self.address, WORKERLESS_SECONDS)


def no_workers(address: str, seconds: float) -> ClusterError:
    return ClusterError(f"the Dask scheduler at {address} has had no workers for {seconds} s; start some "
                        f"with `dask worker {address} --nthreads 1` (a rerun resumes where this run stopped)")


def task_failed(error: BaseException) -> ClusterError:
    return ClusterError(f"a Dask worker could not run a chunk ({type(error).__name__}: {first_line(error)}); "
                        f"{WORKER_HINT}")


def first_line(error: BaseException) -> str:
    return (str(error).strip().splitlines() or [type(error).__name__])[0]
