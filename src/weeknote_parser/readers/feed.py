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
from ..inputs import NoteMeta, Source, SourceBuilder
from ..models import YearSource
from ..weeks import Evidence

_KEPT_KEYS = ("link", "id", "author", "published", "updated")
_ENTRY = re.compile(r"<(?:item|entry)[\s>]")
_NOT_A_FEED = "not a readable RSS or Atom feed"
# The bytes handed to feedparser are the text encoded as UTF-8, whatever the feed declares (its
# declared encoding was already used to decode it): say so, as a server would.
_HEADERS = {"content-type": "application/xml; charset=utf-8"}


def _plain(text: object, detail: object) -> str:
    """A feed text as plain text: one given as HTML loses its markup."""
    kind = str(detail.get("type", "")) if isinstance(detail, dict) else ""
    text = str(text)
    if "html" not in kind or "<" not in text:
        return text
    import lxml.html

    try:
        return str(lxml.html.fragment_fromstring(text, create_parent="div").text_content())
    except (lxml.etree.ParserError, ValueError):
        return text


def _one_line(text: object) -> str:
    return " ".join(str(text).split())


def _entry_date(entry: Any, source: SourceBuilder, line: int) -> tuple[dt.date | None, str | None]:
    """The entry's date (published, else updated, else created) and the text it was read
    from; a date the calendar cannot hold is dropped with a warning on ``source``."""
    # dict.get: feedparser's own get() maps a missing 'published' to 'updated' with a warning.
    for key in ("published", "updated", "created"):
        parsed = dict.get(entry, f"{key}_parsed")
        if not parsed:
            continue
        raw = dict.get(entry, key)
        try:
            return dt.date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday), raw
        except (ValueError, OverflowError):
            shown = _one_line(raw) if raw else f"{parsed.tm_year:04d}-{parsed.tm_mon:02d}"
            message = f"{key} date {shown!r} is out of the calendar's range (years 1 to 9999)"
            source.warn("invalid-date", message, line)
    return None, None


def _entry_lines(text: str) -> list[int]:
    """The 0-based line each ``<item>`` or ``<entry>`` tag of ``text`` starts on, in one pass."""
    found: list[int] = []
    line = last = 0
    for match in _ENTRY.finditer(text):
        line += text.count("\n", last, match.start())
        last = match.start()
        found.append(line)
    return found


def _parse(text: str, *, name: str) -> Any:
    """feedparser's reading of ``text``, which is only ever data: never a URL or a file name.

    Every failure, feedparser's own exceptions included, is one :class:`InputError`.
    """
    import feedparser

    data = text.lstrip("\ufeff").encode("utf-8", "replace")  # a lone surrogate becomes '?'
    try:
        parsed = feedparser.parse(
            io.BytesIO(data),
            response_headers=_HEADERS,
            resolve_relative_uris=True,
            sanitize_html=True,
        )
    except Exception as error:  # feedparser fails on some broken markup instead of flagging it
        message = f"{_NOT_A_FEED}: {type(error).__name__}: {_one_line(error)}"
        raise InputError(message, path=name) from None
    if not parsed.entries and parsed.get("bozo"):
        problem = _one_line(parsed.get("bozo_exception"))
        raise InputError(f"{_NOT_A_FEED}: {problem}", path=name)
    return parsed


def read_feed(text: str, *, name: str = "<feed>") -> Source:
    """Read a feed into lines: a title line per entry, then the entry's content."""
    from .html import fragment_lines

    parsed = _parse(text, name=name)
    out = SourceBuilder()
    entry_lines = _entry_lines(text)
    # The feed's own title and description ('Recent content in …') name the site: chrome.
    for key in ("title", "subtitle"):
        text = _one_line(_plain(parsed.feed.get(key, ""), parsed.feed.get(f"{key}_detail")))
        if text:
            out.add(text, 0, "chrome")
            out.gap(0)
    for number, entry in enumerate(parsed.entries):
        contents = entry.get("content") or []
        body = contents[0].get("value", "") if contents else ""
        summary_only = not body.strip()
        if summary_only:
            body = entry.get("summary", "") or ""
        title = _one_line(entry.get("title", ""))
        origin = entry_lines[number] if number < len(entry_lines) else 0
        day, raw = _entry_date(entry, out, origin)
        link, author = dict.get(entry, "link"), dict.get(entry, "author")
        out.note(
            NoteMeta(
                evidence=(Evidence(day, YearSource.NOTE_DATE, raw or day.isoformat(), origin),)
                if day is not None
                else (),
                author=_one_line(author) or None if author else None,
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
