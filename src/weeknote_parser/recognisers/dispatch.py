"""Which lines each built-in recogniser can match at all: a cheap test on a line's facts.

The parser offers a line only to the rules whose test it passes, in the main loop and in the
look-aheads (``would_match``, ``first_match``), as markdown-it and mistune dispatch on a
line's first character. Each test is *conservative*: it is false only where its rule
returns False at once, whatever the state of the parse (it reads the same facts the rule's
first checks read). A test belongs to the built-in function it was written for: a rule put
in its place, or a plugin's rule, has none and is offered every line.

``WEEKNOTE_PARSER_DISPATCH=0`` in the environment (or ``Parser(dispatch=False)``) offers
every line to every rule; the tests check that both give the same Documents.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from ..lines import MAY_OPEN_NOTE, Line
from .chrome import chrome
from .dateline import dateline
from .footnotes import footnote
from .headings import heading, numbered_heading
from .lists import list_block
from .title import MAX_WEEK_LINE_CHARS, plain_title, title, week_line

LineTest = Callable[[Line], bool]

# The characters a plain-text footnote body may open with (footnotes._BODY).
_FOOTNOTE_FIRST = frozenset("*†‡[¹²³⁴⁵⁶⁷⁸⁹⁰")
_CHROME_ROLES = frozenset({None, "chrome"})
_LIST_ROLES = frozenset({None, "list_item"})


def _chrome(line: Line) -> bool:  # furniture: no role, or the format's 'chrome'
    return line.role in _CHROME_ROLES


def _dateline(line: Line) -> bool:  # a date has a digit
    return line.has_digit and line.role in _CHROME_ROLES


def _title(line: Line) -> bool:  # a marked title, or a line that may open a note, unbulleted
    return line.role == "title" or (line.role in MAY_OPEN_NOTE and line.marker is None)


def _week_line(line: Line) -> bool:  # title._week_line_at's first checks
    return (
        line.has_digit
        and line.marker is None
        and line.role in MAY_OPEN_NOTE
        and len(line.stripped) <= MAX_WEEK_LINE_CHARS
    )


def _plain_title(line: Line) -> bool:
    return line.role in MAY_OPEN_NOTE and line.marker is None


def _footnote(line: Line) -> bool:  # a marked footnote, or a line opening with a marker
    return line.role == "footnote" or (
        line.role is None and line.stripped[:1] in _FOOTNOTE_FIRST and line.stripped != ""
    )


def _numbered_heading(line: Line) -> bool:
    return line.marker is not None and line.marker.style == "numbered"


def _heading(line: Line) -> bool:
    return line.role == "heading" or (line.role is None and line.marker is None)


def _list(line: Line) -> bool:
    return line.role in _LIST_ROLES


# rule -> its test; keyed by the function, so a rule replaced under the same name has none.
LINE_TESTS: dict[Callable[..., bool], LineTest] = {
    chrome: _chrome,
    dateline: _dateline,
    title: _title,
    week_line: _week_line,
    plain_title: _plain_title,
    footnote: _footnote,
    numbered_heading: _numbered_heading,
    heading: _heading,
    list_block: _list,
}

ENVIRONMENT = "WEEKNOTE_PARSER_DISPATCH"


def dispatch_default() -> bool:
    """Dispatch on line facts unless ``WEEKNOTE_PARSER_DISPATCH=0`` is set."""
    return os.environ.get(ENVIRONMENT, "1").strip() not in ("0", "false", "no", "off")


def line_test(rule: object) -> LineTest | None:
    """The test of the built-in ``rule``; None (every line) for any other rule."""
    try:
        return LINE_TESTS.get(rule)  # type: ignore[call-overload, no-any-return]
    except TypeError:  # an unhashable callable object
        return None
