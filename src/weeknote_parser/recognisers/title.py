"""Titles: a note starts at a title line, with its week in the title or on the line below."""

from __future__ import annotations

import regex

from ..lines import MAY_OPEN_NOTE
from ..recognise import NOTE, first_match_chain
from ..state import ParseState
from ..weeks import LABEL, WeekMatch
from ..weeks.grammar import whole
from .common import looks_like_title
from .dateline import dateline_at

# What may stand before a designation that opens a title: nothing, or a few words ending
# in a weeknote label ('Weeknote ', "Sam's weeknotes for ").
_PREFIX = regex.compile(
    rf"^(?:[\w'’ ]{{0,30}}\b)?(?:{LABEL}|week)\s*(?:(?:for|from)\s+)?[#:,\-–—|]?\s*$", regex.I
)
_SEPARATOR_AFTER = regex.compile(r"^\s*[:\-–—|]\s*(?P<rest>\S.*)$")
_LABEL_AFTER = regex.compile(rf"^\s*[:\-–—|,]?\s*{LABEL}\s*$", regex.I)
_SEPARATOR_BEFORE = regex.compile(
    rf"^(?P<rest>.*\S)\s*[:\-–—|,(]\s*(?:(?:{LABEL}|week)\s*[#:]?\s*)?$", regex.I
)
_HAS_LABEL = regex.compile(LABEL, regex.I)

MAX_WEEK_LINE_CHARS = 60
MAX_PLAIN_TITLE_WORDS = 20


def split_title(text: str, designations: list[WeekMatch]) -> tuple[WeekMatch, str | None] | None:
    """Of the ``designations`` in a title, the one that opens (or closes) it, and the
    subtitle after it: the words after the designation and its separator. A title the
    designation closes ('Getting going again - Weeknote 12.22') has no subtitle."""
    for match in designations:
        prefix, suffix = text[: match.start], text[match.end :].strip().rstrip(")")
        if not prefix.strip() or _PREFIX.match(prefix):
            if not suffix or _LABEL_AFTER.match(suffix):
                return match, None
            after = _SEPARATOR_AFTER.match(suffix)
            if after:
                return match, after["rest"]
        elif not suffix and _SEPARATOR_BEFORE.match(prefix):
            return match, None
    return None


def _week_line_at(state: ParseState, line: int) -> WeekMatch | None:
    """The strong designation that makes up all of ``line``, if any."""
    current = state.lines[line]
    text = current.stripped
    if not text or len(text) > MAX_WEEK_LINE_CHARS or current.marker is not None:
        return None
    if current.role not in MAY_OPEN_NOTE:
        return None
    if not current.has_digit:
        return None
    match = whole(state.designations(line), text)
    return match if match is not None and match.strong else None


def week_line(state: ParseState, line: int, *, silent: bool) -> bool:
    """A line that is nothing but a week designation ('Weeknote 12.22', '2022.3') opens a note
    on its own when no title stands above it; the line is then the title too."""
    match = _week_line_at(state, line)
    if match is None:
        return False
    if not silent:
        text = state.lines[line].stripped
        state.start_note(title=text, subtitle=None, designation=match, start=line, end=line + 1)
        state.cursor = line + 1
    return True


def _accepts(state: ParseState, line: int, match: WeekMatch, text: str) -> bool:
    """A weak designation (a bare date, '#21', 'Sprint 4') makes a title only in a title that
    says it is a weeknote, or on the first line of the document."""
    if match.strong or _HAS_LABEL.search(text):
        return True
    return state.note is None and state.next_content(0) == line


def title(state: ParseState, line: int, *, silent: bool) -> bool:
    """A title with its week designation in it ('Weeknote w/c 5 November: subtitle'), or a
    title-like line followed by a week line or by a dateline."""
    current = state.lines[line]
    if current.role == "title":
        return _given_title(state, line, silent=silent)
    if current.role not in MAY_OPEN_NOTE:
        return False
    if current.marker is not None or (line > 0 and state.lines[line - 1].stripped):
        return False
    text = current.stripped
    block_end = state.block_end(line)
    title_like = looks_like_title(text)
    if block_end == line + 1 and current.has_digit and title_like:
        found = split_title(text, state.designations(line))
        if found is not None and _accepts(state, line, found[0], text):
            if not silent:
                match, subtitle = found
                state.start_note(
                    title=text, subtitle=subtitle, designation=match, start=line, end=line + 1
                )
                state.cursor = line + 1
            return True
    # A title on its own, with the week (or the date) on the next line.
    if not title_like:
        return False
    if block_end == line + 1:
        below = state.next_content(line + 1)
    elif block_end == line + 2:
        below = line + 1
    else:
        return False
    if below is None or state.block_end(below) != below + 1:
        return False
    below_match = _week_line_at(state, below)
    if below_match is None:
        if not state.lines[below].has_digit or dateline_at(state, below) is None:
            return False
        if current.has_digit and split_title(text, state.designations(line)):
            return False
        if not silent:
            state.start_note(title=text, subtitle=None, designation=None, start=line, end=line + 1)
            state.cursor = line + 1
        return True
    if not silent:
        state.start_note(
            title=text,
            subtitle=None,
            designation=below_match,
            start=line,
            end=below + 1,
            designation_line=below,
        )
        state.cursor = below + 1
    return True


def _given_title(state: ParseState, line: int, *, silent: bool) -> bool:
    """A line the format marks as a title (front matter, a first H1, a page's or an entry's
    title) always starts a note; its week is in it, or on the week line below it."""
    if silent:
        return True
    text = state.lines[line].stripped
    designations = state.designations(line)
    found = split_title(text, designations)
    if found is None and (alone := whole(designations, text)) is not None:
        found = (alone, None)
    end = line + 1
    designation_line = line
    if found is None:
        below = state.next_content(line + 1)
        match = _week_line_at(state, below) if below is not None else None
        if below is not None and match is not None:
            found, end, designation_line = (match, None), below + 1, below
    state.start_note(
        title=text,
        subtitle=found[1] if found else None,
        designation=found[0] if found else None,
        start=line,
        end=end,
        designation_line=designation_line,
    )
    state.cursor = end
    return True


def plain_title(state: ParseState, line: int, *, silent: bool) -> bool:
    """In a document that names no week, its first line is the title when it reads like one
    and text follows it."""
    if state.note is not None or state.lines[line].role not in MAY_OPEN_NOTE:
        return False
    if not state.is_standalone(line) or state.lines[line].marker is not None:
        return False
    text = state.lines[line].stripped
    if not looks_like_title(text) or len(text.split()) > MAX_PLAIN_TITLE_WORDS:
        return False
    if state.next_content(line + 1) is None:
        return False
    if first_match_chain(state, NOTE) is not None:
        return False
    if not silent:
        state.start_note(title=text, subtitle=None, designation=None, start=line, end=line + 1)
        state.cursor = line + 1
    return True
