"""Text tests shared by several recognisers: what a heading or a title looks like."""

from __future__ import annotations

import regex

URL = regex.compile(r"(?:https?://|www\.)[^\s<>\"'“”‘’]+", regex.IGNORECASE)
_HAS_LETTER = regex.compile(r"\p{L}")
# A footnote marker closing a sentence ('… three drafts.[1]', '… passed. *') is not its end.
_TRAILING_MARKER = regex.compile(r"\s*(?:\[\d{1,3}\]|\*{1,3}|[¹²³⁴⁵⁶⁷⁸⁹⁰]+|†|‡)$")
_MARKER_ENDS = frozenset("]*¹²³⁴⁵⁶⁷⁸⁹⁰†‡")
_SENTENCE_END = (".", ",", ";", ":", "…", "...")

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


def looks_like_title(text: str) -> bool:
    """Could ``text`` be a post title? Like a heading, but it may be longer and end in '…'."""
    if not text or len(text) > MAX_TITLE_CHARS:
        return False
    if text.endswith((".", ",", ";", ":")) and not text.endswith("..."):
        return False
    return _HAS_LETTER.search(text) is not None and URL.search(text) is None
