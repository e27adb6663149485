"""How well the claims stage tells facts from opinions, and how well it reads who did what.

    python bench/claims_eval.py checkthat --train TRAIN.tsv [--eval DEV.tsv ...] [--errors N]
    python bench/claims_eval.py sentences --subj SUBJ.txt --obj OBJ.txt [--limit N]
    python bench/claims_eval.py claimbuster SENTENCES.csv [--limit N]
    python bench/claims_eval.py carb GOLD.tsv [--limit N]

``checkthat`` reads CheckThat! subjectivity files (tab-separated, no header: sentence_id,
sentence, label, solved_conflict; label OBJ or SUBJ). Each sentence is analysed as its own
document and scored OBJ when the analyzer returns at least one claim with modality
``asserted``, SUBJ otherwise. It prints macro-F1 and per-class precision, recall and F1 for
every file, and in the same run a reference: VADER's |compound| as a subjectivity score,
SUBJ at or above a threshold tuned on the --train file. ``--errors N`` lists N misread
sentences of the --train file (never of an --eval file: those are for checking, not tuning).

``sentences`` scores the same way two files of one sentence a line, one subjective, one
objective (the Pang & Lee subjectivity data: review snippets and plot summaries), and
``claimbuster`` the ClaimBuster debate sentences (CSV with ``Text`` and ``Verdict``: -1 is a
non-factual sentence, SUBJ here; 0 and 1 are factual, OBJ). ``--limit N`` takes the first N
lines of each file, or N sentences spread evenly over the CSV. Their VADER reference is tuned
on the same file, so it is an optimistic line.

``carb`` reads CaRB gold tuples (tab-separated: sentence, relation, arg1, arg2…) and counts
the gold tuples that some claim of the same sentence matches, leniently: two phrases match
when they share a content word, compared by lowercase prefix (the first five letters), with
stop words and punctuation left out; a gold relation made only of stop words ("is") matches
a claim whose predicate is "be". Counts are printed for subject alone, subject + predicate,
and subject + predicate + object, with the share of claims that match some gold tuple.

Both modes use the public API, ``Analyzer.analyze_many``, so they measure what users get.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path

from spacy.lang.en.stop_words import STOP_WORDS
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from analyzer import Analyzer

LABELS = ("OBJ", "SUBJ")
# Crude stemming for lenient matching: "shipped" and "shipping" share "shipp".
PREFIX = 5


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    modes = parser.add_subparsers(dest="mode", required=True)
    checkthat = modes.add_parser("checkthat", help="OBJ/SUBJ sentences: asserted claims against VADER")
    checkthat.add_argument("--train", type=Path, required=True, help="file the VADER threshold is tuned on")
    checkthat.add_argument("--eval", type=Path, nargs="*", default=[], help="files scored with that threshold")
    checkthat.add_argument("--errors", type=int, default=0, help="list this many misread --train sentences")
    sentences = modes.add_parser("sentences", help="one-sentence-a-line SUBJ and OBJ files (Pang & Lee)")
    sentences.add_argument("--subj", type=Path, required=True)
    sentences.add_argument("--obj", type=Path, required=True)
    sentences.add_argument("--limit", type=int, default=None, help="only the first N lines of each file")
    claimbuster = modes.add_parser("claimbuster", help="ClaimBuster sentences: factual (Verdict >= 0) or not")
    claimbuster.add_argument("csv", type=Path)
    claimbuster.add_argument("--limit", type=int, default=None, help="N sentences spread evenly over the file")
    carb = modes.add_parser("carb", help="CaRB gold tuples: subject / predicate / object matches")
    carb.add_argument("gold", type=Path)
    carb.add_argument("--limit", type=int, default=None, help="only the first N sentences")
    parser.add_argument("--model", default=None)
    args = parser.parse_args()
    analyzer = Analyzer(model=args.model)
    if args.mode == "checkthat":
        run_checkthat(analyzer, args.train, args.eval, args.errors)
    elif args.mode == "sentences":
        rows = [(text, "SUBJ") for text in read_lines(args.subj, args.limit)]
        run_labelled(analyzer, f"{args.subj.name} + {args.obj.name}",
                     rows + [(text, "OBJ") for text in read_lines(args.obj, args.limit)])
    elif args.mode == "claimbuster":
        run_labelled(analyzer, args.csv.name, read_claimbuster(args.csv, args.limit))
    else:
        run_carb(analyzer, args.gold, args.limit)


# --- CheckThat! subjectivity ----------------------------------------------------------------


def read_checkthat(path: Path) -> list[tuple[str, str]]:
    rows = []
    with path.open(newline="", encoding="utf-8") as handle:
        for number, row in enumerate(csv.reader(handle, delimiter="\t"), start=1):
            if len(row) < 3 or row[2] not in LABELS:
                sys.exit(f"{path}, line {number}: expected sentence_id, sentence, OBJ|SUBJ")
            rows.append((row[1], row[2]))
    return rows


def read_lines(path: Path, limit: int | None) -> list[str]:
    lines = [line.strip() for line in path.read_text(encoding="utf-8", errors="replace").splitlines()]
    return [line for line in lines if line][:limit]


def read_claimbuster(path: Path, limit: int | None) -> list[tuple[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        if not reader.fieldnames or not {"Text", "Verdict"} <= set(reader.fieldnames):
            sys.exit(f"{path}: expected a CSV with Text and Verdict columns")
        rows = [(row["Text"], "OBJ" if int(row["Verdict"]) >= 0 else "SUBJ") for row in reader]
    if limit is not None and limit < len(rows):
        rows = [rows[i * len(rows) // limit] for i in range(limit)]
    return rows


def claims_per_text(analyzer: Analyzer, texts: Sequence[str]) -> list[list[dict]]:
    # A sentence with no words is still a row to score; the analyzer refuses empty text.
    pairs = ((str(n), text if text.strip() else ".") for n, text in enumerate(texts))
    return [report["claims"] for report in analyzer.analyze_many(pairs)]


def predict_from_claims(claims: list[dict]) -> str:
    return "OBJ" if any(c["modality"] == "asserted" for c in claims) else "SUBJ"


def scores(gold: Sequence[str], predicted: Sequence[str]) -> dict[str, tuple[float, float, float]]:
    result = {}
    for label in LABELS:
        tp = sum(g == p == label for g, p in zip(gold, predicted))
        fp = sum(p == label != g for g, p in zip(gold, predicted))
        fn = sum(g == label != p for g, p in zip(gold, predicted))
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        result[label] = (precision, recall, f1)
    return result


def macro_f1(gold: Sequence[str], predicted: Sequence[str]) -> float:
    return sum(f1 for _, _, f1 in scores(gold, predicted).values()) / len(LABELS)


def tune_vader(values: Sequence[float], gold: Sequence[str]) -> float:
    """The |compound| threshold (in steps of 0.01) that gives the best macro-F1."""
    candidates = [step / 100 for step in range(101)]
    return max(candidates, key=lambda t: macro_f1(gold, vader_labels(values, t)))


def vader_labels(values: Iterable[float], threshold: float) -> list[str]:
    return ["SUBJ" if v >= threshold else "OBJ" for v in values]


def report_line(name: str, gold: Sequence[str], predicted: Sequence[str]) -> str:
    per_class = scores(gold, predicted)
    detail = "  ".join(f"{label} P {p:.3f} R {r:.3f} F1 {f:.3f}" for label, (p, r, f) in per_class.items())
    return f"  {name:<34} macro-F1 {macro_f1(gold, predicted):.3f}   {detail}"


def run_checkthat(analyzer: Analyzer, train: Path, evals: list[Path], errors: int) -> None:
    vader = SentimentIntensityAnalyzer()
    data = {path: read_checkthat(path) for path in [train, *evals]}
    compounds = {path: [abs(vader.polarity_scores(t)["compound"]) for t, _ in rows] for path, rows in data.items()}
    threshold = tune_vader(compounds[train], [g for _, g in data[train]])
    print("Scoring: OBJ when the analyzer returns at least one 'asserted' claim for the sentence.")
    print(f"Reference: VADER |compound| >= {threshold:.2f} is SUBJ (threshold tuned on {train.name}).")
    for path, rows in data.items():
        gold = [g for _, g in rows]
        claims = claims_per_text(analyzer, [t for t, _ in rows])
        ours = [predict_from_claims(c) for c in claims]
        counts = {label: gold.count(label) for label in LABELS}
        print(f"\n{path.name}: {len(rows)} sentences ({counts['OBJ']} OBJ, {counts['SUBJ']} SUBJ)")
        print(report_line("claims (asserted => OBJ)", gold, ours))
        print(report_line(f"VADER |compound| >= {threshold:.2f}", gold, vader_labels(compounds[path], threshold)))
        if path == train and errors:
            print_errors(rows, claims, ours, errors)


def run_labelled(analyzer: Analyzer, name: str, rows: list[tuple[str, str]]) -> None:
    """Another corpus scored as CheckThat! is, with a VADER threshold tuned on it."""
    vader = SentimentIntensityAnalyzer()
    gold = [g for _, g in rows]
    compounds = [abs(vader.polarity_scores(t)["compound"]) for t, _ in rows]
    threshold = tune_vader(compounds, gold)
    ours = [predict_from_claims(c) for c in claims_per_text(analyzer, [t for t, _ in rows])]
    counts = {label: gold.count(label) for label in LABELS}
    print("Scoring: OBJ when the analyzer returns at least one 'asserted' claim for the sentence.")
    print(f"\n{name}: {len(rows)} sentences ({counts['OBJ']} OBJ, {counts['SUBJ']} SUBJ)")
    print(report_line("claims (asserted => OBJ)", gold, ours))
    print(report_line(f"VADER |compound| >= {threshold:.2f} (tuned here)", gold, vader_labels(compounds, threshold)))


def print_errors(rows, claims, predicted, limit: int) -> None:
    wrong = [(text, gold, found) for (text, gold), found, p in zip(rows, claims, predicted) if gold != p]
    print(f"\n  first {min(limit, len(wrong))} of {len(wrong)} misread sentences:")
    for text, gold, found in wrong[:limit]:
        modalities = ", ".join(f"{c['modality']}({'; '.join(q['text'] for q in c['cues'])})" for c in found) or "no claim"
        print(f"  [{gold}] {text[:160]}\n         -> {modalities}")


# --- CaRB ------------------------------------------------------------------------------------


def read_carb(path: Path, limit: int | None) -> dict[str, list[tuple[str, str, str]]]:
    """Gold (subject, relation, object) tuples by sentence, in file order."""
    tuples: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            cells = line.rstrip("\n").split("\t")
            if len(cells) < 3:
                sys.exit(f"{path}, line {number}: expected sentence, relation, arg1[, arg2…]")
            sentence, relation, subject, *rest = cells
            if limit is not None and sentence not in tuples and len(tuples) >= limit:
                break
            tuples[sentence].append((subject, relation, " ".join(rest)))
    return tuples


def content(text: str | None) -> set[str]:
    words = (w.strip(".,;:!?\"'`()[]{}-").lower() for w in (text or "").split())
    return {w[:PREFIX] for w in words if w and w not in STOP_WORDS and any(c.isalnum() for c in w)}


def predicate_matches(relation: str, predicate: str | None) -> bool:
    if predicate is None:
        return False
    gold = content(relation)
    if not gold:  # "is", "was": a copula the annotators added
        return predicate.split()[-1] == "be"
    return bool(gold & content(predicate))


def match_level(gold: tuple[str, str, str], claim: dict) -> int:
    """0 no match, 1 subject, 2 subject + predicate, 3 subject + predicate + object."""
    subject, relation, obj = gold
    if not content(subject) & content(claim["subject"]):
        return 0
    if not predicate_matches(relation, claim["predicate"]):
        return 1
    if content(obj) and not content(obj) & content(claim["object"]):
        return 2
    return 3


def run_carb(analyzer: Analyzer, gold_path: Path, limit: int | None) -> None:
    tuples = read_carb(gold_path, limit)
    sentences = list(tuples)
    claims = claims_per_text(analyzer, sentences)
    levels = [0, 0, 0, 0]
    matched_claims = total_claims = 0
    for sentence, found in zip(sentences, claims):
        total_claims += len(found)
        for gold in tuples[sentence]:
            levels[max((match_level(gold, c) for c in found), default=0)] += 1
        matched_claims += sum(1 for c in found if any(match_level(g, c) == 3 for g in tuples[sentence]))
    total = sum(levels)
    at_least = lambda n: sum(levels[n:])  # noqa: E731
    print(f"{gold_path.name}: {len(sentences)} sentences, {total} gold tuples, {total_claims} claims")
    print(f"Matching: phrases share a content word (lowercase, first {PREFIX} letters, stop words and "
          "punctuation left out); a stop-word relation such as 'is' matches the predicate 'be'; "
          "a gold tuple with no object needs no object match.")
    print(f"  subject matched:                        {at_least(1):5d}  ({at_least(1) / total:.1%})")
    print(f"  subject + predicate matched:            {at_least(2):5d}  ({at_least(2) / total:.1%})")
    print(f"  subject + predicate + object matched:   {at_least(3):5d}  ({at_least(3) / total:.1%})")
    if total_claims:
        print(f"  claims matching some gold tuple fully:  {matched_claims:5d}  ({matched_claims / total_claims:.1%} of claims)")


if __name__ == "__main__":
    main()
