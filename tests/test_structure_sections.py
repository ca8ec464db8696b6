"""Sections in formats that mark their headings, and in plain text typed without marks."""

from __future__ import annotations

import textwrap
from typing import Any

from weeknote_parser import Document, ParseOptions, Parser
from weeknote_parser.inputs import SourceBuilder
from weeknote_parser.lines import Role

from .conftest import TODAY, outline


def parse_markdown(text: str, **settings: Any) -> Document:
    settings.setdefault("today", TODAY)
    parser = Parser(ParseOptions.build(**settings))
    return parser.parse_text(textwrap.dedent(text).strip("\n"), format="markdown")


def parse_lines(lines: list[tuple[str, Role | None]]) -> Document:
    """Parse source lines with the roles a reader would give them (a blank between each)."""
    builder = SourceBuilder()
    for index, (text, role) in enumerate(lines):
        builder.add(text, 2 * index, role)
        builder.gap(2 * index + 1)
    return Parser(ParseOptions(today=TODAY)).parse_source(builder.build("html"))


def test_in_a_note_that_marks_its_headings_unmarked_lines_are_text() -> None:
    doc = parse_markdown(
        """
        # Weeknote 12.2024

        ## The new kiln

        ![kiln](https://example.org/kiln.jpg)

        It arrived on Tuesday.

        ## The shop

        Good news from the shop

        - Sold four bowls
        """
    )
    assert outline(doc) == [("The new kiln", "other"), ("The shop", "other")]


def test_an_unmarked_line_naming_a_section_kind_is_still_a_heading() -> None:
    doc = parse_markdown(
        """
        # Weeknote 12.2024

        ## What went well?

        The kiln arrived.

        Next week

        1. Fire the first batch
        """
    )
    assert outline(doc) == [("What went well?", "went_well"), ("Next week", "next_week")]


def test_unmarked_labels_are_headings_when_only_the_notes_are_marked() -> None:
    doc = parse_markdown(
        """
        # Project diary

        ## Week of 2024-03-04

        Finished

        - The wiring

        Stuck

        - The paint

        ## Week of 2024-03-11

        Finished

        - The paint
        """
    )
    assert [[s.heading for s in n.sections] for n in doc.notes] == [
        ["Finished", "Stuck"],
        ["Finished"],
    ]


def test_a_paragraph_above_a_date_marked_as_furniture_is_not_a_title() -> None:
    doc = parse_lines(
        [
            ("Weeknote 12.2024", "title"),
            ("We fired the kiln.", None),
            ("Song of the week", "heading"),
            ("A quiet one to work to", None),
            ("March 24, 2024", "chrome"),
        ]
    )
    assert [n.title for n in doc.notes] == ["Weeknote 12.2024"]
