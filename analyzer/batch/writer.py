"""Everything a batch puts in its output folder goes through here, and only here.

The folder holds one JSON report per document (``reports/<name>.json``), the tables and the
manifest. One run writes to it at a time and every file is written atomically. Each report
is the text the output gate rendered and leak-checked where the report was made (``work``).

Executors (the local pool, a cluster) only return results; ``Recorder`` alone writes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..errors import OutputError
from ..output import write_atomic
from .manifest import FILE_NAME as MANIFEST, Manifest, Record
from .tables import failure_rows, report_rows, write_tables
from .work import Result

try:
    import fcntl
except ImportError:  # Windows: no advisory locks; one run at a time is then up to the user.
    fcntl = None

REPORTS = "reports"
LOCK = ".lock"
# Temporary files live here until their rename, so those a crash leaves behind are found
# (and swept at the next run's start) without walking the whole folder.
SCRATCH = ".tmp"


class OutputFolder:
    """A batch's output folder: where each output goes, how it is written, and its lock."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._lock: Any = None

    @classmethod
    def for_run(cls, root: Path) -> OutputFolder:
        """Open (or create) the folder for a batch run, and lock it against a second run."""
        if root.exists() and not root.is_dir():
            raise OutputError(f"{root}: is a file; give a folder for --out")
        if root.is_dir() and any(root.iterdir()) and not (root / MANIFEST).is_file():
            raise OutputError(
                f"{root}: is not empty and holds no batch (no {MANIFEST}); choose a new or empty --out folder"
            )
        root.mkdir(parents=True, exist_ok=True)
        folder = cls(root)
        folder._take_lock()
        folder._sweep_scratch()
        return folder

    def _sweep_scratch(self) -> None:
        self.scratch.mkdir(exist_ok=True)
        for leftover in self.scratch.iterdir():
            leftover.unlink(missing_ok=True)

    @property
    def scratch(self) -> Path:
        return self.root / SCRATCH

    def _take_lock(self) -> None:
        if fcntl is None:
            return
        handle = open(self.root / LOCK, "a")
        try:
            # A POSIX record lock: released when this process dies, however it dies, and not
            # inherited by the worker processes it forks.
            fcntl.lockf(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            handle.close()
            raise OutputError(
                f"{self.root}: another memo-analyzer batch is writing to this folder; "
                "wait for it to finish or choose another --out"
            ) from None
        self._lock = handle

    def close(self) -> None:
        if self._lock is not None:
            self._lock.close()
            self._lock = None

    @property
    def manifest_path(self) -> Path:
        return self.root / MANIFEST

    def write_file(self, relative: str, text: str) -> None:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, text, overwrite=True, scratch=self._scratch_if_any())

    def _scratch_if_any(self) -> Path | None:
        """The scratch folder; a folder only summarised (not run into) may not have one."""
        return self.scratch if self.scratch.is_dir() else None

    def remove(self, relative: str) -> None:
        path = self.root / relative
        path.unlink(missing_ok=True)
        # Folders of reports/ the removal left empty go too, so the tree mirrors the inputs.
        for parent in path.parents:
            if parent in (self.root, self.root / REPORTS):
                break
            try:
                parent.rmdir()
            except OSError:
                break

    def exists(self, relative: str) -> bool:
        return (self.root / relative).is_file()


def report_path(name: str) -> str:
    """Where a document's JSON report goes: its name plus ``.json`` (``a/memo.txt.json``)."""
    return f"{REPORTS}/{name}.json"


class Recorder:
    """Turns results into files and manifest records, and decides what a run can skip."""

    def __init__(self, folder: OutputFolder, manifest: Manifest, fingerprint: str) -> None:
        self.folder = folder
        self.manifest = manifest
        self.fingerprint = fingerprint

    def unchanged(self, name: str, sha256: str) -> Record | None:
        """The document's record if it stands: same bytes, same analysis, report still there."""
        record = self.manifest.get(name)
        if record is None or record.content_sha256 != sha256 or record.fingerprint != self.fingerprint:
            return None
        if record.status == "ok" and not (record.report and self.folder.exists(record.report)):
            return None
        return record

    def source_in_run(self, name: str) -> str | None:
        """The path this run already read under ``name``, if any: two inputs may not share a name."""
        record = self.manifest.get(name)
        return record.source if record is not None and record.run == self.manifest.run else None

    def claim(self, name: str, source: str) -> None:
        self.manifest.claim(name, source)

    def record(self, result: Result) -> None:
        previous = self.manifest.get(result.name)
        if result.ok:
            path = report_path(result.name)
            self.folder.write_file(path, result.report_json)
            rows = report_rows(result.name, result.report, path)
        else:
            path = None
            rows = failure_rows(result.name, result.error, result.message)
        record = Record(result.name, result.source, result.sha256, self.fingerprint,
                        "ok" if result.ok else "error", path, self.manifest.run)
        self.manifest.put(record, rows)
        if previous is not None and previous.report and previous.report != path:
            self.folder.remove(previous.report)

    def problem(self, name: str, error: str, message: str) -> None:
        """An input that names no document: a row in errors.csv only."""
        self.manifest.put_problem(name, failure_rows(name, error, message, listed=False).errors_csv)

    def finish(self, *, prune: bool) -> int:
        """Write the tables from the manifest; with ``prune``, first forget documents no longer among the inputs.

        Returns how many documents were pruned.
        """
        pruned = 0
        if prune:
            for record in self.manifest.not_in_run():
                if record.report:
                    self.folder.remove(record.report)
                self.manifest.forget(record.name)
                pruned += 1
        self.manifest.commit()
        write_tables(self.folder.root, self.manifest.rows(), scratch=self.folder.scratch)
        return pruned
