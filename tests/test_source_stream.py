"""The source stream: one typed Source from every reader, read the same way everywhere."""

from __future__ import annotations

import datetime as dt

import pytest

from weeknote_parser import ParseOptions, Parser, flatten_lists, parse, parse_file
from weeknote_parser.readers import read_source

from .conftest import TODAY


def test_date_order_reaches_front_matter() -> None:
    text = "---\ndate: 04/03/2021\n---\n\n# A quiet week\n\nText.\n"
    day_first = parse(text, format="markdown", options=ParseOptions(today=TODAY))
    month_first = parse(
        text, format="markdown", options=ParseOptions(today=TODAY, date_order="mdy")
    )
    assert day_first.notes[0].published == dt.date(2021, 3, 4)
    assert month_first.notes[0].published == dt.date(2021, 4, 3)


def test_parser_parse_reads_the_date_in_a_path() -> None:
    parser = Parser(ParseOptions(today=TODAY))
    note = parser.parse("A quiet week\n\nText.\n", path="notes/2019-06-12-weeknote.md").notes[0]
    assert note.week is not None
    assert (note.week.start, note.week.year_source) == (dt.date(2019, 6, 10), "file_name")


def test_parse_with_a_path_reads_the_date_in_it_too() -> None:
    document = parse("A quiet week\n\nText.\n", path="2019-06-14-weeknote.txt")
    assert document.notes[0].week is not None
    assert document.notes[0].week.start == dt.date(2019, 6, 10)


def test_parse_and_parse_file_take_a_configured_parser(tmp_path: pytest.TempPathFactory) -> None:
    parser = Parser(ParseOptions(today=TODAY)).disable("footnote")
    text = "Weeknote 3.2021\n\nA claim.*\n\n* The footnote.\n"
    assert parse(text).notes[0].footnotes
    assert parse(text, parser=parser).notes[0].footnotes == []
    path = tmp_path / "note.txt"  # type: ignore[operator]
    path.write_text(text, encoding="utf-8")
    assert parse_file(path, parser=parser).notes[0].footnotes == []
    assert parse_file(path, parser=parser, year=2020).notes[0].footnotes == []


def test_a_markdown_paragraph_wrapping_onto_a_number_is_one_paragraph() -> None:
    text = "# Weeknote 3.2021\n\nWe chose option\n2) because it was cheaper.\n"
    section = parse(text, format="markdown").notes[0].sections[0]
    assert [b.type for b in section.blocks] == ["paragraph"]


def test_bullets_that_are_not_markdown_are_still_read_as_a_list_in_markdown() -> None:
    text = "# Weeknote 3.2021\n\nDone:\n• one\n• two\n"
    (found,) = flatten_lists(parse(text, format="markdown").notes[0])
    assert [i.text for i in found.items] == ["one", "two"]


@pytest.mark.parametrize(
    ("fmt", "text"),
    [
        ("markdown", "# Weeknote 3.2021\n\n- a\n  - b\n    - c\n- d\n"),
        ("html", "<article><h1>Weeknote 3.2021</h1><ul><li>a<ul><li>b<ul><li>c</li></ul>"
                 "</li></ul></li><li>d</li></ul></article>"),
        ("text", "Weeknote 3.2021\n\n- a\n  - b\n    - c\n- d\n"),
    ],
)  # fmt: skip
def test_nested_lists_are_a_tree_in_every_format(fmt: str, text: str) -> None:
    note = parse(text, format=fmt).notes[0]  # type: ignore[arg-type]
    (top,) = [b for s in note.sections for b in s.blocks if b.type == "list"]
    assert [i.text for i in top.items] == ["a", "d"]
    (child,) = top.children
    assert (child.depth, child.parent, child.lead_in, [i.text for i in child.items]) == (
        2, 0, "a", ["b"],
    )  # fmt: skip
    assert [[i.text for i in c.items] for c in child.children] == [["c"]]


@pytest.mark.parametrize(
    ("fmt", "text"),
    [
        ("markdown", "# Weeknote 3.2021\n\n- [ ] plan\n- [x] ship\n"),
        ("html", "<article><h1>Weeknote 3.2021</h1><ul><li><input type='checkbox'> plan</li>"
                 "<li><input type='checkbox' checked> ship</li></ul></article>"),
        ("text", "Weeknote 3.2021\n\n- [ ] plan\n- [x] ship\n"),
    ],
)  # fmt: skip
def test_task_items_in_every_format(fmt: str, text: str) -> None:
    (found,) = flatten_lists(parse(text, format=fmt).notes[0])  # type: ignore[arg-type]
    assert [(i.text, i.checked) for i in found.items] == [("plan", False), ("ship", True)]


@pytest.mark.parametrize(
    ("fmt", "text"),
    [
        ("markdown", "# Weeknote 3.2021\n\nRead [the guide](https://guide.example/x) today.\n"),
        ("html", "<article><h1>Weeknote 3.2021</h1><p>Read <a href='https://guide.example/x'>"
                 "the guide</a> today.</p></article>"),
    ],
)  # fmt: skip
def test_links_keep_their_text(fmt: str, text: str) -> None:
    note = parse(text, format=fmt).notes[0]  # type: ignore[arg-type]
    assert [(link.url, link.text) for link in note.links] == [
        ("https://guide.example/x", "the guide")
    ]


def test_bare_urls_have_no_link_text() -> None:
    note = parse("Weeknote 3.2021\n\nSee https://guide.example/x today.\n").notes[0]
    assert [(link.url, link.text) for link in note.links] == [("https://guide.example/x", None)]


def test_author_and_url_from_front_matter() -> None:
    text = (
        "---\ntitle: Weeknote 3.2021\nauthor:\n  name: Kit Marlow\n"
        "permalink: https://kit.example/weeknote-3/\n---\n\nText.\n"
    )
    note = parse(text, format="markdown").notes[0]
    assert (note.author, note.url) == ("Kit Marlow", "https://kit.example/weeknote-3/")


def test_author_and_url_from_an_html_page() -> None:
    page = (
        '<html><head><meta name="author" content="Kit Marlow">'
        '<link rel="canonical" href="https://kit.example/w3/"></head>'
        "<body><article><h1>Weeknote 3.2021</h1><p>Text.</p></article></body></html>"
    )
    note = parse(page, format="html").notes[0]
    assert (note.author, note.url) == ("Kit Marlow", "https://kit.example/w3/")


def test_author_and_url_from_a_feed_entry() -> None:
    feed = (
        '<rss version="2.0"><channel><title>Kit</title><item><title>Weeknote 3.2021</title>'
        "<link>https://kit.example/w3/</link><author>kit@kit.example (Kit Marlow)</author>"
        "<description>Text.</description></item></channel></rss>"
    )
    note = parse(feed, format="feed").notes[0]
    assert note.url == "https://kit.example/w3/"
    assert note.author is not None and "Kit Marlow" in note.author


def test_spans_are_lines_of_the_original_markdown() -> None:
    text = "---\ntitle: Weeknote 3.2021\n---\n\nFirst paragraph.\n\n## Next week\n\n- one\n- two\n"
    note = parse(text, format="markdown").notes[0]
    intro, upcoming = note.sections
    assert intro.blocks[0].span == (4, 5)
    assert upcoming.span[0] == 6
    assert upcoming.blocks[0].span == (8, 10)


def test_one_function_builds_every_source() -> None:
    options = ParseOptions(date_order="mdy")
    source = read_source(b"---\ndate: 04/03/2021\n---\n\nText.\n", options, path="a/note.md")
    assert (source.location.path, source.location.format, source.location.encoding) == (
        "a/note.md", "markdown", "utf-8",
    )  # fmt: skip
    facts = next(line.facts for line in source.lines if line.facts is not None)
    assert [e.date for e in facts.evidence] == [dt.date(2021, 4, 3)]
