"""Titles: a note starts at a title line, with its week in the title or on the line below."""

from __future__ import annotations

import regex

from ..lines import MAY_OPEN_NOTE
from ..recognise import NOTE, chain, first_match_chain
from ..state import ParseState
from ..weeks import LABEL, WeekMatch
from ..weeks.builders import same_week
from ..weeks.grammar import whole
from ..weeks.titles import split_title
from .common import looks_like_title, names_a_kind
from .dateline import dateline_at

# What may stand before a designation that opens a title: nothing, or a few words ending
# in a weeknote label ('Weeknote ', "Sam's weeknotes for ").
_PREFIX = regex.compile(
    rf"^(?:[\w'’ ]{{0,30}}\b)?(?:{LABEL}|week)\s*(?:(?:for|from)\s+)?[#:,\-–—|]?\s*$", regex.I
)
_HAS_LABEL = regex.compile(LABEL, regex.I)
_AHEAD = regex.compile(r"\b(?:next|coming|ahead|upcoming|plans?|goals?|to\s*do)\b", regex.I)

MAX_WEEK_LINE_CHARS = 60
# How many note-opening lines below a format's title, naming no week, make it the name of
# a page of notes rather than a note's title.
PAGE_OF_NOTES = 2
MAX_PLAIN_TITLE_WORDS = 20


def _core(text: str) -> str:
    """A title line without the ':' that may close it ('Week 3 (12/2):' above its list)."""
    return text[:-1].rstrip() if text.endswith(":") else text


def _week_line_at(state: ParseState, line: int) -> WeekMatch | None:
    """The strong designation that makes up all of ``line`` (a closing ':' aside), if any."""
    current = state.lines[line]
    text = current.stripped
    if not text or len(text) > MAX_WEEK_LINE_CHARS or current.marker is not None:
        return None
    if current.role not in MAY_OPEN_NOTE:
        return None
    if not current.has_digit:
        return None
    match = whole(state.designations(line), _core(text))
    return match if match is not None and match.strong else None


def _repeats_note_week(state: ParseState, match: WeekMatch) -> bool:
    """Does ``match`` name the same week as the note just opened above it, before any of its
    text ('Week Notes 2026-04', then '📅 Week of 2026-01-19 - 2026-01-25')? Then the line is
    part of that note, not the title of another."""
    note = state.note
    if note is None or note.sections or note.facts.designation is None:
        return False
    if note.facts.designation.raw == match.raw:
        return False  # the same designation again: a second note for the week
    return same_week(note.facts.designation, match)


def week_line(state: ParseState, line: int, *, silent: bool) -> bool:
    """A line that is nothing but a week designation ('Weeknote 12.22', '2022.3') opens a note
    on its own when no title stands above it; the line is then the title too."""
    match = _week_line_at(state, line)
    if match is None or _repeats_note_week(state, match):
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


def _starts_block(state: ParseState, line: int) -> bool:
    """Is ``line`` the first of its block, or does furniture read just now stand above it
    ('Home | About | Archive' directly above a title)?"""
    if line == 0 or not state.lines[line - 1].stripped:
        return True
    return line == state.cursor and bool(state.chrome) and state.chrome[-1][0] == line - 1


def _names_a_section(state: ParseState, prefix: str) -> bool:
    """Do the words before a designation name a section of a note rather than a note: a
    section kind, or the coming week ('Next week (w/c 11 November)', 'Up next: week 46')?"""
    words = prefix.strip(" :-–—|,([")
    if not words or _HAS_LABEL.search(words):
        return False
    return _AHEAD.search(words) is not None or names_a_kind(state, words)


def _opening_title(state: ParseState, line: int) -> tuple[WeekMatch, str | None] | None:
    """The designation and subtitle of a title line that names its week: standalone, or
    directly above the first item of its list when the designation opens the line."""
    current = state.lines[line]
    text = current.stripped
    core = _core(text)
    if not current.has_digit or not looks_like_title(core):
        return None
    designations = state.designations(line)
    found = split_title(core, designations)
    if found is None or not _accepts(state, line, found[0], text):
        return None
    if _repeats_note_week(state, found[0]):
        return None
    prefix = text[: designations[0].start]
    opens = not prefix.strip() or _PREFIX.match(prefix) is not None
    if not opens and state.note is not None and _names_a_section(state, prefix):
        return None  # 'Next week (w/c 11 November)' heads a section of the note
    if core is not text and not opens:
        return None  # 'Plans for week 12:' introduces what follows
    if state.block_end(line) != line + 1:
        below = state.lines[line + 1]
        if not opens or (below.marker is None and below.role != "list_item"):
            return None
    return found


def title(state: ParseState, line: int, *, silent: bool) -> bool:
    """A title with its week designation in it ('Weeknote w/c 5 November: subtitle'), or a
    title-like line followed by a week line or by a dateline."""
    current = state.lines[line]
    if current.role == "title":
        return _given_title(state, line, silent=silent)
    if current.role not in MAY_OPEN_NOTE:
        return False
    if current.marker is not None or not _starts_block(state, line):
        return False
    text = current.stripped
    block_end = state.block_end(line)
    found = _opening_title(state, line)
    if found is not None:
        if not silent:
            match, subtitle = found
            state.start_note(
                title=text, subtitle=subtitle, designation=match, start=line, end=line + 1
            )
            state.cursor = line + 1
        return True
    title_like = looks_like_title(text)
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
    if below_match is not None and (
        (current.role is None and state.lines[below].role is not None)
        or _repeats_note_week(state, below_match)
        or _opens_its_own_note(state, below)
    ):
        # A heading the format marks is a title of its own, not a text's week; a week line
        # naming the week of the note just opened belongs to that note; a line another rule
        # of the note chain reads (a plugin's) opens a note of its own.
        return False
    if below_match is None:
        if state.lines[below].role is not None or not state.lines[below].has_digit:
            return False  # a date the format marks as furniture follows a post, not a title
        if dateline_at(state, below) is None:
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


_PAIRED = frozenset({"title", "week_line"})  # the rules that pair a title with its week line


def _opens_its_own_note(state: ParseState, line: int) -> bool:
    """Would a rule of the note chain other than the title and week-line rules (one added
    by a plugin) open a note at ``line``?"""
    others = [name for name in chain(state, NOTE) if name not in _PAIRED]
    return bool(others) and state.would_match(others, line)


def _given_title(state: ParseState, line: int, *, silent: bool) -> bool:
    """A line the format marks as a title (front matter, a first H1, a page's or an entry's
    title) starts a note; its week is in it, on the week line below it, or on a line below
    it that reads as a title naming a week ('Reporting period: 3 - 9 May 2021'). A marked
    title that names no week, above several lines that open notes, names a page of notes:
    it is chrome."""
    if silent:
        return True
    text = state.lines[line].stripped
    designations = state.designations(line)
    found = split_title(text, designations)
    if found is None and (alone := whole(designations, text)) is not None:
        found = (alone, None)
    end = line + 1
    designation_line = line
    opening = None  # a line below that names the week and opens the note's text
    next_line = state.next_content(line + 1)
    week_below = (  # a plain week line just below ('Weeknote 14.23') is this note's week
        next_line is not None
        and state.lines[next_line].role is None
        and _week_line_at(state, next_line) is not None
    )
    if found is None and not week_below and _heads_page(state, line):
        state.add_chrome(line)
        state.cursor = line + 1
        return True
    undated = found is not None and found[0].first is None and found[0].week is None
    if found is None or undated:  # no week, or only a count ('Diary #3'): a week below?
        below = state.next_content(line + 1)
        match = _week_line_at(state, below) if below is not None else None
        subtitle = found[1] if found is not None else None
        if below is not None and match is not None:
            found, end, designation_line = (match, subtitle), below + 1, below
        elif below is not None and state.lines[below].role is None:
            titled = _opening_title(state, below)
            dated = titled is not None and (titled[0].first or titled[0].week) is not None
            if titled is not None and state.is_standalone(below) and (dated or not undated):
                found, designation_line, opening = (titled[0], subtitle), below, below
    state.start_note(
        title=text,
        subtitle=found[1] if found else None,
        designation=found[0] if found else None,
        start=line,
        end=end,
        designation_line=designation_line,
    )
    state.cursor = end
    if opening is not None:
        state.add_paragraph(state.lines[opening].stripped, opening, opening + 1)
        state.cursor = opening + 1
    return True


def _heads_page(state: ParseState, line: int) -> bool:
    """Do ``PAGE_OF_NOTES`` or more lines below ``line``, before the next marked title,
    open notes?"""
    lines = state.lines
    rules = chain(state, NOTE)
    count = 0
    previous = opened = -1  # the last line with text, and the last that opened a note
    for index in range(line + 1, len(lines)):
        current = lines[index]
        if not current.stripped:
            continue
        if current.role == "title":
            break
        if state.would_match(rules, index):
            if previous != opened or opened < 0:  # a title's week line opens no other note
                count += 1
                if count >= PAGE_OF_NOTES:
                    return True
            opened = index
        previous = index
    return False


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
