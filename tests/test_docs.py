"""The README is the truth for a new user: its API list, commands and test command must be real."""

from __future__ import annotations

import re
from pathlib import Path

import click
import pytest

import geomap
from geomap.cli import cli

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_opens_with_install_map_and_test_commands():
    first = re.search(r"```bash\n(.*?)```", README, re.S).group(1).splitlines()
    assert first[0].startswith('pip install -e ".[test]"')
    assert first[1].startswith("geomap map examples/bakhmut-2023-02-16.txt -o ")
    assert first[2].startswith("pytest")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert 'pip install -q -e ".[test]"' in ci and "\n" + first[2].split("#")[0].strip() + "\n" in ci


def test_public_api_matches_the_readme():
    listed = set(re.findall(r"`geomap\.(\w+)`", README.split("The public API is", 1)[1].split("\n\n")[0]))
    assert listed == set(geomap.__all__)
    for name in geomap.__all__:
        assert getattr(geomap, name) is not None


def _commands(group: click.Group, prefix: str = "") -> list[tuple[str, click.Command]]:
    found = []
    for name, command in group.commands.items():
        found.append((prefix + name, command))
        if isinstance(command, click.Group):
            found.extend(_commands(command, prefix + name + " "))
    return found


@pytest.mark.parametrize(("name", "command"), _commands(cli))
def test_every_command_has_help_and_is_in_the_readme(name, command):
    assert command.help and command.help.strip()
    top = name.split()[0]
    assert f"geomap {top}" in README
    if not isinstance(command, click.Group):
        assert "Example:" in command.help, f"{name}: docstring should end with an Example"
