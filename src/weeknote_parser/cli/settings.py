"""The parsing options every command shares, and how they become the settings in force."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from ..errors import OptionsError
from ..limits import ENVIRONMENT_TODAY, FIRST_YEAR, LAST_YEAR
from .types import ByteSize, DateType

if TYPE_CHECKING:  # the configuration (and the models) load when a command runs
    from ..config import Config

F = TypeVar("F", bound=Callable[..., Any])


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
    from ..config import load_config, merge

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
