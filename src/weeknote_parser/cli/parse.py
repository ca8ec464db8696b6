"""``weeknote-parse PATH...``: parse files, folders and patterns, and write their records.

Exit codes: 0 every input parsed; 1 at least one input could not be read (each is reported
on stderr and the rest are still parsed and written), a warning under --strict, or the output
could not be written; 2 the command line or a setting is invalid; 3 an internal error.
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

import click

from ..choices import PERS, TOS, SectionKind, To
from .run import Inputs, Reporter, input_options
from .settings import build_config, parse_options
from .sink import (
    EXIT_INPUT_ERROR,
    EXIT_INTERNAL,
    EXIT_OK,
    EXIT_USAGE,
    FileSink,
    Sink,
    fail,
    input_that_is,
    input_that_is_output,
    path_identity,
    write_stdout,
)
from .types import DateType

if TYPE_CHECKING:  # the parser, the models and the outputs load when the command runs
    from ..config import Config
    from ..outputs import View
    from ..parser import Parser


def _show(config: Config) -> None:
    """The settings in force, one a line: ``key = value  (where it came from)``."""
    rows = [
        f"{key} = {json.dumps(value)}  ({origin})\n" for key, value, origin in config.describe()
    ]
    write_stdout("".join(rows).encode())


def _list_recognisers(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if not value or ctx.resilient_parsing:
        return
    from ..parser import Parser

    write_stdout("".join(f"{name}\n" for name in Parser().names()).encode())
    ctx.exit(EXIT_OK)


def _print_schema(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if not value or ctx.resilient_parsing:
        return
    from ..schema import json_schema_text

    write_stdout(json_schema_text())
    ctx.exit(EXIT_OK)


def settings_in_force(settings: dict[str, Any]) -> Config:
    """The configuration the parsing options and files make (a usage error, exit 2, if it
    is invalid)."""
    from ..config import ConfigError
    from ..errors import OptionsError, WeeknoteError
    from ..limits import today_from_environment

    today = settings["today"]
    if today is None:
        try:
            today = today_from_environment()
        except OptionsError as error:  # not the command line's fault: no usage text
            fail(str(error), EXIT_USAGE)
    try:
        config = build_config(
            config_file=settings["config_file"], year=settings["year"],
            published=settings["published"], date_order=settings["date_order"],
            disable=settings["disable"], today=today,
            first_candidate_year=settings["first_candidate_year"],
            vocabulary=settings["vocabulary"], plugins=settings["plugins"],
        )  # fmt: skip
    except ConfigError as error:  # the file's fault, not the command line's: no usage text
        fail(str(error), EXIT_USAGE)
    except WeeknoteError as error:
        raise click.UsageError(str(error)) from None
    return config


def check_parser(config: Config) -> Parser:
    from ..config import ConfigError
    from ..errors import WeeknoteError

    try:
        return config.parser()
    except ConfigError as error:
        fail(str(error), EXIT_USAGE)
    except WeeknoteError as error:
        raise click.UsageError(str(error)) from None


def stdin_reader(stdin: BinaryIO | None, max_bytes: int) -> Any:
    """A function reading standard input (within the size limit) for the input '-'."""

    from ..batch import STDIN_NAME
    from ..errors import InputError
    from ..readers import read_limited

    def read() -> bytes:
        if stdin is None:
            raise InputError("standard input is closed", path=STDIN_NAME)
        try:
            return read_limited(stdin, name=STDIN_NAME, max_bytes=max_bytes)
        except OSError as error:
            raise InputError(f"cannot read: {error.strerror or error}", path=STDIN_NAME) from None

    return read


def _view(settings: dict[str, Any]) -> View:
    from ..outputs import View
    from ..records import Filters

    to: To = settings["to"] or "jsonl"
    if settings["pretty"] and to not in ("json", "jsonl"):
        raise click.UsageError(f"--pretty applies to JSON output, not to --to {to}.")
    since, until = settings["since"], settings["until"]
    if since is not None and until is not None and since > until:
        raise click.UsageError(f"--since {since} is after --until {until}.")
    kinds = frozenset(SectionKind(kind) for kind in settings["kind"])
    width = 100
    if to == "table" and sys.stdout is not None and sys.stdout.isatty():
        width = shutil.get_terminal_size((100, 24)).columns
    return View(
        per=settings["per"] or "document", to=to, pretty=settings["pretty"],
        filters=Filters(since, until, kinds), width=width,
    )  # fmt: skip


def output_options(func: Any) -> Any:
    """What to write, and where."""
    decorators = [
        click.option(
            "--per",
            type=click.Choice(PERS),
            help="One record per document (the default), note or section.",
        ),
        click.option(
            "--to",
            type=click.Choice(TOS),
            help="Output format (default: jsonl; one input gives one JSON document).",
        ),
        click.option(
            "--output",
            "-o",
            metavar="FILE",
            help="Write to FILE (atomically: all of it or none) instead of stdout; '-': stdout.",
        ),
        click.option("--since", type=DateType(), help="Only notes whose week starts on or after."),
        click.option("--until", type=DateType(), help="Only notes whose week starts on or before."),
        click.option(
            "--kind",
            multiple=True,
            type=click.Choice([kind.value for kind in SectionKind]),
            help="Only sections of this kind (repeatable); notes with none are left out.",
        ),
    ]
    for decorator in reversed(decorators):
        func = decorator(func)
    return func


@click.command("parse", context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("files", nargs=-1, metavar="PATH...")
@click.option("--pretty", is_flag=True, help="Indent the JSON (one document after another).")
@parse_options
@input_options
@output_options
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
def command(files: tuple[str, ...], **settings: Any) -> None:
    """Parse weeknote files, folders (walked), glob patterns, or '-' (stdin), and write
    their records: by default each input as a JSON document, one a line.

    A file that cannot be read is reported on stderr and the others are still parsed.
    Warnings go to stderr as PATH:LINE: CODE: MESSAGE (except for one input written as
    one document, whose JSON holds them).

    \b
    To build a SQLite database instead: weeknote-parse export sqlite --help. To read the
    notes as series (timeline, gaps, plans): weeknote-parse series --help; as a page:
    weeknote-parse report --help.

    Exit codes: 0 success; 1 an input could not be read (or a warning, with --strict),
    or the output could not be written; 2 invalid usage or settings; 3 an internal error
    (a bug: please report it with the input).
    """
    from ..batch import Job, run

    config = settings_in_force(settings)
    if settings["show_config"]:
        _show(config)
        return
    inputs = Inputs.from_options(files, settings)
    inputs.check()
    check_parser(config)
    view = _view(settings)
    if sys.stdout is None:
        fail("cannot write output: standard output is closed", EXIT_INPUT_ERROR)
    stdin = sys.stdin.buffer if sys.stdin is not None else None
    entries, skipped, problems = inputs.find(stdin)
    paths = [entry.path for entry in entries]
    target = settings["output"]
    to_file = target is not None and target != "-"
    output_id = path_identity(target) if to_file else None
    clash = input_that_is(output_id, paths, stdin) if to_file else None
    clash = clash or (None if to_file else input_that_is_output(paths, stdin))
    if clash is not None:
        fail(
            f"{clash}: is also the output file; nothing was read (write the output elsewhere)",
            EXIT_USAGE,
        )
    one_document = (
        len(entries) == 1 and not problems and settings["to"] is None and settings["per"] is None
    )
    reporter = Reporter(
        show_warnings=not settings["quiet"] and (settings["strict"] or not one_document),
        quiet=settings["quiet"],
        strict=settings["strict"],
    )
    reporter.tally.skipped += skipped
    for problem in problems:
        reporter.failed(problem)
    sink = FileSink(Path(target)) if to_file else Sink()
    job = Job(
        options=config.options, render=view.render, format=settings["format_"],
        encoding=settings["encoding"], url=settings["url"], max_bytes=settings["max_bytes"],
    )  # fmt: skip
    outcomes = run(
        job, entries, jobs=settings["jobs"], read_stdin=stdin_reader(stdin, settings["max_bytes"])
    )
    stopped = _write(sink, view, reporter, outcomes, len(entries), settings["progress"])
    sys.exit(reporter.finish(stopped=stopped))


def _write(
    sink: Sink, view: View, reporter: Reporter, outcomes: Any, count: int, progress: bool | None
) -> bool:
    """Write every record; True if the reader went away before the end."""

    def failure() -> int:
        return EXIT_INTERNAL if reporter.tally.bugs else EXIT_INPUT_ERROR

    first = True
    try:
        if not sink.write(view.header(), failure=failure()):
            return True
        with reporter.progress(outcomes, count, progress) as stream:
            for outcome in stream:
                reporter.outcome(outcome)
                if outcome.status != "parsed":
                    continue
                payload = b"".join(
                    view.separator(first and index == 0) + chunk
                    for index, chunk in enumerate(outcome.payload)
                )
                first = first and not outcome.payload
                if payload and not sink.write(payload, failure=failure()):
                    return True
        if not sink.write(view.footer(first), failure=failure()):
            return True
        sink.finish(failure=failure())
    except BaseException:
        sink.abandon()
        raise
    return False
