"""The week grammar: find week designations in text and place them in the ISO calendar."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import regex

from .models import Week, WeekKind, YearSource

MONTHS: dict[str, int] = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3,
    "apr": 4, "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7,
    "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9,
    "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}  # fmt: skip

LATE_DECEMBER = 25  # from this day on, a year-less 'w/c' date may belong to the hint's year before

_MONTH = (
    r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_WEEKDAY = r"(?:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?)"
_COMMENCING = r"(?:w/c|w\.c\.|wc|week\s+(?:commencing|beginning|starting))"
# A label that names the note as a weeknote, e.g. 'Weeknote', 'Weeknotes', 'Week note #'.
LABEL = r"(?:week\s?notes?|weekly\s+notes?)"

_WEEK_COMMENCING = (
    rf"(?P<wc>{_COMMENCING}:?\s+(?:{_WEEKDAY},?\s+)?{_DAY}\s+{_MONTH}(?:,?\s+(?P<year>(?:19|20)\d\d))?)"
    r"(?![\w/])"
)
# 'N.YY' or 'N.YYYY' after a label, or 'N.YYYY' / 'YYYY.N' anywhere.
_LABELLED_CODE = (
    rf"(?P<lcode>{LABEL}\s*[#:]?\s*(?P<lweek>\d{{1,2}})\.(?P<lyear>\d\d(?:\d\d)?))(?![\w.])"
)
_YEAR_FIRST = (
    rf"(?P<ycode>(?:{LABEL}\s*[#:]?\s*)?(?P<yyear>(?:19|20)\d\d)\.(?P<yweek>\d{{1,2}}))(?![\w.])"
)
_WEEK_FIRST = (
    rf"(?P<wcode>(?:{LABEL}\s*[#:]?\s*)?(?P<wweek>\d{{1,2}})\.(?P<wyear>(?:19|20)\d\d))(?![\w.])"
)

_DESIGNATION = regex.compile(
    rf"(?<![\w.]){_WEEK_COMMENCING}|(?<![\w.]){_LABELLED_CODE}"
    rf"|(?<![\w.]){_YEAR_FIRST}|(?<![\w.]){_WEEK_FIRST}",
    regex.IGNORECASE | regex.VERSION1,
)


@dataclass(frozen=True, slots=True)
class WeekMatch:
    """A week designation found in a piece of text, before it is placed in the calendar."""

    raw: str
    kind: WeekKind
    start: int
    end: int
    day: int | None = None
    month: int | None = None
    year: int | None = None
    week: int | None = None


@dataclass(frozen=True, slots=True)
class Context:
    """What the caller knows that the text may not say."""

    year: int | None = None
    published: dt.date | None = None
    first_candidate_year: int = 2005
    last_candidate_year: int = field(default_factory=lambda: dt.date.today().year + 1)


@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong or uncertain about a week, reported as a warning."""

    code: str
    message: str


def _full_year(text: str) -> int:
    value = int(text)
    return 2000 + value if len(text) == 2 else value


def _from_match(match: regex.Match[str]) -> WeekMatch:
    if match["wc"] is not None:
        return WeekMatch(
            raw=match["wc"],
            kind=WeekKind.WEEK_COMMENCING,
            start=match.start("wc"),
            end=match.end("wc"),
            day=int(match["day"]),
            month=MONTHS[match["month"].lower()],
            year=int(match["year"]) if match["year"] else None,
        )
    for group, week, year in (
        ("lcode", "lweek", "lyear"),
        ("ycode", "yweek", "yyear"),
        ("wcode", "wweek", "wyear"),
    ):
        if match[group] is not None:
            return WeekMatch(
                raw=match[group],
                kind=WeekKind.WEEK_NUMBER,
                start=match.start(group),
                end=match.end(group),
                week=int(match[week]),
                year=_full_year(match[year]),
            )
    raise AssertionError("unreachable: the pattern has no other alternative")


# Every designation holds one of these; text without any is skipped cheaply.
_MAY_HOLD = regex.compile(r"\d[.]\d|w/?\.?c\b|week", regex.IGNORECASE)


def find_designations(text: str) -> list[WeekMatch]:
    """Every week designation in ``text``, in order."""
    if _MAY_HOLD.search(text) is None:
        return []
    return [_from_match(m) for m in _DESIGNATION.finditer(text)]


def match_whole(text: str) -> WeekMatch | None:
    """The designation that makes up all of ``text`` (a week line), if any."""
    stripped = text.strip()
    match = _DESIGNATION.fullmatch(stripped)
    return _from_match(match) if match else None


def _week_from_monday(match: WeekMatch, day: dt.date, source: YearSource) -> Week:
    iso_year, iso_week, _ = day.isocalendar()
    monday = day - dt.timedelta(days=day.weekday())
    return Week(
        raw=match.raw,
        kind=match.kind,
        iso_year=iso_year,
        iso_week=iso_week,
        start=monday,
        end=monday + dt.timedelta(days=6),
        year_source=source,
    )


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _resolve_commencing(match: WeekMatch, context: Context) -> tuple[Week, list[Problem]]:
    assert match.day is not None and match.month is not None
    unknown = Week(raw=match.raw, kind=match.kind)
    if match.year is not None:
        day = _safe_date(match.year, match.month, match.day)
        if day is None:
            return unknown, [
                Problem("invalid-date", f"{match.raw!r} is not a date in the calendar")
            ]
        return _week_from_monday(match, day, YearSource.STATED), []
    if _safe_date(2000, match.month, match.day) is None:  # 2000 is a leap year
        return unknown, [Problem("invalid-date", f"{match.raw!r} is not a date in the calendar")]
    if context.published is not None:
        mondays = _mondays(match, context)
        before = [m for m in mondays if m <= context.published]
        if before and (context.published - before[-1]).days <= 366:
            return _week_from_monday(match, before[-1], YearSource.HINT), []
        return _with_hint_year(match, context.published.year)
    if context.year is not None:
        return _with_hint_year(match, context.year)
    mondays = _mondays(match, context)
    dates = ", ".join(m.isoformat() for m in mondays) or "none"
    return (
        Week(raw=match.raw, kind=match.kind, candidates=mondays),
        [
            Problem(
                "year-unknown",
                f"{match.raw!r} names no year; Mondays that fit: {dates} "
                "(pass --year or a publication date to choose)",
            )
        ],
    )


def _mondays(match: WeekMatch, context: Context) -> list[dt.date]:
    """The dates, in the candidate years, that ``match`` names and that are Mondays."""
    assert match.day is not None
    assert match.month is not None
    return [
        day
        for year in range(context.first_candidate_year, context.last_candidate_year + 1)
        if (day := _safe_date(year, match.month, match.day)) is not None and day.weekday() == 0
    ]


def _with_hint_year(match: WeekMatch, year: int) -> tuple[Week, list[Problem]]:
    assert match.day is not None and match.month is not None
    candidates = [year]
    if match.month == 12 and match.day >= LATE_DECEMBER:
        # A note written early in the year about a week that began late in the last one.
        candidates.append(year - 1)
    for candidate in candidates:
        day = _safe_date(candidate, match.month, match.day)
        if day is not None and day.weekday() == 0:
            return _week_from_monday(match, day, YearSource.HINT), []
    day = _safe_date(year, match.month, match.day)
    if day is None:
        return Week(raw=match.raw, kind=match.kind), [
            Problem("invalid-date", f"{match.raw!r} is not a date in {year}")
        ]
    return _week_from_monday(match, day, YearSource.HINT), [
        Problem(
            "not-a-monday",
            f"{match.raw!r} is a {day:%A} in {year}, not a Monday; placed in the week holding it",
        )
    ]


def _resolve_number(match: WeekMatch) -> tuple[Week, list[Problem]]:
    assert match.week is not None and match.year is not None
    try:
        monday = dt.date.fromisocalendar(match.year, match.week, 1)
    except ValueError:
        return Week(raw=match.raw, kind=match.kind), [
            Problem("invalid-week", f"{match.raw!r}: {match.year} has no ISO week {match.week}")
        ]
    return _week_from_monday(match, monday, YearSource.STATED), []


def resolve(match: WeekMatch, context: Context) -> tuple[Week, list[Problem]]:
    """Place ``match`` in the calendar, with the problems found on the way."""
    if match.kind is WeekKind.WEEK_COMMENCING:
        return _resolve_commencing(match, context)
    return _resolve_number(match)
