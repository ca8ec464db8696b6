"""Input readers: bytes from a file or stdin become a Source the recognisers read, whatever
the format. Heavy parsers (markdown-it, lxml, feedparser, PyYAML) are imported only by the
reader that needs them, when that format is read."""

from __future__ import annotations

import codecs
import os
import re
import stat
from dataclasses import replace
from pathlib import Path
from typing import BinaryIO

from ..errors import InputError, OptionsError
from ..inputs import FORMATS, Format, ReaderWarning, Source, text_source
from ..options import ParseOptions
from ..weeks import DateOrder
from .paths import PathFacts, path_evidence, url_evidence

# The most bytes read from one input unless the caller says otherwise: far more than any
# weeknote, far less than the memory of a small machine.
MAX_BYTES = 64 * 1024 * 1024
_CHUNK = 1024 * 1024

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
    text, used, _ = decode_noting(data, name=name, encoding=encoding, format=format)
    return text, used


def decode_noting(
    data: bytes, *, name: str, encoding: str | None = None, format: Format = "text"
) -> tuple[str, str, str | None]:
    """:func:`decode`, with a note when the declared charset was not the one used: a page that
    declares a single-byte charset (latin-1, windows-1252) but is valid UTF-8 with non-ASCII
    characters is UTF-8 written by a tool that did not update the declaration."""
    chosen = encoding
    if chosen is None:
        chosen = next((enc for bom, enc in _BOMS if data.startswith(bom)), None)
    if chosen is None:
        declared = declared_encoding(data, format)
        if declared is not None and not declared.startswith("utf") and not data.isascii():
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError:
                pass
            else:
                note = f"the input declares the charset {declared} but is UTF-8; read as UTF-8"
                return text, "utf-8", note
        chosen = declared or "utf-8"
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
    return text, codecs.lookup(chosen).name.replace("utf-8-sig", "utf-8"), None


# Characters that JSON written as UTF-8 cannot carry (lone surrogates, as a file name that is
# not valid UTF-8 or a hand-made string holds them), and NUL, which is not text; a surrogate
# pair written as two characters is joined into the one character it stands for.
_NOT_TEXT = re.compile("([\ud800-\udbff][\udc00-\udfff])|[\x00\ud800-\udfff]")


def _is_text(text: str) -> bool:
    """Whether ``text`` holds no NUL and no surrogate: the quick test (a regular expression
    over every character would take longer than some parses)."""
    if "\x00" in text:
        return False
    if text.isascii():
        return True
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # only a surrogate cannot be encoded
        return False
    return True


def clean_text(text: str) -> tuple[str, int]:
    """``text`` with every character that is not text (a lone surrogate, NUL) replaced by
    U+FFFD, and how many were replaced."""
    if _is_text(text):
        return text, 0
    replaced = 0

    def replace(match: re.Match[str]) -> str:
        nonlocal replaced
        pair = match.group(1)
        if pair is not None:
            return pair.encode("utf-16-le", "surrogatepass").decode("utf-16-le")
        replaced += 1
        return "\ufffd"

    return _NOT_TEXT.sub(replace, text), replaced


def display_name(path: str | os.PathLike[str] | os.PathLike[bytes] | bytes) -> str:
    """A file name as text for messages and output: bytes that are not valid UTF-8 (kept by
    Python as lone surrogates) become U+FFFD. Open the file with the real path."""
    return clean_text(os.fsdecode(path))[0]


def _size(count: int) -> str:
    for unit, size in (("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)):
        if count >= size and count % size == 0:
            return f"{count // size} {unit}"
    return f"{count} bytes" if count != 1 else "1 byte"


def check_max_bytes(max_bytes: int) -> int:
    """``max_bytes`` if it is a usable size limit, else :class:`OptionsError`."""
    if isinstance(max_bytes, bool) or not isinstance(max_bytes, int) or max_bytes < 1:
        raise OptionsError(
            f"max_bytes: must be a whole number of bytes, at least 1 (got {max_bytes!r})"
        )
    return max_bytes


def _too_large(name: str, max_bytes: int) -> InputError:
    return InputError(
        f"larger than the size limit of {_size(max_bytes)} (raise it with --max-bytes)", path=name
    )


def read_limited(
    stream: BinaryIO, *, name: str, max_bytes: int = MAX_BYTES, size_hint: int = 0
) -> bytes:
    """Read ``stream`` to its end, but never more than ``max_bytes`` + 1 bytes: a longer input
    is an :class:`InputError` naming ``name`` and the limit. ``size_hint``, the size a file is
    expected to have, lets it be read in one go."""
    check_max_bytes(max_bytes)
    chunks: list[bytes] = []
    total = 0
    step = max(_CHUNK, size_hint + 1)
    while total <= max_bytes:
        chunk = stream.read(min(step, max_bytes + 1 - total))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        total += len(chunk)
    raise _too_large(name, max_bytes)


def read_bytes(
    path: str | os.PathLike[str], *, max_bytes: int = MAX_BYTES, name: str | None = None
) -> bytes:
    """Read a file's bytes, turning every OS failure into one clear :class:`InputError` named
    ``name`` (default: the path as text). Devices (``/dev/zero``), which may never end, are
    refused unread; a FIFO is read until its writer closes it; nothing past ``max_bytes``."""
    check_max_bytes(max_bytes)
    shown = display_name(path) if name is None else name
    try:
        mode = os.stat(path).st_mode
        if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
            raise InputError("is a device, not a file", path=shown)
        if stat.S_ISDIR(mode):
            raise InputError("is a directory, not a file", path=shown)
        if stat.S_ISSOCK(mode):
            raise InputError("is a socket, not a file", path=shown)
        with open(path, "rb") as stream:  # a FIFO waits here for a writer
            info = os.fstat(stream.fileno())
            size = info.st_size if stat.S_ISREG(info.st_mode) else 0
            if size > max_bytes:
                raise _too_large(shown, max_bytes)
            return read_limited(stream, name=shown, max_bytes=max_bytes, size_hint=size)
    except FileNotFoundError:
        raise InputError("no such file", path=shown) from None
    except IsADirectoryError:
        raise InputError("is a directory, not a file", path=shown) from None
    except PermissionError:
        raise InputError("permission denied", path=shown) from None
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror or error}", path=shown) from None


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
            _first_bad_line(text),
        )
    return source


def _first_bad_line(text: str) -> int:
    """The 0-based line (as ``str.splitlines`` counts them) of the first character of ``text``
    that :func:`clean_text` replaces."""
    start = next(m.start() for m in _NOT_TEXT.finditer(text) if m.group(1) is None)
    return len((text[:start] + "x").splitlines()) - 1


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
