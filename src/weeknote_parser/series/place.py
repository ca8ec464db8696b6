"""Putting each note of a series in its ISO week: the week the parser found, or one the series
fixes, for a running count (``Weeknote 243``) or a week whose year is unknown.

A running count is reconciled with the calendar through the dated notes of the same count,
the notes whose counts are written alike (:func:`count_family`: 'Weeknote 12' and
'weeknotes #13' are one count, 'Week 412' another): each dated note gives an offset, its
week's index less its number. An undated note of number ``n`` takes the offset of the dated
notes numbered next below and above it when they agree, or of the one there is when there is
only one side; it is left unplaced when the two sides disagree (the count and the weeks fell
out of step between them).

A week whose year is unknown takes the candidate Monday nearest to a placed note of its own
file, when one is within :data:`CANDIDATE_REACH` days, else nearest to a placed note of the
series; such weeks are placed in reading order, each helping to place the next, so that the
notes of one file fall in one run of weeks.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..models import Week, WeekKind, YearSource
from ..options import FIRST_DATE, LAST_DATE
from .group import Item

# How far a year-unknown week's candidate may be from a placed note of the series.
CANDIDATE_REACH = 183


def week_index(day: dt.date) -> int:
    """The number of the ISO week ``day`` is in, counted from the week of 0001-01-01."""
    return (day.toordinal() - 1) // 7


def monday(index: int) -> dt.date:
    """The Monday of the week numbered ``index`` (see :func:`week_index`)."""
    return dt.date.fromordinal(index * 7 + 1)


_FIRST_WEEK = week_index(FIRST_DATE)
_LAST_WEEK = week_index(LAST_DATE)


def week_label(day: dt.date) -> str:
    """The ISO week ``day`` is in, as '2024-W05'."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


_NOT_LETTERS = re.compile(r"[\W\d_]+")


def count_family(raw: str) -> str:
    """What a running count is called, its number left out: the letters of ``raw``, folded
    to lower case, spaces and marks removed, a final 's' of each word dropped ('Weeknotes
    #12' and 'week notes 13': 'weeknote'; '#14': '')."""
    names = (word.removesuffix("s") for word in _NOT_LETTERS.split(raw.casefold()))
    return "".join(names)


def count_families(placed: Sequence[Placed]) -> dict[int, str]:
    """The count family of each counter of ``placed``, by reading order. A bare number
    ('#14') joins the one named count of the series when there is one."""
    families = {
        entry.item.order: count_family(entry.week.raw)
        for entry in placed
        if entry.week is not None and entry.counter is not None
    }
    named = set(families.values()) - {""}
    if len(named) == 1:
        only = named.pop()
        families = {order: family or only for order, family in families.items()}
    return families


@dataclass(slots=True)
class Placed:
    """A note with the week the series puts it in (``weeks``: the week indexes it covers,
    empty when unplaced)."""

    item: Item
    week: Week | None
    weeks: list[int] = field(default_factory=list)
    placed_by: list[Item] = field(default_factory=list)
    why_unplaced: str = ""

    @property
    def first(self) -> int | None:
        return self.weeks[0] if self.weeks else None

    @property
    def label(self) -> str | None:
        return week_label(monday(self.weeks[0])) if self.weeks else None

    @property
    def counter(self) -> int | None:
        """The running number, for a counter."""
        week = self.week
        if week is None or week.kind != WeekKind.COUNTER or week.season is not None:
            return None
        return week.number


def _covered(week: Week | None) -> list[int]:
    """The weeks ``week`` is about: those of its period for a two-week note whose period is
    known, else its own week, when its start is known."""
    if week is None:
        return []
    if week.kind == WeekKind.TWO_WEEKS and week.period_start and week.period_end:
        ends = [week_index(week.period_start), week_index(week.period_end)]
        if week.start is not None:
            ends.append(week_index(week.start))
        return list(range(min(ends), max(ends) + 1))
    if week.start is None or week.iso_week is None:
        return []
    return [week_index(week.start)]


def _placed_week(week: Week, index: int) -> Week:
    start = monday(index)
    year, number, _ = start.isocalendar()
    return week.model_copy(
        update={
            "iso_year": year,
            "iso_week": number,
            "start": start,
            "end": start + dt.timedelta(days=6),
            "year_source": YearSource.SERIES,
            "candidates": [],
        }
    )


def _in_calendar(index: int) -> bool:
    """Whether the week numbered ``index`` is within the years the parser reads."""
    return _FIRST_WEEK <= index <= _LAST_WEEK


def _place_counters(placed: Sequence[Placed]) -> None:
    families = count_families(placed)
    by_family: dict[str, list[Placed]] = {}
    for entry in placed:
        if entry.weeks and entry.counter is not None:
            by_family.setdefault(families[entry.item.order], []).append(entry)
    for family in by_family.values():
        family.sort(key=lambda entry: (entry.counter or 0, entry.item.order))
    numbers = {name: [each.counter or 0 for each in family] for name, family in by_family.items()}
    for entry in placed:
        number = entry.counter
        if entry.weeks or number is None or entry.week is None:
            continue
        name = families[entry.item.order]
        anchors, counts = by_family.get(name, []), numbers.get(name, [])
        below = bisect.bisect_right(counts, number)  # anchors[below - 1]: the last <= number
        above = bisect.bisect_left(counts, number)  # anchors[above]: the first >= number
        sides = anchors[below - 1 : below] if below else []
        sides += anchors[above : above + 1]
        if not sides:
            entry.why_unplaced = f"no dated note of its count ({entry.week.raw!r}) places it"
            continue
        offsets = {(side.first or 0) - (side.counter or 0) for side in sides}
        if len(offsets) > 1:
            low, high = sides
            entry.why_unplaced = (
                f"the dated notes around it ({low.item.shown} and {high.item.shown}) map the "
                "count to the weeks differently"
            )
            continue
        index = number + offsets.pop()
        if not _in_calendar(index):
            entry.why_unplaced = f"its count ({entry.week.raw!r}) maps to no week of the calendar"
            continue
        entry.week = _placed_week(entry.week, index)
        entry.weeks = [index]
        entry.placed_by = list(dict.fromkeys(side.item for side in sides))


@dataclass(slots=True)
class _Known:
    """Placed notes sorted by first week (then reading order): their weeks, and the notes."""

    weeks: list[int] = field(default_factory=list)
    rows: list[tuple[int, int, Item]] = field(default_factory=list)

    def add(self, index: int, item: Item) -> None:
        at = bisect.bisect_right(self.rows, (index, item.order), key=lambda row: row[:2])
        self.weeks.insert(at, index)
        self.rows.insert(at, (index, item.order, item))

    def nearest(self, week: Week) -> tuple[int, int, Item] | None:
        """(distance in days, week index, the note) of ``week``'s candidate nearest a note
        here, within :data:`CANDIDATE_REACH`; None if none is that near."""
        best: tuple[int, int, Item] | None = None
        for candidate in week.candidates:
            index = week_index(candidate)
            at = bisect.bisect_left(self.weeks, index)
            for row in self.rows[max(at - 1, 0) : at + 1]:  # the nearest below and above
                distance = abs(index - row[0]) * 7
                if best is None or distance < best[0]:
                    best = (distance, index, row[2])
        return best if best is not None and best[0] <= CANDIDATE_REACH else None


def _place_candidates(placed: Sequence[Placed]) -> None:
    """Place each year-unknown week, in reading order, near a placed note of its own file if
    one is in reach, else near any placed note of the series; each note placed helps place
    the next."""
    known = _Known()
    by_file: dict[str | None, _Known] = {}
    for entry in sorted(placed, key=lambda entry: (entry.first or 0, entry.item.order)):
        if entry.first is not None:
            known.add(entry.first, entry.item)
            by_file.setdefault(entry.item.path, _Known()).add(entry.first, entry.item)
    for entry in placed:
        week = entry.week
        if entry.weeks or week is None or not week.candidates:
            continue
        own = by_file.setdefault(entry.item.path, _Known())
        best = own.nearest(week) or known.nearest(week)
        if best is None:
            entry.why_unplaced = "its year is unknown and no note of the series is near a candidate"
            continue
        entry.week = _placed_week(week, best[1])
        entry.weeks = [best[1]]
        entry.placed_by = [best[2]]
        known.add(best[1], entry.item)
        own.add(best[1], entry.item)


def place(items: Sequence[Item]) -> list[Placed]:
    """Each of ``items`` with its week: as parsed, else as the series places it."""
    placed = [Placed(item, item.note.week, _covered(item.note.week)) for item in items]
    _place_counters(placed)
    _place_candidates(placed)
    for entry in placed:
        if not entry.weeks and not entry.why_unplaced:
            week = entry.week
            if week is None:
                entry.why_unplaced = "it names no week and has no date"
            elif week.kind in (WeekKind.MONTH, WeekKind.DAY):
                entry.why_unplaced = f"it names a {week.kind.value}, not a week ({week.raw!r})"
            else:
                entry.why_unplaced = f"its week ({week.raw!r}) has no date"
    return placed


def in_order(placed: Sequence[Placed]) -> list[Placed]:
    """``placed`` ordered by week (then reading order), the unplaced last in reading order."""
    return sorted(
        placed,
        key=lambda entry: (entry.first is None, entry.first or 0, entry.item.order),
    )
