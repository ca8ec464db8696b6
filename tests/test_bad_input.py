"""Bad input, case by case: each gives its exit code and one clear line, never a traceback.

The table below is the one in docs/cli.md ("Bad input"): keep them in step.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from weeknote_parser import Document, InputError, OptionsError, parse, parse_file, to_json
from weeknote_parser.cli import EXIT_INPUT_ERROR, EXIT_OK, EXIT_USAGE, ByteSize, command
from weeknote_parser.readers import MAX_BYTES, read_path, read_text_as

NOTE = "Weeknote 3.2021\n\nA quiet week.\n"
NOBODY = 65534


@dataclass
class Setup:
    """What a case runs: the command line, and standard input if any."""

    args: list[str]
    stdin: bytes | None = None
    unprivileged: bool = False  # run as a user who may not read other users' files
    cleanup: list[Callable[[], None]] = field(default_factory=list)


@dataclass(frozen=True)
class Case:
    id: str
    make: Callable[[Path], Setup]
    code: int
    error: str | None = None  # the start of the one 'Error:' line ({path}: the input's path)
    check: Callable[[dict[str, Any]], None] | None = None  # on the JSON of a parsed input
    doc: str | None = None  # its row in docs/cli.md, if not its id

    @property
    def row(self) -> str:
        return self.doc or self.id


def _file(name: str, data: bytes) -> Callable[[Path], Setup]:
    def make(tmp: Path) -> Setup:
        path = tmp / name
        path.write_bytes(data)
        return Setup([str(path)])

    return make


def _with_options(*options: str) -> Callable[[Path], Setup]:
    def make(tmp: Path) -> Setup:
        path = tmp / "note.txt"
        path.write_text(NOTE, encoding="utf-8")
        return Setup([str(path), *options])

    return make


def _missing(tmp: Path) -> Setup:
    return Setup([str(tmp / "nope.txt")])


def _directory(tmp: Path) -> Setup:
    (tmp / "notes").mkdir()
    return Setup([str(tmp / "notes")])


def _fifo(payload: bytes, *options: str) -> Callable[[Path], Setup]:
    """A named pipe whose writer (a thread) sends ``payload`` and closes."""

    def make(tmp: Path) -> Setup:
        path = tmp / "pipe.txt"
        os.mkfifo(path)

        def write() -> None:
            try:
                with open(path, "wb") as pipe:  # waits for the reader
                    pipe.write(payload)
            except BrokenPipeError:  # the reader stopped at its size limit
                pass

        writer = threading.Thread(target=write, daemon=True)
        writer.start()

        def release() -> None:
            writer.join(5)  # done once the command has read the pipe and closed it
            if writer.is_alive():  # the command never opened the pipe: let the writer go
                os.close(os.open(path, os.O_RDONLY | os.O_NONBLOCK))
                writer.join(5)
            assert not writer.is_alive()

        return Setup([str(path), *options], cleanup=[release])

    return make


def _device(path: str) -> Callable[[Path], Setup]:
    def make(_tmp: Path) -> Setup:
        return Setup([path])

    return make


def _unreadable(tmp: Path) -> Setup:
    path = tmp / "secret.txt"
    path.write_text(NOTE, encoding="utf-8")
    path.chmod(0)
    return Setup([str(path)], unprivileged=True, cleanup=[lambda: path.chmod(0o644)])


def _through_a_file(tmp: Path) -> Setup:
    (tmp / "a.txt").write_text(NOTE, encoding="utf-8")
    return Setup([str(tmp / "a.txt" / "b")])


def _symlink_loop(tmp: Path) -> Setup:
    (tmp / "one.txt").symlink_to(tmp / "two.txt")
    (tmp / "two.txt").symlink_to(tmp / "one.txt")
    return Setup([str(tmp / "one.txt")])


def _bad_name(tmp: Path) -> Setup:
    path = Path(os.fsdecode(os.fsencode(tmp) + b"/note-\xff.txt"))
    path.write_text(NOTE, encoding="utf-8")
    return Setup([str(path)])


def _bad_name_missing(tmp: Path) -> Setup:
    return Setup([os.fsdecode(os.fsencode(tmp) + b"/gone-\xe9.txt")])


def _stdin(data: bytes, *options: str) -> Callable[[Path], Setup]:
    def make(_tmp: Path) -> Setup:
        return Setup(["-", *options], stdin=data)

    return make


def _warned(code: str) -> Callable[[dict[str, Any]], None]:
    def check(document: dict[str, Any]) -> None:
        assert code in [w["code"] for w in document["warnings"]], document["warnings"]

    return check


def _no_notes(document: dict[str, Any]) -> None:
    assert (document["notes"], document["warnings"]) == ([], [])


def _one_note(document: dict[str, Any]) -> None:
    assert document["notes"][0]["week"]["iso_week"] == 3, document


def _cafe(document: dict[str, Any]) -> None:
    texts = [b["text"] for n in document["notes"] for s in n["sections"] for b in s["blocks"]]
    assert "Café" in " ".join(texts), texts
    _warned("charset-mismatch")(document)


def _fffd_in_path(document: dict[str, Any]) -> None:
    assert "note-\ufffd.txt" in document["source"]["path"]
    _warned("invalid-characters")(document)


def _nul_replaced(document: dict[str, Any]) -> None:
    texts = [b["text"] for n in document["notes"] for s in n["sections"] for b in s["blocks"]]
    assert "after\ufffdnul" in texts[-1]
    [warning] = [w for w in document["warnings"] if w["code"] == "invalid-characters"]
    assert warning["line"] == 4


LATIN1_PAGE = '<html><head><meta charset="{}"></head><body><article><h1>Weeknote 3.2021</h1>'
LATIN1_PAGE += "<p>Café.</p></article></body></html>"
EMPTY = {".txt": b"", ".md": b"", ".html": b"", ".xml": b""}
BLANK = b" \n\t\n\r\n"

CASES = [
    Case("missing file", _missing, EXIT_INPUT_ERROR, "Error: {path}: no such file"),
    Case("directory", _directory, EXIT_INPUT_ERROR, "Error: {path}: is a directory, not a file"),
    Case("FIFO (named pipe)", _fifo(NOTE.encode()), EXIT_OK, check=_one_note),
    Case(
        "FIFO over --max-bytes",
        _fifo(b"x" * 100_000, "--max-bytes", "16"),
        EXIT_INPUT_ERROR,
        "Error: {path}: larger than the size limit of 16 bytes",
        doc="input over --max-bytes (file, FIFO or stdin)",
    ),
    Case(
        "/dev/zero",
        _device("/dev/zero"),
        EXIT_INPUT_ERROR,
        "Error: /dev/zero: is a device, not a file",
        doc="character or block device (/dev/zero, /dev/urandom)",
    ),
    Case(
        "/dev/urandom",
        _device("/dev/urandom"),
        EXIT_INPUT_ERROR,
        "Error: /dev/urandom: is a device, not a file",
        doc="character or block device (/dev/zero, /dev/urandom)",
    ),
    Case("permission denied", _unreadable, EXIT_INPUT_ERROR, "Error: {path}: permission denied"),
    Case(
        "path through a file (a.txt/b)",
        _through_a_file,
        EXIT_INPUT_ERROR,
        "Error: {path}: cannot read: Not a directory",
    ),
    Case(
        "symbolic link loop",
        _symlink_loop,
        EXIT_INPUT_ERROR,
        "Error: {path}: cannot read: Too many levels of symbolic links",
    ),
    Case(
        "binary file (NUL in the first 8 KB)",
        _file("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
        EXIT_INPUT_ERROR,
        "Error: {path}: binary file (it contains NUL bytes), not a text weeknote",
    ),
    Case(
        "NUL after the first 8 KB",
        _file("late.txt", b"Weeknote 3.2021\n\n" + b"word " * 2000 + b"\n\nafter\x00nul\n"),
        EXIT_OK,
        check=_nul_replaced,
    ),
    Case(
        "undecodable bytes",
        _file("latin.txt", b"Weeknote 3.2021\n\ncaf\xe9\n"),
        EXIT_INPUT_ERROR,
        "Error: {path}:3: not valid UTF-8 text: undecodable byte 0xe9 at byte offset 20",
    ),
    Case(
        "declares latin-1, is UTF-8",
        _file("lie.html", LATIN1_PAGE.format("iso-8859-1").encode("utf-8")),
        EXIT_OK,
        check=_cafe,
    ),
    Case(
        "declares UTF-8, is latin-1",
        _file("lie.html", LATIN1_PAGE.format("utf-8").encode("latin-1")),
        EXIT_INPUT_ERROR,
        "Error: {path}:1: not valid UTF-8 text: undecodable byte 0xe9",
    ),
    Case("UTF-16 with BOM", _file("wide.txt", NOTE.encode("utf-16")), EXIT_OK, check=_one_note),
    Case("UTF-32 with BOM", _file("wider.txt", NOTE.encode("utf-32")), EXIT_OK, check=_one_note),
    *[
        Case(
            f"empty {suffix}",
            _file(f"empty{suffix}", b""),
            EXIT_OK,
            check=_no_notes,
            doc="empty or blank file (.txt, .md, .html, .xml)",
        )
        for suffix in EMPTY
    ],
    *[
        Case(
            f"blank {suffix}",
            _file(f"blank{suffix}", BLANK),
            EXIT_OK,
            check=_no_notes,
            doc="empty or blank file (.txt, .md, .html, .xml)",
        )
        for suffix in EMPTY
    ],
    Case(
        "file over --max-bytes",
        lambda tmp: Setup([str(_write(tmp / "big.txt", 2049)), "--max-bytes", "2K"]),
        EXIT_INPUT_ERROR,
        "Error: {path}: larger than the size limit of 2 KiB (raise it with --max-bytes)",
        doc="input over --max-bytes (file, FIFO or stdin)",
    ),
    Case(
        "file at --max-bytes",
        lambda tmp: Setup([str(_write(tmp / "big.txt", 2048)), "--max-bytes", "2K"]),
        EXIT_OK,
        doc="input of exactly --max-bytes",
    ),
    Case(
        "stdin over --max-bytes",
        _stdin(NOTE.encode(), "--max-bytes", str(len(NOTE) - 1)),
        EXIT_INPUT_ERROR,
        f"Error: <stdin>: larger than the size limit of {len(NOTE) - 1} bytes",
        doc="input over --max-bytes (file, FIFO or stdin)",
    ),
    Case(
        "stdin at --max-bytes",
        _stdin(NOTE.encode(), "--max-bytes", str(len(NOTE))),
        EXIT_OK,
        doc="input of exactly --max-bytes",
    ),
    Case("file name not UTF-8", _bad_name, EXIT_OK, check=_fffd_in_path),
    Case(
        "missing file, name not UTF-8",
        _bad_name_missing,
        EXIT_INPUT_ERROR,
        "Error: {path}: no such file",
    ),
    Case(
        "--url not UTF-8",
        _with_options("--url", "https://blog.example/\udcff/"),
        EXIT_OK,
        check=_warned("invalid-characters"),
    ),
    Case(
        "--url unparsable",
        _with_options("--url", "http://[::1"),
        EXIT_OK,
        check=_warned("bad-url"),
    ),
    Case(
        "unknown encoding",
        _with_options("--encoding", "no-such-codec"),
        EXIT_INPUT_ERROR,
        "Error: {path}: unknown encoding 'no-such-codec'",
    ),
    Case(
        "--year abc",
        _with_options("--year", "abc"),
        EXIT_USAGE,
        "Error: Invalid value for '--year'",
    ),
    Case(
        "--format pdf",
        _with_options("--format", "pdf"),
        EXIT_USAGE,
        "Error: Invalid value for '--format'",
    ),
    Case(
        "--max-bytes -1",
        _with_options("--max-bytes", "-1"),
        EXIT_USAGE,
        "Error: Invalid value for '--max-bytes': '-1' is not a size",
    ),
    Case(
        "--max-bytes 0",
        _with_options("--max-bytes", "0"),
        EXIT_USAGE,
        "Error: Invalid value for '--max-bytes': '0' is too small",
    ),
    Case(
        "--today 2024-13-01",
        _with_options("--today", "2024-13-01"),
        EXIT_USAGE,
        "Error: Invalid value for '--today': '2024-13-01' is not a date: month must be in 1..12",
    ),
    Case(
        "--published 9999-12-31",
        _with_options("--published", "9999-12-31"),
        EXIT_USAGE,
        "Error: Invalid value for '--published': 9999-12-31 is outside the dates read, "
        "1900-01-01 to 2200-12-31",
        doc="--published or --today outside 1900-01-01 to 2200-12-31",
    ),
    Case(
        "--published 0001-01-01",
        _with_options("--published", "0001-01-01"),
        EXIT_USAGE,
        "Error: Invalid value for '--published': 0001-01-01 is outside the dates read",
        doc="--published or --today outside 1900-01-01 to 2200-12-31",
    ),
    Case(
        "--disable nosuch",
        _with_options("--disable", "nosuch"),
        EXIT_USAGE,
        "Error: unknown recogniser 'nosuch'; valid names: chrome,",
    ),
]


def _write(path: Path, size: int) -> Path:
    line = b"Weeknote 3.2021 and more words.\n"
    path.write_bytes((line * (size // len(line) + 1))[:size])
    return path


def _run(setup: Setup) -> tuple[int, str, str]:
    result = CliRunner().invoke(command, setup.args, input=setup.stdin)
    return result.exit_code, result.stdout, result.stderr


def _run_unprivileged(setup: Setup) -> tuple[int, str, str]:
    """Run the command as an unprivileged user: as root, in a forked child that drops to
    'nobody', since root may read any file whatever its mode."""
    if os.geteuid() != 0:
        return _run(setup)
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns into the test run
        status = 1
        try:
            os.close(read_end)
            os.setgroups([])
            os.setgid(NOBODY)
            os.setuid(NOBODY)
            with os.fdopen(write_end, "w", encoding="utf-8") as report:
                json.dump(_run(setup), report)
            status = 0
        finally:
            os._exit(status)
    os.close(write_end)
    with os.fdopen(read_end, encoding="utf-8") as report:
        answer = report.read()
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0, "the unprivileged run failed"
    code, out, err = json.loads(answer)
    return code, out, err


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_bad_input(case: Case, tmp_path: Path) -> None:
    setup = case.make(tmp_path)
    try:
        code, out, err = (_run_unprivileged if setup.unprivileged else _run)(setup)
    finally:
        for release in setup.cleanup:
            release()
    assert "Traceback" not in err
    assert code == case.code, err
    if case.error is None:
        assert err == ""
        document = json.loads(out)
        if case.check is not None:
            case.check(document)
        return
    path = setup.args[0]
    expected = case.error.format(
        path=path.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    )
    errors = [line for line in err.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1, err
    assert errors[0].startswith(expected), err
    if code == EXIT_INPUT_ERROR:
        assert err == errors[0] + "\n"  # nothing but the one line
        assert out == ""


def test_every_bad_input_case_is_in_the_docs() -> None:
    from .conftest import ROOT

    doc = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8").replace("`", "")
    for case in CASES:
        assert f"| {case.row} |" in doc, f"bad input case {case.row!r} is not in docs/cli.md"


# -- the same through a real process: argv bytes, /dev/zero on standard input --------------


def test_bad_file_name_through_a_real_process(tmp_path: Path) -> None:
    raw = os.fsencode(tmp_path) + b"/week-\xff\xfe.txt"
    with open(raw, "wb") as file:
        file.write(NOTE.encode())
    result = subprocess.run(
        [os.fsencode(sys.executable), b"-m", b"weeknote_parser", raw, b"--url", b"http://x/\xff"],
        capture_output=True,
        check=False,
        timeout=60,
    )
    assert (result.returncode, result.stderr) == (EXIT_OK, b"")
    document = json.loads(result.stdout)
    assert document["source"]["path"].endswith("week-\ufffd\ufffd.txt")
    assert document["source"]["url"] == "http://x/\ufffd"
    assert [w["code"] for w in document["warnings"]] == ["invalid-characters"] * 2


def test_endless_standard_input_stops_at_the_limit() -> None:
    with open("/dev/zero", "rb") as zeros:
        result = subprocess.run(
            [sys.executable, "-m", "weeknote_parser", "-", "--max-bytes", "64K"],
            stdin=zeros,
            capture_output=True,
            check=False,
            timeout=60,
        )
    assert result.returncode == EXIT_INPUT_ERROR
    assert (
        result.stderr
        == b"Error: <stdin>: larger than the size limit of 64 KiB (raise it with --max-bytes)\n"
    )


@pytest.mark.parametrize(
    ("written", "count"),
    [
        ("1", 1),
        ("65536", 65536),
        ("512K", 512 << 10),
        ("64m", 64 << 20),
        ("1GiB", 1 << 30),
        ("10b", 10),
        ("2 KB", 2048),
    ],
)
def test_max_bytes_takes_sizes(written: str, count: int) -> None:
    assert ByteSize().convert(written, None, None) == count


def test_default_size_limit_is_64_mib() -> None:
    assert MAX_BYTES == 64 * 1024 * 1024


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
    # Front matter keeps integers beyond 64 bits as the text written (JSON readers such as
    # jq and SQLite hold 64 bits at most).
    assert compact["notes"][0]["metadata"]["big"] == "123456789012345678901234567890"
    assert json.loads(to_json(document, pretty=True)) == compact
    assert to_json(document, pretty=True).startswith(b'{\n  "schema_version": "2",\n  "source"')


def test_to_json_cleans_a_document_built_by_hand() -> None:
    data = json.loads(to_json(parse(NOTE)))
    data["notes"][0]["title"] = "bad \udcff"
    document = Document.model_validate(data)
    assert json.loads(to_json(document))["notes"][0]["title"] == "bad \ufffd"
