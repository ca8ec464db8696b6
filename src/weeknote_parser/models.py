"""The data model: validated, frozen Pydantic models that round-trip through JSON."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from .choices import CALENDAR_KINDS as CALENDAR_KINDS
from .choices import SectionKind as SectionKind
from .choices import WeekKind as WeekKind
from .choices import YearSource as YearSource

Span = Annotated[
    tuple[int, int],
    Field(
        description=(
            "Source line span, 0-based and half-open [start, end): the lines of the input "
            "this item was read from."
        )
    ),
]


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Week(_Model):
    """The week a note is about, as a calendar fact with the evidence for it."""

    raw: str = Field(description="The exact text naming the week, as written.")
    kind: WeekKind = Field(description="The convention the designation is written in.")
    iso_year: int | None = Field(
        default=None, description="ISO 8601 week-numbering year; null when unknown."
    )
    iso_week: int | None = Field(
        default=None, ge=1, le=53, description="ISO 8601 week number (1-53); null when unknown."
    )
    start: dt.date | None = Field(
        default=None, description="The Monday that starts the week; null when unknown."
    )
    end: dt.date | None = Field(
        default=None, description="The Sunday that ends the week; null when unknown."
    )
    year_source: YearSource | None = Field(
        default=None,
        description=(
            "Where the year (or the date placing the week) came from: 'stated', 'note_date', "
            "'front_matter', 'file_name', 'url', 'hint', 'neighbours' or 'series' (placed by "
            "the other notes of its series, in weeknote_parser.series output); null when unknown."
        ),
    )
    number: int | None = Field(
        default=None,
        description="For counters, series, sprints and life weeks: the running number.",
    )
    total: int | None = Field(
        default=None, description="For 'Week 12/52' and '1612 of 4000': the number out of."
    )
    season: int | None = Field(
        default=None, description="For season/episode numbering ('S04 Ep2'): the season."
    )
    episode: int | None = Field(
        default=None, description="For season/episode numbering ('S04 Ep2'): the episode."
    )
    period_start: dt.date | None = Field(
        default=None,
        description="The first day the designation names (a range, month, fortnight or day).",
    )
    period_end: dt.date | None = Field(
        default=None,
        description="The last day the designation names (a range, month, fortnight or day).",
    )
    candidates: list[dt.date] = Field(
        default_factory=list,
        description=(
            "When the year is unknown: every Monday, within the candidate years, that fits "
            "the designation. Empty when the week is known."
        ),
    )


class Link(_Model):
    """A URL written in the note's text, or a link's target."""

    url: str = Field(description="The URL as written, without trailing punctuation.")
    text: str | None = Field(
        default=None,
        description="The link's text where the format gives one (Markdown, HTML); else null.",
    )
    line: int = Field(description="0-based line of the input the URL is on.")


class Footnote(_Model):
    """A footnote body, such as a paragraph starting with '* '."""

    marker: str = Field(description="The marker that opens the footnote, e.g. '*' or '[1]'.")
    text: str = Field(description="The footnote's text without its marker.")
    span: Span


class Paragraph(_Model):
    """A paragraph of running text."""

    type: Literal["paragraph"] = Field(default="paragraph", description="Always 'paragraph'.")
    text: str = Field(description="The paragraph's text, lines joined by a single space.")
    span: Span


class ListItem(_Model):
    """One item of a list."""

    text: str = Field(description="The item's text without its bullet, number or task box.")
    checked: bool | None = Field(
        default=None,
        description="For a task item ('[ ]', '[x]'): true when done, false when open; else null.",
    )
    span: Span


class ListBlock(_Model):
    """A bulleted or numbered list, with the line that introduces it and its nested lists."""

    type: Literal["list"] = Field(default="list", description="Always 'list'.")
    style: Literal["bullet", "numbered"] = Field(description="'bullet' or 'numbered'.")
    lead_in: str | None = Field(
        default=None,
        description=(
            "The line that introduces the list (usually ending in ':'), or, for a nested "
            "list, the text of the item it belongs to; null when there is none."
        ),
    )
    depth: int = Field(default=1, ge=1, description="1 for a list of its own; 2 and more nested.")
    parent: int | None = Field(
        default=None,
        description="For a nested list: the index, in the enclosing list, of its item.",
    )
    items: list[ListItem] = Field(description="The items, in order.")
    children: list[ListBlock] = Field(
        default_factory=list,
        description="The lists nested in this list's items, in reading order ('parent' names "
        "the item); see flatten_lists() for every list of a note in one sequence.",
    )
    span: Span


Block = Annotated[Paragraph | ListBlock, Field(discriminator="type")]


class Section(_Model):
    """A part of a note under one heading; the untitled opening has heading null."""

    heading: str | None = Field(
        description="The heading as written (list markers removed); null for the opening."
    )
    kind: SectionKind = Field(description="What the section is about, read from its heading.")
    blocks: list[Block] = Field(description="Paragraphs and lists, in order.")
    span: Span


class Note(_Model):
    """One weeknote."""

    title: str | None = Field(description="The whole title line as written; null if none.")
    subtitle: str | None = Field(
        default=None,
        description=(
            "The part of the title after the week designation and its ':' or '-' separator; "
            "null if none (a title the designation closes has none)."
        ),
    )
    week: Week | None = Field(
        default=None,
        description="The week the note is about; null when it names none and its date is unknown.",
    )
    published: dt.date | None = Field(
        default=None,
        description=(
            "The note's publication date, when its dateline, front matter, page or feed "
            "entry gives it."
        ),
    )
    dateline: str | None = Field(
        default=None,
        description=(
            "The note's dateline as written ('Posted on 3 March 2021 by Sam', a post's "
            "footer 'March 5, 2023 · 2 min read'): part of the note, not site furniture."
        ),
    )
    author: str | None = Field(
        default=None,
        description="The author, where front matter, the page or the feed entry names one.",
    )
    url: str | None = Field(
        default=None,
        description="The note's own address, where the page or the feed entry gives one.",
    )
    tags: list[str] = Field(
        default_factory=list, description="Tags and categories from front matter or a feed."
    )
    metadata: dict[str, Any] = Field(
        default_factory=dict,
        description=(
            "Everything the source says about the note beyond its text: the front matter "
            "(values as written), a feed entry's link and id, a page's canonical URL."
        ),
    )
    sections: list[Section] = Field(description="The sections, in order.")
    links: list[Link] = Field(default_factory=list, description="Every URL in the note.")
    footnotes: list[Footnote] = Field(default_factory=list, description="Footnote bodies.")
    span: Span


class Source(_Model):
    """Where the document came from."""

    path: str | None = Field(default=None, description="The file path, '-' for stdin, or null.")
    url: str | None = Field(default=None, description="The URL the document came from, if given.")
    format: Literal["text", "markdown", "html", "feed"] = Field(
        default="text", description="The input format read: given, or detected."
    )
    encoding: str | None = Field(
        default=None, description="The character encoding the input was decoded from."
    )


class ParseWarning(_Model):
    """Something a reader should know: an author error, an ambiguity, an unknown year."""

    code: str = Field(description="A stable, kebab-case code, e.g. 'year-unknown'.")
    message: str = Field(description="A one-line human-readable explanation.")
    line: int | None = Field(
        default=None, description="0-based line of the input it concerns, if any."
    )


SCHEMA_VERSION: Literal["2"] = "2"


class Document(_Model):
    """A parsed input: the notes it holds and the site furniture around them."""

    schema_version: Literal["2"] = Field(
        default=SCHEMA_VERSION,
        description="The version of this output's schema; it changes when fields change.",
    )
    source: Source = Field(description="Where the document came from.")
    notes: list[Note] = Field(description="The notes, in reading order.")
    chrome: list[str] = Field(
        default_factory=list,
        description="Lines of site furniture that belong to no note, as written.",
    )
    warnings: list[ParseWarning] = Field(
        default_factory=list, description="Warnings, in line order."
    )


def flatten_lists(container: Note | Section | ListBlock) -> list[ListBlock]:
    """Every list in a note, a section or a list, nested ones included, in reading order
    (each list before the lists nested in it)."""
    if isinstance(container, ListBlock):
        found = [container]
        for child in container.children:
            found.extend(flatten_lists(child))
        return found
    sections = container.sections if isinstance(container, Note) else [container]
    return [
        each
        for section in sections
        for block in section.blocks
        if isinstance(block, ListBlock)
        for each in flatten_lists(block)
    ]
