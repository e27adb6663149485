"""Does the digest stay the same when the same memo is presented differently?

    python bench/presentation.py ../shared/data/real-memos --out /tmp/presented [--split dev]
    python3 /tmp/presented/email/score.py --cmd 'x {file}' --reports /tmp/presented/email/reports --split dev

Users paste the same text in many forms: as an e-mail, hard-wrapped by a mail program,
copied out of a PDF (hard-wrapped, words hyphenated at line ends), signed off, above a quoted
earlier message or one set out as Outlook does, with Windows line ends, with straight
apostrophes where the original had typographic ones. For each such form this script writes
a copy of the real-memos folder's documents in that form under ``--out/FORM/`` (the text
changed, the gold and score.py copied beside it, nothing kept in the project), runs the
analyzer over it as bench/real_memos.py does, and prints score.py's key-point line for each
form next to the documents as published. Headings are not compared: the line numbers of the
gold belong to the published layout.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pyphen
from real_memos import documents, run

EARLIER = ("We keep shipping builds that break on the first day, and the team is tired after three weekends "
           "of fixing them. Can we move the release to Friday and freeze the branch on Wednesday?")
_ITEM = re.compile(r"^(\s*(?:[-*+]|\d+[.)])\s+)")
WRAP = 72
_HYPHENATOR = pyphen.Pyphen(lang="en_US")


def as_email(text: str) -> str:
    """The title becomes the Subject of a header block."""
    lines = text.split("\n")
    first = next(i for i, line in enumerate(lines) if line.strip())
    title = lines[first].strip().strip("*#").strip()
    rest = lines[first + 1:]
    if rest and rest[0].strip() and set(rest[0].strip()) <= set("=-"):
        rest = rest[1:]  # a setext underline
    headers = ["From: Dana Whitfield <dana@example.org>", "To: all-staff@example.org", f"Subject: {title}",
               "Date: Mon, 2 Mar 2020 09:00:00 +0000"]
    return "\n".join(headers + rest)


def hard_wrapped(text: str) -> str:
    """Every line past 80 columns wrapped at 72, a list item's lines hanging under its text."""
    out = []
    for line in text.split("\n"):
        item = _ITEM.match(line)
        if len(line) <= 80:
            out.append(line)
        else:
            out.extend(textwrap.wrap(line, WRAP, subsequent_indent=" " * len(item.group(1)) if item else "",
                                     break_long_words=False, break_on_hyphens=False))
    return "\n".join(out)


def copied_from_pdf(text: str) -> str:
    """Hard-wrapped as a typeset page is, then copied: every line past 80 columns cut at 72,
    and a word that does not fit split between two of its syllables with a hyphen, as a
    typesetter hyphenates (by textstat's hyphenation dictionary), when its first part fits."""
    out = []
    for line in text.split("\n"):
        out.extend(_typeset(line) if len(line) > 80 else [line])
    return "\n".join(out)


def _typeset(line: str) -> list[str]:
    lines, current = [], ""
    for word in line.split():
        if len(current) + 1 + len(word) <= WRAP or not current:
            current = f"{current} {word}".strip()
            continue
        split = next(((head, tail) for head, tail in _HYPHENATOR.iterate(word)
                      if word.isalpha() and len(head) >= 3 and len(current) + len(head) + 2 <= WRAP), None)
        if split:
            lines.append(f"{current} {split[0]}-")
            current = split[1]
        else:
            lines.append(current)
            current = word
    return lines + ([current] if current else [])


def signed_off(text: str) -> str:
    return text.rstrip("\n") + "\n\nThanks,\nDana\n"


def above_a_quote(text: str) -> str:
    quoted = "\n".join(f"> {line}" for line in textwrap.wrap(EARLIER * 3, WRAP))
    return text.rstrip("\n") + f"\n\nOn Mon, 3 Mar 2025 at 10:12, Sam Ortega <sam@example.org> wrote:\n{quoted}\n"


def above_an_outlook_message(text: str) -> str:
    """Above the message replied to, set out as Outlook does: a rule, its headers, its text."""
    headers = ["From: Sam Ortega <sam@example.org>", "Sent: Monday, March 3, 2025 10:12 AM",
               "To: Dana Whitfield <dana@example.org>", "Subject: Release"]
    earlier = "\n".join(textwrap.wrap(EARLIER * 3, WRAP))
    return text.rstrip("\n") + "\n\n" + "\n".join(["_" * 32, *headers]) + f"\n\n{earlier}\n"


def straight_apostrophes(text: str) -> str:
    return text.translate(str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'}))


def crlf(text: str) -> str:
    return text.replace("\n", "\r\n")


FORMS: dict[str, Callable[[str], str]] = {
    "email": as_email, "hard-wrapped": hard_wrapped, "copied-from-pdf": copied_from_pdf, "signed-off": signed_off,
    "above-a-quote": above_a_quote,
    "above-an-outlook-message": above_an_outlook_message,
    "straight-apostrophes": straight_apostrophes, "crlf": crlf,
}


def key_points(folder: Path, split: str) -> str:
    """score.py's key-point line for the reports in ``folder/reports``."""
    result = subprocess.run([sys.executable, str(folder / "score.py"), "--cmd", "x {file}", "--reports",
                             str(folder / "reports"), "--split", split], capture_output=True, text=True, check=False)
    return next((line.strip() for line in result.stdout.splitlines() if line.startswith("key points")),
                result.stderr.strip().splitlines()[-1] if result.stderr.strip() else "no figures")


def present(corpus: Path, out: Path, name: str, form: Callable[[str], str] | None, split: str) -> Path:
    folder = out / name
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    shutil.copy(corpus / "score.py", folder)
    for doc in documents(corpus, split):
        text = doc.read_text(encoding="utf-8")
        (folder / doc.name).write_text(form(text) if form else text, encoding="utf-8", newline="")
        shutil.copy(doc.with_suffix(".json"), folder)
    run(folder, folder / "reports", split, privacy=False, only=[])
    return folder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", type=Path, help="the real-memos folder (documents, gold, score.py)")
    parser.add_argument("--out", type=Path, required=True, help="where the presented copies go")
    parser.add_argument("--split", default="dev", choices=("dev", "blind", "all"))
    parser.add_argument("--form", action="append", choices=list(FORMS), help="only this form (repeatable)")
    args = parser.parse_args()
    chosen = {name: FORMS[name] for name in args.form} if args.form else FORMS
    for name, form in {"published": None, **chosen}.items():
        folder = present(args.corpus, args.out, name, form, args.split)
        print(f"{name:22s} {key_points(folder, args.split)}")


if __name__ == "__main__":
    main()
