"""Hostile inputs, generated here: each gives a report or a one-line error, in bounded time.

Every document of the corpus goes through ``analyze`` (in this process, as the command runs)
and through one ``batch``: ``analyze`` must print a report, or one ``Error:`` line that is
not an internal error; ``batch`` must give each a report or an error row of the expected
kind, and go on. A hang fails the test (its timeout) instead of the CI run.
"""

from __future__ import annotations

import codecs
import os
import random
import time
from pathlib import Path

import pytest

from batch_files import table
from msg_files import outlook_message

PROSE = ("The vendor missed the deadline again, and the team is worried about the March launch. "
         "We shipped 12 of 15 fixes; Dana thinks we need two more weeks.")
RTL_AND_EMOJI = ("# עדכון צוות 🚀\n\nThe migration is done ✅ but we are tired 😩.\n"
                 "الفريق متعب جدا بعد الإطلاق.\nWe will review it on Monday 👍🏽.\n")


def random_bytes(size: int) -> bytes:
    return random.Random(18).randbytes(size)


# name: (bytes, what `analyze` prints: "report" or a part of its one error line, the batch's error kind)
CORPUS: dict[str, tuple[bytes, str, str]] = {
    "empty.txt": (b"", "is empty", "EmptyInputError"),
    "image.md": (b"\x89PNG\r\n\x1a\n" + random_bytes(2000), "looks like a binary file", "BinaryInputError"),
    "random.txt": (random_bytes(4096), "looks like a binary file", "BinaryInputError"),
    "latin1.txt": (("Résumé: " + PROSE).encode("latin-1"), "report", "ok"),
    "flawed-utf8.txt": (("Résumé: " + PROSE).encode() + "café".encode("latin-1"), "is UTF-8 with a flaw",
                        "UndecodableInputError"),
    "utf16-bom.txt": (codecs.BOM_UTF16_LE + ("# Status\n\n" + PROSE).encode("utf-16-le"), "report", "ok"),
    "utf16-no-bom.txt": (("# Status\n\n" + PROSE).encode("utf-16-be"), "report", "ok"),
    "nul.txt": (("# Status\n\n" + PROSE).replace(" ", " \x00", 5).encode(), "report", "ok"),
    "only-nul.txt": (bytes(3000), "looks like a binary file", "BinaryInputError"),
    "cr.txt": (("Status\r\r" + PROSE + "\rNext line.\r").encode(), "report", "ok"),
    "crlf.txt": (("Status\r\n\r\n" + PROSE + "\r\nNext line.\r\n").encode(), "report", "ok"),
    "long-line.txt": (((PROSE + " ") * 70 + "\n").encode(), "report", "ok"),  # 10,000 characters on a line
    "long-word.txt": (("Intro.\n\n" + "x" * 10_000 + "\n").encode(), "report", "ok"),
    "headings.md": ("".join(f"## Heading {n}\n\n" for n in range(5000)).encode(), "report", "ok"),
    "list.md": ("".join(f"- item {n}: part {n} shipped late\n" for n in range(300)).encode(), "report", "ok"),
    "rtl-emoji.md": (RTL_AND_EMOJI.encode(), "report", "ok"),
    "unbalanced.rtf": (b"{\\rtf1 {{{\\uc5 " + PROSE.encode() + b" \\u-3 \\bin50 {\\*", "report", "ok"),
    "truncated.msg": (outlook_message("Status", PROSE)[:1000], "is not a readable Outlook message",
                      "UndecodableInputError"),
    "broken.odt": (b"PK\x03\x04" + random_bytes(500), "is not a readable OpenDocument text",
                   "UndecodableInputError"),
    # Just over spaCy's limit: refused at once. (A text just under it completes in about a
    # minute through the model in pieces; bench/scaling.py measures that, not the suite.)
    "million.txt": (("word " * 200_001).encode(), "is too long (1,000,004 characters; the limit is 1,000,000)",
                    "TooLargeInputError"),
}
FIFO = ("pipe.txt", "is a named pipe (FIFO), not a regular file", "UnreadableInputError")
# Generous on a busy 2-core machine; the 5,000 headings take about 5 s.
BOUND_SECONDS = 60


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("fuzz")
    for name, (data, _, _) in CORPUS.items():
        (folder / name).write_bytes(data)
    os.mkfifo(folder / FIFO[0])  # and nobody ever writes to it
    return folder


def test_the_corpus_has_what_it_says():
    assert len(CORPUS["long-line.txt"][0].decode().splitlines()[0]) >= 10_000
    assert len(CORPUS["million.txt"][0]) > 1_000_000
    assert CORPUS["headings.md"][0].count(b"## ") == 5000


@pytest.mark.timeout(2 * BOUND_SECONDS)
@pytest.mark.parametrize("name, expected", [(name, said) for name, (_, said, _) in CORPUS.items()]
                         + [FIFO[:2]])
def test_analyze_gives_a_report_or_one_line_error(run_cli, corpus, name, expected):
    start = time.monotonic()
    result = run_cli("analyze", str(corpus / name))
    assert time.monotonic() - start < BOUND_SECONDS
    if expected == "report":
        assert result.exit_code == 0, result.stderr
        assert result.stdout.startswith("# ")
    else:
        assert result.exit_code == 1
        assert result.stderr.count("\n") == 1 and result.stderr.startswith(f"Error: {corpus / name}: ")
        assert expected in result.stderr


@pytest.mark.timeout(4 * BOUND_SECONDS)
def test_a_batch_gives_each_a_report_or_an_error_row_of_its_kind(run_cli, corpus, tmp_path):
    start = time.monotonic()
    # The named pipe is named directly: a folder's walk skips what is not a regular file.
    result = run_cli("batch", str(corpus), str(corpus / FIFO[0]), "--out", str(tmp_path / "out"), "--workers", "1")
    assert time.monotonic() - start < 2 * BOUND_SECONDS
    assert result.exit_code == 3, result.stderr
    errors = {Path(row["path"]).name: row["error"] for row in table(tmp_path / "out", "errors.csv")}
    expected = {name: kind for name, (_, _, kind) in CORPUS.items()} | {FIFO[0]: FIFO[2]}
    assert errors == {name: kind for name, kind in expected.items() if kind != "ok"}
    reports = {path.name.removesuffix(".json") for path in (tmp_path / "out" / "reports").iterdir()}
    assert reports == {name for name, kind in expected.items() if kind == "ok"}
