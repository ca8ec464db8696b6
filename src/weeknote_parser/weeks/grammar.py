"""The week grammar: every way people name a week (or a period, or a counter) in a title."""

from __future__ import annotations

import re
from dataclasses import replace

from ..models import WeekKind
from .builders import (
    AFTER,
    BEFORE,
    COMMENCING,
    DATED_KINDS,
    FLAGS,
    STRONG_KINDS,
    Builder,
    WeekMatch,
    bare_number,
    build_code,
    build_commencing,
    build_counter,
    build_day_month,
    build_day_note,
    build_ending,
    build_labelled_code,
    build_life,
    build_month,
    build_range,
    build_season,
    build_series,
    build_single_date,
    build_sprint,
    build_two_weeks,
    build_week_in_words,
    build_week_no_year,
    build_year_counter,
    pattern,
)
from .dates import (
    DATE,
    DAY,
    MONTH,
    NUMERIC_DATE,
    NUMERIC_DAY_MONTH,
    TEXT_DATE,
    WEEKDAY,
    YEAR,
    DateOrder,
)
from .words import DECORATION, LABEL, WEEK_WORD_LIST, alternation

__all__ = ["LABEL", "PATTERNS", "STRONG_KINDS", "WeekMatch", "find_designations", "whole"]

# -- patterns, tried in this order; at one place the longest match wins ----------------------
_SEP = r"\s*(?:-|–|—|~|to|until|till|through|thru|&)\s*"
_ENDING = r"(?:w/e|w\.e\.|week\s+ending)"
_WEEK_WORD = rf"(?:{LABEL}|{alternation(WEEK_WORD_LIST)})"
_YYYY = r"(?:19|20)\d\d"
# Up to four words (letters, joined by spaces or hyphens): a written number is looked up in
# ``NUMBER_WORDS`` by the builder, not matched against every number word at every place.
_WORDS_AFTER = r"[^\W\d_]+(?:(?:\s+|-)[^\W\d_]+){0,3}"

# Each pattern with what a text must hold for it to be tried (any one of them): words (lower
# case), or a token for one of the cheap tests in ``_GATES``.
_W = ("<week>",)
# Each test is a few substrings of the lower-cased text (one must be there) and a pattern
# that confirms them.
_MONTH_STARTS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_GATES: dict[str, tuple[tuple[str, ...], re.Pattern[str]]] = {
    "<month>": (_MONTH_STARTS, re.compile(rf"\b{MONTH}", re.IGNORECASE)),
    "<week>": (
        (*WEEK_WORD_LIST, "semainier"),
        re.compile(rf"\b(?:{alternation((*WEEK_WORD_LIST, 'semainier'))})", re.IGNORECASE),
    ),
    "<d/d>": (("/", ".", "-"), re.compile(r"\d[/.\-]\d")),
    "<iso>": (("w",), re.compile(r"\d\s*-?\s*w\d", re.IGNORECASE)),
    "<season>": (("e",), re.compile(r"\d\s*[:.,]?\s*e(?:p(?:isode)?)?\.?\s*\d", re.IGNORECASE)),
}


def _passes(gate: tuple[tuple[str, ...], re.Pattern[str]], text: str, lower: str) -> bool:
    words, confirm = gate
    return any(word in lower for word in words) and confirm.search(text) is not None


PATTERNS: tuple[tuple[str, tuple[str, ...], re.Pattern[str], Builder], ...] = (
    ("range_day_first", ("<month>",), pattern(
        rf"(?P<raw>(?P<a>(?:{WEEKDAY},?\s+)?{DAY}(?:\s+{MONTH})?(?:,?\s+{YEAR})?){_SEP}"
        rf"(?P<b>(?:{WEEKDAY},?\s+)?{DAY}\s+{MONTH}(?:,?\s+{YEAR})?))"), build_range),
    ("range_month_first", ("<month>",), pattern(
        rf"(?P<raw>(?P<a>{MONTH}\s+{DAY}(?:,?\s+{YEAR})?){_SEP}"
        rf"(?P<b>(?:{MONTH}\s+)?{DAY}(?:,?\s+{YEAR})?))"), build_range),
    ("range_numeric", ("<d/d>",), pattern(
        rf"(?P<raw>(?P<a>{NUMERIC_DATE}){_SEP}(?P<b>{NUMERIC_DATE}))"), build_range),
    ("week_commencing", ("w/c", "w.c.", "wc", *_W), pattern(
        rf"(?P<raw>{COMMENCING}\s*:?\s+(?P<date>{DATE}|{NUMERIC_DAY_MONTH}))"), build_commencing),
    ("week_ending", ("w/e", "w.e.", *_W), pattern(rf"(?P<raw>{_ENDING}\s*:?\s+(?P<date>{DATE}|{NUMERIC_DAY_MONTH}))"), build_ending),
    ("month", ("month",), pattern(
        rf"(?P<raw>(?:month\s?notes?|monthly\s+notes?)\s*[:\-–]?\s*(?P<month>{MONTH}),?\s+(?P<year>{YEAR}))"),
        build_month),
    ("two_weeks", _W, pattern(
        rf"(?P<raw>(?:{LABEL}|weeks?)\s*[#:]?\s*(?P<w1>\d{{1,2}})\s*(?:-|–|&|\+|and)\s*(?P<w2>\d{{1,2}})"
        rf"(?![./]\d|\s*(?:st|nd|rd|th)?\s*(?:{MONTH})\b)(?:,?\s+(?P<year>{_YYYY}))?)"), build_two_weeks),
    ("iso_week", ("<iso>",), pattern(rf"(?P<raw>(?P<year>{_YYYY})\s*-?\s*w(?P<week>\d{{1,2}}))"), build_code),
    ("labelled_year_week", _W, pattern(
        rf"(?P<raw>(?P<year>{_YYYY})-(?P<week>[0-5]\d))(?![-–]\d)"), build_labelled_code),
    ("week_n_of_year", _W, pattern(
        rf"(?P<raw>(?P<label>{_WEEK_WORD})\s*[#:.]?\s*(?P<week>\d{{1,2}})"
        rf"(?:\s*,\s*|\s+of\s+|\s*/\s*|\s*[-–—]\s*|\s+)(?P<year>{_YYYY}))(?![-–/.]\d)"), build_code),
    ("year_dash_week", _W, pattern(
        rf"(?P<raw>(?P<year>{_YYYY})\s*[-–—:,]?\s*(?P<label>{_WEEK_WORD})\s*[#:.]?\s*(?P<week>\d{{1,2}}))"),
        build_code),
    ("year_counter", ("#",), pattern(rf"(?P<raw>(?P<year>{_YYYY})\s*\#\s?(?P<n>\d{{1,4}}))"), build_year_counter),
    ("code_labelled", ("<d/d>",), re.compile(
        rf"(?<![\w/.'’-])(?P<raw>(?P<week>\d{{1,2}})[./](?P<year>\d\d(?:\d\d)?)){AFTER}", FLAGS),
        build_labelled_code),
    ("code_year_first", ("<d/d>",), pattern(
        rf"(?P<raw>(?P<year>{_YYYY})[./](?P<week>\d{{1,2}}))"),
        build_code),
    ("code_week_first", ("<d/d>",), pattern(
        rf"(?P<raw>(?P<week>\d{{1,2}})[./](?P<year>{_YYYY}))"),
        build_code),
    ("season_episode", ("<season>",), pattern(
        r"(?P<raw>(?:s|season|series)\s*(?P<s>\d{1,3})\s*[:.,]?\s*(?:e|ep|ep\.|episode)\s*(?P<e>\d{1,3}))"),
        build_season),
    ("personal_series", ("52", "53"), pattern(
        r"(?P<raw>(?:week\s*)?(?P<n>\d{1,2})\s*(?:/|of)\s*(?P<t>52|53))"), build_series),
    ("life_weeks", (" of ",), pattern(r"(?P<raw>(?P<n>\d{3,5})\s+of\s+(?P<t>\d{3,5}))"), build_life),
    ("week_number", _W, pattern(
        rf"(?P<raw>(?P<label>{_WEEK_WORD})\s*[#:.]?\s*(?P<n>\d{{1,4}})(?:\s*\(\s*\d{{1,2}}\s*\))?)"
        rf"(?!\s*(?:[-–—/.&+]\s*\d|\d|(?:{MONTH}|of|to|and)\b|(?:st|nd|rd|th)\b))"), build_week_no_year),
    ("week_in_words", _W, pattern(
        rf"(?P<raw>(?P<label>{_WEEK_WORD})\s+(?P<n>{_WORDS_AFTER}))"), build_week_in_words),
    ("sprint", ("sprint",), pattern(r"(?P<raw>sprint\s*[#:]?\s*(?P<n>\d{1,4}))"), build_sprint),
    ("hash_counter", ("#",), pattern(r"(?P<raw>\#\s?(?P<n>\d{1,4}))"), build_counter),
    ("day_note", ("day", "daily"), pattern(rf"(?P<raw>(?:day\s?notes?|daily\s+notes?)\s*[:\-–]?\s*(?P<date>{DATE}))"), build_day_note),
    ("single_date", ("<month>", "<d/d>"), pattern(rf"(?P<raw>(?P<date>{TEXT_DATE}|{NUMERIC_DATE}))"), build_single_date),
)  # fmt: skip

_DIGIT = re.compile(r"\d")
_BARE_CHARS = 8  # a text this short may be a bare number, with space around it
_NEEDS = [frozenset(needs) for _, needs, _, _ in PATTERNS]
_WORDS = frozenset().union(*_NEEDS) - set(_GATES)
_WORDS_PATTERNS = frozenset(
    index for index, (name, _, _, _) in enumerate(PATTERNS) if name == "week_in_words"
)

# -- a count beside a date: 'Week 9: 14-06-2018', 'Semaine 1 - 13/04', 'Week 1 (2/1)',
# 'Sprint 4 (5/10/19 - 11/10/19)', '#57 - Week beginning 6 January', 'Oct. 5 ~ Oct. 11 | Week
# 41'. Both parts name the week, so the designation is the whole; the date places it.
_COUNT = (
    rf"(?:(?P<label>{_WEEK_WORD})\s*[#:.]?\s*(?P<n>\d{{1,3}})(?!\d|\s*(?:/|of)\s*5[23]\b)"
    r"|\#\s?(?P<h>\d{1,4})"
    r"|(?:(?:p|phase)\s*\d{1,2}\s*[:./-]\s*)?(?:sprint|iteration|s)\s*(?P<s>\d{1,3}))"
)
_COUNT_THEN = re.compile(rf"{BEFORE}(?P<head>{_COUNT})(?P<sep>\s*(?:[-–—:|,~]|\()\s*|\s+)", FLAGS)
# With only a space between them, the date must open with words ('#57 Week beginning …').
_WORDED = frozenset({WeekKind.WEEK_COMMENCING, WeekKind.WEEK_ENDING})
_THEN_COUNT = re.compile(
    rf"(?P<sep>\s*(?:[-–—:|,~]|\()\s*)(?P<head>{_COUNT})(?P<close>\s*\))?(?![\w/]|\.\d|\s+of\b)",
    FLAGS,
)
_CLOSE = re.compile(r"\s*\)")
_DAY_MONTH = pattern(rf"(?P<raw>(?P<date>{NUMERIC_DAY_MONTH}))")


def _joined(dated: WeekMatch, text: str, start: int, end: int, count: re.Match[str]) -> WeekMatch:
    """``dated`` widened to ``start``-``end``, with the count's number; labelled when the
    count has a word for 'week' ('Week 9: 14-06-2018' may stand on a line of its own)."""
    labelled = dated.labelled or bool(count["label"])
    number = int(count["n"] or count["h"] or count["s"])
    return replace(
        dated, raw=text[start:end], start=start, end=end, number=number, labelled=labelled
    )


def _compounds(text: str, found: list[WeekMatch], order: DateOrder) -> list[WeekMatch]:
    """Designations made of a count and a date side by side (see above)."""
    dated: dict[int, WeekMatch] = {}
    for week in found:
        if week.kind in DATED_KINDS and week.first is not None:
            best = dated.get(week.start)
            if best is None or week.end > best.end:
                dated[week.start] = week
    joined: list[WeekMatch] = []
    for head in _COUNT_THEN.finditer(text):
        at = head.end()
        date = dated.get(at)
        if date is None and (day := _DAY_MONTH.match(text, at)) is not None:
            date = build_single_date(day, order) or build_day_month(day, order)
        if date is not None and not head["sep"].strip() and date.kind not in _WORDED:
            continue
        if date is None or any(  # '4 - 10 May': the number opens a range
            w.kind is WeekKind.DATE_RANGE
            and head.start("head") <= w.start < at <= date.end <= w.end
            for w in found
        ):
            continue
        end = date.end
        if "(" in head["sep"]:
            close = _CLOSE.match(text, end)
            if close is None:
                continue
            end = close.end()
        joined.append(_joined(date, text, head.start("head"), end, head))
    for date in dated.values():
        tail = _THEN_COUNT.match(text, date.end)
        if tail is not None and ("(" in tail["sep"]) == bool(tail["close"]):
            joined.append(_joined(date, text, date.start, tail.end(), tail))
    return joined


# What the grammar found in a text, by (text, order): archive pages and feeds repeat the same
# titles and date lines, and a line is read by several recognisers. The matches are frozen,
# so each caller gets a fresh list of the same ones. Bounded: emptied when full.
_FOUND: dict[tuple[str, str], tuple[WeekMatch, ...]] = {}
_FOUND_MAX = 4096


def find_designations(text: str, order: DateOrder = "dmy") -> list[WeekMatch]:
    """Every designation in ``text``, in order, none overlapping another."""
    key = (text, order)
    found = _FOUND.get(key)
    if found is None:
        if len(_FOUND) >= _FOUND_MAX:
            _FOUND.clear()
        found = _FOUND[key] = tuple(_find_designations(text, order))
    return list(found)


def _find_designations(text: str, order: DateOrder) -> list[WeekMatch]:
    if len(text) <= _BARE_CHARS and (bare := bare_number(text)) is not None:
        return [bare]
    lower = text.lower()
    if _DIGIT.search(text) is None:
        if not _passes(_GATES["<week>"], text, lower):  # a week in words needs 'week'
            return []
        present, allowed = set(_W), _WORDS_PATTERNS
    else:
        present = {word for word in _WORDS if word in lower}
        present.update(token for token, gate in _GATES.items() if _passes(gate, text, lower))
        allowed = None
    found: list[tuple[int, int, int, WeekMatch]] = []
    weeks: list[WeekMatch] = []
    for priority, (_name, _needs, regex, build) in enumerate(PATTERNS):
        if _NEEDS[priority].isdisjoint(present) or (
            allowed is not None and priority not in allowed
        ):
            continue
        for match in regex.finditer(text):
            week = build(match, order)
            if week is not None:
                weeks.append(week)
                found.append((week.start, -(week.end - week.start), priority, week))
    if "<d/d>" in present or any(week.kind in DATED_KINDS for week in weeks):
        for week in _compounds(text, weeks, order):
            found.append((week.start, -(week.end - week.start), -1, week))
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
    A closing ':' and decoration after it ('Week 1 (2/1):', 'Week 12 ✨') are left out too.
    """
    stripped = text.strip()
    return whole(find_designations(stripped, order), stripped)


# Before a designation that makes up a line: an optional label. After it: a closing ':' and
# decoration ('Week 1 (2/1):', 'Week 12 ✨'). Decoration before it is left to titles (see
# :mod:`.titles`): a decorated date line below a title ('📅 Week of …') is part of the note.
_WHOLE_BEFORE = re.compile(rf"^\s*(?P<label>{LABEL}\s*[#:,\-–—|]?\s*)?$", re.IGNORECASE)
_WHOLE_AFTER = re.compile(rf"^\s*[:.]?\s*(?:{DECORATION}\s*)*$")


def whole(designations: list[WeekMatch], text: str) -> WeekMatch | None:
    """Of the ``designations`` found in ``text`` (already stripped), the one that makes up all
    of it after an optional label, give or take a closing ':' and decoration after it."""
    for week in designations:
        before = _WHOLE_BEFORE.match(text[: week.start])
        if before is not None and _WHOLE_AFTER.match(text[week.end :]) is not None:
            return replace(week, labelled=True) if before["label"] else week
    return None
