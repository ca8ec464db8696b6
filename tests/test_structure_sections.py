"""Sections in formats that mark their headings, and in plain text typed without marks."""

from __future__ import annotations

import textwrap
from typing import Any

from weeknote_parser import Document, ParseOptions, Parser
from weeknote_parser.inputs import SourceBuilder
from weeknote_parser.lines import Role

from .conftest import TODAY, outline, parse_text


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


def test_a_heading_directly_above_its_list() -> None:
    doc = parse_text(
        """
        Weeknote 12.2024

        Around the house
        - Fixed the gate
        - Planted beans
        """
    )
    assert outline(doc) == [("Around the house", "other")]
    lists = [b for s in doc.notes[0].sections for b in s.blocks if b.type == "list"]
    assert [(len(b.items), b.lead_in) for b in lists] == [(2, None)]


def test_a_heading_directly_below_a_week_line_and_above_a_list() -> None:
    doc = parse_text(
        """
        Week 5
        Shed repairs (so far)
        - New roof felt
        """
    )
    assert outline(doc) == [("Shed repairs (so far)", "other")]


def test_a_long_line_directly_above_a_list_is_its_lead_in() -> None:
    doc = parse_text(
        """
        Weeknote 12.2024

        Most of the week went on the garden and the shed
        - New roof felt
        """
    )
    assert outline(doc) == [(None, "intro")]


def test_next_week_closed_by_a_colon_above_a_list_starts_a_section() -> None:
    doc = parse_text(
        """
        Weeknote 12.2024

        We mended the fence.

        Next week:
        - Paint the fence
        - Rest
        """
    )
    assert outline(doc) == [(None, "intro"), ("Next week:", "next_week")]


def test_a_lead_in_that_names_no_section_kind_stays_a_lead_in() -> None:
    doc = parse_text(
        """
        Weeknote 12.2024

        Things we mended:
        - The fence
        """
    )
    assert outline(doc) == [(None, "intro")]


def test_a_section_kind_directly_above_a_sentence_heads_it() -> None:
    doc = parse_text(
        """
        Weeknote 12.2024

        We mended the fence.

        Next week
        Painting it, if the weather holds.
        """
    )
    assert outline(doc) == [(None, "intro"), ("Next week", "next_week")]


def test_a_question_directly_above_its_answer_heads_it() -> None:
    doc = parse_text(
        """
        Weeknote 12.2024

        What did you get done this week and what held you up along the way?
        The fence, and the rain.
        """
    )
    assert outline(doc) == [
        ("What did you get done this week and what held you up along the way?", "other")
    ]


def test_an_ordinary_first_line_of_a_paragraph_is_not_a_heading() -> None:
    doc = parse_text(
        """
        Weeknote 12.2024

        The fence
        took most of Saturday.
        """
    )
    assert outline(doc) == [(None, "intro")]


def test_a_line_inside_a_paragraph_is_not_a_heading() -> None:
    doc = parse_text(
        """
        Weeknote 12.2024

        We mended the fence and then
        Next week
        - Paint it
        """
    )
    assert outline(doc) == [(None, "intro")]


def _kinds(markdown: str) -> list[tuple[str | None, str]]:
    doc = Parser(ParseOptions(today=TODAY)).parse_text(markdown, format="markdown")
    return [(s.heading, s.kind.value) for s in doc.notes[0].sections]


def test_a_subsection_takes_the_kind_of_the_section_above_it() -> None:
    assert _kinds(
        "# Weeknote 3.2024\n\n## What went well\n\n### A new website\n\nIt is live.\n\n"
        "### Training\n\nDone.\n\n## Around the house\n\n### The shed\n\nPainted.\n\n"
        "## Reading\n\n### Books\n\nTwo.\n\n#### On gardens\n\nOne.\n"
    ) == [
        ("What went well", "went_well"),
        ("A new website", "went_well"),
        ("Training", "went_well"),
        ("Around the house", "other"),
        ("The shed", "other"),
        ("Reading", "reading"),
        ("Books", "reading"),
        ("On gardens", "reading"),
    ]


def test_a_heading_no_deeper_than_the_notes_first_is_no_subsection() -> None:
    # '# Learning' among '##' headings is a slip of level, not a parent of what follows.
    assert _kinds(
        "---\ntitle: Weeknote 3.2024\n---\n\n## Work\n\nBusy.\n\n# Learning\n\nRust.\n\n"
        "## Personal\n\nRest.\n"
    ) == [("Work", "other"), ("Learning", "learning"), ("Personal", "other")]
