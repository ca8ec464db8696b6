"""Parsed documents into a SQLite database (with sqlite-utils, the ``[sqlite]`` extra).

Tables: ``documents`` (one row per input, keyed by its path), ``notes``, ``sections``,
``list_items``, ``links`` and ``warnings``, each row with a stable text ``id`` made from the
document's path and the indexes below it, and foreign keys up the tree. ``sections`` has a
full-text index (FTS5) over its heading and text. Exporting a document again replaces its
rows: a rerun updates the database rather than adding to it.
"""

from __future__ import annotations

import importlib
import json
from typing import Any

from .errors import WeeknoteError
from .models import Document, ListBlock, Note, flatten_lists
from .records import note_warnings, section_text

Rows = dict[str, list[dict[str, Any]]]
EXTRA_HINT = "pip install 'weeknote-parser[sqlite]'"

COLUMNS: dict[str, dict[str, type]] = {
    "documents": {
        "path": str, "url": str, "format": str, "encoding": str, "notes": int,
        "warnings": int, "chrome": str,
    },
    "notes": {
        "id": str, "document": str, "note_index": int, "title": str, "subtitle": str,
        "week_raw": str, "week_kind": str, "iso_year": int, "iso_week": int,
        "week_start": str, "week_end": str, "year_source": str, "published": str,
        "author": str, "url": str, "tags": str, "metadata": str, "span_start": int,
        "span_end": int,
    },
    "sections": {
        "id": str, "document": str, "note_id": str, "section_index": int, "note_title": str,
        "week_start": str, "heading": str, "kind": str, "text": str, "span_start": int,
        "span_end": int,
    },
    "list_items": {
        "id": str, "document": str, "note_id": str, "section_id": str, "list_index": int,
        "item_index": int, "depth": int, "style": str, "lead_in": str, "text": str,
        "checked": int, "span_start": int, "span_end": int,
    },
    "links": {
        "id": str, "document": str, "note_id": str, "link_index": int, "url": str,
        "text": str, "line": int,
    },
    "warnings": {
        "id": str, "document": str, "note_id": str, "warning_index": int, "code": str,
        "message": str, "line": int,
    },
}  # fmt: skip
KEYS = {table: "path" if table == "documents" else "id" for table in COLUMNS}
FOREIGN_KEYS: dict[str, list[tuple[str, str, str]]] = {
    "notes": [("document", "documents", "path")],
    "sections": [("document", "documents", "path"), ("note_id", "notes", "id")],
    "list_items": [
        ("document", "documents", "path"), ("note_id", "notes", "id"),
        ("section_id", "sections", "id"),
    ],
    "links": [("document", "documents", "path"), ("note_id", "notes", "id")],
    "warnings": [("document", "documents", "path"), ("note_id", "notes", "id")],
}  # fmt: skip
CHILDREN = ("list_items", "links", "warnings", "sections")
SEARCHED = ("heading", "text")


class MissingExtraError(WeeknoteError):
    """An optional dependency is not installed; the message says how to install it."""


def sqlite_utils_module() -> Any:
    """sqlite-utils, or :class:`MissingExtraError` naming the extra that installs it."""
    try:
        sqlite_utils = importlib.import_module("sqlite_utils")
    except ImportError:
        raise MissingExtraError(f"the SQLite export needs sqlite-utils: {EXTRA_HINT}") from None
    return sqlite_utils


def _day(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def _note_row(path: str, index: int, note: Note) -> dict[str, Any]:
    week = note.week
    return {
        "id": f"{path}#{index}", "document": path, "note_index": index,
        "title": note.title, "subtitle": note.subtitle,
        "week_raw": week.raw if week else None, "week_kind": week.kind.value if week else None,
        "iso_year": week.iso_year if week else None, "iso_week": week.iso_week if week else None,
        "week_start": _day(week.start) if week else None,
        "week_end": _day(week.end) if week else None,
        "year_source": week.year_source.value if week and week.year_source else None,
        "published": _day(note.published), "author": note.author, "url": note.url,
        "tags": json.dumps(note.tags, ensure_ascii=False),
        "metadata": json.dumps(note.model_dump(mode="json")["metadata"], ensure_ascii=False),
        "span_start": note.span[0], "span_end": note.span[1],
    }  # fmt: skip


def _item_rows(path: str, section_id: str, note_id: str, lists: list[ListBlock]) -> list[Any]:
    return [
        {
            "id": f"{section_id}/{number}.{index}",
            "document": path,
            "note_id": note_id,
            "section_id": section_id,
            "list_index": number,
            "item_index": index,
            "depth": block.depth,
            "style": block.style,
            "lead_in": block.lead_in,
            "text": item.text,
            "checked": None if item.checked is None else int(item.checked),
            "span_start": item.span[0],
            "span_end": item.span[1],
        }
        for number, block in enumerate(lists)
        for index, item in enumerate(block.items)
    ]


def document_rows(document: Document) -> Rows:
    """The rows of every table for one document (plain data: it travels between processes)."""
    path = document.source.path or "<text>"
    rows: Rows = {table: [] for table in COLUMNS}
    rows["documents"].append(
        {
            "path": path,
            "url": document.source.url,
            "format": document.source.format,
            "encoding": document.source.encoding,
            "notes": len(document.notes),
            "warnings": len(document.warnings),
            "chrome": json.dumps(document.chrome, ensure_ascii=False),
        }
    )
    owner: dict[int, str] = {}
    for index, note in enumerate(document.notes):
        note_row = _note_row(path, index, note)
        rows["notes"].append(note_row)
        note_id = note_row["id"]
        for warning in note_warnings(document, note):
            owner[id(warning)] = note_id
        for number, section in enumerate(note.sections):
            section_id = f"{note_id}/{number}"
            rows["sections"].append(
                {
                    "id": section_id,
                    "document": path,
                    "note_id": note_id,
                    "section_index": number,
                    "note_title": note.title,
                    "week_start": note_row["week_start"],
                    "heading": section.heading,
                    "kind": section.kind.value,
                    "text": section_text(section),
                    "span_start": section.span[0],
                    "span_end": section.span[1],
                }
            )
            rows["list_items"].extend(_item_rows(path, section_id, note_id, flatten_lists(section)))
        rows["links"].extend(
            {
                "id": f"{note_id}@{number}",
                "document": path,
                "note_id": note_id,
                "link_index": number,
                "url": link.url,
                "text": link.text,
                "line": link.line,
            }
            for number, link in enumerate(note.links)
        )
    rows["warnings"] = [
        {
            "id": f"{path}!{number}",
            "document": path,
            "note_id": owner.get(id(warning)),
            "warning_index": number,
            "code": warning.code,
            "message": warning.message,
            "line": warning.line,
        }
        for number, warning in enumerate(document.warnings)
    ]
    return rows


class SqliteExport:
    """A database the rows of documents are written to (created with its tables if new)."""

    def __init__(self, path: str) -> None:
        sqlite_utils = sqlite_utils_module()
        self.db: Any = sqlite_utils.Database(path)
        self.db.execute("PRAGMA foreign_keys = ON")
        for table, columns in COLUMNS.items():
            self.db.table(table).create(
                columns, pk=KEYS[table], foreign_keys=FOREIGN_KEYS.get(table, []),
                if_not_exists=True,
            )  # fmt: skip
        for table in (*CHILDREN, "notes"):
            self.db.table(table).create_index(["document"], if_not_exists=True)
        sections = self.db.table("sections")
        if sections.detect_fts() is None:
            sections.enable_fts(list(SEARCHED), create_triggers=True)

    def add(self, rows: Rows) -> None:
        """Write one document's rows, replacing what an earlier export wrote for it."""
        [document] = rows["documents"]
        path = document["path"]
        db = self.db
        with db.conn:
            for table in CHILDREN:
                db.execute(f"DELETE FROM [{table}] WHERE document = ?", [path])
            db.table("documents").upsert(document, pk="path")
            db.table("notes").upsert_all(rows["notes"], pk="id")
            db.execute(
                "DELETE FROM notes WHERE document = ? AND note_index >= ?",
                [path, len(rows["notes"])],
            )
            for table in ("sections", "list_items", "links", "warnings"):
                if rows[table]:
                    db.table(table).insert_all(rows[table], pk="id")

    def close(self) -> None:
        self.db.close()


def export(documents: list[Document], path: str) -> None:
    """Write ``documents`` to the database at ``path`` (the library's way in)."""
    database = SqliteExport(path)
    try:
        for document in documents:
            database.add(document_rows(document))
    finally:
        database.close()
