"""What a batch writes: each document as records (documents, notes or sections) in one of the
output formats: JSON Lines, a JSON array, CSV, a terminal table or normalised Markdown.

A :class:`View` is the whole description of the output; it is small and picklable, so that
worker processes render the records of the files they parse and the writer only joins them.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from typing import Any

import orjson

from .api import _encodable, to_json
from .choices import TOS as TOS
from .choices import To as To
from .models import Document, Note, ParseWarning
from .records import (
    NOTE_COLUMNS,
    SECTION_COLUMNS,
    Filters,
    Per,
    note_row,
    note_warnings,
    records,
    section_row,
)
from .render_markdown import render_markdown, render_notes

ELLIPSIS = "…"


def dump_json(value: Any, *, pretty: bool = False) -> bytes:
    """``value`` (a model or plain data) as JSON bytes; always succeeds, as :func:`to_json`."""
    if isinstance(value, Document):
        return to_json(value, pretty=pretty)
    option = orjson.OPT_INDENT_2 if pretty else 0
    try:
        return orjson.dumps(value, option=option)
    except orjson.JSONEncodeError:
        data = _encodable(json.loads(json.dumps(value, default=str)))
        return json.dumps(data, ensure_ascii=False, indent=2 if pretty else None).encode()


def warning_line(shown: str, warning: ParseWarning) -> str:
    """A warning as editors read it: ``path:line: code: message``, the line 1-based."""
    where = shown if warning.line is None else f"{shown}:{warning.line + 1}"
    return f"{where}: {warning.code}: {warning.message}"


def _fit(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: max(width - 1, 0)] + ELLIPSIS


def _week_cells(note: Note) -> tuple[str, str]:
    week = note.week
    if week is None:
        return "-", "-"
    iso = f"{week.iso_year}-W{week.iso_week:02d}" if week.iso_year and week.iso_week else "-"
    return iso, week.start.isoformat() if week.start else "-"


NOTE_TABLE = ("WEEK", "MONDAY", "WARN", "SECTIONS", "TITLE")
SECTION_TABLE = ("WEEK", "MONDAY", "KIND", "HEADING")
_WIDTHS = (8, 10, 4, 30)


def table_line(cells: tuple[str, ...], width: int) -> str:
    """A row of the table: fixed columns, the last one cut to the width of the terminal."""
    fixed = "  ".join(cell.ljust(size) for cell, size in zip(cells, _WIDTHS, strict=False))
    last = cells[len(_WIDTHS)] if len(cells) > len(_WIDTHS) else ""
    room = max(width - len(fixed) - 2, 10)
    return f"{fixed}  {_fit(last, room)}".rstrip()


@dataclass(frozen=True)
class View:
    """How records are written: ``per`` record, ``to`` format, with ``filters``. ``pretty``
    indents JSON; ``width`` is the table's width."""

    per: Per = "document"
    to: To = "jsonl"
    pretty: bool = False
    filters: Filters = field(default_factory=Filters)
    width: int = 100

    def header(self) -> bytes:
        """What opens the output: the CSV header, the table's header, '[' of a JSON array."""
        if self.to == "csv":
            return _csv_line(SECTION_COLUMNS if self.per == "section" else NOTE_COLUMNS)
        if self.to == "table":
            heads = SECTION_TABLE if self.per == "section" else NOTE_TABLE
            return (table_line(heads, self.width) + "\n").encode()
        if self.to == "json":
            return b"["
        return b""

    def separator(self, first: bool) -> bytes:
        """What stands before a record: a comma between the records of a JSON array, a
        blank line between Markdown documents."""
        if self.to == "json":
            return b"\n" if first else b",\n"
        if self.to == "markdown" and not first:
            return b"\n"
        return b""

    def footer(self, empty: bool) -> bytes:
        """What closes the output: ']' of a JSON array."""
        if self.to == "json":
            return b"]\n" if empty else b"\n]\n"
        return b""

    def render(self, document: Document) -> list[bytes]:
        """The records of ``document``, each as the bytes to write."""
        if self.to == "markdown":
            kept = self.filters.document(document)
            if not kept.notes:
                return []
            text = render_markdown(kept) if self.per == "document" else render_notes(kept.notes)
            return [text.encode("utf-8")]
        if self.to == "csv":
            if self.per == "section":
                return [
                    _csv_line(section_row(r)) for r in records(document, "section", self.filters)
                ]
            return [_csv_line(note_row(document, i, n)) for i, n in self.filters.notes(document)]
        if self.to == "table":
            return [line.encode("utf-8") for line in self._table(document)]
        chunks = []
        for record in records(document, self.per, self.filters):
            payload = dump_json(record, pretty=self.pretty)
            if self.to == "json" and self.pretty:
                payload = b"\n".join(b"  " + row for row in payload.split(b"\n"))
            elif self.to == "json":
                payload = b"  " + payload
            chunks.append(payload if self.to == "json" else payload + b"\n")
        return chunks

    def _table(self, document: Document) -> list[str]:
        rows = []
        for _, note in self.filters.notes(document):
            iso, monday = _week_cells(note)
            if self.per == "section":
                for section in note.sections:
                    heading = section.heading or "(opening)"
                    cells = (iso, monday, section.kind.value, heading)
                    rows.append(table_line(cells, self.width) + "\n")
                continue
            kinds = ",".join(dict.fromkeys(section.kind.value for section in note.sections))
            warnings = str(len(note_warnings(document, note)))
            title = note.title or "(untitled)"
            rows.append(table_line((iso, monday, warnings, _fit(kinds, 30), title), self.width))
            rows[-1] += "\n"
        return rows


def _csv_line(cells: tuple[str, ...] | list[str]) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer).writerow(cells)
    return buffer.getvalue().encode("utf-8")
