"""The library API: parse text or files into a Document, and write it as JSON."""

from __future__ import annotations

import datetime as dt
import json
import math
from pathlib import Path
from typing import Any

import orjson

from .errors import OptionsError
from .inputs import FORMATS, Format
from .models import Document
from .options import ParseOptions
from .parser import Parser
from .readers import MAX_BYTES, add_location, clean_text, read_path, read_text_as, sniff


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

    Characters that are not text (lone surrogates, NUL) become U+FFFD, with an
    ``invalid-characters`` warning, so the document can always be written as JSON.
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
    max_bytes: int = MAX_BYTES,
) -> Document:
    """Read and parse a file; its format comes from its extension, else from its content.

    Raises :class:`~weeknote_parser.InputError` if it can't be read or decoded, is a device,
    or is larger than ``max_bytes`` (64 MiB unless given).
    """
    parser = Parser(_options(options, year, published))
    source = read_path(path, format=format, encoding=encoding, url=source_url, max_bytes=max_bytes)
    return parser.parse_input(source)


def to_json(document: Document, *, pretty: bool = False) -> bytes:
    """The document as JSON bytes (UTF-8), compact or indented.

    Always succeeds: a value orjson cannot write (an integer beyond 64 bits from front matter,
    a lone surrogate in a document built by hand) is written as JSON can hold it, the
    surrogate as U+FFFD."""
    option = orjson.OPT_INDENT_2 if pretty else 0
    try:
        return orjson.dumps(document.model_dump(), option=option)
    except orjson.JSONEncodeError:
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
