"""Where the data files that ship with the analyzer live, and how any data file is read.

``lexicons/`` at the top of the repository is mapped to the package ``analyzer.lexicons``
(see pyproject.toml), so the wheel carries it and an editable install finds it the same way.
Shipped files and the files a user names (``--lexicon``, ``--pii-patterns``, ``--allow``,
a pseudonym key) are read by the same function, so every failed read is one error naming
the file and what it was for.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

from ..errors import AnalyzerError, LexiconError

PACKAGE = "analyzer.lexicons"


@dataclass(frozen=True)
class DataText:
    """A data file's text and the name errors and evidence cite it by.

    Components keep the texts they were built from, so a pipeline saved with ``to_disk``
    rebuilds them from the same text, and a marker's evidence still names the file it came from.
    """

    source: str
    text: str


def data_dir() -> Traversable:
    return files(PACKAGE)


def data_file(name: str) -> Traversable:
    """A shipped data file by its path inside ``lexicons/`` (for example ``"markers/stress.tsv"``)."""
    return data_dir().joinpath(*name.split("/"))


def shipped(name: str) -> DataText:
    """A shipped data file's text, cited as ``lexicons/<name>``."""
    return read_text(data_file(name), f"lexicons/{name}")


def read_text(file: Traversable | Path | str, source: str | None = None) -> DataText:
    """The UTF-8 text of ``file`` (a byte-order mark is dropped), or a ``LexiconError`` saying why not."""
    source = source or str(file)

    def fail(problem: str) -> LexiconError:
        return LexiconError(f"{source}: {problem}")

    data = read_bytes(Path(file) if isinstance(file, str) else file, fail)
    try:
        return DataText(source, data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise fail("is not UTF-8 text; save it as UTF-8") from None


def read_bytes(file: Traversable | Path, fail: Callable[[str], AnalyzerError]) -> bytes:
    """The bytes of a file a user named or we ship, every failure a one-line error: ``fail``
    turns the problem ("no such file") into the caller's error, naming what the file was for."""
    try:
        return file.read_bytes()
    except FileNotFoundError:
        raise fail("no such file") from None
    except IsADirectoryError:
        raise fail("is a directory, not a file") from None
    except PermissionError:
        raise fail("permission denied") from None
    except OSError as e:
        raise fail(f"cannot be read ({e.strerror or e})") from None
