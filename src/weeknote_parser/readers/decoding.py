"""Bytes to text: reading an input within a size limit, refusing devices, decoding by BOM,
declared charset or UTF-8, and making text safe to write as JSON."""

from __future__ import annotations

import codecs
import os
import re
import stat
from typing import BinaryIO

from ..errors import InputError, OptionsError
from ..inputs import Format

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


def first_bad_line(text: str) -> int:
    """The 0-based line (as ``str.splitlines`` counts them) of the first character of ``text``
    that :func:`clean_text` replaces."""
    start = next(m.start() for m in _NOT_TEXT.finditer(text) if m.group(1) is None)
    return len((text[:start] + "x").splitlines()) - 1
