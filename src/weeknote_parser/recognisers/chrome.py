"""Site furniture: blog headers, category and pagination lines, copyright and theme credits."""

from __future__ import annotations

from functools import lru_cache

import regex

from ..recognise import NOTE, first_match_chain
from ..state import ParseState
from .common import TEXT_CACHE

# Lines that are furniture wherever they stand, when they stand alone and are short:
# wording that opens the line, wording found anywhere in it, or a closing arrow.
FURNITURE_START = regex.compile(
    r"""(?:
        [«‹←]
      | (?:older|newer|previous|next)\s+(?:posts?|entries|articles)\b
      | © | \(c\)\s*\d{4} | copyright\b
      | (?:category|categories|tags?|filed\s+under|posted\s+in)\s*:
      | (?:filed\s+under|posted\s+in)\s+[^.!?]*$             # 'Posted in Weeknotes | …'
      | page\s+\d+\s+of\s+\d+$
      | (?:skip\s+to\s+(?:main\s+)?content|back\s+to\s+top|up\s*↑|menu|search(?:\s+for)?:?)$
      | (?:share\s+this|like\s+this|leave\s+a\s+(?:comment|reply))\b
      | (?:\d+\s+comments?|no\s+comments)$
      | (?:subscribe(?:\s+via\s+\w+)?|follow\s+(?:me|us)\s+on\s+\w+)$
    )""",
    regex.IGNORECASE | regex.VERBOSE,
)
FURNITURE_ANYWHERE = regex.compile(
    r"\b(?:theme\s+by|powered\s+by|proudly\s+powered|blog\s+at\s+wordpress)\b"
    r"|\|\s*(?:leave\s+a\s+(?:comment|reply)|\d+\s+comments?|no\s+comments)\b",
    regex.IGNORECASE,
)
CLOSING_ARROWS = ("»", "›", "→")
# The rules that read a line the format marks as furniture before chrome does (the line
# goes to chrome all the same): a note's dateline among a theme's post footer.
_READ_FIRST = ("dateline",)
MAX_FURNITURE_CHARS = 80

# Furniture by the whole line, so plain that it is furniture even inside a block of text:
# taxonomy lines with their terms, the words of comment, search and share links, a
# copyright sign, pagination arrows.
FURNITURE_LINE = regex.compile(
    r"""(?:
        (?:tags?|categories|category|filed\s+under|posted\s+in)\s*:\s*\S[^.!?]{0,70}
      | leave\s+a\s+(?:comment|reply) | (?:\d+|no)\s+comments? | search(?:\s+for)?\s*:?
      | share\s+this\s*:? | skip\s+to\s+(?:main\s+)?content | back\s+to\s+top
      | (?:older|newer|previous|next)\s+(?:posts?|entries)(?:\s*[»›→])?
      | [«‹←]\s*\S.{0,70} | \S.{0,70}\s[»›]
      | ©\s*\S.{0,70}
    )$""",
    regex.IGNORECASE | regex.VERBOSE,
)
_LINE_FIRST = frozenset("tcfpslnbo0123456789«‹←©TCFPSLNBO")
# A link to the previous or next post: 'Previous: Weeknote 11', 'Next post: Weeknote 13'.
_NEIGHBOUR = regex.compile(
    r"^(?:previous|next|older|newer)(?:\s+(?:post|entry|article|note|weeknote))?\s*:\s*\S",
    regex.IGNORECASE,
)
# A navigation line: three or more short items between separators ('Home | About | Blog',
# 'Home › Weeknotes › 2024').
_NAV_SEPARATOR = regex.compile(r"\s+[|·•›»/>]\s+|\s*\|\s*")
_NAV_CHARS = regex.compile(r"[|·•›»/>]")
MAX_NAV_ITEM_WORDS = 3
MAX_OTHER_POSTS_CHARS = 40
MIN_NAV_ITEMS = 3
# The heading of a list of other posts beside a post.
_OTHER_POSTS = regex.compile(
    r"^(?:related|recent|popular|latest|other|more|previous|older|similar)\s+"
    r"(?:posts?|entries|articles|weeknotes)\s*:?$"
    r"|^(?:archives?|you\s+might\s+also\s+like|read\s+next|more\s+from\s+this\s+blog)\s*:?$",
    regex.IGNORECASE,
)


@lru_cache(maxsize=TEXT_CACHE)
def is_furniture_line(text: str) -> bool:
    """Is ``text`` furniture by its whole wording, wherever it stands ('Tags: a, b',
    'Leave a comment', '© 2024 Sam')?"""
    if len(text) > MAX_FURNITURE_CHARS or (text[0] not in _LINE_FIRST and text[-1] not in "»›"):
        return False
    return FURNITURE_LINE.match(text) is not None


@lru_cache(maxsize=TEXT_CACHE)
def is_navigation(text: str) -> bool:
    """Is ``text`` a navigation line: three or more short items between separators?"""
    if len(text) > MAX_FURNITURE_CHARS or _NAV_CHARS.search(text) is None:
        return False
    items = [item for item in _NAV_SEPARATOR.split(text) if item]
    return len(items) >= MIN_NAV_ITEMS and all(
        len(item.split()) <= MAX_NAV_ITEM_WORDS and not item.endswith((".", ",", ";", ":"))
        for item in items
    )


@lru_cache(maxsize=TEXT_CACHE)
def is_furniture(text: str) -> bool:
    """Is ``text`` a line of site furniture by its wording alone?"""
    if len(text) > MAX_FURNITURE_CHARS:
        return False
    return (
        text.endswith(CLOSING_ARROWS)
        or FURNITURE_START.match(text) is not None
        or (("by" in text.lower() or "|" in text) and FURNITURE_ANYWHERE.search(text) is not None)
    )


def chrome(state: ParseState, line: int, *, silent: bool) -> bool:
    """Furniture lines anywhere, lists of other posts, and every line before the first note
    of a page."""
    current = state.lines[line]
    if current.role == "chrome":
        if current.has_digit and state.would_match(_READ_FIRST, line):
            return False  # a post's date among the furniture: the dateline rule reads it
        end: int | None = line + 1
    elif current.role is not None:
        return False
    elif _furniture_at(state, line):
        end = line + 1
    elif len(current.stripped) <= MAX_OTHER_POSTS_CHARS and _OTHER_POSTS.match(current.stripped):
        end = _other_posts_end(state, line)
    else:
        end = None
    if end is None:
        if state.note is not None or not _before_first_note(state, line):
            return False
        end = state.block_end(line)
    if not silent:
        for index in range(line, end):
            state.add_chrome(index)
        state.cursor = end
    return True


def _furniture_at(state: ParseState, line: int) -> bool:
    """Is ``line`` furniture: standalone furniture wording, or a line so plainly furniture
    (or navigation) that it is so at the start of a block too?"""
    text = state.lines[line].stripped
    if len(text) > MAX_FURNITURE_CHARS:
        return False
    if state.is_standalone(line) and (is_furniture(text) or _neighbour(state, line)):
        return True
    return _starts_block(state, line) and (is_furniture_line(text) or is_navigation(text))


def _before_first_note(state: ParseState, line: int) -> bool:
    first = first_match_chain(state, NOTE)
    return first is not None and line < first


def _starts_block(state: ParseState, line: int) -> bool:
    """Is ``line`` the first line of a block, or the next line to be read?"""
    return line == 0 or not state.lines[line - 1].stripped or line == state.cursor


def _neighbour(state: ParseState, line: int) -> bool:
    """Is ``line`` a link to the previous or next post ('Previous: Weeknote 11')?"""
    text = state.lines[line].stripped
    if _NEIGHBOUR.match(text) is None or not state.lines[line].has_digit:
        return False
    return any(match.strong for match in state.designations(line))


def _other_posts_end(state: ParseState, line: int) -> int | None:
    """The end of a list of other posts headed at ``line`` ('Related posts'): the list or
    lines below it, up to a blank line; None when no list of posts follows."""
    if len(state.lines[line].stripped) > MAX_OTHER_POSTS_CHARS or not _starts_block(state, line):
        return None
    below = state.next_content(line + 1)
    if below is None:
        return None
    end = state.block_end(below)
    lines = state.lines
    if not all(
        lines[index].marker is not None or lines[index].has_digit for index in range(below, end)
    ):
        return None  # not titles of posts (they are numbered or dated) nor a list
    return end
