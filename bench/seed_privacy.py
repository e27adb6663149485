"""Check a redacted report of one document: the given names gone, the given products kept.

    python bench/seed_privacy.py PATH NAME... [--keep NAME...] [--strict] [--allow FILE]

Runs the document through ``Analyzer(redact=True)`` as ``memo-analyzer analyze --redact``
does, renders every format, runs the leak check, and looks for each NAME (any case, with or
without accents) in each output. The report quotes only a few sentences today, so the whole
document is also passed through the same redaction, standing in for any later field that
quotes it: there too the NAMEs must be gone. Each --keep name must appear as often as in the
same output made without redaction.
Exits 1 if a name survives or a kept name is lost.
"""

from __future__ import annotations

import argparse
import re
import sys
from functools import partial
from pathlib import Path

from analyzer import Analyzer
from analyzer.privacy import check_leaks
from analyzer.privacy.names import fold
from analyzer.privacy.redact import Redactor
from analyzer.text.read import read_source
from analyzer.render import FORMATS, render


def count(name: str, text: str) -> int:
    return len(re.findall(rf"(?<!\w){re.escape(fold(name))}(?!\w)", fold(text)))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("path", type=Path)
    parser.add_argument("names", nargs="+")
    parser.add_argument("--keep", nargs="*", default=[])
    parser.add_argument("--strict", action="store_true")
    parser.add_argument("--allow", type=Path)
    args = parser.parse_args()

    source = read_source(args.path)
    # With the section text, as the CLI asks for it for HTML: the page then shows the whole memo.
    options = {"privacy": "strict" if args.strict else "standard", "section_text": True}
    if args.allow:
        options["allow"] = args.allow
    report = Analyzer(**options).analyze(source.text, source=source.name)
    plain = Analyzer(section_text=True).analyze(source.text, source=source.name)
    # Each output with its unredacted counterpart, to count the kept names against.
    outputs = {fmt: (render(report, fmt), render(plain, fmt)) for fmt in FORMATS}
    outputs["whole text"] = (Redactor(report.privacy.terms)(source.text), source.text)
    failed = False
    for label, (text, original) in outputs.items():
        survivors = [n for n in args.names if count(n, text)]
        verdict = "leak check passed" if label in FORMATS else "(not a writer output)"
        if label in FORMATS:
            try:
                check_leaks(text, report, partial(render, fmt=label))
            except Exception as e:  # report the refusal, keep checking the other formats
                verdict = f"leak check refused: {e}"
        kept = {k: (count(k, text), count(k, original)) for k in args.keep}
        lost = [k for k, (now, before) in kept.items() if now < before]
        failed |= bool(survivors or lost)
        named = sum(count(n, original) for n in args.names)
        print(f"{label:11} names left: {survivors or 'none'} (of {named} mentions unredacted); kept (now/unredacted): "
              + ", ".join(f"{k} {now}/{before}" for k, (now, before) in kept.items()) + f"; {verdict}")
    people = report["privacy"]["people"]
    print(f"people: {len(people)}: " + "; ".join(f"{p['pseudonym']} ({', '.join(p['evidence'])})" for p in people))
    print("result:", "FAIL" if failed else "pass")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
