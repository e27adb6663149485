"""The README stays true: its commands are the ones CI runs, and it documents every option."""

import re
from pathlib import Path

from analyzer.cli import cli

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text()
CI = (ROOT / ".ci" / "run").read_text()


def shell_blocks() -> list[str]:
    return re.findall(r"```sh\n(.*?)```", README, flags=re.S)


def test_ci_runs_the_readme_install_and_test_commands():
    setup, tests = shell_blocks()[:2]
    install = setup.strip().split(" && .venv/bin/memo-analyzer")[0]
    assert install in CI.splitlines()
    assert tests.strip() in CI.splitlines()


def test_readme_runs_a_sample_that_exists():
    setup = shell_blocks()[0]
    sample = re.search(r"analyze (samples/\S+)", setup).group(1)
    assert (ROOT / sample).is_file()


def test_every_command_and_option_is_in_the_readme():
    for name, command in cli.commands.items():
        assert f"memo-analyzer {name}" in README
        for param in command.params:
            for opt in param.opts:
                if opt.startswith("--"):
                    assert f"{opt}" in README, f"{name} {opt} is not documented"
