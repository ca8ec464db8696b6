"""Plans against what happened: each item of a note's 'next week' section looked for in the
following note of its series.

The rule, kept simple so that a reader can check it by hand:

* Text is cut into words (letters or digits), folded to lower case; stop words
  (:data:`STOP_WORDS`) and one-letter words are dropped. A word's common ending is taken off
  (:func:`stem`): '-ies' and '-ied' become '-y' ('studies': 'study'); else the first of
  '-ings', '-ing', '-ed', '-es', '-s' (but no '-s' after 'ss', 'us' or 'is') that leaves
  three letters; then a final 'e', or the second of a final doubled consonant, goes when
  three letters remain. So 'finish', 'finished' and 'finishing' are one word, as are
  'update', 'updated' and 'updates', or 'plan' and 'planning'.
* A plan (a list item, or a paragraph, of a 'next week' section) is compared with every list
  item, paragraph and heading of the following note, outside its own 'next week' sections.
  The score is the containment of the plan's words in the text, |plan ∩ text| / |plan|; the
  Jaccard similarity |plan ∩ text| / |plan ∪ text| breaks ties and is reported too.
* The best-scoring text is the plan's match when its score reaches :data:`THRESHOLD` (half of
  the plan's words); else the plan is listed as not followed up.

The following note is the next note of the series in a later week; when two notes share
that week, a plan is looked for in both.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import regex

from ..models import ListBlock, Note, Paragraph, SectionKind, Span, flatten_lists
from .findings import ref
from .models import Plan, PlanMatch
from .place import Placed

THRESHOLD = 0.5
_WORD = regex.compile(r"[\p{L}\p{N}]+(?:['’][\p{L}]+)?")
_ENDINGS = ("ings", "ing", "ed", "es", "s")
_VOWELS = frozenset("aeiouy")
_STOP_WORDS = """
    a about after again all also am an and any are as at be been before being but by can
    could did do does doing done for from get got had has have having he her here him his how
    i if in into is it its it's just me more most my next no not of off on once only or other
    our out over own same she should so some still such than that the their them then there
    these they this those through to too up very was we week were what when where which while
    who why will with would you your i'll i'm we'll we're going try trying want
"""
STOP_WORDS = frozenset(_STOP_WORDS.split())


def stem(word: str) -> str:
    """``word`` without its common ending, as the rule above says."""
    if word.endswith(("ies", "ied")) and len(word) > 4:
        return word[:-3] + "y"
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            if ending == "s" and word.endswith(("ss", "us", "is")):
                break
            word = word[: -len(ending)]
            break
    if len(word) > 3 and (word[-1] == "e" or (word[-1] == word[-2] and word[-1] not in _VOWELS)):
        word = word[:-1]
    return word


def words(text: str) -> frozenset[str]:
    """The content words of ``text``, as the rule above reads them."""
    found = set()
    for match in _WORD.finditer(text.casefold()):
        word = match.group().replace("’", "'")
        if word in STOP_WORDS or len(word) < 2:
            continue
        found.add(stem(word))
    return frozenset(found)


@dataclass(frozen=True, slots=True)
class _Text:
    text: str
    span: Span
    section: str | None


def _texts(note: Note, *, plans: bool) -> Iterator[_Text]:
    """The plans of ``note`` (``plans``), or every text a plan may be matched with."""
    for section in note.sections:
        if (section.kind == SectionKind.NEXT_WEEK) != plans:
            continue
        if not plans and section.heading:
            yield _Text(section.heading, (section.span[0], section.span[0] + 1), section.heading)
        for block in section.blocks:
            if isinstance(block, Paragraph):
                yield _Text(block.text, block.span, section.heading)
            elif isinstance(block, ListBlock):
                for each in flatten_lists(block):
                    for item in each.items:
                        yield _Text(item.text, item.span, section.heading)


def score(plan: frozenset[str], text: frozenset[str]) -> tuple[float, float]:
    """(containment of ``plan`` in ``text``, Jaccard similarity), each rounded to 3 places."""
    if not plan:
        return 0.0, 0.0
    shared = len(plan & text)
    return round(shared / len(plan), 3), round(shared / len(plan | text), 3)


def _best(
    plan: frozenset[str], targets: Sequence[tuple[Placed, _Text, frozenset[str]]]
) -> tuple[Placed, PlanMatch] | None:
    """The text of ``targets`` scoring best against ``plan`` (the first, on a tie), with the
    note it is in; None if none shares a word with it."""
    best: tuple[tuple[float, float], Placed, _Text] | None = None
    for entry, target, target_words in targets:
        scores = score(plan, target_words)
        if scores[0] > 0 and (best is None or scores > best[0]):
            best = (scores, entry, target)
    if best is None:
        return None
    (containment, jaccard), entry, target = best
    match = PlanMatch(
        text=target.text,
        span=target.span,
        section=target.section,
        score=containment,
        jaccard=jaccard,
    )
    return entry, match


def _following(ordered: Sequence[Placed], firsts: Sequence[int], position: int) -> list[Placed]:
    """The notes of the first week after ``ordered[position]``'s that has any (``firsts``:
    the first weeks of the placed notes, which come first in ``ordered``, in order)."""
    current = ordered[position].first
    if current is None:
        return []
    start = bisect.bisect_right(firsts, current)
    end = bisect.bisect_right(firsts, firsts[start]) if start < len(firsts) else start
    return list(ordered[start:end])


def plans(ordered: Sequence[Placed]) -> list[Plan]:
    """Every plan of the series' notes (in ``ordered``, by week) and its follow-up: looked
    for in every note of the next week that has one (two notes, for a duplicate week)."""
    found = []
    firsts = [entry.first for entry in ordered if entry.first is not None]
    for position, entry in enumerate(ordered):
        made = list(_texts(entry.item.note, plans=True))
        if not made:
            continue
        following = _following(ordered, firsts, position)
        targets = [
            (other, text, words(text.text))
            for other in following
            for text in _texts(other.item.note, plans=False)
        ]
        for plan in made:
            best = _best(words(plan.text), targets)
            where = best[0] if best is not None else (following[0] if following else None)
            match = best[1] if best is not None else None
            found.append(
                Plan(
                    note=ref(entry),
                    text=plan.text,
                    span=plan.span,
                    followed_by=ref(where) if where is not None else None,
                    best=match,
                    matched=match is not None and match.score >= THRESHOLD,
                )
            )
    return found
