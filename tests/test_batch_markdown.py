"""``--to markdown``: the Markdown rendering of parsed notes reads back as the same notes.

Notes are generated as plain text in the shapes weeknotes take (a title naming the week, a
dateline, sections under headings, paragraphs with links, lists with lead-ins, nested lists
and tasks, footnotes), parsed, written as Markdown and parsed again: the notes, their weeks,
sections, blocks and lists must come back unchanged (spans aside: the lines differ).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from weeknote_parser import Document, ParseOptions, Parser, flatten_lists
from weeknote_parser.conformance import gold_view
from weeknote_parser.render_markdown import escape, render_markdown
from weeknote_parser.testing import FILLER_WORDS as WORDS

from .conftest import TODAY, without_spans

PARSER = Parser(ParseOptions(today=TODAY))
HEADINGS = [
    "What went well",
    "Next week",
    "Things I learned",
    "Reading",
    "Worries",
    "Other news",
    "Challenges",
]
MONTHS = "January February March April May June July August September October November December"


@st.composite
def titles(draw: st.DrawFn) -> str:
    day = draw(st.dates(min_value=dt.date(2015, 1, 1), max_value=dt.date(2025, 6, 30)))
    monday = day - dt.timedelta(days=day.weekday())
    year, week, _ = monday.isocalendar()
    month = MONTHS.split()[monday.month - 1]
    forms = [
        f"Weeknote {week}.{year % 100:02d}",
        f"Weeknote w/c {monday.day} {month} {monday.year}",
        f"Weeknotes {year}-W{week:02d}",
        f"Week {week}, {year}",
    ]
    title = draw(st.sampled_from(forms))
    if draw(st.booleans()):
        title += ": " + " ".join(draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=4)))
    return title


def phrase(low: int, high: int) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(WORDS), min_size=low, max_size=high).map(" ".join)


sentences = st.builds(
    lambda words, link: f"The {words}{link}.",
    phrase(2, 10),
    st.sampled_from(["", "", " at https://example.org/page", " (see www.example.com/a_b)"]),
)


@st.composite
def lists(draw: st.DrawFn) -> list[str]:
    numbered = draw(st.booleans())
    bullet = draw(st.sampled_from(["-", "*", "•"]))
    lines = []
    if draw(st.booleans()):
        lines.append(f"The {draw(phrase(1, 5))} list:")
    # A lone numbered line standing on its own may head a section in plain text (a numbered
    # heading), never in Markdown, where the format says it is a list: so two items at least.
    for index in range(draw(st.integers(2 if numbered else 1, 4))):
        marker = f"{index + 1}." if numbered else bullet
        box = draw(st.sampled_from(["", "", "[ ] ", "[x] "])) if not numbered else ""
        lines.append(f"{marker} {box}{draw(phrase(1, 6))}")
        for _ in range(draw(st.integers(0, 2))):
            lines.append(f"    - {draw(phrase(1, 4))}")
    return lines


@st.composite
def blocks(draw: st.DrawFn) -> str:
    if draw(st.booleans()):
        return "\n".join(draw(lists()))
    return " ".join(draw(st.lists(sentences, min_size=1, max_size=3)))


@st.composite
def notes(draw: st.DrawFn, last: bool) -> str:
    parts = [draw(titles())]
    if draw(st.booleans()):
        day = draw(st.dates(min_value=dt.date(2015, 1, 1), max_value=dt.date(2025, 6, 30)))
        parts.append(f"Posted on {day.day} {MONTHS.split()[day.month - 1]} {day.year}")
    footnote = last and draw(st.booleans())
    parts.extend(draw(st.lists(blocks(), max_size=2)))
    for heading in draw(st.lists(st.sampled_from(HEADINGS), max_size=3, unique=True)):
        parts.append(heading)
        parts.extend(draw(st.lists(blocks(), min_size=1, max_size=3)))
    if footnote:
        parts.append(f"The {draw(phrase(2, 6))} was checked. *")
        parts.append(f"* {draw(phrase(2, 6))}")
    return "\n\n".join(parts)


documents = (
    st.integers(1, 3)
    .flatmap(lambda count: st.tuples(*[notes(last=index == count - 1) for index in range(count)]))
    .map(lambda parts: "\n\n".join(parts) + "\n")
)


def meaning(document: Document) -> list[dict[str, Any]]:
    """Everything the notes say, spans and line numbers aside, with every list (nested ones
    included) in one sequence."""
    found = []
    for note in document.notes:
        data = without_spans(note.model_dump(mode="json", exclude={"metadata"}))
        data["all_lists"] = [without_spans(b.model_dump(mode="json")) for b in flatten_lists(note)]
        found.append(data)
    return found


@settings(max_examples=100, deadline=None)
@given(documents)
def test_markdown_reads_back_as_the_same_notes(text: str) -> None:
    original = PARSER.parse(text)
    rendered = render_markdown(original)
    again = PARSER.parse_text(rendered, format="markdown")
    assert gold_view(again)["notes"] == gold_view(original)["notes"], rendered
    assert meaning(again) == meaning(original), rendered


def _placed(document: Document) -> list[dict[str, Any]]:
    """The gold view of the notes, the written form of a date that places a note aside: an
    HTML page's ``<time datetime>`` or front matter's timestamp comes back as the
    ``YYYY-MM-DD`` of the Markdown dateline."""
    found: list[dict[str, Any]] = gold_view(document)["notes"]
    for view, note in zip(found, document.notes, strict=True):
        if note.week is not None and note.week.kind.value == "date":
            view["week"].pop("raw")
    return found


def test_the_examples_read_back_as_the_same_notes() -> None:
    from .conftest import EXAMPLES

    for path in sorted(EXAMPLES.glob("*/*.*")):
        if path.suffix == ".json":
            continue
        original = PARSER.parse_text(path.read_text(encoding="utf-8"), path=path.name)
        again = PARSER.parse_text(render_markdown(original), format="markdown", path=path.name)
        assert _placed(again) == _placed(original), path


def test_escaping_keeps_text_from_becoming_markup() -> None:
    for text in ["# not a heading", "1. not a list", "- nor this", "> nor a quote", "a *b* c"]:
        markdown = f"# Weeknote 3.2021\n\n{escape(text)}\n"
        [note] = PARSER.parse_text(markdown, format="markdown").notes
        assert note.sections[0].blocks[0].model_dump()["text"] == text
