"""``weeknote-parse series PATH...``: the notes of files and folders seen as series.

Importing this module loads only click: the parser, the models and the options shared with
``parse`` (reading, input) are loaded when the command first runs or shows its help.

Exit codes: 0 every input parsed; 1 at least one input could not be read (each is reported
on stderr and the series are made of the rest), a warning under --strict, or the output could
not be written; 2 the command line or a setting is invalid; 3 an internal error.
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import click

if TYPE_CHECKING:
    from ..discover import Entry
    from ..models import Document
    from .run import Reporter

# As weeknote_parser.series.GROUP_BYS (a test keeps them equal), written out so that the
# command can be declared without loading the models.
GROUP_BYS = ("auto", "author", "site", "folder", "document", "all")
SERIES_TOS = ("json", "jsonl", "table")


def shared_parameters() -> list[click.Parameter]:
    """The parsing and input options of ``weeknote-parse parse``, as parameters."""
    from .run import input_options
    from .settings import parse_options

    def holder() -> None:
        """Only carries the parameters the decorators declare."""

    parse_options(input_options(holder))
    declared: list[click.Parameter] = getattr(holder, "__click_params__", [])
    return list(reversed(declared))


class SharedOptions(click.Command):
    """A command that takes the parsing and input options of ``parse`` too, declared when
    first needed (to parse a command line, or to show help)."""

    def __init__(
        self, *args: Any, shared: Callable[[], list[click.Parameter]] = shared_parameters,
        **kwargs: Any,
    ) -> None:  # fmt: skip
        super().__init__(*args, **kwargs)
        self._shared: Callable[[], list[click.Parameter]] | None = shared

    def get_params(self, ctx: click.Context) -> list[click.Parameter]:
        if self._shared is not None:
            shared, self._shared = self._shared, None
            self.params.extend(shared())
        return super().get_params(ctx)


def group_by_option(func: Any) -> Any:
    return click.option(
        "--group-by",
        type=click.Choice(GROUP_BYS),
        default="auto",
        show_default=True,
        help="How notes make series: by author and site where known, else by folder (auto), "
        "or by author, site, folder, document only, or all notes as one.",
    )(func)


def once_each(entries: list[Entry]) -> tuple[list[Entry], int]:
    """``entries`` with a file named twice (or by two names, through a link) kept once,
    since a note read twice would be its own duplicate; and how many were left out."""
    import os

    from ..discover import STDIN

    seen: set[str] = set()
    kept: list[Entry] = []
    for entry in entries:
        if entry.path != STDIN:
            key = os.path.normcase(os.path.realpath(entry.path))
            if key in seen:
                continue
            seen.add(key)
        kept.append(entry)
    return kept, len(entries) - len(kept)


def read_documents(
    files: tuple[str, ...], settings: dict[str, Any], *, output: str | None
) -> tuple[list[Document], Reporter]:
    """Parse every input as ``parse`` does (bad inputs reported on stderr, one line each,
    the rest still read; but a file named twice read once) and hand back the documents with
    the reporter that counted them. A usage error (exit 2) when ``output`` is one of the inputs."""
    from pathlib import Path

    from ..batch import Job, run
    from .parse import check_parser, settings_in_force, stdin_reader
    from .run import Inputs, Reporter
    from .sink import EXIT_INPUT_ERROR, EXIT_USAGE, fail, input_that_is, path_identity
    from .sink import input_that_is_output as stdout_clash

    config = settings_in_force(settings)
    inputs = Inputs.from_options(files, settings)
    inputs.check()
    check_parser(config)
    if sys.stdout is None:
        fail("cannot write output: standard output is closed", EXIT_INPUT_ERROR)
    stdin = sys.stdin.buffer if sys.stdin is not None else None
    entries, skipped, problems = inputs.find(stdin)
    entries, repeated = once_each(entries)
    skipped += repeated
    paths = [entry.path for entry in entries]
    to_file = output is not None and output != "-"
    if to_file and output is not None:
        clash = input_that_is(path_identity(Path(output)), paths, stdin)
    else:
        clash = stdout_clash(paths, stdin)
    if clash is not None:
        fail(
            f"{clash}: is also the output file; nothing was read (write the output elsewhere)",
            EXIT_USAGE,
        )
    reporter = Reporter(
        show_warnings=settings["strict"] and not settings["quiet"],
        quiet=settings["quiet"],
        strict=settings["strict"],
    )
    reporter.tally.skipped += skipped
    for problem in problems:
        reporter.failed(problem)
    job = Job(
        options=config.options, format=settings["format_"], encoding=settings["encoding"],
        url=settings["url"], max_bytes=settings["max_bytes"],
    )  # fmt: skip
    outcomes = run(
        job, entries, jobs=settings["jobs"], read_stdin=stdin_reader(stdin, settings["max_bytes"])
    )
    documents: list[Document] = []
    with reporter.progress(outcomes, len(entries), settings["progress"]) as stream:
        for outcome in stream:
            reporter.outcome(outcome)
            if outcome.status == "parsed":
                documents.append(outcome.payload)
    return documents, reporter


def write_output(payload: bytes, output: str | None, failure: int) -> None:
    """Write ``payload`` to the file ``output`` (atomically) or to standard output."""
    from pathlib import Path

    from .sink import FileSink, Sink

    sink = FileSink(Path(output)) if output is not None and output != "-" else Sink()
    try:
        if sink.write(payload, failure=failure):
            sink.finish(failure=failure)
    except BaseException:
        sink.abandon()
        raise


def _print_schema(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if not value or ctx.resilient_parsing:
        return
    from ..series import series_json_schema_text
    from .sink import EXIT_OK, write_stdout

    write_stdout(series_json_schema_text())
    ctx.exit(EXIT_OK)


def _width() -> int:
    if sys.stdout is not None and sys.stdout.isatty():
        return shutil.get_terminal_size((100, 24)).columns
    return 100


@click.command(
    "series", cls=SharedOptions, context_settings={"help_option_names": ["-h", "--help"]}
)
@click.argument("files", nargs=-1, metavar="PATH...")
@group_by_option
@click.option(
    "--to",
    type=click.Choice(SERIES_TOS),
    default="json",
    show_default=True,
    help="json: every series; jsonl: one finding a line; table: a view for the terminal.",
)
@click.option("--pretty", is_flag=True, help="Indent the JSON (with --to json).")
@click.option(
    "--output",
    "-o",
    metavar="FILE",
    help="Write to FILE (atomically: all of it or none) instead of stdout; '-': stdout.",
)
@click.option(
    "--schema",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_print_schema,
    help="Print the JSON Schema of the series output and exit.",
)
def series(files: tuple[str, ...], **settings: Any) -> None:
    """Read weeknote files, folders (walked), glob patterns or '-' (stdin) as series of
    notes: ordered by week, with a timeline of every week from the first note to the last,
    gaps, duplicate weeks, contradictions, running counts placed by the calendar, and each
    'next week' plan matched with the next note.

    A file that cannot be read is reported on stderr and the series are made of the rest.
    Parser warnings are printed only with --strict.

    Exit codes: 0 success; 1 an input could not be read (or a warning, with --strict), or
    the output could not be written; 2 invalid usage or settings; 3 an internal error.
    """
    from ..outputs import dump_json
    from ..series import build_series
    from ..series.table import table
    from .sink import EXIT_INPUT_ERROR, EXIT_INTERNAL

    if settings["pretty"] and settings["to"] != "json":
        raise click.UsageError(f"--pretty applies to --to json, not to --to {settings['to']}.")
    documents, reporter = read_documents(files, settings, output=settings["output"])
    found = build_series(documents, settings["group_by"])
    if settings["to"] == "jsonl":
        payload = b"".join(
            dump_json(finding.model_dump(mode="json")) + b"\n" for finding in found.findings()
        )
    elif settings["to"] == "table":
        payload = table(found, _width()).encode()
    else:
        payload = dump_json(found.model_dump(mode="json"), pretty=settings["pretty"]) + b"\n"
    failure = EXIT_INTERNAL if reporter.tally.bugs else EXIT_INPUT_ERROR
    write_output(payload, settings["output"], failure)
    sys.exit(reporter.finish())
