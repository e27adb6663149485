"""memo-analyzer: offline emotional and factual takeaways from workplace memos.

The public names load spaCy on first use, not on import, so ``memo-analyzer --help`` and
``--version`` answer at once.
"""

from importlib import import_module
from typing import Any

from ._version import __version__

_EXPORTS = {
    "Analyzer": "api",
    "analyze": "api",
    "AnalyzerError": "errors",
    "InputError": "errors",
    "LexiconError": "errors",
    "ModelNotFoundError": "errors",
    "OptionError": "errors",
}

__all__ = [*_EXPORTS, "__version__"]


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(import_module(f".{_EXPORTS[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
