"""Inputs the fuzzers found breaking the invariant, kept as regression cases.

A ``str`` value is given to ``parse(value, format=format)``; ``bytes`` are read with
``read_input(value, name='<fuzz>', format=format)``, as the command line reads a file. The
runner prints a ready-made row for each new failure. ``pending`` names what still breaks;
such a case is expected to fail (strictly: once it passes, drop the ``pending``).
"""

from __future__ import annotations

from dataclasses import dataclass

from weeknote_parser.inputs import Format


@dataclass(frozen=True, slots=True)
class Case:
    name: str
    format: Format | None
    value: str | bytes
    broke: str | None = None  # what the input broke when it was found (fixed since)
    pending: str | None = None  # what it still breaks: the case is expected to fail


SURROGATES = "lone surrogates reach orjson in to_json"
DATE_MAX = "week arithmetic past 9999-12-31 overflows"
DATE_MIN = "week arithmetic before 0001-01-01 overflows"
FEED_DATE = "feedparser's parsed date is made into a date without a range check"
FEEDPARSER = "an exception of feedparser's own escapes the feed reader"
DEEP = "deep nesting in front matter is followed by recursion"
LIST_START = "int() of a list's start attribute that str.isdigit() accepts"

CASES: list[Case] = [
    # Text given to the library.
    Case("text-surrogate", "text", "\udcab", SURROGATES),
    Case("markdown-surrogate", "markdown", "\udb06", SURROGATES),
    Case("feed-surrogate", "feed", "\ud882", "feedparser encodes the text as a file name"),
    Case("markdown-yaml-deep", "markdown", "---\na: " + "[" * 1000 + "\n---\n", DEEP),
    Case("markdown-toml-deep", "markdown", "+++\na = " + "[" * 1000 + "\n+++\n", DEEP),
    Case(
        "markdown-yaml-int-4300-digits",
        "markdown",
        "---\nx: 1" + "0" * 4300 + "\n---\n",
        "PyYAML converts an integer of more than 4300 digits",
    ),
    Case(
        "markdown-nesting-past-the-json-reader",
        "markdown",
        "---\na: " + "[" * 200 + "]" * 200 + "\n---\nx",
        "front matter nested 200 deep is written, and pydantic's JSON reader refuses it",
    ),
    Case(
        "markdown-nesting-past-orjson",
        "markdown",
        "---\na: " + "[" * 260 + "]" * 260 + "\n---\nx",
        "front matter nested past orjson's limit of 254 levels",
    ),
    Case("html-ol-start-superscript", "html", '<ol start="²">', LIST_START),
    Case("html-ul-start-superscript", "html", '<ul start="²">', LIST_START),
    Case(
        "html-published-time-max",
        "html",
        '<meta property="article:published_time"content="9999-12-31"><',
        DATE_MAX,
    ),
    Case(
        "html-json-ld-date-max",
        "html",
        '<script type="application/ld+json">{"datePublished":"9999-12-31","":""}</script><',
        DATE_MAX,
    ),
    Case(
        "html-json-ld-deep",
        "html",
        '<script type="application/ld+json">' + "[" * 1000,
        "deep JSON-LD nesting reaches json.loads",
    ),
    Case(
        "html-xml-declaration",
        "html",
        '<?xml  encoding=""',
        "lxml refuses a str with an encoding declaration",
    ),
    Case(
        "html-noncharacter-after-noscript",
        "html",
        "<noscript></noscript>\uffff",
        "lxml refuses U+FFFF where the reader edits the tree",
    ),
    Case("feed-updated-year-negative", "feed", "<entry<updated>00</updated>", FEED_DATE),
    Case("feed-pubdate-year-0", "feed", "<item<pubDate>0000</pubDate>", FEED_DATE),
    Case("feed-char-reference-out-of-range", "feed", "<>&#x110000;", FEEDPARSER),
    Case("feed-nul-in-declaration", "feed", '<?encoding="\x00"?>', FEEDPARSER),
    Case(
        "feed-odd-namespace", "feed", '<d><r v="" xmlns:content="u\u2028/"><content:d>', FEEDPARSER
    ),
    Case("feed-updated-min", "feed", "<entry<updated>0001001</updated>", DATE_MIN),
    Case("feed-updated-max", "feed", "<entry<updated>99991231</updated>", DATE_MAX),
    Case(
        "feed-written-date-max", "feed", "<entry<updated>Mon 31 Dec 9999 9:9 G</updated>", DATE_MAX
    ),
    Case(
        "feed-week-number-max",
        "feed",
        "<entry<title>Weeknote2.22</title<updated>99991231</updated<",
        DATE_MAX,
    ),
    Case(
        "feed-week-number-min",
        "feed",
        "<entry<title>Weeknote2.22</title<updated>0001</updated>",
        DATE_MIN,
    ),
    Case(
        "feed-title-week-max",
        "feed",
        "<entry<title>5 November:²</title<updated>99991231</updated<",
        DATE_MAX,
    ),
    Case("feed-content-ul-start", "feed", '<entry<content<ul c=""start="²"</content<', LIST_START),
    # Bytes read as a file is.
    Case("bytes-feed-updated-min", "feed", b"<entry<updated>0001</updated>", DATE_MIN),
    Case("bytes-feed-pubdate-max", "feed", b"<item<pubDate>99991231</pubDate<", DATE_MAX),
    Case(
        "bytes-utf16-char-reference",
        "feed",
        b"\xff\xfe\xa1\xd9b\xde<\x00>\x00&\x00#\x00x\x001\x001\x000\x000\x000\x000\x00;\x00",
        FEEDPARSER,
    ),
    Case("bytes-feed-nul-in-declaration", "feed", b'\xef\xbb\xbf<?encoding="\x00"?>', FEEDPARSER),
    Case(
        "bytes-detected-feed-arabic-week-max",
        None,
        b"<rss<item<title>Weeknote\xd9\xa3.\xd9\xa2\xd9\xa2</title<pubDate>99991231</pubDate<",
        DATE_MAX,
    ),
    Case(
        "bytes-detected-feed-year-less-week-max",
        None,
        b"<?xml><feed<entry<title>Weeknote wc 5 November:e</title<updated>99991231</updated<",
        DATE_MAX,
    ),
    Case(
        "bytes-fullwidth-week-min",
        "feed",
        b"<entry<title>Weeknote\xef\xbc\x91\xef\xbc\x92.\xef\xbc\x92\xef\xbc\x92</title"
        b"<updated>0001011</updated<",
        DATE_MIN,
    ),
    Case("bytes-yaml-deep", "markdown", b"\xef\xbb\xbf---\na: " + b"[" * 1000 + b"\n---\n", DEEP),
]
