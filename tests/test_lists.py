"""The list recogniser: bullets, numbers, lead-ins, continuation lines and nesting."""

from __future__ import annotations

import pytest

from weeknote_parser import ListBlock

from .conftest import parse_text


def lists_of(text: str) -> list[ListBlock]:
    doc = parse_text(text)
    return [b for n in doc.notes for s in n.sections for b in s.blocks if isinstance(b, ListBlock)]


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


def test_list_without_a_colon_above_has_no_lead_in() -> None:
    found = lists_of("Weeknote 3.2020\n\nA paragraph.\n\n- one\n- two\n")
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
    items = [
        item.text
        for section in document.notes[0].sections
        for block in section.blocks
        if block.type == "list"
        for item in block.items
    ]
    assert len(items) == depth
    assert items[-1].startswith(f"item {depth - 1}")
