"""Datelines: the date a note was posted, on a line just below its title."""

from __future__ import annotations

import regex

from ..models import WeekKind, YearSource
from ..state import ParseState
from ..weeks import Evidence

MAX_DATELINE_CHARS = 80
MAX_DATELINE_OTHER_WORDS = 6
_DATELINE_WORDS = regex.compile(
    r"^(?:posted|published|written|updated|last|on|by|at|date|dated|min|mins|minutes?|read|"
    r"reading|time|comments?|\d+|[·|•,:\-–—])+$",
    regex.I,
)


def dateline_at(state: ParseState, line: int) -> Evidence | None:
    """The date a standalone line such as 'May 15, 2020' or 'Posted on 3 March 2021 by Sam'
    gives, if the line is nothing but that (and a few words of furniture)."""
    current = state.lines[line]
    text = current.stripped
    if not current.has_digit or len(text) > MAX_DATELINE_CHARS or current.marker is not None:
        return None
    found = state.designations(line)
    if len(found) != 1 or found[0].kind is not WeekKind.DATE or found[0].first is None:
        return None
    day = found[0].first.resolved()
    if day is None:
        return None
    rest = (text[: found[0].start] + " " + text[found[0].end :]).split()
    furniture = [w for w in rest if _DATELINE_WORDS.match(w)]
    if len(rest) > MAX_DATELINE_OTHER_WORDS or (rest and not furniture):
        return None
    return Evidence(day, YearSource.NOTE_DATE, found[0].raw, state.origin(line))


def dateline(state: ParseState, line: int, *, silent: bool) -> bool:
    """A dateline just below a note's title: the note's publication date. The line itself is
    site furniture and goes to chrome."""
    note = state.note
    if note is None or note.sections or not state.is_standalone(line):
        return False
    if state.lines[line].role is not None:
        return False
    evidence = dateline_at(state, line)
    if evidence is None:
        return False
    if not silent:
        state.add_chrome(line)
        state.add_dateline(evidence)
        state.cursor = line + 1
    return True
