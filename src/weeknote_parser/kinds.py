"""Section kinds: headings matched whole against the phrases of :mod:`.vocabulary`."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from functools import cache

import regex

from .models import SectionKind
from .vocabulary import PHRASES, phrases
from .weeks.words import DECORATION

_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "ʼ": "'"})
# At a heading's start: decoration (emoji and other symbols), permalink marks ('#', '¶', '§',
# '🔗'), emphasis marks and a number ('1. ', '2) '). At its end, one character at a time (so
# a long run costs no more than its length): the same marks and end punctuation.
_START = regex.compile(rf"^(?:{DECORATION}|[#¶§*_\s]|\(?\d{{1,2}}[.):]\s)+")
_END_CHAR = regex.compile(rf"{DECORATION}|[#¶§*_\s?!.:;,…]")


def normalise_heading(text: str) -> str:
    """Lower-case ``text``, straighten quotes and fold space, dropping end punctuation and the
    decoration and permalink marks around it ('🔜 Next week:', 'Reading ¶' are 'next week',
    'reading')."""
    folded = _START.sub("", " ".join(text.translate(_QUOTES).lower().split()))
    end = len(folded)
    while end and _END_CHAR.fullmatch(folded[end - 1]):
        end -= 1
    return folded[:end]


def _fold_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.replace("ß", "ss"))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def heading_key(text: str) -> str:
    """The form of a heading the phrases are matched against: normalised, accents folded."""
    return _fold_accents(normalise_heading(text))


@cache
def _phrase_pattern() -> re.Pattern[str]:
    """One pattern with a named group per kind, so that one match call classifies a heading;
    built once per process, when the first heading is classified. The phrases use only the
    syntax both engines share, and the standard library's compiles this one three times
    faster than ``regex`` (it is the largest pattern the parser has). ``vocabulary.PHRASES``
    is read then, once: extra headings go through ``ParseOptions.vocabulary``."""
    return re.compile(
        "|".join(
            f"(?P<{kind.value}>{'|'.join(f'(?:{p})' for p in phrases(kind))})" for kind in PHRASES
        )
    )


class KindTable:
    """Classifies headings into section kinds, with optional extra whole-heading synonyms."""

    def __init__(self, extra: Mapping[SectionKind, tuple[str, ...]] | None = None) -> None:
        self._extra: dict[str, SectionKind] = {
            heading_key(phrase): kind for kind, words in (extra or {}).items() for phrase in words
        }

    def classify(self, heading: str) -> SectionKind:
        """The kind of the section under ``heading``; 'other' when no phrase fits."""
        text = heading_key(heading)
        if text in self._extra:
            return self._extra[text]
        match = _phrase_pattern().fullmatch(text)
        if match is None or match.lastgroup is None:
            return SectionKind.OTHER
        return SectionKind(match.lastgroup)
