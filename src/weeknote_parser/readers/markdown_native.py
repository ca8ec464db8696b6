"""markdown-it-pyrs (Rust) as a faster engine for the Markdown reader.

markdown-it-pyrs parses with markdown-it's own rules (a Rust port of them, with the same
footnote and table plugins), so the reader keeps its one walk over markdown-it tokens: this
module turns the Rust parser's tree into the token stream markdown-it-py gives for the same
text, as far as the reader reads it (types, tags, line maps, contents, link targets,
footnote numbers). ``tests/test_markdown_native.py`` checks that both engines give the same
Documents.

The Rust parser has no nesting limit and overflows its stack on a few thousand nested
lists, so a text whose lines open deeper than :data:`MAX_CONTAINER_COLUMNS` columns of
container markers (quotes, list markers and their indentation) is left to markdown-it-py,
which stops at its own limit and says so.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Mapping
from functools import cache
from types import MappingProxyType
from typing import Any

import regex

# A line that opens a block this deep in quotes and lists goes to markdown-it-py.
MAX_CONTAINER_COLUMNS = 48
_DEEP_CANDIDATE = re.compile(r"^[ \t>*+\-0-9.)]{12,}", re.MULTILINE)
# What the two engines read differently, so that a text holding it goes to markdown-it-py:
# a footnote definition right below another line (markdown-it-py's may interrupt a
# paragraph, the Rust one's may not) and an inline footnote ('^[a note]', markdown-it-py's
# only);
# a declaration such as '<!doctype html>' in lower case (an HTML block in markdown-it-py,
# following the current CommonMark; paragraph text in the Rust port); and a table, or a
# quote with a line after it that is neither blank nor quoted (a lazy continuation line),
# after which the engines may disagree on where lazy continuation lines end; and the
# newer CommonMark's other changes markdown-it-py follows: a '<search>' block, and Unicode
# symbols ('¢', '✅') counting as punctuation beside '*' and '_' (where emphasis may start).
_READ_DIFFERENTLY = re.compile(  # possessive: a long run of spaces is read once; in quotes too
    r"^[ \t>]*+(?:<![a-z]|</?search\b|\|?[ \t]*+:?-++:?[ \t]*+\|)",
    re.MULTILINE | re.IGNORECASE,
)
# A line opening with '[^' (a footnote's definition, or its mark) right below a line that
# is not blank (in a quote: not blank but for its markers).
_FOOTNOTE_BELOW_TEXT = re.compile(r"^[ \t>]*+[^ \t>\n][^\n]*+\n[ \t>]*+\[\^", re.MULTILINE)
# A quoted line followed by a line that is neither blank nor quoted: a lazy continuation.
_LAZY_AFTER_QUOTE = re.compile(r"^[ \t]*+>[^\n]*+\n(?![ \t]*+(?:>|\n|$))", re.MULTILINE)
# A line that may be a table's delimiter row ('---', '|:--|', '--- | ---'), in a text with a '|'.
_DELIMITER_ROW = re.compile(r"^[ \t>]*+\|?[ \t]*+:?-++:?[ \t]*+(?:\||$)", re.MULTILINE)
_SYMBOL_BESIDE_DELIMITER = regex.compile(r"[*_](?![\x00-\x7f])\p{S}|(?![\x00-\x7f])\p{S}[*_]")


_NOTHING: Mapping[str, Any] = MappingProxyType({})


class NativeToken:
    """The part of a markdown-it token the reader reads (read-only: tokens without a line
    map, attributes or children are shared)."""

    __slots__ = ("attrs", "children", "content", "map", "meta", "tag", "type")

    def __init__(
        self,
        type: str,
        tag: str = "",
        map: tuple[int, int] | None = None,
        *,
        content: str = "",
        attrs: Mapping[str, Any] = _NOTHING,
        meta: Mapping[str, Any] = _NOTHING,
        children: list[NativeToken] | None = None,
    ) -> None:
        self.type = type
        self.tag = tag
        self.map = map
        self.content = content
        self.attrs = attrs
        self.meta = meta
        self.children = children

    @property
    def level(self) -> int:  # markdown-it's nesting level; deep texts never come here
        return 0

    def __repr__(self) -> str:
        return f"NativeToken({self.type!r}, {self.tag!r}, {self.map!r}, {self.content!r})"


@cache
def _closing(type: str, tag: str = "") -> NativeToken:
    """The one token closing a block of ``type`` (it carries nothing else)."""
    return NativeToken(type, tag)


@cache
def _parser() -> Any:
    import markdown_it_pyrs

    return markdown_it_pyrs.MarkdownIt("commonmark").enable_many(["footnote", "table"])


def available() -> bool:
    """Can the Rust parser be imported here?"""
    try:
        _parser()
    except ImportError:
        return False
    return True


def too_deep(body: str) -> bool:
    """Does a line of ``body`` open blocks deeper than the Rust parser is given, or hold
    what the two engines read differently?"""
    if _READ_DIFFERENTLY.search(body) is not None or "^[" in body:  # '^[…]': an inline footnote
        return True
    if "[^" in body and _FOOTNOTE_BELOW_TEXT.search(body) is not None:
        return True
    if ">" in body and _LAZY_AFTER_QUOTE.search(body) is not None:
        return True
    if "|" in body and _DELIMITER_ROW.search(body) is not None:  # a table, perhaps
        return True
    if ("*" in body or "_" in body) and _SYMBOL_BESIDE_DELIMITER.search(body) is not None:
        return True
    if "`" in body and "[" in body and _unclosed_code_after_bracket(body):
        return True
    for match in _DEEP_CANDIDATE.finditer(body):
        if len(match.group().expandtabs(4)) > MAX_CONTAINER_COLUMNS:
            return True
    return False


def _unclosed_code_after_bracket(body: str) -> bool:
    """Does a line of ``body`` leave a run of backticks open, in a text that holds a '['?
    The Rust engine panics on some of those ('[`b'), printing to standard error before the
    reader falls back. (A code span running on to the next line counts as open: such a text
    goes to markdown-it-py too.) The fences of a fenced code block, and the lines between
    them, hold no code spans: a fence that opens and closes at the left margin is skipped
    whole; any other is read as text, as before."""
    lines = body.splitlines()
    closing = _closing_fences(lines)
    index = 0
    while index < len(lines):
        close = closing.get(index)
        if close is not None:
            index = close + 1
            continue
        line = lines[index]
        if "`" in line and _opens_code(line):
            return True
        index += 1
    return False


# A fence at the left margin: three or more backticks (with no backtick in the info string
# after them) or tildes; one longer than MAX_FENCE is read as text. Indented fences (in
# list items) are read as text too.
MAX_FENCE = 32
_FENCE = re.compile(r"(`{3,}(?=[^`]*$)|~{3,})")


def _closing_fences(lines: list[str]) -> dict[int, int]:
    """Each opening fence's line -> the line that closes it: the first one below it that is
    the same character, at least as many, at the left margin, with nothing but spaces after.
    One pass from the end, keeping for each character and length the nearest such line, so
    a text of many fences that never close costs no more than its length."""
    nearest: dict[str, list[int | None]] = {
        "`": [None] * (MAX_FENCE + 1), "~": [None] * (MAX_FENCE + 1),
    }  # fmt: skip
    closing: dict[int, int] = {}
    for index in range(len(lines) - 1, -1, -1):
        line = lines[index]
        if not line.startswith(("```", "~~~")):
            continue
        fence = _FENCE.match(line)
        if fence is not None and len(fence.group(1)) <= MAX_FENCE:
            close = nearest[line[0]][len(fence.group(1))]
            if close is not None:
                closing[index] = close
        bare = line.rstrip(" \t")
        if bare.strip(line[0]) == "":  # only fence characters: it closes fences this long
            for width in range(3, min(len(bare), MAX_FENCE) + 1):
                nearest[line[0]][width] = index
    return closing


def _opens_code(line: str) -> bool:
    """Is a code span still open at the end of ``line``? Outside code a backslash escapes
    the next character; inside, only a run of the opening run's width closes it."""
    index, end, opened = 0, len(line), 0
    while index < end:
        char = line[index]
        if char == "\\" and not opened:
            index += 2
            continue
        if char == "`":
            run = index
            while run < end and line[run] == "`":
                run += 1
            width = run - index
            if not opened:
                opened = width
            elif width == opened:
                opened = 0
            index = run
            continue
        index += 1
    return opened > 0


def tokens(body: str) -> list[NativeToken]:
    """markdown-it-py's tokens for ``body``, as far as the reader reads them."""
    tree = _parser().tree(body)
    return _Converter(body, tree).run()


_INLINE = frozenset(
    {
        "text", "text_special", "softbreak", "hardbreak", "code_inline", "image", "link",
        "autolink", "html_inline", "em", "strong", "s", "footnote_ref", "footnote_ref_anchor",
    }
)  # fmt: skip


class _Converter:
    def __init__(self, body: str, tree: Any) -> None:
        self.tree = tree
        self.data = data = body.encode("utf-8")
        starts = [0]
        find = data.find
        index = find(b"\n")
        while index >= 0:
            starts.append(index + 1)
            index = find(b"\n", index + 1)
        self.starts = starts
        self.out: list[NativeToken] = []
        self.footnote_ids: dict[int, int] = {}
        self.maps: dict[tuple[int, int], tuple[int, int]] = {}

    def line(self, node: Any) -> tuple[int, int] | None:
        """The lines [first, end) of ``node``'s source (one tuple for each range)."""
        span = node.srcmap
        if span is None:
            return None
        first = bisect_right(self.starts, span[0]) - 1
        last = bisect_right(self.starts, max(span[0], span[1] - 1)) - 1
        lines = (first, last + 1)
        return self.maps.setdefault(lines, lines)

    def run(self) -> list[NativeToken]:
        self._number_footnotes()
        for child in self.tree.children:
            self.block(child)
        return self.out

    def _number_footnotes(self) -> None:
        """markdown-it-py numbers footnotes in the order of their first reference."""
        first: dict[int, int] = {}
        stack = [self.tree]
        while stack:
            node = stack.pop()
            if node.name == "footnote_ref":
                def_id, ref_id = node.meta.get("def_id"), node.meta.get("ref_id")
                if isinstance(def_id, int) and isinstance(ref_id, int):
                    first[def_id] = min(ref_id, first.get(def_id, ref_id))
            stack.extend(node.children)
        for rank, def_id in enumerate(sorted(first, key=first.__getitem__)):
            self.footnote_ids[def_id] = rank

    # -- blocks ---------------------------------------------------------------------------
    def block(self, node: Any) -> None:
        name = node.name
        out = self.out
        if name == "paragraph":
            lines = self.line(node)
            out.append(NativeToken("paragraph_open", "p", lines))
            out.append(NativeToken("inline", "", lines, children=self.inline(node.children)))
            out.append(_closing("paragraph_close", "p"))
        elif name in ("heading", "lheading"):
            tag = f"h{node.meta.get('level', 1)}"
            lines = self.line(node)
            out.append(NativeToken("heading_open", tag, lines))
            out.append(NativeToken("inline", "", lines, children=self.inline(node.children)))
            out.append(NativeToken("heading_close", tag))
        elif name in ("bullet_list", "ordered_list"):
            kind = "bullet_list" if name == "bullet_list" else "ordered_list"
            attrs = {"start": node.meta.get("start", 1)} if kind == "ordered_list" else {}
            out.append(NativeToken(f"{kind}_open", "", self.line(node), attrs=attrs))
            for child in node.children:
                self.block(child)
            out.append(_closing(f"{kind}_close"))
        elif name == "list_item":
            out.append(NativeToken("list_item_open", "li", self.line(node)))
            self.item(node)
            out.append(_closing("list_item_close", "li"))
        elif name == "blockquote":
            out.append(NativeToken("blockquote_open", "blockquote", self.line(node)))
            for child in node.children:
                self.block(child)
            out.append(_closing("blockquote_close", "blockquote"))
        elif name in ("fence", "code_block", "html_block"):
            content = str(node.meta.get("content", ""))
            out.append(NativeToken(name, "", self.line(node), content=content))
        elif name == "hr":
            out.append(NativeToken("hr", "hr", self.line(node)))
        elif name == "table":
            self.table(node)
        elif name == "footnote_container":
            self.footnotes(node)
        elif name in ("definition", "footnote_ref_anchor"):
            pass
        elif name in _INLINE:  # inline content where a block was expected: a paragraph
            self.implicit_paragraph([node], node)
        else:
            for child in node.children:
                self.block(child)

    def item(self, node: Any) -> None:
        """A list item's children; the text of a tight item is a paragraph of its own."""
        run: list[Any] = []
        for child in node.children:
            if child.name in _INLINE:
                run.append(child)
                continue
            if run:
                self.implicit_paragraph(run, node)
                run = []
            self.block(child)
        if run:
            self.implicit_paragraph(run, node)

    def implicit_paragraph(self, children: list[Any], parent: Any) -> None:
        anchor = next((c for c in children if c.srcmap is not None), parent)
        lines = self.line(anchor)
        self.out.append(NativeToken("paragraph_open", "p", lines))
        self.out.append(NativeToken("inline", "", lines, children=self.inline(children)))
        self.out.append(_closing("paragraph_close", "p"))

    def table(self, node: Any) -> None:
        out = self.out
        out.append(NativeToken("table_open", "table", self.line(node)))
        for part in node.children:  # thead, tbody
            out.append(NativeToken(f"{part.name}_open", part.name, self.line(part)))
            cell_tag = "th" if part.name == "thead" else "td"
            for row in part.children:
                lines = self.line(row)
                out.append(NativeToken("tr_open", "tr", lines))
                for cell in row.children:
                    out.append(NativeToken(f"{cell_tag}_open", cell_tag))
                    out.append(
                        NativeToken("inline", "", lines, children=self.inline(cell.children))
                    )
                    out.append(_closing(f"{cell_tag}_close", cell_tag))
                out.append(_closing("tr_close", "tr"))
            out.append(_closing(f"{part.name}_close", part.name))
        out.append(_closing("table_close", "table"))

    def footnotes(self, node: Any) -> None:
        out = self.out
        defs = [child for child in node.children if child.name == "footnote_def"]
        numbered = [
            (self.footnote_ids[d.meta["def_id"]], d)
            for d in defs
            if d.meta.get("def_id") in self.footnote_ids
        ]
        if not numbered:
            return
        out.append(NativeToken("footnote_block_open"))
        for number, definition in sorted(numbered, key=lambda pair: pair[0]):
            label = definition.meta.get("label")
            out.append(NativeToken("footnote_open", meta={"id": number, "label": label}))
            for child in definition.children:
                self.block(child)
            out.append(_closing("footnote_close"))
        out.append(_closing("footnote_block_close"))

    def label(self, node: Any) -> str:
        """An image's alt text as written ('![alt *e*](u)': 'alt *e*')."""
        span = node.srcmap
        found = _label(self.data, span[0] + 1) if span is not None else None
        return found if found is not None else _plain(node)

    # -- inline ---------------------------------------------------------------------------
    def inline(self, nodes: list[Any]) -> list[NativeToken]:
        out: list[NativeToken] = []
        self._inline(nodes, out)
        return out

    def _inline(self, nodes: list[Any], out: list[NativeToken]) -> None:
        for node in nodes:
            name = node.name
            if name in ("text", "text_special"):
                out.append(NativeToken("text", content=str(node.meta.get("content", ""))))
            elif name in ("softbreak", "hardbreak"):
                out.append(_closing(name))  # carries nothing either
            elif name == "code_inline":
                out.append(NativeToken("code_inline", content=_plain(node)))
            elif name == "image":  # markdown-it-py keeps the alt text as written
                out.append(NativeToken("image", content=self.label(node)))
            elif name in ("link", "autolink"):
                out.append(NativeToken("link_open", attrs={"href": str(node.meta.get("url", ""))}))
                self._inline(node.children, out)
                out.append(_closing("link_close"))
            elif name == "footnote_ref":
                number = self.footnote_ids.get(node.meta.get("def_id"), 0)
                out.append(NativeToken("footnote_ref", meta={"id": number}))
            elif name in ("html_inline", "footnote_ref_anchor"):
                pass
            else:
                self._inline(node.children, out)


def _label(data: bytes, start: int) -> str | None:
    """The text between the '[' at ``start`` and its closing ']' (brackets nest, a
    backslash escapes), as written; None if it does not close."""
    depth = 0
    index = start
    end = len(data)
    while index < end:
        byte = data[index]
        if byte == 0x5C:  # backslash
            index += 2
            continue
        if byte == 0x5B:
            depth += 1
        elif byte == 0x5D:
            depth -= 1
            if depth == 0:
                return data[start + 1 : index].decode("utf-8", "replace")
        index += 1
    return None


def _plain(node: Any) -> str:
    """The text of an inline node's descendants, as markdown-it-py gives an image's alt."""
    parts: list[str] = []
    stack = [node]
    while stack:
        current = stack.pop()
        if current.name in ("text", "text_special"):
            parts.append(str(current.meta.get("content", "")))
        elif current.name in ("softbreak", "hardbreak"):
            parts.append("\n")
        stack.extend(reversed(current.children))
    return "".join(parts)
