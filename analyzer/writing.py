"""Write outputs so a crash never leaves half a file and nothing is replaced silently."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .errors import OutputError


def write_atomic(path: str | Path, text: str, *, overwrite: bool = False) -> None:
    """Write ``text`` to ``path`` through a temporary file and a rename.

    An existing file is kept unless ``overwrite`` is set: a report never replaces a user's
    file by surprise.
    """
    target = Path(path)
    if target.is_dir():
        raise OutputError(f"{target}: is a directory; give a file name for the report")
    if target.exists() and not overwrite:
        raise OutputError(f"{target}: already exists; pass --force to replace it")
    parent = target.parent if str(target.parent) else Path(".")
    if not parent.is_dir():
        raise OutputError(f"{parent}: no such directory")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=parent)
    except OSError as e:
        raise OutputError(f"{target}: cannot be written ({e.strerror or e})") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except OSError as e:
        Path(tmp).unlink(missing_ok=True)
        raise OutputError(f"{target}: cannot be written ({e.strerror or e})") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
