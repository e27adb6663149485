"""Where the data files that ship with the analyzer live, installed or in a checkout.

``lexicons/`` at the top of the repository is mapped to the package ``analyzer.lexicons``
(see pyproject.toml), so the wheel carries it and an editable install finds it the same way.
"""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable

PACKAGE = "analyzer.lexicons"


def data_dir() -> Traversable:
    return files(PACKAGE)


def data_file(name: str) -> Traversable:
    """A shipped data file by its path inside ``lexicons/`` (for example ``"stress.tsv"``)."""
    return data_dir().joinpath(*name.split("/"))
