"""Paragraphs: runs of text lines; the recogniser that matches when no other does."""

from __future__ import annotations

from ..state import ParseState


def paragraph_end(state: ParseState, line: int) -> int:
    """Where a paragraph starting at ``line`` ends: a blank line, the next list item, or a
    line of another role."""
    lines = state.lines
    end = line + 1
    limit = state.block_end(line)
    role = lines[line].role
    while end < limit and lines[end].marker is None and lines[end].role == role:
        end += 1
    return end


def paragraph(state: ParseState, line: int, *, silent: bool) -> bool:
    """Any run of non-blank lines up to a blank line or a list item."""
    if not silent:
        end = paragraph_end(state, line)
        text = " ".join(state.lines[index].stripped for index in range(line, end))
        state.add_paragraph(text, line, end)
        state.cursor = end
    return True
