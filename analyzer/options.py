"""The analyzer's options: validated once, then split into component configs.

Each option belongs to one stage. ``build_pipeline`` reads the data files the options name
and hands them to the components; the rest steer the stages after the pipeline.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from .errors import OptionError, unknown_option

PRIVACY_MODES = ("standard", "strict")
# Names for allow/deny lists: a file of one name per line, or the names themselves.
NameList = str | Path | Iterable[str] | None


# A digest shorter than this has no room for a main point and a feeling; one longer than
# this is no digest.
MIN_DIGEST_WORDS, MAX_DIGEST_WORDS = 30, 5000


@dataclass(frozen=True)
class Options:
    batch_size: int = 32
    # Marker lexicon files added to ours (or used instead of ours with replace_lexicons).
    lexicons: tuple[str | Path, ...] = ()
    replace_lexicons: bool = False
    # Privacy (see analyzer/privacy): redact=True or any privacy mode pseudonymises people.
    redact: bool = False
    privacy: str | None = None
    pseudonym_key: str | Path | bytes | None = None
    allow: NameList = None
    deny: NameList = None
    pii_patterns: str | Path | None = None
    # Keep each section's body text in the report dict (``sections[].text``). Renderers that
    # show the text (HTML) have it either way; redaction covers it like every other string.
    section_text: bool = False
    # The digest's length in words, instead of a quarter of the text (60 to 600).
    digest_words: int | None = None

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
        if not isinstance(self.section_text, bool):
            raise OptionError(f"section_text must be True or False, not {self.section_text!r}")
        if self.digest_words is not None and (isinstance(self.digest_words, bool) or not isinstance(
                self.digest_words, int) or not MIN_DIGEST_WORDS <= self.digest_words <= MAX_DIGEST_WORDS):
            raise OptionError(f"digest_words (--digest-words) must be a whole number from {MIN_DIGEST_WORDS} to "
                              f"{MAX_DIGEST_WORDS}, not {self.digest_words!r}")
        if self.replace_lexicons and not self.lexicons:
            raise OptionError(
                "replace_lexicons (--replace-lexicons) needs at least one lexicon file (--lexicon PATH) "
                "to use instead of the built-in ones"
            )
        self._validate_privacy()

    def _validate_privacy(self) -> None:
        if not isinstance(self.redact, bool):
            raise OptionError(f"redact must be True or False, not {self.redact!r}")
        if self.privacy is not None and self.privacy not in PRIVACY_MODES:
            raise OptionError(f"privacy must be one of {', '.join(PRIVACY_MODES)}, not {self.privacy!r}")
        needs_redaction = ("pseudonym_key", "allow", "deny", "pii_patterns")
        given = [name for name in needs_redaction if getattr(self, name) is not None]
        if given and not self.privacy_mode:
            raise OptionError(f"{', '.join(given)} {'applies' if len(given) == 1 else 'apply'} only when "
                              "redacting; pass redact=True (--redact) or a privacy mode (--privacy)")

    @property
    def privacy_mode(self) -> str | None:
        """The privacy mode in force, or None when nothing is redacted."""
        if self.privacy is not None:
            return self.privacy
        return "standard" if self.redact else None

    def as_kwargs(self) -> dict[str, Any]:
        """The options as ``Analyzer`` keyword arguments, so another process can build the same one."""
        return {f.name: getattr(self, f.name) for f in fields(self)}
