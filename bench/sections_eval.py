"""Heading detection against gold heading lines: precision, recall and F1.

    python bench/sections_eval.py FOLDER [FOLDER...]

Each FOLDER holds one small JSON per document:
    {"doc": "memo.txt",                       # path relative to the JSON file
     "headings_required": [{"line": 3, "title": "..."}, ...],
     "headings_optional": [12, ...],          # either way is fine
     "heading_traps": [7, ...]}               # look-alikes that must not be taken
A heading found on an optional line is neither right nor wrong. Untitled sections
(the preamble, e-mail header blocks, chat turns) are metadata, not headings.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass
from pathlib import Path

from analyzer import Analyzer
from analyzer.text.read import read_source


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


def load_gold(folders: list[Path]) -> list[tuple[Path, dict]]:
    gold = []
    for folder in folders:
        for path in sorted(folder.glob("*.json")):
            spec = json.loads(path.read_text())
            gold.append(((path.parent / spec["doc"]).resolve(), spec))
    return gold


def score(report: dict, spec: dict) -> tuple[Score, list[int], list[int]]:
    required = {h["line"] for h in spec["headings_required"]}
    optional = set(spec.get("headings_optional", []))
    traps = set(spec.get("heading_traps", []))
    found = {s["line"] for s in report["sections"] if s["title"] is not None}
    extra = sorted(found - required - optional)
    missed = sorted(required - found)
    return Score(len(found & required), len(extra), len(missed), len(found & traps)), extra, missed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--model", default=None)
    args = parser.parse_args()

    gold = load_gold(args.folders)
    analyzer = Analyzer(model=args.model)
    texts = ((str(path), read_source(path).text) for path, _ in gold)
    total = Score()
    print(f"{'document':<34} {'P':>5} {'R':>5} {'F1':>5}  traps  wrong / missed lines")
    for (path, spec), report in zip(gold, analyzer.analyze_many(texts)):
        doc_score, extra, missed = score(report, spec)
        total.add(doc_score)
        notes = f"+{extra} " if extra else ""
        notes += f"-{missed}" if missed else ""
        print(f"{path.name:<34} {doc_score.precision:5.2f} {doc_score.recall:5.2f} {doc_score.f1:5.2f}"
              f"  {doc_score.traps:5d}  {notes}")
    print(f"{'overall (' + str(len(gold)) + ' documents)':<34} {total.precision:5.2f} {total.recall:5.2f} "
          f"{total.f1:5.2f}  {total.traps:5d}")


if __name__ == "__main__":
    main()
