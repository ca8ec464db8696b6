"""The recogniser registry and the parser's by-name controls."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from weeknote_parser import OptionsError, ParseOptions, Parser, Registry
from weeknote_parser.recognise import HEADING_TEXT, LIST, NOTE
from weeknote_parser.recognisers import BLOCK_RULES
from weeknote_parser.state import ParseState
from weeknote_parser.testing import parse_with, sections_of

from .conftest import parse_text


def test_default_order_is_the_table() -> None:
    assert Parser().rules.names() == [name for name, _, _ in BLOCK_RULES]


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


# -- chains: the rule that ends a block declares it ----------------------------------------
def test_the_default_table_declares_each_rules_chains() -> None:
    rules = Parser().rules
    assert rules.chain_names(NOTE) == ("title", "week_line")
    assert rules.chain_names(LIST) == ("title", "week_line", "footnote", "numbered_heading")
    assert rules.chain_names(HEADING_TEXT) == ("chrome", "title", "week_line", "footnote")
    assert rules.chains() == [HEADING_TEXT, NOTE, LIST]
    assert rules.alt("paragraph") == ()


def test_chain_gives_the_enabled_members_in_order() -> None:
    registry: Registry[int] = Registry([("a", 1, ("x",)), ("b", 2), ("c", 3, ("x", "y"))])
    assert registry.chain("x") == [1, 3]
    assert registry.chain_names("y") == ("c",)
    assert registry.chain("nobody-declares-this") == []
    registry.disable("a")
    assert registry.chain("x") == [3]


def test_every_change_is_seen_by_the_chains() -> None:
    registry: Registry[int] = Registry([("a", 1, ("x",)), ("b", 2)])
    assert registry.chain_names("x") == ("a",)  # computed, and kept until the next change
    registry.before("a", "n", 0, alt=("x",))
    assert registry.chain_names("x") == ("n", "a")
    registry.after("b", "m", 5, alt="x")  # one chain may be given as a string
    assert registry.chain_names("x") == ("n", "a", "m")
    registry.move("m", before="n")
    assert registry.chain_names("x") == ("m", "n", "a")
    registry.remove("n")
    assert registry.chain_names("x") == ("m", "a")
    registry.replace("b", 20, alt=("x",))
    assert registry.chain_names("x") == ("m", "a", "b")
    registry.enable_only(["a"])
    assert registry.chain("x") == [1]
    registry.enable(["m"])
    assert registry.chain("x") == [5, 1]
    registry.append("z", 9, alt=("x",))
    assert registry.chain("x") == [5, 1, 9]


def test_replace_keeps_the_chains_unless_told() -> None:
    registry: Registry[int] = Registry([("a", 1, ("x",))])
    registry.disable("a")
    registry.replace("a", 2)
    assert (registry.alt("a"), registry.is_enabled("a"), registry.get("a")) == (("x",), False, 2)
    registry.replace("a", 3, alt=())
    assert registry.alt("a") == ()


def test_copy_keeps_the_chains_and_is_independent() -> None:
    registry: Registry[int] = Registry([("a", 1, ("x",)), ("b", 2, ("x",))])
    assert registry.chain_names("x") == ("a", "b")
    clone = registry.copy()
    clone.remove("a")
    assert (registry.chain_names("x"), clone.chain_names("x")) == (("a", "b"), ("b",))


@pytest.mark.parametrize("alt", [("",), ("  ",), (3,)])
def test_chain_names_must_be_words(alt: tuple[object, ...]) -> None:
    registry: Registry[int] = Registry()
    with pytest.raises(OptionsError, match="chain names must be non-empty strings"):
        registry.append("a", 1, alt=alt)  # type: ignore[arg-type]


# -- moving and removing -------------------------------------------------------------------
def test_move_before_and_after() -> None:
    registry: Registry[int] = Registry([("a", 1), ("b", 2), ("c", 3), ("d", 4)])
    registry.move("d", before="b")
    assert registry.names() == ["a", "d", "b", "c"]
    registry.move("a", after="c")
    assert registry.names() == ["d", "b", "c", "a"]
    registry.move("c", after="d")
    assert registry.names() == ["d", "c", "b", "a"]
    registry.move("d", before="a")
    assert registry.names() == ["c", "b", "d", "a"]


def test_move_keeps_whether_the_rule_is_enabled() -> None:
    registry: Registry[int] = Registry([("a", 1), ("b", 2)])
    registry.disable("a")
    registry.move("a", after="b")
    assert registry.active_names() == ["b"]


def test_move_needs_exactly_one_anchor_and_not_itself() -> None:
    registry: Registry[int] = Registry([("a", 1), ("b", 2)])
    with pytest.raises(OptionsError, match="either before or after"):
        registry.move("a")
    with pytest.raises(OptionsError, match="either before or after"):
        registry.move("a", before="b", after="b")
    with pytest.raises(OptionsError, match="relative to itself"):
        registry.move("a", before="a")


@pytest.mark.parametrize(
    ("change", "bad"),
    [
        (lambda r: r.move("nope", before="a"), "'nope'"),
        (lambda r: r.move("a", after="gone"), "'gone'"),
        (lambda r: r.move("x", after="y"), "'x', 'y'"),
        (lambda r: r.remove("nope"), "'nope'"),
        (lambda r: r.alt("nope"), "'nope'"),
    ],
)
def test_unknown_names_in_move_and_remove_list_the_valid_ones(
    change: Callable[[Registry[int]], object], bad: str
) -> None:
    registry: Registry[int] = Registry([("a", 1), ("b", 2)])
    with pytest.raises(OptionsError) as caught:
        change(registry)
    assert str(caught.value) == f"unknown recogniser {bad}; valid names: a, b"
    assert registry.names() == ["a", "b"]


def test_a_removed_rule_no_longer_runs_and_its_name_is_free() -> None:
    parser = Parser()
    parser.rules.remove("heading")
    doc = parse_with("Weeknote 4.2022\n\nHiring\n\nText.", parser=parser)
    assert sections_of(doc) == [(None, "intro")]
    assert "heading" not in parser.names()
    parser.rules.append("heading", parser.rules.get("paragraph"))
    assert parser.rules.names()[-1] == "heading"


def test_a_moved_rule_is_tried_in_its_new_place() -> None:
    text = "Weeknote 4.2022\n\n- Hiring\n\nText."
    assert sections_of(parse_with(text)) == [(None, "intro")]
    parser = Parser()
    parser.rules.move("list", after="paragraph")
    assert sections_of(parse_with(text, parser=parser)) == [(None, "intro")]
    doc = parse_with(text, parser=parser)
    assert [b.type for b in doc.notes[0].sections[0].blocks] == ["paragraph", "paragraph"]
