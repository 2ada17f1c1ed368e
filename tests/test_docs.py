"""Every command and option of the CLI is documented in the README, so users can find what exists."""

import click
import pytest

from conftest import REPO
from storyline.cli import main

README = (REPO / "README.md").read_text(encoding="utf-8")


def _commands(group: click.Group, prefix: str = ""):
    for name, command in group.commands.items():
        yield f"{prefix}{name}", command
        if isinstance(command, click.Group):
            yield from _commands(command, f"{prefix}{name} ")


COMMANDS = [(name, command) for name, command in _commands(main) if not isinstance(command, click.Group)]


@pytest.mark.parametrize(("name", "command"), COMMANDS, ids=[name for name, _ in COMMANDS])
def test_docs_command_and_its_options_are_in_the_readme(name, command):
    assert f"storyline {name}" in README
    for parameter in command.params:
        if isinstance(parameter, click.Option) and parameter.name != "help":
            assert parameter.opts[-1] in README, f"{parameter.opts[-1]} of `storyline {name}` is not in README.md"
