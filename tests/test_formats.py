"""Reading every format: detection, Markdown, front matter, HTML, feeds, paths, encodings."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from weeknote_parser import (
    Document,
    InputError,
    ParseOptions,
    Parser,
    YearSource,
    flatten_lists,
)
from weeknote_parser.readers import detect_format, read_input, sniff

from .conftest import TODAY, outline

D = dt.date.fromisoformat


def read(text: str, name: str = "note.txt", **kwargs: Any) -> Document:
    data = textwrap.dedent(text).strip("\n").encode("utf-8")
    source = read_input(data, name=name, path=name, **kwargs)
    return Parser(ParseOptions(today=TODAY)).parse_input(source)


def lists_of(document: Document) -> list[tuple[str, str | None, list[str]]]:
    return [
        (b.style, b.lead_in, [i.text for i in b.items])
        for n in document.notes
        for b in flatten_lists(n)
    ]


# -- detection ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("a.txt", "text"),
        ("a.md", "markdown"),
        ("a.markdown", "markdown"),
        ("a.html", "html"),
        ("a.htm", "html"),
        ("a.xml", "feed"),
        ("a.rss", "feed"),
        ("a.atom", "feed"),
    ],
)
def test_format_from_extension(name: str, expected: str) -> None:
    assert detect_format(name, "Weeknote 3.2021") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<!DOCTYPE html><html><body><p>Hi</p></body></html>", "html"),
        ('<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>', "feed"),
        ('<feed xmlns="http://www.w3.org/2005/Atom"></feed>', "feed"),
        ("---\ntitle: x\n---\n\nBody", "markdown"),
        ("# Weeknote\n\nBody", "markdown"),
        ("Weeknote 3.2021\n\nA plain paragraph.", "text"),
    ],
)
def test_format_sniffed_from_content(text: str, expected: str) -> None:
    assert sniff(text) == expected


def test_unknown_extension_is_sniffed() -> None:
    assert read("# Weeknote 3.2021\n\nText.", name="note.weeknote").source.format == "markdown"


def test_format_option_overrides_the_extension() -> None:
    document = read("# Weeknote 3.2021\n\nText.", name="note.txt", format="markdown")
    assert document.source.format == "markdown"
    assert document.notes[0].title == "Weeknote 3.2021"


# -- Markdown -----------------------------------------------------------------------------------
def test_markdown_headings_are_headings_and_first_h1_is_the_title() -> None:
    document = read(
        """
        # Weeknote 12.22

        Intro.

        ## A very long heading that goes on and on and would never pass as plain text heading.

        ## Next week
        Plans.
        """,
        name="n.md",
    )
    note = document.notes[0]
    assert (note.title, note.week.iso_week if note.week else None) == ("Weeknote 12.22", 12)
    assert [s.heading for s in note.sections][1:] == [
        "A very long heading that goes on and on and would never pass as plain text heading.",
        "Next week",
    ]


def test_yaml_front_matter_title_date_tags_and_values_as_written() -> None:
    document = read(
        """
        ---
        title: "Weeknotes w/c 5 November: catching up"
        date: 2018-11-09 17:00:00 +0000
        tags: [weeknotes, teams]
        categories: work
        draft: false
        ---

        # Weeknotes w/c 5 November: catching up

        Text.
        """,
        name="n.md",
    )
    note = document.notes[0]
    assert note.title == "Weeknotes w/c 5 November: catching up"
    assert note.week is not None
    assert (note.week.start, note.week.year_source) == (D("2018-11-05"), YearSource.FRONT_MATTER)
    assert note.published == D("2018-11-09")
    assert note.tags == ["weeknotes", "teams", "work"]
    assert note.metadata["date"] == "2018-11-09 17:00:00 +0000"
    assert note.metadata["draft"] is False
    assert [s.heading for s in note.sections] == [None]  # the repeated H1 is not a heading


def test_toml_front_matter() -> None:
    document = read(
        """
        +++
        title = "A quiet one"
        date = 2021-03-05T16:00:00Z
        week = "2021-W09"
        +++

        Text.
        """,
        name="n.md",
    )
    note = document.notes[0]
    assert note.title == "A quiet one"
    assert note.week is not None
    assert (note.week.raw, note.week.start) == ("2021-W09", D("2021-03-01"))
    assert note.metadata["date"] == "2021-03-05T16:00:00Z"  # as written


def test_front_matter_after_bom_and_blank_lines() -> None:
    data = "\ufeff\n\n---\ntitle: Late start\n---\n\nText.\n".encode()
    source = read_input(data, name="n.md", path="n.md")
    assert Parser().parse_input(source).notes[0].title == "Late start"


def test_week_ending_in_front_matter() -> None:
    note = read("---\nweek_ending: 2021-07-09\n---\n\nText.", name="n.md").notes[0]
    assert note.week is not None
    assert (note.week.kind.value, note.week.start) == ("week_ending", D("2021-07-05"))


def test_invalid_yaml_is_an_error_naming_the_line() -> None:
    with pytest.raises(InputError) as caught:
        read("---\ntitle: [unclosed\n---\n\nText.", name="bad.md")
    assert str(caught.value).startswith("bad.md:")
    assert "front matter is not valid YAML" in str(caught.value)


def test_markdown_lists_nesting_and_lead_in() -> None:
    document = read(
        """
        Done this week:

        - first
          - detail one
          - detail two
        - second

        1. one
        2. two
        """,
        name="n.md",
    )
    assert lists_of(document) == [
        ("bullet", "Done this week:", ["first", "second"]),
        ("bullet", "first", ["detail one", "detail two"]),
        ("numbered", None, ["one", "two"]),
    ]


def test_plain_text_conventions_still_apply_in_markdown() -> None:
    document = read(
        """
        Weeknote 12.22

        Highlights

        • one
        • two
        """,
        name="n.md",
    )
    assert outline(document) == [("Highlights", "went_well")]
    assert lists_of(document) == [("bullet", None, ["one", "two"])]


def test_markdown_quotes_code_and_scripts_are_not_structure() -> None:
    document = read(
        """
        # Title

        > Short quoted line

        Some text.

        ```
        Code line
        ```

        <script>alert("x")</script>

        More text.
        """,
        name="n.md",
    )
    texts = [b.text for s in document.notes[0].sections for b in s.blocks if b.type == "paragraph"]
    assert [s.heading for s in document.notes[0].sections] == [None]
    assert "Short quoted line" in texts
    assert not any("alert" in t for t in texts)


def test_markdown_links_reference_links_and_footnotes() -> None:
    document = read(
        """
        # Title

        See [the guide][guide] and <https://example.org/auto>. A claim.[^1]

        [guide]: https://example.org/guide

        [^1]: The source.
        """,
        name="n.md",
    )
    note = document.notes[0]
    assert [link.url for link in note.links] == [
        "https://example.org/guide",
        "https://example.org/auto",
    ]
    assert [(f.marker, f.text) for f in note.footnotes] == [("[1]", "The source.")]


def test_markdown_spans_point_at_source_lines() -> None:
    document = read("---\ntitle: T\n---\n\n## Part\n\nText here.\n", name="n.md")
    section = document.notes[0].sections[0]
    assert (section.heading, section.span) == ("Part", (4, 7))


# -- HTML ---------------------------------------------------------------------------------------
PAGE = """
<html><head><title>Site</title>
<meta property="article:published_time" content="2021-06-11T09:00:00Z"></head>
<body><header><p>My site</p><nav><a href="/">Home</a></nav></header>
<main><article>
<h1 class="entry-title">Weeknote 243</h1>
<div class="entry-content">
<p>The week in brief, with <a href="https://example.org/x">a link</a>.</p>
<h2>Next week</h2>
<ul><li>One</li><li>Two<ul><li>Two point one</li></ul></li></ul>
</div>
<div class="sharedaddy">Share this: Twitter</div>
</article></main>
<footer><p>&copy; 2021 Me</p></footer></body></html>
"""


def test_html_post_content_chrome_and_date() -> None:
    document = read(PAGE, name="p.html")
    note = document.notes[0]
    assert document.chrome == ["My site", "Home", "Share this: Twitter", "© 2021 Me"]
    assert note.title == "Weeknote 243"
    assert note.published == D("2021-06-11")
    assert note.week is not None
    assert (note.week.kind.value, note.week.number, note.week.start) == (
        "counter", 243, D("2021-06-07"),
    )  # fmt: skip
    assert outline(document) == [(None, "intro"), ("Next week", "next_week")]
    assert lists_of(document) == [
        ("bullet", None, ["One", "Two"]),
        ("bullet", "Two", ["Two point one"]),
    ]
    assert [link.url for link in note.links] == ["https://example.org/x"]


def test_html_json_ld_date() -> None:
    page = (
        '<html><head><script type="application/ld+json">{"datePublished": "2020-05-15"}'
        "</script></head><body><article><h1>A week</h1><p>Text.</p></article></body></html>"
    )
    assert read(page, name="p.html").notes[0].published == D("2020-05-15")


def test_html_archive_page_gives_notes_in_page_order() -> None:
    page = "".join(
        f'<article class="post"><h2 class="entry-title">Weeknote {n}.22</h2><p>Text.</p></article>'
        for n in (12, 11, 10)
    )
    document = read(f"<html><body><h1>Archive</h1>{page}</body></html>", name="a.html")
    assert [n.title for n in document.notes] == [
        "Weeknote 12.22",
        "Weeknote 11.22",
        "Weeknote 10.22",
    ]
    assert document.chrome == ["Archive"]


def test_html_text_density_fallback() -> None:
    page = (
        "<html><body><div class='menu'><a href='/'>Home</a></div>"
        "<div class='x'><h2>Weeknote 5.2021</h2><p>A long paragraph of the week's text.</p>"
        "<p>Another paragraph.</p></div></body></html>"
    )
    note = read(page, name="p.html").notes[0]
    assert note.title == "Weeknote 5.2021"


def test_html_charset_declaration_is_honoured() -> None:
    page = (
        '<html><head><meta charset="iso-8859-1"></head>'
        "<body><article><h1>Caf\xe9</h1><p>x</p></article></body></html>"
    )
    source = read_input(page.encode("latin-1"), name="p.html", path="p.html")
    assert source.location.encoding == "iso8859-1"
    assert Parser().parse_input(source).notes[0].title == "Café"


# -- feeds --------------------------------------------------------------------------------------
RSS = """<?xml version="1.0"?>
<rss version="2.0"><channel><title>Team notes</title>
<item><title>Weeknote 2.2022</title><pubDate>Fri, 14 Jan 2022 16:00:00 GMT</pubDate>
<description>Only a summary.</description></item>
<item><title>Weeknote 1.2022</title><pubDate>Fri, 07 Jan 2022 16:00:00 GMT</pubDate>
<description>Also a summary.</description></item>
</channel></rss>"""


def test_feed_entries_are_notes_with_dates_and_summary_warnings() -> None:
    document = read(RSS, name="f.xml")
    assert document.chrome == ["Team notes"]
    assert [(n.title, n.published) for n in document.notes] == [
        ("Weeknote 2.2022", D("2022-01-14")),
        ("Weeknote 1.2022", D("2022-01-07")),
    ]
    assert [w.code for w in document.warnings] == ["summary-only", "summary-only"]


@pytest.mark.parametrize(
    "head",
    [
        "<rss version='2.0'><channel><title>Team notes</title>"
        "<description>What the team did</description>",
        "<feed xmlns='http://www.w3.org/2005/Atom'><title>Team notes</title>"
        "<subtitle>What the team did</subtitle>",
    ],
)
def test_a_feeds_title_and_description_are_chrome(head: str) -> None:
    close = "</channel></rss>" if head.startswith("<rss") else "</feed>"
    entry = (
        "<item><title>Weeknote 2.2022</title><description>Text.</description></item>"
        if head.startswith("<rss")
        else "<entry><title>Weeknote 2.2022</title><summary>Text.</summary></entry>"
    )
    document = read(head + entry + close, name="f.xml")
    assert document.chrome == ["Team notes", "What the team did"]
    assert [n.title for n in document.notes] == ["Weeknote 2.2022"]


def test_not_a_feed_is_an_error() -> None:
    with pytest.raises(InputError, match="not a readable RSS or Atom feed"):
        read("Just some words, not a feed at all.", name="f.xml")


# -- file names, URLs and encodings ---------------------------------------------------------------
@pytest.mark.parametrize(
    ("name", "start", "source"),
    [
        ("notes/2019-06-14-weeknotes.md", "2019-06-10", "file_name"),
        ("weeknotes/2024-40.md", "2024-09-30", "file_name"),
        ("site/2018/16/index.md", "2018-04-16", "file_name"),
        ("2023-w07.md", "2023-02-13", "file_name"),
    ],
)
def test_file_name_places_a_note_without_a_designation(name: str, start: str, source: str) -> None:
    week = read("A quiet week\n\nText.", name=name).notes[0].week
    assert week is not None
    assert (week.start, week.year_source.value if week.year_source else None) == (D(start), source)


def test_file_name_date_gives_a_missing_year() -> None:
    week = read("Weeknote w/c 10 June\n\nText.", name="2019-06-14-note.txt").notes[0].week
    assert week is not None
    assert (week.start, week.year_source) == (D("2019-06-10"), YearSource.FILE_NAME)


def test_url_path_is_evidence() -> None:
    document = read(
        "A quiet week\n\nText.", name="x.txt", url="https://blog.example/2020/05/15/a-quiet-week/"
    )
    week = document.notes[0].week
    assert week is not None
    assert (week.start, week.year_source) == (D("2020-05-11"), YearSource.URL)
    assert document.source.url == "https://blog.example/2020/05/15/a-quiet-week/"


def test_cr_line_endings_and_utf16() -> None:
    data = "Weeknote 3.2021\r\rHello.\r".encode("utf-16")
    source = read_input(data, name="w.txt", path="w.txt")
    document = Parser().parse_input(source)
    week = document.notes[0].week
    assert (source.location.encoding, week and week.iso_week) == ("utf-16", 3)


def test_encoding_option_decodes_other_encodings() -> None:
    data = "Weeknote 3.2021\n\nCaf\xe9.".encode("latin-1")
    with pytest.raises(InputError, match="byte offset 20"):
        read_input(data, name="w.txt", path="w.txt")
    source = read_input(data, name="w.txt", path="w.txt", encoding="latin-1")
    paragraph = Parser().parse_input(source).notes[0].sections[0].blocks[0]
    assert (source.location.encoding, getattr(paragraph, "text", None)) == ("iso8859-1", "Café.")


def test_reading_text_does_not_import_the_heavy_parsers(tmp_path: Path) -> None:
    note = tmp_path / "note.txt"
    note.write_text("Weeknote 3.2021\n\nHello.\n", encoding="utf-8")
    script = (
        "import sys, weeknote_parser as w; w.parse_file(sys.argv[1]); "
        "print(sorted(m for m in ('lxml', 'feedparser', 'markdown_it', 'yaml', 'mdit_py_plugins')"
        " if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(note)], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


@pytest.mark.parametrize("page", ["", "\n\n", "<!-- only a comment -->", "<html></html>"])
def test_empty_pages_give_no_notes(page: str) -> None:
    assert read(page, name="p.html").notes == []


def test_html_subsections_and_definition_terms_head_sections() -> None:
    page = (
        "<html><body><article><h1>Weeknote 10.2024</h1><h2>Highlights</h2>"
        "<h3>A new website</h3><p>It is live.</p><h2>Projects</h2>"
        "<dl><dt><strong>The map</strong></dt><dd>Editing together now works.</dd>"
        "<dt>The shed</dt><dd>Painted.</dd></dl></article></body></html>"
    )
    note = read(page, name="p.html").notes[0]
    assert [(s.heading, s.kind.value) for s in note.sections] == [
        ("Highlights", "went_well"),
        ("A new website", "went_well"),
        ("Projects", "other"),
        ("The map", "other"),
        ("The shed", "other"),
    ]


def test_a_long_definition_term_is_text() -> None:
    term = "A term that runs on for a long while " * 4
    page = (
        "<html><body><article><h1>Weeknote 10.2024</h1><p>Intro.</p>"
        f"<dl><dt>{term}</dt><dd>Its description.</dd></dl></article></body></html>"
    )
    note = read(page, name="p.html").notes[0]
    assert [s.heading for s in note.sections] == [None]


def test_a_feed_description_given_as_html_is_plain_text() -> None:
    feed = (
        "<rss version='2.0'><channel><title>Team &amp; co</title><description>&lt;p&gt;What "
        "&lt;b&gt;we&lt;/b&gt; did&lt;/p&gt;</description><item><title>Weeknote 2.2022</title>"
        "<description>Text.</description></item></channel></rss>"
    )
    assert read(feed, name="f.xml").chrome == ["Team & co", "What we did"]


def test_a_definition_term_takes_the_kind_of_the_heading_above_it() -> None:
    page = (
        "<html><body><article><h1>Weeknote 10.2024</h1><h2>Reading</h2><dl><dt>Dune</dt>"
        "<dd>Good.</dd><dt>Emma</dt><dd>Fine.</dd></dl><h2>Projects</h2><dl><dt>Reading"
        "</dt><dd>A list.</dd><dt>The shed</dt><dd>Painted.</dd></dl></article></body></html>"
    )
    note = read(page, name="p.html").notes[0]
    assert [(s.heading, s.kind.value) for s in note.sections] == [
        ("Reading", "reading"),
        ("Dune", "reading"),
        ("Emma", "reading"),
        ("Projects", "other"),
        ("Reading", "reading"),
        ("The shed", "other"),  # a sibling term, not a subsection of the one before
    ]


@pytest.mark.parametrize("key", ["date", "pubDatetime", "pubDate", "publishDate", "published"])
def test_front_matter_dates_under_the_names_site_generators_use(key: str) -> None:
    text = f"---\ntitle: Week notes 10\n{key}: 2025-04-27T00:00:10Z\n---\n\nA busy week.\n"
    note = read(text, name="n.md").notes[0]
    assert note.published == D("2025-04-27")
    assert note.week is not None and note.week.start == D("2025-04-21")  # the count is no week


def test_markdown_links_to_pages_of_the_same_site_are_links() -> None:
    text = (
        "# Weeknote 10.2024\n\nSee [last week](/blog/w9/), [top](#top) and [x](HTTPS://E.ORG/a).\n"
    )
    note = read(text, name="n.md").notes[0]
    assert [(link.url, link.text) for link in note.links] == [
        ("/blog/w9/", "last week"),
        ("HTTPS://E.ORG/a", "x"),
    ]
