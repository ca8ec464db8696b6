"""The weeknote-parse command: output, options, errors and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from weeknote_parser.cli import EXIT_INPUT_ERROR, EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, command

NOTE = "Weeknote w/c 5 November: a week\n\nText with https://example.org/x.\n"


@pytest.fixture
def note_file(tmp_path: Path) -> Path:
    path = tmp_path / "note.txt"
    path.write_text(NOTE, encoding="utf-8")
    return path


def run(*args: str, stdin: bytes | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(command, list(args), input=stdin)
    return result.exit_code, result.stdout, result.stderr


def test_one_file_prints_one_json_document(note_file: Path) -> None:
    code, out, err = run(str(note_file), "--year", "2018")
    assert (code, err) == (EXIT_OK, "")
    document = json.loads(out)
    assert document["notes"][0]["week"]["start"] == "2018-11-05"
    assert document["source"]["path"] == str(note_file)


def test_without_year_the_week_has_candidates_and_a_warning(note_file: Path) -> None:
    document = json.loads(run(str(note_file))[1])
    week = document["notes"][0]["week"]
    assert week["start"] is None
    assert "2018-11-05" in week["candidates"]
    assert document["warnings"][0]["code"] == "year-unknown"


def test_published_date_places_the_week(note_file: Path) -> None:
    document = json.loads(run(str(note_file), "--published", "2018-11-09")[1])
    assert document["notes"][0]["week"]["start"] == "2018-11-05"


def test_pretty_output_is_indented(note_file: Path) -> None:
    out = run(str(note_file), "--pretty")[1]
    assert out.startswith('{\n  "schema_version"')


def test_several_files_print_json_lines(note_file: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.txt"
    other.write_text("Weeknote 3.2021\n\nHello.\n", encoding="utf-8")
    out = run(str(note_file), str(other))[1]
    lines = out.splitlines()
    assert [json.loads(line)["source"]["path"] for line in lines] == [str(note_file), str(other)]


def test_stdin_is_read_from_dash() -> None:
    code, out, _ = run("-", stdin=b"Weeknote 3.2021\n\nHello.\n")
    assert code == EXIT_OK
    assert json.loads(out)["notes"][0]["week"]["iso_week"] == 3


def test_missing_file_is_one_line_error(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    code, out, err = run(str(missing))
    assert (code, out) == (EXIT_INPUT_ERROR, "")
    assert err == f"Error: {missing}: no such file\n"


def test_a_directory_with_no_weeknotes_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "picture.png").write_bytes(b"\x89PNG")
    code, _, err = run(str(tmp_path))
    assert code == EXIT_INPUT_ERROR
    assert err == (
        f"Error: {tmp_path}: is a directory, not a file, and no weeknote files were found in it\n"
    )


def test_binary_file_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    code, _, err = run(str(path))
    assert code == EXIT_INPUT_ERROR
    assert err == f"Error: {path}: binary file (it contains NUL bytes), not a text weeknote\n"


def test_undecodable_file_names_line_and_offset(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes(b"Weeknote 3.2021\n\ncaf\xe9\n")
    code, _, err = run(str(path))
    assert code == EXIT_INPUT_ERROR
    assert err == (
        f"Error: {path}:3: not valid UTF-8 text: undecodable byte 0xe9 at byte offset 20 "
        "(choose another with --encoding)\n"
    )


def test_unreadable_file_is_an_error(note_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object, **_kwargs: object) -> Any:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("weeknote_parser.readers.decoding.open", refuse, raising=False)
    code, _, err = run(str(note_file))
    assert (code, err) == (EXIT_INPUT_ERROR, f"Error: {note_file}: permission denied\n")


def test_a_bad_file_does_not_stop_the_batch(note_file: Path, tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    code, out, err = run(str(missing), str(note_file))
    assert code == EXIT_INPUT_ERROR
    assert len(out.splitlines()) == 1
    assert err.count("Error:") == 1


def test_utf16_with_bom_is_read(tmp_path: Path) -> None:
    path = tmp_path / "wide.txt"
    path.write_bytes("Weeknote 3.2021\r\n\r\nHello.\r\n".encode("utf-16"))
    assert json.loads(run(str(path))[1])["notes"][0]["week"]["iso_week"] == 3


def test_bad_year_is_a_usage_error(note_file: Path) -> None:
    code, _, err = run(str(note_file), "--year", "18")
    assert code == EXIT_USAGE
    assert "--year" in err


def test_unknown_recogniser_is_a_usage_error_listing_valid_names(note_file: Path) -> None:
    code, _, err = run(str(note_file), "--disable", "nope")
    assert code == EXIT_USAGE
    assert "unknown recogniser 'nope'; valid names: chrome, dateline, title" in err


def test_no_file_is_a_usage_error() -> None:
    assert run()[0] == EXIT_USAGE


def test_list_recognisers() -> None:
    code, out, _ = run("--list-recognisers")
    assert code == EXIT_OK
    assert out.split()[:3] == ["chrome", "dateline", "title"]
    assert "links" in out.split()


def test_python_dash_m_runs_the_command(note_file: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "weeknote_parser", str(note_file), "--year", "2018"],
        capture_output=True,
        check=False,
    )
    assert result.returncode == EXIT_OK
    assert json.loads(result.stdout)["notes"][0]["week"]["iso_week"] == 45


def _command(*args: str) -> list[str]:
    return [sys.executable, "-m", "weeknote_parser", *args]


def test_closed_pipe_is_quiet_and_exits_zero(note_file: Path) -> None:
    """'weeknote-parse FILE... | head -c 10': the reader going away is not an error."""
    proc = subprocess.Popen(
        _command("--year", "2018", *[str(note_file)] * 2000),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None
    assert len(proc.stdout.read(10)) == 10
    proc.stdout.close()
    _, err = proc.communicate(timeout=60)
    assert (proc.returncode, err) == (EXIT_OK, b"")


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
@pytest.mark.parametrize("what", ["notes", "schema"])
def test_full_disk_is_one_error_line(note_file: Path, what: str) -> None:
    args = [str(note_file), str(note_file)] if what == "notes" else ["--schema"]
    with open("/dev/full", "wb") as full:
        result = subprocess.run(
            _command(*args),
            stdout=full,
            stderr=subprocess.PIPE,
            check=False,
            timeout=60,
        )
    assert result.returncode == EXIT_INPUT_ERROR
    assert result.stderr == b"Error: cannot write output: No space left on device\n"


def test_closed_stdout_is_one_error_line(note_file: Path) -> None:
    result = subprocess.run(
        ["sh", "-c", '"$@" >&-', "sh", *_command(str(note_file))],
        capture_output=False,
        stderr=subprocess.PIPE,
        check=False,
        timeout=60,
    )
    assert result.returncode == EXIT_INPUT_ERROR
    assert result.stderr == b"Error: cannot write output: standard output is closed\n"


def test_output_that_is_an_input_is_refused_before_reading(tmp_path: Path) -> None:
    """'weeknote-parse other.txt note.txt >> note.txt' reads nothing and writes nothing."""
    note, other = tmp_path / "note.txt", tmp_path / "other.txt"
    note.write_text(NOTE, encoding="utf-8")
    other.write_text(NOTE, encoding="utf-8")
    with open(note, "ab") as output:
        result = subprocess.run(
            _command(str(other), str(note)), stdout=output, stderr=subprocess.PIPE, check=False
        )
    assert result.returncode == EXIT_USAGE
    assert (
        result.stderr
        == (
            f"Error: {note}: is also the output file; nothing was read (write the output "
            "elsewhere)\n"
        ).encode()
    )
    assert note.read_text(encoding="utf-8") == NOTE  # nothing written, nothing lost


@pytest.mark.parametrize("how", ["symbolic link", "hard link", "stdin", "another file"])
def test_which_input_is_the_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    from weeknote_parser.cli import _input_that_is_output

    note, given = tmp_path / "note.txt", tmp_path / "given.txt"
    note.write_text(NOTE, encoding="utf-8")
    if how == "symbolic link":
        given.symlink_to(note)
    elif how == "hard link":
        given.hardlink_to(note)
    else:
        given.write_text(NOTE, encoding="utf-8")
    files = ("-",) if how == "stdin" else (str(tmp_path / "missing.txt"), str(given))
    with open(note, "a", encoding="utf-8") as output, open(note, "rb") as stdin:
        monkeypatch.setattr(sys, "stdout", output)
        found = _input_that_is_output(files, stdin)
    expected = {"stdin": "<stdin>", "another file": None}.get(how, str(given))
    assert found == expected


def test_output_to_another_file_is_fine(note_file: Path, tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    with open(target, "wb") as output:
        result = subprocess.run(_command(str(note_file)), stdout=output, check=False)
    assert result.returncode == EXIT_OK
    assert json.loads(target.read_bytes())["source"]["path"] == str(note_file)


def test_a_failure_while_writing_json_is_one_line_and_the_batch_goes_on(
    note_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from weeknote_parser.api import to_json as real

    calls: list[int] = []

    def flaky(document: Any, *, pretty: bool = False) -> bytes:
        calls.append(1)
        if len(calls) == 1:
            raise TypeError("cannot encode")
        return real(document, pretty=pretty)

    monkeypatch.setattr("weeknote_parser.outputs.to_json", flaky)
    code, out, err = run(str(note_file), str(note_file), "--year", "2018")
    assert code == EXIT_INTERNAL
    assert err == (
        f"Error: {note_file}: internal error (TypeError: cannot encode); please report it\n"
        "parsed 2 files (1 note), 1 failed, 0 skipped, 0 warnings\n"
    )
    assert len(out.splitlines()) == 1


def test_url_with_surrogates_is_written(note_file: Path) -> None:
    code, out, err = run(str(note_file), "--url", "https://blog.example/\udcff/")
    assert (code, err) == (EXIT_OK, "")
    assert json.loads(out)["source"]["url"] == "https://blog.example/\ufffd/"


def test_unparsable_url_is_a_warning(note_file: Path) -> None:
    code, out, err = run(str(note_file), "--url", "http://[::1")
    assert (code, err) == (EXIT_OK, "")
    document = json.loads(out)
    assert document["source"]["url"] == "http://[::1"
    assert "bad-url" in [w["code"] for w in document["warnings"]]


def test_published_at_the_calendars_edge_is_a_usage_error(note_file: Path) -> None:
    for day in ("9999-12-31", "0001-01-01"):
        code, _, err = run(str(note_file), "--published", day)
        assert code == EXIT_USAGE
        assert err.splitlines()[-1] == (
            f"Error: Invalid value for '--published': {day} is outside the dates read, "
            "1900-01-01 to 2200-12-31"
        )


def test_date_order_reads_numeric_dates_month_first(tmp_path: Path) -> None:
    path = tmp_path / "us.txt"
    path.write_text("Weeknote 03/04/2022\n\nText.\n", encoding="utf-8")
    default = json.loads(run(str(path))[1])
    month_first = json.loads(run(str(path), "--date-order", "mdy")[1])
    assert default["notes"][0]["week"]["start"] == "2022-03-28"
    assert [w["code"] for w in default["warnings"]] == ["ambiguous-date"]
    assert month_first["notes"][0]["week"]["start"] == "2022-02-28"
    assert month_first["warnings"] == []


def test_bad_date_order_is_a_usage_error(note_file: Path) -> None:
    assert run(str(note_file), "--date-order", "ymd")[0] == EXIT_USAGE


def test_format_option_and_stdin_sniffing(tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_text("# Weeknote 3.2021\n\nText.\n", encoding="utf-8")
    as_markdown = json.loads(run(str(path), "--format", "markdown")[1])
    assert as_markdown["source"]["format"] == "markdown"
    assert as_markdown["notes"][0]["title"] == "Weeknote 3.2021"
    page = b"<html><body><article><h1>Weeknote 3.2021</h1></article></body></html>"
    sniffed = json.loads(run("-", stdin=page)[1])
    assert (sniffed["source"]["format"], sniffed["source"]["path"]) == ("html", "-")


def test_encoding_option(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("Weeknote 3.2021\n\nCaf\xe9.\n".encode("latin-1"))
    assert run(str(path))[0] == EXIT_INPUT_ERROR
    code, out, _ = run(str(path), "--encoding", "latin-1")
    assert code == EXIT_OK
    assert json.loads(out)["source"]["encoding"] == "iso8859-1"


def test_unknown_encoding_is_an_input_error(note_file: Path) -> None:
    code, _, err = run(str(note_file), "--encoding", "no-such-codec")
    assert (code, err) == (
        EXIT_INPUT_ERROR,
        f"Error: {note_file}: unknown encoding 'no-such-codec'\n",
    )


def test_url_option_is_evidence(tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_text("A quiet week\n\nText.\n", encoding="utf-8")
    out = run(str(path), "--url", "https://blog.example/2020/05/15/quiet/")[1]
    week = json.loads(out)["notes"][0]["week"]
    assert (week["start"], week["year_source"]) == ("2020-05-11", "url")


def test_an_internal_error_is_one_line_and_the_batch_goes_on(
    note_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from weeknote_parser.parser import Parser

    real = Parser.parse_source
    calls = []

    def flaky(self: Parser, source: Any) -> Any:
        calls.append(source.location.path)
        if len(calls) == 1:
            raise RuntimeError("boom")
        return real(self, source)

    monkeypatch.setattr(Parser, "parse_source", flaky)
    code, out, err = run(str(note_file), str(note_file), "--quiet")
    assert code == EXIT_INTERNAL
    assert err == f"Error: {note_file}: internal error (RuntimeError: boom); please report it\n"
    assert len(out.splitlines()) == 1


# -- configuration, plugins and the settings the options file holds ---------------------------
def test_show_config_names_where_each_setting_came_from(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "weeknote-parser.toml").write_text('date-order = "mdy"\nyear = 2019\n')
    monkeypatch.chdir(tmp_path)
    code, out, err = run("--show-config", "--year", "2020")
    assert (code, err) == (0, "")
    rows = dict(line.split(" = ", 1) for line in out.splitlines())
    assert rows["date_order"] == f'"mdy"  ({tmp_path / "weeknote-parser.toml"})'
    assert rows["year"] == "2020  (command line)"
    assert rows["first_candidate_year"] == "2005  (default)"


def test_a_config_file_found_upwards_changes_the_parse(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.weeknote-parser]\nyear = 2018\n")
    inner = tmp_path / "notes" / "2024"
    inner.mkdir(parents=True)
    note = inner / "n.txt"
    note.write_text("Weeknote w/c 5 November\n\nText.\n")
    monkeypatch.chdir(inner)
    code, out, _ = run(str(note))
    assert code == 0
    assert json.loads(out)["notes"][0]["week"]["start"] == "2018-11-05"


def test_a_bad_config_file_is_one_line_with_exit_2(tmp_path: Path) -> None:
    config = tmp_path / "settings.toml"
    config.write_text('date_order = "ymd"\n')
    code, out, err = run("--config", str(config), "--show-config")
    assert (code, out) == (2, "")
    assert err == f"Error: {config}: date_order: Input should be 'dmy' or 'mdy' (got 'ymd')\n"


def test_an_unknown_plugin_lists_the_installed_ones(note_file: Path) -> None:
    code, _, err = run("--plugin", "no-such-plugin", str(note_file))
    assert code == 2
    last = err.splitlines()[-1]
    assert last.startswith("Error: unknown plugin 'no-such-plugin'; ")
    assert "installed" in last  # the installed plugins, or that there are none


def test_vocabulary_and_first_candidate_year_from_the_command_line(tmp_path: Path) -> None:
    note = tmp_path / "n.txt"
    note.write_text("Weeknote w/c 5 November\n\nIntro text.\n\nSmall wins\n\nThe form shipped.\n")
    code, out, _ = run("--vocabulary", "went_well=Small wins", "--first-candidate-year", "2015",
                       str(note))  # fmt: skip
    assert code == 0
    note_json = json.loads(out)["notes"][0]
    assert [s["kind"] for s in note_json["sections"]] == ["intro", "went_well"]
    assert all(day >= "2015" for day in note_json["week"]["candidates"])


def test_a_malformed_vocabulary_pair_is_a_usage_error(note_file: Path) -> None:
    code, _, err = run("--vocabulary", "went_well", str(note_file))
    assert code == 2
    assert "KIND=HEADING" in err


def test_files_are_needed_unless_showing_the_config() -> None:
    code, _, err = run()
    assert code == 2
    assert "Missing argument" in err


# -- the group: parsing is the default command ---------------------------------------------
def test_the_group_parses_paths_by_default_and_by_name(note_file: Path) -> None:
    from weeknote_parser.cli import group

    default = CliRunner().invoke(group, [str(note_file), "--year", "2018"])
    named = CliRunner().invoke(group, ["parse", str(note_file), "--year", "2018"])
    assert (default.exit_code, named.exit_code) == (EXIT_OK, EXIT_OK)
    assert default.stdout == named.stdout
    assert json.loads(default.stdout)["notes"][0]["week"]["iso_week"] == 45
    options_first = CliRunner().invoke(group, ["--year", "2018", str(note_file)])
    assert options_first.stdout == default.stdout


def test_the_group_without_arguments_is_a_usage_error() -> None:
    from weeknote_parser.cli import group

    result = CliRunner().invoke(group, [])
    assert result.exit_code == EXIT_USAGE
    assert "Missing argument 'PATH...'" in result.stderr


def test_a_file_named_like_a_command_is_read_through_its_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from weeknote_parser.cli import group

    (tmp_path / "export").write_text(NOTE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(group, ["./export", "--year", "2018"])
    assert result.exit_code == EXIT_OK
    assert json.loads(result.stdout)["source"]["path"] == "./export"


def test_help_names_the_export_command() -> None:
    result = subprocess.run(_command("--help"), capture_output=True, check=False, timeout=60)
    assert result.returncode == EXIT_OK
    assert b"export sqlite" in result.stdout
    assert b"--per" in result.stdout
    export = subprocess.run(
        _command("export", "sqlite", "--help"), capture_output=True, check=False, timeout=60
    )
    assert export.returncode == EXIT_OK
    assert b"datasette" in export.stdout.lower()


def test_python_dash_m_runs_the_export(note_file: Path, tmp_path: Path) -> None:
    pytest.importorskip("sqlite_utils")
    db = tmp_path / "notes.db"
    result = subprocess.run(
        _command("export", "sqlite", str(db), str(note_file), "--year", "2018"),
        capture_output=True,
        check=False,
        timeout=60,
    )
    assert (result.returncode, result.stderr) == (EXIT_OK, b"")
    import sqlite3

    with sqlite3.connect(db) as connection:
        rows = connection.execute("select iso_week from notes").fetchall()
    assert rows == [(45,)]


def test_version_through_the_group() -> None:
    result = subprocess.run(_command("--version"), capture_output=True, check=False, timeout=60)
    assert result.returncode == EXIT_OK
    assert b"0.1.0" in result.stdout
