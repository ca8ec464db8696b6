"""A series of notes seen as a whole: notes grouped into series (by author and site, folder,
document…), ordered by ISO week, with a timeline of every week from the first to the last,
findings (gaps, duplicate weeks, contradictions), running counts reconciled with the
calendar, plans matched with what the next note says, and section statistics.

>>> from weeknote_parser import parse
>>> from weeknote_parser.series import build_series
>>> notes = [parse("Weeknote 10.24\\n\\nOne."), parse("Weeknote 12.24\\n\\nTwo.")]
>>> series = build_series(notes).series[0]
>>> [(week.week, len(week.notes)) for week in series.timeline]
[('2024-W10', 1), ('2024-W11', 0), ('2024-W12', 1)]
>>> [finding.message for finding in series.findings]
['no note for 1 week: 2024-W11']
"""

from __future__ import annotations

from .build import build_group, build_series, word_count
from .findings import EARLY_DAYS, LATE_DAYS
from .group import Group, Item, group_items, items_of
from .models import (
    GROUP_BYS,
    SERIES_SCHEMA_VERSION,
    Finding,
    FindingKind,
    GroupBy,
    KindCount,
    NoteRef,
    Plan,
    PlanMatch,
    Series,
    SeriesNote,
    SeriesSet,
    Stats,
    TimelineWeek,
    series_json_schema,
    series_json_schema_text,
)
from .place import CANDIDATE_REACH, count_family
from .plans import STOP_WORDS, THRESHOLD, words

__all__ = [
    "CANDIDATE_REACH",
    "EARLY_DAYS",
    "GROUP_BYS",
    "LATE_DAYS",
    "SERIES_SCHEMA_VERSION",
    "STOP_WORDS",
    "THRESHOLD",
    "Finding",
    "FindingKind",
    "Group",
    "GroupBy",
    "Item",
    "KindCount",
    "NoteRef",
    "Plan",
    "PlanMatch",
    "Series",
    "SeriesNote",
    "SeriesSet",
    "Stats",
    "TimelineWeek",
    "build_group",
    "build_series",
    "count_family",
    "group_items",
    "items_of",
    "series_json_schema",
    "series_json_schema_text",
    "word_count",
    "words",
]
