"""The week grammar's cache of what it found per text: the same answers, bounded."""

from __future__ import annotations

from weeknote_parser.weeks import grammar


def test_a_text_read_again_gives_the_same_designations_in_a_fresh_list() -> None:
    first = grammar.find_designations("Weeknote 12.22: a subtitle")
    first.append(first[0])  # a caller's change to its list reaches no other caller
    again = grammar.find_designations("Weeknote 12.22: a subtitle")
    assert len(again) == 1
    assert again[0] == first[0]
    assert again == grammar._find_designations("Weeknote 12.22: a subtitle", "dmy")


def test_the_order_is_part_of_the_key() -> None:
    dmy = grammar.find_designations("04/03/2019", "dmy")
    mdy = grammar.find_designations("04/03/2019", "mdy")
    assert dmy[0].first != mdy[0].first


def test_the_cache_is_bounded() -> None:
    for number in range(grammar._FOUND_MAX + 10):
        grammar.find_designations(f"Sprint {number}")
    assert len(grammar._FOUND) <= grammar._FOUND_MAX
