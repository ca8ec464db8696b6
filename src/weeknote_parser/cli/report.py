"""``weeknote-parse report PATH... -o report.html``: the series of the notes read as one
self-contained HTML page (no network needed to open it).

Importing this module loads only click (see cli/series.py).

Exit codes: 0 every input parsed; 1 at least one input could not be read (each is reported
on stderr and the page is made of the rest), a warning under --strict, or the page could not
be written; 2 the command line or a setting is invalid (an output that is one of the inputs);
3 an internal error.
"""

from __future__ import annotations

import sys
from typing import Any

import click

from .series import SharedOptions, group_by_option, read_documents, write_output


@click.command(
    "report", cls=SharedOptions, context_settings={"help_option_names": ["-h", "--help"]}
)
@click.argument("files", nargs=-1, metavar="PATH...")
@click.option(
    "--output",
    "-o",
    metavar="FILE",
    required=True,
    help="The page to write (atomically: all of it or none); '-': stdout. Never an input.",
)
@group_by_option
@click.option("--title", default="Weeknotes", show_default=True, help="The page's title.")
def report(files: tuple[str, ...], **settings: Any) -> None:
    """Write a report of weeknote files, folders (walked), glob patterns or '-' (stdin) as
    one HTML page: a calendar of weeks per series (gaps visible), the findings linked to the
    notes, and each note's title, week and sections. Clicking a week shows its notes. The
    page is self-contained: it opens from disk, with no network.

    A file that cannot be read is reported on stderr and the page is made of the rest.

    Exit codes: 0 success; 1 an input could not be read (or a warning, with --strict), or
    the page could not be written; 2 invalid usage or settings (the output is an input);
    3 an internal error.
    """
    from ..series import build_series
    from ..series.report import report_html
    from .sink import EXIT_INPUT_ERROR, EXIT_INTERNAL

    documents, reporter = read_documents(files, settings, output=settings["output"])
    found = build_series(documents, settings["group_by"])
    page = report_html(found, documents, title=settings["title"]).encode()
    failure = EXIT_INTERNAL if reporter.tally.bugs else EXIT_INPUT_ERROR
    write_output(page, settings["output"], failure)
    sys.exit(reporter.finish())
