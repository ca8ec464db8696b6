"""The public recogniser contract, and chains: a rule added from outside joins the look-aheads
of the built-in rules by declaring them."""

from __future__ import annotations

from pathlib import Path

import regex

import weeknote_parser.recognise as recognise
from weeknote_parser import ListBlock, Parser
from weeknote_parser.inputs import text_source
from weeknote_parser.recognise import (
    HEADING_TEXT,
    LIST,
    NOTE,
    State,
    chain,
    first_match_chain,
    would_match_chain,
)
from weeknote_parser.state import ParseState
from weeknote_parser.testing import (
    assert_not_recognised,
    assert_recognised,
    parse_with,
    parser_with,
    recognised_by,
    titles_of,
)


def _state(text: str, parser: Parser | None = None) -> ParseState:
    parser = parser or Parser()
    return ParseState(
        text_source(text),
        rules=parser.rules,
        inline=parser.inline,
        context=parser.context(),
        kinds=parser.kinds,
    )


def _state_keeps_its_registry() -> bool:
    parser = Parser()
    return getattr(_state("", parser), "rules", None) is parser.rules


# Chains are read from the registry of the parse; a state that does not carry it gets the
# default table's chains, which a rule added from outside is not in.


# -- the contract ------------------------------------------------------------------------
def test_the_parse_state_satisfies_the_public_protocol() -> None:
    state: State = _state("Weeknote 12.22\n\nText.")  # checked by mypy
    assert state.lines[0].stripped == "Weeknote 12.22"
    assert (state.block_end(0), state.next_content(1), state.is_standalone(0)) == (1, 2, True)


def test_every_member_of_the_protocol_exists_on_the_parse_state() -> None:
    members = {n for n in vars(State) if not n.startswith("_")} | set(State.__annotations__)
    state = _state("Text.")
    assert sorted(n for n in members if not hasattr(state, n)) == []
    assert {"lines", "cursor", "note", "would_match", "start_note", "warn"} <= members


def test_the_module_exports_the_contract_and_no_builders() -> None:
    for name in recognise.__all__:
        assert hasattr(recognise, name), name
    assert not any("Builder" in name for name in recognise.__all__)
    assert recognise.CHAINS == (NOTE, LIST, HEADING_TEXT)


def test_a_state_without_a_registry_gets_the_default_chains() -> None:
    class Bare:
        memo: dict[str, object]

        def __init__(self) -> None:
            self.memo = {}

    bare = Bare()
    assert chain(bare, NOTE) == ("title", "week_line")  # type: ignore[arg-type]
    assert chain(bare, LIST) == ("title", "week_line", "footnote", "numbered_heading")  # type: ignore[arg-type]


def test_would_match_chain_asks_the_members_silently() -> None:
    state = _state("Some text.\n\nWeeknote 12.22\n\n- an item")
    assert [would_match_chain(state, NOTE, line) for line in (0, 2, 4)] == [False, True, False]
    assert first_match_chain(state, NOTE) == 2
    assert (state.cursor, state.notes, state.chrome) == (0, [], [])


def test_a_disabled_rule_leaves_its_chains() -> None:
    parser = Parser().disable("week_line")
    state = _state("Some text.\n\n2022.3", parser)
    assert chain(state, NOTE) == ("title",)
    assert first_match_chain(state, NOTE) is None


# -- a note-starting rule from outside ------------------------------------------------------
_SPRINT = regex.compile(r"^=== Sprint (?P<number>\d+) ===(?:\s+(?P<rest>\S.*))?$")


def sprint(state: State, line: int, *, silent: bool) -> bool:
    """'=== Sprint 12 ===' (and any words after it) starts a note."""
    found = _SPRINT.match(state.lines[line].stripped)
    if found is None:
        return False
    if not silent:
        state.start_note(
            title=state.lines[line].stripped,
            subtitle=found["rest"],
            designation=None,
            start=line,
            end=line + 1,
        )
        state.cursor = line + 1
    return True


def joining(parser: Parser) -> None:
    parser.rules.before("title", "sprint", sprint, alt=(NOTE, LIST, HEADING_TEXT))


def not_joining(parser: Parser) -> None:
    parser.rules.before("title", "sprint", sprint)


LIST_THEN_SPRINT = """
    === Sprint 11 ===

    - planned the move
    - moved the servers
    === Sprint 12 ===

    A quiet one.
"""


def test_a_rule_in_the_list_chain_ends_a_list() -> None:
    doc = parse_with(LIST_THEN_SPRINT, plugin=joining)
    assert titles_of(doc) == ["=== Sprint 11 ===", "=== Sprint 12 ==="]
    block = doc.notes[0].sections[0].blocks[0]
    assert isinstance(block, ListBlock)
    assert [item.text for item in block.items] == ["planned the move", "moved the servers"]


def test_a_rule_outside_the_list_chain_is_read_as_part_of_the_item() -> None:
    doc = parse_with(LIST_THEN_SPRINT, plugin=not_joining)
    assert titles_of(doc) == ["=== Sprint 11 ==="]


PREAMBLE = """
    The Tinkerers' Log

    Notes from a small team

    === Sprint 12 ===

    We moved the servers.
"""


def test_a_rule_in_the_note_chain_makes_the_lines_above_the_first_note_chrome() -> None:
    doc = parse_with(PREAMBLE, plugin=joining)
    assert doc.chrome == ["The Tinkerers' Log", "Notes from a small team"]
    assert titles_of(doc) == ["=== Sprint 12 ==="]


def test_a_rule_outside_the_note_chain_leaves_the_blog_name_a_note_of_its_own() -> None:
    doc = parse_with(PREAMBLE, plugin=not_joining)
    assert titles_of(doc) == ["The Tinkerers' Log", "=== Sprint 12 ==="]


def test_a_rule_in_the_note_chain_stops_plain_title() -> None:
    assert_not_recognised(PREAMBLE, "plain_title", plugin=joining, disable=["chrome"])
    assert_recognised(PREAMBLE, "plain_title", plugin=not_joining, disable=["chrome"], line=0)


CAPTION = """
    === Sprint 11 ===

    Hiring

    === Sprint 12 === The one where we moved the servers.
"""


def test_a_rule_in_the_heading_text_chain_is_not_headed() -> None:
    assert_not_recognised(CAPTION, "heading", plugin=joining)
    assert_recognised(CAPTION, "heading", plugin=not_joining, line=2)


def test_the_chains_are_read_per_parser() -> None:
    joined, plain = parser_with(joining), parser_with(not_joining)
    text = LIST_THEN_SPRINT
    assert [name for _, name in recognised_by(text, parser=joined)].count("sprint") == 2
    assert [name for _, name in recognised_by(text, parser=plain)].count("sprint") == 1


def test_a_line_a_list_chain_rule_reads_is_not_taken_as_an_items_continuation() -> None:
    doc = parse_with(
        """
        Weeknote 11.22

        - planned the move
        continued on a second line
        Weeknote 12.22

        A quiet one.
        """
    )
    assert titles_of(doc) == ["Weeknote 11.22", "Weeknote 12.22"]
    block = doc.notes[0].sections[0].blocks[0]
    assert isinstance(block, ListBlock)
    assert [item.text for item in block.items] == ["planned the move continued on a second line"]


def test_a_line_indented_below_an_item_stays_part_of_it() -> None:
    doc = parse_with(
        """
        Weeknote 11.22

        - the plan for
          Weeknote 12.22

        A quiet one.
        """
    )
    assert titles_of(doc) == ["Weeknote 11.22"]
    block = doc.notes[0].sections[0].blocks[0]
    assert isinstance(block, ListBlock)
    assert [item.text for item in block.items] == ["the plan for Weeknote 12.22"]


def test_every_exported_name_is_documented() -> None:
    import weeknote_parser.testing as testing

    doc = (Path(__file__).resolve().parent.parent / "docs" / "recognisers.md").read_text("utf-8")
    names = [*recognise.__all__, *testing.__all__, *State.__annotations__]
    names += [n for n in vars(State) if not n.startswith("_")]
    missing = sorted({n for n in names if n not in doc})
    assert missing == []


_CODED = regex.compile(r"^Week \d+, \d{4}$")


def coded_week(state: State, line: int, *, silent: bool) -> bool:
    """'Week 12, 2024' on a line of its own starts a note titled by it."""
    if _CODED.match(state.lines[line].stripped) is None:
        return False
    if not silent:
        text = state.lines[line].stripped
        state.start_note(title=text, subtitle=None, designation=None, start=line, end=line + 1)
        state.cursor = line + 1
    return True


def test_a_week_line_a_rule_of_the_note_chain_reads_is_not_the_week_of_the_line_above() -> None:
    text = "A quiet fortnight\n\nWeek 12, 2024\n\nWe moved the servers."
    built_in = parse_with(text)
    assert titles_of(built_in) == ["A quiet fortnight"]  # the week line below is its week
    joined = parse_with(
        text, plugin=lambda p: p.rules.before("title", "coded", coded_week, alt=(NOTE,))
    )
    assert titles_of(joined) == ["Week 12, 2024"]  # a note of its own, the line above furniture
    assert joined.chrome == ["A quiet fortnight"]
