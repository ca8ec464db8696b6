"""Titles: a note starts at a title line, with its week in the title or on the line below."""

from __future__ import annotations

import regex

from ..state import ParseState
from ..weeks import LABEL, WeekMatch, find_designations, match_whole
from .common import MAX_TITLE_CHARS, looks_like_title

# What may stand before a designation that opens a title: nothing, or a few words ending
# in a weeknote label ('Weeknote ', "Sam's weeknotes: ").
_PREFIX = regex.compile(rf"^(?:[\w'’ ]{{0,30}}\b)?(?:{LABEL}|week)\s*[#:,\-–—|]?\s*$", regex.I)
_SEPARATOR_AFTER = regex.compile(r"^\s*[:\-–—|]\s*(?P<rest>\S.*)$")
_SEPARATOR_BEFORE = regex.compile(
    rf"^(?P<rest>.*\S)\s*[:\-–—|,(]\s*(?:(?:{LABEL}|week)\s*[#:]?\s*)?$", regex.I
)

MAX_PLAIN_TITLE_WORDS = 20


def split_title(text: str) -> tuple[WeekMatch, str | None] | None:
    """Find the week designation that opens (or closes) a title, and the subtitle beside it."""
    for match in find_designations(text):
        prefix, suffix = text[: match.start], text[match.end :].strip().rstrip(")")
        if not prefix.strip() or _PREFIX.match(prefix):
            if not suffix:
                return match, None
            after = _SEPARATOR_AFTER.match(suffix)
            if after:
                return match, after["rest"]
        elif not suffix:
            before = _SEPARATOR_BEFORE.match(prefix)
            if before:
                return match, before["rest"]
    return None


MAX_WEEK_LINE_CHARS = 60


def _week_line_at(state: ParseState, line: int) -> WeekMatch | None:
    current = state.lines[line]
    text = current.stripped
    if not text or len(text) > MAX_WEEK_LINE_CHARS or current.marker is not None:
        return None
    if not current.has_digit:
        return None
    return match_whole(text)


def week_line(state: ParseState, line: int, *, silent: bool) -> bool:
    """A line that is nothing but a week designation ('Weeknote 12.22', '2022.3') opens a note
    on its own when no title stands above it; the line is then the title too."""
    match = _week_line_at(state, line)
    if match is None:
        return False
    if not silent:
        text = state.lines[line].stripped
        week = state.place_week(match, line)
        state.start_note(title=text, subtitle=None, week=week, start=line, end=line + 1)
        state.cursor = line + 1
    return True


def title(state: ParseState, line: int, *, silent: bool) -> bool:
    """A title with its week designation in it ('Weeknote w/c 5 November: subtitle'), or a
    title-like line followed by a week line."""
    current = state.lines[line]
    if current.marker is not None or (line > 0 and state.lines[line - 1].stripped):
        return False
    text = current.stripped
    block_end = state.block_end(line)
    if block_end == line + 1 and current.has_digit and len(text) <= MAX_TITLE_CHARS:
        found = split_title(text)
        if found is not None and looks_like_title(text):
            if not silent:
                match, subtitle = found
                week = state.place_week(match, line)
                state.start_note(title=text, subtitle=subtitle, week=week, start=line, end=line + 1)
                state.cursor = line + 1
            return True
    # A title on its own, with the week on the next line (in the same block or the next).
    if block_end == line + 1:
        below = state.next_content(line + 1)
    elif block_end == line + 2:
        below = line + 1
    else:
        return False
    if below is None or state.block_end(below) != below + 1:
        return False
    below_match = _week_line_at(state, below)
    if below_match is None or not looks_like_title(text):
        return False
    if not silent:
        week = state.place_week(below_match, below)
        state.start_note(title=text, subtitle=None, week=week, start=line, end=below + 1)
        state.cursor = below + 1
    return True


def plain_title(state: ParseState, line: int, *, silent: bool) -> bool:
    """In a document that names no week, its first line is the title when it reads like one
    and text follows it."""
    if state.note is not None:
        return False
    if not state.is_standalone(line) or state.lines[line].marker is not None:
        return False
    text = state.lines[line].stripped
    if not looks_like_title(text) or len(text.split()) > MAX_PLAIN_TITLE_WORDS:
        return False
    if state.next_content(line + 1) is None:
        return False
    if state.first_match(("title", "week_line")) is not None:
        return False
    if not silent:
        state.start_note(
            title=state.lines[line].stripped, subtitle=None, week=None, start=line, end=line + 1
        )
        state.cursor = line + 1
    return True
