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


@settings(max_examples=300, deadline=None)
@given(iso_weeks, st.sampled_from(["{w}.{yy}", "{w}.{y}", "{y}.{w}", "{y}.{w:02d}"]))
def test_week_codes_round_trip(year_week: tuple[int, int], template: str) -> None:
    year, week = year_week
    if template == "{w}.{yy}" and not 2000 <= year <= 2099:
        return
    code = template.format(w=week, y=year, yy=f"{year % 100:02d}")
    note = parse(f"Title\n\nWeeknote {code}\n\nBody.").notes[0]
    assert note.week is not None
    assert (note.week.iso_year, note.week.iso_week) == (year, week)
    assert note.week.start == dt.date.fromisocalendar(year, week, 1)


@settings(max_examples=300, deadline=None)
@given(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2099, 12, 31)))
def test_week_commencing_round_trips(day: dt.date) -> None:
    monday = day - dt.timedelta(days=day.weekday())
    title = f"Weeknote w/c {monday.day} {monday:%B} {monday.year}: a week"
    week = parse(f"{title}\n\nBody.").notes[0].week
    assert week is not None
    assert (week.start, week.iso_year, week.iso_week) == (monday, *monday.isocalendar()[:2])
