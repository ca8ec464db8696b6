"""The ``weeknote-parse`` command line: a thin layer over the library.

``weeknote-parse PATH...`` parses (the ``parse`` command, the default when the first word
names no other command); ``weeknote-parse export sqlite DB PATH...`` builds a database;
``weeknote-parse series PATH...`` reads notes as series and ``weeknote-parse report PATH...
-o report.html`` draws them as a page.

Exit codes: 0 every input parsed; 1 at least one input could not be read (each is reported
on stderr and the rest are still parsed), or the output could not be written; 2 the command
line or a setting is invalid; 3 an internal error.

The commands are imported when they are run (``LAZY_COMMANDS``), so ``--version`` reads no
more than this module and click.
"""

from __future__ import annotations

import sys
from importlib import import_module
from typing import TYPE_CHECKING, Any

import click

if TYPE_CHECKING:  # imported on first use (see __getattr__ below)
    from .export import export
    from .parse import command
    from .settings import build_config, parse_options
    from .sink import EXIT_INPUT_ERROR, EXIT_INTERNAL, EXIT_OK, EXIT_USAGE
    from .sink import input_that_is_output as _input_that_is_output
    from .types import ByteSize, DateType

DEFAULT_COMMAND = "parse"
# name -> "module:attribute" of a command, imported the first time it is looked up.
LAZY_COMMANDS: dict[str, str] = {
    "parse": "weeknote_parser.cli.parse:command",
    "export": "weeknote_parser.cli.export:export",
    "series": "weeknote_parser.cli.series:series",
    "report": "weeknote_parser.cli.report:report",
}


class Commands(click.Group):
    """A group whose first word, when it names none of its commands, is a path to parse:
    ``weeknote-parse notes/`` is ``weeknote-parse parse notes/``. Its commands in
    ``LAZY_COMMANDS`` are imported when first looked up."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *LAZY_COMMANDS})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in LAZY_COMMANDS:
            module, _, attribute = LAZY_COMMANDS[cmd_name].partition(":")
            self.add_command(getattr(import_module(module), attribute), cmd_name)
        return super().get_command(ctx, cmd_name)

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args == ["--version"]:  # the group's own option: no command is imported
            return super().parse_args(ctx, args)
        if not args or (args[0] not in self.commands and args[0] not in LAZY_COMMANDS):
            args = [DEFAULT_COMMAND, *args]
        return super().parse_args(ctx, args)


@click.group(cls=Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="weeknote-parser", prog_name="weeknote-parse")
def group() -> None:
    """Parse weeknotes into structured data (see 'weeknote-parse parse --help')."""


def main() -> None:
    """Entry point for the ``weeknote-parse`` console script."""
    if sys.stdout is None:  # started with standard output closed ('>&-')
        from .sink import EXIT_INPUT_ERROR, fail

        fail("cannot write output: standard output is closed", EXIT_INPUT_ERROR)
    try:
        group.main(prog_name="weeknote-parse")
    except BrokenPipeError:  # the reader of --help went away: not an error
        from .sink import EXIT_OK, discard_output

        discard_output()
        sys.exit(EXIT_OK)
    except OSError as error:  # only writing can fail here (--help or --version to a full disk)
        from .sink import EXIT_INPUT_ERROR, discard_output, fail

        discard_output()
        fail(f"cannot write output: {error.strerror or error}", EXIT_INPUT_ERROR)


# The names this package has always offered, imported from their modules when first read.
_REEXPORTS: dict[str, str] = {
    "EXIT_INPUT_ERROR": "sink",
    "EXIT_INTERNAL": "sink",
    "EXIT_OK": "sink",
    "EXIT_USAGE": "sink",
    "_input_that_is_output": "sink:input_that_is_output",
    "ByteSize": "types",
    "DateType": "types",
    "build_config": "settings",
    "parse_options": "settings",
    "command": "parse",
    "export": "export",
}


def __getattr__(name: str) -> Any:
    target = _REEXPORTS.get(name)
    if target is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    module, _, attribute = target.partition(":")
    value = getattr(import_module(f"{__name__}.{module}"), attribute or name)
    globals()[name] = value
    return value


__all__ = [
    "EXIT_INPUT_ERROR",
    "EXIT_INTERNAL",
    "EXIT_OK",
    "EXIT_USAGE",
    "ByteSize",
    "Commands",
    "DateType",
    "_input_that_is_output",
    "build_config",
    "command",
    "export",
    "group",
    "main",
    "parse_options",
]
