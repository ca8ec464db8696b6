"""Inputs that once broke the parser, each with the outcome it must have now.

Every case is parsed under the same rules (see tests/test_reproducers.py): it finishes within
a time bound, raises nothing but a WeeknoteError, fetches and opens nothing, and its JSON is
written. Some cases also say what the result must hold; the ``Scaling`` cases must grow no
faster than a little over linearly with the size of their input.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from weeknote_parser import Document, parse, to_json

# The warning a reader records when it keeps only part of an over-large input.
TRUNCATED = "content-truncated"


@dataclass(frozen=True, slots=True)
class Case:
    """``run`` builds the input and parses it; ``expect`` (if any) checks the result, and
    then a WeeknoteError is not enough: a Document must come back. ``pending`` says why the
    case still fails (the test is then expected to fail, strictly)."""

    run: Callable[[], Document]
    expect: Callable[[Document], None] | None = None
    pending: str | None = None


@dataclass(frozen=True, slots=True)
class Scaling:
    """``run(size)`` parses an input of that size; ``sizes`` are the smallest and biggest."""

    run: Callable[[int], Document]
    sizes: tuple[int, int]
    pending: str | None = None


def _markdown(front_matter: str) -> Document:
    return parse(f"---\n{front_matter}\n---\n\nx\n", format="markdown")


def _toml(front_matter: str) -> Document:
    return parse(f"+++\n{front_matter}\n+++\n\nx\n", format="markdown")


def _yaml_bomb(names: str) -> str:
    rows = ["a: &a [x,x,x,x,x,x,x,x,x]"]
    rows += [f"{c}: &{c} [" + ",".join([f"*{p}"] * 9) + "]" for p, c in zip(names, names[1:])]  # noqa: B905, RUF007
    return "\n".join(rows)


def _expanded_or_truncated(document: Document) -> None:
    """Every one of the 9**6 'x' of the expanded aliases is in the JSON, or a warning says
    that part was dropped; the note itself is there either way."""
    assert document.notes, "the note after the front matter is lost"
    codes = {w.code for w in document.warnings}
    kept = to_json(document).count(b'"x"') >= 9**6
    assert kept or TRUNCATED in codes or "front-matter-ignored" in codes, codes


def _note_found(document: Document) -> None:
    titles = [note.title for note in document.notes]
    assert any(title and "12.22" in title for title in titles), (titles, document.warnings)
    text = to_json(document)
    assert b"text" in text


WORDS = 2_100_000


def _text_kept(document: Document) -> None:
    kept = to_json(document).count(b"word")
    codes = {w.code for w in document.warnings}
    assert kept >= WORDS or TRUNCATED in codes, (kept, codes)


def _feed(entries: str) -> str:
    return f'<feed xmlns="http://www.w3.org/2005/Atom">{entries}</feed>'


# The input of each case is built as in the one-line reproducer of the same name.
CASES: dict[str, Case] = {
    "ssrf": Case(
        lambda: parse("http://127.0.0.1:8765/x.xml", format="feed"),
    ),
    "localread": Case(
        lambda: parse("examples/feeds/team-rss.xml", format="feed"),
    ),
    "fileurl": Case(lambda: parse("file://examples/feeds/team-rss.xml", format="feed")),
    "tarpit": Case(
        lambda: parse("http://127.0.0.1:8766/", format="feed"),
    ),
    "yamlbomb6": Case(lambda: _markdown(_yaml_bomb("abcdef")), expect=_expanded_or_truncated),
    "yamlbomb9": Case(
        lambda: _markdown(_yaml_bomb("abcdefghi")),
    ),
    "bigint": Case(
        lambda: _markdown("x: 18446744073709551616"),
    ),
    "surrogate": Case(lambda: parse("\udcff")),
    "date-max-fm": Case(lambda: _markdown("date: 9999-12-31")),
    "date-min-fm": Case(lambda: _markdown("date: 0001-01-01")),
    "date-max-html": Case(
        lambda: parse(
            '<html><head><meta property="article:published_time" content="9999-12-31">'
            "</head><body><article><h1>W</h1><p>x</p></article></body></html>",
            format="html",
        ),
    ),
    "date-max-feed": Case(
        lambda: parse(
            _feed("<entry><title>W</title><updated>9999-12-31T00:00:00Z</updated></entry>"),
            format="feed",
        ),
    ),
    "feed-year0": Case(
        lambda: parse(
            _feed("<entry><title>W</title><updated>0000-01-01T00:00:00Z</updated></entry>"),
            format="feed",
        ),
    ),
    "published-max": Case(
        lambda: parse("Weeknote 12\n\nx\n", published=dt.date(9999, 12, 31)),
    ),
    "rec-text-list": Case(
        lambda: parse("".join(" " * i + "- x\n" for i in range(1000))),
    ),
    "rec-yaml-alias": Case(lambda: _markdown("a: &a [*a]")),
    "rec-yaml-deep": Case(
        lambda: _markdown("a: " + "[" * 1000 + "]" * 1000),
    ),
    "rec-toml-deep": Case(
        lambda: _toml("a = " + "[" * 1000 + "]" * 1000),
    ),
    "rec-jsonld": Case(
        lambda: parse(
            '<html><head><script type="application/ld+json">'
            + "[" * 100000
            + "</script></head><body><p>x</p></body></html>",
            format="html",
        ),
    ),
    "ol-superscript": Case(
        lambda: parse('<ol start="\u00b2"><li>a</li></ol>', format="html"),
    ),
    "int-4300": Case(
        lambda: _markdown("x: 1" + "0" * 5000),
    ),
    "feed-keyerror-links": Case(
        lambda: parse("<channel<item<link</item</link>", format="feed"),
    ),
    "feed-keyerror-tags": Case(
        lambda: parse("<item<category>m</item</category>", format="feed"),
    ),
    "feed-unpack": Case(
        lambda: parse('<r v="" xmlns:content="u\u2028/"><content:d>', format="feed"),
    ),
    "feed-nul-encoding": Case(
        lambda: parse('<?xml version="1.0" encoding="UTF-8\x00"?><rss/>', format="feed"),
    ),
    "url-ipv6": Case(
        lambda: parse("x", source_url="http://[::1"),
    ),
    "html-depth": Case(
        lambda: parse(
            "<html><body>"
            + "<div>" * 256
            + "<p>Weeknote 12.22</p><p>text</p>"
            + "</div>" * 256
            + "</body></html>",
            format="html",
        ),
        expect=_note_found,
    ),
    "html-10mb-text": Case(
        lambda: parse("<article><h1>W</h1><p>" + "word " * WORDS + "</p></article>", format="html"),
        expect=_text_kept,
    ),
}


def _html_posts(n: int) -> Document:
    post = '<div class="post"><h2>W</h2><p>x</p></div>'
    return parse("<html><body>" + post * n + "</body></html>", format="html")


def _feed_entries(n: int) -> Document:
    item = "<item><title>W</title><description>" + "x" * 200 + "</description></item>\n"
    return parse('<rss version="2.0"><channel>' + item * n + "</channel></rss>", format="feed")


def _text_archive(n: int) -> Document:
    return parse("Weeknote w/c 5 November\n\ntext\n\n" * n)


def _html_nav(n: int) -> Document:
    links = "".join(f'<a href="/{i}">Link {i}</a>' for i in range(n))
    page = f"<html><body><nav>{links}</nav><article><h1>W</h1><p>x</p></article></body></html>"
    return parse(page, format="html")


def _html_chrome(n: int) -> Document:
    content = '<article><h1>W</h1><div class="entry-content"><p>x</p></div>'
    chrome = '<div class="share">s</div>' * n
    return parse(f"<html><body>{content}{chrome}</article></body></html>", format="html")


def _toml_redos(n: int) -> Document:
    return _toml('s = """\na = 1' + " " * n + 'x\n"""')


FEED_OPENS = "feedparser is handed the text, and tries it as a file name or URL first"
SCALING: dict[str, Scaling] = {
    "tomlredos": Scaling(_toml_redos, (250, 4000)),
    # Past 10000 posts this grows faster than n ** 1.3; up to 8000 it does not.
    "quad-html-posts": Scaling(_html_posts, (250, 4000)),
    "quad-feed-entries": Scaling(_feed_entries, (250, 4000)),
    # Its quadratic part is small: it shows only past a few thousand notes.
    "quad-text-archive": Scaling(_text_archive, (500, 8000)),
    "quad-html-nav": Scaling(_html_nav, (250, 4000)),
    "quad-html-chrome": Scaling(_html_chrome, (250, 4000)),
}
