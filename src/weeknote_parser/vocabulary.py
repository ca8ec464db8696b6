"""The headings that name each recurring weeknote section, per kind and language.

Each phrase is a regular expression matched against the *whole* heading once it is
normalised (see :func:`weeknote_parser.kinds.heading_key`): lower case, straight apostrophes,
single spaces, accents folded ('écouté' is 'ecoute', 'ß' is 'ss'), with no end punctuation,
emoji or permalink marks. Matching whole headings keeps a topical heading that merely
contains a word ('Machine learning at scale', 'Next steps for the bins service') as 'other'.
Add a language by adding its phrases.
"""

from __future__ import annotations

from .models import SectionKind


def _any(*words: str) -> str:
    """One of ``words`` (each a regular expression)."""
    return "(?:" + "|".join(words) + ")"


def _of_the_week(*words: str) -> str:
    """One of ``words``, with an optional 'the' before and 'of the week' after."""
    return rf"(?:the )?{_any(*words)}(?: (?:of|from|this) (?:the )?week)?"


def _listed(*words: str) -> str:
    """One or more of ``words`` in a list: 'read, watched and listened to'."""
    word = _any(*words)
    return rf"{word}(?:,? (?:and |et |und |y )?{word})*"


# 'I', 'we' and the verb forms that follow them ("I'm", "we've been", 'I have').
_I = r"(?:i|we)(?:'?m|'?ve| am| have| are|'re)?(?: been)?"
_WEEK = r"(?: (?:this|last|of the|from the) week| lately| recently)?"
_SOMETHING = r"(?:something|some things|things|what|stuff)"
_COMING_WEEK = r"(?:the )?(?:next|coming|upcoming) week"

PHRASES: dict[SectionKind, dict[str, tuple[str, ...]]] = {
    SectionKind.LEARNING: {
        "en": (
            rf"{_SOMETHING} {_I} (?:am |have )?learn(?:ing|ed|t)(?: about)?{_WEEK}",
            rf"(?:this week )?{_I} (?:learn(?:ed|t))(?: this week)?",
            r"(?:today|this week) i learn(?:ed|t)|til",
            r"learn(?:ing|ings|ed|t)(?: this week)?|lessons?(?: learn(?:ed|t))?|reflections?",
            r"(?:trying|starting|beginning|continuing) to learn .+|learning (?:to|about|how to) .+",
        ),
        "fr": (r"(?:ce que )?j'ai appris(?: cette semaine)?|appris|apprentissages?",
               r"lecons(?: apprises)?"),
        "de": (r"(?:was ich )?gelernt(?: habe)?|erkenntnisse",),
        "es": (r"(?:lo que )?aprendi(?: esta semana)?|aprendizajes?|lecciones(?: aprendidas)?",),
        "nl": (r"(?:wat ik )?geleerd(?: heb)?",),
    },
    SectionKind.NEXT_WEEK: {
        "en": (
            r"(?:next|the coming|coming|the week|this coming) week(?: ahead)?",
            _any("plans?", "goals?", "priorities", "focus", "aims?", "objectives", "to ?-?dos?",
                 "intentions") + rf" (?:for|next) {_COMING_WEEK}",
            r"(?:what'?s|what is|looking|coming) (?:next|ahead|up)(?: next week)?",
            r"next(?: up| steps)?|up next|upcoming|(?:on|over) the horizon|the road ahead",
            r"(?:what|things) (?:i'?m|i am|we'?re|we are) (?:doing|planning|focusing on) next week",
            r"(?:the )?week ahead|next week'?s (?:plans?|goals?|priorities|focus)",
            r"to ?-?dos?(?: list)?|to do",
            r"what (?:do|will|shall) (?:i|we|you) (?:plan|intend|hope|want) to"
            r" (?:do|work on|achieve)(?: (?:this|next|the coming) week)?",
        ),
        "fr": (r"(?:la )?(?:semaine prochaine|prochaine semaine)|a venir|a faire|la suite",
               r"(?:objectifs|projets) (?:de|pour) la semaine prochaine"),
        "de": (r"(?:die )?nachste woche|ausblick|geplant|vorhaben",
               r"plane fur (?:die )?nachste woche"),
        "es": (r"(?:la )?(?:proxima semana|semana que viene)|pendientes?|por hacer",
               r"planes(?: para la proxima semana)?"),
        "nl": (r"volgende week|vooruitblik",),
    },
    SectionKind.WENT_WELL: {
        "en": (
            r"(?:what|things that|something that|stuff that) (?:has |have |'?s )?"
            r"(?:went|gone|going|go) well",
            rf"what (?:do|did) {_I} think (?:has |have )?(?:went|gone) well",
            _of_the_week("highlights?", "good things?", "good stuff", "wins", "positives",
                         "successes", "achievements", "accomplishments", "celebrations?",
                         "things to celebrate", "what i'?m proud of"),
            r"(?:the )?good(?: bits)?|what was good|what's been good|(?:this week'?s )?wins",
            rf"shipped(?: this week)?|(?:what|things|stuff) {_I} shipped(?: this week)?",
            r"(?:small|little|tiny|quick|big) wins|highs|bright spots?|good news|proud moments?",
            r"what worked(?: well)?|what'?s working|what is working",
            r"gratitude|(?:things |what )?(?:i'?m|i am|we'?re|we are) (?:grateful|thankful) for",
        ),
        "fr": (r"(?:des |les |mes )?joies|(?:ce qui a |ce qui s'est )?bien (?:marche|passe)",
               r"(?:les )?(?:reussites|victoires|bonnes nouvelles|points positifs|bons moments)"),
        "de": (r"was (?:gut|toll) (?:lief|war)|(?:meine )?erfolge|lichtblicke|freuden",),
        "es": (r"lo bueno|(?:que|lo que) (?:salio|fue) bien|logros|exitos|alegrias",),
        "nl": (r"wat ging goed|hoogtepunten|successen",),
    },
    SectionKind.WORRIES: {
        "en": (
            rf"what (?:am|are|is) {_I}? ?worr(?:ied|ying) about.*",
            rf"what (?:{_I} )?(?:am )?worr(?:ied|ying) about.*",
            _of_the_week("worries", "concerns", "lowlights?", "low points?", "lows", "challenges",
                         "blockers", "struggles", "risks", "problems", "frustrations",
                         "bad things?", "not so good", "the bad", "difficulties", "setbacks",
                         "obstacles", "impediments", "roadblocks", "pain points?"),
            r"(?:what|things that) (?:didn'?t|did not) go (?:so |as )?well",
            r"what (?:went|has gone) (?:badly|wrong)|what could have gone better|even better if",
            r"what (?:didn'?t|did not)(?: work| go (?:so |as )?well)?",
            r"what'?s not working|what is(?:n'?t| not) working",
            r"(?:what )?could (?:be|have been) better",
            r"are there any (?:impediments|blockers|obstacles|problems|risks)"
            r"(?: in (?:my|your|our|the) way)?",
        ),
        "fr": (r"(?:des |les |mes )?peines",
               r"(?:ce qui a |ce qui s'est )?(?:moins bien|mal) (?:marche|passe)",
               r"(?:les )?(?:difficultes|inquietudes|soucis|points negatifs|blocages|problemes)"),
        "de": (r"was (?:nicht (?:so )?gut|schlecht) (?:lief|war)",
               r"sorgen|herausforderungen|probleme|schwierigkeiten"),
        "es": (r"lo malo|(?:que|lo que) (?:salio|fue) mal",
               r"preocupaciones|dificultades|problemas|bloqueos|retos|desafios"),
        "nl": (r"wat ging (?:minder|niet) goed|zorgen|uitdagingen",),
    },
    SectionKind.READING: {
        "en": (
            rf"(?:things|stuff|what) {_I} (?:am |have )?"
            r"(?:read(?:ing)?|watch(?:ed|ing)|listen(?:ed|ing) to|found|bookmarked)"
            r"(?: this week| on the (?:web|internet))?",
            _any("reading", "read", "listening", "listening to", "watching", "links",
                 "interesting links", "bookmarks", "podcasts", "things i read", "good reads",
                 "recommended reading", "further reading", "media", "books?")
            + "(?: this week| list)?",
            r"(?:currently )?" + _listed("reading", "listening to", "watching", "playing"),
            _listed("read", "watched", "listened(?: to)?", "heard", "seen", "played"),
            r"links? (?:dump|roundup|round-up|round up|log|pile|love)|links? of the week",
            r"weekly links|(?:some |other )?(?:interesting|good|cool|fun)"
            r" (?:things|stuff|links|reads|bits|finds)(?: (?:i|we) (?:found|read|saw))?"
            r"(?: this week| on the (?:web|internet))?",
            _any("songs?", "albums?", "tracks?", "books?", "podcasts?", "videos?", "reads?",
                 "links?", "articles?") + " of the week",
            _any("sources", "references", "resources", "further resources", "articles", "papers",
                 "videos", "newsletters", "blog posts"),
        ),
        "fr": (_listed("vu", "lu", "ecoute", "entendu", "regarde"),
               r"lectures?(?: de la semaine)?|a lire|liens?(?: de la semaine| interessants)?",
               r"ce que j'ai (?:lu|vu|ecoute)|ressources"),
        "de": (_listed("gelesen", "gehort", "gesehen", "geschaut"),
               r"lesetipps|lekture|leseliste|links? der woche|fundstucke|quellen",
               r"was ich (?:gelesen|gehort|gesehen) habe"),
        "es": (_listed("leido", "visto", "escuchado"),
               r"lecturas?(?: de la semana)?|enlaces(?: de la semana| interesantes)?",
               r"lo que (?:lei|vi|escuche)|fuentes|recursos|referencias"),
        "nl": (r"gelezen|gekeken|geluisterd|leestips",),
    },
}  # fmt: skip


def phrases(kind: SectionKind) -> tuple[str, ...]:
    """Every phrase for ``kind``, in every language."""
    return tuple(p for language in PHRASES[kind].values() for p in language)
