"""Running counts in a series: notes whose counts are written alike are one count, placed and
checked on their own; a count written another way is another count."""

from __future__ import annotations

import datetime as dt

from weeknote_parser import Document, ParseOptions, parse
from weeknote_parser.series import build_series

OPTIONS = ParseOptions.build(today=dt.date(2026, 1, 1))


def counted(title: str, day: str | None, path: str) -> Document:
    dateline = f"\n\nPosted on {day}" if day else ""
    body = f"# {title}{dateline}\n\nSome work this week.\n"
    return parse(body, path=path, format="markdown", options=OPTIONS)


def test_count_family_leaves_out_the_number_marks_and_plurals() -> None:
    from weeknote_parser.series import count_family

    assert count_family("Weeknotes #12") == "weeknote"
    assert count_family("week notes 13") == "weeknote"
    assert count_family("Weeknote: 14") == "weeknote"
    assert count_family("Week 3") == "week"
    assert count_family("#14") == ""
    assert count_family("Week 412") == "week"


def test_an_undated_count_is_not_placed_by_another_count_of_the_folder() -> None:
    documents = [
        counted("Weeknotes #3", "8 March 2024", "n/a.txt"),
        counted("Week 3", None, "n/b.txt"),
    ]
    [series] = build_series(documents).series
    undated = next(each for each in series.notes if each.ref.path == "n/b.txt")
    assert undated.ref.week is None
    assert undated.placed_by == []
    assert [finding.kind.value for finding in series.findings] == ["unplaced"]


def test_an_undated_count_is_placed_by_its_own_count_among_others() -> None:
    documents = [
        counted("Week 107", "5 January 2024", "n/a.txt"),
        counted("Weeknotes #40", "12 January 2024", "n/b.txt"),
        counted("Week 108", None, "n/c.txt"),
    ]
    [series] = build_series(documents).series
    placed = next(each for each in series.notes if each.ref.path == "n/c.txt")
    assert placed.ref.week == "2024-W02"
    assert [ref.path for ref in placed.placed_by] == ["n/a.txt"]


def test_two_counts_of_a_folder_are_not_compared_with_each_other() -> None:
    documents = [
        counted("Weeknotes #40", "5 January 2024", "n/a.txt"),
        counted("Week 412", "12 January 2024", "n/b.txt"),
        counted("Weeknotes #41", "19 January 2024", "n/c.txt"),
        counted("Week 413", "26 January 2024", "n/d.txt"),
    ]
    [series] = build_series(documents).series
    assert series.findings == []


def test_a_bare_number_is_the_one_named_count_of_its_series() -> None:
    documents = [
        counted("Weeknote 12", "5 January 2024", "n/a.txt"),
        counted("#13", None, "n/b.txt"),
        counted("Weeknotes #14", "19 January 2024", "n/c.txt"),
    ]
    [series] = build_series(documents).series
    placed = next(each for each in series.notes if each.ref.path == "n/b.txt")
    assert placed.week is not None and placed.week.kind.value == "counter"
    assert placed.ref.week == "2024-W02"
    assert [ref.path for ref in placed.placed_by] == ["n/a.txt", "n/c.txt"]
    assert series.findings == []
