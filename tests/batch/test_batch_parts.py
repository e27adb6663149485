"""The batch's parts on their own: discovery, the work function, rows, scrubbing, the manifest."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
from dataclasses import dataclass
from pathlib import Path

import pytest

import analyzer.batch.work as work
from analyzer.batch.discover import Found, NotFound, discover
from analyzer.batch.manifest import FORMAT, Manifest, fingerprint
from analyzer.batch.pool import LocalPool
from analyzer.batch.progress import Progress, duration
from analyzer.batch.run import chunked
from analyzer.batch.scrub import without_text
from analyzer.batch.tables import DOCUMENT_COLUMNS, SECTION_COLUMNS, cell, report_rows, top_categories, topical
from analyzer.batch.work import AnalyzerSpec, Item, analyze_chunk
from analyzer.cli import ByteSize
from analyzer.errors import OutputError


def write(folder: Path, names: list[str]) -> Path:
    for name in names:
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"# {name}\n\nText.\n")
    return folder


def names(found) -> list[str]:
    return [f.name if isinstance(f, Found) else f"missing:{f.name}" for f in found]


# --- discovery ---------------------------------------------------------------------------

def test_a_folder_is_walked_in_name_order_keeping_only_memo_files(tmp_path):
    folder = write(tmp_path / "in", ["b.md", "a.txt", "c.markdown", "d.eml", "e.pdf", "f.TXT", "g.rtf", "h.msg", "i.odt", ".hidden.md",
                                     ".git/x.md", "sub/z.md", "sub/a/y.md", "out/report.md"])
    (folder / "link").symlink_to(folder / "sub")
    found = names(discover([str(folder)], exclude=folder / "out"))
    assert found == ["a.txt", "b.md", "c.markdown", "d.eml", "f.TXT", "g.rtf", "h.msg", "i.odt", "sub/a/y.md", "sub/z.md"]


def test_files_globs_and_stdin_lists_are_named_as_the_spec_says(tmp_path, monkeypatch):
    write(tmp_path, ["docs/2024/jan/memo.md", "docs/2024/feb/memo.md", "docs/notes.txt", "odd.rst"])
    monkeypatch.chdir(tmp_path)
    assert names(discover(["docs/notes.txt", "odd.rst"])) == ["docs/notes.txt", "odd.rst"]
    assert names(discover(["docs/*/*/memo.md"])) == ["2024/feb/memo.md", "2024/jan/memo.md"]
    assert names(discover(["docs/**/*.md"])) == ["2024/feb/memo.md", "2024/jan/memo.md"]
    listed = io.StringIO("docs/notes.txt\n\n docs/*.md\ndocs/2024\n")
    assert names(discover(["-"], stdin=listed)) == [
        "docs/notes.txt", "missing: docs/*.md", "feb/memo.md", "jan/memo.md",
    ]


def test_a_file_outside_the_current_folder_keeps_its_whole_path(tmp_path, monkeypatch):
    write(tmp_path, ["far/memo.md"])
    (tmp_path / "here").mkdir()
    monkeypatch.chdir(tmp_path / "here")
    (found,) = discover([str(tmp_path / "far/memo.md")])
    assert found.name == (tmp_path / "far/memo.md").as_posix().lstrip("/")
    (found,) = discover(["../far/memo.md"])
    assert found.name == (tmp_path / "far/memo.md").as_posix().lstrip("/")


def test_inputs_that_name_nothing_readable_are_reported_not_raised(tmp_path):
    (tmp_path / "dangling.md").symlink_to(tmp_path / "gone.md")
    os.mkfifo(tmp_path / "pipe.md")
    found = list(discover([str(tmp_path / n) for n in ("absent.md", "*.none", "dangling.md", "pipe.md")]))
    assert all(isinstance(f, NotFound) for f in found)
    assert [f.message.split(": ")[-1] for f in found] == [
        "no such file or folder", "matches no file", "no such file or folder", "is not a regular file"]


# --- the work function -------------------------------------------------------------------

@pytest.fixture
def spec(analyzer):
    return AnalyzerSpec.of(analyzer)


def items(**docs: bytes) -> list[Item]:
    return [Item.of(name, f"/in/{name}", data) for name, data in docs.items()]


def test_a_chunk_gives_one_result_per_document_in_order_and_bad_ones_fail_alone(spec):
    results = analyze_chunk(spec, items(**{"a.md": b"# A\n\nAll good.", "b.txt": b"", "c.md": b"# C\n\nFine.",
                                           "d.eml": b"no headers here"}))
    assert [(r.name, r.ok, r.error) for r in results] == [
        ("a.md", True, None), ("b.txt", False, "EmptyInputError"), ("c.md", True, None),
        ("d.eml", False, "UndecodableInputError"),
    ]
    assert results[1].sha256 == Item.of("b", "b", b"").sha256  # the content decided: no retry
    assert results[0].report["document"]["source"] == "a.md"


def test_a_document_that_breaks_the_pipeline_fails_alone(spec, monkeypatch):
    analyze = work.without_text

    def broken(report, text):
        if "poison" in text:
            raise RuntimeError("bad luck")
        return analyze(report, text)

    monkeypatch.setattr(work, "without_text", broken)
    results = analyze_chunk(spec, items(**{"a.md": b"Fine text.", "b.md": b"The poison pill.", "c.md": b"Ok."}))
    assert [(r.name, r.error) for r in results] == [("a.md", None), ("b.md", "RuntimeError"), ("c.md", None)]
    assert results[1].message == "b.md: internal error: RuntimeError: bad luck"
    assert results[1].sha256 is None  # a bug, not the content: the next run tries again


def test_chunks_close_at_a_document_count_or_a_byte_budget():
    docs = [Item.of(str(n), str(n), b"x" * size) for n, size in enumerate([10, 10, 10, 50, 10, 10])]
    assert [[i.name for i in c] for c in chunked(docs, 3, 60)] == [["0", "1", "2"], ["3", "4"], ["5"]]


# --- without --include-text --------------------------------------------------------------

def test_quotes_are_taken_out_but_the_shape_titles_and_numbers_stay():
    text = "# Budget cuts ahead\n\nWe cannot hire anyone this year. Morale is low.\n"
    report = {
        "document": {"title": "Budget cuts ahead", "source": "a.md", "words": 12},
        "sections": [{"title": "Budget cuts ahead", "sentiment": {"evidence": [
            {"text": "Morale is low.", "line": 3, "words": [{"word": "low", "valence": -1.0}]}]}}],
        "claims": [{"text": "We cannot hire anyone this year.", "line": 3},
                   {"sentence": "We cannot hire anyone this year.", "kind": "plan"}],
        "takeaways": {"emotional": [{"summary": "The text shows low morale markers", "quote": "Morale is low."}]},
    }
    scrubbed = without_text(report, text)
    assert scrubbed["document"] == report["document"]
    assert scrubbed["sections"][0]["title"] == "Budget cuts ahead"
    assert scrubbed["sections"][0]["sentiment"]["evidence"][0] == {
        "text": None, "line": 3, "words": [{"word": "low", "valence": -1.0}]}
    assert scrubbed["claims"] == [{"text": None, "line": 3}, {"sentence": None, "kind": "plan"}]
    # Our own wording stays; a short quote under another key is too short to say anything.
    assert scrubbed["takeaways"]["emotional"][0] == report["takeaways"]["emotional"][0]


# --- rows --------------------------------------------------------------------------------

TOPICAL = {"workload", "conflict", "pride", "anxiety", "pressure", "sadness"}


@pytest.mark.parametrize(
    "categories, expected",
    [
        ({"workload": 0.6, "conflict": 0.9, "pride": 0.0, "hedge": 3.0}, "conflict; workload"),
        ({"anxiety": 1.0, "workload": 1.0, "pressure": 2.0, "sadness": 0.5}, "pressure; anxiety; workload"),
        ({"negator": 1.4, "intensifier": 0.3}, None),
        (None, None),
    ],
)
def test_top_categories_are_the_heaviest_stress_and_emotion_categories(categories, expected):
    assert top_categories(categories, TOPICAL) == expected


def test_the_topical_categories_are_read_from_the_report_not_the_lexicon():
    markers = [{"category": "workload", "group": "stress"}, {"category": "hedge", "group": "tone"},
               {"category": "anxiety", "group": "emotion"}]
    assert topical(markers) == {"workload", "anxiety"}


def rows_of(text: str, columns) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(",".join(columns) + "\n" + text)))


def test_stress_and_claims_fill_their_columns(analyzer):
    text = ("# Plan\n\nIntro.\n\n## Risks\n\nWe are overloaded and stretched thin, and the deadline moved up "
            "again. Two engineers left in May. I am worried we will miss the launch, and honestly "
            "exhausted after three weekends of overtime. Nobody has had a day off since March, and the "
            "on-call rota is a mess.\n")
    report = analyzer.analyze(text, source="p.md")
    rows = report_rows("p.md", report, "reports/p.md.json")
    (document,) = rows_of(rows.documents_csv, DOCUMENT_COLUMNS)
    assert float(document["stress_index"]) == report["stress"]["index"]
    assert document["stress_level"] == report["stress"]["level"] == "high"
    assert "workload" in document["top_categories"].split("; ")
    assert int(document["claims"]) == len(report["claims"]) > 0
    intro, risks = rows_of(rows.sections_csv, SECTION_COLUMNS)
    # One word is too short to measure: no index, rather than a number nobody should rank.
    assert (intro["stress_index"], intro["stress_level"], intro["claims"]) == ("", "", "0")
    assert float(risks["stress_index"]) > 50 and int(risks["claims"]) == len(report["claims"])
    claims = [json.loads(line) for line in rows.claims_jsonl.splitlines()]
    assert [(c["document"], c["line"]) for c in claims] == [("p.md", c["line"]) for c in report["claims"]]


@pytest.mark.parametrize(
    "value, shown",
    [(None, ""), (3, "3"), (-0.25, "-0.25"), (True, "true"), ("plain", "plain"), ("=HYPERLINK(1)", "'=HYPERLINK(1)"),
     ("+1 555", "'+1 555"), ("-draft", "'-draft"), ("@team", "'@team")],
)
def test_cells_are_plain_values_and_never_a_spreadsheet_formula(value, shown):
    assert cell(value) == shown


# --- the manifest ------------------------------------------------------------------------

@dataclass(frozen=True)
class FakeOptions:
    lexicon: str = ""
    level: int = 1

    def as_kwargs(self):
        return {"lexicon": self.lexicon, "level": self.level}


def test_the_fingerprint_follows_options_and_the_content_of_files_they_name(tmp_path):
    lexicon = tmp_path / "words.tsv"
    lexicon.write_text("late\t1\n")

    def stamp(**options):
        return fingerprint(model="m 1", options=FakeOptions(**options), include_text=False, columns=[])

    first = stamp(lexicon=str(lexicon))
    assert stamp(lexicon=str(lexicon)) == first
    assert stamp(lexicon=str(lexicon), level=2) != first
    lexicon.write_text("late\t2\n")
    assert stamp(lexicon=str(lexicon)) != first


def test_a_manifest_of_another_format_is_refused(tmp_path):
    path = tmp_path / "manifest.sqlite"
    manifest = Manifest(path)
    manifest.db.execute("UPDATE meta SET value = ? WHERE key = 'format'", (str(FORMAT + 1),))
    manifest.close()
    with pytest.raises(OutputError, match="another version of memo-analyzer"):
        Manifest(path)


def test_a_file_that_is_not_a_database_is_refused(tmp_path):
    path = tmp_path / "manifest.sqlite"
    path.write_text("not a database at all, just text " * 20)
    with pytest.raises(OutputError, match="is not a usable batch manifest"):
        Manifest(path)


# --- small things ------------------------------------------------------------------------

@pytest.mark.parametrize("text, size", [("20MB", 20 * 1024**2), ("500k", 500 * 1024), ("1048576", 1048576),
                                        ("1.5 GiB", int(1.5 * 1024**3)), ("2m", 2 * 1024**2)])
def test_sizes_are_read_like_a_person_writes_them(text, size):
    assert ByteSize().convert(text, None, None) == size


@pytest.mark.parametrize("seconds, shown", [(4.24, "4.2s"), (192, "3m 12s"), (7500, "2h 05m")])
def test_durations(seconds, shown):
    assert duration(seconds) == shown


def test_the_progress_line_shows_rate_eta_and_failures():
    stream = io.StringIO()
    bar = Progress(stream, total=100)
    bar.start -= 10  # ten seconds in
    bar.update(50, 50, 2, force=True)
    line = stream.getvalue()
    assert line.startswith("\r[############------------]  50/100")
    assert "5.0 docs/s" in line and "ETA 10.0s" in line and "2 failed" in line


def _interrupt(signum, frame):
    raise KeyboardInterrupt


def test_a_worker_stops_on_sigterm_whatever_handler_the_run_had(spec):
    """The run turns SIGTERM into Ctrl-C; a worker forked from it must still die of it, so an
    interrupted run stops its workers at once instead of waiting for their queued chunks."""
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        pool = LocalPool(spec, workers=1)
        pool._start()
        assert pool.executor.submit(signal.getsignal, signal.SIGTERM).result(timeout=120) == signal.SIG_DFL
        pool.close()
    finally:
        signal.signal(signal.SIGTERM, previous)
