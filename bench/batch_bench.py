"""Batch scoring against bare spaCy, one worker against two, and the workers' memory.

    python bench/batch_bench.py [--docs 2000] [--small 500] [--rounds 1] [--samples DIR] [--model NAME]

Builds a corpus of ``--docs`` documents from the samples (sections shuffled, dropped or
repeated, names swapped among those the samples contain, numbers changed), cached under
bench/out/. Then, in one run, it times:

- bare ``nlp.pipe`` over the corpus texts, in this process (the model already loaded);
- ``memo-analyzer batch --workers 1`` over the first ``--small`` documents and over all;
- ``memo-analyzer batch --workers 2`` over all.

Each batch is the real command in a subprocess, timed from start to exit (loading the
model, reading, writing every report and table included), into a fresh output folder. Its
workers' peak resident memory (VmHWM) is read from /proc while it runs. With ``--rounds N``
each measurement is repeated and the best counts, so a burst of load from elsewhere on a
shared machine decides less. CPU seconds are printed beside wall time: on a busy machine
they say more about the cost of the work than the clock does.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from analyzer.pipeline import load_model
from analyzer.text.read import read_source

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out" / "batch"
SEED = 8
_HEADING = re.compile(r"^#{1,6} ")
_NUMBER = re.compile(r"\d+")


# --- the corpus --------------------------------------------------------------------------

def blocks(text: str) -> list[str]:
    """A sample cut at its headings (markdown) or its blank-line paragraphs (plain text)."""
    lines = text.rstrip("\n").split("\n")
    if any(_HEADING.match(line) for line in lines):
        cuts = [i for i, line in enumerate(lines) if _HEADING.match(line)] + [len(lines)]
        head = ["\n".join(lines[: cuts[0]])] if cuts[0] else []
        parts = head + ["\n".join(lines[a:b]) for a, b in zip(cuts, cuts[1:])]
    else:
        parts = text.split("\n\n")
    return [p.strip("\n") for p in parts if p.strip()]


def people(texts: list[str], nlp) -> list[str]:
    """The person names our samples mention: the pool names are swapped within."""
    names = {ent.text for doc in nlp.pipe(texts) for ent in doc.ents if ent.label_ == "PERSON"}
    return sorted(n for n in names if n.replace(" ", "").isalpha())


def variant(text: str, names: list[str], rng: random.Random) -> str:
    parts = blocks(text)
    first, rest = parts[0], parts[1:]
    rng.shuffle(rest)
    rest = rest[: rng.randint(max(1, len(rest) // 2), len(rest))] if rest else rest
    if rest and rng.random() < 0.3:
        rest.append(rng.choice(rest))  # a longer document
    out = "\n\n".join([first, *rest])
    for name in names:
        if name in out:
            out = out.replace(name, rng.choice(names))
    return _NUMBER.sub(lambda m: str(rng.randint(1, 10 ** len(m.group()) - 1)), out) + "\n"


def corpus(samples: Path, count: int, nlp) -> Path:
    folder = OUT / f"corpus-{count}"
    if folder.is_dir() and len(list(folder.iterdir())) == count:
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    sources = sorted(p for p in samples.iterdir() if p.is_file())
    texts = [read_source(p).text for p in sources]
    names = people(texts, nlp)
    rng = random.Random(SEED)
    for n in range(count):
        i = n % len(sources)
        (folder / f"doc-{n:05d}{sources[i].suffix}").write_text(variant(texts[i], names, rng))
    return folder


def corpus_texts(samples: Path, count: int, nlp) -> tuple[list[Path], list[str], int]:
    """The corpus's files, their texts, and how many words they hold (punctuation left out)."""
    paths = sorted(corpus(samples, count, nlp).iterdir())
    texts = [read_source(p).text for p in paths]
    words = sum(sum(1 for t in doc if not (t.is_punct or t.is_space)) for doc in nlp.tokenizer.pipe(texts))
    return paths, texts, words


# --- measuring ---------------------------------------------------------------------------

@dataclass
class Timing:
    seconds: float
    cpu: float
    peaks: dict[int, float]


def bare_pipe(nlp, texts: list[str]) -> Timing:
    list(nlp.pipe(texts[:20]))  # warm up
    start, cpu = time.perf_counter(), time.process_time()
    for _ in nlp.pipe(texts):
        pass
    return Timing(time.perf_counter() - start, time.process_time() - cpu, {})


def children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def peak_rss_mb(pid: int) -> float | None:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    match = re.search(r"VmHWM:\s+(\d+) kB", status)
    return int(match.group(1)) / 1024 if match else None


def run_batch(inputs: list[Path], workers: int, out: Path, model: str | None, how: list[str] | None = None) -> Timing:
    """The batch command's wall time and CPU time (its workers' included), and each worker's peak RSS in MB.

    ``how`` replaces ``--workers N`` with other options that say where to run (``--scheduler local:2``).
    """
    shutil.rmtree(out, ignore_errors=True)
    command = [sys.executable, "-m", "analyzer", "batch", "-", "--out", str(out),
               *(how or ["--workers", str(workers)])]
    if model:
        command += ["--model", model]
    start = time.perf_counter()
    process = subprocess.Popen(command, stdin=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    process.stdin.write("".join(f"{p}\n" for p in inputs))
    process.stdin.close()
    peaks: dict[int, float] = {}
    while True:
        # wait4 rather than poll: it also returns the CPU the command and its workers used.
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            break
        for child in children(process.pid):
            rss = peak_rss_mb(child)
            if rss is not None:
                peaks[child] = max(peaks.get(child, 0.0), rss)
        time.sleep(0.25)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"batch failed ({process.returncode}): {process.stderr.read()}")
    return Timing(seconds, usage.ru_utime + usage.ru_stime, peaks)


def best(runs: list[Timing]) -> Timing:
    return min(runs, key=lambda t: t.seconds)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--small", type=int, default=500)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--samples", type=Path, default=ROOT / "samples")
    parser.add_argument("--model", default=None)
    args = parser.parse_args()

    nlp = load_model(args.model)
    paths, texts, words = corpus_texts(args.samples, args.docs, nlp)
    print(f"corpus: {len(texts):,} documents, {words:,} words, from {args.samples}; "
          f"{len(os.sched_getaffinity(0))} CPUs; load average at start {_load()}; best of {args.rounds}")

    runs: dict[str, list[Timing]] = {"bare": [], "small": [], "one": [], "two": []}
    for _ in range(args.rounds):
        runs["bare"].append(bare_pipe(nlp, texts))
        runs["small"].append(run_batch(paths[: args.small], 1, OUT / "run-1-small", args.model))
        runs["one"].append(run_batch(paths, 1, OUT / "run-1", args.model))
        runs["two"].append(run_batch(paths, 2, OUT / "run-2", args.model))
    bare, small, one, two = (best(runs[k]) for k in ("bare", "small", "one", "two"))

    def line(label: str, t: Timing, docs: int) -> None:
        n_words = words * docs / len(texts)
        print(f"{label:<30} {t.seconds:7.1f} s wall {t.cpu:7.1f} s CPU {n_words / t.seconds:8,.0f} words/s "
              f"{docs / t.seconds:6.1f} docs/s")

    line("bare nlp.pipe (in process)", bare, len(texts))
    line(f"batch --workers 1, {args.small} docs", small, args.small)
    line(f"batch --workers 1, {len(paths)} docs", one, len(paths))
    line(f"batch --workers 2, {len(paths)} docs", two, len(paths))
    print(f"ratio 1 worker / bare nlp.pipe:  {bare.seconds / one.seconds:.3f} by the clock, "
          f"{bare.cpu / one.cpu:.3f} by CPU time  (target >= 0.85)")
    print(f"ratio 2 workers / 1 worker:      {one.seconds / two.seconds:.3f}  (target >= 1.6)")
    for label, t in ((f"1 worker, {args.small} docs", small), (f"1 worker, {len(paths)} docs", one),
                     (f"2 workers, {len(paths)} docs", two)):
        shown = ", ".join(f"{mb:.0f}" for mb in sorted(t.peaks.values())) or "not seen"
        print(f"peak RSS per worker, {label + ':':<22} {shown} MB  (target < 600, flat)")
    print(f"load average at end {_load()} (other work on the machine makes every figure noisier)")


def _load() -> str:
    return Path("/proc/loadavg").read_text().split()[0]


if __name__ == "__main__":
    main()
