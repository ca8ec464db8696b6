"""The library API: parse text or files into a Document, and write it as JSON."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import orjson

from .models import Document
from .options import ParseOptions
from .parser import Parser
from .readers import read_text


def _options(
    options: ParseOptions | None, year: int | None, published: dt.date | None
) -> ParseOptions:
    """Merge the keyword shortcuts into ``options`` (validated again)."""
    settings = options.model_dump() if options is not None else {}
    if year is not None:
        settings["year"] = year
    if published is not None:
        settings["published"] = published
    return ParseOptions.build(**settings)


def parse(
    text: str,
    *,
    year: int | None = None,
    published: dt.date | None = None,
    options: ParseOptions | None = None,
) -> Document:
    """Parse the text of a weeknote document.

    ``year`` is the year to assume for week designations that name none; ``published`` is
    the publication date. ``options`` carries every other setting.
    """
    return Parser(_options(options, year, published)).parse(text)


def parse_file(
    path: str | Path,
    *,
    year: int | None = None,
    published: dt.date | None = None,
    options: ParseOptions | None = None,
) -> Document:
    """Read and parse a file. Raises :class:`~weeknote_parser.InputError` if it can't be read."""
    text = read_text(Path(path))
    return Parser(_options(options, year, published)).parse(text, path=str(path))


def to_json(document: Document, *, pretty: bool = False) -> bytes:
    """The document as JSON bytes (UTF-8), compact or indented."""
    option = orjson.OPT_INDENT_2 if pretty else 0
    return orjson.dumps(document.model_dump(), option=option)
