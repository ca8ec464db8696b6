"""Lists: bulleted ('•', '-', '*', '–') and numbered items, with the line that introduces them."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..lines import Marker
from ..recognise import LIST, chain, would_match_chain
from ..state import ParseState
from .paragraph import paragraph_end

# Lists nested deeper than this are read as items of the deepest list (nothing is lost).
MAX_DEPTH = 32


@dataclass
class _Item:
    start: int
    end: int
    parts: list[str]
    children: list[_List] = field(default_factory=list)

    @property
    def text(self) -> str:
        return " ".join(self.parts)


@dataclass
class _List:
    style: str
    indent: int
    lead_in: str | None
    start: int
    items: list[_Item] = field(default_factory=list)

    @property
    def end(self) -> int:
        return self.items[-1].end


def _same_list(marker: Marker, first: Marker) -> bool:
    return marker.style == first.style and (
        marker.style == "numbered" or marker.symbol == first.symbol
    )


def _lead_in(state: ParseState, line: int) -> tuple[str, int] | None:
    """If the paragraph at ``line`` introduces a list, its text and the first item's line."""
    end = paragraph_end(state, line)
    limit = state.block_end(line)
    if not state.lines[end - 1].stripped.endswith(":"):
        return None
    first = end if end < limit else state.next_content(end)
    if first is None or state.lines[first].marker is None:
        return None
    if would_match_chain(state, LIST, first):
        return None
    text = " ".join(state.lines[index].stripped for index in range(line, end))
    return text, first


def _read(state: ParseState, first: int, lead_in: str | None, start: int, depth: int = 1) -> _List:
    """Read the list whose first item is at ``first``, nested lists included (to
    ``MAX_DEPTH`` levels; items nested deeper belong to the deepest list)."""
    lines = state.lines
    ends = chain(state, LIST)  # the rules whose match on a line ends the list there
    marker = lines[first].marker
    assert marker is not None
    result = _List(marker.style, lines[first].indent, lead_in, start)
    index = first
    while index < len(lines):
        current = lines[index]
        if not current.stripped:
            after = state.next_content(index)
            if after is None or not _continues(state, result, marker, after, ends):
                break
            index = after
            continue
        if current.marker is None:
            if not result.items or (  # an unindented line below an item may start a block
                current.indent <= result.indent and state.would_match(ends, index)
            ):
                break
            item = result.items[-1]
            item.parts.append(current.stripped)
            item.end = index + 1
            index += 1
            continue
        if current.indent > result.indent and result.items and depth < MAX_DEPTH:
            parent = result.items[-1]
            child = _read(state, index, parent.text, index, depth + 1)
            parent.children.append(child)
            parent.end = child.end
            index = child.end
            continue
        deeper = current.indent > result.indent
        if current.indent < result.indent or not (deeper or _same_list(current.marker, marker)):
            break
        if index != first and state.would_match(ends, index):
            break
        result.items.append(_Item(index, index + 1, [current.content]))
        index += 1
    return result


def _continues(
    state: ParseState, current: _List, first: Marker, line: int, ends: tuple[str, ...]
) -> bool:
    """After a blank line: does the list go on at ``line``?"""
    marker = state.lines[line].marker
    if marker is None:
        return False
    if state.lines[line].indent > current.indent:
        return True
    return (
        state.lines[line].indent == current.indent
        and _same_list(marker, first)
        and not state.would_match(ends, line)
    )


def _emit(state: ParseState, found: _List) -> None:
    state.add_list(
        "numbered" if found.style == "numbered" else "bullet",
        found.lead_in,
        [(item.text, item.start, item.end) for item in found.items],
        found.start,
        found.end,
    )
    for item in found.items:
        for child in item.children:
            _emit(state, child)


def list_block(state: ParseState, line: int, *, silent: bool) -> bool:
    """A run of list items, with the paragraph ending in ':' that introduces it, if any."""
    current = state.lines[line]
    if current.hint is not None:
        return False
    if current.marker is not None:
        lead_in, first = None, line
    else:
        found = _lead_in(state, line)
        if found is None:
            return False
        lead_in, first = found
    if not silent:
        result = _read(state, first, lead_in, line)
        _emit(state, result)
        state.cursor = result.end
    return True
