"""Refit the weights a gist is chosen by (``outline.GIST_WEIGHTS``) on documents with gold.

    python bench/gist_fit.py ../shared/data/real-memos --split dev [FOLDER ...]

For every sentence the digest may quote as a gist, in every document of the folders given,
this reads the features ``outline.gist_features`` gives and whether the sentence carries one of
the document's factual key points (score.py's matching, as ``digest_inspect.py`` does it). It
then fits a logistic regression to those labels and prints each fitted weight beside the
shipped one, with how many sentences show the feature. Nothing of the documents is kept: the
folders are read where they are. ``--split`` keeps real-memos' development or blind documents
(01-30, 31-40) of a folder that has both, as ``real_memos.py`` does.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np
from digest_inspect import hits
from real_memos import SPLITS, documents

from analyzer import Analyzer
from analyzer.takeaways import component, outline

# The L2 penalty on every weight but the intercept: enough to keep a rare feature's weight
# finite when all of its few sentences fall one way.
PENALTY = 1.0
STEPS = 4000
STEP_SIZE = 0.5


def sentence_rows(analyzer, text: str, points: list[dict]) -> list[tuple[list[float], bool]]:
    """Each gist candidate of ``text`` as (features, carries a factual key point)."""
    rows: list[tuple[list[float], bool]] = []
    chosen = component.gists

    def reading(doc_parts, scored, *args, **kwargs):
        for part in doc_parts:
            title = outline.title_words(part.title)
            for position, c in enumerate(part.candidates):
                i = next(k for k, found in enumerate(scored.candidates) if found is c)
                features = outline.gist_features(c, scored.overall[i], outline._overlap(title, c), position)
                rows.append(([features.get(name, 0.0) for name in outline.GIST_WEIGHTS],
                             any(hits(c.text, p) for p in points)))
        return chosen(doc_parts, scored, *args, **kwargs)

    component.gists = reading
    try:
        analyzer.analyze(text)
    finally:
        component.gists = chosen
    return rows


def fit(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Weights (intercept first) of a logistic regression with an L2 penalty, by gradient
    descent on standardised features, returned on the features' own scale."""
    mean, spread = x.mean(axis=0), x.std(axis=0)
    spread[spread == 0] = 1.0
    z = np.hstack([np.ones((len(x), 1)), (x - mean) / spread])
    w = np.zeros(z.shape[1])
    for _ in range(STEPS):
        p = 1 / (1 + np.exp(-z @ w))
        grad = z.T @ (p - y) / len(y) + PENALTY / len(y) * np.r_[0.0, w[1:]]
        w -= STEP_SIZE * grad
    scaled = w[1:] / spread
    return np.r_[w[0] - (scaled * mean).sum(), scaled]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--split", choices=tuple(SPLITS), default="all")
    args = parser.parse_args()
    analyzer = Analyzer()
    rows = []
    for folder in args.folders:
        for text in documents(folder, args.split):
            gold = json.loads(text.with_suffix(".json").read_text())
            rows += sentence_rows(analyzer, text.read_text(encoding="utf-8"), gold["keypoints"]["factual"])
    x = np.array([r[0] for r in rows], dtype=float)
    y = np.array([r[1] for r in rows], dtype=float)
    weights = fit(x, y)
    print(f"{len(y)} sentences, {int(y.sum())} carry a factual key point; intercept {weights[0]:+.2f}")
    print(f"{'feature':<12} {'shipped':>8} {'fitted':>8} {'shown by':>9}")
    for name, value, column in zip(outline.GIST_WEIGHTS, weights[1:], x.T):
        print(f"{name:<12} {outline.GIST_WEIGHTS[name]:>8.2f} {value:>8.2f} {int((column != 0).sum()):>9}")


if __name__ == "__main__":
    main()
