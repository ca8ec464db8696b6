"""The library API: parse text or files into a Document, and write it as JSON."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import orjson

from .errors import OptionsError
from .inputs import FORMATS, Format
from .models import Document
from .options import ParseOptions
from .parser import Parser
from .readers import add_location, read_path, read_text_as, sniff


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
    format: Format | None = "text",
    source_url: str | None = None,
    options: ParseOptions | None = None,
) -> Document:
    """Parse the text of a weeknote document.

    ``format`` is 'text', 'markdown', 'html' or 'feed' (None: detect it from the text).
    ``year`` is the year to assume for week designations that name none; ``published`` is the
    publication date; ``source_url`` is where the text came from (a date or week in its path
    is evidence for the week). ``options`` carries every other setting.
    """
    chosen: Format = format if format is not None else sniff(text)
    if chosen not in FORMATS:
        raise OptionsError(
            f"format: unknown format {chosen!r}; valid formats: {', '.join(FORMATS)}"
        )
    source = read_text_as(text, chosen)
    add_location(source, path=None, url=source_url)
    return Parser(_options(options, year, published)).parse_input(source)


def parse_file(
    path: str | Path,
    *,
    year: int | None = None,
    published: dt.date | None = None,
    format: Format | None = None,
    encoding: str | None = None,
    source_url: str | None = None,
    options: ParseOptions | None = None,
) -> Document:
    """Read and parse a file; its format comes from its extension, else from its content.

    Raises :class:`~weeknote_parser.InputError` if it can't be read or decoded.
    """
    parser = Parser(_options(options, year, published))
    source = read_path(Path(path), format=format, encoding=encoding, url=source_url)
    return parser.parse_input(source)


def to_json(document: Document, *, pretty: bool = False) -> bytes:
    """The document as JSON bytes (UTF-8), compact or indented."""
    option = orjson.OPT_INDENT_2 if pretty else 0
    return orjson.dumps(document.model_dump(), option=option)
