"""Input readers: turn bytes from a file or stdin into text, or fail with a clear error."""

from __future__ import annotations

import codecs
from pathlib import Path

from .errors import InputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode(data: bytes, *, name: str) -> str:
    """Decode ``data`` (UTF-8, or UTF-16/32 with a BOM); ``name`` is used in errors."""
    encoding = next((enc for bom, enc in _BOMS if data.startswith(bom)), "utf-8")
    if encoding == "utf-8" and b"\x00" in data[:8192]:
        raise InputError("binary file (it contains NUL bytes), not a text weeknote", path=name)
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise InputError(
            f"not valid {encoding.upper().replace('-SIG', '')} text: undecodable byte "
            f"0x{data[error.start]:02x} at byte offset {error.start}",
            path=name,
            line=line,
        ) from None


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


def read_text(path: Path) -> str:
    """Read a text file as a string."""
    return decode(read_bytes(path), name=str(path))
