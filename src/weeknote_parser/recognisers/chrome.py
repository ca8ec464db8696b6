"""Site furniture: blog headers, category and pagination lines, copyright and theme credits."""

from __future__ import annotations

import regex

from ..recognise import NOTE, first_match_chain
from ..state import ParseState

# Lines that are furniture wherever they stand, when they stand alone and are short:
# wording that opens the line, wording found anywhere in it, or a closing arrow.
FURNITURE_START = regex.compile(
    r"""(?:
        [«‹←]
      | (?:older|newer|previous|next)\s+(?:posts?|entries|articles)\b
      | © | \(c\)\s*\d{4} | copyright\b
      | (?:category|categories|tags?|filed\s+under|posted\s+in)\s*:
      | (?:filed\s+under|posted\s+in)\s+[^.!?]*$             # 'Posted in Weeknotes | …'
      | page\s+\d+\s+of\s+\d+$
      | (?:skip\s+to\s+(?:main\s+)?content|back\s+to\s+top|up\s*↑|menu|search(?:\s+for)?:?)$
      | (?:share\s+this|like\s+this|leave\s+a\s+(?:comment|reply))\b
      | (?:\d+\s+comments?|no\s+comments)$
      | (?:subscribe(?:\s+via\s+\w+)?|follow\s+(?:me|us)\s+on\s+\w+)$
    )""",
    regex.IGNORECASE | regex.VERBOSE,
)
FURNITURE_ANYWHERE = regex.compile(
    r"\b(?:theme\s+by|powered\s+by|proudly\s+powered|blog\s+at\s+wordpress)\b"
    r"|\|\s*(?:leave\s+a\s+(?:comment|reply)|\d+\s+comments?|no\s+comments)\b",
    regex.IGNORECASE,
)
CLOSING_ARROWS = ("»", "›", "→")
MAX_FURNITURE_CHARS = 80


def is_furniture(text: str) -> bool:
    """Is ``text`` a line of site furniture by its wording alone?"""
    if len(text) > MAX_FURNITURE_CHARS:
        return False
    return (
        text.endswith(CLOSING_ARROWS)
        or FURNITURE_START.match(text) is not None
        or (("by" in text.lower() or "|" in text) and FURNITURE_ANYWHERE.search(text) is not None)
    )


def chrome(state: ParseState, line: int, *, silent: bool) -> bool:
    """Furniture lines anywhere, and every line before the first note of a page."""
    end = line + 1
    current = state.lines[line]
    text = current.stripped
    if current.role == "chrome":
        pass
    elif current.role is not None:
        return False
    elif len(text) <= MAX_FURNITURE_CHARS and state.is_standalone(line) and is_furniture(text):
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
    first = first_match_chain(state, NOTE)
    return first is not None and line < first
