"""Batch scoring on a Dask cluster against the local worker pool, on the same machine.

    python bench/cluster_bench.py [--docs 400] [--rounds 1] [--samples DIR] [--model NAME]

Uses the corpus of bench/batch_bench.py (built and cached the same way), then times the
real command in a subprocess, from start to exit, into fresh output folders:

- ``memo-analyzer batch --workers 2`` (the local pool);
- ``memo-analyzer batch --scheduler local:2`` (a Dask LocalCluster of 2 worker processes,
  started by the command itself: its start-up is in the figure).

It prints words/s and docs/s for each, words per CPU-second (what one core does, the
figure to scale a cluster by), the throughput ratio (target >= 0.9), and checks that the
two output folders hold the same files, byte for byte.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from batch_bench import OUT, ROOT, Timing, _load, best, corpus_texts, run_batch

from analyzer.pipeline import load_model

INTERNAL = {"manifest.sqlite", "manifest.sqlite-wal", ".lock"}


def outputs(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and p.name not in INTERNAL}


def differences(a: Path, b: Path) -> list[str]:
    """Files that are in one batch folder only, or differ in a byte (the tables' rows are sorted by path)."""
    left, right = outputs(a), outputs(b)
    return sorted(name for name in set(left) | set(right) if left.get(name) != right.get(name))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=400)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--samples", type=Path, default=ROOT / "samples")
    parser.add_argument("--model", default=None)
    args = parser.parse_args()

    paths, texts, words = corpus_texts(args.samples, args.docs, load_model(args.model))
    print(f"corpus: {len(texts):,} documents, {words:,} words ({words / len(texts):,.0f} per document); "
          f"load average at start {_load()}; best of {args.rounds}")

    runs: dict[str, list[Timing]] = {"pool": [], "dask": []}
    for _ in range(args.rounds):
        runs["pool"].append(run_batch(paths, 2, OUT / "pool-2", args.model))
        runs["dask"].append(run_batch(paths, 2, OUT / "dask-2", args.model, how=["--scheduler", "local:2"]))
    pool, dask = best(runs["pool"]), best(runs["dask"])

    for label, t in (("batch --workers 2", pool), ("batch --scheduler local:2", dask)):
        print(f"{label:<27} {t.seconds:7.1f} s wall {t.cpu:7.1f} s CPU {words / t.seconds:8,.0f} words/s "
              f"{len(texts) / t.seconds:6.1f} docs/s {words / t.cpu:8,.0f} words per CPU-second")
    print(f"ratio local:2 / --workers 2: {pool.seconds / dask.seconds:.3f} by the clock, "
          f"{pool.cpu / dask.cpu:.3f} by CPU time  (target >= 0.9)")
    differ = differences(OUT / "pool-2", OUT / "dask-2")
    print("outputs: byte-identical" if not differ else f"outputs DIFFER: {', '.join(differ[:10])}")
    print(f"load average at end {_load()} (other work on the machine makes every figure noisier)")
    if differ:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
