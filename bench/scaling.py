"""Cost against length: one document at 1x, 4x, 16x, 64x a base text, beside bare ``nlp.pipe``.

    python bench/scaling.py BASE [--factors 1 4 16 64] [--model NAME] [--no-bare-above N]

The document is the base text repeated (copies joined by a blank line), so every factor
reads the same kind of prose and only the length changes. Each measurement runs in a fresh
process of its own, so its peak resident memory (``ru_maxrss``) is its own and not the
high-water mark of an earlier, longer run. For each factor it prints the seconds and CPU
seconds per 1,000 words of bare ``nlp.pipe`` and of ``Analyzer.analyze`` on the same text,
their ratio, each one's peak RSS and how far it grew above the loaded pipeline, and then the
CPU time of each stage of the analyzer; ``rest`` is what no component takes: tokenising,
cutting a long text into pieces and joining them, building the report. A linear analyzer
keeps its seconds per 1,000 words flat from 1x to 64x; memory that grows no faster than the
bare model's stays within the model's own growth. ``--no-bare-above`` skips the bare model
for long documents (the bare small English model holds about 20 KB per word while it parses).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Doc

SEPARATOR = "\n\n"


def document(base: Path, factor: int) -> str:
    text = base.read_text(encoding="utf-8").strip("\n")
    return SEPARATOR.join([text] * factor) + "\n"


def words(text: str) -> int:
    """Runs of non-space, the same count for both sides of a ratio."""
    return len(text.split())


# --- in a child process: one measurement -------------------------------------------------

class Timed:
    """A pipeline component that adds its own wall and CPU seconds to ``totals``.

    It calls the component one doc at a time even in ``pipe``, so the time a generator
    spends pulling from the stage before it is never counted against this one.
    """

    def __init__(self, name: str, proc: Any, totals: dict[str, list[float]]) -> None:
        self.name, self.proc, self.totals = name, proc, totals

    def __call__(self, doc: Doc) -> Doc:
        wall, cpu = time.perf_counter(), time.process_time()
        doc = self.proc(doc)
        spent = self.totals.setdefault(self.name, [0.0, 0.0])
        spent[0] += time.perf_counter() - wall
        spent[1] += time.process_time() - cpu
        return doc

    def pipe(self, docs: Iterable[Doc], **_: Any) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.proc, name)


def timed_pipeline(nlp: Any) -> dict[str, list[float]]:
    """Wrap every component of ``nlp`` in ``Timed``; the returned dict fills as docs pass."""
    totals: dict[str, list[float]] = {}
    nlp._components = [(name, Timed(name, proc, totals)) for name, proc in nlp._components]
    return totals


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def measure(side: str, text: str, model: str | None) -> dict[str, Any]:
    """Time one run of ``side`` ("bare" or "analyzer") over ``text``, after a warm-up."""
    if side == "bare":
        from analyzer.pipeline import load_model

        nlp = load_model(model)
        warm = lambda t: list(nlp.pipe([t]))  # noqa: E731
        run = warm
        stages: dict[str, list[float]] = {}
    else:
        from analyzer import Analyzer

        analyzer = Analyzer(model=model)
        warm = analyzer.analyze
        stages = timed_pipeline(analyzer.nlp)
        run = analyzer.analyze
    warm("A first sentence to warm the caches up.\n\nAnd a second paragraph.")
    stages.clear()
    loaded = rss_mb()
    wall, cpu = time.perf_counter(), time.process_time()
    run(text)
    return {"seconds": time.perf_counter() - wall, "cpu": time.process_time() - cpu, "loaded_mb": loaded,
            "peak_mb": peak_rss_mb(), "stages": stages}


# --- in the parent: the table -------------------------------------------------------------

def child(side: str, base: Path, factor: int, model: str | None) -> dict[str, Any]:
    command = [sys.executable, __file__, str(base), "--child", side, "--factors", str(factor)]
    if model:
        command += ["--model", model]
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"{side} at {factor}x failed:\n{done.stderr.strip()}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def per_k(seconds: float, n_words: int) -> float:
    return seconds / n_words * 1000


def report(base: Path, factors: list[int], model: str | None, bare_limit: int | None) -> None:
    rows = []
    for factor in factors:
        text = document(base, factor)
        n = words(text)
        bare = child("bare", base, factor, model) if bare_limit is None or n <= bare_limit else None
        ours = child("analyzer", base, factor, model)
        rows.append((factor, len(text), n, bare, ours))
        _print_row(*rows[-1])
    first = rows[0]
    for factor, _, n, _, ours in rows[1:]:
        growth = per_k(ours["cpu"], n) / per_k(first[4]["cpu"], first[2])
        print(f"analyzer CPU s per 1,000 words at {factor}x / at {first[0]}x: {growth:.2f}  (target <= 1.3)")


def _print_row(factor: int, chars: int, n: int, bare: dict | None, ours: dict) -> None:
    print(f"\n{factor}x: {chars:,} characters, {n:,} words")
    for label, side in (("bare nlp.pipe", bare), ("analyzer", ours)):
        if side is None:
            print(f"  {label:<14} (not run at this length)")
            continue
        print(f"  {label:<14} {per_k(side['seconds'], n):6.3f} s / 1k words wall  "
              f"{per_k(side['cpu'], n):6.3f} s / 1k words CPU  peak RSS {side['peak_mb']:7,.0f} MB "
              f"(+{side['peak_mb'] - side['loaded_mb']:,.0f} over the loaded pipeline)")
    if bare is not None:
        print(f"  ratio bare / analyzer: {bare['seconds'] / ours['seconds']:.3f} by the clock, "
              f"{bare['cpu'] / ours['cpu']:.3f} by CPU")
    stages = ours["stages"]
    rest = ours["cpu"] - sum(cpu for _, cpu in stages.values())
    shares = [(name, cpu) for name, (_, cpu) in stages.items()] + [("rest", rest)]
    print("  stages (CPU s): " + ", ".join(f"{name} {cpu:.2f}" for name, cpu in shares))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("base", type=Path, help="the text to repeat")
    parser.add_argument("--factors", type=int, nargs="+", default=[1, 4, 16, 64])
    parser.add_argument("--model", default=None)
    parser.add_argument("--no-bare-above", type=int, default=None, metavar="WORDS",
                        help="skip bare nlp.pipe for documents of more words than this")
    parser.add_argument("--child", choices=("bare", "analyzer"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if not args.base.is_file():
        sys.exit(f"Error: {args.base}: no such file")
    if args.child:
        print(json.dumps(measure(args.child, document(args.base, args.factors[0]), args.model)))
        return
    report(args.base, args.factors, args.model, args.no_bare_above)


if __name__ == "__main__":
    main()
