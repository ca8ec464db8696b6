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


def test_furniture_lines_with_no_blank_lines_around_them_are_chrome() -> None:
    doc = parse_text(
        """
        Weeknote 4.2022

        We painted the shed.
        Tags: sheds, paint
        Leave a comment
        Search for:
        © 2022 A. Writer
        """
    )
    assert doc.chrome == [
        "Tags: sheds, paint",
        "Leave a comment",
        "Search for:",
        "© 2022 A. Writer",
    ]
    assert [getattr(b, "text", None) for b in doc.notes[0].sections[0].blocks] == [
        "We painted the shed."
    ]


def test_a_wrapped_sentence_mentioning_copyright_stays_text() -> None:
    doc = parse_text(
        """
        Weeknote 4.2022

        We spent the week reading about the law on
        copyright and what it means for our photos.
        """
    )
    assert doc.chrome == []


@pytest.mark.parametrize("blank", ["\n", ""])
def test_a_navigation_line_above_a_title_is_chrome(blank: str) -> None:
    doc = parse_text(f"Home | About | Archive | Contact\n{blank}Weeknote 4.2022: sheds\n\nBody.")
    assert doc.chrome == ["Home | About | Archive | Contact"]
    assert [n.title for n in doc.notes] == ["Weeknote 4.2022: sheds"]


def test_a_breadcrumb_is_chrome() -> None:
    doc = parse_text("Home › Blog › Garden\n\nA quiet week\n\nWe rested.")
    assert doc.chrome == ["Home › Blog › Garden"]
    assert doc.notes[0].title == "A quiet week"


@pytest.mark.parametrize("line", ["Previous: Weeknote 3.2022", "Next post: Weeknote 5.2022"])
def test_links_to_the_previous_and_next_posts_are_chrome(line: str) -> None:
    doc = parse_text(f"Weeknote 4.2022\n\nBody text.\n\n{line}")
    assert doc.chrome == [line]
    assert len(doc.notes) == 1


def test_a_next_line_naming_no_post_is_text() -> None:
    doc = parse_text("Weeknote 4.2022\n\nBody text.\n\nNext: paint the shed")
    assert doc.chrome == []


def test_a_list_of_other_posts_is_chrome() -> None:
    doc = parse_text(
        """
        Weeknote 4.2022

        Body text.

        Related posts
        - Weeknote 3.2022: fences
        - Weeknote 2.2022: gates
        """
    )
    assert doc.chrome == [
        "Related posts",
        "- Weeknote 3.2022: fences",
        "- Weeknote 2.2022: gates",
    ]
    assert len(doc.notes) == 1
    assert [s.heading for s in doc.notes[0].sections] == [None]


def test_more_reading_is_a_section_not_other_posts() -> None:
    doc = parse_text("Weeknote 4.2022\n\nBody text.\n\nMore reading\n\n- A book about sheds\n")
    assert doc.chrome == []
