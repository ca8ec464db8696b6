"""The week grammar: every way people name a week (or a period, or a counter) in a title."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from ..models import WeekKind, YearSource
from .dates import (
    DATE,
    DAY,
    MONTH,
    MONTHS,
    NUMERIC_DATE,
    NUMERIC_DAY_MONTH,
    TEXT_DATE,
    WEEKDAY,
    YEAR,
    DateOrder,
    PartialDate,
    full_year,
    parse_date,
)

# A label naming the text as a weeknote: 'Weeknote', 'Weeknotes', 'Week note', 'Weekly notes'.
LABEL = r"(?:week\s?notes?|weekly\s+notes?|weekly\s+update)"

# Kinds that may start a note wherever they stand on a line of their own. The rest (a bare
# date, '#21', 'Sprint 4', '1612 of 4000') are read only in a title that also says it is a
# weeknote, or in the first title of a document.
STRONG_KINDS = frozenset(
    {
        WeekKind.WEEK_COMMENCING,
        WeekKind.WEEK_ENDING,
        WeekKind.WEEK_NUMBER,
        WeekKind.DATE_RANGE,
        WeekKind.SEASON_EPISODE,
        WeekKind.PERSONAL_SERIES,
        WeekKind.TWO_WEEKS,
        WeekKind.MONTH,
    }
)


@dataclass(frozen=True, slots=True)
class WeekMatch:
    """A designation found in text, before it is placed in the calendar."""

    raw: str
    kind: WeekKind
    start: int
    end: int
    first: PartialDate | None = None
    last: PartialDate | None = None
    week: int | None = None
    year: int | None = None
    number: int | None = None
    season: int | None = None
    episode: int | None = None
    total: int | None = None
    labelled: bool = False
    source: YearSource = YearSource.STATED  # where the designation itself was written

    @property
    def strong(self) -> bool:
        """May this designation start a note on a line of its own?"""
        return self.kind in STRONG_KINDS or (self.kind is WeekKind.COUNTER and self.labelled)


Builder = Callable[["re.Match[str]", DateOrder], "WeekMatch | None"]
_FLAGS = re.IGNORECASE | re.VERBOSE
_BEFORE = r"(?<![\w/.#'’-])"
_AFTER = r"(?![\w/]|\.\d)"


def _p(pattern: str) -> re.Pattern[str]:
    return re.compile(_BEFORE + pattern + _AFTER, _FLAGS)


def _base(match: re.Match[str], kind: WeekKind, **fields: object) -> WeekMatch:
    return WeekMatch(match["raw"], kind, match.start("raw"), match.end("raw"), **fields)  # type: ignore[arg-type]


def _date(match: re.Match[str], group: str, order: DateOrder) -> PartialDate | None:
    text = match[group]
    return parse_date(text, order) if text else None


# -- builders ---------------------------------------------------------------------------------
def _commencing(match: re.Match[str], order: DateOrder) -> WeekMatch | None:
    first = _date(match, "date", order)
    return _base(match, WeekKind.WEEK_COMMENCING, first=first) if first else None


def _ending(match: re.Match[str], order: DateOrder) -> WeekMatch | None:
    first = _date(match, "date", order)
    return _base(match, WeekKind.WEEK_ENDING, first=first) if first else None


def _range(match: re.Match[str], order: DateOrder) -> WeekMatch | None:
    first, last = _date(match, "a", order), _date(match, "b", order)
    if first is None or last is None:
        return None
    if last.month is None and first.month is not None:  # 'July 8-12, 2019'
        last = PartialDate(last.day, first.month, last.year, last.weekday)
    first = first.with_defaults(last)
    if (
        first.year is not None
        and last.year is not None
        and match["a"]
        and not re.search(r"\d{4}|['’]\d\d", match["a"])
        and first.month is not None
        and last.month is not None
        and first.month > last.month
    ):
        first = PartialDate(first.day, first.month, first.year - 1, first.weekday)
    return _base(match, WeekKind.DATE_RANGE, first=first, last=last)


def _single_date(match: re.Match[str], order: DateOrder) -> WeekMatch | None:
    first = _date(match, "date", order)
    if first is None or first.month is None:
        return None
    return _base(match, WeekKind.DATE, first=first)


def _day_note(match: re.Match[str], order: DateOrder) -> WeekMatch | None:
    first = _date(match, "date", order)
    return _base(match, WeekKind.DAY, first=first, labelled=True) if first else None


def _code(match: re.Match[str], _order: DateOrder) -> WeekMatch | None:
    week = int(match["week"])
    year = full_year(match["year"])
    return _base(match, WeekKind.WEEK_NUMBER, week=week, year=year, labelled=bool(match["label"]))


def _week_no_year(match: re.Match[str], _order: DateOrder) -> WeekMatch | None:
    digits = match["n"]
    value = int(digits)
    labelled = bool(match["label"])
    if value > 53 or value == 0 or (len(digits) > 2 and digits.startswith("0")):
        return _base(match, WeekKind.COUNTER, number=value, labelled=labelled)
    return _base(match, WeekKind.WEEK_NUMBER, week=value, labelled=labelled)


def _counter(match: re.Match[str], _order: DateOrder) -> WeekMatch | None:
    labelled = bool(match.groupdict().get("label"))
    return _base(match, WeekKind.COUNTER, number=int(match["n"]), labelled=labelled)


def _season(match: re.Match[str], _order: DateOrder) -> WeekMatch | None:
    return _base(
        match, WeekKind.SEASON_EPISODE, season=int(match["s"]), episode=int(match["e"]),
        labelled=True,
    )  # fmt: skip


def _series(match: re.Match[str], _order: DateOrder) -> WeekMatch | None:
    number, total = int(match["n"]), int(match["t"])
    if not 0 < number <= total:
        return None
    return _base(match, WeekKind.PERSONAL_SERIES, number=number, total=total, labelled=True)


def _life(match: re.Match[str], _order: DateOrder) -> WeekMatch | None:
    number, total = int(match["n"]), int(match["t"])
    if not 0 < number <= total:
        return None
    return _base(match, WeekKind.LIFE_WEEKS, number=number, total=total)


def _sprint(match: re.Match[str], _order: DateOrder) -> WeekMatch | None:
    return _base(match, WeekKind.SPRINT, number=int(match["n"]))


def _month(match: re.Match[str], _order: DateOrder) -> WeekMatch | None:
    month = MONTHS[match["month"].lower().rstrip(".")]
    return _base(
        match, WeekKind.MONTH, first=PartialDate(1, month, full_year(match["year"])),
        labelled=True,
    )  # fmt: skip


def _two_weeks(match: re.Match[str], _order: DateOrder) -> WeekMatch | None:
    first, second = int(match["w1"]), int(match["w2"])
    if not (0 < first <= 53 and second == first + 1):
        return None
    year = full_year(match["year"]) if match["year"] else None
    return _base(match, WeekKind.TWO_WEEKS, week=first, year=year, number=second, labelled=True)


# -- patterns, tried in this order; at one place the longest match wins ----------------------
_SEP = r"\s*(?:-|–|—|to|until|till|through|thru|&)\s*"
_COMMENCING = (
    r"(?:w/c|w\.c\.|wc|week\s+(?:commencing|beginning|starting)(?:\s+on)?|(?:the\s+)?week\s+of)"
)
_ENDING = r"(?:w/e|w\.e\.|week\s+ending)"
_WEEK_WORD = rf"(?:{LABEL}|week|wk|kw|kalenderwoche|semaine|semana|settimana|vecka|uke|uge)"
_NUM_LABEL = rf"(?P<label>{LABEL}\s*(?:(?:for|from)\s+)?[#:,\-–]?\s*)"

# Each pattern with the words (any one of them, lower case) a text must hold for it to be
# tried: '<month>' stands for a month name.
_SEPS = ("-", "–", "—", " to ", "until", "till", "through", "thru", "&")
_WEEK_WORDS = ("week", "wk", "kw", "semaine", "semana", "settimana", "vecka", "uke", "uge")
PATTERNS: tuple[tuple[str, tuple[str, ...], re.Pattern[str], Builder], ...] = (
    ("range_day_first", _SEPS, _p(
        rf"(?P<raw>(?P<a>(?:{WEEKDAY},?\s+)?{DAY}(?:\s+{MONTH})?(?:,?\s+{YEAR})?){_SEP}"
        rf"(?P<b>(?:{WEEKDAY},?\s+)?{DAY}\s+{MONTH}(?:,?\s+{YEAR})?))"), _range),
    ("range_month_first", _SEPS, _p(
        rf"(?P<raw>(?P<a>{MONTH}\s+{DAY}(?:,?\s+{YEAR})?){_SEP}"
        rf"(?P<b>(?:{MONTH}\s+)?{DAY}(?:,?\s+{YEAR})?))"), _range),
    ("range_numeric", _SEPS, _p(rf"(?P<raw>(?P<a>{NUMERIC_DATE}){_SEP}(?P<b>{NUMERIC_DATE}))"), _range),
    ("week_commencing", ("w/c", "w.c.", "wc", "week"), _p(
        rf"(?P<raw>{_COMMENCING}\s*:?\s+(?P<date>{DATE}|{NUMERIC_DAY_MONTH}))"), _commencing),
    ("week_ending", ("w/e", "w.e.", "week"), _p(rf"(?P<raw>{_ENDING}\s*:?\s+(?P<date>{DATE}|{NUMERIC_DAY_MONTH}))"), _ending),
    ("month", ("month",), _p(
        rf"(?P<raw>(?:month\s?notes?|monthly\s+notes?)\s*[:\-–]?\s*(?P<month>{MONTH}),?\s+(?P<year>{YEAR}))"),
        _month),
    ("two_weeks", ("week",), _p(
        rf"(?P<raw>(?:{LABEL}|weeks)\s*[#:]?\s*(?P<w1>\d{{1,2}})\s*(?:-|–|&|\+|and)\s*(?P<w2>\d{{1,2}})"
        rf"(?:,?\s+(?P<year>(?:19|20)\d\d))?)"), _two_weeks),
    ("iso_week", ("w",), _p(r"(?P<raw>(?P<label>)(?P<year>(?:19|20)\d\d)\s*-?\s*w(?P<week>\d{1,2}))"), _code),
    ("week_n_of_year", _WEEK_WORDS, _p(
        rf"(?P<raw>(?P<label>{_WEEK_WORD})\s*[#:.]?\s*(?P<week>\d{{1,2}})(?:\s*,\s*|\s+of\s+|\s*/\s*|\s+)"
        rf"(?P<year>(?:19|20)\d\d))"), _code),
    ("year_dash_week", _WEEK_WORDS, _p(
        rf"(?P<raw>(?P<year>(?:19|20)\d\d)\s*[-–—:,]?\s*(?P<label>{_WEEK_WORD})\s*[#:.]?\s*(?P<week>\d{{1,2}}))"),
        _code),
    ("code_labelled", ("week",), _p(
        rf"(?P<raw>{_NUM_LABEL}(?P<week>\d{{1,2}})[./](?P<year>\d\d(?:\d\d)?))"), _code),
    ("code_year_first", (".", "/"), _p(
        rf"(?P<raw>(?P<label>(?:{LABEL}\s*[#:]?\s*)?)(?P<year>(?:19|20)\d\d)[./](?P<week>\d{{1,2}}))"),
        _code),
    ("code_week_first", (".", "/"), _p(
        rf"(?P<raw>(?P<label>(?:{LABEL}\s*[#:]?\s*)?)(?P<week>\d{{1,2}})[./](?P<year>(?:19|20)\d\d))"),
        _code),
    ("season_episode", ("e",), _p(
        r"(?P<raw>(?:s|season|series)\s*(?P<s>\d{1,3})\s*[:.,]?\s*(?:e|ep|ep\.|episode)\s*(?P<e>\d{1,3}))"),
        _season),
    ("personal_series", ("52", "53"), _p(
        r"(?P<raw>(?:week\s*)?(?P<n>\d{1,2})\s*(?:/|of)\s*(?P<t>52|53))"), _series),
    ("life_weeks", (" of ",), _p(r"(?P<raw>(?P<n>\d{3,5})\s+of\s+(?P<t>\d{3,5}))"), _life),
    ("week_number", _WEEK_WORDS, _p(
        rf"(?P<raw>(?P<label>{_WEEK_WORD})\s*[#:.]?\s*(?P<n>\d{{1,4}}))"
        rf"(?!\s*(?:[-–—/.&+]\s*\d|\d|(?:{MONTH}|of|to|and)\b|(?:st|nd|rd|th)\b))"), _week_no_year),
    ("sprint", ("sprint",), _p(r"(?P<raw>sprint\s*[#:]?\s*(?P<n>\d{1,4}))"), _sprint),
    ("hash_counter", ("#",), _p(r"(?P<raw>\#\s?(?P<n>\d{1,4}))"), _counter),
    ("day_note", ("day", "daily"), _p(rf"(?P<raw>(?:day\s?notes?|daily\s+notes?)\s*[:\-–]?\s*(?P<date>{DATE}))"), _day_note),
    ("single_date", ("<month>", "/", ".", "-"), _p(rf"(?P<raw>(?P<date>{TEXT_DATE}|{NUMERIC_DATE}))"), _single_date),
)  # fmt: skip

_DIGIT = re.compile(r"\d")
_MONTH_NAME = re.compile(rf"\b{MONTH}", re.IGNORECASE)
_NEEDS = [frozenset(needs) for _, needs, _, _ in PATTERNS]
_WORDS = frozenset().union(*_NEEDS) - {"<month>"}


def find_designations(text: str, order: DateOrder = "dmy") -> list[WeekMatch]:
    """Every designation in ``text``, in order, none overlapping another."""
    if _DIGIT.search(text) is None:
        return []
    lower = text.lower()
    present = {word for word in _WORDS if word in lower}
    if _MONTH_NAME.search(lower) is not None:
        present.add("<month>")
    found: list[tuple[int, int, int, WeekMatch]] = []
    for priority, (_name, _needs, pattern, build) in enumerate(PATTERNS):
        if _NEEDS[priority].isdisjoint(present):
            continue
        for match in pattern.finditer(text):
            week = build(match, order)
            if week is not None:
                found.append((week.start, -(week.end - week.start), priority, week))
    found.sort(key=lambda item: item[:3])
    chosen: list[WeekMatch] = []
    end = -1
    for start, _, _, week in found:
        if start >= end:
            chosen.append(week)
            end = week.end
    return chosen


def match_whole(text: str, order: DateOrder = "dmy") -> WeekMatch | None:
    """The designation that makes up all of ``text`` (a line of its own), if any.

    A label before it ('Weeknote 12.22', 'Weeknotes: 006') is part of the designation's raw
    text; a label before a date ('Weeknotes w/c 5 May') is allowed and left out of it.
    """
    stripped = text.strip()
    return whole(find_designations(stripped, order), stripped)


def whole(designations: list[WeekMatch], text: str) -> WeekMatch | None:
    """Of the ``designations`` found in ``text`` (already stripped), the one that makes up all
    of it after an optional label."""
    for week in designations:
        if week.end == len(text) and _only_label(text[: week.start]):
            return replace(week, labelled=True) if week.start else week
    return None


_LABEL_ONLY = re.compile(rf"^\s*(?:{LABEL}\s*[#:,\-–]?\s*)?$", re.IGNORECASE)


def _only_label(prefix: str) -> bool:
    return _LABEL_ONLY.match(prefix) is not None
