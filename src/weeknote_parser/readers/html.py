"""HTML pages: single posts and archive pages, read with lxml.

lxml (libxml2's HTML parser) is fast, maintained, forgiving of broken markup, and gives every
element its source line, so spans and warnings point into the page. The post content is found
from the usual CMS containers (article, main, entry-content, …) with a text-density fallback;
headers, navigation, sidebars, footers, comments, share buttons and reading-time widgets
become chrome.

Every walk over the tree is iterative and visits each element a bounded number of times, so
time grows linearly with the page and no nesting depth can exhaust Python's stack. Markup
nested deeper than libxml2 can hold is flattened first, and lists deeper than
:data:`MAX_LIST_DEPTH` levels are read at that level: their text is kept, with a
``content-truncated`` warning, as is anything the parser still cannot keep.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

import lxml.etree
import lxml.html

from ..inputs import NoteMeta, Source, SourceBuilder, is_note_link
from ..lines import Line, LinkRef, Role, task_state
from ..models import YearSource
from ..weeks import Evidence, read_date

if TYPE_CHECKING:
    from lxml.html import HtmlElement

DROP_TAGS = (
    "script", "style", "noscript", "template", "svg", "iframe", "embed", "object", "form",
    "button", "input", "select", "textarea", "canvas", "video", "audio", "map",
)  # fmt: skip
CHROME_TAGS = ("header", "nav", "footer", "aside")
BLOCK_TAGS = frozenset(
    [
        "p",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "ul",
        "ol",
        "li",
        "blockquote",
        "pre",
        "figure",
        "figcaption",
        "table",
        "tr",
        "hr",
        "div",
        "section",
        "article",
        "main",
        "dl",
        "dt",
        "dd",
        "details",
        "summary",
        "address",
        "center",
    ]
)
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
# Blocks that inline text (a paragraph, a list item, a heading) leaves to be read on their own.
_NESTED_BLOCKS = BLOCK_TAGS - {"p"}
_CHROME_CLASS = re.compile(
    r"(?:^|[\s_-])(?:comments?|respond|comment-respond|share|sharing|sharedaddy|social|related|"
    r"sidebar|widget|reading-time|read-time|readtime|breadcrumbs?|pagination|nav-links|"
    r"post-navigation|subscribe|newsletter|skip-link|screen-reader-text|author-bio|byline|"
    r"entry-meta|post-meta|entry-footer|tags-links|cat-links|site-header|site-footer|"
    r"clap|claps|highlight-menu)(?:$|[\s_-])",
    re.IGNORECASE,
)
_CHROME_ROLES = ("navigation", "banner", "contentinfo", "complementary")
_POST_TAGS = ("article", "div", "section", "li")
_POST_CLASS = re.compile(r"(?:^|\s)(?:post|hentry|h-entry|type-post|blog-post|entry)(?:$|\s)", re.I)
_CONTENT_CLASS = re.compile(
    r"(?:^|\s)(?:entry-content|post-content|e-content|post-body|article-content|article-body|"
    r"gh-content|post-full-content|markup|blog-content|content-body|entry-body)(?:$|\s)",
    re.IGNORECASE,
)
_TITLE_CLASS = re.compile(r"(?:^|\s)(?:entry-title|post-title|p-name|article-title)(?:$|\s)", re.I)
# Numbers are ASCII digits only ('²' and '٣' are digits to str.isdigit), of a sensible length.
_FOOTNOTE_ID = re.compile(r"^(?:fn|footnote|note)[-:_]?([0-9]{1,6})$", re.I)
_FOOTNOTE_REF = re.compile(r"^#(?:fn|footnote|note)[-:_]?([0-9]{1,6})$", re.I)
_FOOTNOTE_NUMBER = re.compile(r"[0-9]{1,6}")
_LIST_START = re.compile(r"[0-9]{1,9}")
_BACKREF_CHARS = "↩\ufe0e"  # a footnote's link back to its reference: '↩︎'
# An XML declaration (closed or not: lxml refuses any in a str it is given).
_XML_DECLARATION = re.compile(r"^\s*<\?xml\b[^>]*>?", re.I)
# Control characters libxml2 refuses; they carry no text, so they become spaces. A lone
# surrogate (which no encoding can write) would end the parse: it becomes U+FFFD.
# Characters XML cannot hold (controls, U+FFFE, U+FFFF): lxml refuses them in the tree.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_PUBLISHED_KEYS = ("article:published_time", "date", "dc.date", "pubdate", "publish-date")
_KEPT_KEYS = ("og:url", "description", "og:description", "author", "article:author")
_DENSE_TAGS = ("p", "ul", "ol", "blockquote", "h2", "h3")
# The years a page's date may have, those the parser places weeks in. Others (CMS
# placeholders such as 0001-01-01, typos such as 9999-12-31) are ignored with a warning.
_FIRST_YEAR, _LAST_YEAR = 1900, 2200

# Markup nested deeper than this is flattened before parsing, when libxml2 (which holds 2,048
# levels with huge_tree) could not read the page as written.
MAX_DEPTH = 1024
# Lists nested deeper than this are read as items of the list at this depth (as Markdown's).
MAX_LIST_DEPTH = 100
_VOID_TAGS = frozenset(
    ("area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta",
     "param", "source", "track", "wbr")
)  # fmt: skip
_RAW_TEXT_TAGS = frozenset(
    ("script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "plaintext")
)
_IMPLIED_END_TAGS = frozenset(("p", "li", "dt", "dd", "option", "tr", "td", "th"))
_SEPARATING_TAGS = BLOCK_TAGS | frozenset((*CHROME_TAGS, "td", "th", "caption"))
# A comment's start, or a start or end tag. Possessive repeats keep a long run without '>'
# from being rescanned.
_ROWS = frozenset(("tr",))
_TABLES = frozenset(("table",))
_MARKUP = re.compile(r"<(?:(!--)|(/?)([A-Za-z][A-Za-z0-9:-]*+)[^<>]*+>)")

Rows = list[tuple[str, tuple[LinkRef, ...]]]
Problems = list[tuple[str, str, int | None]]
Walk = Iterator["Walk"]  # a walk over one element yields the walks of the elements it holds


def _tag(element: HtmlElement) -> str:
    tag = element.tag
    return tag if isinstance(tag, str) else ""


def _line(element: HtmlElement) -> int:
    return max(0, (element.sourceline or 1) - 1)


def _class(element: HtmlElement) -> str:
    return element.get("class", "") or ""


def _is_chrome(element: HtmlElement) -> bool:
    if _tag(element) in CHROME_TAGS or element.get("role") in _CHROME_ROLES:
        return True
    return bool(_CHROME_CLASS.search(f"{_class(element)} {element.get('id', '')}"))


def _has_blocks(element: HtmlElement) -> bool:
    return any(_tag(child) in BLOCK_TAGS for child in element)


MAX_TERM_CHARS = 90  # a definition term longer than this is text, not a heading


def _is_term(element: HtmlElement) -> bool:
    """Is ``element`` (a ``<dt>``) a short term with its description after it?"""
    following = element.getnext()
    text = " ".join(str(element.text_content()).split())
    return (
        following is not None
        and _tag(following) == "dd"
        and 0 < len(text) <= MAX_TERM_CHARS
        and not _has_blocks(element)
    )


def _folded(rows: Rows) -> tuple[str, tuple[LinkRef, ...]]:
    """Rows joined into one line of text, with all their links."""
    text = " ".join(text for text, _ in rows if text)
    return text, tuple(link for _, links in rows for link in links)


def _text(element: HtmlElement, leave_out: frozenset[str] = frozenset()) -> str:
    """The text of ``element`` (as ``text_content()``), without the elements whose tag is in
    ``leave_out`` (their tails are kept)."""
    if not leave_out:
        return str(element.text_content())
    parts: list[str] = [element.text or ""]
    todo: list[HtmlElement | str] = list(reversed(element))
    while todo:
        node = todo.pop()
        if isinstance(node, str):
            parts.append(node)
            continue
        if node.tail:
            todo.append(node.tail)
        tag = _tag(node)
        if tag and tag not in leave_out:  # a comment's own text is not text
            parts.append(node.text or "")
            todo.extend(reversed(node))
    return "".join(parts)


def _without_backrefs(text: str) -> str:
    """``text`` without the back-links and white space at its end. (A pattern anchored at
    the end, searched for, would scan each run of spaces once per space in it.)"""
    end = len(text)
    while end and (text[end - 1].isspace() or text[end - 1] in _BACKREF_CHARS):
        end -= 1
    return text[:end]


def _run(walk: Walk) -> None:
    """Run a walk and every walk it yields, depth first, on a stack of our own."""
    stack = [walk]
    while stack:
        inner = next(stack[-1], None)
        if inner is None:
            stack.pop()
        else:
            stack.append(inner)


class _Walker:
    """Turns an element's content into lines, in the conventions the recognisers read."""

    def __init__(self, out: SourceBuilder, skip: set[HtmlElement], problems: Problems) -> None:
        self.out = out
        self.skip = skip
        self.problems = problems
        self.chrome: list[HtmlElement] = []
        self.too_deep = False  # a list nested deeper than MAX_LIST_DEPTH was met

    def read(self, element: HtmlElement) -> None:
        """Read one block element and everything it holds into lines."""
        _run(self._block(element, 0, None))

    def inline(self, element: HtmlElement) -> tuple[Rows, list[HtmlElement]]:
        """The text of ``element`` outside nested blocks, one row per <br>, with link targets;
        and the nested blocks, in order, to be read on their own."""
        parts: list[list[str]] = [[]]
        links: list[list[LinkRef]] = [[]]
        nested: list[HtmlElement] = []
        todo: list[HtmlElement | str] = []
        tag = _tag(element)
        if tag == "br":
            parts.append([])
            links.append([])
        elif tag == "img":
            parts[-1].append(element.get("alt", "") or "")
        else:
            parts[-1].append(element.text or "")
            todo.extend(reversed(element))
        while todo:
            node = todo.pop()
            if isinstance(node, str):
                parts[-1].append(node)
                continue
            if node.tail:
                todo.append(node.tail)  # after the node's own text
            tag = _tag(node)
            if not tag or tag in DROP_TAGS or node in self.skip:
                continue  # comments, dropped elements, the title: only their tails are text
            if tag in _NESTED_BLOCKS:
                nested.append(node)
            elif tag == "br":
                parts.append([])
                links.append([])
            elif tag == "img":
                parts[-1].append(node.get("alt", "") or "")
            elif tag == "a":
                href = node.get("href", "") or ""
                text = str(node.text_content())
                reference = _FOOTNOTE_REF.match(href)
                if reference is not None and _FOOTNOTE_NUMBER.fullmatch(text.strip().strip("[]")):
                    parts[-1].append(f"[{reference.group(1)}]")
                else:
                    if is_note_link(href):
                        links[-1].append(LinkRef(href, " ".join(text.split()) or None))
                    parts[-1].append(text)
            else:
                if tag == "p":  # a paragraph inside inline text is set apart by spaces
                    parts[-1].append(" ")
                    todo.append(" ")
                parts[-1].append(node.text or "")
                todo.extend(reversed(node))
        rows = [
            (" ".join("".join(row).split()), tuple(urls))
            for row, urls in zip(parts, links, strict=True)
        ]
        return rows, nested

    def _block(self, element: HtmlElement, depth: int, hint: Role | None) -> Walk:
        """Read one block element; yields the walks of the blocks it holds."""
        tag = _tag(element)
        if tag in DROP_TAGS or element in self.skip:
            return
        if _is_chrome(element):
            self.chrome.append(element)
            return
        origin = _line(element)
        if tag in HEADINGS:
            rows, nested = self.inline(element)
            if hint is None:
                self._paragraph([_folded(rows)], origin, "heading", level=int(tag[1]))
            else:
                self._paragraph([_folded(rows)], origin, hint)
            yield from self._blocks(nested, depth, hint)
        elif tag == "dt" and hint is None and _is_term(element):
            # A definition list's term heads the description below it ('Umap', then what
            # was done on it), as a heading of no level.
            rows, nested = self.inline(element)
            self._paragraph([_folded(rows)], origin, "heading")
            yield from self._blocks(nested, depth, hint)
        elif tag in ("ul", "ol"):
            yield from self._list(element, depth)
        elif tag == "table":
            self._table(element)
        elif tag == "pre":
            self.out.gap(origin)
            for offset, row in enumerate(_text(element).splitlines()):
                self.out.add_folded(row, origin + offset, "code")
            self.out.gap(origin)
        elif tag == "blockquote":
            yield from self._container(element, depth, "quote")
        elif tag == "hr":
            self.out.gap(origin)
        elif tag == "figcaption":
            rows, nested = self.inline(element)
            self._paragraph(rows, origin, "quote")  # a caption is not a heading
            yield from self._blocks(nested, depth, "quote")
        elif tag in ("p", "dt", "dd", "summary", "address") or not _has_blocks(element):
            rows, nested = self.inline(element)
            self._paragraph(rows, origin, hint)
            yield from self._blocks(nested, depth, hint)
        else:
            yield from self._container(element, depth, hint)

    def _blocks(self, elements: Iterable[HtmlElement], depth: int, hint: Role | None) -> Walk:
        for element in elements:
            yield self._block(element, depth, hint)

    def _paragraph(self, rows: Rows, origin: int, hint: Role | None, **facts: Any) -> None:
        if any(text for text, _ in rows):
            self.out.gap(origin)
            for text, links in rows:
                folded = " ".join(text.split())
                if folded:
                    self.out.add(folded, origin, hint, links=links, **facts)
                    facts = {}  # a footnote's number goes on its first line
            self.out.gap(origin)

    def _table(self, table: HtmlElement) -> None:
        """One line per row, cells joined by '|'; a table inside a cell gives its own rows.
        Text outside the rows (a caption) comes first, text in a row outside its cells is a
        cell of its own."""
        origin = _line(table)
        self.out.gap(origin)
        self.out.add_folded(_text(table, _ROWS), origin, "code")
        for row in table.iter("tr"):
            parts: list[tuple[str, bool]] = [(row.text or "", False)]  # (text, is a cell)
            for child in row:
                tag = _tag(child)
                if tag and tag != "table":  # a table's rows are read on their own
                    parts.append((_text(child, _TABLES), tag in ("td", "th")))
                parts.append((child.tail or "", False))
            cells = []
            for text, is_cell in parts:
                folded = " ".join(text.split())
                if folded or is_cell:  # an empty cell keeps its place
                    cells.append(folded)
            self.out.add_folded(" | ".join(cells), _line(row), "code")
        self.out.gap(origin)

    def _list(self, element: HtmlElement, depth: int) -> Walk:
        out = self.out
        if depth == 0:
            out.gap(_line(element))
        start = (element.get("start") or "").strip()
        number = int(start) if _LIST_START.fullmatch(start) else 1
        ordered = _tag(element) == "ol"
        if depth > MAX_LIST_DEPTH and not self.too_deep:
            self.too_deep = True
            self.problems.append(
                (
                    "content-truncated",
                    f"lists nested deeper than {MAX_LIST_DEPTH} levels (from line "
                    f"{_line(element) + 1}) are read as items of the list at that level",
                    None,
                )
            )
        level = min(depth, MAX_LIST_DEPTH) + 1
        opens = True  # the next item is the list's first
        if element.text and element.text.strip():  # text outside any item is kept too
            self._paragraph([(element.text, ())], _line(element), "quote")
        for item in element:
            tag = _tag(item)
            if tag == "li":
                rows, nested = self.inline(item)
                text, urls = _folded(rows)
                footnote = _FOOTNOTE_ID.match(item.get("id", "") or "")
                if footnote is not None:
                    body = _without_backrefs(text)
                    note = int(footnote.group(1))
                    self._paragraph([(body, urls)], _line(item), "footnote", number=note)
                else:
                    checked, text = task_state(text)
                    if text:
                        out.add(
                            text, _line(item), "list_item", links=urls, level=level,
                            ordered=ordered, number=number if ordered else None,
                            checked=checked, opens_list=opens,
                        )  # fmt: skip
                        opens = False
                    number += 1
                for child in nested:
                    if _tag(child) in ("ul", "ol"):
                        yield self._list(child, depth + 1)
                    else:
                        yield self._block(child, depth + 1, "quote")
            elif tag:
                yield self._block(item, depth + 1, "quote")
            if item.tail and item.tail.strip():
                self._paragraph([(item.tail, ())], _line(item), "quote")
        if depth == 0:
            out.gap(_line(element))

    def _container(self, element: HtmlElement, depth: int, hint: Role | None) -> Walk:
        """A container's blocks in order; loose text between them is a paragraph too."""
        if element.text and element.text.strip():
            self._paragraph([(element.text, ())], _line(element), hint)
        for child in element:
            tag = _tag(child)
            if not tag:
                pass
            elif tag in BLOCK_TAGS or tag in CHROME_TAGS:
                yield self._block(child, depth, hint)
            elif tag not in DROP_TAGS and child not in self.skip:
                rows, nested = self.inline(child)
                self._paragraph(rows, _line(child), hint)
                yield from self._blocks(nested, depth, hint)
            if child.tail and child.tail.strip():
                self._paragraph([(child.tail, ())], _line(child), hint)


def _date(text: str | None, problems: Problems, line: int | None) -> dt.date | None:
    """The calendar date ``text`` gives; a full date not in the calendar, or in a year outside
    1900–2200, is ignored with an ``invalid-date`` warning."""
    text = text.strip() if text else ""
    parsed = read_date(text) if text else None
    if parsed is None:
        return None
    day = parsed.resolved()
    if day is not None and _FIRST_YEAR <= day.year <= _LAST_YEAR:
        return day
    if parsed.day is not None and parsed.month is not None and parsed.year is not None:
        shown = repr(text if len(text) <= 40 else text[:40] + "…")
        reason = "not a date in the calendar" if day is None else "outside the years 1900–2200"
        problems.append(("invalid-date", f"the page's date {shown} is {reason}", line))
    return None


def _json_ld(root: HtmlElement) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for script in root.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except (ValueError, RecursionError):  # not JSON, or nested too deeply to read
            continue
        if isinstance(data, dict):
            data = data.get("@graph", [data])
        if isinstance(data, list):
            found.extend(item for item in data if isinstance(item, dict))
    return found


def _person(value: Any) -> str | None:
    """A JSON-LD author: a name, a Person, or a list of them."""
    if isinstance(value, list):
        names = [name for item in value if (name := _person(item))]
        return ", ".join(names) or None
    if isinstance(value, dict):
        value = value.get("name")
    return " ".join(value.split()) or None if isinstance(value, str) else None


class _Page:
    """What a page says about itself: title, publication date, tags, metadata."""

    def __init__(self, root: HtmlElement, problems: Problems) -> None:
        self.title: str | None = None
        self.published: dt.date | None = None
        self.published_raw: str | None = None
        self.tags: list[str] = []
        self.metadata: dict[str, Any] = {}
        self.author: str | None = None
        self.url: str | None = None
        self.problems = problems
        for element in root.iter("meta"):
            key = (element.get("property") or element.get("name") or "").lower()
            value = element.get("content")
            if key and value is not None:
                self._meta(key, value)
        for item in _json_ld(root):
            if self.published is None and isinstance(item.get("datePublished"), str):
                self._publish(item["datePublished"])
            if self.title is None and isinstance(item.get("headline"), str):
                self.title = item["headline"].strip() or None
            if self.author is None:
                self.author = _person(item.get("author"))
        for link in root.iter("link"):
            if link.get("rel") == "canonical" and link.get("href"):
                self.metadata["canonical"] = link.get("href")
                self.url = str(link.get("href"))
        title = root.find(".//title")
        if self.title is None and title is not None and title.text and title.text.strip():
            self.title = " ".join(title.text.split())

    def _meta(self, key: str, value: str) -> None:
        if key in ("author", "article:author") and value.strip() and self.author is None:
            self.author = " ".join(value.split())
        if key == "og:url" and value.strip().startswith(("http://", "https://")):
            self.url = self.url or value.strip()
        if key == "og:title":
            self.title = value.strip() or self.title
        elif key in _PUBLISHED_KEYS and self.published is None:
            self._publish(value)
        elif key == "article:tag":
            self.tags.append(value.strip())
        elif key == "keywords":
            self.tags.extend(tag.strip() for tag in value.split(",") if tag.strip())
        elif key in _KEPT_KEYS:
            self.metadata.setdefault(key, value)

    def _publish(self, value: str) -> None:
        self.published = _date(value, self.problems, None)
        if self.published is not None:
            self.published_raw = value
            self.metadata.setdefault("published_time", value)


def _posts(root: HtmlElement) -> list[HtmlElement]:
    """The post elements of a page: several on an archive page, one on a post's page."""
    outermost: list[HtmlElement] = []
    inside = 0  # how many candidates hold the element being walked
    for event, element in lxml.etree.iterwalk(root, events=("start", "end"), tag=_POST_TAGS):
        if _tag(element) != "article" and not _POST_CLASS.search(_class(element)):
            continue
        if event == "end":
            inside -= 1
            continue
        if inside == 0 and not _is_chrome(element) and _text(element).strip():
            outermost.append(element)
        inside += 1
    if outermost:
        return outermost
    for path in (".//main", ".//*[@role='main']"):
        found = root.find(path)
        if found is not None:
            return [found]
    for element in root.iter():
        if _CONTENT_CLASS.search(_class(element)):
            return [element]
    return [_densest(root)]


def _text_sizes(root: HtmlElement) -> dict[HtmlElement, int]:
    """The length of every element's text (``text_content()``), in one pass."""
    elements = list(root.iter())
    size: dict[HtmlElement, int] = {}
    for element in reversed(elements):  # each element after everything it holds
        total = len(element.text or "") if _tag(element) else 0
        for child in element:
            total += size[child] + len(child.tail or "")
        size[element] = total
    return size


def _densest(root: HtmlElement) -> HtmlElement:
    """The element whose own paragraphs hold the most text (the text-density fallback)."""
    body = root.find(".//body")
    best, best_score = (body if body is not None else root), 0
    size = _text_sizes(root)
    for element in root.iter("div", "section", "td", "main", "article"):
        if _is_chrome(element):
            continue
        score = sum(size[child] for child in element if _tag(child) in _DENSE_TAGS)
        if score > best_score:
            best, best_score = element, score
    return best


def _title_of(post: HtmlElement) -> HtmlElement | None:
    for element in post.iter("h1", "h2", "h3", "a", "div", "span"):
        if _TITLE_CLASS.search(_class(element)):
            return element
    for tag in ("h1", "h2"):
        element = post.find(f".//{tag}")
        if element is not None:
            return element
    return None


def _content_of(post: HtmlElement) -> HtmlElement:
    for element in post.iter():
        if _CONTENT_CLASS.search(_class(element)):
            return element
    found = post.find(".//*[@itemprop='articleBody']")
    return found if found is not None else post


def _outside(root: HtmlElement, posts: list[HtmlElement]) -> tuple[list[Any], list[Any]]:
    """Everything outside the posts (site header, page title, navigation, footer): the
    largest elements holding no post, split into those before the first post and after."""
    holders: set[HtmlElement] = set()
    for post in posts:
        for ancestor in post.iterancestors():
            if ancestor in holders:
                break  # and so are all of its own ancestors
            holders.add(ancestor)
    post_set = set(posts)
    body = root.find(".//body")
    start = body if body is not None else root
    if start in post_set or not post_set.isdisjoint(start.iterancestors()):
        return [], []  # the whole page is the post
    found: list[HtmlElement] = []
    split: int | None = None  # how many were found before the first post
    todo = list(reversed(start))
    while todo:
        child = todo.pop()
        if not _tag(child):
            continue
        if child in post_set:
            if split is None:
                split = len(found)
        elif child in holders:
            todo.extend(reversed(child))
        elif _text(child).strip():
            found.append(child)
    split = 0 if split is None or not posts else split
    return found[:split], found[split:]


def _chrome_lines(element: HtmlElement, skip: set[HtmlElement]) -> list[tuple[str, int]]:
    """The text of a chrome element, one line per innermost block, leaving out ``skip``.

    A block is a leaf when nothing below it is a block (a link wrapping a card of blocks is
    read block by block); of leaves inside leaves, the outermost holds all the text. Links
    side by side with nothing between them (a menu) are a line each. Every line is kept as
    the page shows it, repeats included ('Read More' under each card); the text an element
    holds beside its blocks is a line of its own, before theirs."""
    kinds = BLOCK_TAGS | frozenset(CHROME_TAGS) | {"a", "li", "span"}
    holders = _holding_blocks(element)
    found: list[tuple[str, int]] = []
    leaves = 0
    inside = 0  # how many leaves or skipped elements hold the element being walked
    closing: set[HtmlElement] = set()  # the elements whose end event lowers ``inside``
    for event, node in lxml.etree.iterwalk(element, events=("start", "end")):
        if event == "end":
            if node in closing:
                closing.discard(node)
                inside -= 1
            continue
        leaf = _tag(node) in kinds and node not in holders
        leaves += leaf
        if node in holders and inside == 0 and node not in skip:
            own = " ".join(" ".join([node.text or "", *(c.tail or "" for c in node)]).split())
            if any(c.isalnum() for c in own):  # text beside its blocks ('© 2024 <div>…')
                found.append((own, _line(node)))
        if leaf and inside == 0 and node not in skip:
            for part in _link_run(node) or (node,):
                text = " ".join(_text(part).split())
                if text:
                    found.append((text, _line(part)))
        if leaf or node in skip:
            closing.add(node)
            inside += 1
    if leaves == 0 and element not in skip:
        text = " ".join(_text(element).split())
        if text:
            found.append((text, _line(element)))
    return found


_SEPARATORS = frozenset(" \t\n\r\xa0|·•/,–—-")


def _separator(text: str | None) -> bool:
    """Is ``text`` nothing but spaces and the marks that part menu items ('|', '·', '/')?"""
    return not text or all(c in _SEPARATORS for c in text)


def _link_run(element: HtmlElement) -> list[HtmlElement]:
    """The links of ``element`` when it holds two or more and nothing else but spaces,
    comments and the marks that part menu items (``<a>Home</a><a>About</a>``, ``<a>Home</a>
    <span>|</span> <a>About</a>``): each is an item of its own. Empty otherwise."""
    links: list[HtmlElement] = []
    if not _separator(element.text):
        return []
    for child in element:
        if not _separator(child.tail):
            return []
        if not isinstance(child.tag, str):
            continue  # a comment
        if _tag(child) == "a":
            links.append(child)
        elif len(child) or not _separator(child.text):
            return []
    return links if len(links) >= 2 else []


def _holding_blocks(element: HtmlElement) -> set[HtmlElement]:
    """The elements within ``element`` (itself included) that hold a block anywhere below
    them: a link wrapping a card of blocks, a column holding a ``<nav>``. Linear: each
    block marks its ancestors up to the first one marked already."""
    blocks = BLOCK_TAGS | frozenset(CHROME_TAGS)
    holders: set[HtmlElement] = set()
    for node in element.iterdescendants():
        if _tag(node) not in blocks:
            continue
        above = node.getparent()
        while above is not None and above not in holders:
            holders.add(above)
            if above is element:
                break
            above = above.getparent()
    return holders


def _emit_chrome(
    out: SourceBuilder, elements: list[HtmlElement], skip: set[HtmlElement] | None = None
) -> None:
    for element in elements:
        for text, origin in _chrome_lines(element, skip or set()):
            out.gap(origin)
            out.add_folded(text, origin, "chrome")
            out.gap(origin)


_STYLE_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_HIDING_CLASSES = frozenset(("hidden", "d-none", "is-hidden", "hide"))


_NEVER_HIDDEN = frozenset(("html", "body", "main", "article"))


def _is_hidden(element: HtmlElement) -> bool:
    """Does the page never show ``element``: a ``hidden`` attribute, an inline style that
    hides it, or a class that hides it at every screen size ('hidden', 'd-none'; not
    'hidden md:block', which shows it on wider screens)? Never the page's body, main part
    or an article, nor an element holding one or a title (a theme hides the page until its
    fonts load, and scripts show it)."""
    if _tag(element) in _NEVER_HIDDEN or not _hides(element):
        return False
    return next(element.iterdescendants("main", "article", "h1"), None) is None


def _hides(element: HtmlElement) -> bool:
    if element.get("hidden") is not None:
        return True
    style = element.get("style")
    if style and _STYLE_HIDDEN.search(style):
        return True
    names = _class(element).split()
    return any(n in _HIDING_CLASSES for n in names) and not any(
        ":" in n or (n.startswith("d-") and n != "d-none") for n in names
    )


def _drop_unwanted(root: HtmlElement) -> None:
    """Take out scripts, styles, media, forms and what the page hides, with what they hold,
    keeping their tails."""
    outermost: list[HtmlElement] = []
    going: HtmlElement | None = None  # the unwanted element being walked, if any
    for event, element in lxml.etree.iterwalk(root, events=("start", "end")):
        if not isinstance(element.tag, str):
            continue  # a comment or processing instruction
        if event == "end":
            if element is going:
                going = None
        elif going is None and (_tag(element) in DROP_TAGS or _is_hidden(element)):
            going = element  # what it holds goes with it, unexamined
            if element.getparent() is not None:
                outermost.append(element)
    # Grouped by parent, so each parent's text is rebuilt once however many children go.
    parents: dict[HtmlElement, None] = {}
    going = set(outermost)
    for element in outermost:
        parents.setdefault(element.getparent(), None)
    for parent in parents:
        kept: HtmlElement | None = None
        pending: list[str] = []
        for child in list(parent):
            if child in going:
                pending.append(_box(child) + (child.tail or ""))
                parent.remove(child)
                continue
            if pending:
                _append_text(parent, kept, pending)
                pending = []
            kept = child
        if pending:
            _append_text(parent, kept, pending)


def _box(element: HtmlElement) -> str:
    """What a task list's checkbox shows, '[x] ' or '[ ] ', so an item keeps its state;
    nothing for any other element dropped."""
    if _tag(element) != "input" or (element.get("type") or "").lower() != "checkbox":
        return ""
    if not any(_tag(above) == "li" for above in element.iterancestors()):
        return ""  # a menu's toggle, not a task
    return "[x] " if element.get("checked") is not None else "[ ] "


def _append_text(parent: HtmlElement, previous: HtmlElement | None, texts: list[str]) -> None:
    """Add ``texts`` after ``previous`` (a child of ``parent``; None: at the start)."""
    if previous is None:
        parent.text = (parent.text or "") + "".join(texts)
    else:
        previous.tail = (previous.tail or "") + "".join(texts)


MAX_HEADER_META_CHARS = 80  # a dated line of a post's header ('March 5, 2023 · 2 min')
MAX_HEADER_META = 2


def _header_of(
    post: HtmlElement, before: list[Any], page: _Page
) -> tuple[HtmlElement, list[HtmlElement]] | None:
    """A single post's header shown outside its article (a theme's hero block above the
    text: the title, then the date): its heading, when the post holds no heading of its own
    and a heading before it is the page's title, and the short dated lines beside it (not
    in a menu or another heading). The rest of the header stays furniture."""
    if page.title is None or _title_of(post) is not None:
        return None
    for element in before:
        if not _tag(element):
            continue
        for heading in element.iter("h1", "h2"):
            if " ".join(_text(heading).split()) == page.title:
                block = heading.getparent()
                return heading, [] if block is None else _header_meta(block, heading)
    return None


def _ancestors_below(node: HtmlElement, top: HtmlElement) -> list[HtmlElement]:
    """The elements between ``node`` and ``top`` (neither included)."""
    found = []
    for above in node.iterancestors():
        if above is top:
            break
        found.append(above)
    return found


def _header_meta(block: HtmlElement, heading: HtmlElement) -> list[HtmlElement]:
    """Up to two short dated lines of a post's header (its date, a reading time)."""
    holders = _holding_blocks(block)
    leave_out = frozenset((*CHROME_TAGS, *HEADINGS))
    found: list[HtmlElement] = []
    for node in block.iterdescendants():
        if len(found) == MAX_HEADER_META:
            break
        if not _tag(node) or node is heading or node in holders:
            continue
        within = _ancestors_below(node, block)
        if _tag(node) in leave_out or any(_tag(above) in leave_out for above in within):
            continue
        if any(above in found for above in within):
            continue
        text = " ".join(_text(node).split())
        if 0 < len(text) <= MAX_HEADER_META_CHARS and any(c.isdigit() for c in text):
            found.append(node)
    return found


def _read_post(
    out: SourceBuilder,
    post: HtmlElement,
    page: _Page | None,
    problems: Problems,
    header: tuple[HtmlElement, list[HtmlElement]] | None = None,
) -> NoteMeta:
    """One post's lines: its title, content and in-post chrome. ``page``: a single post's
    page, whose own title and date stand in for missing ones. ``header``: the heading and
    dated lines of the post's header outside it, which open the post."""
    first_line = len(out.lines)
    title_element = header[0] if header is not None else _title_of(post)
    title = " ".join(_text(title_element).split()) if title_element is not None else ""
    if not title and page is not None:
        title = page.title or ""
    time = post.find(".//time")
    raw_date = (time.get("datetime") or _text(time)).strip() if time is not None else None
    date = _date(raw_date, problems, first_line)
    if date is None and page is not None:
        date, raw_date = page.published, page.published_raw
    skip = {e for e in (title_element, time) if e is not None}
    out.gap(_line(post))
    if title:
        where = title_element if title_element is not None else post
        out.add_folded(title, _line(where), "title")
        out.gap(_line(post))
    for meta_line in header[1] if header is not None else ():  # the header's dated lines
        out.add_folded(" ".join(_text(meta_line).split()), _line(meta_line), None)
        out.gap(_line(meta_line))
    evidence: tuple[Evidence, ...] = ()
    if date is not None:
        line = _line(time) if time is not None else None
        evidence = (Evidence(date, YearSource.NOTE_DATE, raw_date or str(date), line),)
    meta = NoteMeta(
        evidence=evidence,
        author=page.author if page is not None else None,
        url=page.url if page is not None else None,
        tags=tuple(page.tags) if page is not None else (),
        metadata=dict(page.metadata) if page is not None else {},
    )
    content = _content_of(post)
    walker = _Walker(out, skip, problems)
    walker.read(content)
    _emit_chrome(out, [*_around(post, content, skip), *walker.chrome], skip)
    return meta


def _around(post: HtmlElement, content: HtmlElement, skip: set[HtmlElement]) -> list[Any]:
    """The post's own header, footer and widgets around its content: the largest elements
    outside the content with text (or chrome) that hold no part of it, in page order."""
    if content is post:
        return []
    holders = set(content.iterancestors())
    found: list[HtmlElement] = []
    todo = list(reversed(post))
    while todo:
        element = todo.pop()
        if not _tag(element) or element is content or element in skip:
            continue
        if element in holders:
            todo.extend(reversed(element))
        elif _is_chrome(element) or _text(element).strip():
            found.append(element)
    return found


def _flatten(text: str, limit: int = MAX_DEPTH) -> tuple[str, int | None]:
    """``text`` with its markup nested deeper than ``limit`` elements taken out, and the
    0-based line where that starts (None: nothing is that deep).

    Beyond the limit, tags that separate blocks become paragraph breaks (``<p>``), other tags
    go and their text stays, and elements whose content is never text (:data:`DROP_TAGS`) go
    with their content. Line breaks inside what is taken out are kept, so lines still match
    the original. Depth is estimated as libxml2 counts it, closely enough for a fallback."""
    pieces: list[str] = []
    stack: list[str] = []
    open_count: dict[str, int] = {}
    taken: dict[str, int] = {}  # tags opened beyond the limit, whose end tags go too
    first: int | None = None
    broken = -1  # where the last paragraph break put in ends
    copied = 0  # text[:copied] is in pieces
    position = 0
    while (match := _MARKUP.search(text, position)) is not None:
        position = match.end()
        if match.group(1):  # a comment: tags in it are not tags
            end = text.find("-->", position)
            if end < 0:
                break
            position = end + 3
            continue
        closing, name = match.group(2) == "/", match.group(3).lower()
        if name in _VOID_TAGS:
            continue
        replacement: str | None = None
        end = position
        if not closing:
            if name in _RAW_TEXT_TAGS:  # its text is never markup, and it holds no elements
                found = re.compile(rf"</{name}[\s/>]", re.I).search(text, position)
                if found is None:
                    break
                position = found.end()
                continue
            if name in _IMPLIED_END_TAGS and stack and stack[-1] == name:
                open_count[stack.pop()] -= 1
            if len(stack) < limit:
                stack.append(name)
                open_count[name] = open_count.get(name, 0) + 1
                continue
            if first is None:
                first = text.count("\n", 0, match.start())
            if name in DROP_TAGS:
                end = position = _end_of(text, name, position)
                replacement = ""
            else:
                taken[name] = taken.get(name, 0) + 1
                replacement = "<p>" if name in _SEPARATING_TAGS else ""
        elif taken.get(name):
            taken[name] -= 1
            replacement = "<p>" if name in _SEPARATING_TAGS else ""
        elif open_count.get(name):
            while stack:
                top = stack.pop()
                open_count[top] -= 1
                if top == name:
                    break
        if replacement is not None:
            if replacement and broken >= 0 and not text[broken : match.start()].strip():
                replacement = ""  # one break is enough between two texts
            elif replacement:
                broken = end
            pieces += [text[copied : match.start()], replacement]
            pieces.append("\n" * text.count("\n", match.start(), end))
            copied = end
    if first is None:
        return text, None
    pieces.append(text[copied:])
    return "".join(pieces), first


def _end_of(text: str, name: str, position: int) -> int:
    """Where the element ``name`` opened before ``position`` ends (with any of the same name
    it holds); the end of ``text`` if it is never closed."""
    tags = re.compile(rf"<(/?){name}(?=[\s/>])", re.I)
    depth = 1
    while (match := tags.search(text, position)) is not None:
        close = text.find(">", match.end())
        position = len(text) if close < 0 else close + 1
        depth += -1 if match.group(1) else 1
        if depth == 0:
            return position
    return len(text)


def _parse_markup(text: str) -> tuple[HtmlElement | None, list[Any]]:
    """The page's tree (None: nothing but white space or comments) and the fatal errors of
    its parse. huge_tree lifts libxml2's limits on depth (256 levels → 2,048) and on the size
    of one text (10 MB); the HTML parser reads no DTD, expands no entities but HTML's own and
    never touches the network."""
    parser = lxml.html.HTMLParser(huge_tree=True, no_network=True)
    try:
        root = lxml.html.document_fromstring(text, parser=parser)
    except lxml.etree.ParserError:
        return None, []
    fatal = [e for e in parser.error_log if e.level == lxml.etree.ErrorLevels.FATAL]
    return root, fatal


def _parse(text: str, problems: Problems) -> HtmlElement | None:
    """Parse a page, flattening nesting libxml2 cannot hold; report what is still lost."""
    text = text.lstrip("\ufeff")
    text = _XML_DECLARATION.sub("", text, count=1)
    text = _SURROGATE.sub("\ufffd", _CONTROL.sub(" ", text))
    root, fatal = _parse_markup(text)
    if fatal:
        flattened, first = _flatten(text)
        if first is not None:
            root, fatal = _parse_markup(flattened)
            problems.append(
                (
                    "content-truncated",
                    f"markup nested deeper than {MAX_DEPTH} levels (from line {first + 1}) "
                    "was flattened: its text is kept, its structure is not",
                    None,
                )
            )
    if fatal:
        error = fatal[0]
        problems.append(
            (
                "content-truncated",
                f"the page could not be read past line {error.line}: {error.message.strip()}",
                None,
            )
        )
    return root


def _holders(root: HtmlElement) -> list[HtmlElement]:
    """The elements that hold others, to be kept alive while the page is read. lxml makes a
    Python object for an element each time a walk meets it, and when that object goes it
    looks up through the element's ancestors for one still alive: held, the parent is one;
    otherwise each walk over a deep page grows with its depth times its size."""
    return [element for element in root.iter() if len(element)]


def _source(out: SourceBuilder, problems: Problems) -> Source:
    """The page's Source; a problem's line (one of ``out``'s) becomes its original line."""
    for code, message, line in problems:
        known = line is not None and line < len(out.lines)
        out.warn(code, message, out.lines[line].origin if known and line is not None else None)
    return out.build("html")


def read_html(text: str, *, name: str = "<html>") -> Source:
    """Read an HTML page into lines: one note per post, furniture as chrome."""
    del name  # lxml reads any markup; there is nothing to report by name
    problems: Problems = []
    out = SourceBuilder()
    root = _parse(text, problems)
    if root is None:  # nothing but white space or comments: an empty page
        return _source(out, problems)
    held = _holders(root)
    page = _Page(root, problems)
    _drop_unwanted(root)
    posts = _posts(root)
    before, after = _outside(root, posts)
    header = _header_of(posts[0], before, page) if len(posts) == 1 else None
    _emit_chrome(out, before, {header[0], *header[1]} if header is not None else None)
    for post in posts:
        out.gap(_line(post))
        start = len(out.lines)
        single = page if len(posts) == 1 else None
        out.note(_read_post(out, post, single, problems, header), start)
    _emit_chrome(out, after)
    del held
    return _source(out, problems)


def fragment_lines(html: str, warn: Callable[[str, str], None] | None = None) -> list[Line]:
    """The lines of an HTML fragment (a feed entry's content): no title, no page furniture.
    ``warn(code, message)`` hears of anything that could not be kept."""
    if not html.strip():
        return []
    problems: Problems = []
    out = SourceBuilder()
    root = _parse(f"<html><body><main>{html}</main></body></html>", problems)
    if root is not None:
        held = _holders(root)
        _drop_unwanted(root)
        main = root.find(".//main")
        walker = _Walker(out, set(), problems)
        walker.read(main if main is not None else root)
        _emit_chrome(out, walker.chrome)
        del held
    if warn is not None:
        for code, message, _ in problems:
            warn(code, message)
    return out.lines
