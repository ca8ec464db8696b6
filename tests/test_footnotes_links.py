"""The footnote and links recognisers."""

from __future__ import annotations

import pytest

from weeknote_parser.recognisers.links import clean_url

from .conftest import parse_text


def test_star_paragraph_after_a_star_marker_is_a_footnote() -> None:
    note = parse_text(
        "Weeknote 4.2022\n\nWe shipped it. * Mostly.\n\n* Apart from the search page.\n\nMore."
    ).notes[0]
    assert [(f.marker, f.text) for f in note.footnotes] == [("*", "Apart from the search page.")]
    blocks = [b for s in note.sections for b in s.blocks]
    assert all(b.type == "paragraph" for b in blocks)


def test_numbered_marker_footnote() -> None:
    note = parse_text("Weeknote 4.2022\n\nA claim.[1]\n\n[1] The source.").notes[0]
    assert [(f.marker, f.text) for f in note.footnotes] == [("[1]", "The source.")]


def test_star_line_without_a_marker_above_is_a_list() -> None:
    note = parse_text("Weeknote 4.2022\n\nPlain text.\n\n* Only item").notes[0]
    assert note.footnotes == []
    assert [b.type for s in note.sections for b in s.blocks] == ["paragraph", "list"]


def test_links_are_counted_with_their_lines() -> None:
    note = parse_text(
        "Weeknote 4.2022\n\nSee https://example.org/a.\n\n- and (https://example.org/b)"
    ).notes[0]
    assert [(link.url, link.line) for link in note.links] == [
        ("https://example.org/a", 2),
        ("https://example.org/b", 4),
    ]


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("https://example.org/x.", "https://example.org/x"),
        ("https://example.org/x).", "https://example.org/x"),
        ("https://en.wikipedia.org/wiki/Foo_(bar)", "https://en.wikipedia.org/wiki/Foo_(bar)"),
        ("https://example.org/?q=1,", "https://example.org/?q=1"),
    ],
)
def test_trailing_punctuation_is_not_part_of_a_url(raw: str, clean: str) -> None:
    assert clean_url(raw) == clean


def test_chrome_links_do_not_count_towards_a_note() -> None:
    doc = parse_text("Weeknote 4.2022\n\nBody.\n\n© 2022 https://example.org")
    assert doc.notes[0].links == []
