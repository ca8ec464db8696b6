"""HTML pages: single posts and archive pages, read with lxml.

lxml (libxml2's HTML parser) is fast, maintained, forgiving of broken markup, and gives every
element its source line, so spans and warnings point into the page. The post content is found
from the usual CMS containers (article, main, entry-content, …) with a text-density fallback;
headers, navigation, sidebars, footers, comments, share buttons and reading-time widgets
become chrome.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import TYPE_CHECKING, Any

from ..inputs import NoteMeta, Source, SourceBuilder
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
_CHROME_CLASS = re.compile(
    r"(?:^|[\s_-])(?:comments?|respond|comment-respond|share|sharing|sharedaddy|social|related|"
    r"sidebar|widget|reading-time|read-time|readtime|breadcrumbs?|pagination|nav-links|"
    r"post-navigation|subscribe|newsletter|skip-link|screen-reader-text|author-bio|byline|"
    r"entry-meta|post-meta|entry-footer|tags-links|cat-links|site-header|site-footer|"
    r"clap|claps|highlight-menu)(?:$|[\s_-])",
    re.IGNORECASE,
)
_CHROME_ROLES = ("navigation", "banner", "contentinfo", "complementary")
_POST_CLASS = re.compile(r"(?:^|\s)(?:post|hentry|h-entry|type-post|blog-post|entry)(?:$|\s)", re.I)
_CONTENT_CLASS = re.compile(
    r"(?:^|\s)(?:entry-content|post-content|e-content|post-body|article-content|article-body|"
    r"gh-content|post-full-content|markup|blog-content|content-body|entry-body)(?:$|\s)",
    re.IGNORECASE,
)
_TITLE_CLASS = re.compile(r"(?:^|\s)(?:entry-title|post-title|p-name|article-title)(?:$|\s)", re.I)
_FOOTNOTE_ID = re.compile(r"^(?:fn|footnote|note)[-:_]?(\d+)$", re.I)
_FOOTNOTE_REF = re.compile(r"^#(?:fn|footnote|note)[-:_]?(\d+)$", re.I)
_BACKREFS = re.compile(r"[\s↩︎]+$")
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
# Control characters libxml2 refuses; they carry no text, so they become spaces.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_PUBLISHED_KEYS = ("article:published_time", "date", "dc.date", "pubdate", "publish-date")
_KEPT_KEYS = ("og:url", "description", "og:description", "author", "article:author")
_DENSE_TAGS = ("p", "ul", "ol", "blockquote", "h2", "h3")

Rows = list[tuple[str, tuple[LinkRef, ...]]]


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


def _folded(rows: Rows) -> tuple[str, tuple[LinkRef, ...]]:
    """Rows joined into one line of text, with all their links."""
    text = " ".join(text for text, _ in rows if text)
    return text, tuple(link for _, links in rows for link in links)


class _Walker:
    """Turns an element's content into lines, in the conventions the recognisers read."""

    def __init__(self, out: SourceBuilder, skip: set[HtmlElement]) -> None:
        self.out = out
        self.skip = skip
        self.chrome: list[HtmlElement] = []

    def inline(self, element: HtmlElement) -> Rows:
        """The text of ``element`` outside nested blocks, one row per <br>, with link targets."""
        rows: list[tuple[str, list[LinkRef]]] = [("", [])]

        def emit(text: str | None) -> None:
            if text:
                rows[-1] = (rows[-1][0] + text, rows[-1][1])

        def walk(node: HtmlElement, top: bool) -> None:
            tag = _tag(node)
            if not top and (tag in DROP_TAGS or node in self.skip or tag in BLOCK_TAGS - {"p"}):
                emit(node.tail)  # nested blocks are read on their own
                return
            if tag == "br":
                rows.append(("", []))
            elif tag == "img":
                emit(node.get("alt", ""))
            elif tag == "a" and not top:
                href = node.get("href", "") or ""
                text = node.text_content()
                reference = _FOOTNOTE_REF.match(href)
                if reference is not None and text.strip().strip("[]").isdigit():
                    emit(f"[{reference.group(1)}]")
                else:
                    if href.startswith(("http://", "https://")):
                        rows[-1][1].append(LinkRef(href, " ".join(text.split()) or None))
                    emit(text)
            else:
                emit(node.text)
                for child in node:
                    walk(child, False)
            if not top:
                emit(node.tail)

        walk(element, True)
        return [(" ".join(text.split()), tuple(urls)) for text, urls in rows]

    def block(self, element: HtmlElement, depth: int = 0, hint: Role | None = None) -> None:
        """Read one block element (and what it holds) into lines."""
        tag = _tag(element)
        if tag in DROP_TAGS or element in self.skip:
            return
        if _is_chrome(element):
            self.chrome.append(element)
            return
        origin = _line(element)
        if tag in HEADINGS:
            text, urls = _folded(self.inline(element))
            self._paragraph([(text, urls)], origin, hint or "heading")
        elif tag in ("ul", "ol"):
            self._list(element, depth)
        elif tag == "table":
            self.out.gap(origin)
            for row in element.iter("tr"):
                cells = [" ".join(c.text_content().split()) for c in row if _tag(c) in ("td", "th")]
                self.out.add_folded(" | ".join(cells), _line(row), "code")
            self.out.gap(origin)
        elif tag == "pre":
            self.out.gap(origin)
            for offset, row in enumerate(element.text_content().splitlines()):
                self.out.add_folded(row, origin + offset, "code")
            self.out.gap(origin)
        elif tag == "blockquote":
            self._container(element, depth, "quote")
        elif tag == "hr":
            self.out.gap(origin)
        elif tag == "figcaption":
            self._paragraph(self.inline(element), origin, "quote")  # a caption is not a heading
        elif tag in ("p", "dt", "dd", "summary", "address") or not _has_blocks(element):
            self._paragraph(self.inline(element), origin, hint)
        else:
            self._container(element, depth, hint)

    def _paragraph(self, rows: Rows, origin: int, hint: Role | None, **facts: Any) -> None:
        if any(text for text, _ in rows):
            self.out.gap(origin)
            for text, links in rows:
                folded = " ".join(text.split())
                if folded:
                    self.out.add(folded, origin, hint, links=links, **facts)
                    facts = {}
            self.out.gap(origin)

    def _list(self, element: HtmlElement, depth: int) -> None:
        out = self.out
        if depth == 0:
            out.gap(_line(element))
        start = element.get("start", "1") or "1"
        number = int(start) if start.isascii() and start.isdigit() and len(start) < 10 else 1
        first = True
        for item in element:
            if _tag(item) != "li":
                continue
            text, urls = _folded(self.inline(item))
            footnote = _FOOTNOTE_ID.match(item.get("id", "") or "")
            if footnote is not None:
                body = _BACKREFS.sub("", text)
                note = int(footnote.group(1)) if len(footnote.group(1)) < 10 else None
                self._paragraph([(body, urls)], _line(item), "footnote", number=note)
                continue
            ordered = _tag(element) == "ol"
            checked, text = task_state(text)
            if text:
                out.add(
                    text, _line(item), "list_item", links=urls, level=depth + 1,
                    ordered=ordered, number=number if ordered else None, checked=checked,
                    opens_list=first,
                )  # fmt: skip
                first = False
            number += 1
            for child in item:
                if _tag(child) in ("ul", "ol"):
                    self._list(child, depth + 1)
                elif _tag(child) in BLOCK_TAGS - {"p"}:
                    self.block(child, depth + 1, "quote")
        if depth == 0:
            out.gap(_line(element))

    def _container(self, element: HtmlElement, depth: int, hint: Role | None) -> None:
        """A container's blocks in order; loose text between them is a paragraph too."""
        if element.text and element.text.strip():
            self._paragraph([(element.text, ())], _line(element), hint)
        for child in element:
            tag = _tag(child)
            if not tag:
                pass
            elif tag in BLOCK_TAGS or tag in CHROME_TAGS:
                self.block(child, depth, hint)
            elif tag not in DROP_TAGS and child not in self.skip:
                self._paragraph(self.inline(child), _line(child), hint)
            if child.tail and child.tail.strip():
                self._paragraph([(child.tail, ())], _line(child), hint)


def _date(text: str | None) -> dt.date | None:
    parsed = read_date(text.strip()) if text else None
    return parsed.resolved() if parsed else None


def _json_ld(root: HtmlElement) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for script in root.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except ValueError:
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

    def __init__(self, root: HtmlElement) -> None:
        self.title: str | None = None
        self.published: dt.date | None = None
        self.published_raw: str | None = None
        self.tags: list[str] = []
        self.metadata: dict[str, Any] = {}
        self.author: str | None = None
        self.url: str | None = None
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
        self.published = _date(value)
        if self.published is not None:
            self.published_raw = value
            self.metadata.setdefault("published_time", value)


def _posts(root: HtmlElement) -> list[HtmlElement]:
    """The post elements of a page: several on an archive page, one on a post's page."""
    candidates = [
        element
        for element in root.iter("article", "div", "section", "li")
        if _tag(element) == "article" or _POST_CLASS.search(_class(element))
    ]
    inside = {d for element in candidates for d in element.iterdescendants()}
    outermost = [
        e for e in candidates if e not in inside and not _is_chrome(e) and e.text_content().strip()
    ]
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


def _densest(root: HtmlElement) -> HtmlElement:
    """The element whose own paragraphs hold the most text (the text-density fallback)."""
    body = root.find(".//body")
    best, best_score = (body if body is not None else root), 0
    for element in root.iter("div", "section", "td", "main", "article"):
        if _is_chrome(element):
            continue
        score = sum(len(child.text_content()) for child in element if _tag(child) in _DENSE_TAGS)
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
    holders = {ancestor for post in posts for ancestor in post.iterancestors()}
    found: list[HtmlElement] = []

    def collect(element: HtmlElement) -> None:
        for child in element:
            if not _tag(child) or child in posts:
                continue
            if child in holders:
                collect(child)
            elif child.text_content().strip():
                found.append(child)

    body = root.find(".//body")
    collect(body if body is not None else root)
    order = {element: index for index, element in enumerate(root.iter())}
    first = order.get(posts[0], 0) if posts else 0
    return [e for e in found if order[e] < first], [e for e in found if order[e] > first]


def _chrome_lines(element: HtmlElement, skip: set[HtmlElement]) -> list[tuple[str, int]]:
    """The text of a chrome element, one line per innermost block, leaving out ``skip``."""
    kinds = BLOCK_TAGS | {"a", "li", "span"}
    blocks = [e for e in element.iter() if _tag(e) in kinds]
    leaves = [e for e in blocks if not _has_blocks(e)] or [element]
    found: list[tuple[str, int]] = []
    for leaf in leaves:
        if leaf in skip or any(a in skip for a in leaf.iterancestors()):
            continue
        text = " ".join(leaf.text_content().split())
        if text and not any(text in seen for seen, _ in found):
            found.append((text, _line(leaf)))
    return found


def _emit_chrome(
    out: SourceBuilder, elements: list[HtmlElement], skip: set[HtmlElement] | None = None
) -> None:
    for element in elements:
        for text, origin in _chrome_lines(element, skip or set()):
            out.gap(origin)
            out.add_folded(text, origin, "chrome")
            out.gap(origin)


def _drop_unwanted(root: HtmlElement) -> None:
    """Drop scripts, forms, embeds and the like; a task list's checkbox becomes the '[ ]' or
    '[x]' it shows, so the item keeps its state."""
    for element in list(root.iter(*DROP_TAGS)):
        parent = element.getparent()
        if parent is None:
            continue
        if _tag(element) == "input" and (element.get("type") or "").lower() == "checkbox":
            box = "[x] " if element.get("checked") is not None else "[ ] "
            element.tail = box + (element.tail or "").lstrip()
        element.drop_tree()


def _read_post(out: SourceBuilder, post: HtmlElement, page: _Page | None) -> NoteMeta:
    """One post's lines: its title, content and in-post chrome. ``page``: a single post's
    page, whose own title and date stand in for missing ones."""
    title_element = _title_of(post)
    title = " ".join(title_element.text_content().split()) if title_element is not None else ""
    if not title and page is not None:
        title = page.title or ""
    time = post.find(".//time")
    raw_date = (time.get("datetime") or time.text_content()).strip() if time is not None else None
    date = _date(raw_date)
    if date is None and page is not None:
        date, raw_date = page.published, page.published_raw
    skip = {e for e in (title_element, time) if e is not None}
    out.gap(_line(post))
    if title:
        where = title_element if title_element is not None else post
        out.add_folded(title, _line(where), "title")
        out.gap(_line(post))
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
    walker = _Walker(out, skip)
    walker.block(content)
    in_post: list[HtmlElement] = []
    if content is not post:  # the post's own header, footer and widgets around its content
        around = [
            e
            for e in post.iterdescendants()
            if _is_chrome(e) and e is not content and content not in e.iterancestors()
        ]
        in_post = [e for e in around if not any(a in around for a in e.iterancestors())]
    _emit_chrome(out, [*in_post, *walker.chrome], skip)
    return meta


def read_html(text: str, *, name: str = "<html>") -> Source:
    """Read an HTML page into lines: one note per post, furniture as chrome."""
    import lxml.etree
    import lxml.html

    del name  # lxml reads any markup; there is nothing to report by name
    text = _CONTROL.sub(" ", _XML_DECLARATION.sub("", text.lstrip("\ufeff"), count=1))
    try:
        root = lxml.html.document_fromstring(text)
    except lxml.etree.ParserError:  # nothing but white space or comments: an empty page
        return SourceBuilder().build("html")
    page = _Page(root)
    _drop_unwanted(root)
    posts = _posts(root)
    out = SourceBuilder()
    before, after = _outside(root, posts)
    _emit_chrome(out, before)
    for post in posts:
        out.gap(_line(post))
        start = len(out.lines)
        out.note(_read_post(out, post, page if len(posts) == 1 else None), start)
    _emit_chrome(out, after)
    return out.build("html")


def fragment_lines(html: str) -> list[Line]:
    """The lines of an HTML fragment (a feed entry's content): no title, no page furniture."""
    import lxml.etree
    import lxml.html

    if not html.strip():
        return []
    html = _CONTROL.sub(" ", html)
    try:
        root = lxml.html.document_fromstring(f"<html><body><main>{html}</main></body></html>")
    except lxml.etree.ParserError:
        return []
    _drop_unwanted(root)
    out = SourceBuilder()
    main = root.find(".//main")
    walker = _Walker(out, set())
    walker.block(main if main is not None else root)
    _emit_chrome(out, walker.chrome)
    return out.lines
