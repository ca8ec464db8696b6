"""Shared test helpers: parse dedented text and look at what was recognised; and the guard
that fails any test in which weeknote_parser reaches the network or opens a file on its own."""

from __future__ import annotations

import datetime as dt
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from weeknote_parser import Document, ParseOptions, Parser

from . import security_guard

# The only functions of weeknote_parser that may open a path while a test runs, as
# (module, qualified function name): each is a sanctioned read of the input a caller named.
# Every other open made with package code on the stack (outside the import system) fails the
# test, as does any network use at all; see tests/security_guard.py.
ALLOWED_OPENERS: tuple[tuple[str, str], ...] = (
    # The input file named on the command line or given to parse_file().
    ("weeknote_parser.readers.decoding", "read_bytes"),
    # Setting up, before any input is read: the configuration file named or found, and the
    # installed packages' entry points, read to find the plugins named.
    ("weeknote_parser.config", "_read_toml"),
    ("weeknote_parser.plugins", "_entry_points"),
)

pytest_plugins = ["pytester"]

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SEEDS = ROOT.parent / "shared" / "seeds"
# A fixed reference date, so candidate years (which run to the year after 'today') are stable.
TODAY = dt.date(2026, 1, 1)


def parse_text(text: str, **settings: Any) -> Document:
    """Parse dedented ``text`` with a fixed reference date and the given settings."""
    settings.setdefault("today", TODAY)
    return Parser(ParseOptions.build(**settings)).parse(textwrap.dedent(text).strip("\n"))


def outline(document: Document) -> list[tuple[str | None, str]]:
    """(heading, kind) of every section of every note."""
    return [(s.heading, s.kind.value) for n in document.notes for s in n.sections]


def assert_recognised(text: str, expected: list[tuple[str | None, str]], **settings: Any) -> None:
    """Assert the sections of ``text`` are exactly ``expected`` (heading, kind) pairs."""
    assert outline(parse_text(text, **settings)) == expected


def without_spans(value: Any) -> Any:
    """``value`` with every 'span' and 'line' key removed: comparisons of meaning ignore them."""
    if isinstance(value, dict):
        return {k: without_spans(v) for k, v in value.items() if k not in ("span", "line")}
    if isinstance(value, list):
        return [without_spans(v) for v in value]
    return value


@pytest.fixture
def today() -> dt.date:
    return TODAY


def pytest_configure(config: pytest.Config) -> None:
    """Guard the whole session, collection included."""
    security_guard.install(ALLOWED_OPENERS)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    """Fail the test itself if weeknote_parser used the network or opened a file it was not
    given while it ran, even if the code under test caught the refusal."""
    try:
        return (yield)
    finally:  # also when the test failed: the refusal is likely why
        _fail_on_violations("in this test")


@pytest.fixture(autouse=True)
def guard_against_outside_access() -> Iterator[None]:
    """The same for what fixtures (and collection, before the first test) did."""
    _fail_on_violations("before this test (collecting, importing or in a fixture)")
    yield
    _fail_on_violations("in a fixture of this test")


def _fail_on_violations(when: str) -> None:
    found = security_guard.take_violations()
    if found:
        lines = "\n".join(f"  {v}" for v in found)
        pytest.fail(f"weeknote_parser reached outside its input {when}:\n{lines}", pytrace=False)
