"""Front matter beyond its bounds is skipped with a warning, never a crash or a hang."""

from __future__ import annotations

import time

import pytest

from weeknote_parser import parse, to_json
from weeknote_parser.readers.frontmatter import MAX_DEPTH, MAX_VALUES


def _markdown(front: str, fence: str = "---") -> str:
    return f"{fence}\n{front}\n{fence}\n\n# 2024-W10: a quiet one\n\nA quiet week.\n"


def _codes(text: str) -> list[str]:
    return [warning.code for warning in parse(text, format="markdown").warnings]


def _alias_bomb(levels: int) -> str:
    rows = ["l0: &l0 [x, x, x, x, x, x, x, x, x]"]
    for level in range(1, levels + 1):
        rows.append(f"l{level}: &l{level} [" + ", ".join([f"*l{level - 1}"] * 9) + "]")
    return "\n".join(rows)


def test_alias_bomb_is_refused_quickly() -> None:
    began = time.perf_counter()
    document = parse(_markdown(_alias_bomb(9)), format="markdown")
    assert time.perf_counter() - began < 5
    assert [w.code for w in document.warnings] == ["front-matter-ignored"]
    assert "values" in document.warnings[0].message
    assert document.notes[0].metadata == {}
    assert document.notes[0].week is not None and document.notes[0].week.iso_week == 10


def test_small_aliases_are_read() -> None:
    text = _markdown("base: &b [one, two]\ncopy: *b")
    note = parse(text, format="markdown").notes[0]
    assert note.metadata == {"base": ["one", "two"], "copy": ["one", "two"]}


def test_alias_that_holds_itself_is_refused() -> None:
    assert _codes(_markdown("loop: &a [*a]")) == ["front-matter-ignored"]


@pytest.mark.parametrize("depth", [MAX_DEPTH + 5, 1000, 5000])
def test_deep_yaml_is_refused(depth: int) -> None:
    assert _codes(_markdown("a: " + "[" * depth + "]" * depth)) == ["front-matter-ignored"]


@pytest.mark.parametrize("depth", [MAX_DEPTH + 5, 1000])
def test_deep_toml_is_refused(depth: int) -> None:
    text = _markdown("a = " + "[" * depth + "]" * depth, fence="+++")
    assert _codes(text) == ["front-matter-ignored"]


def test_nesting_within_the_bound_is_read() -> None:
    note = parse(_markdown("a: " + "[" * 10 + "1" + "]" * 10), format="markdown").notes[0]
    value = note.metadata["a"]
    for _ in range(9):
        value = value[0]
    assert value == [1]


def test_many_values_within_the_bound_are_read() -> None:
    items = ", ".join(str(n) for n in range(MAX_VALUES // 2))
    note = parse(_markdown(f"numbers: [{items}]"), format="markdown").notes[0]
    assert len(note.metadata["numbers"]) == MAX_VALUES // 2


def test_integers_beyond_64_bits_are_kept_as_text() -> None:
    document = parse(_markdown("big: 18446744073709551616\nsmall: -7"), format="markdown")
    assert document.notes[0].metadata == {"big": "18446744073709551616", "small": -7}
    assert b"18446744073709551616" in to_json(document)


def test_integer_too_long_for_python_is_text_in_yaml() -> None:
    digits = "1" + "0" * 5000
    note = parse(_markdown(f"x: {digits}"), format="markdown").notes[0]
    assert note.metadata["x"] == digits


def test_integer_too_long_for_python_in_toml_is_refused() -> None:
    assert _codes(_markdown("x = 1" + "0" * 5000, fence="+++")) == ["front-matter-ignored"]


@pytest.mark.parametrize("spaces", [2_000, 20_000])
def test_toml_date_lines_read_in_linear_time(spaces: int) -> None:
    text = _markdown('s = """\na = 1' + " " * spaces + 'x\n"""', fence="+++")
    began = time.perf_counter()
    parse(text, format="markdown")
    assert time.perf_counter() - began < 2


def test_toml_dates_are_kept_as_written() -> None:
    note = parse(
        _markdown("date = 2024-03-08T09:00:00Z  # morning", fence="+++"), format="markdown"
    )
    assert note.notes[0].metadata["date"] == "2024-03-08T09:00:00Z"
