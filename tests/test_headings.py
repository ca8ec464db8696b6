"""The heading and numbered_heading recognisers."""

from __future__ import annotations

import pytest

from .conftest import assert_recognised, parse_text


def test_short_standalone_line_followed_by_text_is_a_heading() -> None:
    assert_recognised(
        """
        Weeknote 10.2021

        Planning the move

        We booked the vans and told everyone.
        """,
        [("Planning the move", "other")],
    )


def test_text_before_the_first_heading_is_the_intro() -> None:
    assert_recognised(
        """
        Weeknote 10.2021

        A calm week.

        Hiring

        Two offers accepted.
        """,
        [(None, "intro"), ("Hiring", "other")],
    )


def test_question_is_a_heading() -> None:
    assert_recognised(
        """
        Weeknote 10.2021

        What went well?

        The launch.
        """,
        [("What went well?", "went_well")],
    )


def test_line_ending_like_a_sentence_is_not_a_heading() -> None:
    doc = parse_text(
        """
        Weeknote 10.2021

        It rained.

        More text here.
        """
    )
    assert [s.heading for s in doc.notes[0].sections] == [None]


def test_standalone_line_followed_by_a_heading_is_a_caption() -> None:
    assert_recognised(
        """
        Weeknote 10.2021

        Opening paragraph of the week.

        A photo of the team at the away day

        What went well?

        Everything, mostly.
        """,
        [(None, "intro"), ("What went well?", "went_well")],
    )


def test_caption_stays_in_the_section_as_a_paragraph() -> None:
    doc = parse_text(
        """
        Weeknote 10.2021

        Opening paragraph of the week.

        A photo of the team

        Next week

        More planning.
        """
    )
    intro = doc.notes[0].sections[0]
    assert [b.text for b in intro.blocks if b.type == "paragraph"][-1] == "A photo of the team"


def test_last_line_of_a_note_is_not_a_heading() -> None:
    assert_recognised(
        """
        Weeknote 10.2021

        Some text.

        See you next week
        """,
        [(None, "intro")],
    )


def test_line_with_a_url_is_not_a_heading() -> None:
    assert_recognised(
        """
        Weeknote 10.2021

        Some text.

        Our slides https://example.org/slides

        More text.
        """,
        [(None, "intro")],
    )


def test_long_line_is_not_a_heading() -> None:
    long_line = " ".join(["word"] * 20)
    assert_recognised(
        f"""
        Weeknote 10.2021

        {long_line}

        More text.
        """,
        [(None, "intro")],
    )


def test_numbered_lines_each_followed_by_paragraphs_are_headings() -> None:
    assert_recognised(
        """
        Weeknote 10.2021

        Two themes this week.

          1. Listening more

        I tried to speak last in meetings.

          1. Writing things down

        Decisions now go in the log.
        """,
        [(None, "intro"), ("Listening more", "other"), ("Writing things down", "other")],
    )


def test_consecutive_numbered_lines_are_a_list_not_headings() -> None:
    doc = parse_text(
        """
        Weeknote 10.2021

        Goals:

        1. Ship the form
        2. Book the review

        That is all.
        """
    )
    assert [s.heading for s in doc.notes[0].sections] == [None]
    lists = [b for b in doc.notes[0].sections[0].blocks if b.type == "list"]
    assert [(b.style, len(b.items)) for b in lists] == [("numbered", 2)]


def test_a_headings_permalink_mark_is_not_part_of_it() -> None:
    from weeknote_parser import ParseOptions, Parser

    html = (
        "<html><body><article><h1>Weeknote 10.2021</h1><p>Intro.</p>"
        '<h2>Planning the move<a class="anchor" href="#planning">¶</a></h2><p>Vans.</p>'
        '<h2>Next week <a href="#next">#</a></h2><p>Rest.</p>'
        '<h2><a href="#reading">🔗</a> Reading</h2><p>A book.</p>'
        "</article></body></html>"
    )
    doc = Parser(ParseOptions()).parse_text(html, format="html")
    assert [s.heading for s in doc.notes[0].sections] == [
        None,
        "Planning the move",
        "Next week",
        "Reading",
    ]


def test_a_hash_inside_a_heading_stays() -> None:
    assert_recognised(
        """
        Weeknote 10.2021

        Learning C#

        Slowly.
        """,
        [("Learning C#", "other")],
    )


def test_a_greeting_is_not_a_heading() -> None:
    assert_recognised(
        """
        Weeknote 10.2021

        Hello, March!

        A short one this week.
        """,
        [(None, "intro")],
    )


def test_headings_typed_as_in_markdown_in_plain_text() -> None:
    doc = parse_text(
        "# Team log\n\n## Week 10 2024\n\nWe planned.\n\n### Next week\n\nShip it.\n\n"
        "# Week 11 2024 ##\n\nWe shipped.\n"
    )
    assert doc.chrome == ["Team log"]  # a page's name over its notes
    assert [n.title for n in doc.notes] == ["Week 10 2024", "Week 11 2024"]
    assert [(s.heading, s.kind.value) for s in doc.notes[0].sections] == [
        (None, "intro"),
        ("Next week", "next_week"),
    ]


@pytest.mark.parametrize(
    "line",
    [
        "#hashtag of the week",
        "#1 priority was hiring",
        "#",
        "# of signups doubled this week, which was nice.",
    ],
)
def test_a_hash_line_that_is_no_heading_is_text(line: str) -> None:
    doc = parse_text(f"Weeknote 10.2024\n\nIntro.\n\n{line}\n\nMore text here.")
    sections = doc.notes[0].sections
    texts = [b.text for s in sections for b in s.blocks if b.type == "paragraph"]
    headings = [s.heading for s in sections]
    assert line in texts + headings  # kept as written, '#' and all
    assert all(h is None or not h.startswith("of signups") for h in headings)


def test_a_run_of_hash_lines_is_text_not_headings() -> None:
    doc = parse_text("Weeknote 10.2024\n\nPriorities:\n# hiring\n# the move\n# budget\n")
    assert [s.heading for s in doc.notes[0].sections] == [None]
