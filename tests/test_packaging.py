"""The wheel carries the data files, so an installed analyzer finds its lexicons."""

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_built_wheel_contains_every_lexicon_file(tmp_path):
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index", "-q",
         "-w", str(tmp_path), str(ROOT)],
        capture_output=True, text=True, timeout=300,
    )
    assert build.returncode == 0, build.stderr
    (wheel,) = tmp_path.glob("memo_analyzer-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped = {
        "analyzer/lexicons/" + p.relative_to(ROOT / "lexicons").as_posix()
        for p in (ROOT / "lexicons").rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }
    assert shipped and shipped <= names, sorted(shipped - names)
    assert "analyzer/render/markdown.py" in names
