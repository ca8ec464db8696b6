"""Dates and weeks written in file names, paths and URLs: evidence for a note's week."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from urllib.parse import unquote, urlsplit

from ..models import WeekKind, YearSource
from ..weeks import Evidence, PartialDate, WeekMatch

_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)[-/_.](\d\d?)[-/_.](\d\d?)(?!\d)")
_WEEK = re.compile(
    r"(?<![\d])((?:19|20)\d\d)(?:[-_/ ]?w(\d\d?)|[-_/](\d\d?))(?=[/._-]|$)", re.IGNORECASE
)
# Only the last few parts of a path speak of the note (not '/home/me/2019/...').
PARTS = 3


@dataclass(slots=True)
class PathFacts:
    """What a path or URL says: a publication date, or a week."""

    designation: WeekMatch | None = None
    evidence: list[Evidence] = field(default_factory=list)


def _facts(tail: str, source: YearSource) -> PathFacts | None:
    date = _DATE.search(tail)
    if date is not None:
        try:
            day = dt.date(int(date[1]), int(date[2]), int(date[3]))
        except ValueError:
            day = None
        if day is not None:
            return PathFacts(evidence=[Evidence(day, source, date.group(0))])
    week = _WEEK.search(tail)
    if week is not None:
        number = int(week[2] or week[3])
        if 1 <= number <= 53:
            match = WeekMatch(
                raw=week.group(0),
                kind=WeekKind.WEEK_NUMBER,
                start=0,
                end=0,
                week=number,
                year=int(week[1]),
                source=source,
            )
            return PathFacts(designation=match)
    return None


def path_evidence(path: str) -> PathFacts | None:
    """A date ('2019-06-14-weeknotes.md', '/2019/06/14/') or week ('weeknotes/2024-40.md',
    '/2018/16/index.md', '2023-w07.md') in the last parts of ``path``."""
    parts = PurePosixPath(path.replace("\\", "/")).parts[-PARTS:]
    return _facts("/".join(parts), YearSource.FILE_NAME)


def url_evidence(url: str) -> PathFacts | None:
    """A date or week in the path of ``url`` ('https://blog.example/2019/06/14/weeknote/')."""
    return _facts(unquote(urlsplit(url).path), YearSource.URL)


__all__ = ["PartialDate", "PathFacts", "path_evidence", "url_evidence"]
