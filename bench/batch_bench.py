"""Batch scoring against bare spaCy, one worker against two, and the workers' memory.

    python bench/batch_bench.py [--docs 2000] [--small 500] [--rounds 1] [--samples DIR] [--words N]
                                [--runs bare,small,one,two] [--model NAME]

Builds a corpus of ``--docs`` documents from the memos in ``--samples`` (sections shuffled,
dropped or repeated, names swapped among those the samples contain, numbers changed),
cached under bench/out/. With ``--words N`` each document is filled up with sections of the
other samples to a length drawn between N/2 and 3N/2 words, for real-length memos from
short samples (``--samples tests/data/sections --words 1500``). Then, in one run, it times:

- bare ``nlp.pipe`` over the corpus texts, in this process (the model already loaded);
- ``memo-analyzer batch --workers 1`` over the first ``--small`` documents and over all;
- ``memo-analyzer batch --workers 2`` over all.

Each batch is the real command in a subprocess, timed from start to exit (loading the
model, reading, writing every report and table included), into a fresh output folder. Its
workers' peak resident memory (VmHWM) is read from /proc while it runs, and their current
memory (VmRSS) as the run goes, whose highest value in each fifth of the documents shows
whether it stays flat or grows with the documents seen. With ``--runs`` only some of the
measurements are made (the memory of two workers alone: ``--runs two``). With ``--rounds N``
each measurement is repeated and the best counts, so a burst of load from elsewhere on a
shared machine decides less. CPU seconds are printed beside wall time: on a busy machine
they say more about the cost of the work than the clock does.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from analyzer.pipeline import load_model
from analyzer.text.read import read_source

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out" / "batch"
SEED = 8
MEMO_SUFFIXES = (".txt", ".md", ".markdown")
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


def variant(text: str, names: list[str], rng: random.Random, filler: list[str], words: int | None) -> str:
    parts = blocks(text)
    first, rest = parts[0], parts[1:]
    rng.shuffle(rest)
    rest = rest[: rng.randint(max(1, len(rest) // 2), len(rest))] if rest else rest
    if rest and rng.random() < 0.3:
        rest.append(rng.choice(rest))  # a longer document
    if words:
        target = rng.randint(words // 2, words * 3 // 2)
        while sum(len(part.split()) for part in (first, *rest)) < target:
            rest.append(rng.choice(filler))
    out = "\n\n".join([first, *rest])
    for name in names:
        if name in out:
            out = out.replace(name, rng.choice(names))
    return _NUMBER.sub(lambda m: str(rng.randint(1, 10 ** len(m.group()) - 1)), out) + "\n"


def corpus(samples: Path, count: int, nlp, words: int | None = None) -> Path:
    folder = OUT / (f"corpus-{count}" + (f"-{samples.name}-{words}w" if words else ""))
    if folder.is_dir() and len(list(folder.iterdir())) == count:
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    sources = sorted(p for p in samples.iterdir() if p.is_file() and p.suffix in MEMO_SUFFIXES)
    texts = [read_source(p).text for p in sources]
    names = people(texts, nlp)
    filler = [part for text in texts for part in blocks(text)[1:]]
    rng = random.Random(SEED)
    for n in range(count):
        i = n % len(sources)
        (folder / f"doc-{n:05d}{sources[i].suffix}").write_text(variant(texts[i], names, rng, filler, words))
    return folder


def corpus_texts(samples: Path, count: int, nlp, words: int | None = None) -> tuple[list[Path], list[str], int]:
    """The corpus's files, their texts, and how many words they hold (punctuation left out)."""
    paths = sorted(corpus(samples, count, nlp, words).iterdir())
    texts = [read_source(p).text for p in paths]
    words = sum(sum(1 for t in doc if not (t.is_punct or t.is_space)) for doc in nlp.tokenizer.pipe(texts))
    return paths, texts, words


# --- measuring ---------------------------------------------------------------------------

@dataclass
class Timing:
    seconds: float
    cpu: float
    peaks: dict[int, float]
    # (documents done, each worker's resident MB) as the run went
    memory: list[tuple[int, dict[int, float]]] = field(default_factory=list)

    def peak_between(self, start: float, end: float, worker: int) -> float:
        """A worker's highest resident memory while the documents done went from share ``start`` to ``end``."""
        total = self.memory[-1][0] if self.memory else 0
        seen = [rss.get(worker, 0.0) for done, rss in self.memory if start * total <= done <= end * total]
        return max(seen, default=0.0)


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


def memory_mb(pid: int, field_name: str = "VmHWM") -> float | None:
    """A process's peak (VmHWM) or current (VmRSS) resident memory in MB."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    match = re.search(rf"{field_name}:\s+(\d+) kB", status)
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
    # The paths and the command's messages go through files: a pipe holds 64 KB, so writing
    # 2,000 paths to one blocked this process until the command had read most of them, and
    # the first half of the run went unwatched.
    listing, log = out.parent / f"{out.name}-inputs.txt", out.parent / f"{out.name}-stderr.txt"
    listing.write_text("".join(f"{p}\n" for p in inputs))
    with listing.open() as stdin, log.open("w") as stderr:
        process = subprocess.Popen(command, stdin=stdin, stderr=stderr)
    peaks: dict[int, float] = {}
    memory: list[tuple[int, dict[int, float]]] = []
    while True:
        # wait4 rather than poll: it also returns the CPU the command and its workers used.
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            break
        now: dict[int, float] = {}
        for child in children(process.pid):
            peak, rss = memory_mb(child), memory_mb(child, "VmRSS")
            if peak is not None and rss is not None:
                peaks[child] = max(peaks.get(child, 0.0), peak)
                now[child] = rss
        memory.append((_reports(out), now))
        time.sleep(0.25)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"batch failed ({process.returncode}): {log.read_text()}")
    # The whole timeline, for a closer look than the summary lines give.
    (out.parent / f"{out.name}-memory.json").write_text(json.dumps(memory))
    return Timing(seconds, usage.ru_utime + usage.ru_stime, peaks, memory)


def _reports(out: Path) -> int:
    """Reports written so far."""
    return sum(len(files) for _, _, files in os.walk(out / "reports"))


def best(runs: list[Timing]) -> Timing:
    return min(runs, key=lambda t: t.seconds)


RUNS = ("bare", "small", "one", "two")
SHARES = (0.2, 0.4, 0.6, 0.8, 1.0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--small", type=int, default=500)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--samples", type=Path, default=ROOT / "samples")
    parser.add_argument("--words", type=int, default=None, help="fill each document up to about N words")
    parser.add_argument("--runs", default=",".join(RUNS), help=f"which measurements, of {','.join(RUNS)}")
    parser.add_argument("--model", default=None)
    args = parser.parse_args()
    chosen = [name for name in args.runs.split(",") if name]
    if not chosen or set(chosen) - set(RUNS):
        parser.error(f"--runs takes names among {', '.join(RUNS)}")

    nlp = load_model(args.model)
    paths, texts, words = corpus_texts(args.samples, args.docs, nlp, args.words)
    print(f"corpus: {len(texts):,} documents, {words:,} words ({words / len(texts):,.0f} per document), "
          f"from {args.samples}; {len(os.sched_getaffinity(0))} CPUs; load average at start {_load()}; "
          f"best of {args.rounds}")
    measure = {
        "bare": lambda: bare_pipe(nlp, texts),
        "small": lambda: run_batch(paths[: args.small], 1, OUT / "run-1-small", args.model),
        "one": lambda: run_batch(paths, 1, OUT / "run-1", args.model),
        "two": lambda: run_batch(paths, 2, OUT / "run-2", args.model),
    }
    runs = {name: best([measure[name]() for _ in range(args.rounds)]) for name in chosen}
    labels = {"bare": ("bare nlp.pipe (in process)", len(texts)),
              "small": (f"batch --workers 1, {args.small} docs", args.small),
              "one": (f"batch --workers 1, {len(paths)} docs", len(paths)),
              "two": (f"batch --workers 2, {len(paths)} docs", len(paths))}
    for name, t in runs.items():
        label, docs = labels[name]
        n_words = words * docs / len(texts)
        print(f"{label:<30} {t.seconds:7.1f} s wall {t.cpu:7.1f} s CPU {n_words / t.seconds:8,.0f} words/s "
              f"{docs / t.seconds:6.1f} docs/s")
    if {"bare", "one"} <= runs.keys():
        print(f"ratio 1 worker / bare nlp.pipe:  {runs['bare'].seconds / runs['one'].seconds:.3f} by the clock, "
              f"{runs['bare'].cpu / runs['one'].cpu:.3f} by CPU time  (target >= 0.85)")
    if {"one", "two"} <= runs.keys():
        print(f"ratio 2 workers / 1 worker:      {runs['one'].seconds / runs['two'].seconds:.3f}  (target >= 1.6)")
    for name, t in runs.items():
        if name != "bare":
            print_memory(labels[name][0].removeprefix("batch "), t)
    print(f"load average at end {_load()} (other work on the machine makes every figure noisier)")


def print_memory(label: str, t: Timing) -> None:
    shown = ", ".join(f"{mb:.0f}" for mb in sorted(t.peaks.values())) or "not seen"
    print(f"peak RSS per worker, {label + ':':<24} {shown} MB  (target < 600, flat)")
    for worker in sorted(t.peaks):
        steps = "  ".join(f"{start:.0%}-{end:.0%} {t.peak_between(start, end, worker):4.0f}"
                          for start, end in zip((0.0, *SHARES), SHARES))
        print(f"    worker {worker}, highest resident MB by documents done: {steps}")


def _load() -> str:
    return Path("/proc/loadavg").read_text().split()[0]


if __name__ == "__main__":
    main()
