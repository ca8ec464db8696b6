"""Section kinds from headings."""

from __future__ import annotations

import pytest

from weeknote_parser import SectionKind
from weeknote_parser.kinds import KindTable


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("Something I'm learning", "learning"),
        ("Something I’m learning", "learning"),
        ("What I learned", "learning"),
        ("This week I have learned", "learning"),
        ("Things I've learnt", "learning"),
        ("Next week", "next_week"),
        ("Plans for next week", "next_week"),
        ("Looking ahead", "next_week"),
        ("What went well?", "went_well"),
        ("What do I think has gone well?", "went_well"),
        ("Highlights", "went_well"),
        ("Good things", "went_well"),
        ("What am I worried about?", "worries"),
        ("What am I worried about, and what am I going to do about it?", "worries"),
        ("Lowlights", "worries"),
        ("Challenges", "worries"),
        ("Things I read", "reading"),
        ("Links", "reading"),
        ("Listening to", "reading"),
        ("Machine learning at scale", "other"),
        ("Next steps for the bins service", "other"),
        ("Governance and architecture", "other"),
        ("Our best work", "other"),
    ],
)
def test_kind_from_heading(heading: str, kind: str) -> None:
    assert KindTable().classify(heading).value == kind


def test_extra_vocabulary_adds_whole_heading_synonyms() -> None:
    table = KindTable({SectionKind.WENT_WELL: ("Yay!",)})
    assert table.classify("yay") is SectionKind.WENT_WELL
    assert table.classify("Yay and nay") is SectionKind.OTHER
