"""The whole CLI runs in a process where every network connection fails."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

MEMO = "# Offline check\n\nThe quarterly numbers look strong. Nobody is worried.\n"

# Installed as sitecustomize, so it is in force before any of our code or our
# dependencies' code runs. Every attempt is logged, whether or not it was caught.
GUARD = '''
import os, socket
_log = os.environ["NETWORK_ATTEMPTS_LOG"]
def _refuse(*args, **kwargs):
    with open(_log, "a") as f:
        f.write(repr(args[:2]) + "\\n")
    raise OSError("network access is disabled in this test")
socket.socket.connect = _refuse
socket.socket.connect_ex = _refuse
socket.create_connection = _refuse
socket.getaddrinfo = _refuse
'''


@pytest.fixture
def offline_env(tmp_path):
    guard_dir = tmp_path / "guard"
    guard_dir.mkdir()
    (guard_dir / "sitecustomize.py").write_text(GUARD)
    log = tmp_path / "attempts.log"
    env = {**os.environ, "PYTHONPATH": str(guard_dir), "NETWORK_ATTEMPTS_LOG": str(log),
           "HOME": str(tmp_path / "home")}
    # A fresh HOME: no cached downloads (nltk_data and the like) can hide a fetch.
    (tmp_path / "home").mkdir()
    return env, log


def run_offline(env, *args, prefix=()):
    return subprocess.run([*prefix, sys.executable, *args], env=env, capture_output=True, text=True,
                          timeout=120)


def test_guard_really_blocks_the_network(offline_env):
    env, log = offline_env
    result = run_offline(env, "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:9')")
    assert result.returncode != 0
    assert "network access is disabled" in result.stderr
    assert log.read_text()


def test_cli_runs_with_every_connection_failing(offline_env, tmp_path):
    env, log = offline_env
    memo = tmp_path / "memo.md"
    memo.write_text(MEMO)
    result = run_offline(env, "-m", "analyzer", "analyze", str(memo), "--format", "json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["document"]["title"] == "Offline check"
    page = tmp_path / "report.html"
    result = run_offline(env, "-m", "analyzer", "analyze", str(memo), "--format", "html", "-o", str(page))
    assert result.returncode == 0, result.stderr
    assert "Offline check" in page.read_text()
    assert not log.exists(), f"network attempts: {log.read_text()}"


def test_cli_runs_in_a_namespace_with_no_network(offline_env, tmp_path):
    unshare = shutil.which("unshare")
    if not unshare or subprocess.run([unshare, "-n", "true"], capture_output=True).returncode:
        pytest.skip("unshare -n is not permitted here")
    env, _ = offline_env
    memo = tmp_path / "memo.md"
    memo.write_text(MEMO)
    result = run_offline(env, "-m", "analyzer", "analyze", str(memo), prefix=(unshare, "-n"))
    assert result.returncode == 0, result.stderr
    assert "Offline check" in result.stdout


def test_redacting_cli_runs_with_every_connection_failing(offline_env, tmp_path):
    env, log = offline_env
    memo = tmp_path / "memo.txt"
    memo.write_text("Hi Dana,\n\nMarisol and Łukasz are worried about the Cody rollout.\n\nThanks,\nPriya\n")
    key = tmp_path / "team.key"
    key.write_text("an-offline-test-key-of-32-chars!\n")
    allow = tmp_path / "allow.txt"
    allow.write_text("Cody\n")
    strict = ["--privacy", "strict", "--pseudonym-key", str(key), "--allow", str(allow)]
    result = run_offline(env, "-m", "analyzer", "analyze", str(memo), *strict)
    assert result.returncode == 0, result.stderr
    assert "Person " in result.stdout  # pseudonyms made with the key, offline
    assert not any(name in result.stdout for name in ("Dana", "Marisol", "Łukasz", "Priya"))
    assert not log.exists(), f"network attempts: {log.read_text()}"


def test_batch_and_summarize_run_with_every_connection_failing(offline_env, tmp_path):
    env, log = offline_env
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "memo.md").write_text(MEMO)
    out = tmp_path / "out"
    result = run_offline(env, "-m", "analyzer", "batch", str(tmp_path / "in"), "--out", str(out), "--workers", "2")
    assert result.returncode == 0, result.stderr
    assert run_offline(env, "-m", "analyzer", "summarize", str(out)).returncode == 0
    assert (out / "reports" / "memo.md.json").is_file() and (out / "summary.html").is_file()
    assert not log.exists(), f"network attempts: {log.read_text()}"
