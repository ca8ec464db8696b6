"""Hypothesis properties of the whole pipeline."""

from __future__ import annotations

import datetime as dt
import json

import jsonschema
from hypothesis import given, settings
from hypothesis import strategies as st

from weeknote_parser import Document, ParseOptions, Parser, to_json
from weeknote_parser.schema import json_schema

from .conftest import TODAY, without_spans

PARSER = Parser(ParseOptions(today=TODAY))
# For round trips of stated weeks: a reference date after every generated week, so that no
# week is read as lying in the future.
FAR_FUTURE = Parser(ParseOptions(today=dt.date(2100, 6, 1)))
VALIDATOR = jsonschema.Draft202012Validator(json_schema())

# Lines in the shapes weeknotes are made of, so generated documents reach every recogniser.
FRAGMENTS = [
    "",
    "",
    "Weeknote w/c 5 November: a subtitle",
    "Weeknotes w/c 10\u00a0September",
    "Weeknote 12.22",
    "2022.3",
    "Weeknote 53.21",
    "w/c 31 February",
    "A short heading",
    "What went well?",
    "Something I'm learning",
    "Next week",
    "Things that happened:",
    "  • a bullet item",
    "  - another item",
    "* a footnote or an item",
    "  1. Numbered thing",
    "    - nested item",
    "A paragraph with a link https://example.org/a). And more text.",
    "A sentence with a footnote marker. * Then more.",
    "« Older posts",
    "© 2024 Someone",
    "Category: Weeknotes",
    "[1] a numbered footnote",
]
lines = st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=40))
documents = st.lists(lines, max_size=40).map("\n".join)


def parse(text: str) -> Document:
    return PARSER.parse(text)


@settings(max_examples=300, deadline=None)
@given(documents)
def test_any_text_parses_to_a_valid_model_and_schema(text: str) -> None:
    document = parse(text)
    payload = json.loads(to_json(document))
    VALIDATOR.validate(payload)
    assert Document.model_validate(payload) == document


@settings(max_examples=200, deadline=None)
@given(documents)
def test_same_input_gives_byte_identical_json(text: str) -> None:
    assert to_json(parse(text)) == to_json(parse(text))


@settings(max_examples=200, deadline=None)
@given(documents)
def test_json_round_trips(text: str) -> None:
    document = parse(text)
    assert Document.model_validate_json(to_json(document)) == document


@settings(max_examples=200, deadline=None)
@given(documents, st.sampled_from(["\r\n", "\r"]), st.sampled_from(["", " ", "  \t"]))
def test_line_endings_and_trailing_space_change_nothing(
    text: str, newline: str, trailing: str
) -> None:
    lines = text.splitlines()
    changed = newline.join(line + trailing for line in lines)
    assert parse(changed) == parse("\n".join(lines))


@settings(max_examples=200, deadline=None)
@given(documents)
def test_extra_blank_lines_between_blocks_change_no_meaning(text: str) -> None:
    doubled = text.replace("\n\n", "\n\n\n")
    before = without_spans(parse(text).model_dump(mode="json"))
    after = without_spans(parse(doubled).model_dump(mode="json"))
    assert after == before


iso_weeks = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2099, 12, 31)).map(
    lambda day: day.isocalendar()[:2]
)
# Weeks at the edges of ISO years (week 1, week 52 and week 53 where it exists) come up often.
edge_weeks = st.sampled_from([2004, 2009, 2015, 2020, 2026, 2032, 2037]).flatmap(
    lambda year: st.sampled_from([(year, 1), (year, 52), (year, 53)])
)
CODE_TEMPLATES = [
    "Weeknote {w}.{yy}",
    "Weeknote {w}.{y}",
    "{y}.{w}",
    "{y}.{w:02d}",
    "Weeknote {w}/{y}",
    "{y}/{w}",
    "{y}-W{w:02d}",
    "{y} W{w}",
    "Week {w}, {y}",
    "week {w} of {y}",
    "{y} – week {w}",
    "KW {w} {y}",
]


@settings(max_examples=400, deadline=None)
@given(st.one_of(iso_weeks, edge_weeks), st.sampled_from(CODE_TEMPLATES))
def test_week_codes_round_trip(year_week: tuple[int, int], template: str) -> None:
    year, week = year_week
    if week == 53 and dt.date(year, 12, 28).isocalendar()[1] != 53:
        return  # the year has no week 53: covered by test_weeks_outside_the_calendar_warn
    if "{yy}" in template and not 2000 <= year <= 2099:
        return
    code = template.format(w=week, y=year, yy=f"{year % 100:02d}")
    note = FAR_FUTURE.parse(f"Title\n\n{code}\n\nBody.").notes[0]
    assert note.week is not None, code
    assert (note.week.iso_year, note.week.iso_week) == (year, week), code
    assert note.week.start == dt.date.fromisocalendar(year, week, 1)


# Whole weeks inside the years the grammar reads (1900 to 2099): the Sunday of a week begun
# in late December 2099 falls in 2100.
days = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2099, 12, 20))
DATE_TEMPLATES = [
    "Weeknote w/c {monday.day} {monday:%B} {monday.year}: a week",
    "Week commencing {monday:%A} {monday.day} {monday:%B} {monday.year}",
    "Week beginning {monday.day} {monday:%b} {monday.year}",
    "Weeknote week ending {sunday.day} {sunday:%B} {sunday.year}",
    "Weeknotes w/e {friday:%d/%m/%Y}",
    "Weeknote {day:%Y-%m-%d}",
    "Weeknote {day.day} {day:%B} {day.year}",
    "Weeknote {day:%B} {day.day}, {day.year}",
    "{monday.day} {monday:%B} {monday.year} to {friday.day} {friday:%B} {friday.year}",
    "{monday:%B} {monday.day} - {friday:%B} {friday.day}, {friday.year}",
]


@settings(max_examples=400, deadline=None)
@given(days, st.sampled_from(DATE_TEMPLATES))
def test_dates_in_each_convention_give_their_iso_week(day: dt.date, template: str) -> None:
    monday = day - dt.timedelta(days=day.weekday())
    friday, sunday = monday + dt.timedelta(days=4), monday + dt.timedelta(days=6)
    title = template.format(day=day, monday=monday, friday=friday, sunday=sunday)
    document = FAR_FUTURE.parse(f"{title}\n\nBody.")
    week = document.notes[0].week
    assert week is not None, title
    assert (week.start, week.iso_year, week.iso_week) == (monday, *monday.isocalendar()[:2]), title
    assert [w.code for w in document.warnings if w.code != "ambiguous-date"] == []


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(
        [
            "Weeknote w/c 31 February 2020",
            "Weeknote w/c 30 February",
            "Weeknote 54.21",
            "2021-W54",
            "Weeknote 0.2020",
            "Weeknote 53.2021",
            "week 54 of 2020",
            "Weeknote 32/13/2020",
        ]
    ),
    st.integers(min_value=1990, max_value=2099),
)
def test_weeks_outside_the_calendar_warn(title: str, year: int) -> None:
    parser = Parser(ParseOptions(year=year, today=TODAY))  # a year hint changes nothing here
    document = parser.parse(f"{title}\n\nBody.")
    week = document.notes[0].week
    assert week is None or week.start is None
    assert document.warnings, title


MARKUP = [
    "# Weeknote 12.22",
    "## Next week",
    "---",
    "title: x",
    "+++",
    "> quoted",
    "```",
    "[^1]: note",
    "<p>para</p>",
    "<article><h2>Weeknote 3.2021</h2>",
    "</article>",
    "<ul><li>item",
    "<time datetime='2021-02-03'>x</time>",
    "<script>x</script>",
    "<rss><channel><item><title>t</title></item></channel></rss>",
]
markup_documents = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS + MARKUP), st.text(max_size=30)), max_size=30
).map("\n".join)


@settings(max_examples=150, deadline=None)
@given(markup_documents, st.sampled_from(["markdown", "html"]))
def test_any_markup_parses_to_a_valid_model(text: str, fmt: str) -> None:
    from weeknote_parser import InputError
    from weeknote_parser.readers import read_text_as

    try:
        source = read_text_as(text, "markdown" if fmt == "markdown" else "html")
    except InputError:
        return  # invalid front matter: a clear error, not a crash
    document = PARSER.parse_input(source)
    VALIDATOR.validate(json.loads(to_json(document)))
