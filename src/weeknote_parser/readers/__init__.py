"""Input readers: bytes from a file or stdin become a Source the recognisers read, whatever
the format. Heavy parsers (markdown-it, lxml, feedparser, PyYAML) are imported only by the
reader that needs them, when that format is read."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from ..errors import InputError, OptionsError
from ..inputs import FORMATS, Format, Source, text_source
from ..options import ParseOptions
from ..weeks import DateOrder
from .paths import path_evidence, url_evidence

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
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
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)
_XML_ENCODING = re.compile(rb"""^<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""")


def declared_encoding(data: bytes, format: Format) -> str | None:
    """The encoding an HTML page or a feed declares in its first kilobytes, if any."""
    head = data[:4096]
    if format == "html":
        match = _META_CHARSET.search(head)
    elif format == "feed":
        match = _XML_ENCODING.match(head.lstrip())
    else:
        return None
    if match is None:
        return None
    name = match.group(1).decode("ascii").lower()
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode(
    data: bytes, *, name: str, encoding: str | None = None, format: Format = "text"
) -> tuple[str, str]:
    """Decode ``data``: the given encoding, else a BOM, else what an HTML page or a feed
    declares, else UTF-8. Returns the text and the encoding used; ``name`` is used in errors."""
    chosen = encoding
    if chosen is None:
        chosen = next((enc for bom, enc in _BOMS if data.startswith(bom)), None)
    if chosen is None:
        chosen = declared_encoding(data, format) or "utf-8"
    if chosen in ("utf-8", "utf8") and b"\x00" in data[:8192]:
        raise InputError("binary file (it contains NUL bytes), not a text weeknote", path=name)
    try:
        text = data.decode(chosen)
    except LookupError:
        raise InputError(f"unknown encoding {chosen!r}", path=name) from None
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        shown = chosen.upper().replace("-SIG", "")
        raise InputError(
            f"not valid {shown} text: undecodable byte 0x{data[error.start]:02x} at byte "
            f"offset {error.start} (choose another with --encoding)",
            path=name,
            line=line,
        ) from None
    return text, codecs.lookup(chosen).name.replace("utf-8-sig", "utf-8")


def read_bytes(path: Path) -> bytes:
    """Read a file's bytes, turning every OS failure into one clear :class:`InputError`."""
    name = str(path)
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file", path=name) from None
    except IsADirectoryError:
        raise InputError("is a directory, not a file", path=name) from None
    except PermissionError:
        raise InputError("permission denied", path=name) from None
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror or error}", path=name) from None


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
    text, used = decode(data, name=name, encoding=encoding, format=guess)
    if format is None and path is None:
        guess = sniff(text)
    source = read_text_as(text, guess, name=name, order=order)
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
        raise OptionsError(
            f"format: unknown format {chosen!r}; valid formats: {', '.join(FORMATS)}"
        )
    return locate(read_text_as(data, chosen, name=name, order=order), path=path, url=url)


def locate(
    source: Source, *, path: str | None, url: str | None, encoding: str | None = None
) -> Source:
    """``source`` with where it came from, and the date or week its file name or URL gives."""
    designation = None
    evidence = []
    for found in (path_evidence(path) if path else None, url_evidence(url) if url else None):
        if found is not None:
            designation = designation or found.designation
            evidence.extend(found.evidence)
    return source.located(
        path=path, url=url, encoding=encoding, designation=designation, evidence=tuple(evidence)
    )


def read_text_as(
    text: str, format: Format, *, name: str = "<text>", order: DateOrder = "dmy"
) -> Source:
    """Read ``text`` in the given format (not yet located)."""
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
    path: Path,
    *,
    format: Format | None = None,
    encoding: str | None = None,
    url: str | None = None,
    order: DateOrder = "dmy",
) -> Source:
    """Read a file into a Source."""
    return read_input(
        read_bytes(path),
        name=str(path),
        path=str(path),
        format=format,
        encoding=encoding,
        url=url,
        order=order,
    )
