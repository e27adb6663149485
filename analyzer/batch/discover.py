"""Find the documents a batch reads: files, folders (recursively), globs, or paths on stdin.

Discovery streams: a folder is walked one directory listing at a time, so an archive of any
size never sits in memory as a list. The order is stable (arguments in order, folders in
name order), so two runs over the same inputs meet the documents in the same order.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from ..errors import UnreadableInputError
from ..text.docx_text import DOCX_SUFFIXES
from ..text.msg_text import MSG_SUFFIXES
from ..text.odt_text import ODT_SUFFIXES
from ..text.rtf_text import RTF_SUFFIXES
from ..text.read import EMAIL_SUFFIXES, STDIN

# What a folder walk picks up; a file named on the command line is read whatever its suffix.
SUFFIXES = (".txt", ".md", ".markdown", *EMAIL_SUFFIXES, *MSG_SUFFIXES, *DOCX_SUFFIXES, *ODT_SUFFIXES,
            *RTF_SUFFIXES)


@dataclass(frozen=True)
class Found:
    """A document to read: where it is, and its name in the outputs.

    ``name`` is a relative POSIX path: relative to the folder (or the fixed part of the
    glob) it was found under, or to the current directory for a file named directly. It
    names the document's report and its rows, so it never climbs out with ``..``.
    """

    path: Path
    name: str


@dataclass(frozen=True)
class NotFound:
    """An input argument that names nothing: it becomes a row of errors.csv."""

    name: str
    error: str
    message: str


def discover(
    inputs: Iterable[str], *, stdin: TextIO | None = None, exclude: Path | None = None
) -> Iterator[Found | NotFound]:
    """Every document the inputs name, in a stable order; ``exclude`` (the output folder) is skipped."""
    skip = exclude.resolve() if exclude is not None else None
    for arg in inputs:
        if arg == STDIN:
            for line in stdin or ():
                # One path per line, as `find` prints them, taken literally: no glob expansion.
                path = line.rstrip("\r\n")
                if path.strip():
                    yield from _named(path, skip)
        elif not os.path.exists(arg) and glob.has_magic(arg):
            yield from _globbed(arg, skip)
        else:
            yield from _named(arg, skip)


def _named(arg: str, skip: Path | None) -> Iterator[Found | NotFound]:
    path = Path(arg)
    if not path.exists():
        yield _missing(arg, "no such file or folder")
    elif path.is_dir():
        yield from _walk(path, path, skip)
    elif not path.is_file():
        # A pipe or a device would block the run or never end; neither is a memo.
        yield _missing(arg, "is not a regular file")
    else:
        yield Found(path, _own_name(path))


def _walk(folder: Path, root: Path, skip: Path | None) -> Iterator[Found]:
    """Documents under ``folder`` in name order; hidden entries and symlinked folders are left out."""
    if skip is not None and folder.resolve() == skip:
        return
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        # An unreadable subfolder holds nothing we can name; the rest of the walk goes on.
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(path, root, skip)
        elif entry.name.lower().endswith(SUFFIXES) and entry.is_file():
            yield Found(path, path.relative_to(root).as_posix())


def _globbed(pattern: str, skip: Path | None) -> Iterator[Found | NotFound]:
    root = _fixed_part(pattern)
    matches = 0
    for match in sorted(glob.iglob(pattern, recursive=True)):
        path = Path(match)
        if path.is_file() and not (skip and path.resolve().is_relative_to(skip)):
            matches += 1
            yield Found(path, _name_under(path, root))
    if not matches:
        yield _missing(pattern, "matches no file")


def _fixed_part(pattern: str) -> Path:
    """The folder a glob starts from: its leading parts that hold no wildcard."""
    fixed = []
    for part in Path(pattern).parts[:-1]:
        if glob.has_magic(part):
            break
        fixed.append(part)
    return Path(*fixed) if fixed else Path(".")


def _name_under(path: Path, root: Path) -> str:
    """``path`` relative to ``root``; a match outside it (``..`` in the glob) is named as if given directly."""
    name = os.path.relpath(os.path.abspath(path), os.path.abspath(root))
    return _own_name(path) if name.startswith("..") else Path(name).as_posix()


def _own_name(path: Path) -> str:
    """A directly named file's name: relative to the current folder, else its absolute path unanchored."""
    absolute = Path(os.path.abspath(path))
    try:
        return absolute.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return absolute.relative_to(absolute.anchor).as_posix()


def _missing(arg: str, why: str) -> NotFound:
    return NotFound(arg, UnreadableInputError.__name__, f"{arg}: {why}")
