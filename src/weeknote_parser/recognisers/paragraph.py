"""Paragraphs: runs of text lines; the recogniser that matches when no other does."""

from __future__ import annotations

from ..lines import Line
from ..state import ParseState
from .chrome import is_furniture_line
from .common import MIN_EMOJI_RUN, names_a_kind, opens_with_emoji


def paragraph_end(state: ParseState, line: int) -> int:
    """Where a paragraph starting at ``line`` ends: a blank line, the next list item (lines
    in a row opening with an emoji too), a line of furniture ('Tags: …', 'Leave a
    comment'), or a line of another role."""
    lines = state.lines
    end = line + 1
    limit = state.block_end(line)
    role = lines[line].role
    while end < limit and lines[end].marker is None and lines[end].role == role:
        if role is None and (
            starts_emoji_list(state, end) or is_furniture_line(lines[end].stripped)
        ):
            break  # a list of lines opening with an emoji, or furniture ('Tags: …')
        end += 1
    return end


def is_emoji_item(line: Line) -> bool:
    """Is ``line`` text (no role, no marker) that opens with an emoji?"""
    return line.role is None and line.marker is None and opens_with_emoji(line.stripped)


def starts_emoji_list(state: ParseState, line: int) -> bool:
    """Does a list of lines each opening with an emoji ('✅ Shipped it') start at ``line``:
    at least two such lines in a row? The first line of a block naming a section kind
    ('📚 Reading') heads the list below it instead."""
    lines = state.lines
    if not is_emoji_item(lines[line]):
        return False
    end = line + MIN_EMOJI_RUN
    if state.block_end(line) < end:
        return False
    if not all(is_emoji_item(lines[index]) for index in range(line + 1, end)):
        return False
    first = line == 0 or not lines[line - 1].stripped
    return not (first and names_a_kind(state, lines[line].stripped))


def paragraph(state: ParseState, line: int, *, silent: bool) -> bool:
    """Any run of non-blank lines up to a blank line or a list item."""
    if not silent:
        end = paragraph_end(state, line)
        text = " ".join(state.lines[index].stripped for index in range(line, end))
        state.add_paragraph(text, line, end)
        state.cursor = end
    return True
