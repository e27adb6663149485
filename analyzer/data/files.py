"""Where the data files that ship with the analyzer live, and how any data file is read.

``lexicons/`` at the top of the repository is mapped to the package ``analyzer.lexicons``
(see pyproject.toml), so the wheel carries it and an editable install finds it the same way.
Shipped files and the files a user names (``--lexicon``, ``--pii-patterns``) are read by
the same function, so every failed read is one ``LexiconError`` naming the file.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

from ..errors import LexiconError

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
    path = Path(file) if isinstance(file, str) else file
    try:
        return DataText(source, path.read_bytes().decode("utf-8-sig"))
    except FileNotFoundError:
        raise LexiconError(f"{source}: no such file; check the path") from None
    except IsADirectoryError:
        raise LexiconError(f"{source}: is a directory; give a file") from None
    except UnicodeDecodeError:
        raise LexiconError(f"{source}: is not UTF-8 text; save it as UTF-8") from None
    except OSError as e:
        raise LexiconError(f"{source}: cannot be read ({e.strerror or e})") from None
