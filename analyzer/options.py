"""The analyzer's options: validated once, then split into component configs.

Each option belongs to one stage. ``pipeline_config`` hands the component options to spaCy
(which rejects a misspelled key for us); the rest steer the stages after the pipeline.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from .errors import OptionError, unknown_option


@dataclass(frozen=True)
class Options:
    batch_size: int = 32
    # Marker lexicon files added to ours (or used instead of ours with replace_lexicons).
    lexicons: tuple[str | Path, ...] = ()
    replace_lexicons: bool = False

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
        if isinstance(self.lexicons, (str, Path)) or not all(isinstance(p, (str, Path)) for p in self.lexicons):
            raise OptionError(f"lexicons must be a list of file paths, not {self.lexicons!r}")
        if not isinstance(self.replace_lexicons, bool):
            raise OptionError(f"replace_lexicons must be True or False, not {self.replace_lexicons!r}")
        if self.replace_lexicons and not self.lexicons:
            raise OptionError(
                "replace_lexicons (--replace-lexicons) needs at least one lexicon file (--lexicon PATH) "
                "to use instead of the built-in ones"
            )

    def pipeline_config(self) -> dict[str, dict[str, Any]]:
        """Config for each of our components, keyed by factory name."""
        return {
            "analyzer_markers": {
                # Absolute, so a pipeline cached for one working directory is not reused wrongly.
                "lexicons": [str(Path(p).resolve()) for p in self.lexicons],
                "replace_lexicons": self.replace_lexicons,
            },
        }
