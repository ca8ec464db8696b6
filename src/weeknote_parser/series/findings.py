"""What a series' timeline shows: gaps, duplicate weeks, dates that contradict their week,
running counts that go backwards or skip (each count on its own: see
:func:`~weeknote_parser.series.place.count_family`), and notes that could not be placed.

A note's date contradicts its week when it is more than :data:`EARLY_DAYS` days before the
week's Monday or more than :data:`LATE_DAYS` days after its Sunday.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from .models import Finding, FindingKind, NoteRef, TimelineWeek
from .place import Placed, count_families, monday, week_label

EARLY_DAYS = 7
LATE_DAYS = 28


def ref(entry: Placed) -> NoteRef:
    return entry.item.ref(entry.label)


def _weeks(count: int) -> str:
    return "1 week" if count == 1 else f"{count} weeks"


def timeline(ordered: Sequence[Placed]) -> list[TimelineWeek]:
    """One entry per ISO week from the first covered to the last, with the notes covering it."""
    covered: dict[int, list[NoteRef]] = {}
    for entry in ordered:
        for index in entry.weeks:
            covered.setdefault(index, []).append(ref(entry))
    if not covered:
        return []
    weeks = []
    for index in range(min(covered), max(covered) + 1):
        start = monday(index)
        year, number, _ = start.isocalendar()
        weeks.append(
            TimelineWeek(
                week=week_label(start),
                iso_year=year,
                iso_week=number,
                start=start,
                notes=covered.get(index, []),
            )
        )
    return weeks


def _gaps(key: str, weeks: Sequence[TimelineWeek]) -> list[Finding]:
    found: list[Finding] = []
    run: list[TimelineWeek] = []
    before: NoteRef | None = None
    for week in weeks:
        if not week.notes:
            run.append(week)
            continue
        if run and before is not None:
            span = run[0].week if len(run) == 1 else f"{run[0].week} to {run[-1].week}"
            found.append(
                Finding(
                    series=key,
                    kind=FindingKind.GAP,
                    message=f"no note for {_weeks(len(run))}: {span}",
                    weeks=[each.week for each in run],
                    notes=[before, week.notes[0]],
                )
            )
        run = []
        before = week.notes[-1]
    return found


def _duplicates(key: str, weeks: Sequence[TimelineWeek]) -> list[Finding]:
    found = []
    for week in weeks:
        if len(week.notes) < 2:
            continue
        places = sorted({each.path or "<text>" for each in week.notes})
        where = "one file" if len(places) == 1 else f"{len(places)} files"
        found.append(
            Finding(
                series=key,
                kind=FindingKind.DUPLICATE,
                message=f"{len(week.notes)} notes for {week.week} (in {where})",
                weeks=[week.week],
                notes=list(week.notes),
            )
        )
    return found


def _date_contradiction(entry: Placed) -> str | None:
    """Why ``entry``'s date contradicts its week, if it does."""
    for warning in entry.item.warnings:
        if warning.code == "week-contradicts-date":  # the parser's own finding
            return f"{entry.item.shown}: {warning.message}"
    week, published = entry.week, entry.item.note.published
    if week is None or week.start is None or published is None or not entry.weeks:
        return None
    before, after = (week.start - published).days, (published - (week.end or week.start)).days
    if week.end is None:
        after -= 6
    if before > EARLY_DAYS:
        days, side = before, "before"
    elif after > LATE_DAYS:
        days, side = after, "after"
    else:
        return None
    return (
        f"{entry.item.shown} is dated {published.isoformat()}, {days} days {side} "
        f"its week {entry.label} ({week.raw!r})"
    )


def _date_contradictions(key: str, ordered: Sequence[Placed]) -> list[Finding]:
    found = []
    for entry in ordered:
        message = _date_contradiction(entry)
        if message is None:
            continue
        found.append(
            Finding(
                series=key,
                kind=FindingKind.DATE_CONTRADICTS_WEEK,
                message=message,
                weeks=[entry.label] if entry.label else [],
                notes=[ref(entry)],
            )
        )
    return found


def _counters(key: str, ordered: Sequence[Placed]) -> list[Finding]:
    found = []
    families = count_families(ordered)
    counts: dict[str, list[Placed]] = {}
    for entry in ordered:
        if entry.weeks and entry.counter is not None:
            counts.setdefault(families[entry.item.order], []).append(entry)
    pairs = (pair for counted in counts.values() for pair in itertools.pairwise(counted))
    for before, after in pairs:
        first, second = before.counter or 0, after.counter or 0
        elapsed = (after.first or 0) - (before.first or 0)
        if elapsed == 0:
            continue  # one week twice: a duplicate, found as such
        if second <= first:
            kind = FindingKind.COUNTER_BACKWARDS
            message = f"the count goes from {first} to {second} a week or more later"
        elif second - first > elapsed:
            kind = FindingKind.COUNTER_SKIPS
            message = (
                f"the count goes from {first} to {second} in {_weeks(elapsed)} "
                f"({second - first - elapsed} skipped)"
            )
        else:
            continue
        found.append(
            Finding(
                series=key,
                kind=kind,
                message=message,
                weeks=[before.label or "", after.label or ""],
                notes=[ref(before), ref(after)],
            )
        )
    return found


def _unplaced(key: str, ordered: Sequence[Placed]) -> list[Finding]:
    return [
        Finding(
            series=key,
            kind=FindingKind.UNPLACED,
            message=f"{entry.item.shown} is in no week: {entry.why_unplaced}",
            weeks=[],
            notes=[ref(entry)],
        )
        for entry in ordered
        if not entry.weeks
    ]


def findings(key: str, ordered: Sequence[Placed], weeks: Sequence[TimelineWeek]) -> list[Finding]:
    """Every finding of a series, ordered by first week (unplaced notes last)."""
    found = [
        *_gaps(key, weeks),
        *_duplicates(key, weeks),
        *_date_contradictions(key, ordered),
        *_counters(key, ordered),
    ]
    found.sort(key=lambda finding: (not finding.weeks, finding.weeks[:1]))
    return found + _unplaced(key, ordered)
