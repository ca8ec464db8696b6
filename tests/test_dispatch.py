"""Dispatch on line facts (recognisers.dispatch) changes what is tried, never what is found:
parsing with it and without it gives the same Documents."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from weeknote_parser import InputError, ParseOptions, Parser, to_json
from weeknote_parser.lines import analyse
from weeknote_parser.readers import read_input
from weeknote_parser.recognisers import BLOCK_RULES
from weeknote_parser.recognisers.dispatch import LINE_TESTS, dispatch_default, line_test

from .conftest import EXAMPLES, ROOT, SEEDS, TODAY
from .test_properties import FRAGMENTS, MARKUP

SHARED = ROOT.parent / "shared"
SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".xml", ".rss", ".atom")


def _inputs() -> list[Path]:
    roots = [EXAMPLES, ROOT / "tests", SEEDS, SHARED / "corpus" / "texts"]
    return sorted(
        path
        for root in roots
        if root.is_dir()
        for path in root.rglob("*")
        if path.suffix in SUFFIXES and path.is_file()
    )


INPUTS = _inputs()
WITH = Parser(ParseOptions(today=TODAY), dispatch=True)
WITHOUT = Parser(ParseOptions(today=TODAY), dispatch=False)


def _both(data: bytes, name: str, fmt: str | None = None) -> tuple[bytes, bytes]:
    def run(parser: Parser) -> bytes:
        source = read_input(data, name=name, path=name, format=fmt)  # type: ignore[arg-type]
        return to_json(parser.parse_input(source))

    return run(WITH), run(WITHOUT)


def test_there_are_inputs() -> None:
    assert len(INPUTS) >= 10


@pytest.mark.parametrize("path", INPUTS, ids=[p.name for p in INPUTS])
@pytest.mark.parametrize("fmt", [None, "text", "markdown"])
def test_same_document_with_and_without_dispatch(path: Path, fmt: str | None) -> None:
    with_dispatch, without = _both(path.read_bytes(), path.name, fmt)
    assert with_dispatch == without


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.one_of(st.sampled_from(FRAGMENTS + MARKUP), st.text(max_size=40)), max_size=40),
    st.sampled_from(["text", "markdown", "html"]),
)
def test_same_document_on_generated_text(rows: list[str], fmt: str) -> None:
    text = "\n".join(rows)
    assert _outcome(WITH, text, fmt) == _outcome(WITHOUT, text, fmt)


def _outcome(parser: Parser, text: str, fmt: str) -> bytes | str:
    """The document's JSON, or the one-line error a bad input gives (bad front matter)."""
    try:
        return to_json(parser.parse_text(text, format=fmt))  # type: ignore[arg-type]
    except InputError as error:
        return str(error)


def test_every_built_in_block_rule_but_paragraph_has_a_line_test() -> None:
    tested = {name for name, rule, _ in BLOCK_RULES if rule in LINE_TESTS}
    assert tested == {name for name, _, _ in BLOCK_RULES} - {"paragraph"}


def test_a_rule_put_in_the_place_of_a_built_in_one_has_no_test() -> None:
    parser = Parser(ParseOptions(today=TODAY))
    seen: list[int] = []

    def every_line(state: object, line: int, *, silent: bool) -> bool:
        seen.append(line)
        return False

    parser.rules.replace("numbered_heading", every_line)
    parser.parse("Weeknote 12.22\n\nA plain line\n\n- an item")
    assert line_test(every_line) is None
    assert seen, "a replacing rule is offered lines its predecessor's test would refuse"


def test_the_tests_refuse_lines_their_rule_cannot_read() -> None:
    plain, item = analyse("A plain line\n- an item")
    week = analyse("Weeknote 12.22")[0]
    assert not LINE_TESTS[BLOCK_RULES[1][1]](plain)  # dateline: no digit
    assert LINE_TESTS[BLOCK_RULES[1][1]](week)
    numbered_heading = {n: r for n, r, _ in BLOCK_RULES}["numbered_heading"]
    assert not LINE_TESTS[numbered_heading](item)


def test_the_environment_switches_dispatch_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WEEKNOTE_PARSER_DISPATCH", "0")
    assert not dispatch_default()
    assert not Parser().dispatch
    monkeypatch.setenv("WEEKNOTE_PARSER_DISPATCH", "1")
    assert dispatch_default()
    assert Parser().dispatch
