"""Sprint titles: a line naming a sprint ('Sprint 12 (4–15 March)') starts a note.

A team that writes one note per sprint heads each with its sprint, dates and perhaps a
subtitle::

    Sprint 12 (4–15 March)
    Sprint 13: 18–29 March
    Sprint 14 (1–12 April): the one with the outage
    === Sprint 15 ===

Built in, a sprint number alone is a weak designation, read as a title only on a
document's first line or beside a weeknote label. With this plugin every such line starts
a note, wherever it stands: below a list item, after a heading-like line, under a blog's
name. The rule declares the chains it ends, so the built-in rules' look-aheads see it:
a list ends at it, a line above it is not taken for a heading, and the lines above the
first sprint are the site's furniture.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from weeknote_parser import Parser, WeekKind
from weeknote_parser.recognise import HEADING_TEXT, LIST, NOTE, State, WeekMatch

NAME = "sprint_title"
MAX_CHARS = 100
_SPRINT = regex.compile(r"^(?:=+\s*)?sprint\s+\d{1,4}\b", regex.IGNORECASE)
_SEPARATORS = "(:|=–—-"
_PUNCTUATION = " \t()[]:;,|=–—-"


def sprint_title(state: State, line: int, *, silent: bool) -> bool:
    """A line that opens with 'Sprint <number>' and holds at most its dates and, after a
    separator, a subtitle."""
    current = state.lines[line]
    text = current.stripped
    if current.marker is not None or current.role not in (None, "heading"):
        return False
    if len(text) > MAX_CHARS or text.endswith((".", ",", ";")) or not _SPRINT.match(text):
        return False
    found = state.designations(line)
    if not found or not _is_sprint(found[0]):
        return False
    after = text[found[0].end :].lstrip()
    if after and after[0] not in _SEPARATORS:  # 'Sprint 12 planning' is a heading, not a title
        return False
    if not silent:
        state.start_note(
            title=text,
            subtitle=_subtitle(text, found),
            designation=_week(found),
            start=line,
            end=line + 1,
        )
        state.cursor = line + 1
    return True


def _is_sprint(match: WeekMatch) -> bool:
    """A sprint number, alone ('Sprint 15') or with its dates ('Sprint 12 (4–15 March)',
    which the built-in grammar reads as one dated designation)."""
    return match.kind is WeekKind.SPRINT or (
        match.number is not None and _SPRINT.match(match.raw) is not None
    )


def _week(found: Sequence[WeekMatch]) -> WeekMatch:
    """The dates of the sprint when there are some, else the sprint itself."""
    if found[0].kind is not WeekKind.SPRINT:
        return found[0]  # the sprint and its dates, read as one
    dated = [match for match in found[1:] if match.kind is not WeekKind.SPRINT]
    return dated[0] if dated else found[0]


def _subtitle(text: str, found: Sequence[WeekMatch]) -> str | None:
    """What the line says besides its sprint number and dates."""
    rest = text
    for match in reversed(found):
        rest = rest[: match.start] + " " + rest[match.end :]
    words = " ".join(rest.split()).strip(_PUNCTUATION)
    return words or None


def plugin(parser: Parser) -> None:
    """Set the rule up on ``parser``: tried before the built-in titles, and a member of the
    chains of rules that start notes, end lists and may not follow a heading."""
    parser.rules.before("title", NAME, sprint_title, alt=(NOTE, LIST, HEADING_TEXT))


__all__ = ["NAME", "plugin", "sprint_title"]
