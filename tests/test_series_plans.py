"""Plans against what happened: 'next week' items looked for in the following note."""

from __future__ import annotations

from weeknote_parser.series import THRESHOLD, build_series, words
from weeknote_parser.series.plans import score

from .test_series_build import note, only


def test_words_are_folded_stemmed_and_stop_words_dropped() -> None:
    assert words("Finishing the Budget spreadsheets, I'll start it") == {
        "finish",
        "budget",
        "spreadsheet",
        "start",
    }
    assert words("Finished") == words("finish") == words("finishes")
    assert words("to the of a") == frozenset()


def test_the_forms_of_a_word_ending_in_e_or_a_doubled_consonant_are_one_word() -> None:
    assert words("update") == words("updated") == words("updates") == words("updating")
    assert words("note") == words("notes")
    assert words("plan") == words("planning") == words("planned")
    assert words("call") == words("called") == words("calls")
    assert words("study") == words("studies") == words("studied")
    assert words("meeting") == words("meetings")
    assert words("focus") == words("focused")
    assert words("process") == words("processes")
    assert words("add") == words("added")


def test_a_plan_in_the_present_matches_its_report_in_the_past() -> None:
    planning = "# Weeknote 10.24\n\n## Next week\n\n- Update the release notes\n"
    following = "# Weeknote 11.24\n\n- Updated release note drafts\n"
    plan = only([note(planning, "n/a.md"), note(following, "n/b.md")]).plans[0]
    assert plan.best is not None
    assert plan.best.score == 1.0
    assert plan.matched


def test_score_is_containment_with_jaccard_reported() -> None:
    plan, text = words("budget spreadsheet printers"), words("budget spreadsheet done at last")
    assert score(plan, text) == (0.667, 0.5)
    assert score(frozenset(), text) == (0.0, 0.0)


PLANNING = """\
# Weeknote 10.24

Setting things up.

## Next week

- Finish the budget spreadsheet
- Call the printers about the posters
- Book rooms for the spring workshop
"""

FOLLOWING = """\
# Weeknote 11.24

## What happened

- Finished the budget spreadsheet, at last
- Booked two rooms for the workshop in spring

## Next week

- Call the printers about the posters
"""


def test_plans_are_matched_with_the_next_notes_items() -> None:
    series = only([note(PLANNING, "n/a.md"), note(FOLLOWING, "n/b.md")])
    plans = series.plans
    assert [plan.text for plan in plans] == [
        "Finish the budget spreadsheet",
        "Call the printers about the posters",
        "Book rooms for the spring workshop",
        "Call the printers about the posters",
    ]
    budget, printers, rooms, again = plans
    assert budget.matched
    assert budget.best is not None
    assert budget.best.text == "Finished the budget spreadsheet, at last"
    assert budget.best.section == "What happened"
    assert budget.best.score == 1.0
    assert budget.followed_by is not None
    assert budget.followed_by.path == "n/b.md"
    assert rooms.matched
    assert rooms.best is not None
    assert rooms.best.span == (5, 6)
    # The next note's own plans are not what happened: the printers were not followed up.
    assert not printers.matched
    assert printers.best is None
    # The last note's plans have no following note.
    assert again.followed_by is None
    assert not again.matched
    assert (series.stats.plans, series.stats.plans_matched) == (3, 2)


def test_a_weak_overlap_is_not_a_match() -> None:
    planning = "# Weeknote 10.24\n\n## Next week\n\n- Draft the annual report for trustees\n"
    following = "# Weeknote 11.24\n\n- Read an interesting report about bees\n"
    plan = only([note(planning, "n/a.md"), note(following, "n/b.md")]).plans[0]
    assert plan.best is not None
    assert plan.best.score < THRESHOLD
    assert not plan.matched


def test_the_following_note_is_the_next_week_not_a_duplicate() -> None:
    planning = "# Weeknote 10.24\n\n## Next week\n\n- Tidy the garden shed\n"
    same_week = "# Weeknote 10.24\n\nTidy the garden shed, I said.\n"
    later = "# Weeknote 12.24\n\nNothing about it.\n"
    documents = [note(planning, "n/a.md"), note(same_week, "n/b.md"), note(later, "n/c.md")]
    plan = only(documents).plans[0]
    assert plan.followed_by is not None
    assert plan.followed_by.path == "n/c.md"
    assert not plan.matched


def test_paragraph_plans_are_plans_too() -> None:
    planning = "# Weeknote 10.24\n\n## Next week\n\nI will repaint the meeting room.\n"
    following = "# Weeknote 11.24\n\nRepainted the meeting room blue.\n"
    series = build_series([note(planning, "n/a.md"), note(following, "n/b.md")]).series[0]
    assert [(plan.text, plan.matched) for plan in series.plans] == [
        ("I will repaint the meeting room.", True)
    ]


def test_a_plan_is_looked_for_in_each_note_of_the_next_week_only() -> None:
    planning = "# Weeknote 10.24\n\n## Next week\n\n- Oil the squeaky gate\n"
    first = "# Weeknote 11.24\n\nNothing much.\n\n## Next week\n\n- Sweep the yard\n"
    second = "# Weeknote 11.24\n\nOiled the squeaky gate at last.\n"
    later = "# Weeknote 12.24\n\nSwept the yard. Oiled the squeaky gate again.\n"
    undated = "# Some thoughts\n\n## Next week\n\n- Oil the squeaky gate\n"
    documents = [note(text, f"n/{name}.md") for name, text in [
        ("a", planning), ("b", first), ("c", second), ("d", later), ("e", undated),
    ]]  # fmt: skip
    plans = only(documents).plans
    assert [(plan.note.path, plan.followed_by and plan.followed_by.path) for plan in plans] == [
        ("n/a.md", "n/c.md"),
        ("n/b.md", "n/d.md"),
        ("n/e.md", None),
    ]
    assert [plan.matched for plan in plans] == [True, True, False]
