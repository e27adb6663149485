"""Small batch folders written by tests, and how tests read what a batch wrote.

Shared by the batch, cluster, fuzz and output tests; importable from any test folder
because pytest puts this folder (the one holding the root conftest.py) on the path.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

GOOD = {
    "alpha.md": "# Alpha plan\n\nThe launch went well. Everyone is proud of the team.\n",
    "notes/beta.txt": "Beta notes\n\nThe vendor missed the deadline again. We are worried about March.\n",
    "notes/deep/gamma.markdown": "# Gamma\n\n## Risks\n\nCosts rose by 40 percent. The board is unhappy.\n",
}
# Internal files of the folder: not outputs a user reads. (Leftover temporary files are not
# internal: a resumed run must have swept them.)
INTERNAL = {"manifest.sqlite", "manifest.sqlite-wal", ".lock"}
DOCUMENT_HEADER = ("path,title,date,words,sentiment,tone,stress_index,stress_level,top_categories,claims,status,"
                   "sections,sentences,lines,reading_ease,grade_level,sha256,report")
SECTION_HEADER = ("path,section,title,level,parent,line,end_line,words,sentences,sentiment,tone,reading_ease,"
                  "grade_level,stress_index,stress_level,top_categories,claims")


def write(folder: Path, files: dict[str, str | bytes]) -> Path:
    for name, content in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode())
    return folder


def outputs(folder: Path) -> dict[str, bytes]:
    """Every file a user reads in a batch folder, by relative path."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and p.name not in INTERNAL}


def table(folder: Path, name: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO((folder / name).read_text(encoding="utf-8"))))
