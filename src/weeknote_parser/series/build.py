"""A series seen as a whole: its notes in week order, its timeline, findings, plans and
statistics, built from parsed documents."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import regex

from ..models import Document, ListBlock, Note, Paragraph, SectionKind, flatten_lists
from .findings import findings, ref, timeline
from .group import Group, group_items, items_of
from .models import GroupBy, KindCount, Plan, Series, SeriesNote, SeriesSet, Stats, TimelineWeek
from .place import Placed, in_order, place
from .plans import plans

_WORD = regex.compile(r"[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*")


def word_count(note: Note) -> int:
    """The words of a note's text: its headings, paragraphs and list items (not its title)."""
    count = 0
    for section in note.sections:
        if section.heading:
            count += len(_WORD.findall(section.heading))
        for block in section.blocks:
            if isinstance(block, Paragraph):
                count += len(_WORD.findall(block.text))
            elif isinstance(block, ListBlock):
                for each in flatten_lists(block):
                    if each.lead_in and each.depth == 1:
                        count += len(_WORD.findall(each.lead_in))
                    count += sum(len(_WORD.findall(item.text)) for item in each.items)
    return count


def _series_note(entry: Placed, labels: dict[int, str | None]) -> SeriesNote:
    note = entry.item.note
    return SeriesNote(
        ref=ref(entry),
        week=entry.week,
        published=note.published,
        placed_by=[item.ref(labels.get(item.order)) for item in entry.placed_by],
        words=word_count(note),
        kinds=[section.kind for section in note.sections],
    )


def _stats(
    notes: Sequence[SeriesNote], weeks: Sequence[TimelineWeek], made: Sequence[Plan]
) -> Stats:
    counts = [note.words for note in notes]
    kinds: dict[SectionKind, list[str]] = {}
    for note in notes:
        for kind in dict.fromkeys(note.kinds):
            kinds.setdefault(kind, []).append(note.ref.week or "")
    ranked = sorted(
        kinds.items(), key=lambda pair: (-len(pair[1]), list(SectionKind).index(pair[0]))
    )
    followed = [plan for plan in made if plan.followed_by is not None]
    return Stats(
        notes=len(notes),
        placed=sum(1 for note in notes if note.ref.week is not None),
        weeks=len(weeks),
        weeks_with_notes=sum(1 for week in weeks if week.notes),
        words_total=sum(counts),
        words_mean=round(sum(counts) / len(counts), 1) if counts else 0,
        words_min=min(counts, default=0),
        words_max=max(counts, default=0),
        kinds=[
            KindCount(kind=kind, notes=len(found), weeks=[week for week in found if week])
            for kind, found in ranked
        ],
        plans=len(followed),
        plans_matched=sum(1 for plan in followed if plan.matched),
    )


def build_group(group: Group) -> Series:
    """The series of one group of notes."""
    ordered = in_order(place(group.items))
    weeks = timeline(ordered)
    labels = {entry.item.order: entry.label for entry in ordered}
    notes = [_series_note(entry, labels) for entry in ordered]
    made = plans(ordered)
    return Series(
        key=group.key,
        label=group.label,
        notes=notes,
        timeline=weeks,
        findings=findings(group.key, ordered, weeks),
        plans=made,
        stats=_stats(notes, weeks, made),
    )


def build_series(documents: Iterable[Document], group_by: GroupBy = "auto") -> SeriesSet:
    """The series the notes of ``documents`` make, grouped as ``group_by`` says: "auto" (by
    author and site where the notes name them, else by folder), "author", "site", "folder",
    "document" or "all"."""
    groups = group_items(items_of(documents), group_by)
    return SeriesSet(group_by=group_by, series=[build_group(group) for group in groups])
