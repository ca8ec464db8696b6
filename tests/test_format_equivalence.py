"""The same weeknote written as plain text, Markdown and HTML gives the same reading."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from html import escape

from hypothesis import given, settings
from hypothesis import strategies as st

from weeknote_parser import Document, ParseOptions, Parser, flatten_lists
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
SUB_ITEMS = ["with the data team", "twice", "in the open"]
# A sentence with a link that has its own text in Markdown and HTML (plain text shows the URL).
LINKED = ("Read", "the report", "https://example.org/report", "today.")


@dataclass(frozen=True)
class Item:
    text: str
    checked: bool | None  # a task item's state
    children: tuple[str, ...]  # a nested list's items


@dataclass(frozen=True)
class Section:
    heading: str | None
    paragraphs: tuple[str, ...]
    lead_in: str | None
    items: tuple[Item, ...]
    numbered: bool
    linked: bool = False  # a paragraph with a titled link


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
        items=st.lists(
            st.builds(
                Item,
                text=st.sampled_from(ITEMS),
                checked=st.sampled_from([None, None, True, False]),
                children=st.lists(st.sampled_from(SUB_ITEMS), max_size=2).map(tuple),
            ),
            max_size=3,
        ).map(tuple),
        numbered=st.booleans(),
        linked=st.booleans(),
    )


def _box(item: Item) -> str:
    return "" if item.checked is None else ("[x] " if item.checked else "[ ] ")


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
        if section.linked:
            read, _, url, rest = LINKED
            parts.append(f"{read} {url} {rest}")
        if section.items:
            if section.lead_in:
                parts.append(section.lead_in)
            rows = []
            for i, item in enumerate(section.items):
                rows.append(f"  {_mark(section, i)} {_box(item)}{item.text}")
                rows.extend(f"      • {child}" for child in item.children)
            parts.append("\n".join(rows))
    return "\n\n".join(parts) + "\n"


def _mark(section: Section, index: int) -> str:
    return f"{index + 1}." if section.numbered else "•"


def as_markdown(note: Note) -> str:
    parts = [f"# {note.title}"]
    for section in note.sections:
        if section.heading:
            parts.append(f"## {section.heading}")
        parts.extend(section.paragraphs)
        if section.linked:
            read, text, url, rest = LINKED
            parts.append(f"{read} [{text}]({url}) {rest}")
        if section.items:
            if section.lead_in:
                parts.append(section.lead_in)
            rows = []
            for i, item in enumerate(section.items):
                mark = f"{i + 1}." if section.numbered else "-"
                rows.append(f"{mark} {_box(item)}{item.text}")
                rows.extend(f"{' ' * (len(mark) + 1)}- {child}" for child in item.children)
            parts.append("\n".join(rows))
    return "\n\n".join(parts) + "\n"


def as_html(note: Note) -> str:
    body = [f"<h1>{escape(note.title)}</h1>"]
    for section in note.sections:
        if section.heading:
            body.append(f"<h2>{escape(section.heading)}</h2>")
        body.extend(f"<p>{escape(p)}</p>" for p in section.paragraphs)
        if section.linked:
            read, text, url, rest = LINKED
            body.append(f'<p>{read} <a href="{url}">{text}</a> {rest}</p>')
        if section.items:
            if section.lead_in:
                body.append(f"<p>{escape(section.lead_in)}</p>")
            tag = "ol" if section.numbered else "ul"
            items = "".join(
                f"<li>{_checkbox(item)}{escape(item.text)}{_sub_list(item)}</li>"
                for item in section.items
            )
            body.append(f"<{tag}>{items}</{tag}>")
    return f"<!DOCTYPE html><html><body><article>{''.join(body)}</article></body></html>"


def _checkbox(item: Item) -> str:
    if item.checked is None:
        return ""
    return '<input type="checkbox" checked> ' if item.checked else '<input type="checkbox"> '


def _sub_list(item: Item) -> str:
    if not item.children:
        return ""
    return "<ul>" + "".join(f"<li>{escape(child)}</li>" for child in item.children) + "</ul>"


def structure(document: Document) -> list[object]:
    """What the gold view leaves out: the list tree, task states and link targets."""
    return [
        (
            [
                (block.depth, block.parent, [(i.text, i.checked) for i in block.items])
                for block in flatten_lists(note)
            ],
            [link.url for link in note.links],
        )
        for note in document.notes
    ]


PARSER = Parser(ParseOptions(today=TODAY))


@settings(max_examples=150, deadline=None)
@given(notes)
def test_text_markdown_and_html_read_the_same(note: Note) -> None:
    renderings: list[tuple[Format, Callable[[Note], str]]] = [
        ("text", as_text),
        ("markdown", as_markdown),
        ("html", as_html),
    ]
    documents = [PARSER.parse_source(read_text_as(render(note), fmt)) for fmt, render in renderings]
    views = [gold_view(document)["notes"] for document in documents]
    assert views[0] == views[1] == views[2]
    trees = [structure(document) for document in documents]
    assert trees[0] == trees[1] == trees[2]
    titled = [
        [(link.url, link.text) for link in n.links if link.url == LINKED[2]]
        for document in documents[1:]
        for n in document.notes
    ]
    assert titled[0] == titled[1]
    assert all(text == LINKED[1] for _, text in titled[0])
    assert views[0][0]["title"] == note.title
    assert len(views[0][0]["sections"]) == len(note.sections)
