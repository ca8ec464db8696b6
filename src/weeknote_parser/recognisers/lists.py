"""Lists: bulleted ('•', '-', '*', '–') and numbered items, with the line that introduces them."""

from __future__ import annotations

from typing import Literal

from ..lines import Marker, task_state
from ..recognise import LIST, chain, would_match_chain
from ..state import ListItemSpec, ListSpec, ParseState
from .common import URL
from .paragraph import is_emoji_item, paragraph_end, starts_emoji_list

# Lists nested deeper than this are read as items of the deepest list (nothing is lost).
MAX_DEPTH = 32


def _same_list(marker: Marker, first: Marker) -> bool:
    return marker.style == first.style and (
        marker.style == "numbered" or marker.symbol == first.symbol
    )


def _lead_in(state: ParseState, line: int) -> tuple[str, int, int | None] | None:
    """If the paragraph at ``line`` introduces a list: its text, the first item's line, and
    where the paragraph ends when it stays a paragraph of its own too (one that does not
    end in ':')."""
    lines = state.lines
    end = paragraph_end(state, line)
    limit = state.block_end(line)
    first = end if end < limit else state.next_content(end)
    if first is None or not _is_item(state, first):
        return None
    kept = None
    if not lines[end - 1].stripped.endswith(":"):
        if not _introduces(state, line, end):
            return None
        kept = end
    if would_match_chain(state, LIST, first):
        return None
    text = " ".join(lines[index].stripped for index in range(line, end))
    return text, first, kept


def _introduces(state: ParseState, start: int, end: int) -> bool:
    """May the paragraph on lines [start, end), not ending in ':', introduce the list below
    it? Not a single word (an image's name), nor text carrying a link (a reference)."""
    lines = state.lines
    if end == start + 1 and " " not in lines[start].stripped:
        return False
    return not any(
        lines[index].links or URL.search(lines[index].stripped) for index in range(start, end)
    )


def _read(
    state: ParseState, first: int, lead_in: str | None, start: int, depth: int = 1
) -> ListSpec:
    """Read the list whose first item is at ``first``, nested lists included (to
    ``MAX_DEPTH`` levels; items nested deeper belong to the deepest list)."""
    lines = state.lines
    ends = chain(state, LIST)  # the rules whose match on a line ends the list there
    marker = lines[first].marker
    assert marker is not None
    indent = lines[first].indent
    result = ListSpec(marker.style, lead_in, start)
    index = first
    while index < len(lines):
        current = lines[index]
        if not current.stripped:
            after = state.next_content(index)
            if after is None or not _continues(state, indent, marker, after, ends):
                break
            index = after
            continue
        if current.marker is None:
            if not result.items or current.role is not None:
                break
            if current.indent <= indent and state.would_match(ends, index):
                # an unindented line below an item may start a block of its own
                break
            item = result.items[-1]
            item.text = f"{item.text} {current.stripped}"
            item.end = index + 1
            index += 1
            continue
        if current.indent > indent and result.items and depth < MAX_DEPTH:
            parent = result.items[-1]
            child = _read(state, index, parent.text, index, depth + 1)
            parent.children.append(child)
            parent.end = child.end
            index = child.end
            continue
        deeper = current.indent > indent
        if current.indent < indent or not (deeper or _same_list(current.marker, marker)):
            break
        if index != first and state.would_match(ends, index):
            break
        checked, text = task_state(current.content)
        result.items.append(ListItemSpec(text, index, index + 1, checked))
        index += 1
    return result


def _continues(
    state: ParseState, indent: int, first: Marker, line: int, ends: tuple[str, ...]
) -> bool:
    """After a blank line: does the list go on at ``line``?"""
    marker = state.lines[line].marker
    if marker is None:
        return False
    if state.lines[line].indent > indent:
        return True
    return (
        state.lines[line].indent == indent
        and _same_list(marker, first)
        and not state.would_match(ends, line)
    )


def _is_item(state: ParseState, line: int) -> bool:
    current = state.lines[line]
    if current.role == "list_item" or (current.role is None and current.marker is not None):
        return True
    return starts_emoji_list(state, line)


def _read_emoji(state: ParseState, first: int, lead_in: str | None, start: int) -> ListSpec:
    """The list of lines in a row that open with an emoji (the emoji kept in each item's
    text); a line indented deeper than an item, with no emoji, continues it."""
    lines = state.lines
    result = ListSpec("bullet", lead_in, start)
    index, end = first, state.block_end(first)
    while index < end:
        current = lines[index]
        if is_emoji_item(current):
            result.items.append(ListItemSpec(current.stripped, index, index + 1))
        elif current.role is None and current.marker is None and current.indent > 0:
            item = result.items[-1]
            item.text = f"{item.text} {current.stripped}"
            item.end = index + 1
        else:
            break
        index += 1
    return result


def _read_items(state: ParseState, first: int, lead_in: str | None, start: int) -> ListSpec:
    """The list a format marks item by item (role 'list_item', with depth, number and task
    state), nested lists under their items."""
    lines = state.lines
    top = ListSpec("numbered" if lines[first].ordered else "bullet", lead_in, start)
    open_lists = [top]  # the list at each depth, outermost first
    index = first
    while index < len(lines):
        current = lines[index]
        if not current.stripped:
            after = state.next_content(index)
            if after is None or lines[after].role != "list_item":
                break
            index = after
            continue
        if current.role != "list_item":
            break
        depth = max(1, min(current.level, len(open_lists) + 1, MAX_DEPTH))
        style: Literal["bullet", "numbered"] = "numbered" if current.ordered else "bullet"
        while len(open_lists) > depth:
            open_lists.pop()
        same_level = depth == len(open_lists)
        if current.opens_list and same_level and open_lists[-1].items and index != first:
            if depth == 1:
                break  # the next list of the section
            open_lists.pop()  # a second list in the same item
        if depth > len(open_lists):  # a list nested in the last item
            parent = open_lists[-1].items[-1] if open_lists[-1].items else None
            if parent is None:
                depth = len(open_lists)
            else:
                child = ListSpec(style, parent.text, index)
                parent.children.append(child)
                open_lists.append(child)
        current_list = open_lists[-1]
        current_list.items.append(ListItemSpec(current.stripped, index, index + 1, current.checked))
        for outer in open_lists[:-1]:  # an item's lines run to the end of what it holds
            outer.items[-1].end = index + 1
        index += 1
    return top


def list_block(state: ParseState, line: int, *, silent: bool) -> bool:
    """A run of list items, with the paragraph that introduces it, if any: items a format
    marks, lines that open with a bullet or a number, or lines in a row that open with an
    emoji."""
    current = state.lines[line]
    kept: int | None = None
    if current.role == "list_item":
        lead_in, first = None, line
    elif current.role is not None:
        return False
    elif current.marker is not None or starts_emoji_list(state, line):
        lead_in, first = None, line
    else:
        found = _lead_in(state, line)
        if found is None:
            return False
        lead_in, first, kept = found
    if not silent:
        start = line
        if kept is not None:  # the paragraph stays one, and introduces the list too
            state.add_paragraph(lead_in or "", line, kept)
            start = first
        if state.lines[first].role == "list_item":
            result = _read_items(state, first, lead_in, start)
        elif state.lines[first].marker is None:
            result = _read_emoji(state, first, lead_in, start)
        else:
            result = _read(state, first, lead_in, start)
        state.add_list(result)
        state.cursor = result.end
    return True
