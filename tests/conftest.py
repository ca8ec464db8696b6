"""Shared test helpers: parse dedented text and look at what was recognised."""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path
from typing import Any

import pytest

from weeknote_parser import Document, ParseOptions, Parser

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
