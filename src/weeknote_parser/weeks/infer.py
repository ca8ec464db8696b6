"""Week inference: place each note's designation in the ISO calendar, with its evidence."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from ..models import Week, WeekKind, YearSource
from .builders import read_in_order
from .checks import Problem, backward_counters, duplicate_weeks
from .dates import (
    EARLIEST,
    LATEST,
    DateOrder,
    PartialDate,
    document_order,
    in_range,
    monday_of,
    range_monday,
    safe_date,
)
from .grammar import WeekMatch

WEEK = dt.timedelta(days=7)
LATE_DECEMBER = 25  # from this day on, a year-less date may belong to the hint's year before
# A week code more than this far before the note's own date contradicts it (late notes happen).
CONTRADICTION_BEFORE = dt.timedelta(weeks=6)
# How far after its week a note's date may fall for 'Week 38' to be read as ISO week 38.
WEEK_NUMBER_SLACK = dt.timedelta(days=13)
NEIGHBOUR_REACH = dt.timedelta(days=400)
# A number this large beside a count is a year ('1/2021'), not an episode.
FIRST_YEAR_OF_COUNT = 1000
# A code that could be a count of the year's notes ('1/2021', '3.22'): one that starts after
# the note's own date is read as one. An ISO code ('2024-W11') is never a count.
_COUNT_LIKE = re.compile(r"(?<![\d-])\d{1,2}\s*[/.]\s*\d{2,4}(?!\d)")
_ISO_CODE = re.compile(r"\d{4}\s*-?\s*W\d", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Context:
    """What the caller knows that the text may not say."""

    year: int | None = None
    published: dt.date | None = None
    date_order: DateOrder = "dmy"
    date_order_given: bool = False
    today: dt.date = field(default_factory=dt.date.today)
    first_candidate_year: int = 2005

    @property
    def last_candidate_year(self) -> int:
        return self.today.year + 1


@dataclass(frozen=True, slots=True)
class Evidence:
    """A date that tells when a note was written or which week it is about."""

    date: dt.date
    source: YearSource
    raw: str
    line: int | None = None


@dataclass(slots=True)
class NoteFacts:
    """What the recognisers found about one note's week."""

    designation: WeekMatch | None
    line: int | None
    evidence: list[Evidence] = field(default_factory=list)


@dataclass(slots=True)
class _Placed:
    week: Week | None
    pending: WeekMatch | None = None  # a year-less date still waiting for a year
    candidates: list[dt.date] = field(default_factory=list)


def week_of(day: dt.date, raw: str, kind: WeekKind, source: YearSource, **extra: object) -> Week:
    """The ISO week holding ``day``."""
    iso_year, iso_week, _ = day.isocalendar()
    monday = monday_of(day)
    return Week(
        raw=raw, kind=kind, iso_year=iso_year, iso_week=iso_week, start=monday,
        end=monday + dt.timedelta(days=6), year_source=source, **extra,
    )  # fmt: skip


def _counter_fields(match: WeekMatch) -> dict[str, object]:
    return {
        "number": match.number, "total": match.total, "season": match.season,
        "episode": match.episode,
    }  # fmt: skip


def _publication_week(evidence: Evidence) -> dt.date:
    """The day whose week a publication date places a note in: Monday looks back a week."""
    if evidence.date.weekday() == 0:
        return evidence.date - dt.timedelta(days=1)
    return evidence.date


class Placer:
    """Places the notes of one document, then checks them against each other."""

    def __init__(self, context: Context) -> None:
        self.context = context
        self.problems: list[Problem] = []

    def warn(self, code: str, message: str, line: int | None) -> None:
        self.problems.append(Problem(code, message, line))

    # -- the whole document ------------------------------------------------------------
    def place_all(self, notes: Sequence[NoteFacts]) -> list[Week | None]:
        if self.context.published is not None and len(notes) == 1:
            notes[0].evidence.append(
                Evidence(
                    self.context.published, YearSource.HINT, self.context.published.isoformat()
                )
            )
        for note in notes:
            note.evidence = self.usable(note.evidence)
        self._read_in_document_order(notes)
        placed = [self._place(note) for note in notes]
        self._place_from_neighbours(placed, notes)
        weeks = [item.week for item in placed]
        self.problems.extend(duplicate_weeks(weeks, [note.line for note in notes]))
        self.problems.extend(backward_counters(notes))
        return weeks

    def _read_in_document_order(self, notes: Sequence[NoteFacts]) -> None:
        """Ambiguous numeric dates read the way the document's unambiguous ones are written
        ('Week 1 (2/1)' beside 'Week 3 (2/15)' is 1 February), unless an order was given."""
        if self.context.date_order_given:
            return
        designations = [note.designation for note in notes if note.designation is not None]
        order = document_order(d for m in designations for d in (m.first, m.last))
        if order is None or order == self.context.date_order:
            return
        for note in notes:
            if note.designation is not None:
                note.designation = read_in_order(note.designation, order, self.context.date_order)

    def usable(self, evidence: list[Evidence]) -> list[Evidence]:
        """The evidence whose dates lie in the range weeks are placed in; the rest is
        reported (an 'invalid-date' warning) and left out."""
        kept = [item for item in evidence if in_range(item.date)]
        for item in evidence:
            if not in_range(item.date):
                self.warn(
                    "invalid-date",
                    f"{item.raw!r} ({item.source.value}) lies outside {EARLIEST.year} to "
                    f"{LATEST.year}; not used to place the week",
                    item.line,
                )
        return kept

    # -- one note ----------------------------------------------------------------------
    def _place(self, note: NoteFacts) -> _Placed:
        match = note.designation
        evidence = note.evidence[0] if note.evidence else None
        if match is None:
            if evidence is None:
                return _Placed(None)
            day = _publication_week(evidence)
            return _Placed(week_of(day, evidence.raw, WeekKind.DATE, evidence.source))
        if match.kind is WeekKind.WEEK_NUMBER:
            return _Placed(self._week_number(match, note, evidence))
        if match.kind in (WeekKind.MONTH, WeekKind.DAY, WeekKind.TWO_WEEKS):
            return _Placed(self._period(match, note, evidence))
        if match.first is None:  # counters of every kind: the note's date places them
            return _Placed(self._by_date(match, evidence))
        return self._dated(match, note, evidence)

    def _by_date(self, match: WeekMatch, evidence: Evidence | None) -> Week:
        extra = _counter_fields(match)
        if evidence is None:
            return Week(raw=match.raw, kind=match.kind, **extra)
        return week_of(_publication_week(evidence), match.raw, match.kind, evidence.source, **extra)

    def _week_number(self, match: WeekMatch, note: NoteFacts, evidence: Evidence | None) -> Week:
        assert match.week is not None
        if match.year is None:
            return self._year_less_number(match, evidence)
        try:
            monday = dt.date.fromisocalendar(match.year, match.week, 1)
        except ValueError:
            self.warn(
                "invalid-week",
                f"{match.raw!r}: {match.year} has no ISO week {match.week}",
                note.line,
            )
            return Week(raw=match.raw, kind=match.kind)
        if evidence is None:
            latest = monday_of(self.context.today) + WEEK
        elif _COUNT_LIKE.search(match.raw) and not _ISO_CODE.search(match.raw):
            latest = evidence.date  # '1/2021' dated before its week began counts notes
        else:
            latest = evidence.date + WEEK  # a draft's date, or a feed's in another zone
        too_early = evidence is not None and monday < evidence.date - CONTRADICTION_BEFORE
        if monday > latest or too_early:
            return self._not_a_week(match, note, evidence, monday)
        return week_of(monday, match.raw, match.kind, match.source)

    def _not_a_week(
        self, match: WeekMatch, note: NoteFacts, evidence: Evidence | None, monday: dt.date
    ) -> Week:
        """A code such as '3.36' that would put the note in the future or far from its date:
        an author's own numbering, kept as a counter, placed by the note's date if known."""
        numbers = [int(n) for n in re.findall(r"\d+", match.raw)]
        first, second = (numbers[0], numbers[1]) if len(numbers) >= 2 else (match.week, None)
        if first is not None and second is not None and max(first, second) >= FIRST_YEAR_OF_COUNT:
            # '1/2021': the first note of 2021, not season 1 episode 2021
            number = first if second >= FIRST_YEAR_OF_COUNT else second
            counter = replace(match, kind=WeekKind.COUNTER, number=number, week=None, year=None)
        else:
            counter = replace(
                match, kind=WeekKind.COUNTER, season=first, episode=second, week=None, year=None
            )
        if evidence is not None:
            self.warn(
                "week-contradicts-date",
                f"{match.raw!r} would be the week of {monday}, but the note is dated "
                f"{evidence.date} ({evidence.source.value}); read as the author's own numbering",
                note.line,
            )
        else:
            self.warn(
                "week-in-future",
                f"{match.raw!r} would be the week of {monday}, after {self.context.today}; "
                "read as the author's own numbering",
                note.line,
            )
        return self._by_date(counter, evidence)

    def _year_less_number(self, match: WeekMatch, evidence: Evidence | None) -> Week:
        """'Week 38': ISO week 38 only when the note's date falls in or just after it."""
        assert match.week is not None
        if evidence is not None:
            day = evidence.date
            for year in (day.isocalendar()[0], day.isocalendar()[0] - 1):
                try:
                    monday = dt.date.fromisocalendar(year, match.week, 1)
                except ValueError:
                    continue
                if monday <= day <= monday + WEEK_NUMBER_SLACK:
                    return week_of(monday, match.raw, match.kind, evidence.source)
        counter = replace(match, kind=WeekKind.COUNTER, number=match.week, week=None)
        return self._by_date(counter, evidence)

    def _period(self, match: WeekMatch, note: NoteFacts, evidence: Evidence | None) -> Week:
        """A month, a fortnight or a single day: not a week, so no ISO week is given."""
        base = Week(raw=match.raw, kind=match.kind, number=match.number)
        if match.kind is WeekKind.TWO_WEEKS:
            assert match.week is not None
            year = match.year
            source = match.source
            if year is None and evidence is not None:
                year, source = evidence.date.isocalendar()[0], evidence.source
            elif year is None and self.context.year is not None:
                year, source = self.context.year, YearSource.HINT
            if year is None:
                return base
            try:
                first = dt.date.fromisocalendar(year, match.week, 1)
                last = dt.date.fromisocalendar(year, match.week + 1, 7)
            except ValueError:
                self.warn("invalid-week", f"{match.raw!r}: {year} has no such weeks", note.line)
                return base
            return base.model_copy(
                update={"period_start": first, "period_end": last, "year_source": source}
            )
        assert match.first is not None
        located = self._locate(match, match.first, note, evidence)
        if located is None:
            return base
        day, source = located
        if match.kind is WeekKind.MONTH:
            following = safe_date(day.year + day.month // 12, day.month % 12 + 1, 1)
            assert following is not None
            end = following - dt.timedelta(days=1)
            return base.model_copy(
                update={"period_start": day, "period_end": end, "year_source": source}
            )
        return base.model_copy(
            update={"period_start": day, "period_end": day, "year_source": source}
        )

    def _dated(self, match: WeekMatch, note: NoteFacts, evidence: Evidence | None) -> _Placed:
        """Week commencing, week ending, a date range or a single date."""
        assert match.first is not None
        self._check_ambiguous(match, note)
        located = self._locate(match, match.first, note, evidence)
        if located is None:
            if match.first.year is None and match.first.month is not None:
                candidates = self._candidates(match)
                return _Placed(Week(raw=match.raw, kind=match.kind), match, candidates)
            return _Placed(Week(raw=match.raw, kind=match.kind))
        day, source = located
        return _Placed(self._week_from_day(match, note, day, source))

    def _week_from_day(
        self, match: WeekMatch, note: NoteFacts, day: dt.date, source: YearSource
    ) -> Week:
        week = week_of(day, match.raw, match.kind, source)
        if match.kind is WeekKind.DATE_RANGE and match.last is not None:
            last = match.last.on(day.year + (1 if (match.last.month or 0) < day.month else 0))
            if last is None:
                self.warn(
                    "invalid-date", f"{match.raw!r} ends on a day not in the calendar", note.line
                )
                return week
            monday = range_monday(day, last)
            if last < day:
                self.warn("invalid-range", f"{match.raw!r} ends before it begins", note.line)
            elif monday_of(last) != monday:
                self.warn(
                    "range-spans-weeks",
                    f"{match.raw!r} runs from {day} to {last}, across more than one week; "
                    f"placed in the week of {monday}",
                    note.line,
                )
            week = week_of(monday, match.raw, match.kind, source).model_copy(
                update={"period_start": day, "period_end": last}
            )
        elif (
            match.kind is WeekKind.WEEK_COMMENCING
            and day.weekday() != 0
            and match.first
            and match.first.weekday is None
        ):
            self.warn(
                "not-a-monday",
                f"{match.raw!r} is a {day:%A} in {day.year}, not a Monday; "
                "placed in the week holding it",
                note.line,
            )
        return week

    # -- finding the year of a date -------------------------------------------------------
    def _wanted_weekdays(self, match: WeekMatch) -> tuple[int, ...] | None:
        """Which weekdays the first date should fall on, for choosing among years."""
        assert match.first is not None
        if match.first.weekday is not None:
            return (match.first.weekday,)
        if match.kind in (WeekKind.WEEK_COMMENCING, WeekKind.DATE_RANGE):
            return (0,)
        if match.kind is WeekKind.WEEK_ENDING:
            return (4, 5, 6)
        return None

    def _candidates(self, match: WeekMatch) -> list[dt.date]:
        assert match.first is not None
        first = match.first
        return list(
            _candidate_mondays(
                first.month, first.day, self._wanted_weekdays(match),
                self.context.first_candidate_year, self.context.last_candidate_year,
            )
        )  # fmt: skip

    def _locate(
        self, match: WeekMatch, first: PartialDate, note: NoteFacts, evidence: Evidence | None
    ) -> tuple[dt.date, YearSource] | None:
        """The calendar date of ``first`` and where its year came from, or None."""
        if first.month is None or first.day is None:
            return None
        if first.year is not None:
            day = first.resolved()
            if day is None:
                self.warn("invalid-date", f"{match.raw!r} is not a date in the calendar", note.line)
            return (day, match.source) if day else None
        if first.on(2000) is None:  # 2000 is a leap year: no year has this day
            self.warn("invalid-date", f"{match.raw!r} is not a date in the calendar", note.line)
            return None
        if evidence is not None:
            day = self._nearest_before(match, first, evidence.date + WEEK)
            return (day, evidence.source) if day else None
        if self.context.year is not None:
            return self._in_hint_year(match, first, self.context.year), YearSource.HINT
        return None

    def _nearest_before(
        self, match: WeekMatch, first: PartialDate, limit: dt.date
    ) -> dt.date | None:
        """The latest day on or before ``limit`` that ``first`` can be, preferring the right
        weekday within a year and a bit."""
        wanted = self._wanted_weekdays(match)
        options = [
            day for year in range(limit.year - 6, limit.year + 1)
            if (day := first.on(year)) is not None and day <= limit
        ]  # fmt: skip
        fitting = [d for d in options if wanted is None or d.weekday() in wanted]
        if fitting and limit - fitting[-1] <= NEIGHBOUR_REACH:
            return fitting[-1]
        return options[-1] if options else None

    def _in_hint_year(self, match: WeekMatch, first: PartialDate, year: int) -> dt.date:
        wanted = self._wanted_weekdays(match)
        years = [year]
        if first.month == 12 and (first.day or 0) >= LATE_DECEMBER:
            years.append(year - 1)  # a note early in the year about a week begun in December
        for candidate in years:
            day = first.on(candidate)
            if day is not None and (wanted is None or day.weekday() in wanted):
                return day
        day = first.on(year) or first.on(year - 1)
        assert day is not None  # checked against the leap year 2000 already
        return day

    def _check_ambiguous(self, match: WeekMatch, note: NoteFacts) -> None:
        dates = [d for d in (match.first, match.last) if d is not None]
        if not self.context.date_order_given and any(d.ambiguous for d in dates):
            self.warn(
                "ambiguous-date",
                f"{match.raw!r} reads as a date either day first or month first; read day "
                "first (pass --date-order mdy for month first)",
                note.line,
            )

    # -- across the document --------------------------------------------------------------
    def _place_from_neighbours(self, placed: list[_Placed], notes: Sequence[NoteFacts]) -> None:
        """Give each year-less note the year of its nearest placed neighbour: the one before
        it (notes before it are settled first, so a run of year-less notes follows one dated
        note), else the first one after it. One pass each way: linear in the notes."""
        following: list[int | None] = [None] * len(placed)
        upcoming: int | None = None
        for index in range(len(placed) - 1, -1, -1):
            following[index] = upcoming
            if placed[index].pending is None and _start(placed[index]) is not None:
                upcoming = index
        previous: int | None = None
        for index, item in enumerate(placed):
            if item.pending is not None:
                neighbour = previous if previous is not None else following[index]
                self._from_neighbour(item, notes[index], neighbour, placed)
            if _start(item) is not None:
                previous = index

    def _from_neighbour(
        self, item: _Placed, note: NoteFacts, neighbour: int | None, placed: list[_Placed]
    ) -> None:
        match = item.pending
        assert match is not None
        start = _start(placed[neighbour]) if neighbour is not None else None
        if start is not None:
            near = [c for c in item.candidates if abs(c - start) <= NEIGHBOUR_REACH]
            if near:
                best = min(near, key=lambda c: abs(c - start))
                assert match.first is not None
                day = match.first.on(best.year) or best
                if monday_of(day) != best:
                    day = best
                item.week = self._week_from_day(match, note, day, YearSource.NEIGHBOURS)
                item.pending = None
                return
        dates = ", ".join(c.isoformat() for c in item.candidates) or "none"
        self.warn(
            "year-unknown",
            f"{match.raw!r} names no year; Mondays that fit: {dates} "
            "(pass --year or a publication date to choose)",
            note.line,
        )
        item.week = Week(raw=match.raw, kind=match.kind, candidates=item.candidates)
        item.pending = None


@lru_cache(maxsize=1024)
def _candidate_mondays(
    month: int | None, day: int | None, wanted: tuple[int, ...] | None, first: int, last: int
) -> tuple[dt.date, ...]:
    """The Mondays of the weeks holding ``day`` ``month`` in the years ``first`` to ``last``
    on which it falls on one of the ``wanted`` weekdays (any, for None): the same few dates
    ('w/c 5 November') come back in note after note, and each asks two dozen years."""
    if month is None or day is None:
        return ()
    days = [
        found
        for year in range(first, last + 1)
        if (found := safe_date(year, month, day)) is not None
        and (wanted is None or found.weekday() in wanted)
    ]
    return tuple(sorted({monday_of(found) for found in days}))


def _start(item: _Placed) -> dt.date | None:
    """The Monday a placed note's week starts on, if it has one and is settled."""
    if item.pending is not None or item.week is None:
        return None
    return item.week.start
