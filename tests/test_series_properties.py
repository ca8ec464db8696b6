"""Properties of a series, whatever its notes: the timeline holds every week once, and a note
added never takes away what was found about other weeks."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from weeknote_parser import Document, Note, Source, Week, WeekKind, YearSource
from weeknote_parser.series import build_series
from weeknote_parser.series.place import week_label

FIRST = dt.date(2019, 12, 30)  # a Monday, the start of 2020-W01


def document(path: str, offsets: list[int]) -> Document:
    """A document of notes, one for each week offset from 2020-W01."""
    notes = []
    for index, offset in enumerate(offsets):
        start = FIRST + dt.timedelta(weeks=offset)
        year, number, _ = start.isocalendar()
        week = Week(
            raw=f"Weeknote {number}.{year % 100}", kind=WeekKind.WEEK_NUMBER, iso_year=year,
            iso_week=number, start=start, end=start + dt.timedelta(days=6),
            year_source=YearSource.STATED,
        )  # fmt: skip
        notes.append(Note(title=week.raw, week=week, sections=[], span=(index, index + 1)))
    return Document(source=Source(path=path), notes=notes)


offsets = st.lists(st.integers(min_value=0, max_value=120), min_size=1, max_size=12)


@settings(max_examples=60, deadline=None)
@given(st.lists(offsets, min_size=1, max_size=4))
def test_every_week_from_first_to_last_appears_once(files: list[list[int]]) -> None:
    documents = [document(f"n/{index}.md", each) for index, each in enumerate(files)]
    series = build_series(documents, group_by="all").series[0]
    labels = [week.week for week in series.timeline]
    everything = [offset for each in files for offset in each]
    expected = [
        week_label(FIRST + dt.timedelta(weeks=offset))
        for offset in range(min(everything), max(everything) + 1)
    ]
    assert labels == expected
    assert sum(len(week.notes) for week in series.timeline) == len(everything)
    for earlier, later in zip(series.timeline, series.timeline[1:], strict=False):
        assert (later.start - earlier.start).days == 7


def findings_about(documents: list[Document], weeks: set[str]) -> set[tuple[str, tuple[str, ...]]]:
    series = build_series(documents, group_by="all").series[0]
    return {
        (finding.kind.value, tuple(finding.weeks))
        for finding in series.findings
        if finding.weeks and not set(finding.weeks) & weeks
    }


@settings(max_examples=60, deadline=None)
@given(offsets, st.integers(min_value=0, max_value=120))
def test_adding_a_note_keeps_the_findings_about_other_weeks(before: list[int], added: int) -> None:
    start = FIRST + dt.timedelta(weeks=added)
    touched = {week_label(start)}
    without = findings_about([document("n/a.md", before)], touched)
    with_it = findings_about([document("n/a.md", before), document("n/b.md", [added])], touched)

    assert without <= with_it


LINES = st.sampled_from(
    [
        "Weeknote {n}",
        "Weeknote {n}.24",
        "w/c {d} March",
        "w/c {d} March 2024",
        "Posted on {d} April 2024",
        "Next week",
        "## Next week",
        "- plan {n} <b>&",
        "Some text {n}.",
        "",
        "#{n}",
        "Monthnote: March 2024",
        "Weeknotes {n}-{m}",
    ]
)


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.lists(st.tuples(LINES, st.integers(1, 60), st.integers(1, 28)), max_size=8),
        min_size=1,
        max_size=5,
    ),
    st.sampled_from(["auto", "folder", "document", "all"]),
)
def test_any_parsed_notes_make_series_a_table_and_a_page(
    files: list[list[tuple[str, int, int]]], group_by: str
) -> None:
    from weeknote_parser import ParseOptions, parse
    from weeknote_parser.series import SeriesSet
    from weeknote_parser.series.report import report_html
    from weeknote_parser.series.table import table

    options = ParseOptions.build(today=dt.date(2026, 1, 1))
    documents = [
        parse(
            "\n".join(line.format(n=n, m=n + 1, d=d) for line, n, d in lines),
            path=f"n/{index}.md",
            format="markdown",
            options=options,
        )
        for index, lines in enumerate(files)
    ]
    found = build_series(documents, group_by=group_by)  # type: ignore[arg-type]
    assert SeriesSet.model_validate_json(found.model_dump_json()) == found
    assert sum(len(series.notes) for series in found.series) == sum(
        len(document.notes) for document in documents
    )
    table(found)
    page = report_html(found, documents)
    assert page.count("<script") == 1
    for series in found.series:
        placed = [note for note in series.notes if note.ref.week is not None]
        on_timeline = {ref.week for week in series.timeline for ref in week.notes}
        assert {note.ref.week for note in placed} <= on_timeline
