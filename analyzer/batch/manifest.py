"""The batch's memory between runs: what each document was, what became of it, and its rows.

The manifest is an SQLite database in the output folder. Each document's record holds the
hash of its bytes, the fingerprint of the analysis that scored it (analyzer version, model,
options, lexicons), its status, its report's name and its rendered table rows. It is the
source of truth for the tables: they are rebuilt from it, sorted by name, so a run that was
killed and resumed writes exactly the tables of a run that never stopped.

Why SQLite rather than a JSON file: a commit is atomic and survives ``kill -9`` (its journal
rolls a half-done commit back), a lookup reads one record rather than loading a million,
and the tables stream out of it in name order with flat memory.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, fields
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from .._version import __version__
from ..errors import OutputError
from ..options import Options
from ..report.vocab import SCHEMA_VERSION
from ..data.files import data_dir

FILE_NAME = "manifest.sqlite"
# Bump when the tables below change shape; an older manifest is then refused, not misread.
FORMAT = 1
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    name TEXT PRIMARY KEY,       -- the document's name in the outputs
    source TEXT NOT NULL,        -- the path it was last read from
    content_sha256 TEXT,         -- of its bytes; NULL when the outcome did not depend on them
    fingerprint TEXT NOT NULL,   -- of the analysis that produced the record
    status TEXT NOT NULL,        -- ok | error | pending (claimed by a run, no result yet)
    report TEXT,                 -- the JSON report's path in the output folder
    documents_csv TEXT NOT NULL, -- its rendered rows in each table
    sections_csv TEXT NOT NULL,
    claims_jsonl TEXT NOT NULL,
    errors_csv TEXT NOT NULL,
    run INTEGER NOT NULL         -- the last run whose inputs included it
);
-- Inputs of the current run that name no document (a missing file, a duplicate name).
CREATE TABLE IF NOT EXISTS problems (name TEXT PRIMARY KEY, errors_csv TEXT NOT NULL);
"""
# A document's result is committed as soon as it is recorded (``put``), so a ``kill -9``
# costs only the documents in flight, never finished ones waiting for a later commit. The
# changes a result does not depend on (a claim, an input problem, a pruned record) ride
# along with the next commit, or are committed every this many when no result comes in
# between (a rerun that skips a large archive).
COMMIT_EVERY = 200


@dataclass(frozen=True)
class Rows:
    """A document's rendered rows, one text per table (empty when it has none)."""

    documents_csv: str = ""
    sections_csv: str = ""
    claims_jsonl: str = ""
    errors_csv: str = ""


TABLE_FIELDS = tuple(f.name for f in fields(Rows))
_NO_ROWS = ", ".join("''" for _ in TABLE_FIELDS)


@dataclass(frozen=True)
class Record:
    name: str
    source: str
    content_sha256: str | None
    fingerprint: str
    status: str
    report: str | None
    run: int


class Manifest:
    """One output folder's manifest; open it once per run (the folder's lock keeps runs apart)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self.db = sqlite3.connect(path)
            # A commit per document must be cheap: a write-ahead log commits with one sync
            # (a rollback journal takes several, 5 to 10 ms), FULL keeps a commit through a
            # power cut, and the exclusive lock (one run per folder anyway) keeps its index
            # in memory rather than in a shared-memory file beside the manifest.
            self.db.execute("PRAGMA locking_mode = EXCLUSIVE")
            self.db.execute("PRAGMA journal_mode = WAL")
            self.db.execute("PRAGMA synchronous = FULL")
            self.db.executescript(_SCHEMA)
        except sqlite3.DatabaseError as e:
            raise OutputError(f"{path}: is not a usable batch manifest ({e}); choose a new --out folder") from None
        self._check_format()
        self.run = 0
        self._pending = 0

    def _check_format(self) -> None:
        found = self._meta("format")
        if found is None:
            self._set_meta("format", str(FORMAT))
            self.db.commit()
        elif found != str(FORMAT):
            raise OutputError(
                f"{self.path}: was written by another version of memo-analyzer (manifest format "
                f"{found}, this one reads {FORMAT}); choose a new --out folder"
            )

    def _meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def _set_meta(self, key: str, value: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))

    def start_run(self) -> int:
        """Number this run and forget the previous run's input problems."""
        self.run = int(self._meta("run") or 0) + 1
        self._set_meta("run", str(self.run))
        self.db.execute("DELETE FROM problems")
        self.db.commit()
        return self.run

    def get(self, name: str) -> Record | None:
        row = self.db.execute(
            "SELECT name, source, content_sha256, fingerprint, status, report, run FROM documents WHERE name = ?",
            (name,),
        ).fetchone()
        return Record(*row) if row else None

    def put(self, record: Record, rows: Rows) -> None:
        self.db.execute(
            f"INSERT OR REPLACE INTO documents (name, source, content_sha256, fingerprint, status, report, "
            f"{', '.join(TABLE_FIELDS)}, run) VALUES ({', '.join('?' * (7 + len(TABLE_FIELDS)))})",
            (record.name, record.source, record.content_sha256, record.fingerprint, record.status,
             record.report, *(getattr(rows, f) for f in TABLE_FIELDS), self.run),
        )
        self.commit()

    def claim(self, name: str, source: str) -> None:
        """Mark ``name`` as one of this run's inputs, read from ``source``, before its result is in.

        Results arrive out of order, so a later input with the same name must find this
        mark at once, not when the first one's result comes back. An earlier result stays.
        """
        self.db.execute(
            f"INSERT INTO documents (name, source, fingerprint, status, {', '.join(TABLE_FIELDS)}, run) "
            f"VALUES (?, ?, '', 'pending', {_NO_ROWS}, ?) "
            "ON CONFLICT (name) DO UPDATE SET source = excluded.source, run = excluded.run",
            (name, source, self.run),
        )
        self._changed()

    def put_problem(self, name: str, errors_csv: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO problems (name, errors_csv) VALUES (?, ?)", (name, errors_csv))
        self._changed()

    def _changed(self) -> None:
        self._pending += 1
        if self._pending >= COMMIT_EVERY:
            self.commit()

    def commit(self) -> None:
        self.db.commit()
        self._pending = 0

    def rows(self) -> Iterator[tuple[str, Rows]]:
        """Every document's rows and every input problem's, sorted by name, streamed."""
        cursor = self.db.execute(
            f"SELECT name, {', '.join(TABLE_FIELDS)} FROM documents "
            f"UNION ALL SELECT name, '', '', '', errors_csv FROM problems ORDER BY name"
        )
        for name, *texts in cursor:
            yield name, Rows(*texts)

    def not_in_run(self) -> Iterator[Record]:
        """Documents of earlier runs that this run's inputs no longer include."""
        cursor = self.db.execute(
            "SELECT name, source, content_sha256, fingerprint, status, report, run FROM documents WHERE run < ?",
            (self.run,),
        )
        return (Record(*row) for row in cursor.fetchall())

    def forget(self, name: str) -> None:
        self.db.execute("DELETE FROM documents WHERE name = ?", (name,))
        self._changed()

    def close(self) -> None:
        self.commit()
        self.db.close()


def fingerprint(*, model: str, options: Options, include_text: bool, columns: Any) -> str:
    """What must match for an earlier result to stand: a change to any of it redoes the document.

    Options are taken field by field; an option naming a file (a user's lexicon) counts by
    that file's content, so editing the file redoes the batch.
    """
    settings = options.as_kwargs()
    parts = {
        "analyzer": __version__,
        "schema": SCHEMA_VERSION,
        "model": model,
        "options": settings,
        "files": {name: _file_sha256(value) for name, value in settings.items() if _is_file(value)},
        "lexicons": lexicons_sha256(),
        "include_text": include_text,
        "columns": columns,
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode()).hexdigest()


def lexicons_sha256() -> str:
    """One hash over every shipped data file, names and bytes, in a stable order."""
    digest = hashlib.sha256()
    for name, entry in sorted(_data_files(data_dir(), "")):
        digest.update(name.encode() + b"\0" + entry.read_bytes() + b"\0")
    return digest.hexdigest()


def _data_files(folder: Traversable, prefix: str) -> Iterator[tuple[str, Traversable]]:
    for entry in folder.iterdir():
        name = prefix + entry.name
        if entry.is_dir():
            if entry.name != "__pycache__":
                yield from _data_files(entry, name + "/")
        elif not entry.name.endswith(".pyc"):
            yield name, entry


def _is_file(value: Any) -> bool:
    try:
        return isinstance(value, (str, Path)) and bool(str(value)) and Path(value).is_file()
    except (OSError, ValueError):
        return False


def _file_sha256(value: str | Path) -> str:
    return hashlib.sha256(Path(value).read_bytes()).hexdigest()
