"""The data model of a series of notes: frozen, validated Pydantic models that round-trip
through JSON, with their own JSON Schema and ``schema_version``."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Any, Literal

import orjson
from pydantic import BaseModel, ConfigDict, Field

from ..models import SectionKind, Span, Week

SERIES_SCHEMA_VERSION: Literal["1"] = "1"

GroupBy = Literal["auto", "author", "site", "folder", "document", "all"]
GROUP_BYS: tuple[GroupBy, ...] = ("auto", "author", "site", "folder", "document", "all")


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class FindingKind(StrEnum):
    """What a finding is about."""

    GAP = "gap"  # one or more weeks in a row with no note
    DUPLICATE = "duplicate"  # two or more notes for one week
    DATE_CONTRADICTS_WEEK = "date-contradicts-week"  # a note's date far from its week
    COUNTER_BACKWARDS = "counter-backwards"  # a running number lower than (or equal to) before
    COUNTER_SKIPS = "counter-skips"  # a running number rising faster than the weeks
    UNPLACED = "unplaced"  # a note the series could not put in a week


class NoteRef(_Model):
    """Where a note is: its file, its index in that file, its title and its lines."""

    path: str | None = Field(description="The file the note was read from ('-': stdin).")
    note: int = Field(ge=0, description="The note's 0-based index among its file's notes.")
    title: str | None = Field(description="The note's title as written; null if none.")
    span: Span
    week: str | None = Field(
        default=None, description="The ISO week the series puts the note in ('2024-W05')."
    )


class SeriesNote(_Model):
    """One note of a series, with the week the series puts it in."""

    ref: NoteRef = Field(description="Where the note is.")
    week: Week | None = Field(
        description=(
            "The note's week: as parsed, or, for a running count the series places, with "
            "iso_year, iso_week, start and end filled and year_source 'series'."
        )
    )
    published: dt.date | None = Field(default=None, description="The note's publication date.")
    placed_by: list[NoteRef] = Field(
        default_factory=list,
        description="For a note placed by the series: the dated notes that fixed its week.",
    )
    words: int = Field(ge=0, description="The words of the note's text (title left out).")
    kinds: list[SectionKind] = Field(description="Its sections' kinds, in order.")


class TimelineWeek(_Model):
    """One ISO week of the series, from its first note's week to its last."""

    week: str = Field(description="The ISO week, as '2024-W05'.")
    iso_year: int = Field(description="ISO 8601 week-numbering year.")
    iso_week: int = Field(ge=1, le=53, description="ISO 8601 week number.")
    start: dt.date = Field(description="The Monday that starts the week.")
    notes: list[NoteRef] = Field(description="The notes about this week (none: a gap).")


class Finding(_Model):
    """Something worth a look in a series: a gap, a duplicate week, a contradiction."""

    series: str = Field(description="The key of the series it was found in.")
    kind: FindingKind = Field(description="What it is about.")
    message: str = Field(description="A one-line human-readable explanation.")
    weeks: list[str] = Field(description="The ISO weeks involved ('2024-W05'), in order.")
    notes: list[NoteRef] = Field(description="The notes involved, with their lines.")


class PlanMatch(_Model):
    """Where a plan reappears in the following note."""

    text: str = Field(description="The text of the list item, paragraph or heading matched.")
    span: Span
    section: str | None = Field(description="The heading of the section it is in.")
    score: float = Field(
        ge=0, le=1, description="Containment: the share of the plan's words found in it."
    )
    jaccard: float = Field(ge=0, le=1, description="Jaccard similarity of the two word sets.")


class Plan(_Model):
    """One item of a note's 'next week' section, and what the following note says of it."""

    note: NoteRef = Field(description="The note that made the plan.")
    text: str = Field(description="The plan as written.")
    span: Span
    followed_by: NoteRef | None = Field(
        description="The next note of the series, where the plan was looked for; null if none."
    )
    best: PlanMatch | None = Field(
        description="The best-scoring text of the following note; null if nothing shares a word."
    )
    matched: bool = Field(description="Whether the best score reaches the threshold.")


class KindCount(_Model):
    """How often a section kind appears in a series."""

    kind: SectionKind
    notes: int = Field(ge=0, description="The notes with at least one section of this kind.")
    weeks: list[str] = Field(description="The weeks of those notes.")


class Stats(_Model):
    """Section statistics over the series."""

    notes: int = Field(ge=0, description="The notes of the series.")
    placed: int = Field(ge=0, description="The notes placed in a week.")
    weeks: int = Field(ge=0, description="The weeks from the first to the last.")
    weeks_with_notes: int = Field(ge=0, description="The weeks with at least one note.")
    words_total: int = Field(ge=0)
    words_mean: float = Field(ge=0, description="Mean words per note (0 with no notes).")
    words_min: int = Field(ge=0)
    words_max: int = Field(ge=0)
    kinds: list[KindCount] = Field(
        description="Every section kind that appears, most common first."
    )
    plans: int = Field(ge=0, description="Plans (items of 'next week' sections) with a next note.")
    plans_matched: int = Field(ge=0, description="Of those, the plans followed up.")


class Series(_Model):
    """A series of notes seen as a whole: ordered by week, with its timeline and findings."""

    schema_version: Literal["1"] = Field(
        default=SERIES_SCHEMA_VERSION,
        description="The version of this output's schema; it changes when fields change.",
    )
    key: str = Field(description="What groups the notes, e.g. 'author:Sam Lee' or 'folder:notes'.")
    label: str = Field(description="A name for people: the author, site, folder or file.")
    notes: list[SeriesNote] = Field(
        description="The notes ordered by week (unplaced ones last, in reading order)."
    )
    timeline: list[TimelineWeek] = Field(
        description="One entry per ISO week from the first note's week to the last."
    )
    findings: list[Finding] = Field(description="Gaps, duplicates and contradictions, by week.")
    plans: list[Plan] = Field(description="Each 'next week' item and its follow-up, if any.")
    stats: Stats


class SeriesSet(_Model):
    """Every series found in a set of documents."""

    schema_version: Literal["1"] = Field(
        default=SERIES_SCHEMA_VERSION,
        description="The version of this output's schema; it changes when fields change.",
    )
    group_by: GroupBy = Field(description="How the notes were grouped.")
    series: list[Series] = Field(description="The series, in the order their notes came.")

    def findings(self) -> list[Finding]:
        """Every finding of every series, in order."""
        return [finding for series in self.series for finding in series.findings]


def series_json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a :class:`SeriesSet`."""
    schema = SeriesSet.model_json_schema(mode="serialization")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}


def series_json_schema_text() -> bytes:
    """The schema as indented JSON with a final newline, as in docs/series-schema.json."""
    options = orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS
    return orjson.dumps(series_json_schema(), option=options) + b"\n"
