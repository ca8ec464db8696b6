"""RSS 2.0 and Atom feeds, read with feedparser: each entry is a note.

feedparser is the maintained, forgiving reader of every RSS and Atom dialect; it also
sanitises entry HTML and parses the many date formats feeds use.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from ..errors import InputError
from ..inputs import NoteMeta, Source, SourceBuilder
from ..models import YearSource
from ..weeks import Evidence

_KEPT_KEYS = ("link", "id", "author", "published", "updated")
_ENTRY = re.compile(r"<(?:item|entry)[\s>]")


def _entry_date(entry: Any) -> tuple[dt.date | None, str | None]:
    # dict.get: feedparser's own get() maps a missing 'published' to 'updated' with a warning.
    for key in ("published", "updated", "created"):
        parsed = dict.get(entry, f"{key}_parsed")
        if parsed:
            return dt.date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday), dict.get(entry, key)
    return None, None


def read_feed(text: str, *, name: str = "<feed>") -> Source:
    """Read a feed into lines: a title line per entry, then the entry's content."""
    import feedparser

    from .html import fragment_lines

    parsed = feedparser.parse(text.lstrip("\ufeff"))
    if not parsed.entries and parsed.get("bozo"):
        problem = parsed.get("bozo_exception")
        raise InputError(f"not a readable RSS or Atom feed: {problem}", path=name)
    out = SourceBuilder()
    entry_lines = [text.count("\n", 0, m.start()) for m in _ENTRY.finditer(text)]
    feed_title = " ".join(str(parsed.feed.get("title", "")).split())
    if feed_title:
        out.add(feed_title, 0, "chrome")
        out.gap(0)
    for number, entry in enumerate(parsed.entries):
        contents = entry.get("content") or []
        body = contents[0].get("value", "") if contents else ""
        summary_only = not body.strip()
        if summary_only:
            body = entry.get("summary", "") or ""
        title = " ".join(str(entry.get("title", "")).split())
        origin = entry_lines[number] if number < len(entry_lines) else 0
        day, raw = _entry_date(entry)
        link = dict.get(entry, "link")
        author = dict.get(entry, "author")
        out.note(
            NoteMeta(
                evidence=(Evidence(day, YearSource.NOTE_DATE, raw or day.isoformat(), origin),)
                if day is not None
                else (),
                author=" ".join(str(author).split()) or None if author else None,
                url=str(link) if link else None,
                tags=tuple(str(t.get("term")) for t in entry.get("tags", []) if t.get("term")),
                metadata={
                    key: str(dict.get(entry, key)) for key in _KEPT_KEYS if dict.get(entry, key)
                },
                summary_only=summary_only,
            )
        )
        out.add(title or f"Entry {number + 1}", origin, "title")
        out.gap(origin)
        out.lines.extend(line._replace(origin=origin) for line in fragment_lines(body))
        out.gap(origin)
    return out.build("feed")
