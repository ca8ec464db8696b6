"""The source stream: what every reader hands the parser, whatever the format.

A :class:`Source` is frozen: a tuple of typed source lines (each with its origin in the
original input and the role its format gives it), the facts the format knows about each
note (carried by the line that opens it), and where the document came from.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from .lines import Line, LinkRef, Role, analyse, make_line
from .weeks import Evidence, WeekMatch

Format = Literal["text", "markdown", "html", "feed"]
FORMATS: tuple[Format, ...] = ("text", "markdown", "html", "feed")


@dataclass(frozen=True, slots=True)
class NoteMeta:
    """What a format says about one note beyond its text: front matter, a page's or a feed
    entry's date, author, URL and tags. ``evidence`` is ranked, most telling first."""

    designation: WeekMatch | None = None
    evidence: tuple[Evidence, ...] = ()
    author: str | None = None
    url: str | None = None
    tags: tuple[str, ...] = ()
    metadata: Mapping[str, Any] = field(default_factory=dict)
    summary_only: bool = False


@dataclass(frozen=True, slots=True)
class Location:
    """Where a document came from, and the date or week its path or URL names."""

    path: str | None = None
    url: str | None = None
    format: Format = "text"
    encoding: str | None = None
    designation: WeekMatch | None = None
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True)
class ReaderWarning:
    """Something a reader noticed (content it could not keep, a value it refused);
    ``line`` is a 0-based line of the original input."""

    code: str
    message: str
    line: int | None = None


@dataclass(frozen=True, slots=True)
class Source:
    """A document as typed source lines, ready for the recognisers."""

    lines: tuple[Line, ...]
    location: Location = Location()
    warnings: tuple[ReaderWarning, ...] = ()

    @property
    def format(self) -> Format:
        return self.location.format

    def located(self, **where: Any) -> Source:
        """This source with its location changed."""
        return replace(self, location=replace(self.location, **where))


@dataclass(slots=True)
class SourceBuilder:
    """Lines being built by a reader, each with the original line it came from."""

    lines: list[Line] = field(default_factory=list)
    warnings: list[ReaderWarning] = field(default_factory=list)
    notes: dict[int, NoteMeta] = field(default_factory=dict)

    def add(
        self,
        text: str,
        origin: int,
        role: Role | None = None,
        urls: tuple[str, ...] = (),
        *,
        links: tuple[LinkRef, ...] = (),
        markers: bool = True,
        **facts: Any,
    ) -> None:
        """Add a line of text as it is (indents kept); ``urls`` are link targets with no
        text, ``links`` links with their text."""
        refs = links + tuple(LinkRef(url) for url in urls)
        self.lines.append(make_line(text, role, refs, origin=origin, markers=markers, **facts))

    def add_folded(
        self, text: str, origin: int, role: Role | None = None, urls: tuple[str, ...] = ()
    ) -> None:
        """Add a line with its white space folded; nothing if it is empty."""
        text = " ".join(text.split())
        if text:
            self.add(text, origin, role, urls)

    def gap(self, origin: int) -> None:
        """End the block being built: a blank line, unless there is one already."""
        if self.lines and self.lines[-1].stripped:
            self.add("", origin)

    def note(self, meta: NoteMeta, line: int | None = None) -> None:
        """Record the facts about the note that ``line`` opens (default: the next line
        added); they travel on that line."""
        self.notes[len(self.lines) if line is None else line] = meta

    def warn(self, code: str, message: str, line: int | None = None) -> None:
        """Record a warning about ``line`` of the original input."""
        self.warnings.append(ReaderWarning(code, message, line))

    def build(self, format: Format) -> Source:
        """The frozen Source; each note's facts on the line that opens it (the first line
        with text at or after the line they were recorded for)."""
        lines = self.lines
        for index, meta in sorted(self.notes.items()):
            at = next((i for i in range(index, len(lines)) if lines[i].stripped), None)
            if at is not None and lines[at].facts is None:
                lines[at] = lines[at]._replace(facts=meta)
        return Source(tuple(lines), Location(format=format), tuple(self.warnings))


_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def is_note_link(href: str) -> bool:
    """Is a link target one a note links to: a web address ('https://…', 'www.…') or a
    page of the same site ('/blog/week-12/', './notes/', 'week-12.html')? Not a place on
    the same page ('#top'), nor a script, mail or other scheme."""
    href = href.strip()
    if not href or href.startswith("#"):
        return False
    if href[:8].lower().startswith(("http://", "https://", "www.")):
        return True
    return _SCHEME.match(href) is None


# A Markdown-style heading typed in plain text: '# Week 3', '## Next week ##'. The closing
# marks are taken off in code, so no pattern backtracks over a long run of spaces.
_ATX = re.compile(r"^ {0,3}(#{1,6})[ \t]+(\S.*)$")
MAX_TEXT_HEADING_WORDS = 14


def _atx_heading(lines: list[Line], index: int) -> tuple[int, str] | None:
    """The level and text of a heading typed as in Markdown at ``index``: a line of its own
    (a blank line or the text's edge on both sides, so a run of '# item' lines is text), of
    at most 14 words, not a sentence ('# of users doubled.')."""
    match = _ATX.match(lines[index].text)
    if match is None:
        return None
    if (index > 0 and lines[index - 1].stripped) or (
        index + 1 < len(lines) and lines[index + 1].stripped
    ):
        return None
    text = match.group(2).rstrip(" \t")
    closing = text.rstrip("#")
    if closing != text and (not closing or closing[-1] in " \t"):
        text = closing.rstrip(" \t")  # '## Next week ##'
    if not text or text.endswith((".", ",", ";")) or len(text.split()) > MAX_TEXT_HEADING_WORDS:
        return None
    return len(match.group(1)), text


def text_source(text: str) -> Source:
    """Plain text as a Source, each line's origin its own index. Lines are text, but for
    headings typed as in Markdown ('# Week 3', '## Next week', each a line of its own):
    each is a heading of its level without its marks, and the first, when it opens the
    text at level 1 or 2, the title."""
    lines = analyse(text)
    first = True
    for index, line in enumerate(lines):
        if not line.stripped:
            continue
        found = _atx_heading(lines, index) if line.stripped[0] == "#" else None
        if found is not None:
            level, heading = found
            role: Role = "title" if first and level <= 2 else "heading"
            lines[index] = make_line(heading, role, origin=index, level=level)
        first = False
    return Source(tuple(lines))
