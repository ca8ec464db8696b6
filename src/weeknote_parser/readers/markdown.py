"""Markdown: CommonMark (markdown-it-py) with footnotes, and YAML or TOML front matter.

Markdown's own structure (headings, lists, quotes, code, footnotes, links) is mapped onto the
lines the recognisers read; plain-text conventions still apply inside it (a standalone short
line may be a heading, '•' lines are a list).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from ..inputs import Input, LineBuilder, NoteMeta
from ..kinds import normalise_heading
from ..lines import Hint, make_line
from ..models import WeekKind, YearSource
from ..weeks import Evidence, WeekMatch, find_designations, read_date
from .frontmatter import FrontMatter, split_front_matter

if TYPE_CHECKING:
    from markdown_it.token import Token

# markdown-it stops reading blocks nested deeper than its maxNesting (20 in CommonMark's
# preset: ten levels of lists) and drops what is inside them. 200 reads a hundred levels,
# far beyond real notes, within Python's recursion limit; anything deeper is kept as plain
# lines with a 'content-truncated' warning.
MAX_NESTING = 200
_LEAVES = ("inline", "fence", "code_block", "html_block", "hr")
_DROPPED_HTML = re.compile(r"<(script|style|iframe|embed|object|noscript|svg|video|audio)\b", re.I)
_TAG = re.compile(r"<[^>]+>")


def _inline(token: Token) -> list[tuple[str, tuple[str, ...]]]:
    """The plain text of an inline token, one entry per source line, with link targets."""
    rows: list[tuple[str, tuple[str, ...]]] = []
    parts: list[str] = []
    urls: list[str] = []
    for child in token.children or []:
        kind = child.type
        if kind in ("softbreak", "hardbreak"):
            rows.append(("".join(parts), tuple(urls)))
            parts, urls = [], []
        elif kind in ("text", "code_inline"):
            parts.append(child.content)
        elif kind == "link_open":
            href = str(child.attrs.get("href", ""))
            if href.startswith(("http://", "https://", "www.")):
                urls.append(href)
        elif kind == "image":
            parts.append(child.content)
        elif kind == "footnote_ref":
            parts.append(f"[{child.meta['id'] + 1}]")
        elif kind == "html_inline":
            continue
    rows.append(("".join(parts), tuple(urls)))
    return rows


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    if isinstance(value, list):
        return [str(item).strip() for item in value if str(item).strip()]
    return []


def note_meta(front: FrontMatter, *, line: int, order: str = "dmy") -> NoteMeta:
    """What front matter says about its note."""
    values = front.values
    meta = NoteMeta(metadata=dict(values))
    meta.tags = _strings(values.get("tags")) + [
        c for c in _strings(values.get("categories")) if c not in _strings(values.get("tags"))
    ]
    date = values.get("date")
    if isinstance(date, str) and (parsed := read_date(date)) is not None:
        day = parsed.resolved()
        if day is not None:
            meta.evidence.append(
                Evidence(day, YearSource.FRONT_MATTER, date, front.key_lines.get("date", line))
            )
    week = values.get("week")
    if isinstance(week, int | str) and str(week).strip():
        text = str(week).strip()
        written = f"week {text}" if text.isdigit() else text
        found_weeks = find_designations(written, order)  # type: ignore[arg-type]
        if found_weeks:
            meta.designation = _from_front_matter(found_weeks[0], text)
    ending = values.get("week_ending")
    if meta.designation is None and isinstance(ending, str):
        parsed = read_date(ending)
        if parsed is not None:
            meta.designation = WeekMatch(
                raw=ending, kind=WeekKind.WEEK_ENDING, start=0, end=0, first=parsed,
                source=YearSource.FRONT_MATTER,
            )  # fmt: skip
    return meta


def _from_front_matter(match: WeekMatch, raw: str) -> WeekMatch:
    from dataclasses import replace

    return replace(match, raw=raw, source=YearSource.FRONT_MATTER)


def _same(heading: str, title: str) -> bool:
    return normalise_heading(heading) == normalise_heading(title)


def read_markdown(text: str, *, name: str = "<markdown>") -> Input:
    """Read a Markdown document (with optional front matter) into lines."""
    from markdown_it import MarkdownIt
    from mdit_py_plugins.footnote import footnote_plugin

    raw_lines = text.lstrip("\ufeff").splitlines()
    front = split_front_matter(raw_lines, name=name)
    body_start = front.end
    body = "\n".join(raw_lines[body_start:])
    parser = MarkdownIt("commonmark", {"maxNesting": MAX_NESTING})
    tokens = parser.use(footnote_plugin).enable("table").parse(body)

    out = LineBuilder()
    meta_line = 0
    fm_title = front.values.get("title")
    title_text = str(fm_title).strip() if fm_title is not None and str(fm_title).strip() else None
    if title_text is not None:
        out.add(title_text, front.key_lines.get("title", 0), "title")
        out.gap(front.key_lines.get("title", 0))
    have_title = title_text is not None
    first_block = True
    list_stack: list[list[int]] = []  # [ordered?, next number] per open list
    item_open = False
    footnote_id: int | None = None
    quote_depth = 0
    index = 0
    while index < len(tokens):
        token = tokens[index]
        origin = body_start + (token.map[0] if token.map else 0)
        kind = token.type
        if kind == "heading_open":
            words = _inline(tokens[index + 1])
            heading = " ".join(w for w, _ in words).strip()
            urls = tuple(u for _, us in words for u in us)
            level = int(token.tag[1])
            if not heading:
                pass
            elif title_text is not None and _same(heading, title_text):
                pass  # the front-matter title written again as the first heading
            elif not have_title and (level == 1 or (level == 2 and first_block)):
                out.gap(origin)
                out.add(heading, origin, "title", urls)
                have_title = True
            else:
                out.gap(origin)
                out.add(heading, origin, "heading", urls)
            out.gap(origin)
            first_block = False
            index += 3
            continue
        if kind in ("bullet_list_open", "ordered_list_open"):
            start = int(token.attrs.get("start", 1) or 1) if kind == "ordered_list_open" else 0
            if not list_stack:
                out.gap(origin)
            list_stack.append([1 if kind == "ordered_list_open" else 0, start])
        elif kind in ("bullet_list_close", "ordered_list_close"):
            list_stack.pop()
            if not list_stack:
                out.gap(origin)
        elif kind == "list_item_open":
            item_open = True
        elif kind == "list_item_close":
            item_open = False
        elif kind == "blockquote_open":
            quote_depth += 1
        elif kind == "blockquote_close":
            quote_depth -= 1
        elif kind == "footnote_open":
            footnote_id = int(token.meta["id"])
        elif kind == "footnote_close":
            footnote_id = None
        elif kind == "inline" and index > 0 and tokens[index - 1].type == "paragraph_open":
            rows = _inline(token)
            if list_stack and item_open:
                ordered, number = list_stack[-1]
                marker = f"{number}." if ordered else "-"
                if ordered:
                    list_stack[-1][1] += 1
                indent = "  " * (len(list_stack) - 1)
                text_joined = " ".join(row for row, _ in rows if row.strip())
                urls = tuple(u for _, us in rows for u in us)
                out.add(f"{indent}{marker} {text_joined}", origin, None, urls)
                item_open = False  # later paragraphs of the item continue it
            elif list_stack:
                last = out.lines[-1]
                joined = " ".join(row for row, _ in rows if row.strip())
                out.lines[-1] = make_line(f"{last.text} {joined}", last.hint, last.urls)
            else:
                out.gap(origin)
                hint: Hint | None = "text" if quote_depth else None
                for offset, (row, urls) in enumerate(rows):
                    if footnote_id is not None and offset == 0:
                        row = f"[{footnote_id + 1}] {row}"
                    out.add(row, origin + offset, hint, urls)
                out.gap(origin)
            first_block = False
        elif kind in ("fence", "code_block"):
            out.gap(origin)
            for offset, row in enumerate(token.content.splitlines()):
                if row.strip():
                    out.add(row.strip(), origin + 1 + offset, "text")
            out.gap(origin)
            first_block = False
        elif kind == "html_block":
            content = token.content
            if not _DROPPED_HTML.search(content) and not content.lstrip().startswith("<!--"):
                plain_rows = [" ".join(row.split()) for row in _TAG.sub(" ", content).splitlines()]
                if any(plain_rows):
                    out.gap(origin)
                    for offset, plain in enumerate(plain_rows):
                        if plain:
                            out.add(plain, origin + offset, "text")
                    out.gap(origin)
            first_block = False
        elif kind == "tr_open":
            cells: list[str] = []
            cursor = index + 1
            while tokens[cursor].type != "tr_close":
                if tokens[cursor].type == "inline":
                    cells.append(" ".join(row for row, _ in _inline(tokens[cursor])))
                cursor += 1
            out.add(" | ".join(cells), origin, "text")
        elif kind == "table_close":
            out.gap(origin)
        index += 1

    dropped = _dropped_lines(tokens, body) if _too_deep(tokens) else []
    if dropped:
        out.gap(body_start + dropped[0])
        for line in dropped:
            out.add(" ".join(raw_lines[body_start + line].split()), body_start + line, "text")
    meta = None
    if front.values:
        meta = note_meta(front, line=meta_line)
    first_content = next((i for i, line in enumerate(out.lines) if line.stripped), 0)
    source = Input(
        lines=out.lines,
        format="markdown",
        origins=out.origins,
        meta={first_content: meta} if meta is not None else {},
    )
    if front.problem is not None:
        source.warn("front-matter-ignored", front.problem)
    if dropped:
        source.warn(
            "content-truncated",
            f"{len(dropped)} lines nest deeper than {MAX_NESTING // 2} levels (first at line "
            f"{body_start + dropped[0] + 1}); kept as plain lines at the end of the document",
        )
    return source


def _too_deep(tokens: list[Token]) -> bool:
    return any(token.level >= MAX_NESTING - 1 for token in tokens)


def _dropped_lines(tokens: list[Token], body: str) -> list[int]:
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
