"""How well the stress index separates stress-labelled texts, next to VADER on the same texts.

    python bench/stress_eval.py --data ../shared/data/dreaddit/dreaddit-train.csv \\
        --text-column text --label-column label [--group-column post_id]

Scores every text with the public API (``Analyzer.analyze_many``) and prints ROC AUC, and
F1, MCC and accuracy at the calibrated threshold (the "high" level in
lexicons/stress-index.json). The reference line is plain VADER's ``-compound`` on the same
whole texts in the same run, cut at VADER's own convention (compound <= -0.05 is negative).
Rows are reported all together and for the held-out 30% that calibration never saw (the
same hash split as bench/stress_calibrate.py; pass the same --group-column).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from calibration import Confusion, read_rows, roc_auc
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from analyzer import Analyzer
from analyzer.markers.lexicon import load_categories
from analyzer.scores.stress import load_model

VADER_NEGATIVE = -0.05


def line(name: str, scores: list[float], labels: list[int], threshold: float) -> str:
    c = Confusion.at(scores, labels, threshold)
    return (f"{name:28} {len(labels):5}  {roc_auc(scores, labels):.4f}  {c.f1:.4f}  {c.mcc:.4f}  "
            f"{c.accuracy:.4f}   P {c.precision:.3f} R {c.recall:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--text-column", default="text")
    parser.add_argument("--label-column", default="label")
    parser.add_argument("--group-column", default=None, help="as given to stress_calibrate.py, for the split")
    parser.add_argument("--model", default=None)
    args = parser.parse_args()

    rows = read_rows(args.data, args.text_column, args.label_column, args.group_column)
    model = load_model(load_categories())
    analyzer = Analyzer(model=args.model)
    start = time.perf_counter()
    reports = list(analyzer.analyze_many((f"row {i}", r.text) for i, r in enumerate(rows)))
    seconds = time.perf_counter() - start
    # A text with no words has no index (null in the report); it shows no stress language.
    index = [r["stress"]["index"] if r["stress"]["index"] is not None else 0.0 for r in reports]
    vader = SentimentIntensityAnalyzer()
    negativity = [-vader.polarity_scores(r.text)["compound"] for r in rows]

    stressed = sum(r.label for r in rows)
    print(f"data: {args.data.name}, {len(rows)} rows ({stressed} labelled stress); {analyzer.model}; "
          f"{len(rows) / seconds:.1f} texts/s")
    print(f"calibrated threshold: index >= {model.high} (levels: moderate >= {model.moderate}, high >= {model.high}); "
          f"VADER reference: compound <= {VADER_NEGATIVE}")
    print(f"{'':28} {'rows':>5}  {'AUC':6}  {'F1':6}  {'MCC':6}  {'accuracy'}")
    for part, keep in (("all", lambda r: True), ("held-out", lambda r: r.held_out)):
        picked = [i for i, r in enumerate(rows) if keep(r)]
        labels = [rows[i].label for i in picked]
        print(line(f"stress index ({part})", [index[i] for i in picked], labels, model.high))
        print(line(f"VADER -compound ({part})", [negativity[i] for i in picked], labels, -VADER_NEGATIVE))
    short = sum(1 for r in reports if r["stress"]["too_short"])
    empty = sum(1 for r in reports if r["stress"]["index"] is None)
    print(f"too short for a level (< {model.min_words} words): {short} texts, scored all the same; "
          f"{empty} with no words at all, scored 0")


if __name__ == "__main__":
    main()
