"""weeknote-parser: turn weeknotes into validated, structured data.

>>> from weeknote_parser import parse
>>> note = parse("Weeknote 12.22\\n\\nA quiet week.").notes[0]
>>> (note.week.iso_year, note.week.iso_week, str(note.week.start))
(2022, 12, '2022-03-21')
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# name -> the module that defines it; imported on first use (PEP 562), so that the command
# line's --version, and a program that needs one module, do not build every model.
_EXPORTS = {
    "parse": "api", "parse_file": "api", "to_json": "api",
    "Config": "config", "ConfigError": "config", "load_config": "config",
    "InputError": "errors", "OptionsError": "errors", "WeeknoteError": "errors",
    "Block": "models", "Document": "models", "Footnote": "models", "Link": "models",
    "ListBlock": "models", "ListItem": "models", "Note": "models", "Paragraph": "models",
    "ParseWarning": "models", "Section": "models", "SectionKind": "choices", "Source": "models",
    "Week": "models", "WeekKind": "choices", "YearSource": "choices", "flatten_lists": "models",
    "ParseOptions": "options", "Parser": "parser", "Registry": "registry",
}  # fmt: skip

if TYPE_CHECKING:
    from .api import parse, parse_file, to_json
    from .choices import SectionKind, WeekKind, YearSource
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
        Source,
        Week,
        flatten_lists,
    )
    from .options import ParseOptions
    from .parser import Parser
    from .registry import Registry


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_EXPORTS})


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
