"""Plugins found through entry points, and the helpers that test them."""

from __future__ import annotations

import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from weeknote_parser import OptionsError, ParseOptions, Parser
from weeknote_parser import plugins as plugins_module
from weeknote_parser.plugins import (
    apply_plugin,
    installed_plugins,
    load_plugin,
    load_plugins,
    make_parser,
)
from weeknote_parser.recognise import State
from weeknote_parser.testing import (
    TODAY,
    assert_not_recognised,
    assert_recognised,
    assert_sections,
    dedent,
    parse_with,
    recognised_by,
    sections_of,
    titles_of,
)

MODULE = "weeknote_fake_plugins"
PLUGIN_SOURCE = """
from weeknote_parser.recognise import State


def _shout(state: State, line: int, *, silent: bool) -> bool:
    text = state.lines[line].stripped
    if not (text.isupper() and state.is_standalone(line)):
        return False
    if not silent:
        state.start_section(text.title(), line, line + 1)
        state.cursor = line + 1
    return True


def shout(parser):
    parser.rules.before("heading", "shout", _shout)


def failing(parser):
    raise RuntimeError("boom")


def clash(parser):
    parser.rules.append("paragraph", _shout)


not_a_function = 3
"""
ENTRY_POINTS = f"""
[weeknote_parser.plugins]
shout = {MODULE}:shout
failing = {MODULE}:failing
clash = {MODULE}:clash
not-callable = {MODULE}:not_a_function
missing = weeknote_no_such_module:plugin
"""
SHOUTING = "Weeknote 4.2022\n\nBIG NEWS\n\nwe won."


@pytest.fixture
def installed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A distribution offering plugins, installed on sys.path for one test."""
    (tmp_path / f"{MODULE}.py").write_text(PLUGIN_SOURCE, encoding="utf-8")
    info = tmp_path / "weeknote_fake_plugins-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: weeknote-fake-plugins\nVersion: 1.0\n", encoding="utf-8"
    )
    (info / "entry_points.txt").write_text(ENTRY_POINTS, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    yield tmp_path
    sys.modules.pop(MODULE, None)


# -- finding and loading --------------------------------------------------------------------
def test_installed_plugins_are_listed_with_what_they_name(installed: Path) -> None:
    found = installed_plugins()
    assert found["shout"] == f"{MODULE}:shout"
    assert {"shout", "failing", "clash", "not-callable", "missing"} <= set(found)


def test_a_plugin_is_imported_only_when_named(installed: Path) -> None:
    installed_plugins()
    load_plugins(Parser(), [])
    assert MODULE not in sys.modules
    load_plugins(Parser(), ["shout"])
    assert MODULE in sys.modules


def test_a_named_plugin_changes_the_parser(installed: Path) -> None:
    parser = Parser()
    assert load_plugins(parser, [" shout ", "shout", ""]) == ["shout"]
    assert parser.rules.names().index("shout") == parser.rules.names().index("heading") - 1
    assert sections_of(parser.parse(SHOUTING)) == [("Big News", "other")]


def test_unknown_plugins_are_all_named_with_the_installed_ones(installed: Path) -> None:
    parser = Parser()
    with pytest.raises(OptionsError) as caught:
        load_plugins(parser, ["nope", "shout", "also-nope"])
    message = str(caught.value)
    assert message.startswith("unknown plugin 'nope', 'also-nope'; installed plugins: ")
    assert "clash, failing, missing, not-callable, shout" in message
    assert "shout" not in parser.names()  # nothing is set up when a name is wrong


def test_with_no_plugins_installed_the_error_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(plugins_module, "entry_points", lambda group: [])
    with pytest.raises(OptionsError, match=r"^unknown plugin 'x'; no plugins are installed$"):
        load_plugins(Parser(), ["x"])
    assert installed_plugins() == {}


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("not-callable", rf"^plugin 'not-callable' \({MODULE}:not_a_function\) is not a function$"),
        (
            "missing",
            r"^plugin 'missing' \(weeknote_no_such_module:plugin\) could not be loaded: "
            r"ModuleNotFoundError: ",
        ),
        ("failing", r"^plugin 'failing' failed to set up: RuntimeError: boom$"),
        ("clash", r"^plugin 'clash': a recogniser called 'paragraph' is already registered$"),
    ],
)
def test_a_broken_plugin_is_one_error_line(installed: Path, name: str, message: str) -> None:
    with pytest.raises(OptionsError, match=message) as caught:
        load_plugins(Parser(), [name])
    assert "\n" not in str(caught.value)


def test_load_plugin_returns_the_function(installed: Path) -> None:
    plugin = load_plugin("shout")
    parser = Parser()
    plugin(parser)
    assert "shout" in parser.names()
    with pytest.raises(OptionsError, match="unknown plugin 'nope'"):
        load_plugin("nope")


def test_a_name_two_packages_install_is_refused(
    installed: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = installed / "weeknote_other-2.0.dist-info"
    other.mkdir()
    (other / "METADATA").write_text("Metadata-Version: 2.1\nName: weeknote-other\nVersion: 2.0\n")
    (other / "entry_points.txt").write_text("[weeknote_parser.plugins]\nshout = other:shout\n")
    with pytest.raises(OptionsError, match="plugin 'shout' is installed twice: "):
        load_plugins(Parser(), ["shout"])
    assert " or " in installed_plugins()["shout"]


def test_apply_plugin_names_a_function_plugin_in_its_error() -> None:
    def broken(parser: Parser) -> None:
        parser.rules.before("nope", "x", parser.rules.get("heading"))

    with pytest.raises(OptionsError, match=r"^plugin 'broken': unknown recogniser 'nope'; "):
        apply_plugin(Parser(), broken)


# -- make_parser: plugins first, then what the options disable --------------------------------
def test_a_plugins_rule_can_be_disabled_by_the_options(installed: Path) -> None:
    options = ParseOptions(disable=("shout", "footnote"))
    parser = make_parser(options, plugins=["shout"])
    assert "shout" in parser.names()
    assert not ({"shout", "footnote"} & set(parser.active_names()))
    assert parser.options is options
    with pytest.raises(OptionsError, match="unknown recogniser 'shout'"):
        Parser(options)  # without the plugin the name is unknown


def test_make_parser_takes_plugin_functions_and_names(installed: Path) -> None:
    def late(parser: Parser) -> None:
        parser.rules.move("shout", after="heading")

    parser = make_parser(plugins=["shout", late])
    names = parser.rules.names()
    assert names.index("shout") == names.index("heading") + 1


# -- weeknote_parser.testing ----------------------------------------------------------------
def _shout(state: State, line: int, *, silent: bool) -> bool:
    text = state.lines[line].stripped
    if not (text.isupper() and state.is_standalone(line)):
        return False
    if not silent:
        state.start_section(text.title(), line, line + 1)
        state.cursor = line + 1
    return True


def shouting(parser: Parser) -> None:
    parser.rules.before("heading", "shout", _shout)


def test_parse_with_dedents_and_takes_a_plugin_and_settings() -> None:
    text = """
        Weeknote w/c 5 November

        BIG NEWS

        we won.
    """
    doc = parse_with(text, plugin=shouting, year=2018)
    assert sections_of(doc) == [("Big News", "other")]
    assert doc.notes[0].week is not None and doc.notes[0].week.iso_year == 2018
    assert titles_of(doc) == ["Weeknote w/c 5 November"]
    assert dedent(text).startswith("Weeknote")


def test_parse_with_takes_an_installed_plugin_by_name(installed: Path) -> None:
    assert sections_of(parse_with(SHOUTING, plugin="shout")) == [("Big News", "other")]
    assert sections_of(parse_with(SHOUTING, plugin=["shout"], disable=["shout"])) == [
        ("BIG NEWS", "other")
    ]


def test_parse_with_reads_other_formats() -> None:
    doc = parse_with("# Weeknote 4.2022\n\n## Next week\n\nMore.", format="markdown")
    assert sections_of(doc) == [("Next week", "next_week")]


def test_parse_with_a_parser_takes_no_settings() -> None:
    with pytest.raises(TypeError, match="either a parser or plugins and settings"):
        parse_with("Text.", parser=Parser(), year=2020)


def test_the_reference_date_is_fixed() -> None:
    assert parse_with("Weeknote 12\n\nText.").notes[0].week is not None
    assert TODAY.year == 2026


def test_recognised_by_names_the_rule_that_read_each_block() -> None:
    claims = recognised_by(SHOUTING, plugin=shouting)
    assert claims == [(0, "title"), (2, "shout"), (4, "paragraph")]
    assert recognised_by(SHOUTING) == [(0, "title"), (2, "heading"), (4, "paragraph")]


def test_assert_recognised_and_its_failure_message() -> None:
    assert assert_recognised(SHOUTING, "shout", plugin=shouting, line=2) == [2]
    with pytest.raises(AssertionError, match=r"'shout' read no block at line 4; the rules read: "):
        assert_recognised(SHOUTING, "shout", plugin=shouting, line=4)
    with pytest.raises(AssertionError, match="title@0, heading@2, paragraph@4"):
        assert_recognised(SHOUTING, "shout")
    assert_not_recognised(SHOUTING, "shout")
    with pytest.raises(AssertionError, match="'shout' read a block"):
        assert_not_recognised(SHOUTING, "shout", plugin=shouting)


def test_assert_sections() -> None:
    assert_sections(SHOUTING, [("Big News", "other")], plugin=shouting)
    with pytest.raises(AssertionError, match=r"sections \[\('BIG NEWS', 'other'\)\], expected"):
        assert_sections(SHOUTING, [("Big News", "other")])


def test_the_traced_parser_is_a_copy() -> None:
    parser = Parser()
    before = [parser.rules.get(name) for name in parser.rules.names()]
    recognised_by(textwrap.dedent(SHOUTING), parser=parser)
    assert [parser.rules.get(name) for name in parser.rules.names()] == before
