"""Look inside the digest: what it chose for each document, next to the key points it missed.

    python bench/digest_inspect.py ../shared/data/real-memos --reports /tmp/rm/dev [NN ...]

Reads the reports bench/real_memos.py wrote and the gold beside each document (the folder
is given on the command line; nothing of it is kept). For each document it prints the
digest's items in reading order (role, label, the line quoted) and, for every key point the
digest missed, the lines of the document where that point's words occur: the sentences a
better digest would have quoted. Matching is score.py's: whole words with one inflection,
or a prefix written with ``*``.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

_INFLECTION = r"(?:s|es|ed|ing|d|ly)?"
_STRAIGHT = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})


def term_pattern(term: str) -> re.Pattern[str]:
    term = term.strip().translate(_STRAIGHT)
    prefix = term.endswith("*")
    words = (term[:-1] if prefix else term).split()
    core = r"\s+".join(re.escape(w) for w in words)
    return re.compile(r"(?<!\w)" + core + ("" if prefix else _INFLECTION + r"(?!\w)"), re.IGNORECASE)


def hits(text: str, point: dict) -> bool:
    text = text.translate(_STRAIGHT)
    return any(term_pattern(a).search(text) for a in point["any"])


def item_text(item: dict) -> str:
    return "\n".join([item["label"], item["summary"], *(e["text"] for e in item["evidence"])])


def inspect(gold_path: Path, reports: Path) -> None:
    gold = json.loads(gold_path.read_text())
    stem = gold_path.stem
    report = json.loads((reports / f"{stem}.report.json").read_text())
    lines = (gold_path.parent / gold["doc"]).read_text().split("\n")
    take = report["takeaways"]
    items = sorted(take["emotional"] + take["factual"], key=lambda i: i.get("order", 0))
    points = [p for side in ("emotional", "factual") for p in gold["keypoints"][side]]
    print(f"=== {stem} ({gold['tone']}, {gold['kind']}) words {take['words']}/{take['budget']}")
    for item in items:
        got = [p["id"] for p in points if hits(item_text(item), p)]
        line = item["evidence"][0]["line"] if item["evidence"] else "-"
        quote = item["evidence"][0]["text"][:110] if item["evidence"] else item["summary"][:110]
        print(f"  {item.get('role', '?'):8} L{line:<4} {','.join(got) or '--':8} [{item['label'][:28]}] {quote}")
    digest = "\n".join(item_text(i) for i in items)
    for p in points:
        if hits(digest, p):
            continue
        where = [n for n, text in enumerate(lines, start=1) if hits(text, p)]
        print(f"  MISSED {p['id']}: {p['what'][:100]}")
        for n in where[:3]:
            print(f"        L{n}: {lines[n - 1].strip()[:120]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--reports", type=Path, required=True)
    parser.add_argument("only", nargs="*", help="document numbers or name prefixes")
    args = parser.parse_args()
    for gold in sorted(args.folder.glob("[0-9][0-9]_*.json")):
        if (args.reports / f"{gold.stem}.report.json").exists() and (
                not args.only or any(gold.name.startswith(o) for o in args.only)):
            inspect(gold, args.reports)


if __name__ == "__main__":
    main()
