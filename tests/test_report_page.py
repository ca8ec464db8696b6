"""The report page without a browser: self-contained, every week drawn, untrusted text
escaped wherever it goes."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from hypothesis import given, settings
from hypothesis import strategies as st

from weeknote_parser import Document, Note, Section, SectionKind, Source, parse
from weeknote_parser.models import ListBlock, ListItem, Paragraph
from weeknote_parser.series import build_series
from weeknote_parser.series.report import report_html

from .test_series_build import note


class Collect(HTMLParser):
    """The tags, attributes and text of a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def page_of(documents: list[Document]) -> tuple[str, Collect]:
    page = report_html(build_series(documents), documents)
    collected = Collect()
    collected.feed(page)
    return page, collected


def test_every_week_of_the_timeline_is_drawn_and_the_rest_of_the_year_greyed() -> None:
    documents = [
        note("# Weeknote 51.23\n\nOne.", "n/a.md"),
        note("# Weeknote 02.24\n\nTwo.", "n/b.md"),
    ]
    _, collected = page_of(documents)
    weeks = [
        attrs for tag, attrs in collected.tags if tag == "rect" and "week" in (attrs["class"] or "")
    ]
    assert [attrs["data-week"] for attrs in weeks] == [
        "2023-W51",
        "2023-W52",
        "2024-W01",
        "2024-W02",
    ]
    assert [attrs["class"] for attrs in weeks] == ["week w1", "week w0", "week w0", "week w1"]
    out = [attrs for tag, attrs in collected.tags if tag == "rect" and attrs["class"] == "out"]
    assert len(out) == 52 + 52 - 4  # both years have 52 ISO weeks


def test_the_page_loads_nothing_and_links_only_within_itself() -> None:
    text = "# Weeknote 10.24\n\nSee [the site](https://example.org/x) and https://example.com.\n"
    page, collected = page_of([note(text, "n/a.md")])
    for tag, attrs in collected.tags:
        assert "src" not in attrs, tag
        if "href" in attrs:
            assert (attrs["href"] or "").startswith("#"), attrs
    assert [tag for tag, _ in collected.tags].count("script") == 1
    assert "Content-Security-Policy" in page
    assert "default-src 'none'" in page
    assert "<link" not in page


def test_a_script_in_a_title_is_text() -> None:
    text = "Weeknote 10.24: <script>alert(1)</script>\n\n- <b onclick=x>bold</b> & more\n"
    page, collected = page_of([parse(text, path="n/a.txt")])
    assert page.count("<script") == 1  # the page's own
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<b onclick" not in page
    assert "Weeknote 10.24: <script>alert(1)</script>" in "".join(collected.text)


untrusted = st.lists(
    st.sampled_from([*"<>&\"'/= abc\u2028\u00a0", "</script>", "<!--", "]]>", "<b onclick=x>"]),
    min_size=1,
    max_size=12,
).map("".join)


@settings(max_examples=60, deadline=None)
@given(untrusted, untrusted, untrusted, untrusted)
def test_untrusted_text_never_makes_markup(
    title: str, heading: str, paragraph: str, item: str
) -> None:
    body = [
        Paragraph(text=paragraph, span=(1, 2)),
        ListBlock(
            style="bullet", lead_in=item, items=[ListItem(text=item, span=(2, 3))], span=(2, 3)
        ),
    ]
    section = Section(heading=heading, kind=SectionKind.OTHER, blocks=body, span=(1, 3))
    document = Document(
        source=Source(path=f"n/{title}.txt"),
        notes=[Note(title=title, sections=[section], span=(0, 3))],
    )
    page, collected = page_of([document])
    assert [tag for tag, _ in collected.tags].count("script") == 1
    tags = {tag for tag, _ in collected.tags}
    assert tags <= {
        "html", "head", "meta", "title", "style", "body", "header", "h1", "p", "section", "h2",
        "div", "span", "h3", "ol", "li", "br", "a", "button", "article", "h4", "h5", "em",
        "ul", "script", "svg", "rect", "table", "tr", "th", "td",
    }  # fmt: skip
    text = "".join(collected.text)
    for value in (title, heading, paragraph, item):
        assert " ".join(value.split()) in " ".join(text.split()) or value.strip() == ""
    assert re.search(r"<[a-z]+ on\w+=", page) is None
    assert html.escape(title) in page or title.strip() == ""


def test_a_two_week_note_is_shown_for_each_of_its_weeks() -> None:
    documents = [note("# Weeknotes 14-15, 2024\n\nTwo weeks of work.", "n/a.md")]
    _, collected = page_of(documents)
    [article] = [attrs for tag, attrs in collected.tags if tag == "article"]
    assert (article["data-weeks"] or "").split() == ["2024-W14", "2024-W15"]


def test_every_year_has_the_columns_of_a_53_week_year() -> None:
    documents = [
        note("# Weeknote 52.20\n\nOne.", "n/a.md"),  # 2020 has 53 ISO weeks, 2021 52
        note("# Weeknote 02.21\n\nTwo.", "n/b.md"),
    ]
    _, collected = page_of(documents)
    boxes = [attrs["viewbox"] for tag, attrs in collected.tags if tag == "svg"]
    assert boxes == ["0 0 742 20", "0 0 742 20"]
    weeks = [
        attrs["data-week"]
        for tag, attrs in collected.tags
        if tag == "rect" and "week" in (attrs["class"] or "")
    ]
    assert weeks == ["2020-W52", "2020-W53", "2021-W01", "2021-W02"]


def test_a_series_in_no_week_has_no_calendar_and_says_so() -> None:
    _, collected = page_of([note("# Thoughts on maps\n\nNo week named here.", "n/a.md")])
    assert not [tag for tag, _ in collected.tags if tag in ("svg", "rect")]
    assert not [attrs for _, attrs in collected.tags if attrs.get("class") == "legend"]
    summary = next(text for text in collected.text if text.startswith("1 note"))
    assert "in no week" in summary
    assert "· ·" not in summary
