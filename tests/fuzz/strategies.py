"""Hypothesis strategies that build weeknote-shaped inputs for each target.

Plain ``st.binary()`` finds little in a parser with a grammar; these build documents out of
the pieces weeknotes, front matter, HTML pages and feeds are made of -- titles, week codes,
dates at the ends of the calendar, YAML and TOML, tags, feed wrappers, deep nesting, digits
from other scripts, lone surrogates and control characters -- and then damage them a little
(cut, repeat, splice), so both well-formed and broken documents are tried.
"""

from __future__ import annotations

import codecs
import itertools

from hypothesis import strategies as st

from .targets import BYTE_FORMATS, FORMATS, Example, text_of

# Characters that have broken text handling somewhere: controls, separators, BOM, surrogates.
ODD = [
    "\x00",
    "\x0b",
    "\x0c",
    "\x1f",
    "\x7f",
    "\x85",
    "\r",
    "\r\n",
    "\t",
    "\u00a0",
    "\u200b",
    "\u2028",
    "\u2029",
    "\ufeff",
    "\ufffd",
    "\ud800",
    "\udcff",
    "\U0001f600",
    "\u0301",
]
# Digits that str.isdigit() accepts but int() may not: superscripts, other scripts, fullwidth.
DIGITS = ["²", "³", "¹", "٣", "۴", "३", "১", "๒", "１２", "②", "Ⅻ", "𝟘", "፩"]
DATES = [
    "9999-12-31",
    "0001-01-01",
    "0000-01-01",
    "2023-02-29",
    "2020-02-29",
    "2024-13-01",
    "2021-W53",
    "2020-W53-7",
    "2022-W00",
    "31/12/9999",
    "04/03/19",
    "5 November",
    "31 February",
    "Mon, 31 Dec 9999 23:59:59 GMT",
    "Sat, 01 Jan 0000 00:00:00 +0000",
    "Tue, 10 Jun 2003 04:00:00 GMT",
    "9999-12-31T23:59:59Z",
    "0000-01-01T00:00:00Z",
    "2024-05-03T10:00:00+14:00",
    "18446744073709551616",
    "-1",
]
TITLES = [
    "Weeknote 12.22",
    "Weeknote 53.21",
    "Weeknote 25.2022",
    "2022.3",
    "2021-W09",
    "Weeknote w/c 5 November: a subtitle",
    "Weeknotes w/c 10\u00a0September",
    "w/c 29 February 2023",
    "week ending 3 July",
    "July 8–12, 2019",
    "Week 53, 2020",
    "Week 12/52",
    "Weeknote 243",
    "S04 Ep2",
    "Weeknote ²",
    "Weeknote ٢٣.٢٢",
    "Weeknote １２.２２",
    "Weeknote 9999.9999",
    "Weeknote 1" + "0" * 30,
]
LINES = [
    "",
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
    "1. Listening more",
    "A paragraph with a link https://example.org/a). And more text.",
    "See http://[::1 and http://127.0.0.1:1/x.xml and file:///etc/hostname",
    "A sentence with a footnote marker. * Then more.",
    "[1] a numbered footnote",
    "« Older posts",
    "© 2024 Someone",
    "Category: Weeknotes",
    "Posted on 3 May 2024",
]


def _pick(items: list[str]) -> st.SearchStrategy[str]:
    return st.sampled_from(items)


small_text = st.text(max_size=12)
odd = _pick(ODD)
word = st.one_of(_pick(["x", "week", "notes", "W", "a b", "&amp;", "&#0;", "&#x110000;"]), odd)
title = st.one_of(_pick(TITLES), st.builds("{} {}".format, _pick(TITLES), _pick(DIGITS)))
date = st.one_of(_pick(DATES), st.builds("{}-{}-{}".format, _pick(DIGITS), _pick(DIGITS), word))
line = st.one_of(
    _pick(LINES),
    title,
    date,
    small_text,
    st.builds(str.__add__, _pick(LINES), odd),
    st.builds("{}{}{}".format, small_text, _pick(DIGITS), small_text),
)
depth = st.integers(min_value=0, max_value=1200)


def _lines(strategy: st.SearchStrategy[str], max_size: int = 30) -> st.SearchStrategy[str]:
    return st.lists(strategy, max_size=max_size).map("\n".join)


def _nested_list(depth: int) -> str:
    return "".join(" " * i + "- x\n" for i in range(depth))


def _archive(count: int) -> str:
    return "Weeknote w/c 5 November\n\ntext\n\n" * count


text_documents = st.one_of(
    _lines(line),
    st.builds(str.__add__, title, _lines(line)),
    depth.map(_nested_list),
    st.integers(0, 300).map(_archive),
)

# Front matter: YAML between '---' fences, TOML between '+++' fences.
YAML_VALUES = [
    "x",
    "[a, b]",
    "{a: 1}",
    "&a [x, x]",
    "*a",
    "&a [*a]",
    "!!binary aGVsbG8=",
    "!!python/object:os.system x",
    "!!float .nan",
    ".inf",
    "18446744073709551616",
    "1" + "0" * 5000,
    "0x_1",
    "? complex",
    "|\n  block\n  text",
    '"\\ud800"',
    '"\\x00"',
    "null",
    "~",
    "yes",
]
TOML_VALUES = [
    '"x"',
    "1",
    "18446744073709551616",
    "1" + "0" * 5000,
    "nan",
    "inf",
    "9999-12-31",
    "0001-01-01",
    "1979-05-27T07:32:00Z",
    "[1, 2]",
    "{a = 1}",
    '"""\na = 1' + " " * 200 + 'x\n"""',
    "'\\ud800'",
]
KEYS = ["title", "date", "week", "tags", "categories", "published", "updated", "slug", "x"]


def _yaml_bomb(levels: int) -> str:
    names = "abcdefghijklmnop"[: levels + 1]
    rows = [f"{names[0]}: &{names[0]} [x,x,x,x,x,x,x,x,x]"]
    rows += [f"{c}: &{c} [" + ",".join([f"*{p}"] * 9) + "]" for p, c in itertools.pairwise(names)]
    return "\n".join(rows)


yaml_row = st.one_of(
    st.builds("{}: {}".format, _pick(KEYS), st.one_of(_pick(YAML_VALUES), date, title)),
    st.builds("a: {}{}".format, depth.map("[".__mul__), depth.map("]".__mul__)),
    st.integers(0, 4).map(_yaml_bomb),
    small_text,
)
toml_row = st.one_of(
    st.builds("{} = {}".format, _pick(KEYS), st.one_of(_pick(TOML_VALUES), date)),
    st.builds("a = {}{}".format, depth.map("[".__mul__), depth.map("]".__mul__)),
    st.builds('{} = "{}"'.format, _pick(KEYS), title),
    small_text,
)
front_matter = st.one_of(
    st.builds("---\n{}\n---\n".format, _lines(yaml_row, 8)),
    st.builds("+++\n{}\n+++\n".format, _lines(toml_row, 8)),
    st.builds("---\n{}\n...\n".format, _lines(yaml_row, 4)),
    _pick(["---\n", "+++\n", "\ufeff---\ntitle: x\n---\n", "---\n---\n"]),
)
markdown_line = st.one_of(
    line,
    st.builds("# {}".format, title),
    st.builds("{} {}".format, _pick(["#", "##", "######", "####### "]), line),
    _pick(
        [
            "```",
            "~~~",
            "> quoted",
            "| a | b |",
            "|---|---|",
            "[^1]: a footnote",
            "text[^1]",
            "[link](http://127.0.0.1:1/)",
            "![img](x.png)",
            "<div>",
            "</div>",
            "<!-- c",
            "***",
            "- [ ] task",
            "- [x] done",
            "Setext",
            "===",
        ]
    ),
    depth.map(lambda n: ">" * n + " deep"),
    depth.map(lambda n: "[" * n + "x" + "](y)" * n),
)
markdown_documents = st.one_of(
    st.builds(str.__add__, front_matter, _lines(markdown_line)),
    _lines(markdown_line),
    depth.map(_nested_list),
)

# HTML: trees of the tags and classes the HTML reader looks at.
TAGS = ["div", "p", "article", "section", "main", "span", "em", "a", "h1", "h2", "h3", "h6"]
TAGS += ["ul", "ol", "li", "nav", "header", "footer", "aside", "blockquote", "pre", "table"]
TAGS += ["tr", "td", "sup", "time", "figure", "figcaption", "script", "style", "noscript"]
CLASSES = ["post", "hentry", "h-entry", "entry", "entry-content", "post-title", "share"]
CLASSES += ["comments", "sidebar", "widget", "footnotes", "e-content", "p-name", ""]
ATTRIBUTES = [
    "",
    ' href="/a"',
    ' href="http://[::1"',
    ' href="#fn1"',
    ' id="fn1"',
    ' start="²"',
    ' start="-5"',
    ' start="99999999999999999999"',
    ' datetime="9999-12-31"',
    ' datetime="0000-01-01"',
    ' type="application/ld+json"',
    ' lang="\x00"',
]


def _element(children: list[str], tag: str, cls: str, attribute: str) -> str:
    classes = f' class="{cls}"' if cls else ""
    return f"<{tag}{classes}{attribute}>{''.join(children)}</{tag}>"


html_leaf = st.one_of(word, title, date, small_text, _pick(["<br>", "<hr>", "&nbsp;", "<img>"]))
html_tree = st.recursive(
    html_leaf,
    lambda children: st.builds(
        _element, st.lists(children, max_size=4), _pick(TAGS), _pick(CLASSES), _pick(ATTRIBUTES)
    ),
    max_leaves=30,
)
JSON_LD = [
    '{"@type": "BlogPosting", "datePublished": "9999-12-31", "headline": "W"}',
    '{"datePublished": "0000-01-01"}',
    '[{"datePublished": 18446744073709551616}]',
    '{"datePublished": ["x"]}',
    "{",
    "null",
]
html_head = st.one_of(
    st.just(""),
    st.builds(
        '<meta property="article:published_time" content="{}">'.format, st.one_of(date, word)
    ),
    st.builds('<meta charset="{}">'.format, _pick(["utf-8", "latin-1", "utf-7", "x-bogus", ""])),
    st.builds("<title>{}</title>".format, title),
    st.builds('<script type="application/ld+json">{}</script>'.format, _pick(JSON_LD)),
    depth.map(lambda n: '<script type="application/ld+json">' + "[" * n + "</script>"),
)


def _page(head: str, body: list[str]) -> str:
    return f"<html><head>{head}</head><body>{''.join(body)}</body></html>"


def _deep(tag: str, inner: str, n: int) -> str:
    return f"<{tag}>" * n + inner + f"</{tag}>" * n


html_documents = st.one_of(
    st.builds(_page, html_head, st.lists(html_tree, max_size=6)),
    st.lists(html_tree, max_size=6).map("".join),
    st.builds(_deep, _pick(["div", "section", "ul", "blockquote", "b"]), html_tree, depth),
)

# Feeds: RSS 2.0 and Atom wrappers around entries whose content is HTML.
FEED_DATES = st.one_of(date, _pick(DATES))


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _rss_item(title: str, body: str, when: str, tag: str, cdata: bool) -> str:
    content = f"<![CDATA[{body}]]>" if cdata else _escape(body)
    return (
        f"<item><title>{_escape(title)}</title><link>http://example.org/{tag}</link>"
        f"<description>{content}</description><pubDate>{when}</pubDate>"
        f"<category>{tag}</category><guid>{tag}</guid></item>"
    )


def _atom_entry(title: str, body: str, when: str, tag: str, cdata: bool) -> str:
    content = f"<![CDATA[{body}]]>" if cdata else _escape(body)
    return (
        f'<entry><title>{_escape(title)}</title><link href="http://example.org/{tag}"/>'
        f'<updated>{when}</updated><category term="{tag}"/>'
        f'<content type="html">{content}</content></entry>'
    )


def _rss(declaration: str, entries: list[str]) -> str:
    channel = f"<channel><title>F</title>{''.join(entries)}</channel>"
    return f'{declaration}<rss version="2.0">{channel}</rss>'


def _atom(declaration: str, entries: list[str]) -> str:
    inner = f"<title>F</title>{''.join(entries)}"
    return f'{declaration}<feed xmlns="http://www.w3.org/2005/Atom">{inner}</feed>'


declaration = st.one_of(
    st.just(""),
    st.builds(
        '<?xml version="1.0" encoding="{}"?>'.format,
        _pick(["UTF-8", "utf-16", "latin-1", "UTF-8\x00", "x-bogus", "rot13", ""]),
    ),
    _pick(['<!DOCTYPE rss [<!ENTITY e SYSTEM "file:///etc/hostname">]>', "<!-- c -->"]),
)
entry_parts = (title, st.one_of(html_tree, _lines(line, 6)), FEED_DATES, word, st.booleans())
feed_documents = st.one_of(
    st.builds(_rss, declaration, st.lists(st.builds(_rss_item, *entry_parts), max_size=5)),
    st.builds(_atom, declaration, st.lists(st.builds(_atom_entry, *entry_parts), max_size=5)),
    _lines(
        _pick(["<rss>", "<channel", "<item", "<link", "</item", "</link>", "<category>m", "<feed>"])
        | _pick(['<r v="" xmlns:content="u\u2028/">', "<content:d>", "<entry>", "]]>", "&e;"]),
        12,
    ).map(lambda s: s.replace("\n", "")),
)

DOCUMENTS: dict[str, st.SearchStrategy[str]] = {
    "text": text_documents,
    "markdown": markdown_documents,
    "html": html_documents,
    "feed": feed_documents,
}


@st.composite
def damaged(draw: st.DrawFn, documents: st.SearchStrategy[str]) -> str:
    """A document, then up to three edits: cut a range, repeat one, insert a piece, truncate."""
    text = draw(documents)
    for _ in range(draw(st.integers(0, 3))):
        if not text:
            break
        start = draw(st.integers(0, len(text)))
        end = draw(st.integers(start, min(len(text), start + 200)))
        edit = draw(st.sampled_from(["cut", "repeat", "insert", "truncate"]))
        if edit == "cut":
            text = text[:start] + text[end:]
        elif edit == "repeat":
            text = text[:end] + text[start:end] * draw(st.integers(1, 50)) + text[end:]
        elif edit == "insert":
            text = text[:start] + draw(st.one_of(odd, line, html_leaf)) + text[start:]
        else:
            text = text[:start]
    return text


def _any_document() -> st.SearchStrategy[str]:
    return st.one_of(*DOCUMENTS.values())


ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "latin-1"]
ENCODINGS += ["cp1252", "shift_jis", "utf-7"]


def _encoded(text: str, encoding: str, bom: bool) -> bytes:
    data = text.encode(encoding, "replace" if encoding not in ("utf-8",) else "surrogatepass")
    if bom:
        data = codecs.BOM_UTF8 + data
    return data


def examples(target: str) -> st.SearchStrategy[Example]:
    """Examples for one target: raw bytes, as any fuzzer would try, and built documents."""
    if target == "bytes":
        built = st.builds(
            _encoded, damaged(_any_document()), st.sampled_from(ENCODINGS), st.booleans()
        )
        return st.builds(Example, st.sampled_from(BYTE_FORMATS), st.one_of(st.binary(), built))
    if target not in FORMATS:
        raise ValueError(f"unknown fuzz target {target!r}")
    raw: st.SearchStrategy[str] = st.binary().map(text_of)
    return st.one_of(raw, damaged(DOCUMENTS[target]), damaged(_any_document())).map(
        lambda text: Example(target, text)
    )
