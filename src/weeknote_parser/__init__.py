"""weeknote-parser: turn weeknotes into validated, structured data.

>>> from weeknote_parser import parse
>>> note = parse("Weeknote 12.22\\n\\nA quiet week.").notes[0]
>>> (note.week.iso_year, note.week.iso_week, str(note.week.start))
(2022, 12, '2022-03-21')
"""

from __future__ import annotations

from .api import parse, parse_file, to_json
from .config import Config, ConfigError, load_config
from .errors import InputError, OptionsError, WeeknoteError
from .models import (
    Block,
    Document,
    Footnote,
    Link,
    ListBlock,
    ListItem,
    Note,
    Paragraph,
    ParseWarning,
    Section,
    SectionKind,
    Source,
    Week,
    WeekKind,
    YearSource,
    flatten_lists,
)
from .options import ParseOptions
from .parser import Parser
from .registry import Registry

__version__ = "0.1.0"

__all__ = [
    "Block",
    "Config",
    "ConfigError",
    "Document",
    "Footnote",
    "InputError",
    "Link",
    "ListBlock",
    "ListItem",
    "Note",
    "OptionsError",
    "Paragraph",
    "ParseOptions",
    "ParseWarning",
    "Parser",
    "Registry",
    "Section",
    "SectionKind",
    "Source",
    "Week",
    "WeekKind",
    "WeeknoteError",
    "YearSource",
    "__version__",
    "flatten_lists",
    "load_config",
    "parse",
    "parse_file",
    "to_json",
]
