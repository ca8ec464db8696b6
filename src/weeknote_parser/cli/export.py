"""``weeknote-parse export sqlite DB PATH...``: parse a batch into a SQLite database."""

from __future__ import annotations

import sys
from typing import Any

import click

from .parse import check_parser, settings_in_force, stdin_reader
from .run import Inputs, Reporter, input_options
from .settings import parse_options
from .sink import EXIT_INPUT_ERROR, EXIT_USAGE, fail, input_that_is, path_identity


@click.group("export", context_settings={"help_option_names": ["-h", "--help"]})
def export() -> None:
    """Parse a batch of weeknotes into a database."""


@export.command("sqlite", context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("database", metavar="DB")
@click.argument("files", nargs=-1, metavar="PATH...")
@parse_options
@input_options
def sqlite(database: str, files: tuple[str, ...], **settings: Any) -> None:
    """Parse PATHs (files, folders, patterns, '-') into the SQLite database DB: tables
    documents, notes, sections, list_items, links and warnings, with a full-text index over
    sections. A document exported again replaces its rows. Needs the [sqlite] extra.

    Open it with Datasette: datasette DB
    """
    from ..batch import Job, run
    from ..export_sqlite import MissingExtraError, SqliteExport, document_rows, sqlite_utils_module

    config = settings_in_force(settings)
    inputs = Inputs.from_options(files, settings)
    inputs.check()
    check_parser(config)
    try:  # the extra is checked before anything is read
        sqlite_utils_module()
    except MissingExtraError as error:
        fail(str(error), EXIT_USAGE)
    stdin = sys.stdin.buffer if sys.stdin is not None else None
    entries, skipped, problems = inputs.find(stdin)
    clash = input_that_is(path_identity(database), [e.path for e in entries], stdin)
    if clash is not None:
        fail(f"{clash}: is also the database; nothing was read", EXIT_USAGE)
    reporter = Reporter(
        show_warnings=not settings["quiet"], quiet=settings["quiet"], strict=settings["strict"]
    )
    reporter.tally.skipped += skipped
    for problem in problems:
        reporter.failed(problem)
    try:
        target = SqliteExport(database)
    except Exception as error:  # not a database, a folder, no permission
        fail(f"{database}: cannot open the database: {error}", EXIT_INPUT_ERROR)
    job = Job(
        options=config.options, render=document_rows, format=settings["format_"],
        encoding=settings["encoding"], url=settings["url"], max_bytes=settings["max_bytes"],
    )  # fmt: skip
    outcomes = run(
        job, entries, jobs=settings["jobs"], read_stdin=stdin_reader(stdin, settings["max_bytes"])
    )
    try:
        with reporter.progress(outcomes, len(entries), settings["progress"]) as stream:
            for outcome in stream:
                reporter.outcome(outcome)
                if outcome.status == "parsed":
                    target.add(outcome.payload)
    finally:
        target.close()
    sys.exit(reporter.finish())
