"""The one gate every output passes: render, check for leaks, write atomically.

The CLI, the batch runner and library users all write reports through ``emit`` (or take
the checked text from ``checked``), so a redacted report can never reach a file or a screen
without the leak check, and a crash never leaves half a file. Nothing is replaced silently.

An output gets the permissions any other program's would: a new file what the umask allows
(``-rw-r--r--`` under the usual 022; set ``umask 077`` for reports only you may read), a
replaced file the mode it had. A temporary file alone would be private (0600), whatever the
user set.
"""

from __future__ import annotations

import os
import stat
import tempfile
from functools import partial
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

from .errors import OutputError
from .privacy import check_leaks
from .render import SHOWS_TEXT, render


def checked(report: Any, fmt: str, *, detail: bool = False) -> str:
    """``report`` rendered in ``fmt`` (markdown, json, html), once the leak check has passed;
    ``detail`` makes the Markdown report list every section's evidence and every claim.

    Raises ``LeakError`` when the report was redacted and a redacted string survives, or
    when the report lost its record of what was redacted (a copy or a JSON round trip).
    A format that shows the document's text gets each section's text back from the report.
    """
    if fmt in SHOWS_TEXT and hasattr(report, "with_bodies"):
        report = report.with_bodies()
    text = render(report, fmt, detail=detail)
    check_leaks(text, report, partial(render, fmt=fmt, detail=detail))
    return text


def emit(report: Any, fmt: str, destination: str | Path | None = None, *, overwrite: bool = False,
         detail: bool = False) -> str:
    """Render and check ``report``, then write it to ``destination`` (atomically, never over an
    existing file unless ``overwrite``); with no destination, only return the checked text."""
    text = checked(report, fmt, detail=detail)
    if destination is not None:
        write_atomic(destination, text, overwrite=overwrite)
    return text


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
