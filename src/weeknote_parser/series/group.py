"""Grouping notes into series: by author and site where the notes say, else by folder or
document; or by one of those alone, or all notes as one series."""

from __future__ import annotations

import bisect
import itertools
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from ..models import Document, Note, ParseWarning
from .models import GROUP_BYS, GroupBy, NoteRef

STDIN_PATH = "-"


@dataclass(frozen=True, slots=True, eq=False)
class Item:
    """A note with where it came from: its file, its index there, its reading order."""

    note: Note
    path: str | None
    index: int
    order: int
    site: str | None
    warnings: tuple[ParseWarning, ...] = ()

    @property
    def author(self) -> str | None:
        author = " ".join((self.note.author or "").split())
        return author or None

    def ref(self, week: str | None = None) -> NoteRef:
        return NoteRef(
            path=self.path, note=self.index, title=self.note.title, span=self.note.span, week=week
        )

    @property
    def shown(self) -> str:
        """The note for a message: its title (or file and index) in quotes."""
        title = " ".join((self.note.title or "").split())
        return repr(title) if title else f"note {self.index} of {self.path or '<text>'}"


@dataclass(frozen=True, slots=True)
class Group:
    """The notes of one series, in reading order."""

    key: str
    label: str
    items: list[Item]


def site_of(url: str | None) -> str | None:
    """The host of ``url``, lower case, without a leading 'www.'; None if it has none."""
    if not url:
        return None
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return None
    if not host:
        return None
    return host.removeprefix("www.")


def items_of(documents: Iterable[Document]) -> list[Item]:
    """Every note of ``documents``, in reading order."""
    items: list[Item] = []
    for document in documents:
        path = document.source.path
        owned: dict[int, list[ParseWarning]] = {}
        owner = _owners(document.notes)
        for warning in document.warnings:
            index = owner(warning.line)
            if index is not None:
                owned.setdefault(index, []).append(warning)
        for index, note in enumerate(document.notes):
            site = site_of(note.url) or site_of(document.source.url)
            warnings = tuple(owned.get(index, ()))
            items.append(Item(note, path, index, len(items), site, warnings))
    return items


def _owners(notes: Sequence[Note]) -> Callable[[int | None], int | None]:
    """The note a warning on a line is about: the last that starts on or before it (the
    first, for a line above every note, such as front matter); None for no line."""
    starts = sorted((note.span[0], index) for index, note in enumerate(notes))
    lines = [start for start, _ in starts]
    # the note of each start: the highest index among the notes starting there or before
    last = list(itertools.accumulate((index for _, index in starts), max))

    def owner(line: int | None) -> int | None:
        if line is None or not notes:
            return None
        at = bisect.bisect_right(lines, line)
        return last[at - 1] if at else 0

    return owner


def _document(item: Item) -> str:
    if item.path == STDIN_PATH:
        return "<stdin>"
    return item.path or "<text>"


def _folder(item: Item) -> str:
    if item.path is None or item.path == STDIN_PATH:
        return _document(item)
    return os.path.dirname(item.path) or "."


def _by_author(item: Item) -> tuple[str, str] | None:
    if item.author is None:
        return None
    return f"author:{item.author.casefold()}", item.author


def _by_site(item: Item) -> tuple[str, str] | None:
    if item.site is None:
        return None
    return f"site:{item.site}", item.site


def _by_author_and_site(item: Item) -> tuple[str, str] | None:
    author, site = _by_author(item), _by_site(item)
    if author and site:
        return f"{author[0]} {site[0]}", f"{author[1]} ({site[1]})"
    return author or site


def _key(item: Item, group_by: GroupBy) -> tuple[str, str]:
    if group_by == "all":
        return "all", "all notes"
    if group_by == "document":
        return f"document:{_document(item)}", _document(item)
    if group_by == "folder":
        return f"folder:{_folder(item)}", _folder(item)
    if group_by == "author":
        return _by_author(item) or ("author:", "unknown author")
    if group_by == "site":
        return _by_site(item) or ("site:", "unknown site")
    return _by_author_and_site(item) or (f"folder:{_folder(item)}", _folder(item))


def _complete(items: Sequence[Item], keys: dict[int, tuple[str, str]]) -> None:
    """A note that names only its site joins the series of the one author named on that
    site, if there is one; a note that names only its author, that of the author's one site."""
    by_site: dict[str, set[tuple[str, str]]] = {}
    by_author: dict[str, set[tuple[str, str]]] = {}
    for item in items:
        author, site = _by_author(item), _by_site(item)
        if author is not None and site is not None:
            both = keys[item.order]
            by_site.setdefault(site[0], set()).add(both)
            by_author.setdefault(author[0], set()).add(both)
    for item in items:
        author, site = _by_author(item), _by_site(item)
        if author is not None and site is None:
            known = by_author.get(author[0], set())
        elif site is not None and author is None:
            known = by_site.get(site[0], set())
        else:
            continue
        if len(known) == 1:
            keys[item.order] = next(iter(known))


def group_items(items: Sequence[Item], group_by: GroupBy = "auto") -> list[Group]:
    """``items`` in series, each in reading order, the series in the order of their first
    note. With "auto", a note that names only its site (or only its author) joins the series
    of the one author named on that site (or of that author's one site), if there is one; a
    note that names no author or site joins the series of the other notes of its folder when
    they are all of one series; else its folder's series."""
    if group_by not in GROUP_BYS:
        raise ValueError(f"group_by must be one of {', '.join(GROUP_BYS)} (got {group_by!r})")
    keys = {item.order: _key(item, group_by) for item in items}
    if group_by == "auto":
        _complete(items, keys)
        named: dict[str, set[tuple[str, str]]] = {}
        for item in items:
            if _by_author_and_site(item) is not None:
                named.setdefault(_folder(item), set()).add(keys[item.order])
        for item in items:
            folder_keys = named.get(_folder(item), set())
            if _by_author_and_site(item) is None and len(folder_keys) == 1:
                keys[item.order] = next(iter(folder_keys))
    groups: dict[str, Group] = {}
    for item in items:
        key, label = keys[item.order]
        groups.setdefault(key, Group(key, label, [])).items.append(item)
    return list(groups.values())
