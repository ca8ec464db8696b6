"""The closed sets of names the data model and the command line share: section kinds, week
kinds, year sources, record shapes and output formats.

This module imports nothing heavy, so the command line can offer these names (in ``--help``
and as option choices) before the parser and the models are loaded. :mod:`weeknote_parser.models`,
:mod:`~weeknote_parser.records` and :mod:`~weeknote_parser.outputs` offer them too.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Literal


class SectionKind(StrEnum):
    """What a section is about, read from its heading."""

    INTRO = "intro"
    LEARNING = "learning"
    NEXT_WEEK = "next_week"
    WENT_WELL = "went_well"
    WORRIES = "worries"
    READING = "reading"
    OTHER = "other"


class WeekKind(StrEnum):
    """Which convention a week designation is written in."""

    WEEK_COMMENCING = "week_commencing"  # 'w/c 5 November', 'Week beginning 4th March'
    WEEK_ENDING = "week_ending"  # 'week ending 3 July', 'w/e 05/02/2021'
    WEEK_NUMBER = "week_number"  # 'Weeknote 12.22', '2022.3', '2021-W09', 'week 9 of 2021'
    DATE_RANGE = "date_range"  # '4 to 8 March 2019', 'July 8-12, 2019'
    DATE = "date"  # a single date naming the note: '1st October 2021', '2019-06-07'
    COUNTER = "counter"  # a running number: 'Weeknote 243', 'Weeknotes: 006', '#21'
    SEASON_EPISODE = "season_episode"  # 'S04 Ep2', 's01e05', 'series 07 episode 05'
    PERSONAL_SERIES = "personal_series"  # 'Week 12/52'
    LIFE_WEEKS = "life_weeks"  # '1612 of 4000'
    SPRINT = "sprint"  # 'Sprint 4'
    MONTH = "month"  # 'Monthnote: March 2024'
    TWO_WEEKS = "two_weeks"  # 'Weeknotes 14-15'
    DAY = "day"  # 'Daynote: 3 March 2024'


# Kinds that name a calendar week when their date or year is known.
CALENDAR_KINDS = frozenset(
    {
        WeekKind.WEEK_COMMENCING,
        WeekKind.WEEK_ENDING,
        WeekKind.WEEK_NUMBER,
        WeekKind.DATE_RANGE,
        WeekKind.DATE,
    }
)


class YearSource(StrEnum):
    """Where the year (or the whole date) of a week came from."""

    STATED = "stated"  # written in the designation itself
    NOTE_DATE = "note_date"  # the note's own dateline ('Posted on 15 May 2020')
    FRONT_MATTER = "front_matter"  # the note's front matter
    FILE_NAME = "file_name"  # a date or week in the file name or path
    URL = "url"  # a date or week in the source URL's path
    HINT = "hint"  # the caller's year or publication date
    NEIGHBOURS = "neighbours"  # the other notes of the same document
    SERIES = "series"  # the notes of the same series (weeknote_parser.series), never the parser


Per = Literal["document", "note", "section"]
PERS: tuple[Per, ...] = ("document", "note", "section")

To = Literal["json", "jsonl", "csv", "table", "markdown"]
TOS: tuple[To, ...] = ("json", "jsonl", "csv", "table", "markdown")
