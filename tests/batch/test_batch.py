"""memo-analyzer batch: whole runs through the CLI, on tiny documents, with one or two workers."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import analyzer.batch.work as work
from batch_files import DOCUMENT_HEADER, GOOD, SECTION_HEADER, outputs, table, write

@pytest.fixture
def archive(tmp_path):
    return write(tmp_path / "archive", GOOD)


@pytest.fixture
def batch(run_cli, tmp_path):
    def run(*inputs, out: Path | None = None, workers: int = 1, extra=(), stdin=None):
        out = out or tmp_path / "out"
        result = run_cli("batch", *map(str, inputs), "--out", str(out), "--workers", str(workers), *extra,
                         input=stdin)
        return result, out

    return run


def test_a_folder_is_scored_into_reports_and_tables(batch, archive):
    write(archive, {"skip.pdf": b"%PDF-1.4", ".hidden.md": "# Hidden\n", "notes/.cache/x.md": "# x\n"})
    result, out = batch(archive, workers=2)
    assert result.exit_code == 0, result.stderr
    assert "Done in" in result.stderr and "3 ok, 0 failed, 0 skipped" in result.stderr
    assert sorted(outputs(out)) == [
        "claims.jsonl", "documents.csv", "errors.csv",
        "reports/alpha.md.json", "reports/notes/beta.txt.json", "reports/notes/deep/gamma.markdown.json",
        "sections.csv",
    ]
    report = json.loads((out / "reports/notes/deep/gamma.markdown.json").read_text())
    assert report["document"]["source"] == "notes/deep/gamma.markdown"
    assert [s["title"] for s in report["sections"]] == ["Gamma", "Risks"]


def test_tables_have_one_header_stable_columns_and_rows_sorted_by_path(batch, archive):
    _, out = batch(archive, workers=2)
    lines = (out / "documents.csv").read_text().splitlines()
    assert lines[0] == DOCUMENT_HEADER
    assert (out / "sections.csv").read_text().splitlines()[0] == SECTION_HEADER
    assert (out / "errors.csv").read_text() == "path,error,message\n"
    documents = table(out, "documents.csv")
    assert [d["path"] for d in documents] == ["alpha.md", "notes/beta.txt", "notes/deep/gamma.markdown"]
    alpha = documents[0]
    assert (alpha["title"], alpha["status"], alpha["tone"], alpha["sections"], alpha["claims"]) == (
        "Alpha plan", "ok", "positive", "1", "2")
    assert float(alpha["sentiment"]) > 0 and int(alpha["words"]) == 12
    assert alpha["report"] == "reports/alpha.md.json" and len(alpha["sha256"]) == 64
    sections = table(out, "sections.csv")
    assert [(s["path"], s["section"], s["title"], s["parent"]) for s in sections] == [
        ("alpha.md", "1", "Alpha plan", ""),
        ("notes/beta.txt", "1", "Beta notes", ""),
        ("notes/deep/gamma.markdown", "1", "Gamma", ""),
        ("notes/deep/gamma.markdown", "2", "Risks", "1"),
    ]
    assert float(sections[-1]["sentiment"]) < 0 and sections[-1]["tone"] == "negative"


BAD = {
    "empty.txt": (b"", "EmptyInputError", "is empty"),
    "image.md": (b"\x89PNG\r\n\x1a\n" + bytes(300), "BinaryInputError", "looks like a binary file"),
    "flawed.txt": ("Résumé of the ".encode() + "café".encode("latin-1"), "UndecodableInputError",
                   "is UTF-8 with a flaw"),
    "huge.txt": (b"word " * 400, "TooLargeInputError", "over the limit of 1,024"),
    "mail.eml": (b"Subject: hi\n\n", "EmptyInputError", "has no text body"),
}


def test_bad_files_become_error_rows_and_the_run_goes_on(batch, archive):
    write(archive, {name: data for name, (data, _, _) in BAD.items()})
    result, out = batch(archive, "missing.md", workers=2, extra=["--max-bytes", "1k"])
    assert result.exit_code == 3
    assert "3 ok, 6 failed" in result.stderr and "errors.csv" in result.stderr
    errors = {row["path"]: row for row in table(out, "errors.csv")}
    for name, (_, error, message) in BAD.items():
        assert errors[name]["error"] == error, name
        assert message in errors[name]["message"] and "\n" not in errors[name]["message"], name
    assert errors["missing.md"]["error"] == "UnreadableInputError"
    statuses = {row["path"]: row["status"] for row in table(out, "documents.csv")}
    assert statuses == {**dict.fromkeys(GOOD, "ok"), **dict.fromkeys(BAD, "error")}
    assert len(list((out / "reports").rglob("*.json"))) == len(GOOD)


def test_an_e_mail_is_read_as_its_subject_headers_and_body(batch, tmp_path):
    mail = (b"From: Dana <dana@example.org>\nTo: team@example.org\nSubject: =?utf-8?q?Q3_plan_=E2=80=94_draft?=\n"
            b"Date: Tue, 04 Jun 2024 09:30:00 +0200\nContent-Type: text/html; charset=utf-8\n"
            b"Content-Transfer-Encoding: base64\n\n"
            + __import__("base64").encodebytes(b"<p>The budget is <b>tight</b>.</p><p>We are worried.</p>"))
    result, out = batch(write(tmp_path / "mail", {"plan.eml": mail}), extra=["--include-text"])
    assert result.exit_code == 0, result.stderr
    report = json.loads((out / "reports/plan.eml.json").read_text())
    assert report["document"]["lines"] == 8  # 4 headers, a blank line, 2 paragraphs
    assert (report["document"]["title"], report["document"]["date"]) == ("Q3 plan — draft", "2024-06-04")
    (row,) = table(out, "documents.csv")
    assert (row["title"], row["date"]) == ("Q3 plan — draft", "2024-06-04")
    assert report["sentiment"]["compound"] < 0
    assert "We are worried." in [e["text"] for e in report["sentiment"]["evidence"]]


def sentences_of(text: str) -> list[str]:
    return [s.strip() + "." for line in text.splitlines() for s in line.split(".")[:-1] if len(s.split()) > 2]


def test_no_sentence_of_the_inputs_reaches_any_output_by_default(batch, archive):
    _, out = batch(archive, workers=2)
    written = "\n".join(data.decode() for data in outputs(out).values())
    sentences = [s for text in GOOD.values() for s in sentences_of(text)]
    assert len(sentences) == 6
    for sentence in sentences:
        assert sentence not in written
        assert sentence[:-1] not in written


def test_redaction_reaches_every_report_and_table(batch, tmp_path):
    memos = {
        "review.md": "# Feedback for Marisol Okafor\n\n## What happened\n\nMarisol Okafor told Dana Whitfield "
                     "that the migration slipped two weeks. Dana is worried about the on-call load.\n",
        "plan.txt": "Plan\n\nPriya Raman will own the rollout. We expect costs to rise by 10%.\n",
    }
    result, out = batch(write(tmp_path / "in", memos), workers=2, extra=["--redact", "--include-text"])
    assert result.exit_code == 0, result.stderr
    written = "\n".join(data.decode() for data in outputs(out).values())
    for name in ("Marisol", "Okafor", "Dana", "Whitfield", "Priya", "Raman"):
        assert name not in written
    titles = [row["title"] for row in table(out, "sections.csv") if row["path"] == "review.md"]
    assert titles[0].startswith("Feedback for Person ") and titles[1] == "What happened"
    claims = [json.loads(line) for line in (out / "claims.jsonl").read_text().splitlines()]
    assert any("10%" in c["text"] for c in claims) and any("Person " in c["text"] for c in claims)


def test_include_text_keeps_the_quoted_sentences(batch, archive):
    _, out = batch(archive, extra=["--include-text"])
    report = json.loads((out / "reports/notes/beta.txt.json").read_text())
    assert [e["text"] for e in report["sentiment"]["evidence"]] == [
        "The vendor missed the deadline again.", "We are worried about March."]


def test_a_rerun_skips_the_unchanged_redoes_the_changed_and_matches_a_fresh_run(batch, archive, tmp_path):
    batch(archive)
    write(archive, {"alpha.md": "# Alpha plan\n\nThe launch failed badly. Everyone is angry and upset.\n", "new.md": "# New\n\nFine.\n"})
    (archive / "notes/beta.txt").unlink()
    result, out = batch(archive)
    assert result.exit_code == 0
    assert "2 ok, 0 failed, 1 skipped" in result.stderr
    assert table(out, "documents.csv")[0]["tone"] == "negative"
    # Without --prune the folder keeps what earlier runs scored; with it, it mirrors the inputs.
    assert "notes/beta.txt" in [d["path"] for d in table(out, "documents.csv")]
    result, out = batch(archive, extra=["--prune"])
    assert "Removed 1 documents" in result.stderr and "0 ok, 0 failed, 3 skipped" in result.stderr
    _, fresh = batch(archive, out=tmp_path / "fresh")
    assert outputs(out) == outputs(fresh)


def test_force_redoes_every_document(batch, archive):
    batch(archive)
    result, _ = batch(archive, extra=["--force"])
    assert "3 ok, 0 failed, 0 skipped" in result.stderr


def test_a_changed_analysis_redoes_every_document(batch, archive):
    batch(archive)
    result, _ = batch(archive, extra=["--include-text"])
    assert "3 ok, 0 failed, 0 skipped" in result.stderr


def test_a_deleted_report_is_redone(batch, archive):
    _, out = batch(archive)
    (out / "reports/alpha.md.json").unlink()
    result, _ = batch(archive)
    assert "1 ok, 0 failed, 2 skipped" in result.stderr
    assert (out / "reports/alpha.md.json").is_file()


def test_paths_on_stdin_and_globs(batch, archive, monkeypatch):
    monkeypatch.chdir(archive)
    result, out = batch("-", "notes/**/*.markdown", stdin="alpha.md\n\nnotes/beta.txt\n")
    assert result.exit_code == 0, result.stderr
    assert [d["path"] for d in table(out, "documents.csv")] == ["alpha.md", "deep/gamma.markdown", "notes/beta.txt"]


def test_a_glob_that_matches_nothing_and_a_name_taken_twice_are_errors(batch, tmp_path):
    first = write(tmp_path / "first", {"memo.md": "# One\n\nShort note.\n"})
    second = write(tmp_path / "second", {"memo.md": "# Two\n\nAnother note.\n"})
    result, out = batch(first, second, tmp_path / "nothing-*.md")
    assert result.exit_code == 3
    errors = table(out, "errors.csv")
    assert [(e["path"], e["error"]) for e in errors] == [
        (str(tmp_path / "nothing-*.md"), "UnreadableInputError"),
        (str(second / "memo.md"), "DuplicateNameError"),
    ]
    assert "matches no file" in errors[0]["message"]
    assert [d["title"] for d in table(out, "documents.csv")] == ["One"]


def test_the_output_folder_must_be_new_empty_or_a_batch(batch, archive, tmp_path):
    other = write(tmp_path / "other", {"precious.txt": "mine"})
    result, _ = batch(archive, out=other)
    assert result.exit_code == 1
    assert result.stderr == (f"Error: {other}: is not empty and holds no batch (no manifest.sqlite); "
                             "choose a new or empty --out folder\n")
    assert outputs(other) == {"precious.txt": b"mine"}


def test_the_output_folder_is_never_read_as_input(batch, archive):
    _, out = batch(archive, out=archive / "scores")
    (archive / "scores" / "summary.md").write_text("# Not a memo\n\nIt is ours.\n")
    result, _ = batch(archive, out=archive / "scores")
    assert "0 ok, 0 failed, 3 skipped" in result.stderr


def test_a_second_run_on_the_same_folder_is_refused_while_one_runs(batch, archive, tmp_path):
    out = tmp_path / "out"
    batch(archive, out=out)
    holder = subprocess.Popen(
        [sys.executable, "-c", "import fcntl, sys, time; f = open(sys.argv[1], 'a'); "
         "fcntl.lockf(f, fcntl.LOCK_EX); print('locked', flush=True); time.sleep(30)", str(out / ".lock")],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline() == "locked\n"
        result, _ = batch(archive, out=out)
        assert result.exit_code == 1
        assert "another memo-analyzer batch is writing to this folder" in result.stderr
    finally:
        holder.kill()
        holder.wait()


def test_a_worker_that_dies_loses_only_its_own_document(batch, archive, monkeypatch):
    decode = work.decode_document

    def crash_on_marker(data: bytes, name: str) -> str:
        if b"CRASH" in data:
            os._exit(1)  # what a segfault or the out-of-memory killer looks like to the pool
        return decode(data, name)

    # Workers are forked from this process, so they run the patched function.
    monkeypatch.setattr(work, "decode_document", crash_on_marker)
    write(archive, {"boom.md": "# Boom\n\nCRASH here.\n"})
    result, out = batch(archive, workers=2)
    assert result.exit_code == 3
    assert "3 ok, 1 failed" in result.stderr
    assert [(e["path"], e["error"]) for e in table(out, "errors.csv")] == [("boom.md", "WorkerCrashError")]
    # A crash is not the document's fault for sure, so the next run tries it again.
    monkeypatch.setattr(work, "decode_document", decode)
    result, out = batch(archive, workers=2)
    assert result.exit_code == 0 and "1 ok, 0 failed, 3 skipped" in result.stderr


# Loaded as sitecustomize into the processes of an interrupted run and of its rerun (the
# command and its workers): chunks of CHUNK documents, each document takes a while, and each
# worker logs the documents it finished to a file named by its process id.
SHIM = """
import os, signal, time
import analyzer.batch.run as run
# As a terminal leaves it: a suite started in the background (`cmd &` in a script) passes
# SIGINT on ignored, and Python then never turns it into KeyboardInterrupt.
signal.signal(signal.SIGINT, signal.default_int_handler)
import analyzer.batch.work as work
_result, _chunked = work._result, run.chunked
def logged(analyzer, item, *args):
    result = _result(analyzer, item, *args)
    time.sleep(0.1)
    with open(os.path.join(os.environ["BATCH_TEST_LOG"], str(os.getpid())), "a") as log:
        log.write(item.name + "\\n")
    return result
work._result = logged
run.chunked = lambda items, docs, size: _chunked(items, int(os.environ["BATCH_TEST_CHUNK"]), size)
"""
WORKERS, CHUNK = 2, 4
MEMOS = {f"memo-{n:02d}.md": f"# Memo {n}\n\nItem {n} shipped late. The team is tired but proud.\n" for n in range(40)}


@pytest.fixture(scope="module")
def uninterrupted(run_cli, tmp_path_factory) -> tuple[Path, Path]:
    """The archive the interrupted runs read, and what a run of it that never stopped wrote:
    every way of stopping must end with the same folder, so the reference run is made once."""
    folder = tmp_path_factory.mktemp("uninterrupted")
    archive = write(folder / "archive", {**MEMOS, "empty.txt": ""})
    run_cli("batch", str(archive), "--out", str(folder / "clean"), "--workers", str(WORKERS))
    return archive, folder / "clean"


def start_logged_batch(archive: Path, out: Path, log: Path) -> subprocess.Popen:
    """``batch --workers 2`` in its own process group, with the shim above logging into ``log``."""
    shim = log.parent / "shim"
    shim.mkdir(exist_ok=True)
    (shim / "sitecustomize.py").write_text(SHIM)
    log.mkdir()
    env = {**os.environ, "PYTHONPATH": str(shim), "BATCH_TEST_LOG": str(log), "BATCH_TEST_CHUNK": str(CHUNK)}
    return subprocess.Popen(
        [sys.executable, "-m", "analyzer", "batch", str(archive), "--out", str(out), "--workers", str(WORKERS)],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, start_new_session=True)


def finished(log: Path) -> list[str]:
    """The documents the workers of one run finished, in any order, with repeats."""
    return [name for worker in log.iterdir() for name in worker.read_text().split()]


@pytest.mark.timeout(240)
@pytest.mark.parametrize("how", ["kill -9", "Ctrl-C"])
def test_an_interrupted_run_resumes_redoing_only_what_was_in_flight(uninterrupted, tmp_path, how):
    """Stopped at a random point, a rerun analyses again at most the documents that were in
    the workers' hands (workers x chunk size), and ends exactly as a run that never stopped."""
    seed = random.randrange(1_000_000)
    archive, clean = uninterrupted
    stop_at = random.Random(seed).randint(1, len(MEMOS) - 2 * WORKERS * CHUNK)
    out = tmp_path / "interrupted"
    process = start_logged_batch(archive, out, tmp_path / "first")
    deadline = time.monotonic() + 120
    while len(list((out / "reports").glob("*.json"))) < stop_at and time.monotonic() < deadline:
        time.sleep(0.01)
    if how == "kill -9":
        process.kill()  # the parent alone, as `kill -9 PID` does
    else:
        os.killpg(process.pid, signal.SIGINT)  # a terminal sends Ctrl-C to the whole group
    stderr = process.communicate(timeout=60)[1]
    done_before = len(list((out / "reports").glob("*.json")))
    assert 0 < done_before < len(MEMOS), f"the run was not stopped midway (seed {seed})"
    if how == "kill -9":
        assert process.returncode == -signal.SIGKILL
        _assert_workers_exit(tmp_path / "first")
    else:
        assert process.returncode == 130, stderr
        assert "Interrupted after" in stderr and "Run the same command again to resume" in stderr
        assert (out / "documents.csv").is_file()

    rerun = start_logged_batch(archive, out, tmp_path / "second")
    stderr = rerun.communicate(timeout=120)[1]
    assert rerun.returncode == 3, stderr  # empty.txt
    first, second = finished(tmp_path / "first"), finished(tmp_path / "second")
    assert sorted(set(first) | set(second)) == sorted(MEMOS) and len(set(second)) == len(second)
    redone = set(first) & set(second)
    assert len(redone) <= WORKERS * CHUNK, (
        f"{how}, seed {seed}: stopped with {done_before} reports on disk, {len(set(first))} documents finished; "
        f"the rerun redid {len(redone)}: {sorted(redone)}")
    assert outputs(out) == outputs(clean)


def _assert_workers_exit(pids: Path) -> None:
    """Orphaned workers notice their parent is gone and exit, rather than idling forever."""
    workers = [int(p.name) for p in pids.iterdir()]  # the logs of workers that finished a document
    assert workers
    deadline = time.monotonic() + 10
    while any(map(_alive, workers)) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [pid for pid in workers if _alive(pid)]


def _alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"  # a zombie has exited; only its entry is left
