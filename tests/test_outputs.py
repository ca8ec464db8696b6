"""Output modes: records per note and section, the formats, filters, warnings and the tally."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from weeknote_parser import parse
from weeknote_parser.cli import EXIT_INPUT_ERROR, EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, command
from weeknote_parser.records import NOTE_COLUMNS, SECTION_COLUMNS

ARCHIVE = """\
Weeknote 10.2024

The audit started. See https://example.org/audit for the plan.

What went well

- the kick-off
- the first interviews
    - with the finance team

Weeknote 11.2024

A quiet week.

Things I learned

Budgets are calendars.

Weeknote 12.2024

Short one.
"""
YEARLESS = "Weeknote w/c 5 November\n\nText.\n"


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    path = tmp_path / "archive.txt"
    path.write_text(ARCHIVE, encoding="utf-8")
    return path


@pytest.fixture
def yearless(tmp_path: Path) -> Path:
    path = tmp_path / "yearless.txt"
    path.write_text(YEARLESS, encoding="utf-8")
    return path


def run(*args: str, stdin: bytes | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(command, ["--today", "2025-01-01", *args], input=stdin)
    return result.exit_code, result.stdout, result.stderr


def lines(out: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in out.splitlines()]


# -- records ---------------------------------------------------------------------------------


def test_per_note_records_carry_their_source_and_index(archive: Path) -> None:
    code, out, err = run(str(archive), "--per", "note")
    assert (code, err) == (EXIT_OK, "")
    notes = lines(out)
    assert [(n["source"], n["index"], n["title"]) for n in notes] == [
        (str(archive), 0, "Weeknote 10.2024"),
        (str(archive), 1, "Weeknote 11.2024"),
        (str(archive), 2, "Weeknote 12.2024"),
    ]
    assert notes[0]["week"]["start"] == "2024-03-04"
    assert notes[0]["links"][0]["url"] == "https://example.org/audit"
    assert notes[0]["warnings"] == []


def test_per_section_records_are_retrieval_chunks(archive: Path) -> None:
    sections = lines(run(str(archive), "--per", "section")[1])
    assert [s["id"] for s in sections] == [
        f"{archive}#0/0", f"{archive}#0/1", f"{archive}#1/0", f"{archive}#1/1", f"{archive}#2/0",
    ]  # fmt: skip
    went_well = sections[1]
    assert went_well == {
        "id": f"{archive}#0/1",
        "source": str(archive),
        "note_index": 0,
        "section_index": 1,
        "note_title": "Weeknote 10.2024",
        "week_start": "2024-03-04",
        "iso_year": 2024,
        "iso_week": 10,
        "heading": "What went well",
        "kind": "went_well",
        "text": "- the kick-off\n- the first interviews\n  - with the finance team",
        "span": went_well["span"],
    }
    document = parse(ARCHIVE)
    assert went_well["span"] == list(document.notes[0].sections[1].span)


def test_a_note_record_holds_the_warnings_about_its_lines(yearless: Path) -> None:
    [note] = lines(run(str(yearless), "--per", "note", "--quiet")[1])
    assert [w["code"] for w in note["warnings"]] == ["year-unknown"]


# -- formats ---------------------------------------------------------------------------------


def test_json_is_one_array_of_records(archive: Path, yearless: Path) -> None:
    code, out, _ = run(str(archive), str(yearless), "--to", "json", "--per", "note", "-q")
    assert code == EXIT_OK
    assert [n["title"] for n in json.loads(out)] == [
        "Weeknote 10.2024", "Weeknote 11.2024", "Weeknote 12.2024", "Weeknote w/c 5 November",
    ]  # fmt: skip
    pretty = run(str(archive), "--to", "json", "--pretty")[1]
    assert json.loads(pretty)[0]["notes"][2]["title"] == "Weeknote 12.2024"
    assert "\n    " in pretty
    assert json.loads(run(str(archive), "--to", "json", "--since", "2030-01-01")[1]) == [
        {**json.loads(run(str(archive))[1]), "notes": []}
    ]
    assert (
        json.loads(run(str(archive), "--to", "json", "--per", "note", "--kind", "reading")[1]) == []
    )


def test_csv_has_one_row_per_note_or_section(archive: Path) -> None:
    code, out, _ = run(str(archive), "--to", "csv")
    assert code == EXIT_OK
    rows = list(csv.reader(io.StringIO(out, newline="")))
    assert tuple(rows[0]) == NOTE_COLUMNS
    first = dict(zip(NOTE_COLUMNS, rows[1], strict=True))
    assert len(rows) == 4
    assert (first["iso_week"], first["week_start"], first["section_kinds"]) == (
        "10",
        "2024-03-04",
        "intro went_well",
    )
    assert (first["links"], first["published"], first["note_index"]) == ("1", "", "0")
    sections = list(
        csv.reader(io.StringIO(run(str(archive), "--to", "csv", "--per", "section")[1]))
    )
    assert tuple(sections[0]) == SECTION_COLUMNS
    assert len(sections) == 6
    assert dict(zip(SECTION_COLUMNS, sections[2], strict=True))["text"].startswith("- the kick")


def test_table_is_one_line_per_note(archive: Path, yearless: Path) -> None:
    code, out, _ = run(str(archive), str(yearless), "--to", "table", "--quiet")
    assert code == EXIT_OK
    head, *rows = out.splitlines()
    assert head.split() == ["WEEK", "MONDAY", "WARN", "SECTIONS", "TITLE"]
    assert rows[0].split() == [
        "2024-W10",
        "2024-03-04",
        "0",
        "intro,went_well",
        "Weeknote",
        "10.2024",
    ]
    assert rows[1].split()[:4] == ["2024-W11", "2024-03-11", "0", "intro,learning"]
    assert rows[3].split()[:3] == ["-", "-", "1"]  # no week known, one warning
    assert all(len(row) <= 100 for row in out.splitlines())
    sections = run(str(archive), "--to", "table", "--per", "section")[1].splitlines()
    assert sections[0].split() == ["WEEK", "MONDAY", "KIND", "HEADING"]
    assert sections[2].split() == ["2024-W10", "2024-03-04", "went_well", "What", "went", "well"]


def test_a_long_title_is_cut_to_the_width(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text("Weeknote 3.2021: " + "a very long subtitle " * 6 + "\n\nText.\n")
    row = run(str(path), "--to", "table")[1].splitlines()[1]
    assert len(row) == 100
    assert row.endswith("…")


def test_markdown_output_reads_back_as_the_same_notes(archive: Path) -> None:
    code, out, _ = run(str(archive), "--to", "markdown")
    assert code == EXIT_OK
    assert out.startswith("# Weeknote 10.2024\n\n")
    assert "## What went well\n\n- the kick-off\n- the first interviews\n  - with" in out
    again = parse(out, format="markdown")
    original = parse(ARCHIVE)
    assert [n.title for n in again.notes] == [n.title for n in original.notes]
    assert [n.week for n in again.notes] == [n.week for n in original.notes]


def test_pretty_is_for_json_only(archive: Path) -> None:
    code, _, err = run(str(archive), "--to", "csv", "--pretty")
    assert code == EXIT_USAGE
    assert "--pretty applies to JSON output" in err


# -- filters ---------------------------------------------------------------------------------


def test_since_and_until_keep_weeks_that_start_between(archive: Path, yearless: Path) -> None:
    def titles(*args: str) -> list[str]:
        return [
            n["title"]
            for n in lines(run(str(archive), str(yearless), "--per", "note", "-q", *args)[1])
        ]

    assert titles("--since", "2024-03-11") == ["Weeknote 11.2024", "Weeknote 12.2024"]
    assert titles("--until", "2024-03-11") == ["Weeknote 10.2024", "Weeknote 11.2024"]
    assert titles("--since", "2024-03-05", "--until", "2024-03-11") == ["Weeknote 11.2024"]
    assert len(titles()) == 4  # the year-less note is kept only without a date filter


def test_since_after_until_is_a_usage_error(archive: Path) -> None:
    code, _, err = run(str(archive), "--since", "2024-02-01", "--until", "2024-01-01")
    assert code == EXIT_USAGE
    assert "is after --until" in err


def test_kind_keeps_sections_of_that_kind_and_their_notes(archive: Path) -> None:
    sections = lines(run(str(archive), "--per", "section", "--kind", "learning")[1])
    assert [(s["note_index"], s["section_index"], s["heading"]) for s in sections] == [
        (1, 1, "Things I learned")
    ]
    [document] = lines(run(str(archive), "--kind", "learning", "--kind", "went_well")[1])
    assert [[s["kind"] for s in n["sections"]] for n in document["notes"]] == [
        ["went_well"],
        ["learning"],
    ]
    assert run(str(archive), "--kind", "nonsense")[0] == EXIT_USAGE


# -- warnings, the tally and exit codes ------------------------------------------------------


def test_warnings_go_to_stderr_as_editors_read_them(archive: Path, yearless: Path) -> None:
    code, _, err = run(str(archive), str(yearless))
    assert code == EXIT_OK
    warning, tally = err.splitlines()
    assert warning.startswith(f"{yearless}:1: year-unknown: 'w/c 5 November' names no year")
    assert tally == "parsed 2 files (4 notes), 0 failed, 0 skipped, 1 warning"


def test_one_input_as_one_document_keeps_warnings_in_its_json(yearless: Path) -> None:
    code, out, err = run(str(yearless))
    assert (code, err) == (EXIT_OK, "")
    assert json.loads(out)["warnings"][0]["line"] == 0
    assert run(str(yearless), "--per", "note")[2].startswith(f"{yearless}:1: year-unknown:")


def test_quiet_hides_warnings_and_the_tally_but_not_errors(yearless: Path, tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    code, _, err = run(str(yearless), str(missing), "--quiet")
    assert code == EXIT_INPUT_ERROR
    assert err == f"Error: {missing}: no such file\n"


def test_strict_makes_a_warning_a_failure_and_still_writes(yearless: Path, archive: Path) -> None:
    code, out, err = run(str(yearless), "--strict")
    assert code == EXIT_INPUT_ERROR
    assert json.loads(out)["notes"][0]["title"] == "Weeknote w/c 5 November"
    assert err.startswith(f"{yearless}:1: year-unknown:")
    assert run(str(archive), "--strict")[0] == EXIT_OK
    assert run(str(yearless), "--strict", "--quiet")[1:] == (out, "")


def test_the_tally_counts_failures_and_skips(archive: Path, tmp_path: Path) -> None:
    (tmp_path / "picture.png").write_bytes(b"\x89PNG")
    (tmp_path / "bad.txt").write_bytes(b"caf\xe9\n")
    code, out, err = run(str(tmp_path), "-q")
    assert code == EXIT_INPUT_ERROR
    assert len(lines(out)) == 1  # archive.txt
    code, _, err = run(str(tmp_path))
    assert err.splitlines()[-1] == "parsed 2 files (3 notes), 1 failed, 1 skipped, 0 warnings"


def test_an_internal_error_is_exit_3_and_the_others_are_written(
    archive: Path, yearless: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from weeknote_parser import outputs, records

    real = records.records

    def flaky(document: Any, per: Any, filters: Any) -> Any:
        if document.source.path == str(archive):
            raise ValueError("broken")
        return real(document, per, filters)

    monkeypatch.setattr(outputs, "records", flaky)
    code, out, err = run(str(archive), str(yearless), "--per", "note", "-q")
    assert code == EXIT_INTERNAL
    assert [n["source"] for n in lines(out)] == [str(yearless)]
    assert err == f"Error: {archive}: internal error (ValueError: broken); please report it\n"


# -- many files ------------------------------------------------------------------------------


@pytest.mark.parametrize("jobs", ["2", "0"])
def test_jobs_give_the_same_output_in_the_same_order(tmp_path: Path, jobs: str) -> None:
    for week in range(1, 25):
        (tmp_path / f"note-{week:02d}.txt").write_text(
            f"Weeknote {week}.2021\n\nA quiet week, number {week}.\n"
        )
    (tmp_path / "bad.txt").write_bytes(b"caf\xe9\n")
    one = run(str(tmp_path), "--per", "note")
    many = run(str(tmp_path), "--per", "note", "--jobs", jobs)
    assert many == one
    assert one[0] == EXIT_INPUT_ERROR
    assert [n["week"]["iso_week"] for n in lines(one[1])] == list(range(1, 25))


def test_jobs_read_stdin_in_order(archive: Path) -> None:
    code, out, _ = run(
        str(archive), "-", str(archive), "--jobs", "2", "-q", stdin=YEARLESS.encode()
    )
    assert code == EXIT_OK
    assert [d["source"]["path"] for d in lines(out)] == [str(archive), "-", str(archive)]


def test_progress_only_when_asked_or_on_a_terminal(archive: Path, yearless: Path) -> None:
    files = (str(archive), str(yearless))
    assert "parsing" not in run(*files, "--progress", "-q")[2]
    assert "parsing" in run(*files, "--progress")[2]
    assert "parsing" not in run(*files, "--no-progress")[2]
    assert "parsing" not in run(*files)[2]  # stderr is not a terminal here


# -- --output FILE (in a real process: the file is written by the command itself) ----------


def _process(*args: str) -> Any:
    import subprocess
    import sys

    return subprocess.run(
        [sys.executable, "-m", "weeknote_parser", "--today", "2025-01-01", *args],
        capture_output=True,
        check=False,
        timeout=60,
    )


def test_output_file_is_written_whole_with_a_shells_permissions(
    archive: Path, tmp_path: Path
) -> None:
    target = tmp_path / "out" / "notes.jsonl"
    target.parent.mkdir()
    result = _process(str(archive), "--per", "note", "--output", str(target))
    assert (result.returncode, result.stdout, result.stderr) == (EXIT_OK, b"", b"")
    assert [n["index"] for n in lines(target.read_text(encoding="utf-8"))] == [0, 1, 2]
    assert list(target.parent.iterdir()) == [target]  # no temporary file left
    assert target.stat().st_mode & 0o777 == 0o666 & ~_umask()
    target.chmod(0o600)
    assert _process(str(archive), "-o", str(target)).returncode == EXIT_OK
    assert target.stat().st_mode & 0o777 == 0o600  # an existing file keeps its mode
    assert json.loads(target.read_text(encoding="utf-8"))["source"]["path"] == str(archive)


def _umask() -> int:
    import os

    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_output_dash_is_stdout(archive: Path) -> None:
    result = _process(str(archive), "--output", "-")
    assert result.returncode == EXIT_OK
    assert json.loads(result.stdout)["source"]["path"] == str(archive)


def test_output_that_is_an_input_is_refused_before_reading(archive: Path, tmp_path: Path) -> None:
    link = tmp_path / "link.txt"
    link.symlink_to(archive)
    for target in (archive, link):
        result = _process(str(tmp_path), "-o", str(target))
        assert result.returncode == EXIT_USAGE
        assert (
            result.stderr
            == (
                f"Error: {archive}: is also the output file; nothing was read (write the output "
                "elsewhere)\n"
            ).encode()
        )
        assert archive.read_text(encoding="utf-8") == ARCHIVE


def test_an_output_that_cannot_be_written_is_one_line(archive: Path, tmp_path: Path) -> None:
    missing = tmp_path / "no" / "such" / "out.jsonl"
    result = _process(str(archive), "-o", str(missing))
    assert result.returncode == EXIT_INPUT_ERROR
    assert (
        result.stderr
        == f"Error: cannot write output: {missing}: No such file or directory\n".encode()
    )
    result = _process(str(archive), "-o", str(tmp_path))
    assert result.returncode == EXIT_INPUT_ERROR
    assert result.stderr == f"Error: cannot write output: {tmp_path}: Is a directory\n".encode()


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
def test_a_full_disk_under_output_is_one_line_and_the_device_stays(archive: Path) -> None:
    result = _process(str(archive), str(archive), "-o", "/dev/full", "-q")
    assert result.returncode == EXIT_INPUT_ERROR
    assert result.stderr == b"Error: cannot write output: /dev/full: No space left on device\n"
    assert Path("/dev/full").is_char_device()


def test_a_failed_run_leaves_the_old_output_as_it_was(archive: Path, tmp_path: Path) -> None:
    target = tmp_path / "notes.jsonl"
    target.write_text("old\n", encoding="utf-8")
    result = _process(str(archive), "--to", "csv", "--pretty", "-o", str(target))
    assert result.returncode == EXIT_USAGE
    assert target.read_text(encoding="utf-8") == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["archive.txt", "notes.jsonl"]


def _die_on_b(document: Any) -> Any:
    """A render that kills the worker process parsing n03.txt (as a crash in C code would)."""
    import os

    if str(document.source.path).endswith("n03.txt"):
        os._exit(1)
    return document.source.path


def test_a_worker_that_dies_is_an_internal_error_and_the_rest_are_parsed(tmp_path: Path) -> None:
    from weeknote_parser.batch import Job, run
    from weeknote_parser.discover import discover

    names = [f"n{index:02d}.txt" for index in range(24)]
    for name in names:
        (tmp_path / name).write_text(f"Weeknote 3.2021\n\n{name}.\n", encoding="utf-8")
    entries = discover([str(tmp_path)]).entries
    outcomes = list(run(Job(render=_die_on_b), entries, jobs=2, window=4))
    assert [Path(o.shown).name for o in outcomes] == names
    bugs = [Path(o.shown).name for o in outcomes if o.status == "bug"]
    assert "n03.txt" in bugs
    assert len(bugs) < len(names) - 3  # what was in flight, and no more
    assert all(o.status == "parsed" for o in outcomes if Path(o.shown).name not in bugs)
    assert outcomes[-1].status == "parsed"  # the files after the crash: parsed here
    assert "internal error" in outcomes[names.index("n03.txt")].message
