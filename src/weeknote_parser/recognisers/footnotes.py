"""Footnotes: a body line opening with a marker ('* ', '† ', '[1] ') used earlier in the note."""

from __future__ import annotations

import regex

from ..state import ParseState

# A footnote body: the marker, then its text.
_BODY = regex.compile(r"^(?P<marker>\*{1,3}|†|‡|\[\d{1,3}\]|[¹²³⁴⁵⁶⁷⁸⁹⁰]{1,3})\s*(?P<text>\S.*)$")
# A marker in running text: after a word or sentence end, and not opening a line.
_IN_TEXT = regex.compile(r"(?<=\S\s?)(\*{1,3}|†|‡|\[\d{1,3}\]|[¹²³⁴⁵⁶⁷⁸⁹⁰]{1,3})(?=[\s.,;:)]|$)")


def _used_before(state: ParseState, marker: str, line: int) -> bool:
    """Was ``marker`` used in the current note's text above ``line``?"""
    note = state.note
    start = note.start if note is not None else 0
    key = f"footnotes:{start}"
    cached = state.memo.get(key)
    scanned, first_use = cached if isinstance(cached, tuple) else (start, dict[str, int]())
    for index in range(scanned, line):
        text = state.lines[index].stripped
        if text and not _BODY.match(text):
            for match in _IN_TEXT.finditer(text):
                first_use.setdefault(match.group(1), index)
    state.memo[key] = (max(scanned, line), first_use)
    first: int = first_use.get(marker, line)
    return first < line


def footnote(state: ParseState, line: int, *, silent: bool) -> bool:
    """A footnote body the format marks, or a standalone line whose opening marker was used
    in the note's text before it."""
    current = state.lines[line]
    if current.role == "footnote":
        if not silent:
            end = line + 1
            while (
                end < len(state.lines)
                and state.lines[end].role == "footnote"
                and (state.lines[end].number is None)
            ):
                end += 1  # the footnote's further lines
            text = " ".join(state.lines[index].stripped for index in range(line, end))
            state.add_footnote(f"[{current.number}]", text, line, end)
            state.cursor = end
        return True
    if not state.is_standalone(line) or current.role is not None:
        return False
    body = _BODY.match(state.lines[line].stripped)
    if body is None or not _used_before(state, body["marker"], line):
        return False
    if not silent:
        state.add_footnote(body["marker"], body["text"], line, line + 1)
        state.cursor = line + 1
    return True
