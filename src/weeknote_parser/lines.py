"""Line normalisation and the cheap per-line facts every recogniser reads."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal, NamedTuple

import regex

# A list marker at the start of a line: a bullet character, or a number with '.' or ')'.
_MARKER = regex.compile(
    r"(?P<indent>[ \t]*)"
    r"(?:(?P<bullet>[•●◦▪‣·∙*+\-–])|(?P<number>\d{1,3})[.)]|\((?P<pnumber>\d{1,3})\))"
    r"[ \t\u00a0]+(?=\S)"
)


@dataclass(frozen=True, slots=True)
class Marker:
    """A list marker found at the start of a line."""

    style: Literal["bullet", "numbered"]
    symbol: str
    number: int | None
    content_start: int


# What a reader of a structured format knows about a line: 'title' (a post's title), 'heading'
# (a Markdown or HTML heading), 'chrome' (site furniture) or 'text' (quoted or code text that
# is never structure). Plain text has no hints.
Hint = Literal["title", "heading", "chrome", "text"]


class Line(NamedTuple):
    """One normalised input line and the facts about it computed once."""

    text: str
    stripped: str
    indent: int
    marker: Marker | None
    has_digit: bool
    hint: Hint | None = None
    urls: tuple[str, ...] = ()  # link targets a structured format gives for this line

    @property
    def content(self) -> str:
        """The line's text without its list marker (the stripped text if it has none)."""
        if self.marker is None:
            return self.stripped
        return self.text[self.marker.content_start :].strip()


def split_lines(text: str) -> list[str]:
    """Split text on any line ending, dropping a leading BOM and trailing white space."""
    if text.startswith("\ufeff"):
        text = text[1:]
    return [
        raw.rstrip().expandtabs(4) if "\t" in raw else raw.rstrip() for raw in text.splitlines()
    ]


def find_marker(text: str) -> Marker | None:
    """Return the list marker at the start of ``text``, if there is one."""
    match = _MARKER.match(text)
    if match is None:
        return None
    if match["bullet"] is not None:
        return Marker("bullet", match["bullet"], None, match.end())
    digits = match["number"] or match["pnumber"]
    return Marker("numbered", digits, int(digits), match.end())


def make_line(raw: str, hint: Hint | None = None, urls: tuple[str, ...] = ()) -> Line:
    """One line's facts, for readers that build lines one at a time."""
    raw = raw.rstrip().expandtabs(4)
    stripped = raw.lstrip()
    if not stripped:
        return Line(raw, "", 0, None, False, hint, urls)
    marker = None
    if stripped[0] in _MARKER_FIRST and hint not in ("title", "heading", "text"):
        marker = find_marker(raw)
    has_digit = _DIGIT.search(stripped) is not None
    return Line(raw, stripped, len(raw) - len(stripped), marker, has_digit, hint, urls)


def analyse(text: str) -> list[Line]:
    """Normalise ``text`` into lines with their facts."""
    lines: list[Line] = []
    append = lines.append
    digit = _DIGIT.search
    for raw in split_lines(text):
        stripped = raw.lstrip()
        if not stripped:
            append(Line(raw, "", 0, None, False))
            continue
        marker = find_marker(raw) if stripped[0] in _MARKER_FIRST else None
        append(Line(raw, stripped, len(raw) - len(stripped), marker, digit(stripped) is not None))
    return lines


_DIGIT = re.compile(r"\d")
_MARKER_FIRST = frozenset("•●◦▪‣·∙*+-–(0123456789")
