"""The week grammar and calendar placement (issue-3 forms)."""

from __future__ import annotations

import datetime as dt

import pytest

from weeknote_parser import WeekKind, YearSource
from weeknote_parser.weeks import Context, find_designations, match_whole, resolve

CONTEXT = Context(last_candidate_year=2027)


def week_of(text: str, context: Context = CONTEXT) -> tuple[int | None, int | None, str | None]:
    match = match_whole(text)
    assert match is not None, text
    week, _ = resolve(match, context)
    return week.iso_year, week.iso_week, week.start.isoformat() if week.start else None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Weeknote 12.22", (2022, 12, "2022-03-21")),
        ("Weeknote 25.2022", (2022, 25, "2022-06-20")),
        ("2022.3", (2022, 3, "2022-01-17")),
        ("2019.08", (2019, 8, "2019-02-18")),
        ("25.2022", (2022, 25, "2022-06-20")),
        ("Weeknotes #7.21", (2021, 7, "2021-02-15")),
        ("Weeknote 53.20", (2020, 53, "2020-12-28")),
        ("Weeknote 1.2021", (2021, 1, "2021-01-04")),
        ("w/c 5 November 2018", (2018, 45, "2018-11-05")),
        ("Week commencing 21st October 2019", (2019, 43, "2019-10-21")),
        ("w/c Monday 3rd February 2020", (2020, 6, "2020-02-03")),
        ("w/c 31 December 2018", (2019, 1, "2018-12-31")),
    ],
)
def test_week_codes_and_dates_resolve(text: str, expected: tuple[int, int, str]) -> None:
    assert week_of(text) == expected


def test_week_53_only_where_it_exists() -> None:
    match = match_whole("Weeknote 53.21")
    assert match is not None
    week, problems = resolve(match, CONTEXT)
    assert week.start is None
    assert [p.code for p in problems] == ["invalid-week"]


def test_week_zero_is_rejected() -> None:
    match = match_whole("Weeknote 0.21")
    assert match is not None
    week, problems = resolve(match, CONTEXT)
    assert (week.iso_week, [p.code for p in problems]) == (None, ["invalid-week"])


def test_invalid_date_is_a_warning_not_an_exception() -> None:
    match = match_whole("w/c 31 February 2020")
    assert match is not None
    week, problems = resolve(match, CONTEXT)
    assert (week.start, [p.code for p in problems]) == (None, ["invalid-date"])


def test_unlabelled_n_dot_yy_is_not_a_week() -> None:
    assert match_whole("12.22") is None


def test_year_less_week_commencing_lists_candidate_mondays() -> None:
    match = match_whole("w/c 5 November")
    assert match is not None
    week, problems = resolve(match, CONTEXT)
    assert week.start is None
    assert week.candidates == [dt.date(y, 11, 5) for y in (2007, 2012, 2018)]
    assert [p.code for p in problems] == ["year-unknown"]


def test_year_hint_resolves_a_year_less_date() -> None:
    match = match_whole("w/c 5 November")
    assert match is not None
    week, problems = resolve(match, Context(year=2018, last_candidate_year=2027))
    assert (week.start, week.year_source, problems) == (dt.date(2018, 11, 5), YearSource.HINT, [])


def test_hint_year_allows_the_week_to_begin_in_the_year_before() -> None:
    match = match_whole("w/c 31 December")
    assert match is not None
    week, _ = resolve(match, Context(year=2019, last_candidate_year=2027))
    assert week.start == dt.date(2018, 12, 31)


def test_hint_year_where_the_date_is_no_monday_warns() -> None:
    match = match_whole("w/c 6 November")
    assert match is not None
    week, problems = resolve(match, Context(year=2018, last_candidate_year=2027))
    assert week.start == dt.date(2018, 11, 5)
    assert [p.code for p in problems] == ["not-a-monday"]


def test_publication_date_picks_the_latest_monday_before_it() -> None:
    match = match_whole("w/c 5 November")
    assert match is not None
    published = dt.date(2018, 11, 10)
    week, _ = resolve(match, Context(published=published, last_candidate_year=2027))
    assert week.start == dt.date(2018, 11, 5)


def test_designation_found_inside_a_title() -> None:
    found = find_designations("Weeknote w/c 10\u00a0September: catching up")
    assert [(m.raw, m.kind) for m in found] == [("w/c 10\u00a0September", WeekKind.WEEK_COMMENCING)]
