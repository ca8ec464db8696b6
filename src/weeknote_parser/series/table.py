"""A series for the terminal: each week on a line with its notes, then the findings, the
plans and the section statistics. Notes are untrusted text: whatever a terminal would act on
(control characters, escape sequences) is shown as '?'."""

from __future__ import annotations

from collections.abc import Iterable

from .models import NoteRef, Series, SeriesSet, TimelineWeek

ELLIPSIS = "…"
RUN = 3  # longer runs of weeks with no note are one line


def clean(text: str | None, width: int | None = None) -> str:
    """``text`` on one line, with every character a terminal would act on replaced by '?',
    cut to ``width`` characters."""
    text = " ".join((text or "").split())
    text = "".join(char if char.isprintable() else "?" for char in text)
    if width is not None and len(text) > width:
        return text[: max(width - 1, 0)] + ELLIPSIS
    return text


def count_of(number: int, noun: str) -> str:
    """'1 note', '2 notes'."""
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def _cut(line: str, width: int) -> str:
    """``line`` (already clean) cut to ``width`` characters."""
    return line if len(line) <= width else line[: max(width - 1, 0)] + ELLIPSIS


def _name(ref: NoteRef) -> str:
    return clean(ref.title) or f"(untitled, note {ref.note})"


def _where(ref: NoteRef) -> str:
    return f"{clean(ref.path or '<text>')}:{ref.span[0] + 1}"


def _weeks(series: Series, width: int) -> Iterable[str]:
    placed_by_series = {(each.ref.path, each.ref.note) for each in series.notes if each.placed_by}
    empty: list[TimelineWeek] = []
    for week in [*series.timeline, None]:
        if week is not None and not week.notes:
            empty.append(week)
            continue
        if len(empty) > RUN:
            yield f"  {empty[0].week}  ..{empty[-1].week}  -   (no note for {len(empty)} weeks)"
        else:
            yield from (f"  {each.week}  {each.start}  -   (no note)" for each in empty)
        empty = []
        if week is None:
            break
        for position, ref in enumerate(week.notes):
            mark = "#" if len(week.notes) == 1 else "2+"
            head = f"  {week.week}  {week.start}  {mark:<2}  " if position == 0 else " " * 30
            placed = " [placed by the series]" if (ref.path, ref.note) in placed_by_series else ""
            room = max(width - len(head) - len(placed) - 2, 20)
            yield f"{head}{_cut(f'{_name(ref)}  ({_where(ref)})', room)}{placed}"


def _findings(series: Series, width: int) -> Iterable[str]:
    if not series.findings:
        yield "findings: none"
        return
    yield f"findings ({len(series.findings)}):"
    for finding in series.findings:
        weeks = finding.weeks[0] if finding.weeks else "-"
        if len(finding.weeks) > 1:
            first, last = finding.weeks[0], finding.weeks[-1]
            weeks = f"{first}..{last[5:] if last[:4] == first[:4] else last}"
        head = f"  {finding.kind.value:<22}{weeks:<20}"
        yield head + _cut(clean(finding.message), max(width - len(head), 20))


def _plans(series: Series, width: int) -> Iterable[str]:
    followed = [plan for plan in series.plans if plan.followed_by is not None]
    if not followed:
        return
    matched = sum(1 for plan in followed if plan.matched)
    yield f"plans ({matched} of {len(followed)} followed up in the next note):"
    for plan in followed:
        mark = "yes" if plan.matched else "no "
        score = f"{plan.best.score:.2f}" if plan.best is not None else "   -"
        line = f"  {mark} {score}  {clean(plan.text)}"
        if plan.matched and plan.best is not None:
            line += f"  ->  {clean(plan.best.text)}"
        yield _cut(line, width)


def _stats(series: Series) -> Iterable[str]:
    stats = series.stats
    kinds = ", ".join(f"{count.kind.value} {count.notes}" for count in stats.kinds)
    yield f"sections (notes with each kind): {kinds or 'none'}"
    yield (
        f"words per note: {stats.words_min} to {stats.words_max}, mean {stats.words_mean}, "
        f"total {stats.words_total}"
    )


def series_table(series: Series, width: int = 100) -> str:
    """One series as text for a terminal, ending with a newline."""
    stats = series.stats
    span = f"{series.timeline[0].week} to {series.timeline[-1].week}" if series.timeline else "-"
    head = (
        f"== {clean(series.label)} [{clean(series.key)}]: {count_of(stats.notes, 'note')}, "
        f"{span} ({count_of(stats.weeks, 'week')}, {stats.weeks_with_notes} with a note)"
    )
    lines = [
        _cut(head, width),
        *_weeks(series, width),
        *_findings(series, width),
        *_plans(series, width),
        *_stats(series),
    ]
    return "\n".join(lines) + "\n"


def table(found: SeriesSet, width: int = 100) -> str:
    """Every series as text, a blank line between them."""
    if not found.series:
        return "no notes\n"
    return "\n".join(series_table(series, width) for series in found.series)
