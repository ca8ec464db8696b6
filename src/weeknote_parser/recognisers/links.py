"""Links: every URL in a note's text, without the punctuation that ends a sentence."""

from __future__ import annotations

from ..state import ParseState
from .common import URL

_TRAILING = ".,;:!?…"
_PAIRS = {")": "(", "]": "[", "}": "{"}


def clean_url(url: str) -> str:
    """Strip sentence punctuation and unbalanced closing brackets from the end of ``url``."""
    while url:
        last = url[-1]
        if last in _TRAILING or (last in _PAIRS and url.count(last) > url.count(_PAIRS[last])):
            url = url[:-1]
        else:
            break
    return url


def links(state: ParseState, text: str, line: int) -> None:
    """Record each URL on one line of note text, and each link target a format gives for it."""
    for link in state.lines[line].links:
        state.add_link(link.url, line, link.text)
    if "://" not in text and "www." not in text.lower():
        return
    for match in URL.finditer(text):
        url = clean_url(match.group())
        if "." in url.split("://", 1)[-1]:
            state.add_link(url, line)
