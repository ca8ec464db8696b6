"""The HTML reader on hostile pages: no traceback, no content silently lost, no recursion."""

from __future__ import annotations

import datetime as dt
import math
import time

import pytest

from weeknote_parser import Document, ListBlock, Paragraph, parse
from weeknote_parser.lines import Line
from weeknote_parser.readers.html import (
    MAX_DEPTH,
    MAX_LIST_DEPTH,
    _outside,
    _parse,
    _posts,
    _without_backrefs,
    fragment_lines,
    read_html,
)


def html(page: str) -> Document:
    return parse(page, format="html")


def texts(document: Document) -> list[str]:
    """Every paragraph's text and every list item's text, in order."""
    found: list[str] = []
    for note in document.notes:
        for section in note.sections:
            for block in section.blocks:
                if isinstance(block, Paragraph):
                    found.append(block.text)
                elif isinstance(block, ListBlock):
                    found.extend(item.text for item in block.items)
    return found


def everything(document: Document) -> list[str]:
    """Titles, texts and chrome: all a document kept."""
    return [str(note.title) for note in document.notes] + texts(document) + document.chrome


def lines(page: str) -> list[str]:
    """The page's lines, list items written as the Markdown they stand for."""
    return [_shown(line) for line in read_html(page).lines if line.stripped]


def _shown(line: Line) -> str:
    if line.role == "footnote" and line.number is not None:
        return f"[{line.number}] {line.text}"
    if line.role != "list_item":
        return line.text
    marker = f"{line.number}." if line.ordered else "-"
    return f"{'  ' * (line.level - 1)}{marker} {line.text}"


def codes(document: Document) -> list[str]:
    return [warning.code for warning in document.warnings]


# -- numbers: ASCII digits only, of a sensible length -------------------------------------------
@pytest.mark.parametrize("start", ["\u00b2", "\u0663", "1" + "0" * 5000, "-2", "x", ""])
def test_a_list_start_that_is_no_plain_number_starts_at_one(start: str) -> None:
    assert lines(f'<ol start="{start}"><li>a</li><li>b</li></ol>') == ["1. a", "2. b"]


def test_a_plain_list_start_is_kept() -> None:
    assert lines('<ol start=" 7 "><li>a</li><li>b</li></ol>') == ["7. a", "8. b"]


@pytest.mark.parametrize("number", ["\u00b2", "1" * 5000])
def test_footnote_numbers_are_short_ascii_numbers(number: str) -> None:
    page = f'<p>Text<a href="#fn{number}">[{number}]</a>.</p><ol><li id="fn{number}">Note</li></ol>'
    assert lines(page) == [f"Text[{number}].", "1. Note"]
    assert lines('<p>Text<a href="#fn2">[2]</a>.</p><ol><li id="fn2">Note</li></ol>') == [
        "Text[2].",
        "[2] Note",
    ]


# -- metadata ------------------------------------------------------------------------------------
def test_json_ld_nested_too_deeply_is_ignored() -> None:
    page = (
        '<html><head><script type="application/ld+json">'
        + "[" * 100_000
        + "</script></head><body><p>x</p></body></html>"
    )
    assert texts(html(page)) == ["x"]


def _dated(kind: str, value: str) -> str:
    body = "<article><h1>Week</h1><p>Some text.</p></article>"
    if kind == "meta":
        head = f'<meta property="article:published_time" content="{value}">'
    elif kind == "json-ld":
        head = f'<script type="application/ld+json">{{"datePublished": "{value}"}}</script>'
    else:
        head = ""
        body = f'<article><h1>Week</h1><time datetime="{value}">then</time><p>Text.</p></article>'
    return f"<html><head>{head}</head><body>{body}</body></html>"


@pytest.mark.parametrize("kind", ["meta", "json-ld", "time"])
@pytest.mark.parametrize("value", ["9999-12-31", "0001-01-01", "0000-01-01", "2023-02-30"])
def test_a_page_date_out_of_range_is_ignored_with_a_warning(kind: str, value: str) -> None:
    document = html(_dated(kind, value))
    assert len(document.notes) == 1
    assert document.notes[0].week is None
    assert document.notes[0].published is None
    assert codes(document) == ["invalid-date"]
    assert value in document.warnings[0].message


@pytest.mark.parametrize("kind", ["meta", "json-ld", "time"])
def test_a_page_date_in_range_still_places_the_note(kind: str) -> None:
    document = html(_dated(kind, "2023-03-08"))
    week = document.notes[0].week
    assert week is not None
    assert week.start == dt.date(2023, 3, 6)
    assert codes(document) == []


# -- depth and size ------------------------------------------------------------------------------
def _deep(depth: int, tag: str = "div") -> str:
    return (
        "<html><body>"
        + f"<{tag}>" * depth
        + "<p>Weeknote 12.22</p><p>Some text.</p>"
        + f"</{tag}>" * depth
        + "<p>After.</p></body></html>"
    )


@pytest.mark.parametrize("depth", [256, 2000])
def test_deep_pages_are_read_whole(depth: int) -> None:
    document = html(_deep(depth))
    assert [note.title for note in document.notes] == ["Weeknote 12.22"]
    assert texts(document) == ["Some text."]
    assert document.chrome == ["After."]  # beside the post
    assert codes(document) == []


@pytest.mark.parametrize("depth", [3000, 20_000])
def test_pages_deeper_than_the_parser_holds_are_flattened_with_a_warning(depth: int) -> None:
    document = html(_deep(depth))
    assert [note.title for note in document.notes] == ["Weeknote 12.22"]
    assert (texts(document), document.chrome) == (["Some text."], ["After."])
    assert codes(document) == ["content-truncated"]
    assert str(MAX_DEPTH) in document.warnings[0].message


@pytest.mark.parametrize("tag", ["span", "blockquote", "section", "em"])
def test_deep_nesting_of_any_element_raises_no_recursion_error(tag: str) -> None:
    for depth in (1500, 5000):
        document = html(_deep(depth, tag))
        kept = " ".join(everything(document))
        assert "Some text." in kept
        assert "After." in kept


def test_deep_lists_are_read_to_a_bounded_depth_with_a_warning() -> None:
    depth = MAX_LIST_DEPTH + 50
    page = "<html><body>" + "<ul><li>item" * depth + "</li></ul>" * depth + "</body></html>"
    source = read_html(page)
    items = [line for line in source.lines if line.stripped]
    assert len(items) == depth
    assert max(line.level for line in items) == MAX_LIST_DEPTH + 1
    assert [w.code for w in source.warnings] == ["content-truncated"]


def test_deep_tables_keep_every_cell_once() -> None:
    depth = 1500  # three elements a level: flattened past MAX_DEPTH
    page = "<html><body>" + "<table><tr><td>c" * depth + "</td></tr></table>" * depth
    found = lines(page + "</body></html>")
    assert " ".join(found).split() == ["c"] * depth


def test_a_text_of_more_than_ten_megabytes_is_kept() -> None:
    words = 2_010_000  # 10,050,000 characters: past libxml2's limit without huge_tree
    source = read_html("<article><h1>W</h1><p>" + "word " * words + "</p></article>")
    assert sum(len(line.text) for line in source.lines) == len("W") + 5 * words - 1
    assert source.warnings == ()


def test_a_lone_surrogate_does_not_end_the_page() -> None:
    assert lines("<p>a\ud800b</p><p>after</p>") == ["a\ufffdb", "after"]


def test_what_the_parser_cannot_read_is_reported() -> None:
    # Deeper than MAX_DEPTH and flattened: the depth is gone but nothing is lost.
    fragment = "<div>" * 3000 + "<p>deep</p>" + "</div>" * 3000 + "<p>after</p>"
    heard: list[tuple[str, str]] = []
    found = [
        line.text for line in fragment_lines(fragment, lambda *w: heard.append(w)) if line.text
    ]
    assert found == ["deep", "after"]
    assert [code for code, _ in heard] == ["content-truncated"]


def test_the_parser_reads_no_entities_and_no_files() -> None:
    page = (
        '<!DOCTYPE html [<!ENTITY x SYSTEM "file:///etc/hostname">'
        '<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        "<html><body><p>[&x;] [&b;]</p></body></html>"
    )
    assert "[&x;] [&b;]" in lines(page)


# -- nothing silently dropped --------------------------------------------------------------------
@pytest.mark.parametrize(
    ("page", "expected"),
    [
        ("<dl><dt>Term</dt><dd><div>In a definition</div></dd></dl>", "In a definition"),
        ("<div><p>a</p><span><div>In a span</div></span></div>", "In a span"),
        ("<h2>Heading <div>In a heading</div></h2><p>x</p>", "In a heading"),
        ("<ul>Loose in a list<li>a</li></ul>", "Loose in a list"),
        ("<ul><li>a</li><div>A block in a list</div></ul>", "A block in a list"),
        ("<ul><li>a</li></ul><ul><li>b</li>After an item</ul>", "After an item"),
        ("<table><caption>The caption</caption><tr><td>a</td></tr></table>", "The caption"),
    ],
)
def test_text_in_unusual_places_is_kept(page: str, expected: str) -> None:
    assert any(expected in line for line in lines(f"<html><body><main>{page}</main></body></html>"))


def test_paragraphs_inside_an_item_are_set_apart() -> None:
    assert lines("<main><ul><li><p>one</p><p>two</p></li></ul></main>") == ["- one two"]


def test_comments_are_not_text() -> None:
    assert lines("<main><p>a<!-- hidden -->b</p></main>") == ["ab"]


def test_a_table_in_a_cell_gives_its_own_rows_once() -> None:
    page = "<main><table><tr><td>a<table><tr><td>b</td><td>c</td></tr></table></td></tr></table>"
    assert lines(page + "</main>") == ["a", "b | c"]


def test_text_around_the_post_content_is_chrome() -> None:
    page = (
        '<article><h1>W</h1><p class="posted">Posted by me</p>'
        '<div class="entry-content"><p>x</p></div><p>A closing line</p></article>'
    )
    document = html(page)
    assert texts(document) == ["x"]
    assert document.chrome == ["Posted by me", "A closing line"]


def test_a_page_that_is_all_post_has_no_chrome() -> None:
    document = html("<html><body><span>Hello</span> world</body></html>")
    assert document.chrome == []


def test_scripts_among_text_keep_the_text_around_them() -> None:
    count = 20_000
    assert lines("<main><p>" + "w<script>x</script>" * count + "</p></main>") == ["w" * count]


# -- linear time where the whole page's cost hides it ----------------------------------------
def test_finding_the_posts_and_what_is_outside_them_takes_linear_time() -> None:
    # On an archive page the posts' own reading is the larger cost; these walks are timed
    # alone, so a cost that grows with the square of the number of posts shows.
    def cpu_time(posts: int) -> float:
        page = "<html><body>" + '<div class="post">x</div>' * posts
        root = _parse(page + "<p>After.</p></body></html>", [])
        assert root is not None
        best = math.inf
        for _ in range(3):
            start = time.process_time()
            found = _posts(root)
            before, after = _outside(root, found)
            best = min(best, time.process_time() - start)
        assert (len(found), len(before), len(after)) == (posts, 0, 1)
        return best

    cpu_time(10)
    assert cpu_time(16_000) <= 64 * cpu_time(1_000)


def test_footnote_back_links_are_taken_off_in_linear_time() -> None:
    assert lines('<ol><li id="fn3">A note. ↩︎ ↩︎</li></ol>') == ["[3] A note."]

    def cpu_time(count: int) -> float:
        text = "A note" + " ↩" * count + " that goes on."
        start = time.process_time()
        assert _without_backrefs(text) == text
        assert _without_backrefs(text + " ↩︎ ") == text
        return time.process_time() - start

    cpu_time(10)
    assert cpu_time(320_000) <= 64 * max(cpu_time(20_000), 1e-3)
