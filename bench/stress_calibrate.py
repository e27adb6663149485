"""Calibrate the stress index on labelled texts and write lexicons/stress-index.json.

    python bench/stress_calibrate.py --data ../shared/data/dreaddit/dreaddit-train.csv \\
        --text-column text --label-column label --group-column post_id [--write]

Fits one weight per feature (a logistic regression on the tune part: 70% of the rows, split
by a hash of the group column, see calibration.py), records each feature's mean on that part
as its reference (a driver is a feature away from its reference) and picks the level
thresholds on the same part:

- high: the index that maximises F1 for the stress label (the "calibrated threshold");
- moderate: the index that 90% of stress-labelled texts reach, so "low" is rare among them.

It prints AUC, F1, MCC and accuracy on the tune part and on the held-out 30%. With --write it
saves the constants (rounded, with this command and the figures) for the analyzer to use.
Parsed docs are cached under bench/out/ so a lexicon change does not need a new parse.
"""

from __future__ import annotations

import argparse
import json
import shlex
import sys
from pathlib import Path

import numpy as np
from calibration import Confusion, best_threshold, parsed, read_rows, roc_auc, run_components

from analyzer.markers.lexicon import load_categories
from analyzer.pipeline import build_pipeline
from analyzer.sections.component import body_sentences
from analyzer.markers.component import MarkerIndex
from analyzer.scores.stress import MODEL_FILE, TEXT_FEATURES, features

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / "bench" / "out"
MIN_WORDS = 40
# Share of stress-labelled texts that should score at least "moderate".
MODERATE_RECALL = 0.9
L2 = 1.0


def feature_matrix(nlp, texts: list[str], names: list[str], categories: list[str]) -> np.ndarray:
    rows = []
    for doc in run_components(nlp, parsed(nlp, texts, CACHE)):
        sentences = [s for _, sents in body_sentences(doc) for s in sents]
        found = features(sentences, MarkerIndex(doc).within(sentences), doc._.analyzer_sentiment, categories)
        rows.append([found.value(name) for name in names])
    return np.array(rows)


def fit_logistic(x: np.ndarray, y: np.ndarray, steps: int = 3000, rate: float = 0.5) -> tuple[np.ndarray, float]:
    """L2-regularised logistic regression by gradient descent on standardised features."""
    mean, scale = x.mean(0), x.std(0) + 1e-9
    z = (x - mean) / scale
    w, b = np.zeros(x.shape[1]), 0.0
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(z @ w + b)))
        w -= rate * (z.T @ (p - y) / len(y) + L2 * w / len(y))
        b -= rate * float((p - y).mean())
    weights = w / scale
    return weights, b - float(weights @ mean)


def report(name: str, index: list[float], labels: list[int], high: float) -> dict[str, float]:
    c = Confusion.at(index, labels, high)
    figures = {"rows": len(labels), "auc": round(roc_auc(index, labels), 4), "f1": round(c.f1, 4),
               "mcc": round(c.mcc, 4), "accuracy": round(c.accuracy, 4)}
    print(f"{name:9} rows {len(labels):5}  AUC {figures['auc']:.4f}  F1 {c.f1:.4f}  MCC {c.mcc:.4f}  "
          f"accuracy {c.accuracy:.4f}  (P {c.precision:.3f} R {c.recall:.3f})")
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--text-column", default="text")
    parser.add_argument("--label-column", default="label")
    parser.add_argument("--group-column", default=None, help="rows sharing it stay on one side of the split")
    parser.add_argument("--model", default=None)
    parser.add_argument("--write", action="store_true", help=f"save the constants to lexicons/{MODEL_FILE}")
    args = parser.parse_args()

    rows = read_rows(args.data, args.text_column, args.label_column, args.group_column)
    categories = list(load_categories())
    names = categories + list(TEXT_FEATURES)
    nlp = build_pipeline(args.model)
    x = feature_matrix(nlp, [r.text for r in rows], names, categories)
    y = np.array([r.label for r in rows], dtype=float)
    tune = np.array([not r.held_out for r in rows])

    weights, intercept = fit_logistic(x[tune], y[tune])
    weights = np.round(weights, 3)
    reference = np.round(x[tune].mean(0), 4)
    baseline = round(intercept + float(weights @ reference), 3)
    index = list(100 / (1 + np.exp(-((x - reference) @ weights + baseline))))
    labels = [r.label for r in rows]
    tune_index = [v for v, t in zip(index, tune) if t]
    tune_labels = [v for v, t in zip(labels, tune) if t]
    high = round(float(best_threshold(tune_index, tune_labels, "f1")), 1)
    positives = sorted(v for v, label in zip(tune_index, tune_labels) if label)
    moderate = round(float(positives[int((1 - MODERATE_RECALL) * len(positives))]), 1)

    print(f"levels: moderate >= {moderate}, high >= {high} (the calibrated threshold)")
    figures = {
        "tune": report("tune", tune_index, tune_labels, high),
        "held_out": report("held-out", [v for v, t in zip(index, tune) if not t],
                           [v for v, t in zip(labels, tune) if not t], high),
        "all": report("all", index, labels, high),
    }
    for name, weight, ref in sorted(zip(names, weights, reference), key=lambda item: -abs(item[1])):
        print(f"  {name:14} {weight:+.3f}  (reference {ref:.3f})")
    print(f"  {'(baseline)':14} {baseline:+.3f}")
    if args.write:
        command = "python bench/stress_calibrate.py " + " ".join(shlex.quote(a) for a in sys.argv[1:])
        model = {
            "about": "Stress index constants; see analyzer/stress.py and lexicons/README.md. "
                     "Category and first_person features are sqrt(density per 100 words).",
            "produced_by": command,
            "calibrated_on": {"data": args.data.name, "split": "tune = rows not held out (70%)", **figures},
            "baseline": baseline,
            "weights": {name: float(w) for name, w in zip(names, weights)},
            "reference": {name: float(r) for name, r in zip(names, reference)},
            "levels": {"moderate": moderate, "high": high},
            "min_words": MIN_WORDS,
        }
        path = ROOT / "lexicons" / MODEL_FILE
        path.write_text(json.dumps(model, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
