"""Input readers: bytes from a file or stdin become a Source the recognisers read, whatever
the format. Heavy parsers (markdown-it, lxml, feedparser, PyYAML) are imported only by the
reader that needs them, when that format is read."""

from __future__ import annotations

import os
import re
from dataclasses import replace
from pathlib import Path

from ..errors import InputError, OptionsError
from ..inputs import FORMATS, Format, ReaderWarning, Source, text_source
from ..options import ParseOptions
from ..weeks import DateOrder
from .decoding import (
    MAX_BYTES,
    check_max_bytes,
    clean_text,
    declared_encoding,
    decode,
    decode_noting,
    display_name,
    first_bad_line,
    read_bytes,
    read_limited,
)
from .paths import PathFacts, path_evidence, url_evidence

__all__ = [
    "EXTENSIONS",
    "MAX_BYTES",
    "check_max_bytes",
    "clean_text",
    "declared_encoding",
    "decode",
    "detect_format",
    "display_name",
    "locate",
    "read_bytes",
    "read_input",
    "read_limited",
    "read_path",
    "read_source",
    "read_text_as",
    "sniff",
]

EXTENSIONS: dict[str, Format] = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
}


_FEED_START = re.compile(r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:rss|feed|rdf:RDF)\b", re.S)
_HTML_START = re.compile(
    r"^\s*(?:<!doctype\s+html|<html\b|<head\b|<body\b|<article\b|<div\b|<p\b)", re.I
)
_MARKDOWN_SIGNS = re.compile(
    r"^(?:#{1,6}\s+\S|---\s*$|\+\+\+\s*$|```|\s*[-*+]\s+\[[ x]\]\s)|\[[^\]]+\]\([^)]+\)|\*\*\S",
    re.M,
)


def detect_format(name: str | None, head: str) -> Format:
    """The format of a document: from its file extension, else by sniffing its start."""
    if name:
        suffix = Path(name).suffix.lower()
        if suffix in EXTENSIONS:
            return EXTENSIONS[suffix]
    return sniff(head)


def sniff(text: str) -> Format:
    """Guess the format from the text itself."""
    head = text[:4096].lstrip("\ufeff")
    if _FEED_START.match(head):
        return "feed"
    if _HTML_START.match(head):
        return "html"
    if _MARKDOWN_SIGNS.search(head):
        return "markdown"
    return "text"


def read_input(
    data: bytes,
    *,
    name: str,
    path: str | None = None,
    format: Format | None = None,
    encoding: str | None = None,
    url: str | None = None,
    order: DateOrder = "dmy",
) -> Source:
    """Turn ``data`` into a Source: decode, detect the format, read it, and locate it."""
    if format is not None and format not in FORMATS:
        raise InputError(f"unknown format {format!r}; valid formats: {', '.join(FORMATS)}")
    guess: Format = format or detect_format(path, data[:4096].decode("utf-8", "replace"))
    text, used, note = decode_noting(data, name=name, encoding=encoding, format=guess)
    if format is None and path is None:
        guess = sniff(text)
    source = read_text_as(text, guess, name=name, order=order)
    if note is not None:
        source = _warned(source, "charset-mismatch", note)
    return locate(source, path=path, url=url, encoding=used)


def read_source(
    data: bytes | str,
    options: ParseOptions,
    *,
    name: str = "<text>",
    path: str | None = None,
    url: str | None = None,
    format: Format | None = None,
    encoding: str | None = None,
) -> Source:
    """The one way a document becomes a Source, for the library and the command line alike:
    decode (bytes), detect the format, read it with the options, and locate it. ``format``
    None: from the path's extension, else sniffed."""
    order = options.date_order or "dmy"
    if isinstance(data, bytes):
        return read_input(
            data, name=name, path=path, format=format, encoding=encoding, url=url, order=order
        )
    chosen = format or detect_format(path, data[:4096])
    if chosen not in FORMATS:
        valid = ", ".join(FORMATS)
        raise OptionsError(f"format: unknown format {chosen!r}; valid formats: {valid}")
    return locate(read_text_as(data, chosen, name=name, order=order), path=path, url=url)


def _warned(source: Source, code: str, message: str, line: int | None = None) -> Source:
    return replace(source, warnings=(*source.warnings, ReaderWarning(code, message, line)))


def locate(
    source: Source, *, path: str | None, url: str | None, encoding: str | None = None
) -> Source:
    """``source`` with where it came from, and the date or week its file name or URL gives.

    A path or URL holding characters that are not text (a file name that is not valid UTF-8)
    is recorded with U+FFFD in their place; a URL that cannot be parsed gives no evidence. Both
    are reported as warnings."""
    if path is not None:
        path, bad = clean_text(path)
        if bad:
            message = "the file name is not valid UTF-8; shown with U+FFFD"
            source = _warned(source, "invalid-characters", message)
    if url is not None:
        url, bad = clean_text(url)
        if bad:
            message = "the URL holds characters that are not text; shown with U+FFFD"
            source = _warned(source, "invalid-characters", message)
    designation = None
    evidence = []
    found_in_url, problem = _url_evidence(url)
    if problem is not None:
        source = _warned(source, "bad-url", problem)
    for found in (path_evidence(path) if path else None, found_in_url):
        if found is not None:
            designation = designation or found.designation
            evidence.extend(found.evidence)
    return source.located(
        path=path, url=url, encoding=encoding or source.location.encoding,
        designation=designation, evidence=tuple(evidence),
    )  # fmt: skip


def _url_evidence(url: str | None) -> tuple[PathFacts | None, str | None]:
    if not url:
        return None, None
    try:
        return url_evidence(url), None
    except ValueError as error:  # urlsplit refuses it, e.g. 'http://[::1'
        return None, f"the URL cannot be parsed ({error}); it gives no evidence"


def read_text_as(
    text: str, format: Format, *, name: str = "<text>", order: DateOrder = "dmy"
) -> Source:
    """Read ``text`` in the given format (not yet located). Characters that are not text
    (lone surrogates, NUL) become U+FFFD, with an ``invalid-characters`` warning; a blank
    text is read as no notes, whatever the format."""
    cleaned, bad = clean_text(text)
    if not cleaned or cleaned.isspace():
        source = text_source(cleaned).located(format=format)
    else:
        source = _read_format(cleaned, format, name=name, order=order)
    if bad:
        plural = "s that are" if bad > 1 else " that is"
        source = _warned(
            source,
            "invalid-characters",
            f"{bad} character{plural} not text (NUL or a lone surrogate) replaced with U+FFFD",
            first_bad_line(text),
        )
    return source


def _read_format(text: str, format: Format, *, name: str, order: DateOrder) -> Source:
    if format == "markdown":
        from .markdown import read_markdown

        return read_markdown(text, name=name, order=order)
    if format == "html":
        from .html import read_html

        return read_html(text, name=name)
    if format == "feed":
        from .feed import read_feed

        return read_feed(text, name=name)
    return text_source(text)


def read_path(
    path: str | os.PathLike[str],
    *,
    format: Format | None = None,
    encoding: str | None = None,
    url: str | None = None,
    max_bytes: int = MAX_BYTES,
    order: DateOrder = "dmy",
) -> Source:
    """Read a file (at most ``max_bytes``) into a Source. A file name that is not valid UTF-8
    is shown with U+FFFD in messages and in the location's path."""
    name = display_name(path)
    data = read_bytes(path, max_bytes=max_bytes, name=name)
    return read_input(
        data, name=name, path=os.fsdecode(path), format=format, encoding=encoding, url=url,
        order=order,
    )  # fmt: skip
