"""Start-up: the command line imports its commands only when they run, so ``--version`` reads
no command module; ``--help`` reads the parse command but not the parser, the models or the
batch; and the names the package has always offered still resolve."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import click

import weeknote_parser.cli as cli

COMMAND_MODULES = (
    "weeknote_parser.cli.parse",
    "weeknote_parser.cli.export",
    "weeknote_parser.batch",
    "weeknote_parser.outputs",
)
# What parsing needs and help text does not.
PARSING_MODULES = (
    "weeknote_parser.models",
    "weeknote_parser.options",
    "weeknote_parser.config",
    "weeknote_parser.parser",
    "weeknote_parser.batch",
    "weeknote_parser.readers",
    "weeknote_parser.outputs",
    "pydantic.main",
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


def _loaded_after(*args: str, modules: tuple[str, ...] = COMMAND_MODULES) -> list[str]:
    code = PROBE.format(args=list(args), modules=modules)
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


def test_help_loads_neither_the_parser_nor_the_models() -> None:
    for args in (
        ["--help"], ["parse", "--help"], ["-h"], ["export", "sqlite", "--help"],
        ["series", "--help"], ["report", "--help"],
    ):  # fmt: skip
        assert _loaded_after(*args, modules=PARSING_MODULES) == [], args


def test_parsing_loads_what_help_does_not(tmp_path: Path) -> None:
    # The probe itself can see these modules load: the test above is not empty by accident.
    note = tmp_path / "note.txt"
    note.write_text("Weeknote 3.24\n\nA week.\n", encoding="utf-8")
    loaded = _loaded_after(str(note), modules=PARSING_MODULES)
    assert set(loaded) == set(PARSING_MODULES)


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
