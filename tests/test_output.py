"""Outputs are written whole or not at all, and with the permissions a user expects."""

from __future__ import annotations

import os
import stat

import pytest

from analyzer.output import current_umask, write_atomic

from batch_files import GOOD, write


@pytest.fixture
def umask():
    """Set the process umask for one test, and put it back."""
    before = os.umask(0o022)
    os.umask(before)
    yield os.umask
    os.umask(before)


def mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.parametrize("mask, expected", [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664), (0o027, 0o640)])
def test_a_new_file_gets_what_the_umask_allows(tmp_path, umask, mask, expected):
    umask(mask)
    assert current_umask() == mask
    write_atomic(tmp_path / "report.md", "# Report\n")
    assert mode(tmp_path / "report.md") == expected


def test_a_replaced_file_keeps_its_mode(tmp_path, umask):
    umask(0o022)
    target = tmp_path / "report.md"
    target.write_text("old")
    target.chmod(0o640)
    write_atomic(target, "new", overwrite=True)
    assert (target.read_text(), mode(target)) == ("new", 0o640)


def test_batch_outputs_follow_the_umask(run_cli, tmp_path, umask):
    umask(0o027)
    result = run_cli("batch", str(write(tmp_path / "in", GOOD)), "--out", str(tmp_path / "out"), "--workers", "1")
    assert result.exit_code == 0, result.stderr
    written = [p for p in (tmp_path / "out").rglob("*") if p.is_file()]
    assert {p.relative_to(tmp_path / "out").as_posix(): mode(p) for p in written} == {
        p.relative_to(tmp_path / "out").as_posix(): 0o640 for p in written}
    assert len(written) == 9  # 3 reports, 4 tables, the manifest and the folder's lock
