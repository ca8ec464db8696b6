"""Notes as normalised Markdown: what was parsed, written back in one plain, regular form.

Each note is a level-1 heading (its title), a dateline when its publication date is known,
its sections under level-2 headings, paragraphs, lists (nested lists indented under their
items, tasks as ``[x]``/``[ ]``) and footnotes at its end. Reading the result back with the
Markdown reader gives the same notes, weeks, sections and lists. Text is escaped so that
nothing in it is read as Markdown markup; site furniture (chrome) is not written.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .models import Document, Footnote, Link, ListBlock, Note, Paragraph, Section
from .weeks import find_designations
from .weeks.grammar import whole

# Characters that are markup anywhere in a line, and what opens a block at a line's start.
_INLINE = re.compile(r"([\\`*_\[\]<>|~])")
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
_BLOCK_START = re.compile(r"^(\s*)([#>+=-]|\d{1,9}(?=[.)]))")
_TRAILING_HASHES = re.compile(r"(#+)\s*$")


def escape(text: str) -> str:
    """``text`` with everything Markdown would read as markup escaped by a backslash."""
    text = _ENTITY.sub("\\&", _INLINE.sub(r"\\\1", " ".join(text.split())))
    match = _BLOCK_START.match(text)
    if match is not None:
        marker = match.group(2)
        at = match.end(1)
        if marker.isdigit():  # '1. text' is an ordered list item; '1\. text' is not
            return text[: match.end()] + "\\" + text[match.end() :]
        return text[:at] + "\\" + text[at:]
    return text


def _heading(text: str, level: int) -> str:
    written = escape(text)
    written = _TRAILING_HASHES.sub(lambda m: "\\#" * len(m.group(1)), written)
    return f"{'#' * level} {written}"


_LINK_TARGET = re.compile(r"^[^\s()<>\[\]]+$")


class _Links:
    """The note's links that have a text of their own (a Markdown or HTML link), each written
    as a Markdown link where its text stands: in the first block, in reading order, whose
    text holds it (the lines a format gives links are not always the block's own: a feed
    entry's links all stand on its first line). A bare URL is in the text already."""

    def __init__(self, note: Note) -> None:
        self.pending = [
            link
            for link in note.links
            if link.text and link.text != link.url and _LINK_TARGET.match(link.url)
        ]

    def write(self, text: str) -> str:
        """Escaped ``text`` with the pending links whose text it holds as Markdown links."""
        segments: list[tuple[str, bool]] = [(escape(text), False)]  # (markdown, is a link)
        kept: list[Link] = []
        for link in self.pending:
            shown = escape(link.text or "")
            for index, (segment, is_link) in enumerate(segments):
                at = segment.find(shown) if not is_link else -1
                if at >= 0:
                    segments[index : index + 1] = [
                        (segment[:at], False),
                        (f"[{shown}]({link.url})", True),
                        (segment[at + len(shown) :], False),
                    ]
                    break
            else:
                kept.append(link)
        self.pending = kept
        return "".join(segment for segment, _ in segments)


def _list(block: ListBlock, links: _Links, indent: int, bullet: str, delim: str) -> list[str]:
    lines: list[str] = []
    for index, item in enumerate(block.items):
        marker = f"{index + 1}{delim}" if block.style == "numbered" else bullet
        box = {True: "[x] ", False: "[ ] ", None: ""}[item.checked]
        text = links.write(item.text)
        lines.append(f"{' ' * indent}{marker} {box}{text}".rstrip())
        for child in block.children:
            if child.parent == index:
                lines.extend(_list(child, links, indent + len(marker) + 1, "-", "."))
    for child in block.children:
        if child.parent is None or not 0 <= child.parent < len(block.items):
            lines.extend(_list(child, links, indent + 2, "-", "."))
    return lines


def _blocks(section: Section, links: _Links) -> list[str]:
    """Each block of ``section`` as Markdown; consecutive lists of one style alternate their
    bullet ('-', '*') or delimiter ('.', ')') so that Markdown keeps them apart."""
    out: list[str] = []
    previous: str | None = None
    bullet, delim = "-", "."
    last_text: str | None = None  # the paragraph just written, which may be the lead-in
    for block in section.blocks:
        if isinstance(block, Paragraph):
            out.append(links.write(block.text))
            previous, last_text = None, block.text
            continue
        written, last_text = last_text, None
        if block.lead_in and block.lead_in != written:
            out.append(links.write(block.lead_in))
            previous = None
        if previous == block.style:
            bullet = "*" if bullet == "-" else "-"
            delim = ")" if delim == "." else "."
        else:
            bullet, delim = "-", "."
        out.append("\n".join(_list(block, links, 0, bullet, delim)))
        previous = block.style
    return out


def _footnote(footnote: Footnote) -> str:
    return f"{escape(footnote.marker)} {escape(footnote.text)}"


def _week_line(note: Note) -> bool:
    """Whether the note's week was read from a line of its own below its title (a title
    that names no week, then 'Weeknote 12.22'): that line is written back."""
    week = note.week
    if week is None or note.title is None or week.raw in note.title:
        return False
    match = whole(find_designations(week.raw), week.raw)
    return match is not None and match.strong


def render_note(note: Note) -> str:
    """One note as Markdown (see the module's docs)."""
    links = _Links(note)
    parts: list[str] = []
    level = 2
    if note.title is not None:
        parts.append(_heading(note.title, 1))
        if _week_line(note):
            parts.append(escape(note.week.raw if note.week else ""))
        if note.dateline is not None:
            parts.append(escape(note.dateline))
        elif note.published is not None:
            parts.append(f"Posted on {note.published.isoformat()}")
    else:
        level = 3  # a level-2 heading opening a document would be read as its title
    for section in note.sections:
        if section.heading is not None:
            parts.append(_heading(section.heading, level))
        parts.extend(_blocks(section, links))
    parts.extend(_footnote(footnote) for footnote in note.footnotes)
    return "\n\n".join(parts) + "\n"


def _front_matter(note: Note) -> str:
    import yaml

    values: dict[str, object] = {}
    if note.author:
        values["author"] = note.author
    if note.url:
        values["url"] = note.url
    if note.tags:
        values["tags"] = list(note.tags)
    if not values:
        return ""
    dumped = yaml.safe_dump(values, allow_unicode=True, sort_keys=False, width=1000)
    return f"---\n{dumped}---\n\n"


def render_notes(notes: Iterable[Note]) -> str:
    """Notes as one Markdown document, a blank line between them."""
    return "\n".join(render_note(note) for note in notes)


def render_markdown(document: Document) -> str:
    """A document's notes as Markdown; a one-note document keeps its author, URL and tags
    as front matter."""
    notes = list(document.notes)
    head = _front_matter(notes[0]) if len(notes) == 1 else ""
    return head + render_notes(notes)
