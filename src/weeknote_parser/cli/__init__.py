"""The ``weeknote-parse`` command line: a thin layer over the library.

``weeknote-parse PATH...`` parses (the ``parse`` command, the default when the first word
names no other command); ``weeknote-parse export sqlite DB PATH...`` builds a database.

Exit codes: 0 every input parsed; 1 at least one input could not be read (each is reported
on stderr and the rest are still parsed), or the output could not be written; 2 the command
line or a setting is invalid; 3 an internal error.
"""

from __future__ import annotations

import sys

import click

from .export import export
from .parse import command
from .report import report
from .series import series
from .settings import build_config, parse_options
from .sink import (
    EXIT_INPUT_ERROR,
    EXIT_INTERNAL,
    EXIT_OK,
    EXIT_USAGE,
    discard_output,
    fail,
)
from .sink import input_that_is_output as _input_that_is_output
from .types import ByteSize, DateType

DEFAULT_COMMAND = "parse"


class Commands(click.Group):
    """A group whose first word, when it names none of its commands, is a path to parse:
    ``weeknote-parse notes/`` is ``weeknote-parse parse notes/``."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if not args or args[0] not in self.commands:
            args = [DEFAULT_COMMAND, *args]
        return super().parse_args(ctx, args)


@click.group(cls=Commands, context_settings={"help_option_names": ["-h", "--help"]})
def group() -> None:
    """Parse weeknotes into structured data (see 'weeknote-parse parse --help')."""


group.add_command(command)
group.add_command(export)
group.add_command(series)
group.add_command(report)


def main() -> None:
    """Entry point for the ``weeknote-parse`` console script."""
    if sys.stdout is None:  # started with standard output closed ('>&-')
        fail("cannot write output: standard output is closed", EXIT_INPUT_ERROR)
    try:
        group.main(prog_name="weeknote-parse")
    except BrokenPipeError:  # the reader of --help went away: not an error
        discard_output()
        sys.exit(EXIT_OK)
    except OSError as error:  # only writing can fail here (--help or --version to a full disk)
        discard_output()
        fail(f"cannot write output: {error.strerror or error}", EXIT_INPUT_ERROR)


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
