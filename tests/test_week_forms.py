"""Week designations as writers decorate and combine them: labels before codes, counts beside
dates, written numbers, other languages, month-first dates, and where a title's designation
ends and its subtitle begins."""

from __future__ import annotations

import datetime as dt

import pytest

from weeknote_parser import ParseOptions, Parser, WeekKind
from weeknote_parser.readers import read_text_as
from weeknote_parser.weeks import find_designations, match_whole
from weeknote_parser.weeks.builders import read_in_order, same_week, written_monday
from weeknote_parser.weeks.dates import (
    PartialDate,
    document_order,
    parse_date,
    range_monday,
    settle_range,
    settle_single,
)
from weeknote_parser.weeks.titles import split_title
from weeknote_parser.weeks.words import NUMBER_WORDS, number_value

from .conftest import TODAY, parse_text

D = dt.date.fromisoformat


def only(text: str) -> tuple[str, WeekKind]:
    """The raw text and kind of the single designation in ``text``."""
    found = find_designations(text)
    assert len(found) == 1, found
    return found[0].raw, found[0].kind


def week_of(title: str, **settings: object) -> tuple[str | None, str | None]:
    note = parse_text(f"{title}\n\nA paragraph about the week.", **settings).notes[0]
    assert note.week is not None
    return note.week.raw, note.week.start.isoformat() if note.week.start else None


# -- a label before a code with its own year is part of the code, not a counter --------------
@pytest.mark.parametrize(
    ("text", "monday"),
    [
        ("Weeknotes 2021-W07", "2021-02-15"),
        ("Weeknote 2021 W07", "2021-02-15"),
        ("Weeknotes 2021-w7", "2021-02-15"),
        ("Weekly notes 2021 W07", "2021-02-15"),
        ("Weeknote 2021 week 7", "2021-02-15"),
        ("Week notes 2021-07", "2021-02-15"),
        ("Weeknotes 2021W07", "2021-02-15"),
        ("Weekly update 2021.07", "2021-02-15"),
    ],
)
def test_label_before_a_year_and_week(text: str, monday: str) -> None:
    raw, kind = only(text)
    assert (raw, kind) == (text, WeekKind.WEEK_NUMBER)
    assert week_of(text) == (text, monday)


def test_year_dash_two_digits_is_a_week_only_after_a_label() -> None:
    assert [w.kind for w in find_designations("Archive 2021-07")] == []
    assert only("Weeknotes 2021-07-16") == ("2021-07-16", WeekKind.DATE)


def test_year_and_hash_count_is_a_counter_of_that_year() -> None:
    found = find_designations("Weeknotes 2020 #3")
    assert [(w.raw, w.kind, w.number, w.year) for w in found] == [
        ("Weeknotes 2020 #3", WeekKind.COUNTER, 3, 2020)
    ]


def test_week_dash_year() -> None:
    assert only("Weeknotes - Week 12 - 2020") == ("Week 12 - 2020", WeekKind.WEEK_NUMBER)
    assert week_of("Weeknotes - Week 12 - 2020")[1] == "2020-03-16"


# -- ranges -----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "settings", "monday"),
    [
        ("Mar. 2 ~ Mar. 8", {"year": 2020}, "2020-03-02"),
        ("2 ~ 6 March 2020", {}, "2020-03-02"),
        ("June 7th to 11th", {"year": 2021}, "2021-06-07"),
        ("29th Mar - 4th Apr", {"year": 2021}, "2021-03-29"),
        ("Week of 2021-03-01 to 2021-03-07", {}, "2021-03-01"),
        ("w/c 1 - 5 March 2021", {}, "2021-03-01"),
    ],
)
def test_ranges(text: str, settings: dict[str, object], monday: str) -> None:
    assert only(text) == (text, WeekKind.DATE_RANGE)
    assert week_of(text, **settings) == (text, monday)


def test_a_number_before_a_day_and_month_is_not_a_backwards_range() -> None:
    # 'Week 8 - 7 March': week 8 of something, then the date; not 8 to 7 March
    found = find_designations("Week 8 - 7 March 2020")
    assert [(w.raw, w.kind) for w in found] == [("Week 8 - 7 March 2020", WeekKind.DATE)]


# -- a count beside a date: the date names the week, the whole is the designation ------------
@pytest.mark.parametrize(
    ("text", "settings", "kind", "monday"),
    [
        ("Week 4: 12-03-2020", {}, WeekKind.DATE, "2020-03-09"),
        ("Week 14 - 12 March 2020", {}, WeekKind.DATE, "2020-03-09"),
        ("Semaine 3 - 16/03", {"year": 2020}, WeekKind.DATE, "2020-03-16"),
        ("Week 3 (16/3)", {"year": 2020}, WeekKind.DATE, "2020-03-16"),
        ("Week 2 - Mar 3-9 2020", {}, WeekKind.DATE_RANGE, "2020-03-02"),
        ("Weeknote #12 - w/c 9 March 2020", {}, WeekKind.WEEK_COMMENCING, "2020-03-09"),
        ("Week beginning Monday, 9 March 2020 (#12)", {}, WeekKind.WEEK_COMMENCING, "2020-03-09"),
        ("#12 Week beginning Monday, 9 March 2020", {}, WeekKind.WEEK_COMMENCING, "2020-03-09"),
        ("Weeknote 12 w/e 13 March 2020", {}, WeekKind.WEEK_ENDING, "2020-03-09"),
        ("Mar. 9 ~ Mar. 15 | Week 11", {"year": 2020}, WeekKind.DATE_RANGE, "2020-03-09"),
        ("Sprint 7 (9/3/20 - 13/3/20)", {}, WeekKind.DATE_RANGE, "2020-03-09"),
        ("P2:S7 (09/03/20 - 13/03/20)", {}, WeekKind.DATE_RANGE, "2020-03-09"),
    ],
)
def test_count_beside_a_date(
    text: str, settings: dict[str, object], kind: WeekKind, monday: str
) -> None:
    found = find_designations(text)
    assert [(w.raw, w.kind) for w in found] == [(text, kind)]
    assert found[0].number is not None
    assert week_of(text, **settings) == (text, monday)


def test_count_beside_a_date_may_stand_on_a_line_of_its_own() -> None:
    match = match_whole("Week 4: 12-03-2020")
    assert match is not None and match.strong


@pytest.mark.parametrize(
    "text",
    [
        "Weeknotes 4 - 10 May 2020",  # a range, not week 4 and 10 May
        "3 May - week 2 of the move",  # 'week 2 of …' is not a count beside the date
        "Week 2 12 March 2020",  # no separator: not read as one
    ],
)
def test_what_is_not_a_count_beside_a_date(text: str) -> None:
    assert all(w.number is None for w in find_designations(text))


def test_week_with_a_second_number_in_brackets() -> None:
    assert only("Week 21 (22)") == ("Week 21 (22)", WeekKind.WEEK_NUMBER)


# -- written numbers and other languages ------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Week two", 2),
        ("week thirty-seven", 37),
        ("Week Twenty One", 21),
        ("Semaine douze", 12),
        ("Semaine vingt et un", 21),
        ("Woche siebenunddreißig", 37),
        ("Semana veintitrés", 23),
    ],
)
def test_written_numbers(text: str, value: int) -> None:
    found = find_designations(text)
    assert [(w.raw, w.week) for w in found] == [(text, value)]


def test_a_written_number_is_read_only_as_far_as_it_goes() -> None:
    found = find_designations("Week two of the new job")
    assert [w.raw for w in found] == ["Week two"]
    assert find_designations("A week of rest") == []
    assert number_value("fifty-three") == 53
    assert max(NUMBER_WORDS.values()) < 60


def test_written_week_number_placed_by_the_date() -> None:
    source = "---\ntitle: Week two\n---\n\nA paragraph about the week.\n"
    options = ParseOptions.build(published=D("2021-01-15"), today=TODAY)
    week = Parser(options).parse_input(read_text_as(source, "markdown")).notes[0].week
    assert week is not None
    assert (week.raw, week.kind, week.start) == ("Week two", WeekKind.WEEK_NUMBER, D("2021-01-11"))


@pytest.mark.parametrize(
    ("text", "settings", "monday"),
    [
        ("CW 14 2021", {}, "2021-04-05"),
        ("KW 14", {"published": D("2021-04-09")}, "2021-04-05"),
        ("Woche 14, 2021", {}, "2021-04-05"),
        ("Semaine 14", {"published": D("2021-04-09")}, "2021-04-05"),
        ("Wochenbericht 14/2021", {}, "2021-04-05"),
    ],
)
def test_other_languages(text: str, settings: dict[str, object], monday: str) -> None:
    assert week_of(text, **settings)[1] == monday


# -- a title that is only a number ------------------------------------------------------------
def test_a_bare_number_is_a_weak_week_number() -> None:
    found = find_designations(" 14 ")
    assert [(w.raw, w.kind, w.strong) for w in found] == [("14", WeekKind.WEEK_NUMBER, False)]
    assert all(w.kind is not WeekKind.WEEK_NUMBER for w in find_designations("140"))
    assert match_whole("14") is not None


def test_a_title_that_is_only_a_number_is_a_week_when_the_date_fits() -> None:
    source = "---\ntitle: '52'\ndate: 2021-12-27\n---\n\nA paragraph about the week.\n"
    note = Parser(ParseOptions.build(today=TODAY)).parse_input(read_text_as(source, "markdown"))
    week = note.notes[0].week
    assert week is not None
    assert (week.raw, week.kind, week.start) == ("52", WeekKind.WEEK_NUMBER, D("2021-12-27"))


def test_a_bare_number_inside_a_note_does_not_start_one() -> None:
    document = parse_text("Weeknote 12.22\n\nSome text.\n\n14\n\nMore text.")
    assert len(document.notes) == 1


# -- day first or month first -----------------------------------------------------------------
def test_week_commencing_read_month_first_when_only_that_is_a_monday() -> None:
    match = match_whole("w/c 04/05/20")  # 4 May 2020 is a Monday, 5 April a Sunday
    assert match is not None and match.first is not None
    assert (match.first.day, match.first.month, match.first.ambiguous) == (4, 5, False)
    match = match_whole("w/c 04/03/23")  # 4 March 2023 is a Saturday, 3 April a Monday
    assert match is not None and match.first is not None
    assert (match.first.day, match.first.month, match.first.ambiguous) == (3, 4, False)
    week = parse_text("w/c 04/03/23\n\nText.").notes[0].week
    assert week is not None and week.start == D("2023-04-03")
    match = match_whole("w/c 04/06/21")  # neither 4 June nor 6 April 2021 is a Monday
    assert match is not None and match.first is not None and match.first.ambiguous


def test_a_written_weekday_decides_the_order() -> None:
    date = settle_single(PartialDate(5, 4, 2021, weekday=0, ambiguous=True), (4, 5, 6))
    assert (date.day, date.month, date.ambiguous) == (5, 4, False)  # Monday 5 April 2021


def test_both_readings_fitting_stay_ambiguous() -> None:
    # 5 Feb 2021 is a Friday and 2 May 2021 a Sunday: both end a week
    assert settle_single(PartialDate(5, 2, 2021, ambiguous=True), (4, 5, 6)).ambiguous
    warnings = [w.code for w in parse_text("w/e 05/02/2021\n\nText.").warnings]
    assert "ambiguous-date" in warnings


def test_a_numeric_range_is_read_the_way_that_makes_it_a_week() -> None:
    _, kind = only("5/4/2021 - 5/10/2021")
    assert kind is WeekKind.DATE_RANGE
    document = parse_text("5/4/2021 - 5/10/2021\n\nText.")
    week = document.notes[0].week
    assert week is not None
    assert (week.start, week.period_end) == (D("2021-05-03"), D("2021-05-10"))
    assert "ambiguous-date" not in [w.code for w in document.warnings]
    first, last = settle_range(PartialDate(1, 3, 2021, ambiguous=True), PartialDate(5, 3, 2021))
    assert (first.day, first.month, last.day) == (1, 3, 5)  # as written: kept


# -- titles: where the designation ends and the subtitle begins ------------------------------
@pytest.mark.parametrize(
    ("title", "raw", "subtitle"),
    [
        ("Weeknote 2021-W07: snow", "Weeknote 2021-W07", "snow"),
        ("Weeknote #37 ✨ small wins", "Weeknote #37", "small wins"),
        ("📝 Weeknotes #9 - a slow one", "Weeknotes #9", "a slow one"),
        ("🗓️ Week 12 🎉", "Week 12", None),
        ("Notes on week 6 of 2021", "week 6 of 2021", None),
        ("Notes: 1st Mar - 7th Mar", "1st Mar - 7th Mar", None),
        ("Log #3: tidying up", "#3", "tidying up"),
        ("Week 2 Recap", "Week 2", None),
        ("Week 4: 12-03-2020", "Week 4: 12-03-2020", None),
        ("Week 3 (16/3):", "Week 3 (16/3)", None),
        ("Week 12 (a quiet one)", "Week 12", "a quiet one"),
        ("2021 Week 9 - Weekly Notes", "2021 Week 9", "Weekly Notes"),
        ("Sprint 4 weeknotes", "Sprint 4", None),
        ("A slow start - Weeknote 9.21", "Weeknote 9.21", None),
        ("Pat's weeknotes for 9.21: rain", "weeknotes for 9.21", "rain"),
        ("## Semaine 3 - 16/03", "Semaine 3 - 16/03", None),  # heading marks in plain text
        ("# 📝 Week 12: a subtitle", "Week 12", "a subtitle"),
    ],
)
def test_split_title(title: str, raw: str, subtitle: str | None) -> None:
    found = split_title(title, find_designations(title))
    assert found is not None
    assert (found[0].raw, found[1]) == (raw, subtitle)


@pytest.mark.parametrize("title", ["My thoughts on 3 March", "Week 2 was hard, really hard"])
def test_titles_whose_designation_is_not_where_a_title_names_its_week(title: str) -> None:
    found = split_title(title, find_designations(title))
    assert found is None or found[1] is None


# -- the Monday a designation names by itself -------------------------------------------------
@pytest.mark.parametrize(
    ("first", "last", "monday"),
    [
        ("2019-10-07", "2019-10-11", "2019-10-07"),  # Monday to Friday
        ("2019-10-05", "2019-10-11", "2019-10-07"),  # Saturday to Friday: the week after
        ("2019-10-27", "2019-11-02", "2019-10-28"),  # Sunday to Saturday
        ("2019-10-06", "2019-10-06", "2019-09-30"),  # a Sunday alone ends its week
        ("2019-10-09", "2019-10-15", "2019-10-07"),  # Wednesday to Tuesday: where it starts
    ],
)
def test_range_monday(first: str, last: str, monday: str) -> None:
    assert range_monday(D(first), D(last)) == D(monday)


def test_same_week() -> None:
    code = match_whole("Week notes 2021-04")
    dated = match_whole("Week of 2021-01-25 - 2021-01-31")
    weekend = match_whole("2021-01-23 - 2021-01-29")  # Saturday to Friday
    other = match_whole("Week of 2021-02-01 - 2021-02-07")
    assert code is not None and dated is not None and weekend is not None and other is not None
    assert written_monday(code) == D("2021-01-25")
    assert same_week(code, dated) and same_week(code, weekend)
    assert not same_week(code, other)
    counter = match_whole("Weeknote 243")
    assert counter is not None and written_monday(counter) is None
    assert not same_week(counter, counter)


# -- how a whole document writes its dates ----------------------------------------------------
def test_forced_order_of_a_numeric_date() -> None:
    assert parse_date("4/17/2020").forced == "mdy"  # type: ignore[union-attr]
    assert parse_date("17/4/2020").forced == "dmy"  # type: ignore[union-attr]
    assert parse_date("4/5/2020").forced is None  # type: ignore[union-attr]
    assert parse_date("5 April 2020").forced is None  # type: ignore[union-attr]


def test_document_order() -> None:
    dates = [parse_date(text) for text in ("2/1", "2/8", "2/15", "3/1")]
    assert document_order(dates) == "mdy"
    assert document_order([parse_date("2/1"), parse_date("3/1")]) is None
    assert document_order([parse_date("2/15"), parse_date("15/2")]) is None  # they disagree


def test_read_in_order() -> None:
    match = match_whole("Week 1 (2/1)")
    assert match is not None and match.first is not None
    assert (match.first.day, match.first.month) == (2, 1)
    month_first = read_in_order(match, "mdy", "dmy")
    assert month_first.first is not None
    assert (month_first.first.day, month_first.first.month) == (1, 2)
    assert read_in_order(match, "dmy", "dmy") is match
    plain = match_whole("Week 3 (2/15)")
    assert plain is not None and read_in_order(plain, "mdy", "dmy") == plain  # not ambiguous
