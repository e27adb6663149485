"""The analyzer's options: validated once, then split into component configs.

Each option belongs to one stage. ``pipeline_config`` hands the component options to spaCy
(which rejects a misspelled key for us); the rest steer the stages after the pipeline.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

from .errors import OptionError, unknown_option


@dataclass(frozen=True)
class Options:
    batch_size: int = 32

    @classmethod
    def from_kwargs(cls, kwargs: dict[str, Any]) -> Options:
        valid = [f.name for f in fields(cls)]
        for name in kwargs:
            if name not in valid:
                raise unknown_option(name, valid)
        options = cls(**kwargs)
        options.validate()
        return options

    def validate(self) -> None:
        if not isinstance(self.batch_size, int) or self.batch_size < 1:
            raise OptionError(f"batch_size must be a positive integer, not {self.batch_size!r}")

    def as_kwargs(self) -> dict[str, Any]:
        """The options as ``Analyzer`` keyword arguments, so another process can build the same one."""
        return {f.name: getattr(self, f.name) for f in fields(self)}

    def pipeline_config(self) -> dict[str, dict[str, Any]]:
        """Config for each of our components, keyed by factory name."""
        return {}
