"""``weeknote-parse export sqlite``: the tables, their keys, reruns, full-text search, and the
database opened with Datasette (the ``[sqlite]`` extra; Datasette from ``[integration]``)."""

from __future__ import annotations

import asyncio
import importlib
import json
import sqlite3
import sys
from pathlib import Path
from typing import Any

import click
import pytest
from click.testing import CliRunner

from weeknote_parser.cli import EXIT_INPUT_ERROR, EXIT_OK, EXIT_USAGE, group

from .conftest import EXAMPLES, ROOT

sqlite_utils = pytest.importorskip("sqlite_utils")

NOTE = """\
Weeknote 10.2024

The budget review started. https://example.org/budget

What went well

- the kick-off
- [x] the first interviews
    - with the finance team

Weeknote 11.2024

A quiet week of reading about calendars.
"""
TABLES = ("documents", "notes", "sections", "list_items", "links", "warnings")


@pytest.fixture(autouse=True, scope="module")
def sqlite_utils_set_up() -> None:
    """sqlite-utils loads its own plugins (reading every installed package's entry points)
    the first time a database is opened: done here, so that the guard against reads outside
    the input sees only what the export itself opens."""
    sqlite_utils.Database(memory=True).close()


def export(db: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(
        group, ["export", "sqlite", str(db), "--today", "2025-01-01", *args]
    )
    return result.exit_code, result.stdout, result.stderr


def rows(db: Path, sql: str, *params: Any) -> list[tuple[Any, ...]]:
    with sqlite3.connect(db) as connection:
        return connection.execute(sql, params).fetchall()


@pytest.fixture
def notes(tmp_path: Path) -> Path:
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "2024.txt").write_text(NOTE, encoding="utf-8")
    (folder / "yearless.txt").write_text("Weeknote w/c 5 November\n\nText.\n", encoding="utf-8")
    return folder


def test_export_builds_every_table_with_keys_up_the_tree(notes: Path, tmp_path: Path) -> None:
    db = tmp_path / "notes.db"
    code, out, err = export(db, str(notes))
    assert (code, out) == (EXIT_OK, "")
    assert err.splitlines()[-1] == "parsed 2 files (3 notes), 0 failed, 0 skipped, 1 warning"
    source = str(notes / "2024.txt")
    assert rows(db, "select id, document, note_index, iso_week, week_start from notes") == [
        (f"{source}#0", source, 0, 10, "2024-03-04"),
        (f"{source}#1", source, 1, 11, "2024-03-11"),
        (f"{notes / 'yearless.txt'}#0", str(notes / "yearless.txt"), 0, None, None),
    ]
    assert rows(db, "select id, kind, heading from sections where note_id = ?", f"{source}#0") == [
        (f"{source}#0/0", "intro", None),
        (f"{source}#0/1", "went_well", "What went well"),
    ]
    assert rows(db, "select text, depth, checked, list_index from list_items order by id") == [
        ("the kick-off", 1, None, 0),
        ("the first interviews", 1, 1, 0),
        ("with the finance team", 2, None, 1),
    ]
    assert rows(db, "select url, note_id from links") == [
        ("https://example.org/budget", f"{source}#0")
    ]
    assert rows(db, "select code, note_id, line from warnings") == [
        ("year-unknown", f"{notes / 'yearless.txt'}#0", 0)
    ]
    with sqlite3.connect(db) as connection:
        keys = {t: connection.execute(f"pragma foreign_key_list({t})").fetchall() for t in TABLES}
        assert connection.execute("pragma foreign_key_check").fetchall() == []
    assert {(k[3], k[2], k[4]) for k in keys["list_items"]} == {
        ("document", "documents", "path"),
        ("note_id", "notes", "id"),
        ("section_id", "sections", "id"),
    }
    assert {(k[3], k[2]) for k in keys["sections"]} == {
        ("document", "documents"),
        ("note_id", "notes"),
    }


def test_full_text_search_over_sections(notes: Path, tmp_path: Path) -> None:
    db = tmp_path / "notes.db"
    export(db, str(notes))
    found = rows(
        db,
        "select sections.id from sections join sections_fts on sections_fts.rowid = sections.rowid"
        " where sections_fts match ? order by rank",
        "calendars",
    )
    assert found == [(f"{notes / '2024.txt'}#1/0",)]


def test_a_rerun_updates_rather_than_duplicates(notes: Path, tmp_path: Path) -> None:
    db = tmp_path / "notes.db"
    export(db, str(notes))
    counts = [rows(db, f"select count(*) from {t}")[0][0] for t in TABLES]
    assert export(db, str(notes), "--jobs", "2")[0] == EXIT_OK
    assert [rows(db, f"select count(*) from {t}")[0][0] for t in TABLES] == counts
    shorter = NOTE.split("Weeknote 11.2024")[0].replace("budget review", "audit")
    (notes / "2024.txt").write_text(shorter, encoding="utf-8")
    assert export(db, str(notes / "2024.txt"))[0] == EXIT_OK
    source = str(notes / "2024.txt")
    assert rows(db, "select note_index from notes where document = ?", source) == [(0,)]
    assert rows(db, "select notes from documents where path = ?", source) == [(1,)]
    assert rows(db, "select count(*) from sections_fts where sections_fts match 'calendars'") == [
        (0,)
    ]
    assert rows(db, "select count(*) from sections_fts where sections_fts match 'audit'") == [(1,)]
    assert rows(db, "select count(*) from notes where document like '%yearless.txt'") == [(1,)]


def test_a_failed_input_keeps_its_rows_and_is_exit_1(notes: Path, tmp_path: Path) -> None:
    db = tmp_path / "notes.db"
    export(db, str(notes))
    (notes / "2024.txt").write_bytes(b"caf\xe9\n")
    code, _, err = export(db, str(notes), "-q")
    assert code == EXIT_INPUT_ERROR
    assert err.startswith(f"Error: {notes / '2024.txt'}:1: not valid UTF-8 text")
    assert rows(db, "select count(*) from notes where document = ?", str(notes / "2024.txt")) == [
        (2,)
    ]


def test_the_database_is_not_an_input(notes: Path) -> None:
    db = notes / "2024.txt"
    code, _, err = export(db, str(notes))
    assert code == EXIT_USAGE
    assert err == f"Error: {db}: is also the database; nothing was read\n"


def test_without_sqlite_utils_one_line_names_the_extra(
    notes: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "sqlite_utils", None)
    code, _, err = export(tmp_path / "notes.db", str(notes))
    assert code == EXIT_USAGE
    assert err == (
        "Error: the SQLite export needs sqlite-utils: pip install 'weeknote-parser[sqlite]'\n"
    )
    assert not (tmp_path / "notes.db").exists()


def test_the_examples_export_and_every_option_is_documented(tmp_path: Path) -> None:
    db = tmp_path / "examples.db"
    code, _, _ = export(db, str(EXAMPLES), "-q")
    assert code == EXIT_OK
    assert rows(db, "select count(*) from documents")[0][0] >= 10
    doc = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    sqlite_command = group.commands["export"]
    assert isinstance(sqlite_command, click.Group)
    command = sqlite_command.commands["sqlite"]
    for param in command.get_params(click.Context(command)):
        if isinstance(param, click.Option):
            for name in param.opts:
                assert f"`{name}" in doc, f"{name} is not documented in docs/cli.md"


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
@pytest.mark.filterwarnings("ignore::PendingDeprecationWarning")
def test_datasette_opens_the_database_and_searches_it(notes: Path, tmp_path: Path) -> None:
    pytest.importorskip("datasette")
    app = importlib.import_module("datasette.app")
    db = tmp_path / "notes.db"
    export(db, str(notes))

    async def browse() -> tuple[Any, Any, Any]:
        datasette = app.Datasette(files=[str(db)])
        await datasette.invoke_startup()
        tables = await datasette.client.get("/notes.json")
        search = await datasette.client.get("/notes/sections.json?_search=budget&_shape=array")
        found = await datasette.get_database("notes").execute(
            "select id from sections where rowid in "
            "(select rowid from sections_fts where sections_fts match 'interviews')"
        )
        return tables, search, found

    tables, search, found = asyncio.run(browse())
    assert tables.status_code == 200
    names = {table["name"] for table in tables.json()["tables"]}
    assert set(TABLES) <= names
    assert search.status_code == 200
    assert [row["id"] for row in search.json()] == [f"{notes / '2024.txt'}#0/0"]
    assert [row["id"] for row in found.rows] == [f"{notes / '2024.txt'}#0/1"]
    assert json.loads(json.dumps(search.json()))[0]["kind"] == "intro"
