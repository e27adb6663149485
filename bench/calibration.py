"""Shared by the stress bench scripts: labelled CSVs, the held-out split, parse caching, metrics.

The split is a hash of each row's group (a post id, or else the text), so every script, on
every run and in any row order, puts the same rows in the held-out part, and segments of one
post never straddle the two parts. Metrics are written out here with the standard library:
the product must not depend on scikit-learn, and the bench should not need it either.
"""

from __future__ import annotations

import csv
import hashlib
import math
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

HELD_OUT_SHARE = 0.3


@dataclass(frozen=True)
class Row:
    text: str
    label: int
    group: str

    @property
    def held_out(self) -> bool:
        digest = hashlib.sha256(self.group.encode("utf-8")).digest()
        return int.from_bytes(digest[:8], "big") / 2**64 < HELD_OUT_SHARE


def read_rows(path: Path, text_column: str, label_column: str, group_column: str | None = None) -> list[Row]:
    """Rows with a text and a 0/1 label; columns are read by name, as files differ in order."""
    csv.field_size_limit(sys.maxsize)
    with path.open(newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        columns = reader.fieldnames or []
        missing = [c for c in (text_column, label_column, group_column) if c and c not in columns]
        if missing:
            raise SystemExit(f"{path}: no column {', '.join(missing)}; columns are {', '.join(columns)}")
        rows = []
        for record in reader:
            text = record[text_column]
            if not text.strip():
                continue
            rows.append(Row(text, int(float(record[label_column])), record[group_column] if group_column else text))
    if not rows:
        raise SystemExit(f"{path}: no labelled rows")
    return rows


def parsed(nlp, texts: Sequence[str], cache: Path | None, batch_size: int = 64) -> Iterator:
    """The model's parse of each text (before our components), cached as a DocBin.

    Only the model's own annotations are cached, so changing a lexicon or a rule never needs
    a new parse; our components then run on the cached docs.
    """
    from spacy.tokens import DocBin

    key = hashlib.sha256("\x00".join([nlp.meta["name"], nlp.meta["version"], *texts]).encode()).hexdigest()[:16]
    path = cache / f"parsed-{key}.spacy" if cache else None
    if path and path.exists():
        yield from DocBin().from_disk(path).get_docs(nlp.vocab)
        return
    docs = []
    with nlp.select_pipes(disable=_after_parse(nlp)):
        for doc in nlp.pipe(texts, batch_size=batch_size):
            docs.append(doc)
    if path:
        path.parent.mkdir(parents=True, exist_ok=True)
        DocBin(attrs=["ORTH", "LEMMA", "POS", "TAG", "MORPH", "DEP", "HEAD", "SENT_START", "ENT_IOB", "ENT_TYPE"],
               docs=docs).to_disk(path)
    yield from docs


def run_components(nlp, docs: Iterable) -> Iterator:
    """Our components over docs the model has already parsed, as nlp.pipe would run them."""
    ours = [(name, proc) for name, proc in nlp.pipeline if name in _after_parse(nlp)]
    for doc in docs:
        for _, proc in ours:
            doc = proc(doc)
        yield doc


def _after_parse(nlp) -> list[str]:
    """Our components that read the parse (the line-break one must run before the parser)."""
    return [name for name in nlp.pipe_names if name.startswith("analyzer_") and name != "analyzer_line_breaks"]


# -- metrics ---------------------------------------------------------------------------------


def roc_auc(scores: Sequence[float], labels: Sequence[int]) -> float:
    """Probability that a random positive outscores a random negative (ties count half)."""
    order = sorted(range(len(scores)), key=lambda i: scores[i])
    ranks = [0.0] * len(scores)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and scores[order[j + 1]] == scores[order[i]]:
            j += 1
        for k in range(i, j + 1):
            ranks[order[k]] = (i + j) / 2 + 1
        i = j + 1
    positives = sum(labels)
    negatives = len(labels) - positives
    if not positives or not negatives:
        return math.nan
    rank_sum = sum(r for r, y in zip(ranks, labels) if y)
    return (rank_sum - positives * (positives + 1) / 2) / (positives * negatives)


@dataclass(frozen=True)
class Confusion:
    tp: int
    fp: int
    tn: int
    fn: int

    @classmethod
    def at(cls, scores: Sequence[float], labels: Sequence[int], threshold: float) -> Confusion:
        tp = fp = tn = fn = 0
        for score, label in zip(scores, labels):
            predicted = score >= threshold
            tp += predicted and label == 1
            fp += predicted and label == 0
            tn += not predicted and label == 0
            fn += not predicted and label == 1
        return cls(tp, fp, tn, fn)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def accuracy(self) -> float:
        return (self.tp + self.tn) / max(self.tp + self.fp + self.tn + self.fn, 1)

    @property
    def mcc(self) -> float:
        tp, fp, tn, fn = self.tp, self.fp, self.tn, self.fn
        denominator = math.sqrt((tp + fp) * (tp + fn) * (tn + fp) * (tn + fn))
        return (tp * tn - fp * fn) / denominator if denominator else 0.0


def best_threshold(scores: Sequence[float], labels: Sequence[int], metric: str = "f1") -> float:
    """The cut-off (a score value) that maximises ``metric`` on these scores."""
    candidates = sorted(set(scores))
    return max(candidates, key=lambda t: getattr(Confusion.at(scores, labels, t), metric))
