"""Datelines: the date a note was posted, on a line just below its title."""

from __future__ import annotations

import regex

from ..models import WeekKind, YearSource
from ..state import ParseState
from ..weeks import Evidence

MAX_DATELINE_CHARS = 80
MAX_DATELINE_OTHER_WORDS = 6
# A date the format marks as furniture is the note's dateline when at most this many lines
# (a 'Read more' link, a breadcrumb) stand between it and the note's text.
MAX_LINES_AFTER_TEXT = 4
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
    """A note's dateline: its publication date, and evidence for its week. Either a
    standalone line just below the note's title, or a date line the format marks as
    furniture close after the note's text (a theme's post footer, 'March 5, 2023 · 2 min').
    The line belongs to the note, which holds it as its ``dateline``; it is neither a
    paragraph of the note's text nor site furniture."""
    note = state.note
    if note is None or not state.is_standalone(line):
        return False
    current = state.lines[line]
    if not current.has_digit or state.memo.get(_DATED) == note.start:
        return False  # one dateline a note
    if current.role == "chrome":
        if not _close_after(state, note.end, line):
            return False
    elif current.role is not None or note.sections:
        return False
    evidence = dateline_at(state, line)
    if evidence is None:
        return False
    if not silent:
        state.memo[_DATED] = note.start
        state.add_dateline(evidence, line)
        state.cursor = line + 1
    return True


def _close_after(state: ParseState, end: int, line: int) -> bool:
    """Do at most ``MAX_LINES_AFTER_TEXT`` lines stand between the note's text (ending at
    ``end``) and ``line``, none of them naming a week (the title of another post, whose
    date it is)?"""
    between = 0
    for index in range(end, line):
        if state.lines[index].stripped:
            between += 1
            if between > MAX_LINES_AFTER_TEXT:
                return False
            if state.lines[index].has_digit and any(
                found.strong for found in state.designations(index)
            ):
                return False
    return True


_DATED = "dateline:note"  # memo: the start of the last note given a dateline
