"""Line normalisation and the cheap per-line facts every recogniser reads."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, NamedTuple

import regex

if TYPE_CHECKING:
    from .inputs import NoteMeta

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


# The role a structured format gives a line: 'title' (a post's title), 'heading' (a Markdown
# or HTML heading, with its level), 'list_item' (with its depth, number and task state),
# 'footnote' (a footnote's body, with its number), 'quote' and 'code' (text that is never
# structure), 'chrome' (site furniture). Plain text gives none: its lines are read by the
# heuristic recognisers, and so are a structured format's lines that have no role.
Role = Literal["title", "heading", "list_item", "footnote", "quote", "code", "chrome"]
ROLES: tuple[Role, ...] = (
    "title", "heading", "list_item", "footnote", "quote", "code", "chrome",
)  # fmt: skip
# The roles whose text is read as it is, never as structure.
VERBATIM: frozenset[Role | None] = frozenset({"quote", "code"})
# Lines that may open a note: those with no role, and headings ('## Week 12' in a Markdown
# file of many notes). A title always opens one.
MAY_OPEN_NOTE: frozenset[Role | None] = frozenset({None, "heading"})
Hint = Role  # the name this type had before roles carried levels and numbers


class LinkRef(NamedTuple):
    """A link a format gives for a line: its target and, where it has one, its text."""

    url: str
    text: str | None = None


class Line(NamedTuple):
    """One source line: its normalised text, the facts about it computed once, where it
    came from in the original input, and the role its format gives it."""

    text: str
    stripped: str
    indent: int
    marker: Marker | None
    has_digit: bool
    role: Role | None = None
    origin: int = -1  # 0-based line of the original input; -1: the same as its index
    level: int = 0  # a heading's level, a list item's depth (1 = outermost)
    ordered: bool = False  # a list item of a numbered list
    number: int | None = None  # a numbered item's or a footnote's number
    checked: bool | None = None  # a task item's state: True done, False open
    opens_list: bool = False  # a list item that begins a list (the one before it ends one)
    links: tuple[LinkRef, ...] = ()  # links the format gives for this line
    facts: NoteMeta | None = None  # what the format says of the note this line opens

    @property
    def content(self) -> str:
        """The line's text without its list marker (the stripped text if it has none)."""
        if self.marker is None:
            return self.stripped
        return self.text[self.marker.content_start :].strip()

    @property
    def hint(self) -> Role | None:
        """The line's role, by the name it had before roles carried levels and numbers."""
        return self.role

    @property
    def urls(self) -> tuple[str, ...]:
        """The targets of the links the format gives for this line."""
        return tuple(link.url for link in self.links)


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


def make_line(
    raw: str,
    role: Role | None = None,
    links: tuple[LinkRef, ...] = (),
    *,
    origin: int = -1,
    markers: bool = True,
    **facts: object,
) -> Line:
    """One line's facts, for readers that build lines one at a time. ``markers=False``: the
    format says the line is not a list item (a Markdown paragraph's '2) ' line)."""
    raw = raw.rstrip().expandtabs(4)
    stripped = raw.lstrip()
    if not stripped:
        return Line(raw, "", 0, None, False, role, origin, links=links)
    marker = None
    if markers and role is None and stripped[0] in _MARKER_FIRST:
        marker = find_marker(raw)
    has_digit = _DIGIT.search(stripped) is not None
    indent = len(raw) - len(stripped)
    return Line(
        raw,
        stripped,
        indent,
        marker,
        has_digit,
        role,
        origin,
        links=links,
        **facts,  # type: ignore[arg-type]
    )


def analyse(text: str) -> list[Line]:
    """Normalise ``text`` into lines with their facts; each line's origin is its index.

    Every line of a text is made here, so the tuples are built directly: a named tuple's
    own constructor, with its defaults, costs twice as much as the rest of a line's facts.
    """
    lines: list[Line] = []
    append = lines.append
    digit = _DIGIT.search
    new = tuple.__new__
    rest = _DEFAULTS_AFTER_ORIGIN
    for index, raw in enumerate(split_lines(text)):
        stripped = raw.lstrip()
        if not stripped:
            append(new(Line, (raw, "", 0, None, False, None, index, *rest)))
            continue
        marker = find_marker(raw) if stripped[0] in _MARKER_FIRST else None
        has_digit = digit(stripped) is not None
        indent = len(raw) - len(stripped)
        append(new(Line, (raw, stripped, indent, marker, has_digit, None, index, *rest)))
    return lines


_TASK = re.compile(r"^\[([ xX])\][ \t]+(?=\S)")


def task_state(text: str) -> tuple[bool | None, str]:
    """A task item's state and its text without the box: '[x] Ship it' -> (True, 'Ship it');
    (None, text) when ``text`` is not a task."""
    match = _TASK.match(text)
    if match is None:
        return None, text
    return match.group(1) != " ", text[match.end() :]


_DIGIT = re.compile(r"\d")
# The fields after ``origin``, as a plain text's line has them (all their defaults).
_DEFAULTS_AFTER_ORIGIN = tuple(Line._field_defaults[name] for name in Line._fields[7:])
_MARKER_FIRST = frozenset("•●◦▪‣·∙*+-–(0123456789")
