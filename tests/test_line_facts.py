"""Line facts: ``analyse`` (every line of a plain text) builds its lines directly, so they
must be the lines the named tuple's own constructor (``make_line``) gives."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from weeknote_parser.lines import Line, analyse, make_line, split_lines

TEXT = """Weeknote 7.25

\tIndented by a tab
- a bullet
  2. a numbered item (2)
(3) a bracketed number
* an asterisk with no space*
No digits here:

   \u00a0
"""


def _by_constructor(text: str) -> list[Line]:
    return [make_line(raw, origin=index) for index, raw in enumerate(split_lines(text))]


def test_analysed_lines_are_the_constructors_lines() -> None:
    lines = analyse(TEXT)
    assert lines == _by_constructor(TEXT)
    assert all(type(line) is Line for line in lines)
    first, _, tab, bullet, numbered = lines[:5]
    assert (first.has_digit, first.marker, first.origin, first.links, first.facts) == (
        True, None, 0, (), None,
    )  # fmt: skip
    assert tab.indent == 4 and tab.stripped == "Indented by a tab"
    assert bullet.marker is not None and bullet.marker.style == "bullet"
    assert numbered.marker is not None and numbered.marker.number == 2
    assert lines[1] == Line("", "", 0, None, False, None, 1)


@given(st.text(alphabet=st.sampled_from(list("ab1 \t\n-*.()•\u00a0")), max_size=80))
def test_any_text_gives_the_constructors_lines(text: str) -> None:
    assert analyse(text) == _by_constructor(text)
