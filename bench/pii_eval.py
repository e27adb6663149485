"""Person detection measured on our own gold set: recall and precision per document and overall.

    python bench/pii_eval.py [--gold bench/pii_gold] [--show]

``gold.json`` lists, for each document, every way a person is written in it ("persons",
handles included), other personal data that must go ("pii") and names of products, teams and
places that must stay readable ("keep"). Scores count mentions:

- recall: share of the gold person mentions fully covered by detected PERSON/HANDLE spans;
- precision: share of detected PERSON/HANDLE spans that overlap a gold person mention;
- pii: other personal data covered by a detected span;
- left: gold person strings still present after the whole text goes through the redaction;
- kept: "keep" names still readable after redaction.

``--show`` prints the misses and false alarms. The documents are written for this project.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

from analyzer import Analyzer
from analyzer.privacy.detect import HANDLE, PERSON
from analyzer.privacy.pseudonyms import assign
from analyzer.privacy.redact import Redactor, build_terms
from analyzer.text.read import read_source

HERE = Path(__file__).resolve().parent


def occurrences(text: str, strings: list[str]) -> list[tuple[int, int, str]]:
    """Where each string occurs as a whole word, longest first, without overlaps."""
    taken = bytearray(len(text))
    found = []
    for s in sorted(strings, key=len, reverse=True):
        for m in re.finditer(rf"(?<![\w@]){re.escape(s)}(?!\w)", text):
            if not any(taken[m.start():m.end()]):
                taken[m.start():m.end()] = b"\x01" * (m.end() - m.start())
                found.append((m.start(), m.end(), s))
    return sorted(found)


def covered(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    marks = bytearray(span[1] - span[0])
    for start, end in spans:
        for i in range(max(start, span[0]), min(end, span[1])):
            marks[i - span[0]] = 1
    return all(marks)


def overlaps(span: tuple[int, int], spans) -> bool:
    return any(start < span[1] and span[0] < end for start, end, *_ in spans)


def evaluate(doc, gold: dict) -> dict:
    text = doc.text
    detection = doc._.analyzer_pii
    persons = [(m.start, m.end) for m in detection.mentions if m.label in (PERSON, HANDLE)]
    others = [(m.start, m.end) for m in detection.mentions if m.label not in (PERSON, HANDLE)]
    gold_spans = occurrences(text, gold["persons"])
    redacted = Redactor(build_terms(detection, assign(detection)))(text)
    return {
        "gold": len(gold_spans),
        "found": sum(covered(g[:2], persons) for g in gold_spans),
        "predicted": len(persons),
        "correct": sum(overlaps(p, gold_spans) for p in persons),
        "pii": (sum(covered(g[:2], others) for g in occurrences(text, gold["pii"])), len(gold["pii"])),
        "left": sorted({s for s in gold["persons"] if re.search(rf"(?<![\w@]){re.escape(s)}(?!\w)", redacted)}),
        "kept": (sum(k in redacted for k in gold["keep"]), len(gold["keep"])),
        "misses": [text[s:e] for s, e, _ in gold_spans if not covered((s, e), persons)],
        "false_alarms": [text[s:e] for s, e in persons if not overlaps((s, e), gold_spans)],
        "rejected": detection.rejected,
    }


def ratio(a: int, b: int) -> str:
    return f"{a / b:.3f}" if b else "  –  "


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gold", type=Path, default=HERE / "pii_gold")
    parser.add_argument("--show", action="store_true", help="print misses and false alarms")
    args = parser.parse_args()

    gold = json.loads((args.gold / "gold.json").read_text(encoding="utf-8"))
    texts = [read_source(args.gold / name).text for name in gold]
    nlp = Analyzer(redact=True).nlp
    totals = dict.fromkeys(("gold", "found", "predicted", "correct", "pii", "pii_all", "kept", "keep_all", "left"), 0)
    print(f"{'document':28} {'recall':>7} {'precision':>9} {'pii':>6} {'kept':>6}  names left after redaction")
    for name, doc in zip(gold, nlp.pipe(texts)):
        r = evaluate(doc, gold[name])
        for key in ("gold", "found", "predicted", "correct"):
            totals[key] += r[key]
        totals["pii"] += r["pii"][0]
        totals["pii_all"] += r["pii"][1]
        totals["kept"] += r["kept"][0]
        totals["keep_all"] += r["kept"][1]
        totals["left"] += len(r["left"])
        print(f"{name:28} {ratio(r['found'], r['gold']):>7} {ratio(r['correct'], r['predicted']):>9} "
              f"{r['pii'][0]:>2}/{r['pii'][1]:<3} {r['kept'][0]:>2}/{r['kept'][1]:<3}  {len(r['left'])}")
        if args.show:
            for label in ("misses", "false_alarms", "left"):
                if r[label]:
                    print(f"    {label}: {r[label]}")
            print(f"    kept as non-persons: {r['rejected']}")
    print(f"{'overall':28} {ratio(totals['found'], totals['gold']):>7} "
          f"{ratio(totals['correct'], totals['predicted']):>9} {totals['pii']:>2}/{totals['pii_all']:<3} "
          f"{totals['kept']:>2}/{totals['keep_all']:<3}  {totals['left']}")
    print(f"person mentions: {totals['found']} of {totals['gold']} found; "
          f"{totals['correct']} of {totals['predicted']} detections correct")


if __name__ == "__main__":
    main()
