"""Deeply nested Markdown is read, and what lies beyond the nesting bound is kept."""

from __future__ import annotations

from weeknote_parser import flatten_lists, parse
from weeknote_parser.readers.markdown import MAX_NESTING


def _items(text: str) -> list[str]:
    document = parse(text, format="markdown")
    return [item.text for block in flatten_lists(document.notes[0]) for item in block.items]


def test_lists_nested_twenty_deep_are_read() -> None:
    text = "# Weeknote\n\n" + "".join("  " * i + f"- point {i}\n" for i in range(20))
    assert len(_items(text)) == 20
    assert parse(text, format="markdown").warnings == []


def test_quotes_nested_forty_deep_are_read() -> None:
    text = "# Weeknote\n\n" + "".join(">" * (i + 1) + f" said {i}\n\n" for i in range(40))
    document = parse(text, format="markdown")
    said = " ".join(
        b.text for s in document.notes[0].sections for b in s.blocks if b.type == "paragraph"
    )
    assert said.count("said") == 40
    assert document.warnings == []


def test_beyond_the_bound_lines_are_kept_with_a_warning() -> None:
    depth = MAX_NESTING  # twice the number of list levels that are read
    text = "# Weeknote\n\n" + "".join("  " * i + f"- point {i}\n" for i in range(depth))
    document = parse(text, format="markdown")
    words = " ".join(
        item.text for block in flatten_lists(document.notes[0]) for item in block.items
    )
    for section in document.notes[0].sections:
        words += " ".join(block.text for block in section.blocks if block.type == "paragraph")
    assert all(f"point {i}" in words for i in range(depth))
    assert [w.code for w in document.warnings] == ["content-truncated"]
