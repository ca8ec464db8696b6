"""Bad input, case by case: each gives its exit code and one clear line, never a traceback."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest

from weeknote_parser import Document, InputError, OptionsError, parse, parse_file, to_json
from weeknote_parser.readers import read_path, read_text_as

NOTE = "Weeknote 3.2021\n\nA quiet week.\n"


def _write(path: Path, size: int) -> Path:
    line = b"Weeknote 3.2021 and more words.\n"
    path.write_bytes((line * (size // len(line) + 1))[:size])
    return path


# -- the library ------------------------------------------------------------------------


def test_lone_surrogates_become_replacement_characters_with_a_warning() -> None:
    document = parse("Weeknote 3.2021\n\nbad \udcff here\n")
    assert document.notes[0].sections[0].blocks[0].text == "bad \ufffd here"  # type: ignore[union-attr]
    [warning] = document.warnings
    assert (warning.code, warning.line) == ("invalid-characters", 2)
    assert json.loads(to_json(document))["warnings"][0]["code"] == "invalid-characters"


def test_a_lone_surrogate_alone_can_be_written_as_json() -> None:
    assert json.loads(to_json(parse("\udcff")))["warnings"][0]["code"] == "invalid-characters"


def test_a_surrogate_pair_written_as_two_characters_is_joined() -> None:
    document = parse("Weeknote 3.2021\n\nsmile \ud83d\ude00\n")
    assert document.notes[0].sections[0].blocks[0].text == "smile \U0001f600"  # type: ignore[union-attr]
    assert document.warnings == []


def test_invalid_characters_in_markdown_name_their_source_line() -> None:
    text = "# Weeknote 3.2021\n\nFirst.\n\n- one\n- two \x00 three\n"
    document = parse(text, format="markdown")
    [warning] = [w for w in document.warnings if w.code == "invalid-characters"]
    assert warning.line == 5


def test_unparsable_source_url_gives_a_warning_not_an_error() -> None:
    document = parse("x", source_url="http://[::1")
    assert document.source.url == "http://[::1"
    assert [w.code for w in document.warnings] == ["bad-url"]
    to_json(document)


def test_source_url_with_surrogates_is_cleaned() -> None:
    document = parse("x", source_url="https://blog.example/2020/05/15/\udcff/")
    assert document.source.url == "https://blog.example/2020/05/15/\ufffd/"
    assert document.notes[0].week is not None and document.notes[0].week.year_source == "url"
    to_json(document)


def test_parse_file_with_a_name_that_is_not_utf8(tmp_path: Path) -> None:
    path = Path(os.fsdecode(os.fsencode(tmp_path) + b"/n\xe9.txt"))
    path.write_text(NOTE, encoding="utf-8")
    document = parse_file(path)
    assert document.source.path == str(tmp_path / "n\ufffd.txt")
    assert json.loads(to_json(document))["notes"][0]["week"]["iso_week"] == 3


def test_parse_file_size_limit(tmp_path: Path) -> None:
    path = _write(tmp_path / "note.txt", 100)
    assert parse_file(path, max_bytes=100).notes
    with pytest.raises(InputError, match=r"note\.txt: larger than the size limit of 99 bytes"):
        parse_file(path, max_bytes=99)
    with pytest.raises(OptionsError, match="max_bytes: must be a whole number of bytes"):
        read_path(path, max_bytes=0)


def test_parse_file_refuses_a_device() -> None:
    with pytest.raises(InputError, match=r"^/dev/zero: is a device, not a file$"):
        parse_file("/dev/zero")


@pytest.mark.parametrize("day", [dt.date(9999, 12, 31), dt.date(1, 1, 1), dt.date(1899, 12, 31)])
def test_published_at_the_calendars_edges_is_one_clear_options_error(day: dt.date) -> None:
    with pytest.raises(OptionsError) as raised:
        parse("Weeknote 12\n\nx\n", published=day)
    assert str(raised.value) == (
        "invalid settings: published: must be between 1900-01-01 and 2200-12-31 "
        f"(got {day.isoformat()})"
    )


@pytest.mark.parametrize("day", [dt.date(1900, 1, 1), dt.date(2200, 12, 31)])
def test_published_at_the_ends_of_the_range_parses(day: dt.date) -> None:
    document = parse("Weeknote w/c 5 November\n\nx\n", published=day)
    to_json(document)


def test_blank_feed_is_no_notes() -> None:
    source = read_text_as(" \n\n", "feed")
    assert (source.format, [line.stripped for line in source.lines]) == ("feed", ["", ""])


def test_to_json_writes_what_orjson_cannot() -> None:
    page = "---\ntitle: Weeknote 3.2021\nbig: 123456789012345678901234567890\n---\n\nText.\n"
    document = parse(page, format="markdown")
    compact = json.loads(to_json(document))
    assert compact["notes"][0]["metadata"]["big"] == 123456789012345678901234567890
    assert json.loads(to_json(document, pretty=True)) == compact
    assert to_json(document, pretty=True).startswith(b'{\n  "source": {\n    "path": null')


def test_to_json_cleans_a_document_built_by_hand() -> None:
    data = json.loads(to_json(parse(NOTE)))
    data["notes"][0]["title"] = "bad \udcff"
    document = Document.model_validate(data)
    assert json.loads(to_json(document))["notes"][0]["title"] == "bad \ufffd"
