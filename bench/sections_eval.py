"""Heading detection against gold heading lines: precision, recall and F1.

    python bench/sections_eval.py FOLDER [FOLDER...] [--split dev|blind|all] [--lines]

Each FOLDER holds one JSON per document, in either of two forms:

- the team's own set (tests/data/sections), with ``doc`` relative to the JSON file:
      {"doc": "memo.txt",
       "headings_required": [{"line": 3, "title": "..."}, ...],
       "headings_optional": [12, ...],          # either way is fine
       "heading_traps": [7, ...]}               # look-alikes that must not be taken
- the real-memos set (../shared/data/real-memos, read by the path given, never copied):
      {"doc": "01_name.txt", "headings": [{"line", "level", "text", "style"}, ...],
       "not_headings": [3, 4, ...], "format": {"heading_style": "numbered", ...}}
  Its documents are scored by split (01-30 dev, 31-40 blind, as score.py counts them) and
  also per heading style ("none" for documents without gold headings).

A heading found on an optional line is neither right nor wrong; a trap (a look-alike, or a
``not_headings`` line) taken is counted apart. Untitled sections (the preamble, e-mail
header blocks, chat turns) are metadata, not headings. ``--lines`` prints the text of every
wrong and missed line, for reading a document's errors.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from analyzer import Analyzer
from analyzer.text.read import read_source

SPLITS = {"dev": range(1, 31), "blind": range(31, 41), "all": range(1, 41)}
_NUMBERED_NAME = re.compile(r"^(\d{2})_")


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    traps: int = 0

    def add(self, other: Score) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.traps += other.traps

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def row(self, name: str) -> str:
        return f"{name:<36} {self.precision:5.2f} {self.recall:5.2f} {self.f1:5.2f}  {self.traps:5d}"


@dataclass(frozen=True)
class Gold:
    """One document's gold, whichever form it came in."""

    path: Path
    required: frozenset[int]
    optional: frozenset[int]
    traps: frozenset[int]
    style: str | None

    @classmethod
    def read(cls, spec_path: Path) -> Gold:
        spec = json.loads(spec_path.read_text())
        path = (spec_path.parent / spec["doc"]).resolve()
        if "headings" in spec:
            required = frozenset(h["line"] for h in spec["headings"])
            style = spec.get("format", {}).get("heading_style") if required else "none"
            return cls(path, required, frozenset(), frozenset(spec.get("not_headings", [])), style)
        return cls(path, frozenset(h["line"] for h in spec["headings_required"]),
                   frozenset(spec.get("headings_optional", [])), frozenset(spec.get("heading_traps", [])), None)


def load_gold(folders: list[Path], split: str) -> list[Gold]:
    gold = []
    for folder in folders:
        for path in sorted(folder.glob("*.json")):
            m = _NUMBERED_NAME.match(path.name)
            if m and int(m.group(1)) not in SPLITS[split]:
                continue
            gold.append(Gold.read(path))
    return gold


def score(report: dict, gold: Gold) -> tuple[Score, list[int], list[int]]:
    found = {s["line"] for s in report["sections"] if s["title"] is not None}
    extra = sorted(found - gold.required - gold.optional)
    missed = sorted(gold.required - found)
    return Score(len(found & gold.required), len(extra), len(missed), len(found & gold.traps)), extra, missed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--model", default=None)
    parser.add_argument("--split", choices=tuple(SPLITS), default="dev",
                        help="which real-memos documents to score (default dev; the team's set is always whole)")
    parser.add_argument("--lines", action="store_true", help="print the text of wrong and missed lines")
    args = parser.parse_args()

    gold = load_gold(args.folders, args.split)
    analyzer = Analyzer(model=args.model)
    texts = [read_source(g.path).text for g in gold]
    reports = analyzer.analyze_many((str(g.path), text) for g, text in zip(gold, texts))
    total, by_style = Score(), defaultdict(Score)
    print(f"{'document':<36} {'P':>5} {'R':>5} {'F1':>5}  traps  wrong / missed lines")
    for g, text, report in zip(gold, texts, reports):
        doc_score, extra, missed = score(report, g)
        total.add(doc_score)
        if g.style:
            by_style[g.style].add(doc_score)
        notes = (f"+{extra} " if extra else "") + (f"-{missed}" if missed else "")
        print(f"{doc_score.row(g.path.name)}  {notes}")
        if args.lines:
            lines = text.split("\n")
            for n in sorted(extra + missed):
                print(f"{'':>8}{'+' if n in extra else '-'}{n:>4} {lines[n - 1][:100]}")
    print(total.row(f"overall ({len(gold)} documents)"))
    for style, style_score in sorted(by_style.items()):
        print(style_score.row(f"  style {style}"))


if __name__ == "__main__":
    main()
