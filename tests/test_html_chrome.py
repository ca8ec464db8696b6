"""Site furniture in HTML pages: how a theme's menus, footers, cards and post headers read."""

from __future__ import annotations

from weeknote_parser import Document, ParseOptions, Parser
from weeknote_parser.readers import read_input

from .conftest import TODAY


def page(body: str, title: str = "Weeknote 10.2024") -> Document:
    html = f"<html><head><title>{title}</title></head><body>{body}</body></html>"
    source = read_input(html.encode(), name="p.html", path="p.html")
    return Parser(ParseOptions(today=TODAY)).parse_input(source)


POST = "<article><h1>Weeknote 10.2024</h1><p>We mended the fence this week.</p></article>"


def test_links_side_by_side_in_a_menu_are_items_of_their_own() -> None:
    doc = page('<nav><div class="menu"><a href="/">Home</a><a href="/about">About me</a></div>'
               "</nav>" + POST)  # fmt: skip
    assert doc.chrome == ["Home", "About me"]


def test_a_menu_toggle_is_not_a_task_box() -> None:
    doc = page('<header><nav><input type="checkbox" id="t"><label for="t"></label>'
               '<a href="/">Home</a></nav></header>' + POST)  # fmt: skip
    assert doc.chrome == ["Home"]


def test_a_footer_of_inline_parts_is_the_one_line_it_shows() -> None:
    doc = page(POST + "<footer><span>© 2024 Sam</span> · <span>Powered by "
               '<a href="https://example.org/">a generator</a></span></footer>')  # fmt: skip
    assert doc.chrome == ["© 2024 Sam · Powered by a generator"]


def test_cards_wrapped_in_links_read_block_by_block_and_repeats_are_kept() -> None:
    card = (
        '<a href="/w{n}"><div class="card"><h3>Weeknote {n}.2024</h3><p><span>{n} May 2024'
        '</span></p><div class="summary">A week of {n} things...</div><div><h6>Read More</h6>'
        "</div></div></a>"
    )
    doc = page(POST + "<aside>" + card.format(n=11) + card.format(n=12) + "</aside>")
    assert doc.chrome == [
        "Weeknote 11.2024",
        "11 May 2024",
        "A week of 11 things...",
        "Read More",
        "Weeknote 12.2024",
        "12 May 2024",
        "A week of 12 things...",
        "Read More",
    ]
    assert len(doc.notes) == 1


def test_a_post_header_outside_the_article_opens_the_post() -> None:
    doc = page(
        '<header><nav><a href="/">Home</a></nav><div class="hero"><div class="post-heading">'
        "<h1>A week of fences</h1><span>8 March 2024</span></div></div></header>"
        "<article><p>We mended the fence this week.</p></article>",
        title="A week of fences",
    )
    note = doc.notes[0]
    assert (note.title, note.dateline) == ("A week of fences", "8 March 2024")
    assert doc.chrome == ["Home"]
    assert note.week is not None and note.week.start is not None
    assert note.week.start.isoformat() == "2024-03-04"


def test_a_heading_before_the_post_that_is_not_its_title_stays_chrome() -> None:
    doc = page(
        "<header><h1>My garden blog</h1><span>Notes from the allotment</span></header>"
        "<article><p>We mended the fence this week.</p></article>",
        title="A week of fences",
    )
    assert "My garden blog" in doc.chrome
    assert doc.notes[0].title == "A week of fences"


def test_what_the_page_hides_is_not_read() -> None:
    doc = page(
        '<nav><ol><li><a href="/">Home</a></li><li class="inline hidden"><a href="/w">Week'
        '</a></li><li class="hidden md:inline"><a href="/a">Archive</a></li></ol></nav>'
        "<article><h1>Weeknote 10.2024</h1><p>Shown.</p><p hidden>Not shown.</p>"
        '<p style="display: none">Nor this.</p><div class="d-none">Nor that.</div>'
        '<p>Also <span class="d-none d-md-inline">wide screens</span> shown.</p></article>'
    )
    assert doc.chrome == ["Home", "Archive"]
    texts = [b.text for s in doc.notes[0].sections for b in s.blocks if b.type == "paragraph"]
    assert texts == ["Shown.", "Also wide screens shown."]


def test_links_to_pages_of_the_same_site_are_links_of_the_note() -> None:
    doc = page(
        '<article><h1>Weeknote 10.2024</h1><p>See <a href="/blog/w9/">last week</a>, '
        '<a href="#top">the top</a>, <a href="javascript:void(0)">a script</a> and '
        '<a href="https://example.org/a">a page</a>.</p></article>'
    )
    assert [(link.url, link.text) for link in doc.notes[0].links] == [
        ("/blog/w9/", "last week"),
        ("https://example.org/a", "a page"),
    ]


def test_a_page_hidden_until_its_fonts_load_is_still_read() -> None:
    for body in (
        '<body style="visibility:hidden">' + POST + "</body>",
        '<body><div id="app" style="display:none">' + POST + "</div></body>",
    ):
        html = f"<html><head><title>Weeknote 10.2024</title></head>{body}</html>"
        source = read_input(html.encode(), name="p.html", path="p.html")
        note = Parser(ParseOptions(today=TODAY)).parse_input(source).notes[0]
        texts = [b.text for s in note.sections for b in s.blocks if b.type == "paragraph"]
        assert texts == ["We mended the fence this week."]


def test_a_post_headers_menu_and_repeated_title_stay_furniture() -> None:
    doc = page(
        '<header class="hero"><nav><a href="/">Home</a><a href="/about">About</a></nav>'
        "<h1>A week of fences</h1><h2>A week of fences</h2><p>March 10, 2024</p></header>"
        "<article><p>We mended the fence this week.</p></article>",
        title="A week of fences",
    )
    assert [(n.title, n.dateline) for n in doc.notes] == [("A week of fences", "March 10, 2024")]
    assert doc.chrome == ["Home", "About", "A week of fences"]


def test_menu_links_parted_by_comments_or_marks_are_items_of_their_own() -> None:
    for nav in (
        '<nav><a href="/">Home</a><!-- menu --><a href="/b">Blog</a></nav>',
        '<nav><a href="/">Home</a> <span>|</span> <a href="/b">Blog</a><span>|</span></nav>',
    ):
        assert page(nav + POST).chrome == ["Home", "Blog"]
    assert page('<nav><a href="/">Home</a> and <a href="/b">Blog</a></nav>' + POST).chrome == [
        "Home and Blog"
    ]


def test_furniture_text_beside_a_block_is_kept() -> None:
    doc = page(
        POST + "<footer>Copyright 2024 Sam <span><div>Built with a generator</div></span> "
        "and care</footer><aside><div>Theme by Pat <div>Hosted here</div></div></aside>"
    )
    assert doc.chrome == [
        "Copyright 2024 Sam and care",
        "Built with a generator",
        "Theme by Pat",
        "Hosted here",
    ]
