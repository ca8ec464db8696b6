"""The library API: parse text or files into a Document, and write it as JSON."""

from __future__ import annotations

import datetime as dt
import json
import math
import os
from pathlib import Path
from typing import Any

from pydantic_core import PydanticSerializationError

from .inputs import Format
from .models import Document
from .options import ParseOptions
from .parser import Parser
from .readers import MAX_BYTES, clean_text, display_name, read_bytes, read_source


def _options(
    options: ParseOptions | None, year: int | None, published: dt.date | None
) -> ParseOptions:
    """Merge the keyword shortcuts into ``options`` (validated again). Without a ``today``,
    the reference date is resolved now: from ``SOURCE_DATE_EPOCH`` if set, else the clock."""
    settings = options.model_dump() if options is not None else {}
    if year is not None:
        settings["year"] = year
    if published is not None:
        settings["published"] = published
    built = ParseOptions.build(**settings)
    if built.today is None:
        return built.model_copy(update={"today": built.resolved_today()})
    return built


def _parser(
    parser: Parser | None, options: ParseOptions | None, year: int | None, published: dt.date | None
) -> Parser:
    """The parser to use: a configured one (its rules and plugins; the shortcuts merged into
    its options), else a default parser with ``options``."""
    if parser is None:
        return _default_parser(_options(options, year, published))
    if year is None and published is None:
        return parser
    return parser.with_options(_options(parser.options, year, published))


# Parsers made for options alone (no rules or plugins given by the caller), kept for the
# next call with the same options: building one (its rule table, its heading patterns, its
# plugins) costs more than parsing a short note. A parser holds configuration only.
_PARSERS: dict[str, Parser] = {}
_KEPT_PARSERS = 8


def _default_parser(options: ParseOptions) -> Parser:
    key = options.model_dump_json()
    parser = _PARSERS.get(key)
    if parser is None:
        if len(_PARSERS) >= _KEPT_PARSERS:  # the oldest goes (another thread may race us)
            _PARSERS.pop(next(iter(_PARSERS), key), None)
        parser = _PARSERS[key] = Parser(options)
    return parser


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
    name none; ``published`` is the publication date; ``source_url`` and ``path`` say where
    the text came from (a date or week in them is evidence for the week). ``options`` carries
    every other setting; ``parser`` is a configured :class:`Parser` (rules, plugins) to use
    instead, its options then being the ones in force.

    Characters that are not text (lone surrogates, NUL) become U+FFFD, with an
    ``invalid-characters`` warning, so the document can always be written as JSON.
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
    max_bytes: int = MAX_BYTES,
    parser: Parser | None = None,
) -> Document:
    """Read and parse a file; its format comes from its extension, else from its content.

    Raises :class:`~weeknote_parser.InputError` if it can't be read or decoded, is a device,
    or is larger than ``max_bytes`` (64 MiB unless given).
    """
    chosen = _parser(parser, options, year, published)
    name = display_name(path)
    data = read_bytes(path, max_bytes=max_bytes, name=name)
    source = read_source(
        data, chosen.options, name=name, path=os.fsdecode(path), url=source_url,
        format=format, encoding=encoding,
    )  # fmt: skip
    return chosen.parse_source(source)


def to_json(document: Document, *, pretty: bool = False) -> bytes:
    """The document as JSON bytes (UTF-8), compact or indented.

    Always succeeds: a value orjson cannot write (an integer beyond 64 bits from front matter,
    a lone surrogate in a document built by hand) is written as JSON can hold it, the
    surrogate as U+FFFD."""
    try:  # written by pydantic-core straight from the models: no Python objects in between
        return document.model_dump_json(indent=2 if pretty else None).encode("utf-8")
    except (PydanticSerializationError, ValueError):
        data = _encodable(document.model_dump(mode="json"))
        if pretty:
            text = json.dumps(data, ensure_ascii=False, allow_nan=False, indent=2)
        else:
            text = json.dumps(data, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
        return text.encode("utf-8")


def _encodable(value: Any) -> Any:
    """``value`` (plain JSON-mode data) with text cleaned and non-finite numbers as null."""
    if isinstance(value, str):
        return clean_text(value)[0]
    if isinstance(value, dict):
        return {_encodable(key): _encodable(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_encodable(item) for item in value]
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value
