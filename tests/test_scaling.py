"""Parse time grows linearly on adversarial inputs: 16 times the input, at most 64 times the time.

The families are those of benchmarks/bench_adversarial.py, at small sizes. The bound is four
times what linear growth takes, so a busy machine does not make the tests fail, while a
quadratic cost (256 times) does; each time is the best of a few runs of the process's CPU time.
"""

from __future__ import annotations

import math
import time

import pytest
from benchmarks.bench_adversarial import FAMILIES, Family

from weeknote_parser import parse

GROWTH = 16  # how many times longer the large input is
BOUND = 64  # how many times longer it may take
RUNS = 3

# The small size of each family, where one parse takes a few milliseconds.
SMALL: dict[str, int] = {
    "html archive posts": 60,
    "html nav links": 500,
    "html share blocks": 300,
    "feed entries": 12,
    "text year-less notes": 50,
    "toml front matter spaces": 200,
    "text nested lists": 20,  # the input grows as the square of the depth
    "markdown list items": 100,
    "markdown footnotes": 30,
    "text footnotes": 50,
    "text long line": 20_000,
    "markdown long line": 20_000,
    "markdown links": 60,
    "text links": 300,
    "markdown unclosed fences": 300,
}
# Families still quadratic here, until the fix in their own module lands.
PENDING: dict[str, str] = {}  # family name -> why it still grows faster (none today)


def best_time(family: Family, n: int) -> float:
    text = family.make(n)
    best = math.inf
    for _ in range(RUNS):
        start = time.process_time()
        parse(text, format=family.format)
        best = min(best, time.process_time() - start)
    return best


def _cases() -> list[object]:
    cases: list[object] = []
    for family in FAMILIES:
        marks = []
        if family.name in PENDING:
            marks.append(pytest.mark.xfail(strict=True, reason=PENDING[family.name]))
        cases.append(pytest.param(family, id=family.name.replace(" ", "-"), marks=marks))
    return cases


def test_every_family_has_a_small_size() -> None:
    assert sorted(SMALL) == sorted(family.name for family in FAMILIES)


@pytest.mark.parametrize("family", _cases())
def test_time_grows_linearly(family: Family) -> None:
    small = SMALL[family.name]
    large = small * GROWTH
    if family.name == "text nested lists":  # 4 times the depth is 16 times the input
        large = small * 4
    parse(family.make(small), format=family.format)  # imports, caches
    ratio = len(family.make(large)) / len(family.make(small))
    assert 12 <= ratio <= 20  # about GROWTH times the characters
    fast, slow = best_time(family, small), best_time(family, large)
    assert slow <= BOUND * fast, (
        f"{family.name}: {len(family.make(small)):,} characters in {fast:.4f} s, "
        f"{len(family.make(large)):,} in {slow:.4f} s ({slow / fast:.0f} times)"
    )


@pytest.mark.parametrize(
    "text",
    [
        "# Weeknote" + " " * 8000 + "12\n\ntext\n",
        "---\ntitle: Weeknote" + " " * 8000 + "12\n---\n\ntext\n",
        "<div>\n" + "<" * 40000 + "\n",
    ],
    ids=["heading-spaces", "front-matter-title-spaces", "html-block-of-angles"],
)
def test_long_runs_in_titles_and_html_blocks_do_not_backtrack(text: str) -> None:
    began = time.process_time()
    parse(text, format="markdown")
    assert time.process_time() - began < 2


def test_a_long_run_of_spaces_in_a_text_heading_does_not_backtrack() -> None:
    began = time.process_time()
    parse("Weeknote 10.2024\n\n# a" + " \t" * 20000 + "x\n\nText\n", format="text")
    assert time.process_time() - began < 2
