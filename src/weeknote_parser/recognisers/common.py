"""Text tests shared by several recognisers: what a heading or a title looks like."""

from __future__ import annotations

from functools import lru_cache

import regex

from ..models import SectionKind
from ..state import ParseState

URL = regex.compile(r"(?:https?://|www\.)[^\s<>\"'“”‘’]+", regex.IGNORECASE)
_HAS_LETTER = regex.compile(r"\p{L}")
# A footnote marker closing a sentence ('… three drafts.[1]', '… passed. *') is not its end.
_TRAILING_MARKER = regex.compile(r"\s*(?:\[\d{1,3}\]|\*{1,3}|[¹²³⁴⁵⁶⁷⁸⁹⁰]+|†|‡)$")
_MARKER_ENDS = frozenset("]*¹²³⁴⁵⁶⁷⁸⁹⁰†‡")
_SENTENCE_END = (".", ",", ";", ":", "…", "...")

# An emoji (or a check mark or a star) opening a line; not the signs ©, ® and ™.
_EMOJI = regex.compile(r"[\p{Extended_Pictographic}\p{Regional_Indicator}✓✗✘★☆]")
_NOT_EMOJI = frozenset("©®™")
MIN_EMOJI_RUN = 2  # lines in a row opening with an emoji that make a list

# A heading's permalink mark: '#' after a space, or '¶', '🔗', '§', '⚓' at its end; '🔗' or
# '¶' before it.
_PERMALINK_AFTER = regex.compile(r"(?:\s+#|\s*[¶🔗§⚓]\ufe0f?)\s*$")
_PERMALINK_BEFORE = regex.compile(r"^[¶🔗⚓]\ufe0f?\s*")

MAX_HEADING_CHARS = 90
MAX_QUESTION_CHARS = 120
MAX_HEADING_WORDS = 14
MAX_QUESTION_WORDS = 20  # a template's questions run longer ('What did you do last week …?')
MAX_TITLE_CHARS = 200


def looks_like_heading(text: str) -> bool:
    """Is ``text`` short, free-standing wording that could name the text below it?

    A heading has a letter, at most 14 words and 90 characters, no URL, and does not end
    like a sentence or a lead-in ('.', ',', ';', ':', '…'). Questions are headings too, of
    up to 20 words and 120 characters.
    """
    if not text or len(text) > (MAX_QUESTION_CHARS if text[-1] == "?" else MAX_HEADING_CHARS):
        return False
    if text[-1] in _MARKER_ENDS:
        text = _TRAILING_MARKER.sub("", text)
    if text.endswith(_SENTENCE_END) and not text.endswith(("etc.",)):
        return False
    if len(text.split()) > (MAX_QUESTION_WORDS if text.endswith("?") else MAX_HEADING_WORDS):
        return False
    return _HAS_LETTER.search(text) is not None and URL.search(text) is None


# The answers of the pure tests on a line's text are kept for this many distinct texts.
TEXT_CACHE = 4096


@lru_cache(maxsize=TEXT_CACHE)
def looks_like_title(text: str) -> bool:
    """Could ``text`` be a post title? Like a heading, but it may be longer and end in '…'."""
    if not text or len(text) > MAX_TITLE_CHARS:
        return False
    if text.endswith((".", ",", ";", ":")) and not text.endswith("..."):
        return False
    return _HAS_LETTER.search(text) is not None and URL.search(text) is None


@lru_cache(maxsize=TEXT_CACHE)
def opens_with_emoji(text: str) -> bool:
    """Does ``text`` open with an emoji ('✅ Shipped it', '➡️ Next')?"""
    return (
        bool(text)
        and text[0] > "\u2000"
        and text[0] not in _NOT_EMOJI
        and (_EMOJI.match(text) is not None)
    )


def without_emoji(text: str) -> str:
    """``text`` without the emoji (and the joiners and variation selectors) opening it."""
    index = 0
    while index < len(text) and (
        opens_with_emoji(text[index:])
        or text[index] in "\u200d\ufe0f\ufe0e "
        or "\U0001f3fb" <= text[index] <= "\U0001f3ff"
    ):
        index += 1
    return text[index:]


def names_a_kind(state: ParseState, text: str) -> bool:
    """Does ``text`` name a section kind of the vocabulary ('Next week', 'Highlights'), an
    emoji in front of it or not ('📚 Reading')?"""
    if state.kinds.classify(text) is not SectionKind.OTHER:
        return True
    bare = without_emoji(text)
    return bare != text and state.kinds.classify(bare) is not SectionKind.OTHER


def heading_text(text: str) -> str:
    """A heading without its permalink mark ('Reading ¶', 'Reading #', '🔗 Reading')."""
    if text and (text[-1] in _PERMALINK_ENDS or text[0] in _PERMALINK_STARTS):
        bare = _PERMALINK_BEFORE.sub("", _PERMALINK_AFTER.sub("", text))
        return bare if bare.strip() else text
    return text


_PERMALINK_ENDS = frozenset("#¶🔗§⚓\ufe0f")
_PERMALINK_STARTS = frozenset("¶🔗⚓")
