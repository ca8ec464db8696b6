"""Start-up: the command line imports its commands only when they run, so ``--version`` reads
no command module, and the names the package has always offered still resolve."""

from __future__ import annotations

import subprocess
import sys

import click

import weeknote_parser.cli as cli

COMMAND_MODULES = (
    "weeknote_parser.cli.parse",
    "weeknote_parser.cli.export",
    "weeknote_parser.batch",
    "weeknote_parser.outputs",
)
PROBE = """
import sys
from weeknote_parser.cli import group
try:
    group.main({args!r}, prog_name="weeknote-parse")
except SystemExit:
    pass
print("loaded:" + ",".join(m for m in {modules!r} if m in sys.modules))
"""


def _loaded_after(*args: str) -> list[str]:
    code = PROBE.format(args=list(args), modules=COMMAND_MODULES)
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, check=True, text=True, timeout=60
    )
    last = result.stdout.splitlines()[-1]
    assert last.startswith("loaded:")
    return [name for name in last.removeprefix("loaded:").split(",") if name]


def test_version_imports_no_command() -> None:
    assert _loaded_after("--version") == []


def test_a_command_is_imported_when_it_runs() -> None:
    assert "weeknote_parser.cli.parse" in _loaded_after("parse", "--help")


def test_the_group_lists_its_lazy_commands() -> None:
    with click.Context(cli.group) as ctx:
        names = cli.group.list_commands(ctx)
        assert {"parse", "export"} <= set(names)
        found = cli.group.get_command(ctx, "parse")
        assert isinstance(found, click.Command)
        assert found is cli.command


def test_the_names_the_package_offers_still_resolve() -> None:
    for name in cli.__all__:
        assert getattr(cli, name) is not None
    assert cli.EXIT_OK == 0
