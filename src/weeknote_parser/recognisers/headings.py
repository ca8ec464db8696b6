"""Section headings: short standalone lines, and numbered lines that head their own paragraphs."""

from __future__ import annotations

from bisect import bisect_right

import regex

from ..recognise import HEADING_TEXT, NOTE, would_match_chain
from ..state import ParseState
from .common import heading_text, looks_like_heading, names_a_kind
from .paragraph import starts_emoji_list


def marks_headings(state: ParseState) -> bool:
    """Does the format mark the headings of the current note (a Markdown '##', an HTML
    <h3>)? Then a line it leaves unmarked is text, not a heading (an image's alt text, a
    one-line paragraph above a list, a greeting), unless it names a section kind."""
    found = state.memo.get(_MARKED_LINES)
    if not isinstance(found, tuple):
        marked = [i for i, line in enumerate(state.lines) if line.role == "heading"]
        titles = [i for i, line in enumerate(state.lines) if line.role == "title"]
        found = (marked, titles)
        state.memo[_MARKED_LINES] = found
    marked, titles = found
    if not marked:
        return False
    note = state.note
    start = note.start if note is not None else -1
    key = f"{_MARKED_LINES}:{start}"
    answer = state.memo.get(key)
    if not isinstance(answer, bool):
        # the first marked heading after the note's first line, unless the next note
        # starts before it or with it
        after = bisect_right(marked, start)
        title = bisect_right(titles, start)
        answer = (
            after < len(marked)
            and (title == len(titles) or titles[title] > marked[after])
            and not would_match_chain(state, NOTE, marked[after])
        )
        state.memo[key] = answer
    return answer


_MARKED_LINES = "headings:marked"
# A greeting opening a note ('Hello, November!', 'Happy new year 🎉') is text, not a heading.
_GREETING = regex.compile(
    r"^(?:hello|hi|hey|hiya|howdy|greetings|dear|good\s+(?:morning|afternoon|evening)"
    r"|happy\s+(?:new\s+year|holidays|friday|monday|\w+day))\b",
    regex.IGNORECASE,
)
# A line directly above a list heads it when it has at most this many words.
MAX_TIGHT_WORDS = 6


def is_candidate(state: ParseState, line: int) -> bool:
    """Could ``line`` be a heading by its own look (ignoring what follows it)?"""
    current = state.lines[line]
    if current.role is not None:
        return current.role == "heading"
    if not state.is_standalone(line):
        return False
    if current.marker is not None:
        return current.marker.style == "numbered" and looks_like_heading(current.content)
    text = current.stripped
    if text.endswith(":"):
        return _is_label(state, text)
    if not looks_like_heading(text) or _GREETING.match(text):
        return False
    return not marks_headings(state) or names_a_kind(state, text)


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


def _is_label(state: ParseState, text: str) -> bool:
    """Is ``text`` a section label closed by a colon that names a kind ('Next week:')?"""
    return text.endswith(":") and looks_like_heading(text[:-1]) and names_a_kind(state, text)


def _tight(state: ParseState, line: int, label: bool) -> bool:
    """May ``line``, the first line of a block, head the lines directly below it?

    Above the first item of a list: a short heading-like line ('Accomplishments', 'Next
    week:'). Above a line of text: a line naming a section kind ('Next week') or a question
    ('What went well?').
    """
    lines = state.lines
    current, below = lines[line], lines[line + 1]
    if line > 0 and lines[line - 1].stripped and line != state.cursor:
        return False  # inside a block: a line of a paragraph
    text = current.stripped
    if starts_emoji_list(state, line):  # the first of the list's items
        return False
    if below.role == "list_item" or below.marker is not None or starts_emoji_list(state, line + 1):
        if not label and len(text.split()) > MAX_TIGHT_WORDS:
            return False
    elif below.role is None:
        if not (label or text.endswith("?") or names_a_kind(state, text)):
            return False
    else:
        return False
    return not would_match_chain(state, HEADING_TEXT, line + 1)


def _tight_heading(state: ParseState, line: int, label: bool) -> bool:
    """Does ``line``, with text directly below it, head that text?"""
    text = state.lines[line].stripped
    if not (label or looks_like_heading(text)) or _GREETING.match(text):
        return False
    if not _tight(state, line, label):
        return False
    return label or not marks_headings(state) or names_a_kind(state, text)


def heading(state: ParseState, line: int, *, silent: bool) -> bool:
    """A short line (a question too) that names the text below it: standalone, or the first
    line of a block above its list or its text."""
    current = state.lines[line]
    if current.role == "heading":  # a heading the format marks (Markdown '#', HTML <h2>)
        if not silent:
            state.start_section(heading_text(current.stripped), line, line + 1)
            state.cursor = line + 1
        return True
    if current.marker is not None or current.role is not None:
        return False
    text = current.stripped
    label = text.endswith(":") and _is_label(state, text)
    if state.is_standalone(line):
        if not (label or is_candidate(state, line)) or _heads_text(state, line) is None:
            return False
    elif state.block_end(line) == line + 1:
        return False  # the last line of a block
    elif not _tight_heading(state, line, label):
        return False
    if not silent:
        state.start_section(heading_text(text), line, line + 1)
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
        state.start_section(heading_text(current.content), line, line + 1)
        state.cursor = line + 1
    return True
