"""Feeds on bad input: broken markup, dates at the calendar's edges, and very many entries."""

from __future__ import annotations

import datetime as dt
import time
from typing import Any

import pytest
from click.testing import CliRunner

from weeknote_parser import Document, InputError, Parser, parse
from weeknote_parser.cli import EXIT_INPUT_ERROR, command
from weeknote_parser.readers import read_input
from weeknote_parser.readers.feed import _entry_lines, read_feed

NOT_A_FEED = "<text>: not a readable RSS or Atom feed: "

# Broken markup on which feedparser itself raised (KeyError, ValueError, …) instead of flagging
# the feed as malformed.
GARBAGE = [
    "<channel<item<link</item</link>",
    "<item<category>m</item</category>",
    '<r v="" xmlns:content="u\u2028/"><content:d>',
    '<?xml version="1.0" encoding="UTF-8\x00"?><rss/>',
    "<rss><channel><item><title>\ud800</title></item></channel></rss>",  # a lone surrogate
]


def outcome(text: str) -> Document | InputError:
    try:
        return parse(text, format="feed")
    except InputError as error:
        return error


@pytest.mark.parametrize("text", GARBAGE)
def test_garbage_is_a_document_or_one_line_error(text: str) -> None:
    result = outcome(text)
    if isinstance(result, InputError):
        assert str(result).startswith(NOT_A_FEED)
        assert "\n" not in str(result)


@pytest.mark.parametrize("text", GARBAGE[:3])
def test_garbage_on_the_command_line_is_exit_1(text: str) -> None:
    result = CliRunner().invoke(command, ["--format", "feed", "-"], input=text.encode("utf-8"))
    assert result.exit_code in (0, EXIT_INPUT_ERROR)
    if result.exit_code:
        assert result.stderr.startswith("Error: <stdin>: not a readable RSS or Atom feed: ")
        assert result.stderr.count("\n") == 1


def test_an_exception_in_feedparser_is_an_input_error_naming_its_type(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import feedparser

    def broken(*args: Any, **kwargs: Any) -> None:
        raise KeyError("links\nand more")

    monkeypatch.setattr(feedparser, "parse", broken)
    with pytest.raises(InputError) as caught:
        read_feed("<rss/>", name="f.xml")
    assert (
        str(caught.value) == "f.xml: not a readable RSS or Atom feed: KeyError: 'links\\nand more'"
    )
    assert caught.value.__cause__ is None and caught.value.__suppress_context__


def test_a_lone_surrogate_does_not_stop_the_feed() -> None:
    document = parse(GARBAGE[-1], format="feed")
    assert [n.title for n in document.notes] == ["\ufffd"]


# -- encodings ---------------------------------------------------------------------------------
def declaring(encoding: str) -> str:
    return (
        f'<?xml version="1.0" encoding="{encoding}"?>\n<rss version="2.0"><channel>'
        "<title>Журнал</title><item><title>Неделя 5</title></item></channel></rss>"
    )


def test_a_feed_in_its_declared_encoding_is_read_once() -> None:
    data = declaring("koi8-r").encode("koi8-r")
    source = read_input(data, name="f.xml", path="f.xml")
    document = Parser().parse_input(source)
    assert (source.location.encoding, document.chrome, document.notes[0].title) == (
        "koi8-r", ["Журнал"], "Неделя 5",
    )  # fmt: skip


def test_text_is_read_as_text_whatever_encoding_it_declares() -> None:
    document = parse(declaring("utf-16"), format="feed")
    assert [n.title for n in document.notes] == ["Неделя 5"]


# -- dates at the calendar's edges --------------------------------------------------------------
def atom(*dates: tuple[str, str]) -> str:
    fields = "".join(f"<{key}>{value}</{key}>" for key, value in dates)
    return (
        '<feed xmlns="http://www.w3.org/2005/Atom">\n'
        "<entry><title>First</title><updated>2024-05-03T12:00:00Z</updated></entry>\n"
        f"<entry><title>Edge</title>{fields}</entry>\n"
        "</feed>"
    )


@pytest.mark.parametrize(
    "value",
    [
        "0000-01-01T00:00:00Z",
        "0001-01-01T00:00:00+05:00",  # year 0 once in UTC
        "9999-12-31T23:59:59-05:00",  # year 10000 once in UTC
    ],
)
def test_a_date_out_of_the_calendar_is_dropped_with_a_warning(value: str) -> None:
    document = parse(atom(("updated", value)), format="feed")
    assert [(n.title, n.published) for n in document.notes] == [
        ("First", dt.date(2024, 5, 3)),
        ("Edge", None),
    ]
    problems = [w for w in document.warnings if w.code == "invalid-date"]
    assert [(w.line, value in w.message) for w in problems] == [(2, True)]
    assert "\n" not in problems[0].message


def test_an_unusable_published_date_gives_way_to_the_updated_one() -> None:
    document = parse(
        atom(("published", "0000-01-01T00:00:00Z"), ("updated", "2024-05-10T08:00:00Z")),
        format="feed",
    )
    assert document.notes[1].published == dt.date(2024, 5, 10)
    assert [w.code for w in document.warnings].count("invalid-date") == 1


def test_the_last_day_of_the_calendar_is_kept_by_the_reader() -> None:
    source = read_feed(atom(("updated", "9999-12-31T00:00:00Z")))
    assert source.warnings == ()
    facts = [line.facts for line in source.lines if line.facts is not None]
    assert [e.date for m in facts for e in m.evidence] == [
        dt.date(2024, 5, 3),
        dt.date(9999, 12, 31),
    ]


def test_the_last_day_of_the_calendar_parses_with_a_warning() -> None:
    document = parse(atom(("updated", "9999-12-31T00:00:00Z")), format="feed")
    assert document.notes[1].published is None
    assert document.notes[1].week is None
    assert [w.code for w in document.warnings].count("invalid-date") == 1


# -- size -------------------------------------------------------------------------------------
def test_entry_lines_are_the_lines_the_entries_start_on() -> None:
    text = "<rss><channel>\n<item>a</item>\n\n<item>b</item><item>c</item>\n<entry>d</entry>"
    assert _entry_lines(text) == [1, 3, 3, 4]
    assert _entry_lines("no entries\n\n") == []


def test_entry_lines_take_linear_time() -> None:
    text = "<item>x</item>\n" * 200_000  # 3 MB: counting from the start for each never ends
    start = time.perf_counter()
    found = _entry_lines(text)
    assert found[-1] == 199_999
    assert time.perf_counter() - start < 2.0
