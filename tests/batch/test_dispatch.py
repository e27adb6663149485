"""The policy both executors share (batch/dispatch.py), on a stand-in for the workers.

Each document's fate is scripted: ``ok`` gives a result, ``boom`` kills any worker it is
on, ``lost:N`` loses the chunk holding it the first N times it is sent, ``gone`` loses it
every time.
"""

from __future__ import annotations

import pytest

from analyzer.batch.dispatch import SENDS, CrashWatch, Ended, Sent, dispatch
from analyzer.batch.work import Item, Result
from analyzer.errors import WorkerError


class ScriptedWorkers:
    """Runs every chunk in flight at once when asked how they ended, and notes what it was sent."""

    def __init__(self) -> None:
        self.flying: list[Sent] = []
        self.sent: list[tuple[list[str], bool]] = []
        self.losses: dict[str, int] = {}
        self.most_in_flight = 0

    def send(self, sent: Sent) -> None:
        self.flying.append(sent)
        self.sent.append(([item.name for item in sent.chunk], sent.alone))
        self.most_in_flight = max(self.most_in_flight, len(self.flying))

    def in_flight(self) -> int:
        return len(self.flying)

    def ended(self):
        flying, self.flying = self.flying, []
        return [(sent, self._outcome(sent.chunk)) for sent in flying]

    def _outcome(self, chunk: list[Item]):
        fates = [item.data.decode() for item in chunk]
        if "boom" in fates:
            return Ended.KILLED
        for item, fate in zip(chunk, fates):
            if fate == "gone" or (fate.startswith("lost:") and self.losses.get(item.name, 0) < int(fate[5:])):
                self.losses[item.name] = self.losses.get(item.name, 0) + 1
                return Ended.LOST
        return [Result(item.name, item.source, item.sha256, report={}) for item in chunk]


def run(fates: list[str], *, chunk: int = 2, width: int = 2):
    items = [Item.of(f"d{n}", f"d{n}", fate.encode()) for n, fate in enumerate(fates)]
    chunks = [items[i:i + chunk] for i in range(0, len(items), chunk)]
    workers = ScriptedWorkers()
    results = [r for rs in dispatch(chunks, workers, width, CrashWatch("a hint")) for r in rs]
    return {r.name: r.error or "ok" for r in results}, workers


@pytest.mark.parametrize("fates, outcome", [
    (["ok", "ok", "ok"], ["ok", "ok", "ok"]),
    (["ok", "boom", "ok", "ok"], ["ok", "WorkerCrashError", "ok", "ok"]),
    (["ok", "lost:1", "ok"], ["ok", "ok", "ok"]),
    (["ok", f"lost:{SENDS}", "ok"], ["ok", "ok", "ok"]),  # lost with its chunk, then found alone
    (["ok", "gone", "ok", "ok"], ["ok", "WorkerCrashError", "ok", "ok"]),
], ids=["all well", "a killer fails alone", "lost once", "lost each time with its chunk", "lost every time"])
def test_every_document_gets_one_result_and_only_the_culprit_fails(fates, outcome):
    results, _ = run(fates)
    assert results == {f"d{n}": expected for n, expected in enumerate(outcome)}


def test_a_killed_chunk_is_split_and_its_documents_run_alone_one_at_a_time():
    _, workers = run(["ok", "boom", "ok", "ok"])
    assert workers.sent == [(["d0", "d1"], False), (["d2", "d3"], False), (["d0"], True), (["d1"], True)]


def test_a_lost_chunk_is_sent_a_bounded_number_of_times():
    _, workers = run(["gone"], chunk=1, width=1)
    assert workers.sent == [(["d0"], False)] * SENDS + [(["d0"], True)] * SENDS


def test_no_more_chunks_in_flight_than_workers():
    _, workers = run(["ok"] * 9, chunk=1, width=3)
    assert workers.most_in_flight == 3


def test_a_chunk_is_sent_only_once_the_results_before_it_are_taken():
    """So a kill -9 of the command costs at most one chunk's work per worker."""
    items = [Item.of(f"d{n}", f"d{n}", b"ok") for n in range(4)]
    workers = ScriptedWorkers()
    results = dispatch([[item] for item in items], workers, 2, CrashWatch("a hint"))
    taken = [next(results), next(results)]  # d0 and d1, which ended together
    assert [rs[0].name for rs in taken] == ["d0", "d1"] and len(workers.sent) == 2
    next(results)
    assert len(workers.sent) == 4

def test_workers_dying_on_document_after_document_stop_the_run():
    with pytest.raises(WorkerError, match="died 5 times in a row, each on a different document; a hint"):
        run(["boom"] * 6)
