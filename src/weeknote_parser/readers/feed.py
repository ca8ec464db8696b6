"""RSS 2.0 and Atom feeds, read with feedparser: each entry is a note.

feedparser is the maintained, forgiving reader of every RSS and Atom dialect; it also
sanitises entry HTML and parses the many date formats feeds use.

feedparser's ``parse`` also accepts a URL or a file name and will fetch or open it; this
reader only ever hands it an in-memory byte stream of the text it was given, so a feed's
content is never a location: text that happens to be a URL or a path is simply not a feed.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from typing import Any

from ..errors import InputError
from ..inputs import Input, NoteMeta
from ..lines import make_line
from ..models import YearSource
from ..weeks import Evidence

_KEPT_KEYS = ("link", "id", "author", "published", "updated")
_ENTRY = re.compile(r"<(?:item|entry)[\s>]")
# The bytes handed to feedparser are the text encoded as UTF-8, whatever the feed declares (its
# declared encoding was already used to decode it): say so, as a server would.
_HEADERS = {"content-type": "application/xml; charset=utf-8"}


def _entry_date(entry: Any) -> tuple[dt.date | None, str | None]:
    # dict.get: feedparser's own get() maps a missing 'published' to 'updated' with a warning.
    for key in ("published", "updated", "created"):
        parsed = dict.get(entry, f"{key}_parsed")
        if parsed:
            return dt.date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday), dict.get(entry, key)
    return None, None


def read_feed(text: str, *, name: str = "<feed>") -> Input:
    """Read a feed into lines: a title line per entry, then the entry's content."""
    import feedparser

    from .html import fragment_lines

    data = text.lstrip("\ufeff").encode("utf-8", "replace")  # a lone surrogate becomes '?'
    parsed = feedparser.parse(
        io.BytesIO(data), response_headers=_HEADERS, resolve_relative_uris=True, sanitize_html=True
    )
    if not parsed.entries and parsed.get("bozo"):
        problem = parsed.get("bozo_exception")
        raise InputError(f"not a readable RSS or Atom feed: {problem}", path=name)
    lines = []
    origins: list[int] = []
    entry_lines = [text.count("\n", 0, m.start()) for m in _ENTRY.finditer(text)]
    meta: dict[int, NoteMeta] = {}
    feed_title = " ".join(str(parsed.feed.get("title", "")).split())
    if feed_title:
        lines += [make_line(feed_title, "chrome"), make_line("")]
        origins += [0, 0]
    for number, entry in enumerate(parsed.entries):
        contents = entry.get("content") or []
        body = contents[0].get("value", "") if contents else ""
        summary_only = not body.strip()
        if summary_only:
            body = entry.get("summary", "") or ""
        title = " ".join(str(entry.get("title", "")).split())
        start = len(lines)
        origin = entry_lines[number] if number < len(entry_lines) else 0
        lines += [make_line(title or f"Entry {number + 1}", "title"), make_line("")]
        origins += [origin, origin]
        origin = entry_lines[number] if number < len(entry_lines) else 0
        for line in fragment_lines(body):
            lines.append(line)
            origins.append(origin)
        lines.append(make_line(""))
        origins.append(origin)
        day, raw = _entry_date(entry)
        note = NoteMeta(summary_only=summary_only)
        if day is not None:
            note.evidence.append(Evidence(day, YearSource.NOTE_DATE, raw or day.isoformat()))
        note.tags = [str(t.get("term")) for t in entry.get("tags", []) if t.get("term")]
        note.metadata = {
            key: str(dict.get(entry, key)) for key in _KEPT_KEYS if dict.get(entry, key)
        }
        meta[start] = note
    return Input(lines=lines, format="feed", origins=origins, meta=meta)
