"""Running a batch from the command line: the input options, finding the inputs, and the loop
that reports each outcome (errors, warnings, a progress bar) and ends with the tally."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, BinaryIO, TypeVar

import click

from ..errors import InputError
from .sink import EXIT_INPUT_ERROR, EXIT_INTERNAL, EXIT_OK

if TYPE_CHECKING:  # the batch and the readers load when a command runs, not for --help
    from ..batch import Outcome
    from ..discover import Entry

F = TypeVar("F", bound=Callable[..., Any])


def input_options(func: F) -> F:
    """The options that say which files a batch reads, how, and what it reports."""
    decorators = [
        click.option(
            "--recursive/--no-recursive",
            default=True,
            show_default=True,
            help="Walk folders into their subfolders.",
        ),
        click.option(
            "--include",
            multiple=True,
            metavar="GLOB",
            help="Read only files matching GLOB from folders and patterns (repeatable; "
            "default: the known extensions, .txt .md .html .xml …).",
        ),
        click.option(
            "--exclude",
            multiple=True,
            metavar="GLOB",
            help="Skip files and folders matching GLOB (repeatable).",
        ),
        click.option(
            "--files-from",
            metavar="FILE",
            help="Read the paths to parse from FILE, one a line ('-': standard input).",
        ),
        click.option(
            "--jobs",
            "-j",
            type=click.IntRange(min=0),
            default=1,
            show_default=True,
            help="Parse in N worker processes (0: one per core); output keeps input order.",
        ),
        click.option(
            "--progress/--no-progress",
            default=None,
            help="Show a progress bar on stderr (default: when stderr is a terminal).",
        ),
        click.option(
            "--quiet",
            "-q",
            is_flag=True,
            help="Print no warnings, no progress and no closing tally on stderr (errors still).",
        ),
        click.option(
            "--strict",
            is_flag=True,
            help="Exit 1 if any input has a warning (warnings are then always printed).",
        ),
    ]
    for decorator in reversed(decorators):
        func = decorator(func)
    return func


@dataclass(frozen=True)
class Inputs:
    """What the input options say."""

    paths: tuple[str, ...]
    recursive: bool = True
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    files_from: str | None = None

    @classmethod
    def from_options(cls, paths: tuple[str, ...], settings: dict[str, Any]) -> Inputs:
        return cls(
            paths,
            recursive=settings["recursive"],
            include=tuple(settings["include"]),
            exclude=tuple(settings["exclude"]),
            files_from=settings["files_from"],
        )

    def check(self) -> None:
        """Usage errors, found before anything is read."""
        from ..discover import STDIN

        if not self.paths and self.files_from is None:
            raise click.UsageError("Missing argument 'PATH...'.")
        if self.files_from == STDIN and STDIN in self.paths:
            raise click.UsageError("'-' and '--files-from -' cannot both read standard input.")

    def find(self, stdin: BinaryIO | None) -> tuple[list[Entry], int, list[InputError]]:
        """The entries to read, how many files were skipped, and the inputs that failed."""
        from ..discover import discover, files_from

        errors: list[InputError] = []
        listed: list[str] = []
        if self.files_from is not None:
            try:
                listed = files_from(self.files_from, stdin)
            except InputError as error:
                errors.append(error)
        found = discover(
            self.paths, recursive=self.recursive, include=self.include,
            exclude=self.exclude, listed=listed,
        )  # fmt: skip
        return found.entries, found.skipped, errors + found.errors


class Reporter:
    """Reports a batch on stderr: each error, each warning (if shown), a progress bar, and
    the closing tally."""

    def __init__(self, *, show_warnings: bool, quiet: bool, strict: bool) -> None:
        self.show_warnings = show_warnings
        self.quiet = quiet
        self.strict = strict
        from ..batch import Tally

        self.tally = Tally()
        self.bar_active = False

    def say(self, line: str) -> None:
        if self.bar_active:
            click.echo("\r\x1b[K", nl=False, err=True)
        click.echo(line, err=True)

    def failed(self, error: InputError | str) -> None:
        self.tally.failed += 1
        self.say(f"Error: {error}")

    def outcome(self, outcome: Outcome) -> None:
        self.tally.add(outcome)
        if outcome.status in ("failed", "bug"):
            self.say(f"Error: {outcome.message}")
        elif self.show_warnings:
            for line in outcome.warnings:
                self.say(line)

    @contextmanager
    def progress(
        self, outcomes: Iterable[Outcome], count: int, wanted: bool | None
    ) -> Iterator[Iterable[Outcome]]:
        """``outcomes`` with a progress bar on stderr: when ``wanted``, or (None) when stderr
        is a terminal; never with --quiet or for a single input."""
        show = wanted if wanted is not None else _is_terminal(sys.stderr)
        if self.quiet or not show or count < 2:
            yield outcomes
            return
        with click.progressbar(
            outcomes, length=count, label="parsing", file=sys.stderr, show_pos=True
        ) as bar:
            self.bar_active = _is_terminal(sys.stderr)
            try:
                yield bar
            finally:
                self.bar_active = False

    def finish(self, *, stopped: bool = False) -> int:
        """Print the tally (when more than one file was read) and return the exit code."""
        tally = self.tally
        if not self.quiet and not stopped and tally.read > 1:
            click.echo(tally.summary(), err=True)
        if tally.bugs:
            return EXIT_INTERNAL
        if tally.failed or (self.strict and tally.warnings):
            return EXIT_INPUT_ERROR
        return EXIT_OK


def _is_terminal(stream: Any) -> bool:
    try:
        return bool(stream is not None and stream.isatty())
    except (OSError, ValueError):
        return False
