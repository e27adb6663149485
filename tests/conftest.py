"""Shared fixtures: the parser is loaded once per test session."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from analyzer import Analyzer
from analyzer.cli import cli


@pytest.fixture(scope="session")
def analyzer() -> Analyzer:
    return Analyzer()


@pytest.fixture(scope="session")
def nlp(analyzer: Analyzer):
    return analyzer.nlp


@pytest.fixture(scope="session")
def budgeted():
    """An Analyzer whose digest has the given number of words. The budget is fixed when the
    pipeline is built, so each one is built once and shared by the tests that ask for it."""
    built: dict[int, Analyzer] = {}

    def analyzer_for(words: int) -> Analyzer:
        if words not in built:
            built[words] = Analyzer(digest_words=words)
        return built[words]

    return analyzer_for


@pytest.fixture(scope="session")
def run_cli():
    """Run the CLI in-process; stdout and stderr are kept apart. Each call is a run of its own,
    so one runner serves the session, module fixtures included."""
    runner = CliRunner()

    def run(*args: str, input: bytes | str | None = None):
        return runner.invoke(cli, list(args), input=input, catch_exceptions=False)

    return run
