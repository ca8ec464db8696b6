"""Feeds on bad input: broken markup, dates at the calendar's edges, and very many entries."""

from __future__ import annotations

from weeknote_parser import Parser, parse
from weeknote_parser.readers import read_input


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
    assert (source.encoding, document.chrome, document.notes[0].title) == (
        "koi8-r", ["Журнал"], "Неделя 5",
    )  # fmt: skip


def test_text_is_read_as_text_whatever_encoding_it_declares() -> None:
    document = parse(declaring("utf-16"), format="feed")
    assert [n.title for n in document.notes] == ["Неделя 5"]
