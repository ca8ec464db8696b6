"""Golden files: every example input beside its expected JSON, read by one test."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from weeknote_parser import ParseOptions, Parser, to_json
from weeknote_parser.conformance import differences
from weeknote_parser.readers import read_input

from .conftest import EXAMPLES, TODAY, without_spans

INPUT_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".xml", ".rss", ".atom")
INPUTS = sorted(p for p in EXAMPLES.rglob("*") if p.suffix in INPUT_SUFFIXES)


def expected_path(source: Path) -> Path:
    return source.with_suffix(".json")


def render(source: Path) -> bytes:
    """The JSON the examples are checked against (a fixed reference date, path relative)."""
    parser = Parser(ParseOptions(today=TODAY))
    relative = source.relative_to(EXAMPLES.parent).as_posix()
    document = parser.parse_input(read_input(source.read_bytes(), name=relative, path=relative))
    return to_json(document, pretty=True)


def test_there_are_examples() -> None:
    assert len(INPUTS) >= 5


@pytest.mark.parametrize("source", INPUTS, ids=[p.relative_to(EXAMPLES).as_posix() for p in INPUTS])
def test_example_matches_expected_json(source: Path) -> None:
    expected_file = expected_path(source)
    assert expected_file.exists(), f"{expected_file} is missing: every example needs one"
    expected = json.loads(expected_file.read_text(encoding="utf-8"))
    actual = json.loads(render(source))
    assert differences(without_spans(expected), without_spans(actual)) == []
    # Spans and warning lines are what the readers' line mapping carries: compared too.
    assert actual == expected, "run: python -m tests.regen_golden (shows the diff)"
