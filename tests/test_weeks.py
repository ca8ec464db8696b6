"""The week grammar and the inference that places notes in the calendar."""

from __future__ import annotations

import datetime as dt

import pytest

from weeknote_parser import ParseOptions, Parser, WeekKind, YearSource
from weeknote_parser.weeks import find_designations, match_whole, parse_date, read_date

from .conftest import TODAY, parse_text

D = dt.date.fromisoformat


def codes(text: str, **settings: object) -> list[str]:
    return [w.code for w in parse_text(text, **settings).warnings]


# -- grammar --------------------------------------------------------------------------------
def test_designation_found_inside_a_title() -> None:
    found = find_designations("Weeknote w/c 10\u00a0September: catching up")
    assert [(m.raw, m.kind) for m in found] == [("w/c 10\u00a0September", WeekKind.WEEK_COMMENCING)]


def test_label_is_part_of_a_number_code_but_not_of_a_date() -> None:
    whole = match_whole("Weeknote 12.22")
    assert whole is not None
    assert whole.raw == "Weeknote 12.22"
    dated = match_whole("Weeknotes w/c 5 May")
    assert dated is not None
    assert dated.raw == "w/c 5 May"


def test_unlabelled_n_dot_yy_is_not_a_week() -> None:
    assert match_whole("12.22") is None


def test_running_text_is_not_a_designation() -> None:
    assert find_designations("We met the team and planned the work") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("5 November", (5, 11, None)),
        ("21st October 2019", (21, 10, 2019)),
        ("Jun. 7 '19", (7, 6, 2019)),
        ("Friday 12th July", (12, 7, None)),
        ("2019-06-07", (7, 6, 2019)),
        ("04/03/19", (4, 3, 2019)),
        ("4/17/2020", (17, 4, 2020)),
        ("17.06.2022", (17, 6, 2022)),
    ],
)
def test_parse_date(text: str, expected: tuple[int, int, int | None]) -> None:
    date = parse_date(text)
    assert date is not None
    assert (date.day, date.month, date.year) == expected


def test_month_first_when_asked() -> None:
    date = parse_date("04/03/19", "mdy")
    assert date is not None
    assert (date.day, date.month) == (3, 4)


# -- ISO rules ----------------------------------------------------------------------------------
def test_week_53_only_where_it_exists() -> None:
    doc = parse_text("Weeknote 53.21\n\nText.")
    assert doc.notes[0].week is not None
    assert doc.notes[0].week.start is None
    assert [w.code for w in doc.warnings] == ["invalid-week"]


def test_week_zero_is_rejected() -> None:
    assert codes("Weeknote 0.21\n\nText.") == ["invalid-week"]


def test_invalid_date_is_a_warning_not_an_exception() -> None:
    doc = parse_text("Weeknote w/c 31 February 2020\n\nText.")
    assert doc.notes[0].week is not None
    assert doc.notes[0].week.start is None
    assert [w.code for w in doc.warnings] == ["invalid-date"]


def test_iso_week_year_differs_from_calendar_year() -> None:
    week = parse_text("Weeknote w/c 30 December 2019\n\nText.").notes[0].week
    assert week is not None
    assert (week.iso_year, week.iso_week, week.end) == (2020, 1, D("2020-01-05"))


# -- years ----------------------------------------------------------------------------------
def test_year_less_week_commencing_lists_candidate_mondays_and_warns() -> None:
    doc = parse_text("Weeknote w/c 5 November\n\nText.")
    week = doc.notes[0].week
    assert week is not None
    assert week.start is None
    assert week.candidates == [D("2007-11-05"), D("2012-11-05"), D("2018-11-05")]
    assert [w.code for w in doc.warnings] == ["year-unknown"]


def test_year_hint_is_recorded_as_the_source() -> None:
    week = parse_text("Weeknote w/c 5 November\n\nText.", year=2018).notes[0].week
    assert week is not None
    assert (week.start, week.year_source) == (D("2018-11-05"), YearSource.HINT)


def test_hint_year_where_the_date_is_no_monday_warns() -> None:
    doc = parse_text("Weeknote w/c 6 November\n\nText.", year=2018)
    assert doc.notes[0].week is not None
    assert doc.notes[0].week.start == D("2018-11-05")
    assert [w.code for w in doc.warnings] == ["not-a-monday"]


def test_dateline_gives_the_year_and_the_publication_date() -> None:
    note = parse_text("Weeknote w/c 5 November\n\nPosted on 9 November 2018\n\nText.").notes[0]
    assert note.week is not None
    assert (note.week.start, note.week.year_source) == (D("2018-11-05"), YearSource.NOTE_DATE)
    assert note.published == D("2018-11-09")


def test_dateline_belongs_to_its_note_not_its_text() -> None:
    doc = parse_text("A title\n\nMay 15, 2020\n\nText.")
    assert doc.chrome == []
    assert doc.notes[0].dateline == "May 15, 2020"
    assert [b.type for s in doc.notes[0].sections for b in s.blocks] == ["paragraph"]


def test_publication_date_on_a_monday_looks_back_a_week() -> None:
    week = parse_text("A title\n\nMonday 14 June 2021\n\nText.").notes[0].week
    assert week is not None
    assert (week.start, week.kind) == (D("2021-06-07"), WeekKind.DATE)


def test_title_date_on_a_monday_is_that_week() -> None:
    week = parse_text("Weeknote 14 June 2021\n\nText.").notes[0].week
    assert week is not None
    assert week.start == D("2021-06-14")


def test_counter_is_placed_by_the_dateline() -> None:
    week = parse_text("Weeknote 243\n\nPosted 11 June 2021\n\nText.").notes[0].week
    assert week is not None
    assert (week.kind, week.number, week.start, week.year_source) == (
        WeekKind.COUNTER, 243, D("2021-06-07"), YearSource.NOTE_DATE,
    )  # fmt: skip


def test_neighbouring_notes_give_a_missing_year() -> None:
    doc = parse_text(
        "First\n\nWeeknote w/c 12 November 2018\n\nOne.\n\n"
        "Second\n\nWeeknote w/c 5 November\n\nTwo."
    )
    week = doc.notes[1].week
    assert week is not None
    assert (week.start, week.year_source) == (D("2018-11-05"), YearSource.NEIGHBOURS)
    assert doc.warnings == []


def test_copyright_year_never_sets_the_week() -> None:
    doc = parse_text("Weeknote w/c 5 November\n\nText.\n\n© 2018 Somebody")
    week = doc.notes[0].week
    assert week is not None
    assert week.start is None


def test_year_in_a_link_or_sentence_never_sets_the_week() -> None:
    doc = parse_text(
        "Weeknote w/c 5 November\n\nIn 2012 we began. See https://example.org/2018/11/05/x.\n"
    )
    week = doc.notes[0].week
    assert week is not None
    assert week.start is None


# -- warnings for author errors ------------------------------------------------------------------
def test_two_notes_with_the_same_week() -> None:
    text = "One\n\nWeeknote 12.22\n\nA.\n\nTwo\n\nWeeknote 12.22\n\nB."
    doc = parse_text(text)
    assert [(w.code, w.line) for w in doc.warnings] == [("duplicate-week", 8)]


def test_week_code_contradicting_the_dateline_is_not_a_week() -> None:
    doc = parse_text("Weeknote 40.21\n\nPosted on 5 March 2021\n\nText.")
    week = doc.notes[0].week
    assert week is not None
    assert (week.kind, week.start) == (WeekKind.COUNTER, D("2021-03-01"))
    assert [w.code for w in doc.warnings] == ["week-contradicts-date"]


def test_week_code_in_the_future_is_not_a_week() -> None:
    doc = parse_text("Weeknote 3.36\n\nText.")
    week = doc.notes[0].week
    assert week is not None
    assert (week.kind, week.season, week.episode, week.start) == (WeekKind.COUNTER, 3, 36, None)
    assert [w.code for w in doc.warnings] == ["week-in-future"]


def test_counter_going_backwards_in_an_archive() -> None:
    text = "\n\n".join(f"Post {n}\n\nWeeknote {n}\n\nText." for n in (300, 299, 301, 297))
    doc = parse_text(text)
    assert [w.code for w in doc.warnings] == ["counter-backwards"]
    assert doc.warnings[0].line == 14


def test_range_across_two_weeks() -> None:
    doc = parse_text("Weeknote 4 to 12 March 2019\n\nText.")
    week = doc.notes[0].week
    assert week is not None
    assert (week.start, week.period_start, week.period_end) == (
        D("2019-03-04"), D("2019-03-04"), D("2019-03-12"),
    )  # fmt: skip
    assert [w.code for w in doc.warnings] == ["range-spans-weeks"]


def test_ambiguous_numeric_date_warns_unless_the_order_is_given() -> None:
    assert codes("Weeknote 03/04/2022\n\nText.") == ["ambiguous-date"]
    assert codes("Weeknote 03/04/2022\n\nText.", date_order="dmy") == []
    assert codes("Weeknote 17/04/2022\n\nText.") == []


# -- periods -------------------------------------------------------------------------------------
def test_month_is_a_period_not_a_week() -> None:
    week = parse_text("Monthnote: March 2024\n\nText.").notes[0].week
    assert week is not None
    assert (week.kind, week.iso_week, week.period_start, week.period_end) == (
        WeekKind.MONTH, None, D("2024-03-01"), D("2024-03-31"),
    )  # fmt: skip


def test_two_week_edition_is_a_period() -> None:
    week = parse_text("Weeknotes 14-15, 2021\n\nText.").notes[0].week
    assert week is not None
    assert (week.kind, week.period_start, week.period_end) == (
        WeekKind.TWO_WEEKS, D("2021-04-05"), D("2021-04-18"),
    )  # fmt: skip


def test_season_and_episode() -> None:
    week = parse_text("S04 Ep2: back\n\nText.").notes[0].week
    assert week is not None
    assert (week.kind, week.season, week.episode) == (WeekKind.SEASON_EPISODE, 4, 2)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2019-06-14 17:30:00 +0100", (14, 6, 2019)),
        ("2023-03-10T17:02:11+00:00", (10, 3, 2023)),
        ("June 14, 2019", (14, 6, 2019)),
    ],
)
def test_read_date_takes_iso_dates_with_times_and_written_dates(
    text: str, expected: tuple[int, int, int]
) -> None:
    date = read_date(text)
    assert date is not None
    assert (date.day, date.month, date.year) == expected


def test_a_range_begun_on_a_sunday_is_the_week_it_leads_into() -> None:
    # 5 to 11 October 2025 runs Sunday to Saturday: the working week it covers starts on 6.
    week = parse_text("Weeknote 5 - 11 October 2025\n\nText.").notes[0].week
    assert week is not None
    assert (week.start, week.period_start) == (dt.date(2025, 10, 6), dt.date(2025, 10, 5))


def test_a_range_begun_on_a_monday_stays_in_its_week() -> None:
    week = parse_text("Weeknote 6 - 10 October 2025\n\nText.").notes[0].week
    assert week is not None and week.start == dt.date(2025, 10, 6)


def test_the_documents_unambiguous_dates_settle_the_order_of_the_others() -> None:
    text = (
        "Week 3 (2/15/2021)\n\nLater text.\n\n"  # month first: there is no 15th month
        "Week 1 (2/1/2021)\n\nEarlier text.\n"
    )
    weeks = [note.week for note in parse_text(text).notes]
    assert [w.start if w else None for w in weeks] == [dt.date(2021, 2, 15), dt.date(2021, 2, 1)]


def test_a_given_date_order_is_not_overruled_by_the_document() -> None:
    text = "Week 3 (2/15/2021)\n\nLater.\n\nWeek 1 (2/1/2021)\n\nEarlier.\n"
    weeks = [note.week for note in parse_text(text, date_order="dmy").notes]
    assert weeks[1] is not None and weeks[1].start == dt.date(2020, 12, 28)  # 2 January


def test_a_week_code_starting_after_the_notes_own_date_is_a_count() -> None:
    # The note is dated the Sunday before ISO week 1 of 2021: '1/2021' counts notes.
    doc = parse_text("Weeknotes 1/2021\n\nSunday 3 January 2021\n\nHappy new year.")
    week = doc.notes[0].week
    assert week is not None and week.kind.value == "counter"
    assert (week.number, week.season, week.episode) == (1, None, None)  # 2021 is no episode
    assert week.start == dt.date(2020, 12, 28)
    assert [w.code for w in doc.warnings] == ["week-contradicts-date"]


@pytest.mark.parametrize(
    "text",
    [
        "---\ntitle: Weeknote 2024-W11\ndate: 2024-03-10\n---\n\nText.\n",
        "---\ntitle: Week 11, 2024\ndate: 2024-03-10\n---\n\nText.\n",
    ],
)
def test_a_week_code_dated_just_before_its_week_keeps_it(text: str) -> None:
    # A draft's date, or a feed's in another zone, may fall a day before the week it names.
    doc = Parser(ParseOptions(today=TODAY)).parse_text(text, format="markdown")
    week = doc.notes[0].week
    assert week is not None and (week.kind.value, week.iso_week) == ("week_number", 11)
    assert doc.warnings == []


def test_a_note_dated_within_its_week_keeps_the_code() -> None:
    doc = parse_text("Weeknotes 1/2021\n\nMonday 4 January 2021\n\nA new year.")
    week = doc.notes[0].week
    assert week is not None and (week.iso_year, week.iso_week) == (2021, 1)
    assert doc.warnings == []
