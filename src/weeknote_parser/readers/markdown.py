"""Markdown: CommonMark (markdown-it-py) with footnotes, and YAML or TOML front matter.

Markdown's own structure (headings, lists, quotes, code, footnotes, links) is mapped onto the
lines the recognisers read; plain-text conventions still apply inside it (a standalone short
line may be a heading, '•' lines are a list).
"""

from __future__ import annotations

import os
import re
from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING, Any, Union

from ..inputs import NoteMeta, Source, SourceBuilder, is_note_link
from ..kinds import normalise_heading
from ..lines import Line, LinkRef, Role, task_state
from ..models import WeekKind, YearSource
from ..weeks import DateOrder, Evidence, WeekMatch, find_designations, read_date
from . import markdown_native
from .frontmatter import FrontMatter, split_front_matter
from .markdown_native import NativeToken

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

AnyToken = Union["Token", NativeToken]  # markdown-it-py's, or the Rust engine's made alike

# markdown-it stops reading blocks nested deeper than its maxNesting (20 in CommonMark's
# preset: ten levels of lists) and drops what is inside them. 200 reads a hundred levels,
# far beyond real notes, within Python's recursion limit; anything deeper is kept as plain
# lines with a 'content-truncated' warning.
MAX_NESTING = 200
_LEAVES = ("inline", "fence", "code_block", "html_block", "hr")
_DROPPED_HTML = re.compile(r"<(script|style|iframe|embed|object|noscript|svg|video|audio)\b", re.I)
_TAG = re.compile(r"<[^<>]+>")  # not '[^>]': a run of '<' with no '>' would backtrack


Rows = list[tuple[str, tuple[LinkRef, ...]]]


def _inline(token: AnyToken) -> Rows:
    """The plain text of an inline token, one row per source line, with its links."""
    rows: Rows = []
    parts: list[str] = []
    links: list[LinkRef] = []
    link: tuple[str, int] | None = None  # the open link's target, and where its text starts
    for child in token.children or []:
        kind = child.type
        if kind in ("softbreak", "hardbreak"):
            rows.append(("".join(parts), tuple(links)))
            parts, links = [], []
            link = (link[0], 0) if link else None
        elif kind in ("text", "code_inline", "image"):
            parts.append(child.content)
        elif kind == "link_open":
            href = str(child.attrs.get("href", ""))
            link = (href, len(parts)) if is_note_link(href) else None
        elif kind == "link_close" and link is not None:
            text = " ".join("".join(parts[link[1] :]).split())
            links.append(LinkRef(link[0], text or None))
            link = None
        elif kind == "footnote_ref":
            parts.append(f"[{child.meta['id'] + 1}]")
    rows.append(("".join(parts), tuple(links)))
    return rows


def _joined(rows: Rows) -> tuple[str, tuple[LinkRef, ...]]:
    return (
        " ".join(row for row, _ in rows if row.strip()),
        tuple(link for _, links in rows for link in links),
    )


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    if isinstance(value, list):
        return [str(item).strip() for item in value if str(item).strip()]
    return []


def _author(value: Any) -> str | None:
    if isinstance(value, dict):
        value = value.get("name")
    if isinstance(value, list) and value:
        value = ", ".join(str(_author(item) or "") for item in value if _author(item))
    return " ".join(value.split()) or None if isinstance(value, str) else None


def _url(values: dict[str, Any]) -> str | None:
    for key in ("url", "link", "permalink", "canonical_url", "canonical"):
        value = values.get(key)
        if isinstance(value, str) and value.strip().startswith(("http://", "https://")):
            return value.strip()
    return None


# The front-matter keys that give a note's date, in the order they are looked for (Jekyll,
# Hugo and Eleventy 'date'; Astro 'pubDatetime', 'pubDate'; others 'published').
DATE_KEYS = ("date", "pubDatetime", "pubDate", "publishDate", "published", "publish_date")


def note_meta(front: FrontMatter, *, order: DateOrder = "dmy") -> NoteMeta:
    """What front matter says about its note; numeric dates are read in ``order``."""
    values = front.values
    tags = _strings(values.get("tags"))
    evidence: list[Evidence] = []
    key = next((k for k in DATE_KEYS if isinstance(values.get(k), str)), "date")
    date = values.get(key)
    if isinstance(date, str) and (parsed := read_date(date, order)) is not None:
        day = parsed.resolved()
        if day is not None:
            evidence.append(Evidence(day, YearSource.FRONT_MATTER, date, front.key_lines.get(key)))
    designation = None
    week = values.get("week")
    if isinstance(week, int | str) and str(week).strip():
        text = str(week).strip()
        written = f"week {text}" if text.isdigit() else text
        found_weeks = find_designations(written, order)
        if found_weeks:
            designation = replace(found_weeks[0], raw=text, source=YearSource.FRONT_MATTER)
    ending = values.get("week_ending")
    if designation is None and isinstance(ending, str):
        parsed = read_date(ending, order)
        if parsed is not None:
            designation = WeekMatch(
                raw=ending, kind=WeekKind.WEEK_ENDING, start=0, end=0, first=parsed,
                source=YearSource.FRONT_MATTER,
            )  # fmt: skip
    return NoteMeta(
        designation=designation,
        evidence=tuple(evidence),
        author=_author(values.get("author") or values.get("authors")),
        url=_url(values),
        tags=tuple(tags + [c for c in _strings(values.get("categories")) if c not in tags]),
        metadata=dict(values),
    )


def _same(heading: str, title: str) -> bool:
    return normalise_heading(heading) == normalise_heading(title)


def read_markdown(text: str, *, name: str = "<markdown>", order: DateOrder = "dmy") -> Source:
    """Read a Markdown document (with optional front matter) into typed source lines;
    numeric dates in front matter are read in ``order``."""
    raw_lines = text.lstrip("\ufeff").splitlines()
    front = split_front_matter(raw_lines, name=name)
    body_start = front.end
    body = "\n".join(raw_lines[body_start:])
    tokens = markdown_tokens(body)
    out = SourceBuilder()
    if front.values:
        out.note(note_meta(front, order=order))
    _Walk(out, body_start, front).run(tokens)
    dropped = _dropped_lines(tokens, body) if _too_deep(tokens) else []
    if dropped:
        out.gap(body_start + dropped[0])
        for line in dropped:
            out.add(" ".join(raw_lines[body_start + line].split()), body_start + line, "code")
        out.warn(
            "content-truncated",
            f"{len(dropped)} lines nest deeper than {MAX_NESTING // 2} levels (first at line "
            f"{body_start + dropped[0] + 1}); kept as plain lines at the end of the document",
            body_start + dropped[0],
        )
    if front.problem is not None:
        out.warn("front-matter-ignored", front.problem)
    return out.build("markdown")


ENGINE_ENVIRONMENT = "WEEKNOTE_PARSER_MARKDOWN"
"""``python`` in the environment makes the reader use markdown-it-py even where the Rust
engine (markdown-it-pyrs) is installed."""


def engine() -> str:
    """The Markdown engine the reader uses here: 'markdown-it-pyrs' or 'markdown-it-py'."""
    forced = os.environ.get(ENGINE_ENVIRONMENT, "").strip().lower() in ("python", "markdown-it-py")
    return "markdown-it-py" if forced or not markdown_native.available() else "markdown-it-pyrs"


def markdown_tokens(body: str, *, native: bool | None = None) -> list[AnyToken]:
    """markdown-it's tokens for ``body``, from the Rust engine where it is installed and the
    text is not nested too deep for it (``native=False``: from markdown-it-py)."""
    if native is None:
        native = engine() == "markdown-it-pyrs"
    if native and not markdown_native.too_deep(body):
        try:
            return list(markdown_native.tokens(body))
        except (KeyboardInterrupt, SystemExit, MemoryError):
            raise
        except BaseException:  # a panic in the Rust engine: markdown-it-py reads it instead
            pass
    return list(_markdown_it().parse(body))


@cache
def _markdown_it() -> MarkdownIt:
    """The one markdown-it parser of the process (it keeps no state between documents:
    each parse has its own), built on first use."""
    from markdown_it import MarkdownIt
    from mdit_py_plugins.footnote import footnote_plugin

    parser = MarkdownIt("commonmark", {"maxNesting": MAX_NESTING})
    return parser.use(footnote_plugin).enable("table")


class _Walk:
    """markdown-it's tokens, walked once, as typed source lines."""

    def __init__(self, out: SourceBuilder, body_start: int, front: FrontMatter) -> None:
        self.out = out
        self.body_start = body_start
        title = front.values.get("title")
        self.title = str(title).strip() if title is not None and str(title).strip() else None
        if self.title is not None:
            out.add(self.title, front.key_lines.get("title", 0), "title")
            out.gap(front.key_lines.get("title", 0))
        self.have_title = self.title is not None
        self.first_block = True
        self.lists: list[list[int]] = []  # [ordered?, next number, items so far] per open list
        self.item_open = False
        self.footnote: int | None = None
        self.quotes = 0

    def run(self, tokens: list[AnyToken]) -> None:
        index = 0
        while index < len(tokens):
            index = self.token(tokens, index)

    def token(self, tokens: list[AnyToken], index: int) -> int:
        """Read the token at ``index``; return the index of the next one to read."""
        token = tokens[index]
        origin = self.body_start + (token.map[0] if token.map else 0)
        kind = token.type
        out = self.out
        if kind == "heading_open":
            self.heading(tokens[index + 1], int(token.tag[1]), origin)
            return index + 3
        if kind in ("bullet_list_open", "ordered_list_open"):
            ordered = kind == "ordered_list_open"
            start = _list_start(token) if ordered else 0
            if not self.lists:
                out.gap(origin)
            self.lists.append([int(ordered), start, 0])
        elif kind in ("bullet_list_close", "ordered_list_close"):
            self.lists.pop()
            if not self.lists:
                out.gap(origin)
        elif kind == "list_item_open":
            self.item_open = True
        elif kind == "list_item_close":
            self.item_open = False
        elif kind == "blockquote_open":
            self.quotes += 1
        elif kind == "blockquote_close":
            self.quotes -= 1
        elif kind == "footnote_open":
            self.footnote = int(token.meta["id"])
        elif kind == "footnote_close":
            self.footnote = None
        elif kind == "inline" and index > 0 and tokens[index - 1].type == "paragraph_open":
            self.paragraph(_inline(token), origin)
        elif kind in ("fence", "code_block"):
            out.gap(origin)
            for offset, row in enumerate(token.content.splitlines()):
                if row.strip():
                    out.add(row.strip(), origin + 1 + offset, "code")
            out.gap(origin)
            self.first_block = False
        elif kind == "html_block":
            self.html(token.content, origin)
        elif kind == "tr_open":
            cells: list[str] = []
            cursor = index + 1
            while tokens[cursor].type != "tr_close":
                if tokens[cursor].type == "inline":
                    cells.append(" ".join(row for row, _ in _inline(tokens[cursor])))
                cursor += 1
            out.add(" | ".join(cells), origin, "code")
        elif kind == "table_close":
            out.gap(origin)
        return index + 1

    def heading(self, inline: AnyToken, level: int, origin: int) -> None:
        text, links = _joined(_inline(inline))
        text = text.strip()
        out = self.out
        if not text or (self.title is not None and _same(text, self.title)):
            pass  # empty, or the front-matter title written again as the first heading
        elif not self.have_title and (level == 1 or (level == 2 and self.first_block)):
            out.gap(origin)
            out.add(text, origin, "title", links=links, level=level)
            self.have_title = True
        else:
            out.gap(origin)
            out.add(text, origin, "heading", links=links, level=level)
        out.gap(origin)
        self.first_block = False

    def paragraph(self, rows: Rows, origin: int) -> None:
        out = self.out
        if self.lists and self.item_open:
            ordered, number, count = self.lists[-1]
            text, links = _joined(rows)
            checked, text = task_state(text)
            out.add(
                text, origin, "list_item", links=links, level=len(self.lists),
                ordered=bool(ordered), number=number if ordered else None, checked=checked,
                opens_list=count == 0,
            )  # fmt: skip
            self.lists[-1][1] += 1 if ordered else 0
            self.lists[-1][2] += 1
            self.item_open = False  # later paragraphs of the item continue it
        elif self.lists:
            last = out.lines[-1]
            text, links = _joined(rows)
            joined = f"{last.text} {text}".strip()
            out.lines[-1] = last._replace(text=joined, stripped=joined, links=last.links + links)
        else:
            out.gap(origin)
            role: Role | None = "quote" if self.quotes else None
            if self.footnote is not None:
                role = "footnote"
            for offset, (row, links) in enumerate(rows):
                note = self.footnote + 1 if self.footnote is not None and offset == 0 else None
                out.add(row, origin + offset, role, links=links, number=note)
                if role is None:
                    out.lines[-1] = _without_commonmark_marker(out.lines[-1])
            out.gap(origin)
        self.first_block = False

    def html(self, content: str, origin: int) -> None:
        if not _DROPPED_HTML.search(content) and not content.lstrip().startswith("<!--"):
            plain_rows = [" ".join(row.split()) for row in _TAG.sub(" ", content).splitlines()]
            if any(plain_rows):
                self.out.gap(origin)
                for offset, plain in enumerate(plain_rows):
                    if plain:
                        self.out.add(plain, origin + offset, "code")
                self.out.gap(origin)
        self.first_block = False


def _list_start(token: AnyToken) -> int:
    start = str(token.attrs.get("start", 1) or 1)
    return int(start) if start.isascii() and start.isdigit() and len(start) < 10 else 1


def _without_commonmark_marker(line: Line) -> Line:
    """A paragraph line of Markdown that opens like a CommonMark list item ('2) ', '- ') is
    not one: markdown-it, which knows, made it paragraph text. Other bullets ('•', '–')
    are not Markdown's, so the text conventions still read them."""
    marker = line.marker
    if marker is not None and (marker.style == "numbered" or marker.symbol in "-*+"):
        return line._replace(marker=None)
    return line


def _too_deep(tokens: list[AnyToken]) -> bool:
    return any(token.level >= MAX_NESTING - 1 for token in tokens)


def _dropped_lines(tokens: list[AnyToken], body: str) -> list[int]:
    """Lines of ``body`` with text that no leaf block read (markdown-it's nesting limit)."""
    covered = bytearray(body.count("\n") + 1)
    for token in tokens:
        if token.map and token.type in _LEAVES:
            first, last = token.map
            covered[first:last] = b"\x01" * (last - first)
    return [
        index
        for index, line in enumerate(body.split("\n"))
        if not covered[index] and line.strip(" \t>-*+0123456789.)")
    ]
