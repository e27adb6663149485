"""Run the analyzer over a real-memos folder in one process, for score.py to score.

score.py runs ``memo-analyzer`` once per document and format, loading the model every
time (about 80 runs for the digest, 120 for privacy). This script produces the same
outputs through the same CLI code path with the model loaded once, into the cache folder
score.py reads with ``--reports``, so a full scoring round takes seconds of analysis:

    python bench/real_memos.py ../shared/data/real-memos --reports /tmp/rm [--privacy] [--split dev]
    python3 ../shared/data/real-memos/score.py --cmd 'memo-analyzer analyze {file} --format json' \\
        --reports /tmp/rm --split dev
    python3 ../shared/data/real-memos/score.py --privacy --cmd 'memo-analyzer analyze {file}' \\
        --reports /tmp/rm --split dev

The folder is emptied of earlier outputs first, so score.py never reuses a stale report.
Documents 01-30 are the dev split and 31-40 the blind one, as score.py counts them.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from click.testing import CliRunner

from analyzer.cli import cli

SPLITS = {"dev": range(1, 31), "blind": range(31, 41), "all": range(1, 41)}
DIGEST = (("report.json", ["--format", "json"]), ("report.md", ["--format", "markdown"]))
PRIVACY = (("redact.json", ["--format", "json", "--redact"]), ("redact.md", ["--format", "markdown", "--redact"]),
           ("redact.html", ["--format", "html", "--redact"]))


def documents(folder: Path, split: str) -> list[Path]:
    wanted = SPLITS[split]
    return [p for p in sorted(folder.glob("[0-9][0-9]_*.txt")) if int(p.name[:2]) in wanted]


def run(folder: Path, reports: Path, split: str, privacy: bool, only: list[str]) -> None:
    reports.mkdir(parents=True, exist_ok=True)
    variants = PRIVACY if privacy else DIGEST
    for old in reports.iterdir():
        if any(old.name.endswith(f".{ext}") or old.name.endswith(f".{ext}.fail") for ext, _ in variants):
            old.unlink()
    runner = CliRunner()
    docs = [d for d in documents(folder, split) if not only or any(d.name.startswith(o) for o in only)]
    for doc in docs:
        for ext, args in variants:
            # An absolute path, as score.py passes it, so the report's source field agrees.
            result = runner.invoke(cli, ["analyze", str(doc.resolve()), *args])
            target = reports / f"{doc.stem}.{ext}"
            if result.exit_code == 0:
                target.write_text(result.stdout, encoding="utf-8")
            else:
                first = next((line for line in result.output.splitlines() if line.strip()), "")
                Path(f"{target}.fail").write_text(f"exit {result.exit_code}\n{first}\n", encoding="utf-8")
                print(f"{doc.name} {ext}: {first}", file=sys.stderr)
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
