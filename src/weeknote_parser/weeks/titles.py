"""Where a designation stands in a title, and the subtitle beside it.

A title names its week at its start, after an optional series name ('Weeknote 12.22: a
subtitle', 'Notes: 16th Dec - 3rd Jan', 'Log #1: first steps', '📝 Weeknotes #9 - hello'),
or at its end after a separator ('Getting going again - Weeknote 12.22'). The subtitle is the
text after the designation and its separator (':', '-', '|', '~', or decoration such as an
emoji: 'Weeknote #37 ✨ tiny wins'). A designation followed by words with no separator ('Week
2 Update', 'Sprint 4 weeknotes') has no subtitle, and neither has one that closes its title:
the text before it is the title's own wording, not a subtitle.
"""

from __future__ import annotations

import re

from .builders import WeekMatch
from .words import DECORATION, LABEL, SERIES_WORDS, alternation

_SERIES = rf"(?:{LABEL}|{alternation(SERIES_WORDS)})"
_DECORATION_RUN = rf"(?:{DECORATION}\s*)+"
# What may stand before a designation that opens a title: Markdown heading marks left in
# plain text ('## '), decoration, then nothing, or a few words ending in a series name
# ('Weeknote ', "Sam's weeknotes for ", 'Notes on ', 'Log ').
_OPENING = re.compile(
    rf"^\s*(?:#{{1,6}}\s+)?(?:{_DECORATION_RUN})?(?:(?:[\w'’ ]{{0,30}}\b)?{_SERIES}\s*"
    rf"(?:(?:for|from|on|of)\s+)?[#:,\-–—|]?\s*(?:{_DECORATION_RUN})?)?$",
    re.IGNORECASE,
)
# A designation that starts with its label may follow a few words ("Sam's weeknotes for 12.22").
_WORDS_BEFORE = re.compile(rf"^\s*(?:{_DECORATION_RUN})?[\w'’ ]{{0,30}}$")
_STARTS_WITH_LABEL = re.compile(LABEL, re.IGNORECASE)
# After the designation: the end of the title (a closing ':' or ')' and decoration allowed).
_END = re.compile(rf"^\s*[:.)]?\s*(?:{_DECORATION_RUN})?$")
_SEPARATED = re.compile(
    rf"^\s*(?:[:\-–—|~•·/]+\s*(?:{_DECORATION_RUN})?|{_DECORATION_RUN}[:\-–—|~]?\s*)(?P<rest>\S.*)$"
)
_LABEL_ONLY = re.compile(rf"^\s+{LABEL}\s*[:.]?\s*$", re.IGNORECASE)
_BRACKETED = re.compile(r"^\s*\((?P<rest>[^()]*\S)\s*\)\s*$")
_WORDS_AFTER = re.compile(r"^\s+\w")
# What may stand before a designation that closes a title: words, a separator and an
# optional label ('Getting going again - Weeknote 12.22', 'A long one (week 12)').
_CLOSING = re.compile(rf"^.*\S\s*[:\-–—|,(~•·]\s*(?:(?:{LABEL}|week)\s*[#:]?\s*)?$", re.IGNORECASE)


def split_title(text: str, designations: list[WeekMatch]) -> tuple[WeekMatch, str | None] | None:
    """Of the ``designations`` found in the title ``text``, the one that opens (or closes)
    it, and the subtitle beside it (None when there is none)."""
    for match in designations:
        prefix, suffix = text[: match.start], text[match.end :]
        if _OPENING.match(prefix) or (
            _STARTS_WITH_LABEL.match(match.raw) and _WORDS_BEFORE.match(prefix)
        ):
            if _END.match(suffix):
                return match, None
            separated = _SEPARATED.match(suffix) or _BRACKETED.match(suffix)
            if separated:
                return match, separated["rest"].rstrip()
            if _LABEL_ONLY.match(suffix) or (match.strong and _WORDS_AFTER.match(suffix)):
                return match, None
        elif _END.match(suffix) and _CLOSING.match(prefix):
            return match, None
    return None
