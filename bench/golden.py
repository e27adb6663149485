"""Write every report the CLI produces for a set of documents, or compare two such sets.

A refactor or an optimisation must leave reports byte-identical unless it means to change
them. This script makes that checkable: ``write`` runs ``memo-analyzer analyze`` in-process
(the same code path as the command, the model loaded once) on every document it is given,
in every format and with and without ``--redact``, and stores each output; ``compare``
names every output that differs between two such folders, and the first differing line.

    python bench/golden.py write OUT [PATH...]      # default paths: samples/ and tests/data/
    python bench/golden.py write OUT samples tests/data ../shared/data/real-memos
    python bench/golden.py compare BEFORE AFTER

Folders are searched for .txt, .md, .markdown and .eml files (not a gold set's
``*.source.*`` originals, which are not documents a user gives us). A run that fails writes its
one-line error instead of a report, so a new refusal shows as a difference too.
"""

from __future__ import annotations

import argparse
import difflib
import sys
from pathlib import Path

from click.testing import CliRunner

from analyzer.cli import cli

SUFFIXES = (".txt", ".md", ".markdown", ".eml")
DEFAULT_PATHS = ("samples", "tests/data")
# (name of the output, extra CLI arguments)
VARIANTS = (
    ("json", ["--format", "json"]),
    ("md", ["--format", "markdown"]),
    ("html", ["--format", "html"]),
    ("redact.json", ["--format", "json", "--redact"]),
    ("redact.md", ["--format", "markdown", "--redact"]),
    ("redact.html", ["--format", "html", "--redact"]),
)


def documents(paths: list[str]) -> list[Path]:
    found: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*")
                                if p.suffix in SUFFIXES and ".source." not in p.name and p.is_file()))
        elif path.is_file():
            found.append(path)
        else:
            sys.exit(f"Error: {path}: no such file or folder")
    return found


def output_name(doc: Path, variant: str) -> str:
    """A flat, unique file name: the document's path with separators replaced."""
    return str(doc).lstrip("./").replace("/", "__") + "." + variant


def write(out: Path, paths: list[str]) -> None:
    out.mkdir(parents=True, exist_ok=True)
    runner = CliRunner()
    docs = documents(paths)
    for n, doc in enumerate(docs, start=1):
        for variant, args in VARIANTS:
            result = runner.invoke(cli, ["analyze", str(doc), *args])
            text = result.stdout if result.exit_code == 0 else f"exit {result.exit_code}: {result.output.strip()}\n"
            (out / output_name(doc, variant)).write_text(text, encoding="utf-8")
        print(f"{n}/{len(docs)} {doc}", file=sys.stderr)


def compare(before: Path, after: Path) -> int:
    names = sorted({p.name for p in before.iterdir()} | {p.name for p in after.iterdir()})
    differing = 0
    for name in names:
        a, b = before / name, after / name
        if not a.exists() or not b.exists():
            print(f"only in {'after' if b.exists() else 'before'}: {name}")
            differing += 1
            continue
        old, new = a.read_text(encoding="utf-8"), b.read_text(encoding="utf-8")
        if old != new:
            differing += 1
            diff = difflib.unified_diff(old.splitlines(), new.splitlines(), lineterm="", n=0)
            changed = [line for line in diff if line[:1] in "+-" and line[:3] not in ("+++", "---")]
            print(f"differs: {name}: {changed[0][:160] if changed else '(whitespace)'}")
    print(f"{len(names) - differing} of {len(names)} outputs identical")
    return 1 if differing else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    w = sub.add_parser("write", help="write every output for the documents under PATH")
    w.add_argument("out", type=Path)
    w.add_argument("paths", nargs="*", default=list(DEFAULT_PATHS))
    c = sub.add_parser("compare", help="name the outputs that differ between two folders")
    c.add_argument("before", type=Path)
    c.add_argument("after", type=Path)
    args = parser.parse_args()
    if args.command == "write":
        write(args.out, args.paths)
    else:
        sys.exit(compare(args.before, args.after))


if __name__ == "__main__":
    main()
