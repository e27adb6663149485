"""Run the analyzer over a real-memos folder in one process, for score.py to score.

score.py runs ``memo-analyzer`` once per document and format, loading the model every
time (about 80 runs for the digest, 120 for privacy). This script produces the same
outputs the way ``memo-analyzer analyze`` does (read the file, analyse it, pass the report
through the output gate), analysing each document once for all its formats with the model
loaded once, into the cache folder score.py reads with ``--reports``:

    python bench/real_memos.py ../shared/data/real-memos --reports /tmp/rm [--privacy] [--split dev]
    python3 ../shared/data/real-memos/score.py --cmd 'memo-analyzer analyze {file} --format json' \\
        --reports /tmp/rm --split dev
    python3 ../shared/data/real-memos/score.py --privacy --cmd 'memo-analyzer analyze {file}' \\
        --reports /tmp/rm --split dev

The folder is emptied of earlier outputs first, so score.py never reuses a stale report.
Documents 01-30 are the dev split and 31-40 the blind one, as score.py counts them; ``all``
takes every numbered document in the folder, so a set of one's own real documents with gold
in the same form runs the same way (score.py is then given its gold files by name).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from analyzer import Analyzer, AnalyzerError
from analyzer.output import checked
from analyzer.text.read import read_source

SPLITS = {"dev": range(1, 31), "blind": range(31, 41), "all": range(1, 100)}
# (output name, format), for the digest and for the privacy check.
DIGEST = (("report.json", "json"), ("report.md", "markdown"))
PRIVACY = (("redact.json", "json"), ("redact.md", "markdown"), ("redact.html", "html"))


def documents(folder: Path, split: str) -> list[Path]:
    wanted = SPLITS[split]
    return [p for p in sorted(folder.glob("[0-9][0-9]_*.txt")) if int(p.name[:2]) in wanted]


def run(folder: Path, reports: Path, split: str, privacy: bool, only: list[str]) -> None:
    reports.mkdir(parents=True, exist_ok=True)
    variants = PRIVACY if privacy else DIGEST
    for old in reports.iterdir():
        if any(old.name.endswith(f".{ext}") or old.name.endswith(f".{ext}.fail") for ext, _ in variants):
            old.unlink()
    analyzer = Analyzer(redact=privacy)
    docs = [d for d in documents(folder, split) if not only or any(d.name.startswith(o) for o in only)]
    for doc in docs:
        # An absolute path, as score.py passes it, so the report's source field agrees.
        source = read_source(str(doc.resolve()))
        report = analyzer.analyze(source.text, source=source.name)
        for ext, fmt in variants:
            target = reports / f"{doc.stem}.{ext}"
            try:
                target.write_text(checked(report, fmt), encoding="utf-8")
            except AnalyzerError as e:
                Path(f"{target}.fail").write_text(f"exit 1\nError: {e}\n", encoding="utf-8")
                print(f"{doc.name} {ext}: {e}", file=sys.stderr)
    print(f"{len(docs)} documents into {reports}", file=sys.stderr)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="the real-memos folder")
    parser.add_argument("--reports", type=Path, required=True, help="score.py's --reports folder")
    parser.add_argument("--split", choices=tuple(SPLITS), default="all")
    parser.add_argument("--privacy", action="store_true", help="the redacted outputs score.py --privacy reads")
    parser.add_argument("only", nargs="*", help="document name prefixes (01, 23_pypi...) to run alone")
    args = parser.parse_args()
    run(args.folder, args.reports, args.split, args.privacy, args.only)


if __name__ == "__main__":
    main()
