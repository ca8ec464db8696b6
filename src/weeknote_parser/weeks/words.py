"""The words of the week grammar, per language: labels, words for 'week', written numbers.

Each table is data: add a language by adding its words. The grammar builds its patterns from
these tables once, at import.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# Labels naming a text as a weeknote (regular expressions, matched case-insensitively).
LABELS: dict[str, tuple[str, ...]] = {
    "en": (
        r"week\s?notes?",
        r"weekly\s+(?:notes?|updates?|logs?|reports?|reviews?|recaps?|journal)",
    ),
    "de": (r"wochen(?:notizen|notiz|bericht|rückblick)",),
    "fr": (r"notes\s+de\s+(?:la\s+)?semaine", r"semainier"),
    "nl": (r"weeknotities", r"weekverslag"),
}

# Words a title may open with before its designation, besides the labels ('Notes: 16th Dec -
# 3rd Jan', 'Log #1: first steps', 'Week: 3 March'). They name a series, not the text as a
# weeknote, so they do not make a weak designation a title by themselves.
SERIES_WORDS: tuple[str, ...] = (
    "week", "notes", "note", "log", "journal", "diary", "update", "updates", "report",
    "newsletter", "digest", "recap", "roundup", "round-up",
)  # fmt: skip

# Words for 'week' before a number ('Week 12', 'KW 12', 'Semaine 12'). 'cw' and 'kw' are
# calendar week in English and German.
WEEK_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("week", "wk", "cw"),
    "de": ("woche", "kw", "kalenderwoche"),
    "fr": ("semaine",),
    "es": ("semana",),
    "it": ("settimana",),
    "nl": ("week",),
    "sv": ("vecka",),
    "no": ("uke",),
    "da": ("uge",),
    "fi": ("viikko",),
}

# Written numbers: the words for one to nineteen and for the tens, per language; compound
# numbers are built by each language's rule (``_compounds``).
_UNITS: dict[str, tuple[str, ...]] = {
    "en": (
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
        "eighteen", "nineteen",
    ),
    "fr": (
        "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze",
        "douze", "treize", "quatorze", "quinze", "seize", "dix-sept", "dix-huit", "dix-neuf",
    ),
    "de": (
        "eins", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn",
        "elf", "zwölf", "dreizehn", "vierzehn", "fünfzehn", "sechzehn", "siebzehn", "achtzehn",
        "neunzehn",
    ),
    "es": (
        "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez",
        "once", "doce", "trece", "catorce", "quince", "dieciséis", "diecisiete", "dieciocho",
        "diecinueve",
    ),
}  # fmt: skip
_TENS: dict[str, tuple[str, ...]] = {
    "en": ("twenty", "thirty", "forty", "fifty"),
    "fr": ("vingt", "trente", "quarante", "cinquante"),
    "de": ("zwanzig", "dreißig", "vierzig", "fünfzig"),
    "es": ("veinte", "treinta", "cuarenta", "cincuenta"),
}


_ACCENTED = {"dos": "dós", "tres": "trés", "seis": "séis"}


def _compounds(
    language: str, tens: str, ten: int, units: tuple[str, ...]
) -> Iterable[tuple[str, int]]:
    """'thirty-seven', 'trente-sept', 'siebenunddreißig', 'treinta y siete' (1 to 9 after)."""
    for unit_value, unit in enumerate(units[:9], start=1):
        value = ten + unit_value
        if language == "en":
            yield f"{tens}-{unit}", value
            yield f"{tens} {unit}", value
        elif language == "fr":
            yield (f"{tens} et un" if unit_value == 1 else f"{tens}-{unit}"), value
        elif language == "de":
            yield f"{'ein' if unit_value == 1 else unit}und{tens}", value
        elif language == "es":
            yield f"{tens} y {unit}", value
            if ten == 20:  # 'veintiuno' ... 'veintinueve', with the accents they take
                yield "veinti" + unit, value
                yield "veinti" + _ACCENTED.get(unit, unit), value


def _number_words() -> dict[str, int]:
    words: dict[str, int] = {}
    for language, units in _UNITS.items():
        for value, word in enumerate(units, start=1):
            words.setdefault(word, value)
        for index, tens in enumerate(_TENS[language]):
            ten = 20 + 10 * index
            words.setdefault(tens, ten)
            for word, value in _compounds(language, tens, ten, units):
                words.setdefault(word, value)
    return words


# Every written number from one to fifty-nine, in every language above, to its value.
NUMBER_WORDS: dict[str, int] = _number_words()


def alternation(words: Iterable[str]) -> str:
    """A regular expression matching any of ``words`` (literal), longest first."""
    return "|".join(re.escape(word) for word in sorted(set(words), key=len, reverse=True))


def number_value(text: str) -> int | None:
    """The value of a written number ('thirty-seven', 'Thirty Seven'), or None."""
    return NUMBER_WORDS.get(" ".join(text.lower().replace("‐", "-").split()))


LABEL = "(?:" + "|".join(p for patterns in LABELS.values() for p in patterns) + ")"
WEEK_WORD_LIST: tuple[str, ...] = tuple(
    dict.fromkeys(word for words in WEEK_WORDS.values() for word in words)
)

# Decoration that may stand around a designation or a heading: emoji, pictographs and other
# symbols, with their joiners and variation selectors.
DECORATION = (
    r"[\U0001F000-\U0001FAFF\u2190-\u21FF\u2300-\u23FF\u2460-\u27BF\u2900-\u297F"
    r"\u2B00-\u2BFF\u3030\u303D\u3297\u3299\uFE0F\u200D\u20E3*~•·»«→←]"
)
