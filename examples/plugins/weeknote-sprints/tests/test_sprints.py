"""The sprint plugin, tested with the helpers weeknote-parser ships for plugins."""

from __future__ import annotations

import datetime as dt

import pytest
from weeknote_sprints import NAME, plugin

from weeknote_parser import ListBlock, Parser
from weeknote_parser.plugins import installed_plugins
from weeknote_parser.testing import (
    assert_not_recognised,
    assert_recognised,
    parse_with,
    parser_with,
    recognised_by,
    sections_of,
    titles_of,
)

ARCHIVE = """
    Team Kestrel

    Notes from our fortnight

    Sprint 12 (4–15 March)

    What went well?

    - planned the move
    - moved the servers
    Sprint 13: 18–29 March

    Hiring

    Sprint 14 (1–12 April): where did that disk go…

    We lost a disk.
"""


def _chains_reach_the_built_in_rules() -> bool:
    """Do the built-in rules' look-aheads see a rule set up by a plugin?"""
    doc = parse_with("Site name\n\nSprint 3\n\nText.", plugin=plugin)
    return doc.chrome == ["Site name"]


# The look-aheads read the chains of the parse's own registry; a parser that does not hand
# it to the rules gives them only the built-in chains.


def test_the_plugin_is_installed_under_its_name() -> None:
    assert installed_plugins()["sprints"] == "weeknote_sprints:plugin"
    doc = parse_with("Sprint 12 (4–15 March)\n\nText.", plugin="sprints", year=2024)
    assert titles_of(doc) == ["Sprint 12 (4–15 March)"]


def test_the_rule_is_tried_before_the_titles() -> None:
    parser = parser_with(plugin)
    names = parser.rules.names()
    assert names.index(NAME) == names.index("title") - 1
    assert parser.rules.alt(NAME) == ("note", "list", "heading_text")


@pytest.mark.parametrize(
    ("line", "subtitle", "monday"),
    [
        ("Sprint 12 (4–15 March)", None, dt.date(2024, 3, 4)),
        ("Sprint 13: 18–29 March", None, dt.date(2024, 3, 18)),
        (
            "Sprint 14 (1–12 April): the one with the outage",
            "the one with the outage",
            dt.date(2024, 4, 1),
        ),
        ("=== Sprint 15 ===", None, None),
        ("Sprint 16 – a quiet one", "a quiet one", None),
    ],
)
def test_a_sprint_line_starts_a_note_with_its_dates_as_its_week(
    line: str, subtitle: str | None, monday: dt.date | None
) -> None:
    doc = parse_with(f"Intro text here.\n\n{line}\n\nWe shipped.", plugin=plugin, year=2024)
    note = doc.notes[-1]
    assert (note.title, note.subtitle) == (line, subtitle)
    assert (note.week.start if note.week and monday else None) == monday


@pytest.mark.parametrize(
    "line",
    [
        "Sprint 12 planning went well",
        "- Sprint 12 (4–15 March)",
        "Sprint 12 was long.",
        "Our sprint 12",
    ],
)
def test_other_lines_that_mention_a_sprint_are_not_titles(line: str) -> None:
    assert_not_recognised(f"Weeknote 10.24\n\n{line}\n\nText.", NAME, plugin=plugin)


def test_without_the_plugin_the_first_sprint_is_the_week_of_the_line_above() -> None:
    # Built in, a sprint with its dates is a week line, which the line above it takes as
    # its title's week; the plugin makes every sprint line a title of its own.
    assert titles_of(parse_with(ARCHIVE, year=2024)) == [
        "Notes from our fortnight",
        "Sprint 13: 18–29 March",
        "Sprint 14 (1–12 April): where did that disk go…",
    ]


def test_each_sprint_starts_a_note_wherever_it_stands() -> None:
    doc = parse_with(ARCHIVE, plugin=plugin, year=2024)
    assert titles_of(doc) == [
        "Sprint 12 (4–15 March)",
        "Sprint 13: 18–29 March",
        "Sprint 14 (1–12 April): where did that disk go…",
    ]
    assert [note.week.start for note in doc.notes if note.week] == [
        dt.date(2024, 3, 4),
        dt.date(2024, 3, 18),
        dt.date(2024, 4, 1),
    ]


def test_the_blog_name_above_the_first_sprint_is_chrome() -> None:
    text = "Team Kestrel\n\nNotes from our fortnight\n\nSprint 12: the big move\n\nWe moved."
    doc = parse_with(text, plugin=plugin)
    assert doc.chrome == ["Team Kestrel", "Notes from our fortnight"]
    assert titles_of(doc) == ["Sprint 12: the big move"]
    assert titles_of(parse_with(text))[0] == "Team Kestrel"  # without the plugin


def test_a_list_ends_at_a_sprint() -> None:
    doc = parse_with(ARCHIVE, plugin=plugin, year=2024)
    assert sections_of(doc)[0] == ("What went well?", "went_well")
    block = doc.notes[0].sections[0].blocks[0]
    assert isinstance(block, ListBlock)
    assert [item.text for item in block.items] == ["planned the move", "moved the servers"]


def test_a_line_above_a_sprint_is_not_a_heading() -> None:
    """'Hiring' above 'Sprint 14 …' (a line too long or open-ended to be a heading itself,
    which would make 'Hiring' a caption either way) heads no section."""
    claims = dict(recognised_by(ARCHIVE, plugin=plugin, year=2024))
    assert (claims[12], claims[14]) == ("paragraph", NAME)  # 'Hiring', then 'Sprint 14 …'
    assert_recognised(ARCHIVE, "title", line=14, year=2024)  # without the plugin


def test_the_rule_can_be_switched_off_by_name() -> None:
    doc = parse_with(ARCHIVE, plugin=plugin, year=2024, disable=[NAME])
    assert titles_of(doc) == titles_of(parse_with(ARCHIVE, year=2024))
    assert NAME not in parser_with(plugin, disable=[NAME]).active_names()
    assert NAME in parser_with(plugin).active_names()
    assert NAME not in Parser().names()
