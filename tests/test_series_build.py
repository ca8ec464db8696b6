"""A series of notes: grouping, the timeline, gaps, duplicates, contradictions, running counts
placed by the calendar, and the model's schema."""

from __future__ import annotations

import datetime as dt
import textwrap

import jsonschema
import orjson
import pytest

from weeknote_parser import Document, ParseOptions, YearSource, parse
from weeknote_parser.series import (
    Finding,
    FindingKind,
    Series,
    SeriesSet,
    build_series,
    series_json_schema,
    series_json_schema_text,
)

from .conftest import ROOT

OPTIONS = ParseOptions.build(today=dt.date(2026, 1, 1))


def note(text: str, path: str, fmt: str = "markdown") -> Document:
    """Parse the dedented ``text`` as the file ``path``."""
    body = textwrap.dedent(text).strip("\n") + "\n"
    return parse(body, path=path, format=fmt, options=OPTIONS)  # type: ignore[arg-type]


def front(author: str | None, title: str, body: str = "Some work.", url: str | None = None) -> str:
    lines = ["---", f"title: {title}"]
    if author is not None:
        lines.append(f"author: {author}")
    if url is not None:
        lines.append(f"url: {url}")
    lines += ["---", "", body]
    return "\n".join(lines)


def only(documents: list[Document], **settings: object) -> Series:
    found = build_series(documents, **settings)  # type: ignore[arg-type]
    assert len(found.series) == 1, [series.key for series in found.series]
    return found.series[0]


def kinds(series: Series) -> list[str]:
    return [finding.kind.value for finding in series.findings]


def test_notes_are_ordered_by_week_whatever_the_reading_order() -> None:
    documents = [
        note("# Weeknote 14.24\n\nLater.", "n/c.md"),
        note("# Weeknote 12.24\n\nEarlier.", "n/a.md"),
        note("# Weeknote 13.24\n\nMiddle.", "n/b.md"),
    ]
    series = only(documents)
    assert [each.ref.week for each in series.notes] == ["2024-W12", "2024-W13", "2024-W14"]
    assert [each.ref.path for each in series.notes] == ["n/a.md", "n/b.md", "n/c.md"]
    assert [week.week for week in series.timeline] == ["2024-W12", "2024-W13", "2024-W14"]
    assert series.findings == []


def test_a_run_of_empty_weeks_is_one_gap_naming_the_notes_around_it() -> None:
    documents = [
        note("# Weeknote 10.24\n\nOne.", "n/a.md"),
        note("# Weeknote 14.24\n\nTwo.", "n/b.md"),
        note("# Weeknote 16.24\n\nThree.", "n/c.md"),
    ]
    series = only(documents)
    gaps = [finding for finding in series.findings if finding.kind == FindingKind.GAP]
    assert [gap.weeks for gap in gaps] == [
        ["2024-W11", "2024-W12", "2024-W13"],
        ["2024-W15"],
    ]
    assert gaps[0].message == "no note for 3 weeks: 2024-W11 to 2024-W13"
    assert [ref.path for ref in gaps[0].notes] == ["n/a.md", "n/b.md"]
    assert series.stats.weeks == 7
    assert series.stats.weeks_with_notes == 3


def test_the_timeline_crosses_the_year_end_by_iso_weeks() -> None:
    documents = [
        note("# Weeknote 52.20\n\nOne.", "n/a.md"),
        note("# Weeknote 01.21\n\nTwo.", "n/b.md"),
    ]
    series = only(documents)
    assert [week.week for week in series.timeline] == ["2020-W52", "2020-W53", "2021-W01"]
    assert kinds(series) == ["gap"]


def test_two_notes_for_one_week_in_two_files_are_a_duplicate() -> None:
    documents = [
        note("# Weeknote 20.24\n\nOne.", "n/a.md"),
        note("# Week commencing 13 May 2024\n\nThe same week again.", "n/b.md"),
        note("# Weeknote 21.24\n\nNext.", "n/c.md"),
    ]
    series = only(documents)
    assert kinds(series) == ["duplicate"]
    duplicate = series.findings[0]
    assert duplicate.weeks == ["2024-W20"]
    assert {ref.path for ref in duplicate.notes} == {"n/a.md", "n/b.md"}
    assert "2 files" in duplicate.message
    assert len(series.timeline[0].notes) == 2


def contradictions(series: Series) -> list[Finding]:
    return [each for each in series.findings if each.kind == FindingKind.DATE_CONTRADICTS_WEEK]


def test_a_date_far_from_the_week_is_a_contradiction() -> None:
    documents = [
        note("w/c 4 March 2024\n\nPosted on 20 June 2024\n\nLate, very late.", "n/a.txt", "text"),
        note("w/c 11 March 2024\n\nPosted on 18 March 2024\n\nOn time.", "n/b.txt", "text"),
        note("w/c 18 March 2024\n\nPosted on 8 March 2024\n\nEarly.", "n/c.txt", "text"),
    ]
    found = contradictions(only(documents))
    assert [each.weeks for each in found] == [["2024-W10"], ["2024-W12"]]
    assert "dated 2024-06-20, 102 days after its week 2024-W10" in found[0].message
    assert "10 days before" in found[1].message
    assert [each.notes[0].path for each in found] == ["n/a.txt", "n/c.txt"]


def test_a_week_code_the_parser_read_as_numbering_is_a_contradiction() -> None:
    documents = [
        note("Weeknote 10.24\n\nPosted on 20 June 2024\n\nLate, very late.", "n/a.txt", "text"),
        note("Weeknote 26.24\n\nPosted on 28 June 2024\n\nOn time.", "n/b.txt", "text"),
    ]
    found = contradictions(only(documents))
    assert [each.weeks for each in found] == [["2024-W25"]]
    assert "would be the week of 2024-03-04" in found[0].message


def counted(number: int, day: str | None, path: str) -> Document:
    dateline = f"\n\nPosted on {day}" if day else ""
    return note(f"Weeknote {number}{dateline}\n\nWork on number {number}.", path, "text")


def test_an_undated_count_is_placed_by_the_dated_notes_around_it() -> None:
    documents = [
        counted(41, "8 March 2024", "n/41.txt"),
        counted(42, None, "n/42.txt"),
        counted(43, "22 March 2024", "n/43.txt"),
    ]
    series = only(documents)
    placed = series.notes[1]
    assert placed.ref.path == "n/42.txt"
    assert placed.week is not None
    assert placed.week.year_source == YearSource.SERIES
    assert (placed.week.iso_year, placed.week.iso_week) == (2024, 11)
    assert placed.week.start == dt.date(2024, 3, 11)
    assert placed.week.number == 42
    assert [ref.path for ref in placed.placed_by] == ["n/41.txt", "n/43.txt"]
    assert series.findings == []


def test_a_count_beyond_the_last_dated_note_is_placed_by_that_note() -> None:
    documents = [counted(7, "5 January 2024", "n/7.txt"), counted(9, None, "n/9.txt")]
    series = only(documents)
    assert [each.ref.week for each in series.notes] == ["2024-W01", "2024-W03"]
    assert [ref.path for ref in series.notes[1].placed_by] == ["n/7.txt"]
    assert kinds(series) == ["gap"]


def test_a_count_between_notes_that_disagree_is_left_unplaced() -> None:
    documents = [
        counted(41, "8 March 2024", "n/41.txt"),
        counted(42, None, "n/42.txt"),
        counted(43, "5 April 2024", "n/43.txt"),  # three weeks on, two numbers on
    ]
    series = only(documents)
    assert series.notes[-1].ref.path == "n/42.txt"
    assert series.notes[-1].ref.week is None
    assert "unplaced" in kinds(series)
    assert "map the count to the weeks differently" in series.findings[-1].message


def test_a_count_that_goes_backwards_or_skips_is_found() -> None:
    documents = [
        counted(41, "8 March 2024", "n/a.txt"),
        counted(45, "15 March 2024", "n/b.txt"),
        counted(44, "22 March 2024", "n/c.txt"),
    ]
    series = only(documents)
    assert kinds(series) == ["counter-skips", "counter-backwards"]
    skip, back = series.findings
    assert skip.weeks == ["2024-W10", "2024-W11"]
    assert "3 skipped" in skip.message
    assert [ref.path for ref in back.notes] == ["n/b.txt", "n/c.txt"]


def test_a_count_that_pauses_over_a_holiday_is_only_a_gap() -> None:
    documents = [
        counted(41, "8 March 2024", "n/a.txt"),
        counted(42, "29 March 2024", "n/b.txt"),
    ]
    assert kinds(only(documents)) == ["gap"]


def test_a_note_without_a_week_is_reported_and_kept_last() -> None:
    documents = [
        note("# Weeknote 10.24\n\nOne.", "n/a.md"),
        note("# Thoughts on maps\n\nNo week named here.", "n/b.md"),
    ]
    series = only(documents)
    assert series.notes[-1].ref.path == "n/b.md"
    assert kinds(series) == ["unplaced"]
    assert series.stats.placed == 1


def test_a_year_unknown_week_takes_the_candidate_nearest_the_series() -> None:
    documents = [
        note("# Weeknote 45.18\n\nOne.", "n/a.md"),
        note("# Week commencing 12 November\n\nTwo.", "n/b.md"),
    ]
    series = only(documents)
    placed = series.notes[1]
    assert placed.week is not None
    assert placed.week.start == dt.date(2018, 11, 12)
    assert placed.week.year_source == YearSource.SERIES
    assert [ref.path for ref in placed.placed_by] == ["n/a.md"]


def test_year_unknown_weeks_of_one_file_stay_together() -> None:
    documents = [
        note("# Weeknote 10.24\n\nOne.", "n/a.md"),
        note("# Weeknote 22.19\n\nFive years before.", "n/b.md"),
        note("# w/c 4 March\n\nThree.\n\n# w/c 27 May\n\nFour.", "n/c.md"),
    ]
    series = only(documents)
    weeks = {(each.ref.path, each.ref.note): each.ref.week for each in series.notes}
    assert weeks[("n/c.md", 0)] == "2024-W10"
    assert weeks[("n/c.md", 1)] == "2024-W22"  # not 2019-W22, another file's week
    assert series.notes[-1].placed_by[0].path == "n/c.md"


def test_a_placed_year_unknown_week_helps_place_the_next() -> None:
    text = "# w/c 4 March\n\nOne.\n\n# w/c 27 May\n\nTwo.\n\n# w/c 2 September\n\nThree."
    series = only([note("# Weeknote 01.24\n\nStart.", "n/a.md"), note(text, "n/b.md")])
    assert [each.ref.week for each in series.notes] == [
        "2024-W01",
        "2024-W10",
        "2024-W22",
        "2024-W36",  # 35 weeks after the dated note, 14 after the note before it
    ]


def test_auto_groups_by_author_and_site_across_folders() -> None:
    documents = [
        note(front("Sam Lee", "Weeknote 10.24"), "x/a.md"),
        note(front("sam  lee", "Weeknote 11.24"), "y/b.md"),
        note(front("Ana Ruiz", "Weeknote 10.24"), "x/c.md"),
    ]
    found = build_series(documents)
    assert [(series.key, len(series.notes)) for series in found.series] == [
        ("author:sam lee", 2),
        ("author:ana ruiz", 1),
    ]
    assert found.series[0].label == "Sam Lee"


def test_auto_puts_an_unattributed_note_with_its_folders_one_author() -> None:
    documents = [
        note(front("Sam Lee", "Weeknote 10.24"), "x/a.md"),
        note("# Weeknote 11.24\n\nNo front matter.", "x/b.md"),
        note("# Weeknote 11.24\n\nElsewhere.", "z/c.md"),
    ]
    found = build_series(documents)
    assert [(series.key, len(series.notes)) for series in found.series] == [
        ("author:sam lee", 2),
        ("folder:z", 1),
    ]


def test_site_comes_from_the_note_url() -> None:
    documents = [
        note(front(None, "Weeknote 10.24", url="https://www.example.org/a"), "x/a.md"),
        note(front(None, "Weeknote 11.24", url="https://example.org/b"), "y/b.md"),
        note(front(None, "Weeknote 11.24", url="https://other.example/c"), "y/c.md"),
    ]
    found = build_series(documents, group_by="site")
    assert [series.key for series in found.series] == ["site:example.org", "site:other.example"]


@pytest.mark.parametrize(
    ("group_by", "expected"),
    [
        ("folder", [("folder:x", 2), ("folder:y", 1)]),
        ("document", [("document:x/a.md", 1), ("document:x/b.md", 1), ("document:y/c.md", 1)]),
        ("all", [("all", 3)]),
        ("author", [("author:sam lee", 2), ("author:", 1)]),
    ],
)
def test_group_by_overrides(group_by: str, expected: list[tuple[str, int]]) -> None:
    documents = [
        note(front("Sam Lee", "Weeknote 10.24"), "x/a.md"),
        note(front(None, "Weeknote 11.24"), "x/b.md"),
        note(front("Sam Lee", "Weeknote 12.24"), "y/c.md"),
    ]
    found = build_series(documents, group_by=group_by)  # type: ignore[arg-type]
    assert [(series.key, len(series.notes)) for series in found.series] == expected


def test_an_unknown_grouping_is_refused() -> None:
    with pytest.raises(ValueError, match="group_by"):
        build_series([], group_by="colour")  # type: ignore[arg-type]


def test_section_statistics() -> None:
    documents = [
        note("# Weeknote 10.24\n\nOne two three.\n\n## Next week\n\n- Four five", "n/a.md"),
        note("# Weeknote 11.24\n\nSix.\n\n## Learned\n\n- Seven", "n/b.md"),
    ]
    stats = only(documents).stats
    assert (stats.words_total, stats.words_min, stats.words_max) == (10, 3, 7)
    assert stats.words_mean == 5.0
    assert [(count.kind.value, count.notes, count.weeks) for count in stats.kinds] == [
        ("intro", 2, ["2024-W10", "2024-W11"]),
        ("learning", 1, ["2024-W11"]),
        ("next_week", 1, ["2024-W10"]),
    ]


def test_the_output_round_trips_and_validates_against_its_schema() -> None:
    documents = [
        counted(41, "8 March 2024", "n/41.txt"),
        counted(42, None, "n/42.txt"),
        counted(45, "5 April 2024", "n/45.txt"),
    ]
    found = build_series(documents)
    data = orjson.loads(found.model_dump_json())
    jsonschema.Draft202012Validator(series_json_schema()).validate(data)
    assert SeriesSet.model_validate_json(found.model_dump_json()) == found
    assert data["schema_version"] == "1"


def test_published_series_schema_matches_the_models() -> None:
    published = (ROOT / "docs" / "series-schema.json").read_bytes()
    assert published == series_json_schema_text(), (
        "run: weeknote-parse series --schema > docs/series-schema.json"
    )


def test_a_count_mapping_beyond_the_calendar_leaves_the_note_unplaced() -> None:
    from weeknote_parser import Note, Source, Week, WeekKind

    dated = counted(7, "5 January 2024", "n/7.txt")
    huge = Week(raw="Weeknote 90000", kind=WeekKind.COUNTER, number=90000)
    undated = Document(
        source=Source(path="n/big.txt"),
        notes=[Note(title=huge.raw, week=huge, sections=[], span=(0, 1))],
    )
    series = only([dated, undated])
    assert [each.ref.week for each in series.notes] == ["2024-W01", None]
    assert "maps to no week of the calendar" in series.findings[-1].message


def test_a_note_placed_by_a_placed_note_names_that_notes_week() -> None:
    documents = [
        counted(41, "8 March 2024", "n/41.txt"),
        counted(42, None, "n/42.txt"),
        note("Week commencing 11 March\n\nSame week as 42, no year.", "n/wc.txt", "text"),
    ]
    series = only(documents)
    by_path = {each.ref.path: each for each in series.notes}
    evidence = by_path["n/wc.txt"].placed_by
    assert len(evidence) == 1
    assert evidence[0].week in {"2024-W10", "2024-W11"}
    assert all(ref.week is not None for each in series.notes for ref in each.placed_by)


def test_the_package_docstring_example_runs() -> None:
    import doctest

    import weeknote_parser.series

    assert doctest.testmod(weeknote_parser.series).failed == 0


def test_a_two_week_note_covers_both_weeks_of_its_period() -> None:
    documents = [
        note("# Weeknotes 14-15, 2024\n\nTwo weeks of work.", "n/a.md"),
        note("# Weeknote 17.24\n\nOne week.", "n/b.md"),
    ]
    series = only(documents)
    assert [(week.week, [ref.path for ref in week.notes]) for week in series.timeline] == [
        ("2024-W14", ["n/a.md"]),
        ("2024-W15", ["n/a.md"]),
        ("2024-W16", []),
        ("2024-W17", ["n/b.md"]),
    ]
    assert series.notes[0].ref.week == "2024-W14"
    assert kinds(series) == ["gap"]


def test_auto_puts_a_note_naming_only_its_site_with_the_sites_one_author() -> None:
    documents = [
        note(front("Sam Lee", "Weeknote 10.24", url="https://sam.example/10"), "page/a.md"),
        note(front(None, "Weeknote 11.24", url="https://sam.example/11"), "feed/b.md"),
        note(front("Sam Lee", "Weeknote 12.24"), "other/c.md"),
        note(front(None, "Weeknote 12.24", url="https://two.example/12"), "feed/d.md"),
        note(front("Ana Ruiz", "Weeknote 13.24", url="https://two.example/13"), "x/e.md"),
        note(front("Bo Chan", "Weeknote 14.24", url="https://two.example/14"), "x/f.md"),
    ]
    found = build_series(documents)
    assert [(series.key, len(series.notes)) for series in found.series] == [
        ("author:sam lee site:sam.example", 3),
        ("site:two.example", 1),
        ("author:ana ruiz site:two.example", 1),
        ("author:bo chan site:two.example", 1),
    ]


def test_each_warning_belongs_to_the_note_it_is_in() -> None:
    from weeknote_parser import Note, ParseWarning, Source
    from weeknote_parser.series import items_of

    notes = [Note(title=f"Note {i}", sections=[], span=(start, start + 5)) for i, start in
             enumerate([2, 10, 20])]  # fmt: skip
    lines = [0, 2, 9, 10, 25, None]
    warnings = [ParseWarning(code="x", message=str(line), line=line) for line in lines]
    document = Document(source=Source(path="n/a.md"), notes=notes, warnings=warnings)
    owned = [[w.message for w in item.warnings] for item in items_of([document])]
    assert owned == [["0", "2", "9"], ["10"], ["25"]]


def test_warnings_of_a_file_of_many_notes_are_shared_out_quickly() -> None:
    import time

    from weeknote_parser import Note, ParseWarning, Source
    from weeknote_parser.series import items_of

    count = 20_000
    notes = [Note(title=None, sections=[], span=(i * 3, i * 3 + 3)) for i in range(count)]
    warnings = [ParseWarning(code="x", message="m", line=i * 3 + 1) for i in range(count)]
    document = Document(source=Source(path="n/a.md"), notes=notes, warnings=warnings)
    began = time.perf_counter()
    items = items_of([document])
    assert time.perf_counter() - began < 5  # one pass over the notes per warning: minutes
    assert all(len(item.warnings) == 1 for item in items)
