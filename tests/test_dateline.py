"""The dateline recogniser: a posting date just below a note's title."""

from __future__ import annotations

import datetime as dt

import pytest

from weeknote_parser import Document, ParseOptions, Parser
from weeknote_parser.inputs import SourceBuilder
from weeknote_parser.lines import Role

from .conftest import TODAY, parse_text


@pytest.mark.parametrize(
    ("line", "published"),
    [
        ("May 15, 2020", "2020-05-15"),
        ("Posted on 3 March 2021", "2021-03-03"),
        ("Posted on 3 March 2021 by Sam", "2021-03-03"),
        ("12 June 2021 · 4 min read", "2021-06-12"),
        ("Published: 2021-06-12", "2021-06-12"),
        ("Friday 12th July 2019", "2019-07-12"),
    ],
)
def test_dateline_below_a_title(line: str, published: str) -> None:
    document = parse_text(f"A quiet week\n\n{line}\n\nText.")
    note = document.notes[0]
    assert note.published == dt.date.fromisoformat(published)
    assert note.dateline == line  # the note's own line, as written
    assert document.chrome == []
    assert [b.type for s in note.sections for b in s.blocks] == ["paragraph"]  # 'Text.' only


@pytest.mark.parametrize(
    "line",
    [
        "We met on 3 March 2021 to plan the launch of the new service.",
        "3 March",  # no year: not a date to place a note by
        "Deadline 3 March 2021 for the budget bids and the hiring plan",
    ],
)
def test_not_a_dateline(line: str) -> None:
    document = parse_text(f"Weeknote 9.2021\n\n{line}\n\nText.")
    assert document.notes[0].published is None
    assert document.chrome == []


def test_a_date_line_after_the_text_has_begun_is_not_a_dateline() -> None:
    document = parse_text("Weeknote 9.2021\n\nSome text.\n\nMay 15, 2020\n\nMore text.")
    assert document.notes[0].published is None


def _parse_lines(lines: list[tuple[str, Role | None]]) -> Document:
    builder = SourceBuilder()
    for index, (text, role) in enumerate(lines):
        builder.add(text, 2 * index, role)
        builder.gap(2 * index + 1)
    return Parser(ParseOptions(today=TODAY)).parse_source(builder.build("html"))


def test_a_date_marked_as_furniture_just_after_the_text_is_the_dateline() -> None:
    doc = _parse_lines(
        [
            ("A quiet week in the garden", "title"),
            ("We mended the fence.", None),
            ("Read more »", "chrome"),
            ("March 10, 2024 · 2 min", "chrome"),
            ("A week of rain", "title"),
            ("It rained.", None),
            ("March 3, 2024", "chrome"),
        ]
    )
    assert [n.published for n in doc.notes] == [dt.date(2024, 3, 10), dt.date(2024, 3, 3)]
    assert [n.dateline for n in doc.notes] == ["March 10, 2024 · 2 min", "March 3, 2024"]
    assert doc.chrome == ["Read more »"]
    assert doc.notes[0].span == (0, 7)  # the footer is the note's
    week = doc.notes[0].week
    assert week is not None and week.start == dt.date(2024, 3, 4)


def test_a_date_marked_as_furniture_far_below_the_text_is_not_the_dateline() -> None:
    doc = _parse_lines(
        [
            ("A quiet week in the garden", "title"),
            ("We mended the fence.", None),
            ("Written by", "chrome"),
            ("Sam", "chrome"),
            ("Previous post", "chrome"),
            ("Next post", "chrome"),
            ("Comments", "chrome"),
            ("March 10, 2024", "chrome"),
        ]
    )
    assert doc.notes[0].published is None


def test_a_note_has_one_dateline() -> None:
    doc = _parse_lines(
        [
            ("A quiet week in the garden", "title"),
            ("March 10, 2024", None),
            ("We mended the fence.", None),
            ("March 17, 2024", "chrome"),
        ]
    )
    assert doc.notes[0].published == dt.date(2024, 3, 10)
