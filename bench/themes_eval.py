"""How well the digest's feeling themes find the feelings people label in text nobody here wrote.

    python bench/themes_eval.py --goemotions ../shared/data/goemotions/dev.tsv [--limit N]

GoEmotions (Reddit comments, each labelled with up to 28 emotions by three raters) is not
workplace writing, but the words that show gratitude, an apology, pride or worry are the
same words in a memo. Each comment goes through the shipped pipeline; a theme is found in a
comment when a marker of one of its categories (``lexicons/takeaways/themes.tsv``) counts
there with a positive weight outside quotation marks, as the digest counts it. For each theme
the script prints precision and recall against the GoEmotions labels that name the same
feeling (THEME_LABELS), and the words that found it most often, so a missing word or a word
read in a sense it does not have shows up. Thresholds of density are not applied: this
measures the lexicon's coverage, not the digest's decision to name a feeling.
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

from analyzer import Analyzer, extensions
from analyzer.takeaways.feelings import counted_theme

# The GoEmotions labels each theme stands for. Themes with no such label (stress and capacity,
# firmness, defiance, pleas...) are left out: GoEmotions has no label for them.
THEME_LABELS = {
    "gratitude": {"gratitude"},
    "apology": {"remorse"},
    "pride": {"pride", "admiration"},
    "relief": {"relief"},
    "excitement": {"excitement", "joy"},
    "hope": {"optimism"},
    "care": {"caring"},
    "frustration": {"anger", "annoyance"},
    "worry": {"fear", "nervousness"},
    "sadness": {"sadness", "grief", "disappointment"},
}
TOP_WORDS = 8


def read(path: Path, names: list[str], limit: int | None) -> list[tuple[str, set[str]]]:
    """(text, labels) rows of a GoEmotions TSV: text, comma-separated label ids, comment id."""
    rows = []
    with path.open(encoding="utf-8", newline="") as f:
        for fields in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            if len(fields) < 2:
                continue
            rows.append((fields[0], {names[int(i)] for i in fields[1].split(",") if i.strip()}))
            if limit and len(rows) >= limit:
                break
    return rows


def themes_found(doc, theme_of: dict[str, str]) -> dict[str, list[str]]:
    """The themes whose markers count in a text, with the words that made each."""
    found: dict[str, list[str]] = defaultdict(list)
    for span in doc.spans.get(extensions.MARKERS, []):
        theme = counted_theme(span, theme_of)
        if theme is not None:
            found[theme].append(span.text.lower())
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--goemotions", type=Path, required=True, help="a GoEmotions TSV (dev.tsv)")
    parser.add_argument("--limit", type=int, default=None, help="read only the first N rows")
    parser.add_argument("--model", default=None)
    parser.add_argument("--show", default=None, help="a theme: print its missed and false comments")
    args = parser.parse_args()

    names = (args.goemotions.parent / "emotions.txt").read_text(encoding="utf-8").split()
    rows = read(args.goemotions, names, args.limit)
    analyzer = Analyzer(model=args.model)
    themes = analyzer.nlp.get_pipe("analyzer_takeaways").themes
    theme_of = {c: t.name for t in themes for c in t.categories}
    start = time.perf_counter()
    found = [themes_found(doc, theme_of) for doc in analyzer.nlp.pipe(text for text, _ in rows)]
    seconds = time.perf_counter() - start
    print(f"data: {args.goemotions.name}, {len(rows)} comments; {analyzer.model}; {len(rows) / seconds:.0f} texts/s")
    print(f"{'theme':12} {'labels':32} {'gold':>5} {'found':>5}  {'P':>5} {'R':>5} {'F1':>5}  words that found it")
    totals = Counter()
    for theme, labels in THEME_LABELS.items():
        gold = [bool(labels & row_labels) for _, row_labels in rows]
        hit = [theme in f for f in found]
        tp = sum(g and h for g, h in zip(gold, hit))
        p = tp / max(sum(hit), 1)
        r = tp / max(sum(gold), 1)
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        totals.update(tp=tp, gold=sum(gold), found=sum(hit))
        words = Counter(w for f in found for w in set(f.get(theme, [])))
        top = ", ".join(f"{w} {n}" for w, n in words.most_common(TOP_WORDS))
        print(f"{theme:12} {','.join(sorted(labels)):32} {sum(gold):5} {sum(hit):5}  {p:5.2f} {r:5.2f} {f1:5.2f}  {top}")
        if args.show == theme:
            for (text, row_labels), g, h in zip(rows, gold, hit):
                if g != h:
                    print(f"    {'MISS' if g else 'FALSE'} {sorted(row_labels)} {text[:140]}", file=sys.stderr)
    p = totals["tp"] / max(totals["found"], 1)
    r = totals["tp"] / max(totals["gold"], 1)
    print(f"{'all':12} {'':32} {totals['gold']:5} {totals['found']:5}  {p:5.2f} {r:5.2f} {2 * p * r / (p + r):5.2f}")


if __name__ == "__main__":
    main()
