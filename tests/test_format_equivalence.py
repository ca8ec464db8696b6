"""The same weeknote written as plain text, Markdown and HTML gives the same reading."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from html import escape

from hypothesis import given, settings
from hypothesis import strategies as st

from weeknote_parser import ParseOptions, Parser
from weeknote_parser.conformance import gold_view
from weeknote_parser.inputs import Format
from weeknote_parser.readers import read_text_as

from .conftest import TODAY

HEADINGS = [
    "What went well?",
    "Next week",
    "Something I'm learning",
    "Things I read",
    "Hiring update",
    "Team news",
    "What am I worried about?",
]
SENTENCES = [
    "We shipped the new booking form.",
    "The team met the service owners on Tuesday.",
    "Most of the week went on planning.",
    "I wrote up the research at https://example.org/research.",
    "Nothing went to plan, and that was fine.",
]
ITEMS = ["Retired the old search", "Ran a show and tell", "Hired a designer", "Fixed the logs"]


@dataclass(frozen=True)
class Section:
    heading: str | None
    paragraphs: tuple[str, ...]
    lead_in: str | None
    items: tuple[str, ...]
    numbered: bool


@dataclass(frozen=True)
class Note:
    title: str
    sections: tuple[Section, ...]


def sections(first: bool) -> st.SearchStrategy[Section]:
    return st.builds(
        Section,
        heading=st.none() if first else st.sampled_from(HEADINGS),
        paragraphs=st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=2).map(tuple),
        lead_in=st.sampled_from([None, "Other things this week:", "Highlights were:"]),
        items=st.lists(st.sampled_from(ITEMS), max_size=3).map(tuple),
        numbered=st.booleans(),
    )


notes = st.builds(
    Note,
    title=st.builds(
        lambda week, year, subtitle: f"Weeknote {week}.{year}: {subtitle}",
        st.integers(1, 52),
        st.integers(2015, 2024),
        st.sampled_from(["a busy one", "catching up", "the launch"]),
    ),
    sections=st.tuples(sections(True)).flatmap(
        lambda head: st.lists(sections(False), max_size=3).map(lambda rest: head + tuple(rest))
    ),
)


def as_text(note: Note) -> str:
    parts = [note.title]
    for section in note.sections:
        if section.heading:
            parts.append(section.heading)
        parts.extend(section.paragraphs)
        if section.items:
            if section.lead_in:
                parts.append(section.lead_in)
            parts.append(
                "\n".join(f"  {_mark(section, i)} {item}" for i, item in enumerate(section.items))
            )
    return "\n\n".join(parts) + "\n"


def _mark(section: Section, index: int) -> str:
    return f"{index + 1}." if section.numbered else "•"


def as_markdown(note: Note) -> str:
    parts = [f"# {note.title}"]
    for section in note.sections:
        if section.heading:
            parts.append(f"## {section.heading}")
        parts.extend(section.paragraphs)
        if section.items:
            if section.lead_in:
                parts.append(section.lead_in)
            marks = [f"{i + 1}." if section.numbered else "-" for i in range(len(section.items))]
            parts.append(
                "\n".join(f"{m} {item}" for m, item in zip(marks, section.items, strict=True))
            )
    return "\n\n".join(parts) + "\n"


def as_html(note: Note) -> str:
    body = [f"<h1>{escape(note.title)}</h1>"]
    for section in note.sections:
        if section.heading:
            body.append(f"<h2>{escape(section.heading)}</h2>")
        body.extend(f"<p>{escape(p)}</p>" for p in section.paragraphs)
        if section.items:
            if section.lead_in:
                body.append(f"<p>{escape(section.lead_in)}</p>")
            tag = "ol" if section.numbered else "ul"
            items = "".join(f"<li>{escape(item)}</li>" for item in section.items)
            body.append(f"<{tag}>{items}</{tag}>")
    return f"<!DOCTYPE html><html><body><article>{''.join(body)}</article></body></html>"


PARSER = Parser(ParseOptions(today=TODAY))


@settings(max_examples=150, deadline=None)
@given(notes)
def test_text_markdown_and_html_read_the_same(note: Note) -> None:
    renderings: list[tuple[Format, Callable[[Note], str]]] = [
        ("text", as_text),
        ("markdown", as_markdown),
        ("html", as_html),
    ]
    views = [
        gold_view(PARSER.parse_input(read_text_as(render(note), fmt)))["notes"]
        for fmt, render in renderings
    ]
    assert views[0] == views[1] == views[2]
    assert views[0][0]["title"] == note.title
    assert len(views[0][0]["sections"]) == len(note.sections)
