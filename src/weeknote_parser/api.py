"""The library API: parse text or files into a Document, and write it as JSON."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import orjson

from .inputs import Format
from .models import Document
from .options import ParseOptions
from .parser import Parser
from .readers import read_bytes, read_source


def _parser(
    parser: Parser | None, options: ParseOptions | None, year: int | None, published: dt.date | None
) -> Parser:
    """The parser to use: the one given (its options, with the shortcuts merged in), or a
    default parser with ``options``."""
    base = parser.options if parser is not None else options
    settings = base.model_dump() if base is not None else {}
    if year is not None:
        settings["year"] = year
    if published is not None:
        settings["published"] = published
    if parser is not None and not (year is not None or published is not None):
        return parser
    built = ParseOptions.build(**settings)
    return parser.with_options(built) if parser is not None else Parser(built)


def parse(
    text: str,
    *,
    year: int | None = None,
    published: dt.date | None = None,
    format: Format | None = "text",
    source_url: str | None = None,
    path: str | None = None,
    options: ParseOptions | None = None,
    parser: Parser | None = None,
) -> Document:
    """Parse the text of a weeknote document.

    ``format`` is 'text', 'markdown', 'html' or 'feed' (None: from ``path``'s extension,
    else detected from the text). ``year`` is the year to assume for week designations that
    name none; ``published`` is the publication date; ``source_url`` and ``path`` are where
    the text came from (a date or week in them is evidence for the week). ``options`` carries
    every other setting; ``parser`` is a configured :class:`Parser` (plugins, rules) to use.
    """
    chosen = _parser(parser, options, year, published)
    source = read_source(text, chosen.options, path=path, url=source_url, format=format)
    return chosen.parse_source(source)


def parse_file(
    path: str | Path,
    *,
    year: int | None = None,
    published: dt.date | None = None,
    format: Format | None = None,
    encoding: str | None = None,
    source_url: str | None = None,
    options: ParseOptions | None = None,
    parser: Parser | None = None,
) -> Document:
    """Read and parse a file; its format comes from its extension, else from its content.

    Raises :class:`~weeknote_parser.InputError` if it can't be read or decoded.
    """
    chosen = _parser(parser, options, year, published)
    name = str(path)
    source = read_source(
        read_bytes(Path(path)),
        chosen.options,
        name=name,
        path=name,
        url=source_url,
        format=format,
        encoding=encoding,
    )
    return chosen.parse_source(source)


def to_json(document: Document, *, pretty: bool = False) -> bytes:
    """The document as JSON bytes (UTF-8), compact or indented."""
    option = orjson.OPT_INDENT_2 if pretty else 0
    return orjson.dumps(document.model_dump(), option=option)
