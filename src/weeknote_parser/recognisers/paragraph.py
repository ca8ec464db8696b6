"""Paragraphs: runs of text lines; the recogniser that matches when no other does."""

from __future__ import annotations

from ..state import ParseState


def paragraph_end(state: ParseState, line: int) -> int:
    """Where a paragraph starting at ``line`` ends: a blank line or the next list item."""
    end = line + 1
    limit = state.block_end(line)
    while end < limit and state.lines[end].marker is None:
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
