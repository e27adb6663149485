"""Throughput of the analyzer against bare spaCy, same model, same texts, same run.

    python bench/throughput.py [--docs 200] [--rounds 3] [--texts DIR] [--model NAME]

Prints words/s for ``nlp.pipe`` with the bare model, for ``Analyzer.analyze_many`` (our
components plus building the report), and their ratio, by the clock and by CPU time; then
what a command pays before its first document: loading the bare model against building the
analyzer (the model, every lexicon and its matchers), each timed once, in that order, as
they are built for the rounds. Each
round times both; the best round of each counts, so a passing hiccup on a busy machine does
not decide the figure. CPU time says more than the clock when other work shares the machine.
"""

from __future__ import annotations

import argparse
import itertools
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from analyzer import Analyzer
from analyzer.pipeline import load_model
from analyzer.text.read import read_source

ROOT = Path(__file__).resolve().parent.parent
T = TypeVar("T")


def corpus(folder: Path, count: int) -> list[str]:
    texts = [read_source(p).text for p in sorted(folder.iterdir()) if p.is_file()]
    if not texts:
        raise SystemExit(f"no documents in {folder}")
    return list(itertools.islice(itertools.cycle(texts), count))


def timed(run) -> tuple[float, float]:
    """Wall and CPU seconds of one call."""
    start, cpu = time.perf_counter(), time.process_time()
    run()
    return time.perf_counter() - start, time.process_time() - cpu


def made(build: Callable[[], T]) -> tuple[T, float]:
    """What ``build`` makes, and the seconds it took by the clock."""
    start = time.perf_counter()
    value = build()
    return value, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--texts", type=Path, default=ROOT / "samples")
    parser.add_argument("--model", default=None)
    args = parser.parse_args()

    texts = corpus(args.texts, args.docs)
    bare, load_wall = made(lambda: load_model(args.model))
    analyzer, build_wall = made(lambda: Analyzer(model=args.model))
    words = sum(sum(1 for t in doc if not (t.is_punct or t.is_space)) for doc in bare.pipe(texts[:50]))
    words = words * len(texts) / min(50, len(texts))
    pairs = [(f"doc-{i}", text) for i, text in enumerate(texts)]
    # Warm both up once: first calls load lexicons and caches.
    list(analyzer.analyze_many(pairs[:5]))
    list(bare.pipe(texts[:5]))

    bare_runs, analyzer_runs = [], []
    for _ in range(args.rounds):
        bare_runs.append(timed(lambda: list(bare.pipe(texts))))
        analyzer_runs.append(timed(lambda: list(analyzer.analyze_many(pairs))))
    bare_best, bare_cpu = (min(t) for t in zip(*bare_runs))
    analyzer_best, analyzer_cpu = (min(t) for t in zip(*analyzer_runs))

    print(f"model: {analyzer.model}; {len(texts)} documents, about {words:,.0f} words; best of {args.rounds}")
    print(f"bare nlp.pipe:           {words / bare_best:9,.0f} words/s  {len(texts) / bare_best:7.1f} docs/s"
          f"  {bare_cpu:6.1f} s CPU")
    print(f"Analyzer.analyze_many:   {words / analyzer_best:9,.0f} words/s  {len(texts) / analyzer_best:7.1f} docs/s"
          f"  {analyzer_cpu:6.1f} s CPU")
    print(f"ratio analyzer / bare:   {bare_best / analyzer_best:.3f} by the clock, {bare_cpu / analyzer_cpu:.3f} by CPU"
          "  (target >= 0.85)")
    print(f"start-up: bare spacy.load {load_wall:.2f} s, Analyzer() {build_wall:.2f} s"
          f" (model, lexicons and matchers), {build_wall / load_wall:.1f} times the bare load")


if __name__ == "__main__":
    main()
