"""Checks across the notes of one document: two notes for one week, counters that go back."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..models import CALENDAR_KINDS, Week, WeekKind
from .grammar import WeekMatch

if TYPE_CHECKING:
    from .infer import NoteFacts

MIN_COUNTERS_FOR_ORDER = 3  # fewer numbered notes than this show no page order


@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong or uncertain about a week, reported as a warning."""

    code: str
    message: str
    line: int | None = None


def duplicate_weeks(weeks: Sequence[Week | None], lines: Sequence[int | None]) -> list[Problem]:
    """A 'duplicate-week' problem for each calendar week named by an earlier note too."""
    found: list[Problem] = []
    seen: dict[tuple[int, int], int] = {}
    for index, week in enumerate(weeks):
        if week is None or week.iso_year is None or week.iso_week is None:
            continue
        if week.kind not in CALENDAR_KINDS:
            continue
        key = (week.iso_year, week.iso_week)
        if key in seen:
            found.append(
                Problem(
                    "duplicate-week",
                    f"{week.raw!r} names {key[0]}-W{key[1]:02d}, the same week as note "
                    f"{seen[key] + 1} of this document",
                    lines[index],
                )
            )
        else:
            seen[key] = index
    return found


def backward_counters(notes: Sequence[NoteFacts]) -> list[Problem]:
    """A 'counter-backwards' problem where a running number goes against the page's order."""
    numbered = [
        (note.line, value)
        for note in notes
        if (value := counter_value(note.designation)) is not None
    ]
    if len(numbered) < MIN_COUNTERS_FOR_ORDER:
        return []
    steps = [b[1] > a[1] for a, b in itertools.pairwise(numbered) if a[1] != b[1]]
    rising = sum(steps) * 2 >= len(steps)
    return [
        Problem(
            "counter-backwards",
            f"the running number goes {'down' if rising else 'up'} here, against the page's order",
            line,
        )
        for (_, before), (line, after) in itertools.pairwise(numbered)
        if before != after and (after > before) != rising
    ]


def counter_value(match: WeekMatch | None) -> tuple[int, ...] | None:
    if match is None:
        return None
    if match.kind is WeekKind.SEASON_EPISODE and match.season is not None:
        return (match.season, match.episode or 0)
    if match.kind in (WeekKind.COUNTER, WeekKind.PERSONAL_SERIES, WeekKind.SPRINT,
                      WeekKind.LIFE_WEEKS) and match.number is not None:  # fmt: skip
        return (match.number,)
    return None
