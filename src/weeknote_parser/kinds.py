"""Section kinds: the table of heading synonyms for each recurring weeknote section."""

from __future__ import annotations

from collections.abc import Mapping

import regex

from .models import SectionKind

# Each kind has phrases that name it. A heading is of a kind when, once normalised
# (lower case, straight apostrophes, no end punctuation), it matches one of the kind's
# patterns. Patterns are anchored so that a topical heading that merely contains a word
# ('Machine learning at scale') stays 'other'.
_I = r"(?:i|we)(?:'?m|'?ve| am| have| are|'re)?(?: been)?"
SYNONYMS: dict[SectionKind, tuple[str, ...]] = {
    SectionKind.LEARNING: (
        rf"(?:something|some things|things|what|stuff) {_I} (?:am |have )?(?:learn(?:ing|ed|t))(?: this week| about| lately| recently)?",
        rf"(?:this week )?{_I} (?:learn(?:ed|t))(?: this week)?",
        r"(?:today|this week) i learn(?:ed|t)|til",
        r"learn(?:ing|ings|ed|t)(?: this week)?|lessons?(?: learn(?:ed|t))?|reflections?",
    ),
    SectionKind.NEXT_WEEK: (
        r"(?:next|the coming|coming|the week|this coming) week(?: ahead)?",
        r"(?:plans?|goals?|priorities|focus|aims?|objectives|to ?dos?|intentions) (?:for|next) (?:the )?(?:next|coming) week",
        r"(?:what'?s|what is|looking|coming) (?:next|ahead|up)(?: next week)?|next(?: up| steps)?",
        r"(?:what|things) (?:i'?m|i am|we'?re|we are) (?:doing|planning|focusing on) next week",
        r"week ahead|the week ahead|next week'?s (?:plans?|goals?|priorities)",
    ),
    SectionKind.WENT_WELL: (
        r"(?:what|things that|something that|stuff that) (?:has |have |'?s )?(?:went|gone|going|go) well",
        rf"what (?:do|did) {_I} think (?:has |have )?(?:went|gone) well",
        r"(?:the )?(?:highlights?|good things?|good stuff|wins|positives|successes|achievements|celebrations?|things to celebrate|what i'?m proud of)(?: (?:of|from|this) (?:the )?week)?",
        r"(?:the )?good(?: bits)?|what was good|what's been good|(?:this week'?s )?wins",
    ),
    SectionKind.WORRIES: (
        rf"what (?:am|are|is) {_I}? ?worr(?:ied|ying) about.*",
        rf"what (?:{_I} )?(?:am )?worr(?:ied|ying) about.*",
        r"(?:the )?(?:worries|concerns|lowlights?|low points?|challenges|blockers|struggles|risks|problems|frustrations|bad things?|not so good|the bad)(?: (?:of|from|this) (?:the )?week)?",
        r"(?:what|things that) (?:didn'?t|did not) go (?:so |as )?well|what (?:went|has gone) (?:badly|wrong)|what could have gone better|even better if",
    ),
    SectionKind.READING: (
        rf"(?:things|stuff|what) {_I} (?:am |have )?(?:read(?:ing)?|watch(?:ed|ing)|listen(?:ed|ing) to)(?: this week)?",
        r"(?:reading|read|listening|listening to|watching|links|interesting links|bookmarks|podcasts|things i read|good reads|recommended reading|further reading|media|books?)(?: this week| list)?",
        r"(?:currently )?(?:reading|listening to|watching)(?:,? (?:and )?(?:reading|listening to|watching))*",
    ),
}

_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'"})
_END_CHARS = " ?!.:;,…"


def normalise_heading(text: str) -> str:
    """Lower-case ``text``, straighten quotes and fold space, dropping end punctuation."""
    folded = " ".join(text.translate(_QUOTES).lower().split())
    return folded.rstrip(_END_CHARS)


class KindTable:
    """Classifies headings into section kinds, with optional extra whole-heading synonyms."""

    def __init__(self, extra: Mapping[SectionKind, tuple[str, ...]] | None = None) -> None:
        # One pattern with a named group per kind: one match call classifies a heading.
        self._pattern = regex.compile(
            "|".join(
                f"(?P<{kind.value}>{'|'.join(f'(?:{p})' for p in patterns)})"
                for kind, patterns in SYNONYMS.items()
            )
        )
        self._extra: dict[str, SectionKind] = {
            normalise_heading(phrase): kind
            for kind, phrases in (extra or {}).items()
            for phrase in phrases
        }

    def classify(self, heading: str) -> SectionKind:
        """The kind of the section under ``heading``; 'other' when no synonym fits."""
        text = normalise_heading(heading)
        if text in self._extra:
            return self._extra[text]
        match = self._pattern.fullmatch(text)
        if match is None or match.lastgroup is None:
            return SectionKind.OTHER
        return SectionKind(match.lastgroup)
