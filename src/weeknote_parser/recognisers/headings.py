"""Section headings: short standalone lines, and numbered lines that head their own paragraphs."""

from __future__ import annotations

from bisect import bisect_right

from ..models import SectionKind
from ..recognise import HEADING_TEXT, NOTE, would_match_chain
from ..state import ParseState
from .common import looks_like_heading


def marks_headings(state: ParseState) -> bool:
    """Does the format mark the headings of the current note (a Markdown '##', an HTML
    <h3>)? Then a line it leaves unmarked is text, not a heading (an image's alt text, a
    one-line paragraph above a list, a greeting), unless it names a section kind."""
    marked = state.memo.get(_MARKED_LINES)
    if not isinstance(marked, list):
        marked = [i for i, line in enumerate(state.lines) if line.role == "heading"]
        state.memo[_MARKED_LINES] = marked
    if not marked:
        return False
    note = state.note
    start = note.start if note is not None else -1
    key = f"{_MARKED_LINES}:{start}"
    found = state.memo.get(key)
    if not isinstance(found, bool):
        # the first marked heading after the note's first line, unless it opens the next note
        after = bisect_right(marked, start)
        found = after < len(marked) and not would_match_chain(state, NOTE, marked[after])
        state.memo[key] = found
    return found


_MARKED_LINES = "headings:marked"


def is_candidate(state: ParseState, line: int) -> bool:
    """Could ``line`` be a heading by its own look (ignoring what follows it)?"""
    current = state.lines[line]
    if current.role is not None:
        return current.role == "heading"
    if not state.is_standalone(line):
        return False
    if current.marker is not None:
        return current.marker.style == "numbered" and looks_like_heading(current.content)
    if not looks_like_heading(current.stripped):
        return False
    return not marks_headings(state) or names_a_kind(state, current.stripped)


def names_a_kind(state: ParseState, text: str) -> bool:
    """Does ``text`` name a section kind of the vocabulary ('Next week', 'Highlights')?"""
    return state.kinds.classify(text) is not SectionKind.OTHER


def _heads_text(state: ParseState, line: int) -> int | None:
    """The line of the text a heading at ``line`` would head, or None if nothing fit follows.

    What follows must be content: not the end, not another heading candidate (a standalone
    line followed by a heading is a caption, not a heading), and not a block a rule of the
    'heading_text' chain would read (the next note, chrome, a footnote).
    """
    below = state.next_content(line + 1)
    if below is None or is_candidate(state, below):
        return None
    if would_match_chain(state, HEADING_TEXT, below):
        return None
    return below


def heading(state: ParseState, line: int, *, silent: bool) -> bool:
    """A short standalone line (a question too) that names the text below it."""
    current = state.lines[line]
    if current.role == "heading":  # a heading the format marks (Markdown '#', HTML <h2>)
        if not silent:
            state.start_section(current.stripped, line, line + 1)
            state.cursor = line + 1
        return True
    if current.marker is not None or not is_candidate(state, line):
        return False
    if _heads_text(state, line) is None:
        return False
    if not silent:
        state.start_section(current.stripped, line, line + 1)
        state.cursor = line + 1
    return True


def numbered_heading(state: ParseState, line: int, *, silent: bool) -> bool:
    """A standalone numbered line ('1. Listening more') followed by its own paragraph."""
    current = state.lines[line]
    if current.marker is None or current.marker.style != "numbered":
        return False
    if not is_candidate(state, line):
        return False
    below = _heads_text(state, line)
    if below is None or state.lines[below].marker is not None:
        return False
    if not silent:
        state.start_section(current.content, line, line + 1)
        state.cursor = line + 1
    return True
