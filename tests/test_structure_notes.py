"""Documents that hold several notes: running logs with one heading per week, and the name
of such a page above them."""

from __future__ import annotations

import textwrap
from typing import Any

from weeknote_parser import Document, ParseOptions, Parser

from .conftest import TODAY, parse_text


def parse_markdown(text: str, **settings: Any) -> Document:
    settings.setdefault("today", TODAY)
    parser = Parser(ParseOptions.build(**settings))
    return parser.parse_text(textwrap.dedent(text).strip("\n"), format="markdown")


def test_a_markdown_log_with_one_heading_per_week_is_a_note_per_week() -> None:
    doc = parse_markdown(
        """
        # Team diary

        ## Week of 2024-03-04

        - Painted the shed

        ## Week of 2024-03-11

        - Fixed the gate
        - Planted beans
        """
    )
    assert doc.chrome == ["Team diary"]
    assert [n.title for n in doc.notes] == ["Week of 2024-03-04", "Week of 2024-03-11"]
    assert [n.week.start.isoformat() for n in doc.notes if n.week and n.week.start] == [
        "2024-03-04",
        "2024-03-11",
    ]


def test_a_page_title_above_a_single_week_heading_stays_the_note_title() -> None:
    doc = parse_markdown(
        """
        # Garden diary

        ## Week of 2024-03-04

        - Painted the shed
        """
    )
    assert doc.chrome == []
    assert [n.title for n in doc.notes] == ["Garden diary"]
    assert doc.notes[0].week is not None
    assert doc.notes[0].week.raw == "Week of 2024-03-04"


def test_a_marked_title_naming_its_own_week_is_never_page_chrome() -> None:
    doc = parse_markdown(
        """
        # Weeknote 12.2024

        ## Week 11 recap

        Text.

        ## Week 12 plans

        More text.
        """
    )
    assert doc.chrome == []
    assert doc.notes[0].title == "Weeknote 12.2024"


def test_week_headings_closed_by_a_colon_are_titles() -> None:
    doc = parse_markdown(
        """
        # Course log

        ## Week 1 - Mar 4-10 2024:

        * Read the first chapter

        ## Week 2 - Mar 11-17 2024:

        * Read the second chapter
        """
    )
    assert [(n.title, n.subtitle) for n in doc.notes] == [
        ("Week 1 - Mar 4-10 2024:", None),
        ("Week 2 - Mar 11-17 2024:", None),
    ]
    # of the two designations, the dated one places the week
    assert [n.week.iso_week for n in doc.notes if n.week] == [10, 11]


def test_a_plain_text_log_with_week_lines_above_their_lists() -> None:
    doc = parse_text(
        """
        Progress log for the robot project:

        Week 1 (3/6):
        - Built the frame
        - Ordered wheels

        Week 2 (3/13):
        - Fitted the wheels
        """
    )
    assert doc.chrome == ["Progress log for the robot project:"]
    assert [n.title for n in doc.notes] == ["Week 1 (3/6):", "Week 2 (3/13):"]
    assert [n.subtitle for n in doc.notes] == [None, None]
    lists = [b for n in doc.notes for s in n.sections for b in s.blocks if b.type == "list"]
    assert [len(b.items) for b in lists] == [2, 1]


def test_a_lead_in_naming_a_week_inside_its_sentence_is_not_a_title() -> None:
    doc = parse_text(
        """
        Weeknote 12.2024

        Some plans for week 13:
        - Rest
        """
    )
    assert len(doc.notes) == 1


def test_week_heading_followed_by_one_word_is_a_title_without_subtitle() -> None:
    doc = parse_markdown(
        """
        # Studio blog

        ## Week 4 Update

        We glazed the pots.

        ## Week 5 Update

        We fired the kiln.
        """
    )
    assert [(n.title, n.subtitle) for n in doc.notes] == [
        ("Week 4 Update", None),
        ("Week 5 Update", None),
    ]
    assert [n.week.raw for n in doc.notes if n.week] == ["Week 4", "Week 5"]


def test_a_line_below_the_title_naming_the_week_is_the_notes_week() -> None:
    doc = parse_markdown(
        """
        ---
        title: "Diary #3: a slow start"
        ---

        Covering: 4 March - 10 March, 2024

        A slow start to the month.
        """
    )
    assert len(doc.notes) == 1
    note = doc.notes[0]
    assert note.title == "Diary #3: a slow start"
    assert note.week is not None and note.week.start is not None
    assert note.week.start.isoformat() == "2024-03-04"
    assert note.sections[0].heading is None  # the line stays in the note's opening text


def test_the_coming_week_named_inside_a_note_heads_a_section() -> None:
    doc = parse_text(
        """
        Weeknote w/c 4 November 2024

        We mended the fence.

        Next week (w/c 11 November)

        - Paint it

        Up next (week of 18/11)

        - Rest
        """
    )
    assert len(doc.notes) == 1
    assert [s.heading for s in doc.notes[0].sections] == [
        None,
        "Next week (w/c 11 November)",
        "Up next (week of 18/11)",
    ]


def test_a_title_closed_by_its_week_still_starts_a_note() -> None:
    doc = parse_text(
        """
        Weeknote w/c 4 November 2024

        We mended the fence.

        Painting the fence (w/c 11 November)

        We painted it.
        """
    )
    assert [n.title for n in doc.notes] == [
        "Weeknote w/c 4 November 2024",
        "Painting the fence (w/c 11 November)",
    ]
