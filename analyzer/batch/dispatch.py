"""Hand chunks to an executor's workers, and decide what becomes of those whose workers die.

Both executors (``pool.LocalPool``, ``cluster.DaskExecutor``) run the same policy, written
once here. An executor only sends a chunk to its workers and says how each one ended: with
its results, with its workers killed (a crash in native code, the out-of-memory killer, a
machine lost), or lost (its results could not be fetched, or nobody computes it any more).
``dispatch`` decides the rest:

- at most ``width`` chunks are in flight, one per worker, and a worker gets its next chunk
  only once the results of its last one are recorded; memory stays flat, and a ``kill -9``
  of the command costs at most one chunk's work per worker;
- a lost chunk is sent again, ``SENDS`` times in all, and then counts as killed;
- the documents of a killed chunk are run again one at a time, each alone in flight, so the
  one that kills its worker is caught in the act and becomes an error row, and no document
  that merely shared a worker with it is blamed;
- workers dying on one document after another are failing for a reason of their own
  (memory, a broken install), and the run stops (``CrashWatch``).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from enum import Enum
from typing import Protocol, Union

from ..errors import WorkerError
from .work import Item, Result, failure

CRASH_ERROR = "WorkerCrashError"
# Workers dying this many times in a row, each on a document run alone, are failing for a
# reason of their own (memory, a broken install); the run stops instead of failing them all.
MAX_CRASHES_IN_A_ROW = 5
# A chunk lost this many times (results that never arrived) is handled as one that kills its
# workers: a fault that follows a chunk around is the chunk's, and the bound ends the retries.
SENDS = 3


class Ended(Enum):
    """How a chunk ended without results."""

    KILLED = "killed"  # its workers died running it (after the executor's own retries)
    LOST = "lost"  # its results never came, though no worker is known to have died on it


@dataclass(frozen=True)
class Sent:
    """A chunk as handed to the workers."""

    chunk: list[Item]
    # Nothing else was in flight, so a worker that died was killed by this chunk.
    alone: bool = False
    sends: int = 1


Outcome = Union[list[Result], Ended]


class Workers(Protocol):
    """What ``dispatch`` needs of an executor."""

    def send(self, sent: Sent) -> None:
        """Start ``sent.chunk`` on a worker."""

    def in_flight(self) -> int:
        """Chunks sent whose outcome ``ended`` has not returned yet."""

    def ended(self) -> list[tuple[Sent, Outcome]]:
        """At least one chunk that ended since the last call, and how; waits until one does."""


def dispatch(chunks: Iterable[list[Item]], workers: Workers, width: int, crashes: CrashWatch) -> Iterator[list[Result]]:
    """Each chunk's results as it finishes (not in input order); see the module docstring."""
    source = iter(chunks)
    suspects: deque[Item] = deque()
    while True:
        if suspects:
            if not workers.in_flight():
                workers.send(Sent([suspects.popleft()], alone=True))
        else:
            while workers.in_flight() < width and (chunk := next(source, None)) is not None:
                workers.send(Sent(chunk))
        if not workers.in_flight():
            return
        for sent, outcome in workers.ended():
            if not isinstance(outcome, Ended):
                crashes.finished()
                yield outcome
            elif outcome is Ended.LOST and sent.sends < SENDS:
                workers.send(replace(sent, sends=sent.sends + 1))
            elif sent.alone:
                yield [crashes.crashed(sent.chunk[0])]
            else:
                suspects.extend(sent.chunk)


class CrashWatch:
    """What becomes of documents whose worker died, for every executor.

    A document that kills its worker while run alone becomes an error row (no hash, so the
    next run tries it again). Workers dying on one document after another are failing for a
    reason of their own (memory, a broken install), and the run stops instead of failing
    them all; ``hint`` says where to look.
    """

    def __init__(self, hint: str) -> None:
        self.hint = hint
        self.in_a_row = 0

    def finished(self) -> None:
        """A chunk came back: the workers are sound."""
        self.in_a_row = 0

    def crashed(self, item: Item) -> Result:
        self.in_a_row += 1
        if self.in_a_row >= MAX_CRASHES_IN_A_ROW:
            raise WorkerError(
                f"worker processes died {self.in_a_row} times in a row, each on a different document; {self.hint}"
            )
        return failure(
            item.name, item.source, CRASH_ERROR,
            f"{item.name}: the worker process analysing it died (a crash or out of memory); "
            "it is tried again on the next run",
        )
