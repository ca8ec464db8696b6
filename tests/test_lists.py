"""The list recogniser: bullets, numbers, lead-ins, continuation lines and nesting."""

from __future__ import annotations

import pytest

from weeknote_parser import ListBlock, flatten_lists

from .conftest import parse_text


def lists_of(text: str) -> list[ListBlock]:
    doc = parse_text(text)
    return [block for note in doc.notes for block in flatten_lists(note)]


@pytest.mark.parametrize("bullet", ["•", "-", "*", "–", "+", "▪"])
def test_each_bullet_character_makes_a_bullet_list(bullet: str) -> None:
    found = lists_of(f"Weeknote 3.2020\n\nDone:\n\n{bullet} one\n{bullet} two\n")
    assert [(b.style, [i.text for i in b.items]) for b in found] == [("bullet", ["one", "two"])]


def test_lead_in_is_the_paragraph_ending_in_a_colon() -> None:
    found = lists_of("Weeknote 3.2020\n\nThings I did this week:\n\n  • one\n  • two\n")
    assert found[0].lead_in == "Things I did this week:"


def test_lead_in_may_sit_directly_above_the_list() -> None:
    found = lists_of("Weeknote 3.2020\n\nThings I did:\n- one\n- two\n")
    assert (found[0].lead_in, len(found[0].items)) == ("Things I did:", 2)


def test_the_paragraph_just_before_a_list_introduces_it_colon_or_not() -> None:
    found = lists_of("Weeknote 3.2020\n\nIt was a busy week at the shop.\n\n- one\n- two\n")
    assert found[0].lead_in == "It was a busy week at the shop."


def test_a_lead_in_without_a_colon_stays_a_paragraph_too() -> None:
    doc = parse_text("Weeknote 3.2020\n\nIt was a busy week at the shop.\n\n- one\n- two\n")
    blocks = doc.notes[0].sections[0].blocks
    assert [b.type for b in blocks] == ["paragraph", "list"]


def test_a_paragraph_carrying_a_link_does_not_introduce_the_list() -> None:
    found = lists_of("Weeknote 3.2020\n\nRead https://example.org/a today.\n\n- one\n")
    assert found[0].lead_in is None


def test_a_single_word_above_a_list_introduces_nothing() -> None:
    found = lists_of("Weeknote 3.2020\n\nSome text.\n\nphoto.jpg\n\n- one\n- two\n")
    assert found[0].lead_in is None


def test_list_straight_after_a_heading_has_no_lead_in() -> None:
    found = lists_of("Weeknote 3.2020\n\nDone\n\n- one\n- two\n")
    assert found[0].lead_in is None


def test_long_paragraph_ending_in_colon_is_the_lead_in() -> None:
    lead = "Several sentences come first. Then the list is introduced at the end:"
    found = lists_of(f"Weeknote 3.2020\n\n{lead}\n\n1. one\n2. two\n3. three\n")
    assert (found[0].style, found[0].lead_in, len(found[0].items)) == ("numbered", lead, 3)


def test_every_item_numbered_one_is_still_a_numbered_list() -> None:
    found = lists_of("Weeknote 3.2020\n\nSteps:\n\n1. a\n1. b\n1. c\n")
    assert (found[0].style, len(found[0].items)) == ("numbered", 3)


def test_indented_line_continues_the_item() -> None:
    found = lists_of("Weeknote 3.2020\n\n- first part\n  second part\n- next\n")
    assert [i.text for i in found[0].items] == ["first part second part", "next"]


def test_items_separated_by_blank_lines_stay_one_list() -> None:
    found = lists_of("Weeknote 3.2020\n\nDone:\n\n- one\n\n- two\n\n- three\n")
    assert len(found) == 1
    assert len(found[0].items) == 3


def test_nested_list_is_its_own_list_with_the_parent_item_as_lead_in() -> None:
    found = lists_of("Weeknote 3.2020\n\n- parent\n  - child one\n  - child two\n- sibling\n")
    assert [(b.lead_in, [i.text for i in b.items]) for b in found] == [
        (None, ["parent", "sibling"]),
        ("parent", ["child one", "child two"]),
    ]


def test_nested_list_sits_under_its_list_with_depth_and_parent_item() -> None:
    text = "Weeknote 3.2020\n\n- first\n- second\n  - under second\n    - deeper\n- third\n"
    (top,) = [b for b in parse_text(text).notes[0].sections[0].blocks if isinstance(b, ListBlock)]
    assert [(top.depth, top.parent), [i.text for i in top.items]] == [
        (1, None), ["first", "second", "third"],
    ]  # fmt: skip
    (child,) = top.children
    assert (child.depth, child.parent, [i.text for i in child.items]) == (2, 1, ["under second"])
    assert [(c.depth, c.parent, c.lead_in) for c in child.children] == [(3, 0, "under second")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("- [ ] write the plan\n- [x] send it\n- [X] file it\n- plain", [False, True, True, None]),
        ("* [ ] one\n* [x] two", [False, True]),
        ("1. [x] numbered\n2. [ ] task", [True, False]),
    ],
)
def test_task_items_have_their_state_and_lose_their_box(
    text: str, expected: list[bool | None]
) -> None:
    (found,) = lists_of(f"Weeknote 3.2020\n\n{text}\n")
    assert [item.checked for item in found.items] == expected
    assert not any(item.text.startswith("[") for item in found.items)


def test_switching_from_bullets_to_numbers_starts_a_new_list() -> None:
    found = lists_of("Weeknote 3.2020\n\n- a\n- b\n1. c\n2. d\n")
    assert [(b.style, len(b.items)) for b in found] == [("bullet", 2), ("numbered", 2)]


def test_colon_paragraph_followed_by_plain_paragraphs_is_not_a_list() -> None:
    assert lists_of("Weeknote 3.2020\n\nGood things:\n\nA paragraph.\n\nAnother.\n") == []


def test_lists_nested_deeper_than_the_bound_keep_every_item() -> None:
    from weeknote_parser.recognisers.lists import MAX_DEPTH

    depth = MAX_DEPTH * 30
    text = "".join(" " * level + f"- item {level}\n" for level in range(depth))
    document = parse_text(text)
    items = [item.text for block in flatten_lists(document.notes[0]) for item in block.items]
    assert len(items) == depth
    assert items[-1].startswith(f"item {depth - 1}")


def test_lines_in_a_row_opening_with_an_emoji_are_a_list() -> None:
    found = lists_of(
        "Weeknote 3.2020\n\nThis week:\n✅ Fixed the gate\n✅ Planted beans\n   in the top bed\n"
        "➡️ Paint the shed\n"
    )
    assert [(b.lead_in, [i.text for i in b.items]) for b in found] == [
        ("This week:", ["✅ Fixed the gate", "✅ Planted beans in the top bed", "➡️ Paint the shed"])
    ]


def test_one_line_opening_with_an_emoji_is_text() -> None:
    doc = parse_text("Weeknote 3.2020\n\n🎉 We shipped it.\n\nMore text.\n")
    assert [b.type for s in doc.notes[0].sections for b in s.blocks] == ["paragraph"] * 2


def test_a_paragraph_ends_where_an_emoji_list_starts() -> None:
    doc = parse_text("Weeknote 3.2020\n\nA good week\nfor the garden.\n📖 A book\n📖 Another\n")
    blocks = [b for s in doc.notes[0].sections for b in s.blocks]
    assert [b.type for b in blocks] == ["paragraph", "list"]
    assert getattr(blocks[0], "text", None) == "A good week for the garden."


def test_an_emoji_heading_above_an_emoji_list_is_not_an_item() -> None:
    doc = parse_text("Weeknote 3.2020\n\nSome text.\n\n📚 Reading\n📖 A book\n📖 Another\n")
    sections = doc.notes[0].sections
    assert [s.heading for s in sections] == [None, "📚 Reading"]
    assert [len(b.items) for b in sections[1].blocks if b.type == "list"] == [2]
