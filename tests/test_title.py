"""The title, week_line and plain_title recognisers."""

from __future__ import annotations

import datetime as dt

from weeknote_parser import ParseOptions, Parser

from .conftest import TODAY, parse_text


def test_title_with_week_commencing_and_subtitle() -> None:
    note = parse_text("Weeknote w/c 3 May 2021: moving house\n\nText.", year=2021).notes[0]
    assert note.title == "Weeknote w/c 3 May 2021: moving house"
    assert note.subtitle == "moving house"
    assert note.week is not None
    assert note.week.raw == "w/c 3 May 2021"


def test_subtitle_after_a_dash() -> None:
    note = parse_text("Weeknotes w/c 10 May 2021 - a short one\n\nText.").notes[0]
    assert note.subtitle == "a short one"


def test_title_without_subtitle() -> None:
    note = parse_text("Weeknotes w/c 10 May 2021\n\nText.").notes[0]
    assert note.subtitle is None


def test_designation_at_the_end_of_a_title_leaves_no_subtitle() -> None:
    note = parse_text("Getting going again - Weeknote 12.22\n\nText.").notes[0]
    assert note.subtitle is None  # the subtitle is what follows the designation
    assert note.week is not None
    assert note.week.raw == "Weeknote 12.22"


def test_week_on_its_own_line_below_the_title() -> None:
    note = parse_text("A quiet week\n\nWeeknote 12.22\n\nText.").notes[0]
    assert (note.title, note.subtitle) == ("A quiet week", None)
    assert note.week is not None
    assert (note.week.raw, note.week.iso_week) == ("Weeknote 12.22", 12)


def test_week_line_alone_is_the_title() -> None:
    note = parse_text("2021.07\n\nText.").notes[0]
    assert note.title == "2021.07"
    assert note.week is not None
    assert note.week.iso_week == 7


def test_title_week_pairs_split_a_page_into_notes() -> None:
    doc = parse_text(
        "First post\n\nWeeknote 2.2022\n\nBody one.\n\nSecond post\n\nWeeknote 1.2022\n\nBody two."
    )
    assert [n.title for n in doc.notes] == ["First post", "Second post"]
    assert [n.span for n in doc.notes] == [(0, 5), (6, 11)]


def test_week_mentioned_in_a_paragraph_does_not_start_a_note() -> None:
    doc = parse_text(
        "Weeknote w/c 5 March 2018\n\nAs I said in my note for w/c 26 February 2018, it snowed."
    )
    assert len(doc.notes) == 1


def test_first_line_is_the_title_when_no_week_is_named() -> None:
    note = parse_text("Small fixes\n\nWe fixed things.").notes[0]
    assert (note.title, note.week) == ("Small fixes", None)


def test_document_opening_with_a_paragraph_has_no_title() -> None:
    note = parse_text("We fixed a lot of small things this week.\n\nMore text.").notes[0]
    assert note.title is None


def test_titles_followed_by_datelines_split_an_archive_page() -> None:
    doc = parse_text(
        "My work blog\n\nA week of planning\n\nPosted on 15 May 2020\n\nWe planned.\n\n"
        "Back in the office\n\nPosted on 8 May 2020\n\nWe went back."
    )
    assert [(n.title, n.published) for n in doc.notes] == [
        ("A week of planning", dt.date(2020, 5, 15)),
        ("Back in the office", dt.date(2020, 5, 8)),
    ]
    assert doc.chrome == ["My work blog"]
    assert [n.dateline for n in doc.notes] == ["Posted on 15 May 2020", "Posted on 8 May 2020"]


def test_a_series_name_after_a_separator_is_the_subtitle() -> None:
    note = parse_text("2024 Week 10 - Weekly Notes\n\nText.").notes[0]
    assert note.subtitle == "Weekly Notes"


def test_a_label_after_the_week_with_no_separator_is_no_subtitle() -> None:
    note = parse_text("Week 10 2024 weeknotes\n\nText.").notes[0]
    assert note.subtitle is None


def test_a_text_line_above_a_marked_heading_is_not_its_title() -> None:
    # In Markdown the heading below names its own note; the short line above it is text.
    doc = Parser(ParseOptions(today=TODAY)).parse_text(
        "# Weeknote 3.24\n\nA short line\n\n# Weeknote 4.24\n\nMore text.\n", format="markdown"
    )
    assert [n.title for n in doc.notes] == ["Weeknote 3.24", "Weeknote 4.24"]


def test_a_week_line_repeating_the_open_notes_week_makes_no_title() -> None:
    # 'Weeknote 1.15' is the week of 29 December 2014. 'The week' is its text, not a title
    # paired with the week line below; that line, coming after the note's text, opens a
    # second note for the same week (which a series reports as a duplicate).
    doc = parse_text("Weeknote 1.15\n\nThe week\n\nWeeknote w/c 29 December 2014\n")
    assert [n.title for n in doc.notes] == ["Weeknote 1.15", "Weeknote w/c 29 December 2014"]
