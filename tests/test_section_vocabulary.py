"""The section vocabulary: phrases per kind and language, and the heading normalisation that
lets decorated headings ('🔜 Next week:', 'Reading ¶') be classified."""

from __future__ import annotations

import pytest

from weeknote_parser import SectionKind
from weeknote_parser.kinds import KindTable, heading_key, normalise_heading
from weeknote_parser.vocabulary import PHRASES, phrases

from .conftest import outline, parse_text

TABLE = KindTable()


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        # English, beyond the classic four questions
        ("What didn't", "worries"),
        ("What didn't work", "worries"),
        ("Lows", "worries"),
        ("Are there any blockers in my way?", "worries"),
        ("Shipped", "went_well"),
        ("Things we shipped this week", "went_well"),
        ("Small wins", "went_well"),
        ("Wins", "went_well"),
        ("Bright spots", "went_well"),
        ("Looking ahead", "next_week"),
        ("On the horizon", "next_week"),
        ("Goals for the coming week", "next_week"),
        ("Todo", "next_week"),
        ("To-do list", "next_week"),
        ("Up next", "next_week"),
        ("What do I plan to do next week?", "next_week"),
        ("Link dump", "reading"),
        ("Links of the week", "reading"),
        ("Interesting things", "reading"),
        ("Cool stuff I found", "reading"),
        ("Stuff I read", "reading"),
        ("Read", "reading"),
        ("Watched", "reading"),
        ("Read, watched and listened to", "reading"),
        ("Album of the week", "reading"),
        ("Further resources", "reading"),
        ("Today I learned", "learning"),
        ("Learnings", "learning"),
        ("Trying to learn the cello", "learning"),
        ("Learning how to bake bread", "learning"),
        ("Learning Management Systems", "other"),
        # other languages
        ("Ce que j'ai appris", "learning"),
        ("Was ich gelernt habe", "learning"),
        ("Lo que aprendí", "learning"),
        ("La semaine prochaine", "next_week"),
        ("Nächste Woche", "next_week"),
        ("Próxima semana", "next_week"),
        ("Volgende week", "next_week"),
        ("Les joies", "went_well"),
        ("Was gut lief", "went_well"),
        ("Lo bueno", "went_well"),
        ("Les peines", "worries"),
        ("Was nicht so gut lief", "worries"),
        ("Lo malo", "worries"),
        ("Lu, vu, écouté", "reading"),
        ("Gelesen und gehört", "reading"),
        ("Leído, visto", "reading"),
        ("Lectures de la semaine", "reading"),
        # topical headings that contain a word stay 'other'
        ("Machine learning at scale", "other"),
        ("Next steps for the bins service", "other"),
        ("Reading the room", "other"),
        ("Wins and losses in the budget", "other"),
        ("Highs and lows", "other"),
        ("Done", "other"),
        ("Goals", "other"),
        ("Links between teams", "other"),
    ],
)
def test_kind_from_the_vocabulary(heading: str, kind: str) -> None:
    assert TABLE.classify(heading).value == kind


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("Next week?", "next_week"),
        ("Next week:", "next_week"),
        ("Next week!", "next_week"),
        ("🔜 Next week", "next_week"),
        ("📚 Reading", "reading"),
        ("Reading 📚", "reading"),
        ("✨ Highlights ✨", "went_well"),
        ("👩\u200d💻 What I learned", "learning"),
        ("# Reading", "reading"),
        ("Reading ¶", "reading"),
        ("Reading #", "reading"),
        ("🔗 Links", "reading"),
        ("§ Worries", "worries"),
        ("**Next week**", "next_week"),
        ("1. What went well?", "went_well"),
        ("2) Challenges", "worries"),
        ("WHAT WENT WELL", "went_well"),
        ("Things I’ve learnt", "learning"),
    ],
)
def test_decoration_and_marks_do_not_hide_the_kind(heading: str, kind: str) -> None:
    assert TABLE.classify(heading).value == kind


def test_normalise_heading() -> None:
    assert normalise_heading("  🔜  Next   Week: ") == "next week"
    assert normalise_heading("Reading ¶") == "reading"
    assert normalise_heading("What’s next?") == "what's next"
    assert normalise_heading("2024 plans") == "2024 plans"  # a year is not a numbering
    assert heading_key("Écouté, lu") == "ecoute, lu"
    assert heading_key("Größte Erfolge") == "grosste erfolge"


def test_every_kind_has_phrases_in_several_languages() -> None:
    for kind in (
        SectionKind.LEARNING,
        SectionKind.NEXT_WEEK,
        SectionKind.WENT_WELL,
        SectionKind.WORRIES,
        SectionKind.READING,
    ):
        assert len(PHRASES[kind]) >= 4
        assert phrases(kind)


def test_extra_vocabulary_is_normalised_like_headings() -> None:
    table = KindTable({SectionKind.WENT_WELL: ("Yay!",)})
    assert table.classify("🎉 Yay") is SectionKind.WENT_WELL


def test_kinds_in_a_parsed_note() -> None:
    text = """
        Weeknote 12.22

        Intro text.

        🔜 Next week

        More text.

        📚 Reading

        - a book
        """
    assert outline(parse_text(text)) == [
        (None, "intro"),
        ("🔜 Next week", "next_week"),
        ("📚 Reading", "reading"),
    ]


def test_long_runs_of_marks_are_stripped_in_linear_time() -> None:
    # a quadratic strip would take minutes on these
    assert normalise_heading("a" + "!" * 50_000 + "b") == "a" + "!" * 50_000 + "b"
    assert normalise_heading("Reading" + " !" * 50_000) == "reading"
    assert TABLE.classify("🎉" * 20_000 + " Wins") is SectionKind.WENT_WELL
