"""The chrome recogniser: site furniture belongs to no note."""

from __future__ import annotations

import pytest

from .conftest import parse_text


def test_lines_before_the_first_note_of_a_page_are_chrome() -> None:
    doc = parse_text("My blog about work\n\nPost title\n\nWeeknote 4.2022\n\nBody.")
    assert doc.chrome == ["My blog about work"]
    assert doc.notes[0].title == "Post title"


@pytest.mark.parametrize(
    "line",
    [
        "« Older posts",
        "Newer posts »",
        "© 2021 A. Writer",
        "Copyright 2020 Somebody",
        "Theme by Someone",
        "Proudly powered by WordPress",
        "Category: Weeknotes",
        "Tags: weeknotes, work",
        "Page 3 of 12",
        "Leave a comment",
        "Back to top",
        "Posted in Weeknotes | Leave a comment",
        "Filed under work, notes",
    ],
)
def test_furniture_lines_are_chrome(line: str) -> None:
    doc = parse_text(f"Weeknote 4.2022\n\nBody text.\n\n{line}")
    assert doc.chrome == [line]
    assert all(line not in getattr(b, "text", "") for s in doc.notes[0].sections for b in s.blocks)


def test_single_note_without_furniture_has_no_chrome() -> None:
    assert parse_text("Weeknote 4.2022\n\nBody text.").chrome == []


def test_a_sentence_starting_posted_in_is_not_chrome() -> None:
    doc = parse_text("Weeknote 4.2022\n\nPosted in the team channel, as usual.")
    assert doc.chrome == []


def test_a_sentence_mentioning_a_category_is_not_chrome() -> None:
    doc = parse_text("Weeknote 4.2022\n\nThe category of this work is unclear to me.")
    assert doc.chrome == []
