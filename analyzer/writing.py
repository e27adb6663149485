"""Write outputs so a crash never leaves half a file and nothing is replaced silently.

An output gets the permissions any other program's would: a new file what the umask
allows (``-rw-r--r--`` under the usual 022; set ``umask 077`` for reports only you may
read), a replaced file the mode it had. A temporary file alone would be private (0600),
whatever the user set.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from .errors import OutputError


def write_atomic(path: str | Path, text: str, *, overwrite: bool = False, scratch: Path | None = None) -> None:
    """Write ``text`` to ``path`` through a temporary file and a rename.

    An existing file is kept unless ``overwrite`` is set: a report never replaces a user's
    file by surprise.
    """
    with open_atomic(path, overwrite=overwrite, scratch=scratch) as handle:
        handle.write(text)


@contextmanager
def open_atomic(
    path: str | Path, *, overwrite: bool = False, newline: str = "\n", scratch: Path | None = None
) -> Iterator[TextIO]:
    """A UTF-8 text handle whose content appears at ``path`` only if the block succeeds.

    For outputs written piece by piece (a table streamed row by row): until the rename,
    readers see the previous file whole, and a crash leaves at most a hidden temporary file.
    ``newline=""`` hands line endings to the caller, as the ``csv`` module wants. The
    temporary file goes in ``scratch`` if given (a folder on the same file system, which a
    caller can sweep after a crash), else beside ``path``.
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
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=scratch or parent)
    except OSError as e:
        raise OutputError(f"{target}: cannot be written ({e.strerror or e})") from None
    try:
        os.chmod(tmp, _mode_for(target))
        with os.fdopen(fd, "w", encoding="utf-8", newline=newline) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except OSError as e:
        Path(tmp).unlink(missing_ok=True)
        raise OutputError(f"{target}: cannot be written ({e.strerror or e})") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _mode_for(target: Path) -> int:
    """The mode ``target`` keeps if it exists, else the one the umask gives a new file."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        return 0o666 & ~current_umask()


def current_umask() -> int:
    """This process's umask. Linux shows it in /proc; elsewhere reading it means setting it
    (to a private value, for the instant until it is set back)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o077)
    os.umask(mask)
    return mask
