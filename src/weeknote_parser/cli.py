"""The ``weeknote-parse`` command: a thin layer over the library.

Exit codes: 0 every input parsed; 1 at least one input could not be read (each is reported
on stderr and the rest are still parsed), or the output could not be written; 2 the command
line or a setting is invalid; 3 an internal error.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import stat
import sys
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any, BinaryIO, ClassVar, NoReturn, TypeVar

import click

from .api import to_json
from .config import Config, ConfigError, load_config, merge
from .errors import InputError, OptionsError, WeeknoteError
from .inputs import Format, Source
from .options import (
    ENVIRONMENT_TODAY,
    FIRST_DATE,
    FIRST_YEAR,
    LAST_DATE,
    LAST_YEAR,
    ParseOptions,
    check_date_range,
    today_from_environment,
)
from .parser import Parser
from .readers import display_name, read_bytes, read_limited, read_source

EXIT_OK = 0
EXIT_INPUT_ERROR = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3

F = TypeVar("F", bound=Callable[..., Any])
STDIN_NAME = "<stdin>"


class DateType(click.ParamType[dt.date]):
    """A date written YYYY-MM-DD, within the dates the parser reads (1900 to 2200)."""

    name = "date"

    def get_metavar(self, param: click.Parameter, ctx: click.Context | None = None) -> str:
        return "YYYY-MM-DD"

    def convert(
        self, value: object, param: click.Parameter | None, ctx: click.Context | None
    ) -> dt.date:
        if isinstance(value, dt.date):
            day = value
        else:
            written = str(value).strip()
            if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", written):
                self.fail(f"{value!r} is not a date written YYYY-MM-DD", param, ctx)
            try:
                day = dt.date.fromisoformat(written)
            except ValueError as error:
                self.fail(f"{value!r} is not a date: {error}", param, ctx)
        try:
            return check_date_range(day)
        except ValueError:
            self.fail(f"{day} is outside the dates read, {FIRST_DATE} to {LAST_DATE}", param, ctx)


class ByteSize(click.ParamType[int]):
    """A number of bytes, at least 1, optionally with a K, M or G suffix (powers of 1024)."""

    name = "bytes"
    _FORM = re.compile(r"([0-9]+)\s*(?:([kmg])(?:i?b)?|b)?", re.IGNORECASE)
    _UNITS: ClassVar[dict[str, int]] = {"k": 1 << 10, "m": 1 << 20, "g": 1 << 30}

    def convert(
        self, value: object, param: click.Parameter | None, ctx: click.Context | None
    ) -> int:
        if isinstance(value, int) and not isinstance(value, bool):
            count = value
        else:
            match = self._FORM.fullmatch(str(value).strip())
            if match is None:
                self.fail(
                    f"{value!r} is not a size: a whole number of bytes, or with K, M or G "
                    "(e.g. 65536, 512K, 64M)",
                    param,
                    ctx,
                )
            count = int(match[1]) * self._UNITS.get((match[2] or "").lower(), 1)
        if count < 1:
            self.fail(f"{value!r} is too small: the limit is at least 1 byte", param, ctx)
        return count


def parse_options(func: F) -> F:
    """The options every parsing command shares, declared once."""
    decorators = [
        click.option(
            "--year",
            type=click.IntRange(FIRST_YEAR, LAST_YEAR),
            help="Year to assume for weeks that name none, e.g. 'w/c 5 November'.",
        ),
        click.option(
            "--published",
            type=DateType(),
            help="Publication date (YYYY-MM-DD); places year-less weeks before it.",
        ),
        click.option(
            "--today",
            type=DateType(),
            help=(
                f"The date to take as today (YYYY-MM-DD; default: {ENVIRONMENT_TODAY} if set, "
                "else the clock): candidate years run to the year after it."
            ),
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
        click.option(
            "--first-candidate-year",
            type=click.IntRange(1900, 2200),
            help="The earliest year listed among candidate Mondays when the year is unknown.",
        ),
        click.option(
            "--vocabulary",
            multiple=True,
            metavar="KIND=HEADING",
            help="Read HEADING (whole, any case) as a section of KIND, e.g. 'went_well=Yay' "
            "(repeatable).",
        ),
        click.option(
            "--plugin",
            "plugins",
            multiple=True,
            metavar="NAME",
            help="Set up an installed plugin (repeatable); an unknown name lists the installed.",
        ),
        click.option(
            "--config",
            "config_file",
            type=click.Path(dir_okay=False, path_type=Path),
            help="Read settings from this TOML file (default: weeknote-parser.toml or "
            "[tool.weeknote-parser] in pyproject.toml, from here upwards).",
        ),
        click.option(
            "--max-bytes",
            type=ByteSize(),
            default="64M",
            show_default=True,
            metavar="SIZE",
            help="Refuse an input larger than this (bytes, or with K, M or G).",
        ),
    ]
    for decorator in reversed(decorators):
        func = decorator(func)
    return func


def build_config(
    *,
    config_file: Path | None,
    year: int | None,
    published: dt.date | None,
    date_order: str | None,
    disable: tuple[str, ...],
    today: dt.date | None = None,
    first_candidate_year: int | None = None,
    vocabulary: tuple[str, ...] = (),
    plugins: tuple[str, ...] = (),
) -> Config:
    """The one place the command line's settings become the settings in force: the
    configuration file's, with those given on the command line over them."""
    if isinstance(published, dt.datetime):
        published = published.date()
    return merge(
        load_config(config_file, Path.cwd()),
        {
            "year": year,
            "published": published,
            "date_order": date_order,
            "today": today,
            "first_candidate_year": first_candidate_year,
            "disable": disable or None,
            "vocabulary": _vocabulary(vocabulary) if vocabulary else None,
            "plugins": plugins or None,
        },
    )


def _vocabulary(pairs: tuple[str, ...]) -> dict[str, list[str]]:
    """``KIND=HEADING`` pairs as a vocabulary: headings grouped by kind."""
    found: dict[str, list[str]] = {}
    for pair in pairs:
        kind, equals, heading = pair.partition("=")
        if not equals or not kind.strip() or not heading.strip():
            raise OptionsError(f"--vocabulary: expected KIND=HEADING (got {pair!r})")
        found.setdefault(kind.strip(), []).append(heading.strip())
    return found


def _read(
    name: str,
    stdin: BinaryIO | None,
    options: ParseOptions,
    *,
    format_: Format | None,
    encoding: str | None,
    url: str | None,
    max_bytes: int,
) -> Source:
    """Read one input: a file, or standard input for '-' (its format sniffed)."""
    if name == "-":
        if stdin is None:
            raise InputError("standard input is closed", path=STDIN_NAME)
        try:
            data = read_limited(stdin, name=STDIN_NAME, max_bytes=max_bytes)
        except OSError as error:
            raise InputError(f"cannot read: {error.strerror or error}", path=STDIN_NAME) from None
        source = read_source(
            data, options, name=STDIN_NAME, format=format_, encoding=encoding, url=url
        )
        return source.located(path="-")
    shown = display_name(name)
    return read_source(
        read_bytes(name, max_bytes=max_bytes, name=shown), options, name=shown,
        path=os.fsdecode(name), format=format_, encoding=encoding, url=url,
    )  # fmt: skip


def _fail(message: str, code: int) -> NoReturn:
    """Report ``message`` as one line on standard error and exit with ``code``."""
    click.echo(f"Error: {message}", err=True)
    sys.exit(code)


def _identity(stream: IO[Any] | None) -> tuple[int, int] | None:
    """(device, inode) of the regular file ``stream`` writes to or reads from, if it is one."""
    try:
        info = os.fstat(stream.fileno()) if stream is not None else None
    except (OSError, ValueError):  # not a real file (a test's buffer), or closed
        return None
    if info is None or not stat.S_ISREG(info.st_mode):
        return None
    return info.st_dev, info.st_ino


def _input_that_is_output(files: tuple[str, ...], stdin: BinaryIO | None) -> str | None:
    """The first input that is the file standard output writes to ('weeknote-parse a.txt >
    a.txt'), found without reading anything."""
    output = _identity(sys.stdout)
    if output is None:
        return None
    for name in files:
        if name == "-":
            if _identity(stdin) == output:
                return STDIN_NAME
            continue
        try:
            info = os.stat(name)
        except (OSError, ValueError):
            continue  # reported when it is read
        if (info.st_dev, info.st_ino) == output:
            return display_name(name)
    return None


def _discard_output() -> None:
    """Point standard output at the null device, so that what is still buffered for a reader
    that went away, or a full disk, is not written again when Python exits."""
    try:
        descriptor = sys.stdout.fileno() if sys.stdout is not None else None
    except (OSError, ValueError):
        return
    if descriptor is None:
        return
    null = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(null, descriptor)
    finally:
        os.close(null)


def _write_output(payload: bytes, *, failure: int = EXIT_INPUT_ERROR) -> bool:
    """Write ``payload`` to standard output now. False if the reader went away ('| head'),
    which is not an error; any other failure is one line on standard error and exit
    ``failure``."""
    if sys.stdout is None:
        _fail("cannot write output: standard output is closed", failure)
    try:
        sys.stdout.buffer.write(payload)
        sys.stdout.buffer.flush()
    except BrokenPipeError:
        _discard_output()
        return False
    except OSError as error:
        _discard_output()
        _fail(f"cannot write output: {error.strerror or error}", failure)
    return True


def _show(config: Config) -> None:
    """The settings in force, one a line: ``key = value  (where it came from)``."""
    rows = [
        f"{key} = {json.dumps(value)}  ({origin})\n" for key, value, origin in config.describe()
    ]
    _write_output("".join(rows).encode())


def _list_recognisers(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if not value or ctx.resilient_parsing:
        return
    _write_output("".join(f"{name}\n" for name in Parser().names()).encode())
    ctx.exit(EXIT_OK)


def _print_schema(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if not value or ctx.resilient_parsing:
        return
    from .schema import json_schema_text

    _write_output(json_schema_text())
    ctx.exit(EXIT_OK)


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("files", nargs=-1, metavar="FILE...")
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
@click.option(
    "--show-config",
    is_flag=True,
    help="Print the settings in force, and where each came from, and exit.",
)
@click.version_option(package_name="weeknote-parser")
def command(
    files: tuple[str, ...],
    pretty: bool,
    year: int | None,
    published: dt.date | None,
    today: dt.date | None,
    date_order: str | None,
    format_: Format | None,
    encoding: str | None,
    url: str | None,
    disable: tuple[str, ...],
    first_candidate_year: int | None,
    vocabulary: tuple[str, ...],
    plugins: tuple[str, ...],
    config_file: Path | None,
    max_bytes: int,
    show_config: bool,
) -> None:
    """Parse weeknote FILEs (or '-' for stdin) and print each as JSON.

    One file prints one JSON document; several print one document per line (JSON Lines).
    A file that cannot be read is reported on stderr and the others are still parsed.

    Exit codes: 0 success; 1 an input could not be read, or the output could not be
    written; 2 invalid usage or settings; 3 an internal error (a bug: please report it with
    the input).
    """
    if today is None:
        try:
            today = today_from_environment()
        except OptionsError as error:  # not the command line's fault: no usage text
            _fail(str(error), EXIT_USAGE)
    try:
        config = build_config(
            config_file=config_file, year=year, published=published, date_order=date_order,
            disable=disable, today=today, first_candidate_year=first_candidate_year,
            vocabulary=vocabulary, plugins=plugins,
        )  # fmt: skip
        if show_config:
            _show(config)
            return
        if not files:
            raise click.UsageError("Missing argument 'FILE...'.")
        parser = config.parser()
    except ConfigError as error:  # the file's fault, not the command line's: no usage text
        _fail(str(error), EXIT_USAGE)
    except WeeknoteError as error:
        raise click.UsageError(str(error)) from None
    if sys.stdout is None:
        _fail("cannot write output: standard output is closed", EXIT_INPUT_ERROR)
    stdin = sys.stdin.buffer if sys.stdin is not None else None
    clash = _input_that_is_output(files, stdin)
    if clash is not None:
        _fail(
            f"{clash}: is also the output file; nothing was read (write the output elsewhere)",
            EXIT_USAGE,
        )
    failures = bugs = 0
    for name in files:
        try:
            source = _read(
                name, stdin, parser.options, format_=format_, encoding=encoding, url=url,
                max_bytes=max_bytes,
            )  # fmt: skip
            payload = to_json(parser.parse_source(source), pretty=pretty) + b"\n"
        except WeeknoteError as error:
            failures += 1
            click.echo(f"Error: {error}", err=True)
            continue
        except Exception as error:  # a bug: say so in one line and go on with the batch
            bugs += 1
            kind = type(error).__name__
            shown = STDIN_NAME if name == "-" else display_name(name)
            click.echo(
                f"Error: {shown}: internal error ({kind}: {error}); please report it", err=True
            )
            continue
        if not _write_output(payload, failure=EXIT_INTERNAL if bugs else EXIT_INPUT_ERROR):
            break  # the reader went away: stop quietly
    if bugs:
        sys.exit(EXIT_INTERNAL)
    if failures:
        sys.exit(EXIT_INPUT_ERROR)


def main() -> None:
    """Entry point for the ``weeknote-parse`` console script."""
    if sys.stdout is None:  # started with standard output closed ('>&-')
        _fail("cannot write output: standard output is closed", EXIT_INPUT_ERROR)
    try:
        command.main(prog_name="weeknote-parse")
    except BrokenPipeError:  # the reader of --help went away: not an error
        _discard_output()
        sys.exit(EXIT_OK)
    except OSError as error:  # only writing can fail here (--help or --version to a full disk)
        _discard_output()
        _fail(f"cannot write output: {error.strerror or error}", EXIT_INPUT_ERROR)
