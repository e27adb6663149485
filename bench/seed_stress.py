"""Rank a memo's sections by stress index, most stressed first, with what drives each.

    python bench/seed_stress.py PATH [--model NAME]

Uses the public API, so it shows exactly what a report would. Handy after a lexicon or
calibration change: run it on a memo whose calm and strained sections you know.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from analyzer import Analyzer
from analyzer.text.read import read_source


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("path", type=Path)
    parser.add_argument("--model", default=None)
    args = parser.parse_args()

    source = read_source(str(args.path))
    report = Analyzer(model=args.model).analyze(source.text, source=source.name)
    scored = [s for s in report["sections"] if s["stress"] and s["stress"]["index"] is not None]
    scored.sort(key=lambda s: -s["stress"]["index"])
    doc = report["stress"]
    print(f"{source.name}: document index {doc['index']} ({doc['level'] or 'too short'}), "
          f"{len(scored)} sections with prose")
    for rank, s in enumerate(scored, start=1):
        stress = s["stress"]
        level = stress["level"] or "too short"
        words = [w for d in stress["drivers"] if d["contribution"] >= 0.05 for w in d["words"]][:4]
        print(f"{rank:3}. {stress['index']:5.1f} {level:9} {stress['words']:5} words  {s['title']}")
        if words:
            print(f"{'':27}{', '.join(words)}")


if __name__ == "__main__":
    main()
