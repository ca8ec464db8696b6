"""What a designation is once found: :class:`WeekMatch`, and the builders that make one from a
pattern's match (see :mod:`.grammar` for the patterns)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from ..models import WeekKind, YearSource
from .dates import (
    MONTHS,
    DateOrder,
    PartialDate,
    full_year,
    monday_of,
    parse_date,
    range_monday,
    settle_range,
    settle_single,
)
from .words import LABEL, number_value

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
# Weak kinds made strong by a label ('Weeknote 243', 'Weeknotes: 1st October 2021').
_STRONG_WHEN_LABELLED = frozenset({WeekKind.COUNTER, WeekKind.DATE})
# Kinds that name the week by the calendar: a count beside one of them is only a count.
DATED_KINDS = frozenset(
    {WeekKind.WEEK_COMMENCING, WeekKind.WEEK_ENDING, WeekKind.DATE_RANGE, WeekKind.DATE}
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
    bare: bool = False  # a number with no word beside it: a title that is only '52'

    @property
    def strong(self) -> bool:
        """May this designation start a note on a line of its own?"""
        if self.bare:
            return False
        return self.kind in STRONG_KINDS or (self.labelled and self.kind in _STRONG_WHEN_LABELLED)


_WORD_END = re.compile(r"[^\W\d_]+")
Builder = Callable[["re.Match[str]", DateOrder], "WeekMatch | None"]
FLAGS = re.IGNORECASE | re.VERBOSE
BEFORE = r"(?<![\w/.#'’-])"
AFTER = r"(?![\w/]|\.\d)"


def pattern(body: str) -> re.Pattern[str]:
    """``body`` compiled, neither inside a word or a number nor running on into one."""
    return re.compile(BEFORE + body + AFTER, FLAGS)


def _base(match: re.Match[str], kind: WeekKind, **fields: object) -> WeekMatch:
    return WeekMatch(match["raw"], kind, match.start("raw"), match.end("raw"), **fields)  # type: ignore[arg-type]


def _labelled(match: re.Match[str]) -> bool:
    groups = match.groupdict()
    return bool(groups.get("label") or groups.get("lead"))


def _date(match: re.Match[str], group: str, order: DateOrder) -> PartialDate | None:
    text = match[group]
    return parse_date(text, order) if text else None


# A label just before a code ('Weeknotes 2019-W14', 'Weekly notes 2024 W13', 'Weeknote
# #7.21') is part of it; 'Week of' or 'w/c' before a range is part of the range, which says
# more. Both are looked for in the few characters before a match, not by every pattern at
# every place in the text.
COMMENCING = (
    r"(?:w/c|w\.c\.|wc|week\s+(?:commencing|beginning|starting)(?:\s+on)?|(?:the\s+)?week\s+of)"
)
_LOOK_BACK = 48
_LEAD = re.compile(rf"(?<!\w){LABEL}\s*(?:(?:for|from)\s+)?[#:,\-–—|]?\s*$", re.IGNORECASE)
_RANGE_LEAD = re.compile(rf"(?<!\w){COMMENCING}\s*:?\s+$", re.IGNORECASE)


def _led(match: re.Match[str], week: WeekMatch) -> WeekMatch:
    """``week`` with the label written just before it, if any (not when it opens with a word
    for 'week' of its own: 'Weeknotes - Week 9 - 2023' is 'Week 9 - 2023')."""
    if match.groupdict().get("label") and match.start("label") == week.start:
        return week
    lead = _LEAD.search(match.string, max(0, week.start - _LOOK_BACK), week.start)
    if lead is None:
        return week
    start = lead.start()
    return replace(week, raw=match.string[start : week.end], start=start, labelled=True)


# -- builders ---------------------------------------------------------------------------------
def build_commencing(match: re.Match[str], order: DateOrder) -> WeekMatch | None:
    first = _date(match, "date", order)
    first = settle_single(first, (0,)) if first else None
    return _base(match, WeekKind.WEEK_COMMENCING, first=first) if first else None


def build_ending(match: re.Match[str], order: DateOrder) -> WeekMatch | None:
    first = _date(match, "date", order)
    first = settle_single(first, (4, 5, 6)) if first else None
    return _base(match, WeekKind.WEEK_ENDING, first=first) if first else None


def build_range(match: re.Match[str], order: DateOrder) -> WeekMatch | None:
    first, last = _date(match, "a", order), _date(match, "b", order)
    if first is None or last is None:
        return None
    if last.month is None and first.month is not None:  # 'July 8-12, 2019'
        last = PartialDate(last.day, first.month, last.year, last.weekday)
    if first.month is None and first.day and last.day and first.day > last.day:
        return None  # 'Week 8 - 7 December': a count, then a date, not a range
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
    first, last = settle_range(first, last)
    week = _base(match, WeekKind.DATE_RANGE, first=first, last=last)
    lead = _RANGE_LEAD.search(match.string, max(0, week.start - _LOOK_BACK), week.start)
    if lead is None:
        return week
    return replace(week, raw=match.string[lead.start() : week.end], start=lead.start())


def build_single_date(match: re.Match[str], order: DateOrder) -> WeekMatch | None:
    first = _date(match, "date", order)
    if first is None or first.month is None:
        return None
    return _base(match, WeekKind.DATE, first=first)


def build_day_note(match: re.Match[str], order: DateOrder) -> WeekMatch | None:
    first = _date(match, "date", order)
    return _base(match, WeekKind.DAY, first=first, labelled=True) if first else None


def build_code(match: re.Match[str], _order: DateOrder) -> WeekMatch | None:
    week = int(match["week"])
    year = full_year(match["year"])
    code = _base(match, WeekKind.WEEK_NUMBER, week=week, year=year, labelled=_labelled(match))
    return _led(match, code)


def build_labelled_code(match: re.Match[str], order: DateOrder) -> WeekMatch | None:
    """A code read as a week only after a label ('Weeknote 12.22', 'Week notes 2026-04')."""
    code = build_code(match, order)
    return code if code is not None and code.labelled else None


def _numbered(match: re.Match[str], digits: str, value: int) -> WeekMatch:
    labelled = _labelled(match)
    if value > 53 or value == 0 or (len(digits) > 2 and digits.startswith("0")):
        return _base(match, WeekKind.COUNTER, number=value, labelled=labelled)
    return _base(match, WeekKind.WEEK_NUMBER, week=value, labelled=labelled)


def bare_number(text: str) -> WeekMatch | None:
    """A title that is only a number ('52', '7'): the week number, or a count, it names.
    Weak, so a number on a line of its own inside a note never starts one."""
    digits = text.strip()
    if not (0 < len(digits) <= 2 and digits.isascii() and digits.isdigit()):
        return None
    start = text.index(digits)
    value = int(digits)
    kind = WeekKind.WEEK_NUMBER if 0 < value <= 53 else WeekKind.COUNTER
    week, number = (value, None) if kind is WeekKind.WEEK_NUMBER else (None, value)
    return WeekMatch(digits, kind, start, start + len(digits), week=week, number=number, bare=True)


def build_week_no_year(match: re.Match[str], _order: DateOrder) -> WeekMatch | None:
    return _numbered(match, match["n"], int(match["n"]))


def build_week_in_words(match: re.Match[str], _order: DateOrder) -> WeekMatch | None:
    """'Week two', 'week thirty-seven', 'Semaine douze': the longest run of the words after
    the word for 'week' that is a number (so 'Week two of the project' is 'Week two')."""
    text, start = match.string, match.start("n")
    ends = [m.end() for m in _WORD_END.finditer(text, start, match.end("n"))]
    for end in reversed(ends):
        value = number_value(text[start:end])
        if value is not None:
            week = _numbered(match, str(value), value)
            return replace(week, raw=text[week.start : end], end=end)
    return None


def build_counter(match: re.Match[str], _order: DateOrder) -> WeekMatch | None:
    return _base(match, WeekKind.COUNTER, number=int(match["n"]), labelled=_labelled(match))


def build_year_counter(match: re.Match[str], order: DateOrder) -> WeekMatch | None:
    """'2019 #2': the second note of 2019, a count placed by the note's date."""
    counter = build_counter(match, order)
    return _led(match, replace(counter, year=int(match["year"]))) if counter else None


def build_season(match: re.Match[str], _order: DateOrder) -> WeekMatch | None:
    return _base(
        match, WeekKind.SEASON_EPISODE, season=int(match["s"]), episode=int(match["e"]),
        labelled=True,
    )  # fmt: skip


def build_series(match: re.Match[str], _order: DateOrder) -> WeekMatch | None:
    number, total = int(match["n"]), int(match["t"])
    if not 0 < number <= total:
        return None
    return _base(match, WeekKind.PERSONAL_SERIES, number=number, total=total, labelled=True)


def build_life(match: re.Match[str], _order: DateOrder) -> WeekMatch | None:
    number, total = int(match["n"]), int(match["t"])
    if not 0 < number <= total:
        return None
    return _base(match, WeekKind.LIFE_WEEKS, number=number, total=total)


def build_sprint(match: re.Match[str], _order: DateOrder) -> WeekMatch | None:
    return _base(match, WeekKind.SPRINT, number=int(match["n"]))


def build_month(match: re.Match[str], _order: DateOrder) -> WeekMatch | None:
    month = MONTHS[match["month"].lower().rstrip(".")]
    return _base(
        match, WeekKind.MONTH, first=PartialDate(1, month, full_year(match["year"])),
        labelled=True,
    )  # fmt: skip


def build_two_weeks(match: re.Match[str], _order: DateOrder) -> WeekMatch | None:
    first, second = int(match["w1"]), int(match["w2"])
    if not (0 < first <= 53 and second == first + 1):
        return None
    year = full_year(match["year"]) if match["year"] else None
    return _base(match, WeekKind.TWO_WEEKS, week=first, year=year, number=second, labelled=True)


def build_day_month(match: re.Match[str], order: DateOrder) -> WeekMatch | None:
    first = _date(match, "date", order)
    return _base(match, WeekKind.DATE, first=first) if first and first.month else None


def written_monday(match: WeekMatch) -> dt.date | None:
    """The Monday of the week ``match`` names by itself (its year written), or None: for a
    week code, that ISO week; for a date or a range, the week holding it (see
    :func:`.dates.range_monday`). Counters, periods and year-less dates give None."""
    if match.kind is WeekKind.WEEK_NUMBER and match.week is not None and match.year is not None:
        try:
            return dt.date.fromisocalendar(match.year, match.week, 1)
        except ValueError:
            return None
    if match.kind not in DATED_KINDS or match.first is None:
        return None
    first = match.first.resolved()
    if first is None:
        return None
    last = match.last.resolved() if match.last is not None else None
    return range_monday(first, last) if match.kind is WeekKind.DATE_RANGE else monday_of(first)


def same_week(one: WeekMatch, other: WeekMatch) -> bool:
    """Do ``one`` and ``other`` both name, by themselves, the same week? ('Week Notes 2026-04'
    and 'Week of 2026-01-19 - 2026-01-25' do: a line repeating its note's week)."""
    monday = written_monday(one)
    return monday is not None and monday == written_monday(other)


def read_in_order(match: WeekMatch, order: DateOrder, written: DateOrder) -> WeekMatch:
    """``match`` with its ambiguous dates, read in the ``written`` order, read in ``order``
    instead (when the rest of its document shows that order); unchanged when they agree."""
    if order == written:
        return match
    first = match.first.swapped() if match.first is not None else None
    last = match.last.swapped() if match.last is not None else None
    if first == match.first and last == match.last:
        return match
    return replace(match, first=first, last=last)
