"""Weeks: the grammar of week designations and the inference that places them in the calendar."""

from __future__ import annotations

from .checks import Problem
from .dates import DateOrder, PartialDate, parse_date, read_date
from .grammar import LABEL, STRONG_KINDS, WeekMatch, find_designations, match_whole
from .infer import Context, Evidence, NoteFacts, Placer, week_of

__all__ = [
    "LABEL",
    "STRONG_KINDS",
    "Context",
    "DateOrder",
    "Evidence",
    "NoteFacts",
    "PartialDate",
    "Placer",
    "Problem",
    "WeekMatch",
    "find_designations",
    "match_whole",
    "parse_date",
    "read_date",
    "week_of",
]
