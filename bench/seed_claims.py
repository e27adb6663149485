"""Print a memo's claims grouped by kind and modality, to read them against the text.

    python bench/seed_claims.py PATH [--model NAME]

Each claim shows its line, its text, how it was read (subject | predicate | object), its
speaker and its figures with what they measure. Read it beside the memo: every claim
listed should be something a careful reader accepts the text says, with the right
modality. The last lines count the claims by kind and modality.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from analyzer import Analyzer
from analyzer.text.read import read_source

KINDS = ("quantity", "event", "attribution", "cause", "comparison", "state")
MODALITIES = ("asserted", "hedged", "opinion", "proposal", "speculation", "question")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("path", type=Path)
    parser.add_argument("--model", default=None)
    args = parser.parse_args()
    source = read_source(str(args.path))
    claims = Analyzer(model=args.model).analyze(source.text, source=source.name)["claims"]
    for kind in KINDS:
        for modality in MODALITIES:
            group = [c for c in claims if c["kind"] == kind and c["modality"] == modality]
            if group:
                print(f"\n== {kind} / {modality} ({len(group)})")
                for claim in group:
                    print_claim(claim)
    counts = Counter((c["kind"], c["modality"]) for c in claims)
    print(f"\n{len(claims)} claims; " + ", ".join(f"{k}/{m} {n}" for (k, m), n in sorted(counts.items())))


def print_claim(claim: dict) -> None:
    negated = " [negated]" if claim["polarity"] == "negated" else ""
    print(f"  #{claim['id']} line {claim['line']}{negated}: {claim['text']}")
    print(f"      {claim['subject']} | {claim['predicate']} | {claim['object']}   ({claim['path']})")
    cues = ", ".join(f"{c['text']} => {c['marks']}" for c in claim["cues"])
    if claim["speaker"] or cues:
        print(f"      speaker: {claim['speaker']}   cues: {cues or '-'}")
    for q in claim["quantities"]:
        print(f"      figure {q['text']}: {q['value']}{'–' + str(q['high']) if q['high'] else ''} "
              f"{q['unit'] or ''} ({q['dimension']}) measures: {q['measures']}")


if __name__ == "__main__":
    main()
