"""A parsed document cut into records: one per note, or one per section (a retrieval chunk),
with the filters the command line offers and the flat rows of its CSV output."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from .choices import PERS as PERS
from .choices import Per as Per
from .models import Document, ListBlock, Note, Paragraph, ParseWarning, Section, SectionKind


@dataclass(frozen=True)
class Filters:
    """Which notes and sections to keep: notes whose week starts between ``since`` and
    ``until`` (inclusive; a note whose week has no known Monday is left out when either is
    given), and sections of the ``kinds`` given (a note with none of them is left out)."""

    since: dt.date | None = None
    until: dt.date | None = None
    kinds: frozenset[SectionKind] = field(default_factory=frozenset)

    @property
    def active(self) -> bool:
        return self.since is not None or self.until is not None or bool(self.kinds)

    def keep(self, note: Note) -> Note | None:
        """``note`` as the filters leave it (only the sections of the kinds asked for), or
        None if it is left out."""
        if self.since is not None or self.until is not None:
            start = note.week.start if note.week is not None else None
            if start is None:
                return None
            if (self.since is not None and start < self.since) or (
                self.until is not None and start > self.until
            ):
                return None
        if not self.kinds:
            return note
        sections = [section for section in note.sections if section.kind in self.kinds]
        return note.model_copy(update={"sections": sections}) if sections else None

    def notes(self, document: Document) -> Iterator[tuple[int, Note]]:
        """(index in the document, note) of each note kept."""
        for index, note in enumerate(document.notes):
            kept = self.keep(note)
            if kept is not None:
                yield index, kept

    def document(self, document: Document) -> Document:
        """``document`` with only the notes (and sections) kept."""
        if not self.active:
            return document
        return document.model_copy(update={"notes": [note for _, note in self.notes(document)]})


def source_of(document: Document) -> str | None:
    """The path a record names as its source ('-' for standard input)."""
    return document.source.path


def note_warnings(document: Document, note: Note) -> list[ParseWarning]:
    """The document's warnings about lines of ``note``."""
    start, end = note.span
    return [w for w in document.warnings if w.line is not None and start <= w.line < end]


def list_lines(block: ListBlock, indent: int = 0) -> list[str]:
    """A list as lines of text: '- item' or '1. item' ('[x] ' for a done task, '[ ] ' for an
    open one), each nested list indented below its item."""
    lines: list[str] = []
    for index, item in enumerate(block.items):
        marker = f"{index + 1}." if block.style == "numbered" else "-"
        box = {True: "[x] ", False: "[ ] ", None: ""}[item.checked]
        lines.append(f"{' ' * indent}{marker} {box}{item.text}")
        for child in block.children:
            if child.parent == index:
                lines.extend(list_lines(child, indent + len(marker) + 1))
    for child in block.children:  # nested lists whose item is not known
        if child.parent is None or not 0 <= child.parent < len(block.items):
            lines.extend(list_lines(child, indent + 2))
    return lines


def block_text(block: Paragraph | ListBlock) -> str:
    """A block as text: a paragraph's text; a list's lead-in line, then its items."""
    if isinstance(block, Paragraph):
        return block.text
    head = [block.lead_in] if block.lead_in and block.depth == 1 else []
    return "\n".join(head + list_lines(block))


def section_text(section: Section) -> str:
    """A section's text: its blocks, a blank line between them (list items one a line)."""
    return "\n\n".join(block_text(block) for block in section.blocks)


def note_record(document: Document, index: int, note: Note) -> dict[str, Any]:
    """A note with where it came from: ``source`` (the path), ``index`` (its place in the
    document, from 0), the note's own fields, and the ``warnings`` about its lines."""
    record: dict[str, Any] = {"source": source_of(document), "index": index}
    record.update(note.model_dump())
    record["warnings"] = [w.model_dump() for w in note_warnings(document, note)]
    return record


def section_record(
    document: Document, note_index: int, note: Note, index: int, section: Section
) -> dict[str, Any]:
    """A section as a retrieval chunk: where it is (source, note and section index, a stable
    ``id``), the note's title and week, the heading, kind and text, and its line span."""
    source = source_of(document)
    week = note.week
    return {
        "id": f"{source}#{note_index}/{index}",
        "source": source,
        "note_index": note_index,
        "section_index": index,
        "note_title": note.title,
        "week_start": week.start if week is not None else None,
        "iso_year": week.iso_year if week is not None else None,
        "iso_week": week.iso_week if week is not None else None,
        "heading": section.heading,
        "kind": section.kind.value,
        "text": section_text(section),
        "span": list(section.span),
    }


def records(document: Document, per: Per, filters: Filters = Filters()) -> Iterator[Any]:
    """The records of ``document``: itself (its notes filtered), each note, or each section."""
    if per == "document":
        yield filters.document(document)
        return
    for index, note in filters.notes(document):
        if per == "note":
            yield note_record(document, index, note)
            continue
        for number, section in enumerate(document.notes[index].sections):
            if not filters.kinds or section.kind in filters.kinds:
                yield section_record(document, index, note, number, section)


# -- CSV: flat rows ---------------------------------------------------------------------------

NOTE_COLUMNS = (
    "source", "note_index", "title", "subtitle", "week_raw", "week_kind", "iso_year",
    "iso_week", "week_start", "week_end", "year_source", "published", "author", "url", "tags",
    "section_kinds", "sections", "links", "footnotes", "warnings", "span_start", "span_end",
)  # fmt: skip
SECTION_COLUMNS = (
    "id", "source", "note_index", "section_index", "note_title", "iso_year", "iso_week",
    "week_start", "heading", "kind", "text", "span_start", "span_end",
)  # fmt: skip


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def note_row(document: Document, index: int, note: Note) -> list[str]:
    """A note as a CSV row, in the order of :data:`NOTE_COLUMNS`."""
    week = note.week
    values: list[object] = [
        source_of(document), index, note.title, note.subtitle,
        week.raw if week else None, week.kind.value if week else None,
        week.iso_year if week else None, week.iso_week if week else None,
        week.start if week else None, week.end if week else None,
        week.year_source.value if week and week.year_source else None,
        note.published, note.author, note.url, "; ".join(note.tags),
        " ".join(section.kind.value for section in note.sections), len(note.sections),
        len(note.links), len(note.footnotes), len(note_warnings(document, note)),
        note.span[0], note.span[1],
    ]  # fmt: skip
    return [_cell(value) for value in values]


def section_row(record: dict[str, Any]) -> list[str]:
    """A section record as a CSV row, in the order of :data:`SECTION_COLUMNS`."""
    start, end = record["span"]
    values = {**record, "span_start": start, "span_end": end}
    return [_cell(values[column]) for column in SECTION_COLUMNS]
