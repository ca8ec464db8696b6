"""Helpers for testing recognisers and plugins the way the project tests its own.

>>> from weeknote_parser.testing import parse_with, sections_of
>>> sections_of(parse_with('''
...     Weeknote 12.22
...
...     What went well?
...
...     We shipped.
... '''))
[('What went well?', 'went_well')]

Texts are dedented and stripped of blank lines at their ends, so they can be written
indented in a test. Settings are :class:`~weeknote_parser.ParseOptions` fields; ``today``
defaults to the fixed :data:`TODAY`, so results do not depend on the day the tests run.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from collections.abc import Iterable, Sequence
from typing import Any

from .inputs import Format
from .models import Document
from .options import ParseOptions
from .parser import Parser
from .plugins import Plugin, make_parser
from .state import BlockRule, ParseState

TODAY = dt.date(2026, 1, 1)
"""The reference date the helpers parse with unless told otherwise."""

# Everyday words of a team's week, for generating note text in tests and benchmarks.
FILLER_WORDS: tuple[str, ...] = (
    "audit",
    "budget",
    "team",
    "form",
    "survey",
    "draft",
    "review",
    "call",
    "plan",
    "sprint",
    "design",
    "test",
    "users",
    "data",
    "service",
    "page",
    "map",
    "search",
    "release",
    "bug",
    "fix",
    "meeting",
    "interview",
    "notes",
    "roadmap",
)

Plugins = Plugin | str | Iterable[Plugin | str] | None
"""One plugin (a function, or the name of an installed one), several, or none."""


def dedent(text: str) -> str:
    """``text`` dedented, without the blank lines at its start and end."""
    return textwrap.dedent(text).strip("\n")


def parser_with(plugin: Plugins = None, **settings: Any) -> Parser:
    """A parser with ``settings`` (validated, ``today`` fixed) and ``plugin`` set up."""
    settings.setdefault("today", TODAY)
    return make_parser(ParseOptions.build(**settings), plugins=_plugins(plugin))


def parse_with(
    text: str,
    *,
    plugin: Plugins = None,
    parser: Parser | None = None,
    format: Format = "text",
    **settings: Any,
) -> Document:
    """Parse dedented ``text`` in ``format`` with ``plugin`` and ``settings``, or with
    ``parser`` as it is."""
    if parser is None:
        parser = parser_with(plugin, **settings)
    elif plugin is not None or settings:
        raise TypeError("give parse_with either a parser or plugins and settings, not both")
    if format == "text":
        return parser.parse(dedent(text))
    from .readers import read_text_as

    return parser.parse_input(read_text_as(dedent(text), format))


def sections_of(document: Document) -> list[tuple[str | None, str]]:
    """``(heading, kind)`` of every section of every note, in order."""
    return [(s.heading, s.kind.value) for note in document.notes for s in note.sections]


def titles_of(document: Document) -> list[str | None]:
    """Every note's title, in order."""
    return [note.title for note in document.notes]


def recognised_by(
    text: str,
    *,
    plugin: Plugins = None,
    parser: Parser | None = None,
    format: Format = "text",
    **settings: Any,
) -> list[tuple[int, str]]:
    """``(line, rule)`` for every block the rules read in ``text``: the 0-based line it
    starts at and the name of the block rule that read it, in order.

    Silent look-aheads are not counted: only the rule that claimed the line.
    """
    if parser is None:
        parser = parser_with(plugin, **settings)
    elif plugin is not None or settings:
        raise TypeError("give recognised_by either a parser or plugins and settings, not both")
    claims: list[tuple[int, str]] = []
    traced = parser.rules.copy()
    for name in traced.names():
        traced.replace(name, _traced(name, traced.get(name), claims))
    copy = Parser(parser.options, rules=traced, inline=parser.inline)
    copy.kinds = parser.kinds
    parse_with(text, parser=copy, format=format)
    return claims


def assert_recognised(
    text: str,
    rule: str,
    *,
    line: int | None = None,
    plugin: Plugins = None,
    format: Format = "text",
    **settings: Any,
) -> list[int]:
    """Assert that the rule called ``rule`` reads a block of ``text`` (at the 0-based
    ``line``, when given). Returns the lines at which it read one."""
    claims = recognised_by(text, plugin=plugin, format=format, **settings)
    lines = [at for at, name in claims if name == rule]
    where = f" at line {line}" if line is not None else ""
    if not ((line in lines) if line is not None else lines):
        raise AssertionError(f"{rule!r} read no block{where}; the rules read: {_claims(claims)}")
    return lines


def assert_not_recognised(
    text: str,
    rule: str,
    *,
    plugin: Plugins = None,
    format: Format = "text",
    **settings: Any,
) -> None:
    """Assert that the rule called ``rule`` reads no block of ``text``."""
    claims = recognised_by(text, plugin=plugin, format=format, **settings)
    if any(name == rule for _, name in claims):
        raise AssertionError(f"{rule!r} read a block; the rules read: {_claims(claims)}")


def assert_sections(
    text: str,
    expected: Sequence[tuple[str | None, str]],
    *,
    plugin: Plugins = None,
    format: Format = "text",
    **settings: Any,
) -> Document:
    """Assert the sections of ``text`` are exactly ``expected`` ``(heading, kind)`` pairs."""
    document = parse_with(text, plugin=plugin, format=format, **settings)
    found = sections_of(document)
    if found != list(expected):
        raise AssertionError(f"sections {found!r}, expected {list(expected)!r}")
    return document


def _plugins(plugin: Plugins) -> list[Plugin | str]:
    if plugin is None:
        return []
    if isinstance(plugin, str) or callable(plugin):
        return [plugin]
    return list(plugin)


def _traced(name: str, rule: BlockRule, claims: list[tuple[int, str]]) -> BlockRule:
    def traced(state: ParseState, line: int, *, silent: bool) -> bool:
        matched = rule(state, line, silent=silent)
        if matched and not silent:
            claims.append((line, name))
        return matched

    return traced


def _claims(claims: list[tuple[int, str]]) -> str:
    return ", ".join(f"{name}@{line}" for line, name in claims) or "nothing"


__all__ = [
    "FILLER_WORDS",
    "TODAY",
    "Plugins",
    "assert_not_recognised",
    "assert_recognised",
    "assert_sections",
    "dedent",
    "parse_with",
    "parser_with",
    "recognised_by",
    "sections_of",
    "titles_of",
]
