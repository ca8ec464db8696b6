"""The ``weeknote-parse`` command: a thin layer over the library.

Exit codes: 0 every input parsed; 1 at least one input could not be read (each is reported
on stderr and the rest are still parsed); 2 the command line or a setting is invalid.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, BinaryIO, TypeVar

import click

from .api import to_json
from .errors import WeeknoteError
from .inputs import Format, Source
from .options import ParseOptions
from .parser import Parser
from .readers import read_bytes, read_source

EXIT_OK = 0
EXIT_INPUT_ERROR = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3

F = TypeVar("F", bound=Callable[..., Any])


def parse_options(func: F) -> F:
    """The options every parsing command shares, declared once."""
    decorators = [
        click.option(
            "--year",
            type=click.IntRange(1900, 2200),
            help="Year to assume for weeks that name none, e.g. 'w/c 5 November'.",
        ),
        click.option(
            "--published",
            type=click.DateTime(formats=["%Y-%m-%d"]),
            help="Publication date (YYYY-MM-DD); places year-less weeks before it.",
        ),
        click.option(
            "--date-order",
            type=click.Choice(["dmy", "mdy"]),
            help="Read numeric dates day first (dmy, the default) or month first (mdy).",
        ),
        click.option(
            "--format",
            "format_",
            type=click.Choice(["text", "markdown", "html", "feed"]),
            help="The input format (default: from the file extension, else detected).",
        ),
        click.option(
            "--encoding",
            metavar="NAME",
            help="Decode input with this encoding (default: BOM, declared charset, UTF-8).",
        ),
        click.option(
            "--url",
            metavar="URL",
            help="Where the input came from; a date or week in its path is evidence.",
        ),
        click.option(
            "--disable",
            "disable",
            multiple=True,
            metavar="NAME",
            help="Switch off a recogniser by name (repeatable); see --list-recognisers.",
        ),
    ]
    for decorator in reversed(decorators):
        func = decorator(func)
    return func


def build_options(
    *,
    year: int | None,
    published: dt.datetime | None,
    date_order: str | None,
    disable: tuple[str, ...],
) -> ParseOptions:
    """The one place the command line's settings become a validated ParseOptions."""
    return ParseOptions.build(
        year=year,
        published=published.date() if published is not None else None,
        date_order=date_order,
        disable=disable,
    )


def _read(
    name: str,
    stdin: BinaryIO,
    options: ParseOptions,
    *,
    format_: Format | None,
    encoding: str | None,
    url: str | None,
) -> Source:
    """Read one input: a file, or standard input for '-' (its format sniffed)."""
    if name == "-":
        source = read_source(
            stdin.read(), options, name="<stdin>", format=format_, encoding=encoding, url=url
        )
        return source.located(path="-")
    return read_source(
        read_bytes(Path(name)), options, name=name, path=name, format=format_,
        encoding=encoding, url=url,
    )  # fmt: skip


def _list_recognisers(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if not value or ctx.resilient_parsing:
        return
    for name in Parser().names():
        click.echo(name)
    ctx.exit(EXIT_OK)


def _print_schema(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if not value or ctx.resilient_parsing:
        return
    from .schema import json_schema_text

    sys.stdout.buffer.write(json_schema_text())
    ctx.exit(EXIT_OK)


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("files", nargs=-1, required=True, metavar="FILE...")
@click.option("--pretty", is_flag=True, help="Indent the JSON (one document after another).")
@parse_options
@click.option(
    "--list-recognisers",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_list_recognisers,
    help="Print every recogniser's name, in order, and exit.",
)
@click.option(
    "--schema",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_print_schema,
    help="Print the JSON Schema of the output and exit.",
)
@click.version_option(package_name="weeknote-parser")
def command(
    files: tuple[str, ...],
    pretty: bool,
    year: int | None,
    published: dt.datetime | None,
    date_order: str | None,
    format_: Format | None,
    encoding: str | None,
    url: str | None,
    disable: tuple[str, ...],
) -> None:
    """Parse weeknote FILEs (or '-' for stdin) and print each as JSON.

    One file prints one JSON document; several print one document per line (JSON Lines).
    A file that cannot be read is reported on stderr and the others are still parsed.

    Exit codes: 0 success; 1 an input could not be read; 2 invalid usage or settings;
    3 an internal error (a bug: please report it with the input).
    """
    try:
        options = build_options(
            year=year, published=published, date_order=date_order, disable=disable
        )
        parser = Parser(options)
    except WeeknoteError as error:
        raise click.UsageError(str(error)) from None
    failures = bugs = 0
    out = sys.stdout.buffer
    stdin = sys.stdin.buffer
    for name in files:
        try:
            source = _read(name, stdin, options, format_=format_, encoding=encoding, url=url)
            document = parser.parse_source(source)
        except WeeknoteError as error:
            failures += 1
            click.echo(f"Error: {error}", err=True)
            continue
        except Exception as error:  # a bug: say so in one line and go on with the batch
            bugs += 1
            kind = type(error).__name__
            click.echo(
                f"Error: {name}: internal error ({kind}: {error}); please report it", err=True
            )
            continue
        out.write(to_json(document, pretty=pretty) + b"\n")
        out.flush()
    if bugs:
        sys.exit(EXIT_INTERNAL)
    if failures:
        sys.exit(EXIT_INPUT_ERROR)


def main() -> None:
    """Entry point for the ``weeknote-parse`` console script."""
    try:
        command.main(prog_name="weeknote-parse")
    except BrokenPipeError:  # the reader went away (e.g. '| head'): not an error of ours
        sys.stderr.close()
        sys.exit(EXIT_OK)
