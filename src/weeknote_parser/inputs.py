"""What a reader hands the parser: lines with their facts, and what the format itself says."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from .lines import Hint, Line, analyse, make_line
from .weeks import Evidence, WeekMatch

Format = Literal["text", "markdown", "html", "feed"]
FORMATS: tuple[Format, ...] = ("text", "markdown", "html", "feed")


@dataclass(slots=True)
class NoteMeta:
    """What a format says about one note beyond its text: front matter, a page's or a feed
    entry's date and tags."""

    designation: WeekMatch | None = None
    evidence: list[Evidence] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    metadata: dict[str, Any] = field(default_factory=dict)
    summary_only: bool = False


@dataclass(slots=True)
class Input:
    """A document as lines, ready for the recognisers, whatever format it was read from.

    ``origins[i]`` is the 0-based line of the original input that line ``i`` came from (None:
    the same line). ``meta`` is keyed by the line that opens a note. ``evidence`` and
    ``designation`` come from the file name or URL and apply to a document of one note.
    """

    lines: list[Line]
    format: Format = "text"
    encoding: str | None = None
    path: str | None = None
    url: str | None = None
    origins: list[int] | None = None
    meta: dict[int, NoteMeta] = field(default_factory=dict)
    evidence: list[Evidence] = field(default_factory=list)
    designation: WeekMatch | None = None
    warnings: list[ReaderWarning] = field(default_factory=list)

    def warn(self, code: str, message: str, line: int | None = None) -> None:
        """Record a reader's warning; ``line`` is one of this Input's lines, if any."""
        self.warnings.append(ReaderWarning(code, message, line))


@dataclass(frozen=True, slots=True)
class ReaderWarning:
    """Something a reader noticed (content it could not keep, a value it refused)."""

    code: str
    message: str
    line: int | None = None


@dataclass(slots=True)
class LineBuilder:
    """Lines being built by a reader, with the original line each came from."""

    lines: list[Line] = field(default_factory=list)
    origins: list[int] = field(default_factory=list)

    def add(
        self, text: str, origin: int, hint: Hint | None = None, urls: tuple[str, ...] = ()
    ) -> None:
        """Add a line of text as it is (list markers and indents kept)."""
        self.lines.append(make_line(text, hint, urls))
        self.origins.append(origin)

    def add_folded(
        self, text: str, origin: int, hint: Hint | None = None, urls: tuple[str, ...] = ()
    ) -> None:
        """Add a line with its white space folded; nothing if it is empty."""
        text = " ".join(text.split())
        if text:
            self.add(text, origin, hint, urls)

    def gap(self, origin: int) -> None:
        """End the block being built: a blank line, unless there is one already."""
        if self.lines and self.lines[-1].stripped:
            self.add("", origin)


def text_input(text: str, **fields: Any) -> Input:
    """Plain text as an Input."""
    return Input(analyse(text), **fields)
