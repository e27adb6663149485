"""Components built from data files: data handed over once, and saved with the pipeline.

``build_pipeline`` reads every data file once and hands the parsed data to the components
that use it through their ``initialize``, as spaCy's own rule components take their
patterns. A component added on its own loads the shipped data on first use. ``to_disk``
writes the texts a component was built from, and ``from_disk`` rebuilds it from them, so a
pipeline saved with ``nlp.to_disk`` gives the same reports without our files. Nothing a
user passes for one run only (allow and deny lists, keys) goes into the saved texts or into
``nlp.config``.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import srsly

from .files import DataText

TEXTS_FILE = "texts.json"


class DataComponent(ABC):
    """The saving and lazy loading shared by our data-backed components.

    A subclass implements ``initialize(get_examples=None, *, nlp=None, **data)``, which must
    set ``self.texts`` to the texts (``DataText``, or tuples and dataclasses of them) the
    data came from, and ``rebuild(texts)``, which turns saved texts back into the keyword
    arguments of ``initialize``.
    """

    texts: dict[str, Any] | None = None

    def ensure_initialized(self) -> None:
        """Load the shipped data if nobody handed any over (a component used on its own)."""
        if self.texts is None:
            self.initialize()

    @abstractmethod
    def initialize(self, get_examples: Any = None, *, nlp: Any = None, **data: Any) -> None:
        """Take the data (the shipped data when none is given) and build what matches it."""

    @abstractmethod
    def rebuild(self, texts: dict[str, Any]) -> dict[str, Any]:
        """The keyword arguments of ``initialize`` for texts saved by ``to_disk``."""

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        self.ensure_initialized()
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_json(path / TEXTS_FILE, {name: _dump(value) for name, value in (self.texts or {}).items()})

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> DataComponent:
        saved = srsly.read_json(Path(path) / TEXTS_FILE)
        self.initialize(**self.rebuild({name: _load(value) for name, value in saved.items()}))
        return self


def _dump(value: Any) -> Any:
    if isinstance(value, DataText):
        return {"source": value.source, "text": value.text}
    if isinstance(value, (list, tuple)):
        return [_dump(v) for v in value]
    if hasattr(value, "__dataclass_fields__"):
        return {name: _dump(getattr(value, name)) for name in value.__dataclass_fields__}
    return value


def _load(value: Any) -> Any:
    """Saved texts as ``DataText`` again; lists become tuples, other dicts stay dicts."""
    if isinstance(value, dict) and set(value) == {"source", "text"}:
        return DataText(value["source"], value["text"])
    if isinstance(value, list):
        return tuple(_load(v) for v in value)
    if isinstance(value, dict):
        return {k: _load(v) for k, v in value.items()}
    return value
