"""memo-analyzer batch --scheduler: the same batch on a Dask cluster of two worker processes on loopback."""

from __future__ import annotations

import errno
import itertools
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
import warnings
from contextlib import contextmanager
from pathlib import Path

import dask
import distributed
import pytest

import analyzer.batch.cluster as cluster
import analyzer.batch.dask_tasks as dask_tasks
from analyzer.batch.cluster import Ref, Shipped, dask_executor, run_chunk, start_local_cluster
from analyzer.batch.run import BatchSettings, run_batch
import analyzer.batch.work as work
from analyzer.batch.work import AnalyzerSpec
from analyzer.options import Options
from batch_files import GOOD, outputs, table, write

# Every test here talks to a cluster: a hang fails the test, not the CI run.
pytestmark = pytest.mark.timeout(120)

KEY = "a-cluster-test-key-of-32-bytes!!\n"
LEXICON = "quarter close\tpressure\t2\n"


@contextmanager
def two_workers():
    """A loopback cluster of two worker processes and a client to it."""
    # One death per task before Dask gives up on it, so a document that kills every worker
    # is found after few restarts; a single death is still retried elsewhere.
    with dask.config.set({"distributed.scheduler.allowed-failures": 1}):
        local = start_local_cluster(2)
    try:
        with distributed.Client(local, set_as_default=False) as client:
            yield local.scheduler_address, client
    finally:
        local.close()


@pytest.fixture(scope="module")
def dask_cluster():
    with two_workers() as cluster_and_client:
        yield cluster_and_client


@pytest.fixture
def own_cluster():
    """A cluster for a test that kills workers: a nanny that fails to bring one back then
    harms that test alone, not every test after it."""
    with two_workers() as cluster_and_client:
        yield cluster_and_client


@pytest.fixture
def address(dask_cluster):
    return dask_cluster[0]


@pytest.fixture
def client(dask_cluster):
    return dask_cluster[1]


@pytest.fixture
def files(tmp_path):
    (tmp_path / "team.key").write_text(KEY)
    (tmp_path / "team.tsv").write_text(LEXICON)
    return tmp_path


@pytest.mark.parametrize("extra", [
    ["--redact", "--pseudonym-key", "{files}/team.key", "--lexicon", "{files}/team.tsv", "--include-text"],
    ["--shared-fs"],
], ids=["contents-key-and-lexicon", "shared-fs"])
def test_the_cluster_writes_byte_for_byte_what_the_local_pool_writes(run_cli, tmp_path, files, address, extra):
    memos = {**GOOD, "close.md": "# Close\n\nPriya Raman runs the quarter close. Dana Whitfield is worried.\n",
             "empty.txt": ""}
    archive = write(tmp_path / "archive", memos)
    extra = [arg.format(files=files) for arg in extra]
    local = run_cli("batch", str(archive), "--out", str(tmp_path / "local"), "--workers", "1",
                    *[a for a in extra if a != "--shared-fs"])
    remote = run_cli("batch", str(archive), "--out", str(tmp_path / "remote"), "--scheduler", address, *extra)
    assert (local.exit_code, remote.exit_code) == (3, 3), remote.stderr  # empty.txt
    assert "4 ok, 1 failed" in remote.stderr
    assert outputs(tmp_path / "remote") == outputs(tmp_path / "local")
    rerun = run_cli("batch", str(archive), "--out", str(tmp_path / "remote"), "--scheduler", address, *extra)
    assert "0 ok, 1 failed (1 unchanged since an earlier run), 4 skipped" in rerun.stderr


def test_a_second_local_cluster_starts_without_a_word_about_ports(dask_cluster):
    # The module's cluster already holds the scheduler's status port.
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        local = start_local_cluster(1)
    local.close()
    assert not [w for w in caught if "already in use" in str(w.message)]


def test_the_pseudonym_key_and_lexicons_travel_with_the_work_and_never_show(tmp_path, files):
    options = Options.from_kwargs({"redact": True, "pseudonym_key": files / "team.key",
                                   "lexicons": (files / "team.tsv",)})
    shipped = Shipped.of(AnalyzerSpec(None, options))
    assert shipped.spec.options.pseudonym_key == KEY.strip().encode()
    assert dict(shipped.files) == {str((files / "team.tsv").resolve()): LEXICON.encode()}
    assert "cluster-test-key" not in repr(shipped)
    # A worker that does not see this disk gets its own copy of each file.
    (files / "team.tsv").unlink()
    copy = Path(shipped.unpack().options.lexicons[0])
    assert copy.read_text() == LEXICON and copy.name == "team.tsv" and copy.parent != files


def test_a_document_a_worker_cannot_read_on_the_shared_file_system_is_an_error_row(analyzer, tmp_path):
    memo = write(tmp_path, {"memo.md": GOOD["alpha.md"]}) / "memo.md"
    refs = [Ref("gone.md", "gone.md", str(tmp_path / "gone.md")), Ref("memo.md", "memo.md", str(memo))]
    gone, ok = run_chunk(Shipped.of(AnalyzerSpec.of(analyzer)), refs)
    assert (gone.error, gone.sha256, ok.ok) == ("UnreadableInputError", None, True)
    assert gone.message == f"{tmp_path / 'gone.md'}: no such file"


def test_a_worker_killed_mid_run_loses_nothing(analyzer, own_cluster, tmp_path):
    address, client = own_cluster
    sentence = "The vendor missed the deadline again and the team is worried about the March launch. "
    # Two chunks (32 documents and 2), each a few seconds' work.
    archive = write(tmp_path / "archive", {f"memo-{n:02d}.md": f"# Memo {n}\n\n" + sentence * 12
                                           for n in range(34)})
    run_batch([str(archive)], analyzer, BatchSettings(out=tmp_path / "clean", workers=1))
    pids = client.run(os.getpid)
    killed = []

    def kill_a_busy_worker():
        deadline = time.monotonic() + 60
        while not killed and time.monotonic() < deadline:
            busy = [worker for worker, keys in client.processing().items() if keys]
            if busy:
                os.kill(pids[busy[0]], signal.SIGKILL)
                killed.append(busy[0])
            time.sleep(0.02)

    killer = threading.Thread(target=kill_a_busy_worker)
    killer.start()
    summary = run_batch([str(archive)], analyzer, BatchSettings(out=tmp_path / "out"),
                        executor=dask_executor(address))
    killer.join()
    assert killed, "no worker was seen busy"
    assert (summary.ok, summary.failed) == (34, 0)
    assert outputs(tmp_path / "out") == outputs(tmp_path / "clean")


class CrashOnMarker(distributed.WorkerPlugin):
    """On every worker, now and after each restart: a chunk holding CRASH kills its process,
    as a segfault or the out-of-memory killer would."""

    def setup(self, worker):
        cluster.analyze_chunk = _crash_on_marker

    def teardown(self, worker):
        cluster.analyze_chunk = work.analyze_chunk


def _crash_on_marker(spec, items):
    if any(b"CRASH" in item.data for item in items):
        os._exit(1)
    return work.analyze_chunk(spec, items)


def test_a_document_that_kills_every_worker_it_meets_becomes_an_error_row(run_cli, own_cluster, tmp_path):
    address, client = own_cluster
    archive = write(tmp_path / "archive", {**GOOD, "boom.md": "# Boom\n\nCRASH here.\n"})
    client.register_plugin(CrashOnMarker(), name="crash-on-marker")
    try:
        result = run_cli("batch", str(archive), "--out", str(tmp_path / "out"), "--scheduler", address)
    finally:
        client.unregister_worker_plugin("crash-on-marker")
    assert result.exit_code == 3, result.stderr
    assert "3 ok, 1 failed" in result.stderr
    assert [(e["path"], e["error"]) for e in table(tmp_path / "out", "errors.csv")] == [("boom.md", "WorkerCrashError")]


@pytest.fixture
def orphans(monkeypatch):
    """Make the first ``n`` submissions return a future for a key the scheduler never got:
    a future nobody computes, as when the scheduler drops a task without a word."""
    monkeypatch.setattr(dask_tasks, "POLL_SECONDS", 0.1)
    monkeypatch.setattr(dask_tasks, "QUIET_POLLS", 2)
    submit = cluster.DaskExecutor._submit

    def make(n: int) -> None:
        count = itertools.count()

        def submit_or_orphan(self, chunk):
            if next(count) < n:
                return distributed.Future(f"memo-analyzer-orphan-{uuid.uuid4().hex}", self.client)
            return submit(self, chunk)

        monkeypatch.setattr(cluster.DaskExecutor, "_submit", submit_or_orphan)

    return make


def test_a_chunk_nobody_computes_is_sent_again(analyzer, address, tmp_path, orphans):
    archive = write(tmp_path / "archive", GOOD)
    run_batch([str(archive)], analyzer, BatchSettings(out=tmp_path / "clean", workers=1))
    orphans(1)
    summary = run_batch([str(archive)], analyzer, BatchSettings(out=tmp_path / "out"),
                        executor=dask_executor(address))
    assert (summary.ok, summary.failed) == (3, 0)
    assert outputs(tmp_path / "out") == outputs(tmp_path / "clean")


def test_a_chunk_lost_every_time_becomes_error_rows_and_the_run_ends(run_cli, address, tmp_path, orphans):
    orphans(10**6)
    start = time.monotonic()
    result = run_cli("batch", str(write(tmp_path / "in", GOOD)), "--out", str(tmp_path / "out"),
                     "--scheduler", address)
    assert result.exit_code == 3, result.stderr
    assert "0 ok, 3 failed" in result.stderr
    assert {e["error"] for e in table(tmp_path / "out", "errors.csv")} == {"WorkerCrashError"}
    # One chunk sent 3 times, then each document alone 3 times, 0.2 s each to give up on.
    assert time.monotonic() - start < 30


# Loaded as sitecustomize into a batch command and the processes of its local cluster:
# a chunk holding CRASH kills the worker running it, in every worker and every restart.
CRASH_SHIM = """
import os
import analyzer.batch.cluster as cluster
_analyze_chunk = cluster.analyze_chunk
def crash_on_marker(spec, items):
    if any(b"CRASH" in item.data for item in items):
        os._exit(1)
    return _analyze_chunk(spec, items)
cluster.analyze_chunk = crash_on_marker
"""


@pytest.mark.timeout(240)
def test_on_a_local_cluster_too_a_document_that_kills_every_worker_becomes_an_error_row(tmp_path):
    archive = write(tmp_path / "archive", {**GOOD, "boom.md": "# Boom\n\nCRASH here.\n"})
    (tmp_path / "shim").mkdir()
    (tmp_path / "shim" / "sitecustomize.py").write_text(CRASH_SHIM)
    # One death per task before Dask gives up on it, as in the fixture above.
    env = {**os.environ, "PYTHONPATH": str(tmp_path / "shim"), "DASK_DISTRIBUTED__SCHEDULER__ALLOWED_FAILURES": "1"}
    start = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "analyzer", "batch", str(archive), "--out", str(tmp_path / "out"),
         "--scheduler", "local:2"], env=env, capture_output=True, text=True, timeout=200)
    assert result.returncode == 3, result.stderr
    assert "3 ok, 1 failed" in result.stderr
    assert [(e["path"], e["error"]) for e in table(tmp_path / "out", "errors.csv")] == [("boom.md", "WorkerCrashError")]
    assert time.monotonic() - start < 150


def test_without_loopback_a_local_cluster_is_one_line_that_says_what_to_do(run_cli, tmp_path, monkeypatch):
    def unreachable(*args, **kwargs):
        raise OSError(errno.ENETUNREACH, "Network is unreachable")

    monkeypatch.setattr(socket, "create_connection", unreachable)
    result = run_cli("batch", str(write(tmp_path / "in", GOOD)), "--out", str(tmp_path / "out"),
                     "--scheduler", "local:2")
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: --scheduler local:N needs the loopback interface (127.0.0.1), on which its workers reach their "
        "scheduler, and it is not usable here (Network is unreachable); bring it up (`ip link set lo up`), or run "
        "without --scheduler: --workers N starts worker processes that need no network\n")


def test_in_a_namespace_without_network_a_local_cluster_fails_at_once_in_one_line(tmp_path):
    unshare = shutil.which("unshare")
    if not unshare or subprocess.run([unshare, "-n", "true"], capture_output=True).returncode:
        pytest.skip("unshare -n is not permitted here")
    result = subprocess.run(
        [unshare, "-n", sys.executable, "-m", "analyzer", "batch", str(write(tmp_path / "in", GOOD)),
         "--out", str(tmp_path / "out"), "--scheduler", "local:2"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert result.stderr.startswith("Error: --scheduler local:N needs the loopback interface")
    assert result.stderr.count("\n") == 1


def test_an_unreachable_scheduler_is_one_clear_error(run_cli, tmp_path, monkeypatch):
    monkeypatch.setattr(cluster, "CONNECT_SECONDS", 1)
    result = run_cli("batch", str(write(tmp_path / "in", GOOD)), "--out", str(tmp_path / "out"),
                     "--scheduler", "tcp://127.0.0.1:1")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: cannot reach the Dask scheduler at tcp://127.0.0.1:1 (")
    assert result.stderr.count("\n") == 1


def test_without_dask_the_scheduler_option_says_how_to_install_it(run_cli, tmp_path, monkeypatch):
    monkeypatch.setattr(cluster, "distributed", None)
    result = run_cli("batch", str(tmp_path), "--out", str(tmp_path / "out"), "--scheduler", "local:2")
    assert result.exit_code == 1
    assert result.stderr == ("Error: --scheduler needs Dask, which is not installed; "
                             "install it with pip install 'memo-analyzer[dask]'\n")


@pytest.mark.parametrize("args, message", [
    (["--scheduler", "10.0.0.5"], "'10.0.0.5' is not a scheduler; give its address like tcp://"),
    (["--scheduler", "local:0"], "'local:0' is not a scheduler"),
    (["--shared-fs"], "--shared-fs applies only with --scheduler"),
    (["--scheduler", "local:2", "--workers", "2"], "--workers applies only without --scheduler"),
])
def test_scheduler_options_that_cannot_work_are_usage_errors(run_cli, tmp_path, args, message):
    result = run_cli("batch", str(tmp_path), "--out", str(tmp_path / "out"), *args)
    assert result.exit_code == 2
    assert message in result.stderr
