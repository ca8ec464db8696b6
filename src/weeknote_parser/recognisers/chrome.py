"""Site furniture: blog headers, category and pagination lines, copyright and theme credits."""

from __future__ import annotations

import regex

from ..state import ParseState

# Lines that are furniture wherever they stand, when they stand alone and are short.
FURNITURE = regex.compile(
    r"""^(?:
        [«‹←]\s*\S.* | .*\S\s*[»›→]                                  # pagination arrows
      | (?:older|newer|previous|next)\s+(?:posts?|entries|articles)\b.*
      | (?:©|\(c\)\s*\d{4}|copyright\b).*                              # copyright lines
      | .*\b(?:theme\s+by|powered\s+by|proudly\s+powered|blog\s+at\s+wordpress)\b.*
      | (?:category|categories|tags?|filed\s+under|posted\s+in)\s*:.*  # taxonomy lines
      | page\s+\d+\s+of\s+\d+
      | (?:skip\s+to\s+(?:content|main\s+content)|back\s+to\s+top|up\s*↑|menu|search(?:\s+for)?:?)
      | (?:share\s+this|like\s+this|leave\s+a\s+(?:comment|reply)|\d+\s+comments?|no\s+comments)\b.{0,20}
      | subscribe(?:\s+via\s+\w+)?|follow\s+(?:me|us)\s+on\s+\w+
    )$""",
    regex.IGNORECASE | regex.VERBOSE,
)
MAX_FURNITURE_CHARS = 80
NOTE_STARTS = ("title", "week_line", "plain_title")


def is_furniture(text: str) -> bool:
    """Is ``text`` a line of site furniture by its wording alone?"""
    return len(text) <= MAX_FURNITURE_CHARS and FURNITURE.match(text) is not None


def chrome(state: ParseState, line: int, *, silent: bool) -> bool:
    """Furniture lines anywhere, and every line before the first note of a page."""
    end = line + 1
    if state.is_standalone(line) and is_furniture(state.lines[line].stripped):
        pass
    elif state.note is None and _before_first_note(state, line):
        end = state.block_end(line)
    else:
        return False
    if not silent:
        for index in range(line, end):
            state.add_chrome(index)
        state.cursor = end
    return True


def _before_first_note(state: ParseState, line: int) -> bool:
    first = state.first_match(("title", "week_line"))
    return first is not None and line < first
