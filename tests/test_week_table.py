"""One row per week designation: the title, what the caller passes, the kind and the Monday.

Every row is parsed as the title of a one-note document ('TITLE' then a paragraph) with a
fixed reference date (1 January 2026). ``monday`` is the ISO week's Monday, or None when the
designation is not a calendar week or its year cannot be known.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from .conftest import parse_text

D = dt.date.fromisoformat
NONE: dict[str, Any] = {}

# (title, settings, kind, monday)
ROWS: list[tuple[str, dict[str, Any], str, str | None]] = [
    # week commencing
    ("Weeknote w/c 5 November", {"year": 2018}, "week_commencing", "2018-11-05"),
    ("Weeknote w/c 5 November: a subtitle", {"year": 2018}, "week_commencing", "2018-11-05"),
    ("Weeknotes w/c 10 September", {"year": 2018}, "week_commencing", "2018-09-10"),
    ("Weeknote w/c 21st October", {"year": 2019}, "week_commencing", "2019-10-21"),
    ("Weeknote w/c 28 September", {"year": 2020}, "week_commencing", "2020-09-28"),
    ("Weeknote w/c 17 June", {"year": 2019}, "week_commencing", "2019-06-17"),
    ("Weeknote w/c 5 November 2018", NONE, "week_commencing", "2018-11-05"),
    ("Weeknote w/c 31 December 2018", NONE, "week_commencing", "2018-12-31"),
    ("Weeknote w/c 30 December", {"year": 2020}, "week_commencing", "2019-12-30"),
    ("Weeknote wc 3/1/22", NONE, "week_commencing", "2022-01-03"),
    ("Weeknote wc 10/1/2022", NONE, "week_commencing", "2022-01-10"),
    ("Weeknote w/c 7/2", {"year": 2022}, "week_commencing", "2022-02-07"),
    ("Week commencing Tuesday 3rd March 2020", NONE, "week_commencing", "2020-03-02"),
    ("Week commencing Monday 2 March 2020", NONE, "week_commencing", "2020-03-02"),
    ("Week beginning 4th March", {"year": 2019}, "week_commencing", "2019-03-04"),
    ("Week beginning 4th March 2019: busy", NONE, "week_commencing", "2019-03-04"),
    ("Week starting 11 January 2021", NONE, "week_commencing", "2021-01-11"),
    ("The week of April 8th", {"year": 2019}, "week_commencing", "2019-04-08"),
    ("The week of April 8th, 2019", NONE, "week_commencing", "2019-04-08"),
    ("Weeknotes w/c 11th November 2019 - the one with the outage", NONE, "week_commencing", "2019-11-11"),
    ("Weeknote w/c 5 Nov 2018", NONE, "week_commencing", "2018-11-05"),
    ("Weeknote w/c 5 Sept 2022", NONE, "week_commencing", "2022-09-05"),
    ("Weeknote w/c 5 November", NONE, "week_commencing", None),
    ("Weeknote w/c 5 November", {"published": D("2018-11-10")}, "week_commencing", "2018-11-05"),
    ("Weeknote w/c 6 January", {"published": D("2020-01-11")}, "week_commencing", "2020-01-06"),
    ("Weeknote #57 - Week beginning Monday, 6 January 2025", NONE, "week_commencing", "2025-01-06"),
    ("w/c 04/03/23", NONE, "week_commencing", "2023-04-03"),
    # week numbers with a year
    ("Weeknote 12.22", NONE, "week_number", "2022-03-21"),
    ("Weeknote 25.2022", NONE, "week_number", "2022-06-20"),
    ("Weeknote 1.22", NONE, "week_number", "2022-01-03"),
    ("Weeknote 52.21", NONE, "week_number", "2021-12-27"),
    ("Weeknote 53.20", NONE, "week_number", "2020-12-28"),
    ("Weeknote 53.2015", NONE, "week_number", "2015-12-28"),
    ("Weeknote 1.2021", NONE, "week_number", "2021-01-04"),
    ("Weeknote 1.2020", NONE, "week_number", "2019-12-30"),
    ("Weeknotes 9.2022", NONE, "week_number", "2022-02-28"),
    ("Weeknote #7.21", NONE, "week_number", "2021-02-15"),
    ("2022.3", NONE, "week_number", "2022-01-17"),
    ("2019.08", NONE, "week_number", "2019-02-18"),
    ("2019.8", NONE, "week_number", "2019-02-18"),
    ("Weeknotes 2019.08", NONE, "week_number", "2019-02-18"),
    ("2020.53", NONE, "week_number", "2020-12-28"),
    ("25.2022", NONE, "week_number", "2022-06-20"),
    ("14/2019", NONE, "week_number", "2019-04-01"),
    ("2019/14", NONE, "week_number", "2019-04-01"),
    ("Weeknote 14/2019", NONE, "week_number", "2019-04-01"),
    ("2021 W09", NONE, "week_number", "2021-03-01"),
    ("2021-W09", NONE, "week_number", "2021-03-01"),
    ("2021-w9", NONE, "week_number", "2021-03-01"),
    ("2021W09", NONE, "week_number", "2021-03-01"),
    ("2020-W53", NONE, "week_number", "2020-12-28"),
    ("2015-W01", NONE, "week_number", "2014-12-29"),
    ("week 9, 2021", NONE, "week_number", "2021-03-01"),
    ("Week 9, 2021: catching up", NONE, "week_number", "2021-03-01"),
    ("week 9 of 2021", NONE, "week_number", "2021-03-01"),
    ("Week 9 2021", NONE, "week_number", "2021-03-01"),
    ("Week 52 of 2018", NONE, "week_number", "2018-12-24"),
    ("2021 – week 9", NONE, "week_number", "2021-03-01"),
    ("2021 - Week 9", NONE, "week_number", "2021-03-01"),
    ("2021: week 10", NONE, "week_number", "2021-03-08"),
    ("KW 9 2021", NONE, "week_number", "2021-03-01"),
    ("KW 9/2021", NONE, "week_number", "2021-03-01"),
    ("KW9 2021", NONE, "week_number", "2021-03-01"),
    ("Semaine 9 2021", NONE, "week_number", "2021-03-01"),
    ("Weeknote 30.19: summer", NONE, "week_number", "2019-07-22"),
    ("Getting going again - Weeknote 12.22", NONE, "week_number", "2022-03-21"),
    ("Weeknote 1.19", NONE, "week_number", "2018-12-31"),
    ("Weeknote 22.2023", NONE, "week_number", "2023-05-29"),
    ("Weeknote 45.2024", NONE, "week_number", "2024-11-04"),
    ("2024.01", NONE, "week_number", "2024-01-01"),
    ("2026-W01", NONE, "week_number", "2025-12-29"),
    ("Weeknotes 2019-W14", NONE, "week_number", "2019-04-01"),
    ("Weeknote 2018 W07", NONE, "week_number", "2018-02-12"),
    ("Weeknotes 2016-w4", NONE, "week_number", "2016-01-25"),
    ("Weeknote 2022 week 11", NONE, "week_number", "2022-03-14"),
    ("Weekly Notes 2024 W13", NONE, "week_number", "2024-03-25"),
    ("Week notes 2025-04", NONE, "week_number", "2025-01-20"),
    ("Weeknotes - Week 9 - 2023", NONE, "week_number", "2023-02-27"),
    ("CW 12 2022", NONE, "week_number", "2022-03-21"),
    ("Woche 12/2022", NONE, "week_number", "2022-03-21"),
    ("KW 12", {"published": D("2022-03-25")}, "week_number", "2022-03-21"),
    ("Semaine 41", {"published": D("2023-10-13")}, "week_number", "2023-10-09"),
    ("Weeknote 53.21", NONE, "week_number", None),
    ("2021-W54", NONE, "week_number", None),
    ("Weeknote 0.21", NONE, "week_number", None),
    # year-less week numbers: calendar weeks only when the note's date supports it
    ("Week 38", NONE, "counter", None),
    ("Weeknotes 30", NONE, "counter", None),
    ("Week 38", {"published": D("2021-09-24")}, "week_number", "2021-09-20"),
    ("Week 38", {"published": D("2021-09-29")}, "week_number", "2021-09-20"),
    ("Week 38", {"published": D("2021-12-01")}, "counter", "2021-11-29"),
    ("Weeknotes 30", {"published": D("2020-07-24")}, "week_number", "2020-07-20"),
    ("Week 1", {"published": D("2021-01-08")}, "week_number", "2021-01-04"),
    ("Week 52", {"published": D("2021-01-02")}, "week_number", "2020-12-21"),
    # date ranges
    ("4 to 8 March 2019", NONE, "date_range", "2019-03-04"),
    ("Weeknote: 4 to 8 March 2019", NONE, "date_range", "2019-03-04"),
    ("30 September to 4 October 2019", NONE, "date_range", "2019-09-30"),
    ("Monday 1 to Friday 5 July", {"year": 2019}, "date_range", "2019-07-01"),
    ("8–12 July 2019", NONE, "date_range", "2019-07-08"),
    ("8-12 July 2019", NONE, "date_range", "2019-07-08"),
    ("July 8–12, 2019", NONE, "date_range", "2019-07-08"),
    ("July 8-12, 2019", NONE, "date_range", "2019-07-08"),
    ("June 28 - July 2, 2021", NONE, "date_range", "2021-06-28"),
    ("March 4th-March 8th", {"year": 2019}, "date_range", "2019-03-04"),
    ("March 4th-March 8th", NONE, "date_range", None),
    ("04/03/19 - 08/03/19", NONE, "date_range", "2019-03-04"),
    ("Weeknotes 04/03/2019 - 08/03/2019", NONE, "date_range", "2019-03-04"),
    ("Weeknote 13 - 17 January 2020", NONE, "date_range", "2020-01-13"),
    ("December 30 - January 3, 2020", NONE, "date_range", "2019-12-30"),
    ("30 December 2019 to 3 January 2020", NONE, "date_range", "2019-12-30"),
    ("Weeknotes: 2 to 6 November", {"year": 2020}, "date_range", "2020-11-02"),
    ("Weeknote 10–14 June 2019: planning", NONE, "date_range", "2019-06-10"),
    ("Feb 1-5, 2021", NONE, "date_range", "2021-02-01"),
    ("1st - 5th February 2021", NONE, "date_range", "2021-02-01"),
    ("Oct. 5 ~ Oct. 11", {"year": 2020}, "date_range", "2020-10-05"),
    ("May 3rd to 9th", {"year": 2021}, "date_range", "2021-05-03"),
    ("Week of 2021-03-01 to 2021-03-07", NONE, "date_range", "2021-03-01"),
    ("Oct. 5 ~ Oct. 11 | Week 41", {"year": 2020}, "date_range", "2020-10-05"),
    ("Week 1 - Jan 18-24 2022", NONE, "date_range", "2022-01-17"),
    ("10/5/2020 - 10/11/2020", NONE, "date_range", "2020-10-05"),
    ("Sprint 12 (10/6/19 - 14/6/19)", NONE, "date_range", "2019-06-10"),
    ("Weeknotes 4 - 10 May 2020", NONE, "date_range", "2020-05-04"),
    # week ending
    ("week ending 3 July", {"year": 2020}, "week_ending", "2020-06-29"),
    ("Weeknote week ending 3 July 2020", NONE, "week_ending", "2020-06-29"),
    ("w/e 05/02/2021", NONE, "week_ending", "2021-02-01"),
    ("Weeknotes w/e 7 February 2021", NONE, "week_ending", "2021-02-01"),
    ("Week ending Friday 12th July", {"year": 2019}, "week_ending", "2019-07-08"),
    ("Week ending 14 June 2019", NONE, "week_ending", "2019-06-10"),
    ("w/e 31/12/2021", NONE, "week_ending", "2021-12-27"),
    ("Week ending 2 January 2022", NONE, "week_ending", "2021-12-27"),
    ("w.e. 9 April 2021", NONE, "week_ending", "2021-04-05"),
    ("Week ending 3 July", NONE, "week_ending", None),
    # single dates naming the note
    ("Weeknote 02/02/24", NONE, "date", "2024-01-29"),
    ("Weeknotes 4/17/2020", NONE, "date", "2020-04-13"),
    ("Weeknotes: 1st October 2021", NONE, "date", "2021-09-27"),
    ("Weeknote Friday 12th July", {"year": 2019}, "date", "2019-07-08"),
    ("Weeknote 7 Jun 2019", NONE, "date", "2019-06-03"),
    ("Weeknote 2019-06-07", NONE, "date", "2019-06-03"),
    ("Weeknote Jun. 7 '19", NONE, "date", "2019-06-03"),
    ("Weeknotes - 14 May 2021", NONE, "date", "2021-05-10"),
    ("Weeknote 26/11/2021", NONE, "date", "2021-11-22"),
    ("Weeknote 2021-01-01", NONE, "date", "2020-12-28"),
    ("Weeknote Sunday 10 January 2021", NONE, "date", "2021-01-04"),
    ("Weeknote 10 January 2021", NONE, "date", "2021-01-04"),
    ("Weeknote 3 March 2022", NONE, "date", "2022-02-28"),
    ("Weeknote 17.06.2022", NONE, "date", "2022-06-13"),
    ("Weeknote 06/17/2022", NONE, "date", "2022-06-13"),
    ("Weeknote 03/04/2022", {"date_order": "mdy"}, "date", "2022-02-28"),
    ("Weeknote 03/04/2022", NONE, "date", "2022-03-28"),
    ("Weeknote 12 July", {"year": 2019}, "date", "2019-07-08"),
    ("Weeknote 12 July", {"published": D("2019-07-15")}, "date", "2019-07-08"),
    ("Weeknote 31 February 2020", NONE, "date", None),
    ("Week 9: 14-06-2018", NONE, "date", "2018-06-11"),
    ("Week 8 - 7 December 2019", NONE, "date", "2019-12-02"),
    ("Semaine 1 - 13/04", {"year": 2020}, "date", "2020-04-13"),
    # counters that are not calendar weeks
    ("Weeknote 243", NONE, "counter", None),
    ("Weeknote 243", {"published": D("2021-06-11")}, "counter", "2021-06-07"),
    ("Weeknotes: 006", NONE, "counter", None),
    ("Weeknote #21", NONE, "counter", None),
    ("#21: a good week", NONE, "counter", None),
    ("Week 412", NONE, "counter", None),
    ("Weeknotes 2019 #2", NONE, "counter", None),
    ("Weeknotes 2019 #2", {"published": D("2019-01-11")}, "counter", "2019-01-07"),
    ("Week 30 (31)", NONE, "counter", None),
    ("Week 412", {"published": D("2022-03-14")}, "counter", "2022-03-07"),
    ("Weeknotes S04 Ep2", NONE, "season_episode", None),
    ("S04 Ep2: back again", NONE, "season_episode", None),
    ("s01e05", NONE, "season_episode", None),
    ("S02:E07", NONE, "season_episode", None),
    ("Weeknotes series 07 episode 05", NONE, "season_episode", None),
    ("Season 3, Episode 12", NONE, "season_episode", None),
    ("Week 12/52", NONE, "personal_series", None),
    ("Week 12/52: settling in", {"published": D("2023-03-24")}, "personal_series", "2023-03-20"),
    ("Weeknote 1612 of 4000", NONE, "life_weeks", None),
    ("Weeknotes Sprint 4", NONE, "sprint", None),
    ("Sprint 4 weeknotes", NONE, "sprint", None),
    ("Weeknote 3.36", NONE, "counter", None),
    ("Weeknote 3.36", {"published": D("2021-05-07")}, "counter", "2021-05-03"),
    ("Weeknote 40.21", {"published": D("2021-03-05")}, "counter", "2021-03-01"),
    # periods that are not a week
    ("Monthnote: March 2024", NONE, "month", None),
    ("Month note - April 2023", NONE, "month", None),
    ("Weeknotes 14-15", {"year": 2021}, "two_weeks", None),
    ("Weeknotes 14-15, 2021", NONE, "two_weeks", None),
    ("Weeknotes 22 & 23", {"year": 2020}, "two_weeks", None),
    ("Week 9 and 10", {"year": 2020}, "two_weeks", None),
    ("Weeks 6-7", {"year": 2020}, "two_weeks", None),
    ("Daynote: 3 March 2024", NONE, "day", None),
    ("Daily note 3 March 2024", NONE, "day", None),
    # no designation: the note's date (a dateline) places the week
    ("A quiet week", {"published": D("2021-06-11")}, "date", "2021-06-07"),
    ("A quiet week", {"published": D("2021-06-14")}, "date", "2021-06-07"),
]  # fmt: skip


def test_the_table_has_at_least_150_rows() -> None:
    assert len(ROWS) >= 150


@pytest.mark.parametrize(("title", "settings", "kind", "monday"), ROWS, ids=[r[0] for r in ROWS])
def test_designation(title: str, settings: dict[str, Any], kind: str, monday: str | None) -> None:
    note = parse_text(f"{title}\n\nA paragraph about the week.", **settings).notes[0]
    assert note.week is not None
    assert note.week.kind.value == kind
    assert (note.week.start.isoformat() if note.week.start else None) == monday
    if note.week.start is not None:
        assert note.week.start.weekday() == 0
        assert note.week.end == note.week.start + dt.timedelta(days=6)
        assert (note.week.iso_year, note.week.iso_week) == note.week.start.isocalendar()[:2]
