"""The recogniser registry and the parser's by-name controls."""

from __future__ import annotations

import pytest

from weeknote_parser import OptionsError, ParseOptions, Parser, Registry
from weeknote_parser.recognisers import BLOCK_RULES
from weeknote_parser.state import ParseState

from .conftest import parse_text


def test_default_order_is_the_table() -> None:
    assert Parser().rules.names() == [name for name, _ in BLOCK_RULES]


def test_names_lists_block_then_inline_rules() -> None:
    assert Parser().names()[-1] == "links"


def test_unknown_names_are_all_listed_with_the_valid_ones() -> None:
    with pytest.raises(OptionsError) as caught:
        Parser().disable(["nope", "heading", "also-bad"])
    message = str(caught.value)
    assert "'nope', 'also-bad'" in message
    assert "valid names: chrome, dateline, title" in message


def test_disabled_heading_leaves_paragraphs() -> None:
    doc = Parser(ParseOptions(disable=("heading",))).parse("Weeknote 4.2022\n\nHiring\n\nText.")
    assert [s.heading for s in doc.notes[0].sections] == [None]
    assert "heading" not in Parser(ParseOptions(disable=("heading",))).active_names()


def test_enable_only_keeps_just_the_named_rules() -> None:
    parser = Parser().enable_only(["paragraph"])
    assert parser.active_names() == ["paragraph"]
    doc = parser.parse("Weeknote 4.2022\n\nText.")
    assert doc.notes[0].title is None


def test_before_after_replace_and_append() -> None:
    registry: Registry[int] = Registry([("a", 1), ("b", 2)])
    registry.before("b", "x", 9)
    registry.after("a", "y", 8)
    registry.append("z", 7)
    registry.replace("a", 0)
    assert registry.names() == ["a", "y", "x", "b", "z"]
    assert registry.get("a") == 0


def test_duplicate_name_is_refused() -> None:
    registry: Registry[int] = Registry([("a", 1)])
    with pytest.raises(OptionsError, match="already registered"):
        registry.append("a", 2)


def test_a_custom_recogniser_can_be_added_by_name() -> None:
    def shout(state: ParseState, line: int, *, silent: bool) -> bool:
        text = state.lines[line].stripped
        if not (text.isupper() and state.is_standalone(line)):
            return False
        if not silent:
            state.start_section(text.title(), line, line + 1)
            state.cursor = line + 1
        return True

    parser = Parser()
    parser.rules.before("heading", "shout", shout)
    doc = parser.parse("Weeknote 4.2022\n\nBIG NEWS\n\nwe won.")
    assert [s.heading for s in doc.notes[0].sections] == ["Big News"]


def test_each_parse_starts_fresh() -> None:
    parser = Parser()
    first = parser.parse("Weeknote 4.2022\n\nOne.")
    second = parser.parse("Weeknote 5.2022\n\nTwo.")
    assert (len(first.notes), len(second.notes)) == (1, 1)
    assert parse_text("Weeknote 5.2022\n\nTwo.") == second.model_copy()


def test_copy_is_independent_and_reports_what_is_enabled() -> None:
    registry: Registry[int] = Registry([("a", 1), ("b", 2)])
    clone = registry.copy()
    clone.disable("a")
    assert (registry.is_enabled("a"), clone.is_enabled("a")) == (True, False)
    assert clone.active_names() == ["b"]
    assert list(registry) == ["a", "b"]
    assert len(registry) == 2
