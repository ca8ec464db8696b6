"""Calendar dates as weeknote writers write them: '5 November', 'Jun. 7 '19', '4/17/2020'."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

DateOrder = Literal["dmy", "mdy"]

MONTHS: dict[str, int] = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3,
    "apr": 4, "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7,
    "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9,
    "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}  # fmt: skip
WEEKDAYS: dict[str, int] = {
    "mon": 0, "monday": 0, "tue": 1, "tues": 1, "tuesday": 1, "wed": 2, "wednesday": 2,
    "thu": 3, "thur": 3, "thurs": 3, "thursday": 3, "fri": 4, "friday": 4,
    "sat": 5, "saturday": 5, "sun": 6, "sunday": 6,
}  # fmt: skip

# Building blocks for the grammar's patterns (no capturing groups: each pattern names its own).
MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
WEEKDAY = (
    r"(?:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?"
    r"|sat(?:urday)?|sun(?:day)?)\.?"
)
DAY = r"(?:[0-3]?\d)(?:st|nd|rd|th)?"
YEAR = r"(?:(?:19|20)\d\d|['’]\d\d)"
# A written date, day first or month first, with an optional weekday and year.
TEXT_DATE = rf"(?:{WEEKDAY},?\s+)?(?:{DAY}(?:\s+of)?\s+{MONTH}|{MONTH}\s+{DAY}\b)(?:,?\s+{YEAR})?"
NUMERIC_DATE = r"(?:(?:19|20)\d\d-\d\d?-\d\d?|\d\d?[/.\-]\d\d?[/.\-](?:(?:19|20)\d\d|\d\d))"
NUMERIC_DAY_MONTH = r"(?:\d\d?/\d\d?)"
DATE = rf"(?:{TEXT_DATE}|{NUMERIC_DATE})"

_TEXT_PARTS = re.compile(
    rf"""^(?:(?P<weekday>{WEEKDAY}),?\s+)?
    (?:(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?:\s+of)?\s+(?P<month>{MONTH})
      |(?P<month2>{MONTH})\s+(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?)
    (?:,?\s+(?P<year>{YEAR}))?$""",
    re.IGNORECASE | re.VERBOSE,
)
_ISO = re.compile(r"^(?P<y>\d{4})-(?P<m>\d\d?)-(?P<d>\d\d?)$")
_NUMERIC = re.compile(r"^(?P<a>\d\d?)[/.\-](?P<b>\d\d?)(?:[/.\-](?P<y>\d{4}|\d\d))?$")
_BARE_DAY = re.compile(
    rf"^(?:(?P<weekday>{WEEKDAY}),?\s+)?(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?:,?\s+(?P<year>{YEAR}))?$",
    re.IGNORECASE,
)


# The dates the parser places weeks in: far enough either side of any weeknote, and far from
# the calendar's own edges (0001-01-01, 9999-12-31), where a week's Monday or Sunday overflows.
EARLIEST = dt.date(1900, 1, 1)
LATEST = dt.date(2200, 12, 31)


def in_range(day: dt.date) -> bool:
    """Is ``day`` one the parser can place a week around (years 1900 to 2200)?"""
    return EARLIEST <= day <= LATEST


@dataclass(frozen=True, slots=True)
class PartialDate:
    """A date as written: any part may be missing. ``ambiguous``: readable day- or month-first.
    ``forced``: the order a numeric date can only be read in ('mdy' for '4/17/2020', 'dmy' for
    '17/4/2020'), the evidence for how a whole document writes its dates."""

    day: int | None
    month: int | None
    year: int | None
    weekday: int | None = None
    ambiguous: bool = False
    forced: DateOrder | None = None

    def with_defaults(self, other: PartialDate) -> PartialDate:
        """Fill this date's missing month and year from ``other`` (the end of a range)."""
        return PartialDate(
            self.day,
            self.month if self.month is not None else other.month,
            self.year if self.year is not None else other.year,
            self.weekday,
            self.ambiguous,
            self.forced,
        )

    def swapped(self) -> PartialDate:
        """An ambiguous date read the other way round (day as month, month as day)."""
        if not self.ambiguous:
            return self
        return PartialDate(self.month, self.day, self.year, self.weekday)

    def on(self, year: int) -> dt.date | None:
        """This date in ``year`` (ignoring any year written), or None if there is no such day."""
        if self.day is None or self.month is None:
            return None
        return safe_date(year, self.month, self.day)

    def resolved(self) -> dt.date | None:
        """The calendar date, when day, month and year are all known and valid."""
        return self.on(self.year) if self.year is not None else None


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def full_year(text: str) -> int:
    digits = text.lstrip("'’")
    value = int(digits)
    return 2000 + value if len(digits) == 2 else value


def parse_date(text: str, order: DateOrder = "dmy") -> PartialDate | None:
    """Read one written date (``TEXT_DATE``, ``NUMERIC_DATE``, 'D/M' or a bare day)."""
    text = " ".join(text.split()).strip(" ,")
    match = _TEXT_PARTS.match(text)
    if match is not None:
        month = match["month"] or match["month2"]
        return PartialDate(
            day=int(match["day"] or match["day2"]),
            month=MONTHS[month.lower().rstrip(".")],
            year=full_year(match["year"]) if match["year"] else None,
            weekday=WEEKDAYS[match["weekday"].lower().rstrip(".")] if match["weekday"] else None,
        )
    match = _ISO.match(text)
    if match is not None:
        return PartialDate(int(match["d"]), int(match["m"]), int(match["y"]))
    match = _NUMERIC.match(text)
    if match is not None:
        first, second = int(match["a"]), int(match["b"])
        year = full_year(match["y"]) if match["y"] else None
        day, month = (first, second) if order == "dmy" else (second, first)
        ambiguous = False
        if month > 12 >= day:  # only the other reading is a date ('4/17/2020')
            day, month = month, day
        elif first != second and first <= 12 and second <= 12:
            ambiguous = True
        forced: DateOrder | None = None
        if first > 12 >= second:
            forced = "dmy"
        elif second > 12 >= first:
            forced = "mdy"
        return PartialDate(day, month, year, ambiguous=ambiguous, forced=forced)
    match = _BARE_DAY.match(text)
    if match is not None:
        return PartialDate(
            day=int(match["day"]),
            month=None,
            year=full_year(match["year"]) if match["year"] else None,
            weekday=WEEKDAYS[match["weekday"].lower().rstrip(".")] if match["weekday"] else None,
        )
    return None


_ISO_PREFIX = re.compile(r"^\s*((?:19|20)\d\d-\d\d?-\d\d?)")


def read_date(text: str, order: DateOrder = "dmy") -> PartialDate | None:
    """A date as front matter, pages and feeds write it: ISO 8601 (any time after it is
    ignored, as written, with no timezone conversion) or any form :func:`parse_date` reads."""
    match = _ISO_PREFIX.match(text)
    return parse_date(match.group(1) if match else text, order)


def monday_of(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


# -- day first or month first: the reading the rest of a designation calls for -------------------
def _readings(date: PartialDate) -> list[PartialDate]:
    """``date`` as read, then (when it is ambiguous) with day and month swapped."""
    if not date.ambiguous or date.day is None or date.month is None:
        return [date]
    return [date, PartialDate(date.month, date.day, date.year, date.weekday)]


def settle_single(date: PartialDate, weekdays: tuple[int, ...]) -> PartialDate:
    """An ambiguous numeric date with its year, read the one way that falls on one of
    ``weekdays`` (or on its written weekday): 'w/c 04/03/23' is Monday 3 April 2023, since 4
    March 2023 is a Saturday. Unchanged when both readings or neither fit."""
    if not date.ambiguous or date.year is None:
        return date
    wanted = (date.weekday,) if date.weekday is not None else weekdays
    fitting = [
        reading
        for reading in _readings(date)
        if (day := reading.resolved()) is not None and day.weekday() in wanted
    ]
    if len(fitting) != 1:
        return date
    chosen = fitting[0]
    return PartialDate(chosen.day, chosen.month, chosen.year, chosen.weekday)


MAX_RANGE_DAYS = 13  # a range longer than two weeks is not one read the right way


def _span(first: PartialDate, last: PartialDate) -> int | None:
    """Days from ``first`` to ``last`` (a year-less end past December runs into January)."""
    year = first.year or last.year or 2000
    start = first.on(year)
    end = last.on(last.year or year)
    if start is None or end is None:
        return None
    if end < start and last.year is None:
        end = last.on(year + 1)
    return (end - start).days if end is not None else None


def settle_range(first: PartialDate, last: PartialDate) -> tuple[PartialDate, PartialDate]:
    """The two ends of a numeric range, each read day first or month first so that the range
    runs forward over at most two weeks: '10/5/2020 - 10/11/2020' is 5 to 11 October.
    Unchanged when the reading as written fits, or when no single other reading does."""
    if not (first.ambiguous or last.ambiguous):
        return first, last
    options = [
        (a, b)
        for a in _readings(first)
        for b in _readings(last)
        if (span := _span(a, b)) is not None and 0 <= span <= MAX_RANGE_DAYS
    ]
    if (first, last) in options or len(options) != 1:
        return first, last
    a, b = options[0]
    return (
        PartialDate(a.day, a.month, a.year, a.weekday),
        PartialDate(b.day, b.month, b.year, b.weekday),
    )


SATURDAY = 5


def range_monday(first: dt.date, last: dt.date | None) -> dt.date:
    """The Monday of the week a range of days covers: the week it starts in, or, when it
    starts on a Saturday or Sunday and runs on past the next Monday, the week that Monday
    starts ('Saturday 5 to Friday 11 October 2019' is the week of Monday 7 October)."""
    monday = monday_of(first)
    following = monday + dt.timedelta(days=7)
    if first.weekday() >= SATURDAY and last is not None and last >= following:
        return following
    return monday


def document_order(dates: Iterable[PartialDate | None]) -> DateOrder | None:
    """The order a document writes its numeric dates in, when the dates that can be read only
    one way all agree ('2/15' among '2/1', '2/8' makes them all month first); else None."""
    forced = {date.forced for date in dates if date is not None and date.forced is not None}
    return forced.pop() if len(forced) == 1 else None
