"""How parse time grows on adversarial inputs: each family at sizes growing ten times.

Run: ``python benchmarks/bench_adversarial.py [--budget 5] [--family NAME ...]``. Prints, for
each family of inputs, the seconds to parse it at three sizes and the growth of the time per
ten times the input's length: about 10 is linear, 100 quadratic. Asserts nothing. Times are
the process's CPU time (as timeit takes it for quick parses), so other work on the machine does
not count. A size whose time, at the growth seen so far, would pass the budget (seconds for
one parse) is left out ('-'); a parse still running at the budget is stopped ('>5').
"""

from __future__ import annotations

import argparse
import itertools
import math
import signal
import time
import timeit
from collections.abc import Callable
from dataclasses import dataclass

from weeknote_parser import parse
from weeknote_parser.inputs import Format


@dataclass(frozen=True)
class Family:
    """Inputs of one adversarial shape: ``make(n)`` is the input of size ``n``."""

    name: str
    format: Format
    make: Callable[[int], str]
    sizes: tuple[int, int, int]


def _archive(n: int) -> str:
    post = '<div class="post"><h2>W</h2><p>x</p></div>'
    return "<html><body>" + post * n + "</body></html>"


def _nav(n: int) -> str:
    links = "".join(f'<a href="/{i}">Link {i}</a>' for i in range(n))
    return f"<html><body><nav>{links}</nav><article><h1>W</h1><p>x</p></article></body></html>"


def _share(n: int) -> str:
    share = '<div class="share">s</div>'
    return (
        '<html><body><article><h1>W</h1><div class="entry-content"><p>x</p></div>'
        + share * n
        + "</article></body></html>"
    )


def _feed(n: int) -> str:
    item = "<item><title>W</title><description>" + "x" * 200 + "</description></item>\n"
    return '<rss version="2.0"><channel>' + item * n + "</channel></rss>"


def _year_less(n: int) -> str:
    return "Weeknote w/c 5 November\n\ntext\n\n" * n


def _toml_spaces(n: int) -> str:
    return '+++\ns = """\na = 1' + " " * n + 'x\n"""\n+++\n\nx\n'


def _nested_list(n: int) -> str:
    return "Weeknote 12.22\n\n" + "".join("  " * level + "- item\n" for level in range(n))


def _markdown_items(n: int) -> str:
    return "# Weeknote 12.22\n\n" + "- item\n" * n


def _markdown_footnotes(n: int) -> str:
    references = "".join(f"Text[^{i}].\n\n" for i in range(n))
    return "# Weeknote 12.22\n\n" + references + "".join(f"[^{i}]: Note {i}\n" for i in range(n))


def _text_footnotes(n: int) -> str:
    references = "".join(f"Text [{i}] here.\n\n" for i in range(1, n + 1))
    notes = "".join(f"[{i}] Note {i}\n\n" for i in range(1, n + 1))
    return "Weeknote 12.22\n\n" + references + notes


def _long_line(n: int) -> str:
    return "Weeknote 12.22\n\n" + "x" * n + "\n"


def _markdown_long_line(n: int) -> str:
    return "# Weeknote 12.22\n\n" + "x" * n + "\n"


def _markdown_links(n: int) -> str:
    links = " ".join(f"[link {i}](https://example.org/{i})" for i in range(n))
    return "# Weeknote 12.22\n\n" + links + "\n"


def _text_links(n: int) -> str:
    return "Weeknote 12.22\n\n" + " ".join(f"https://example.org/{i}" for i in range(n)) + "\n"


def _markdown_unclosed_fences(n: int) -> str:
    # Fences that never close, in a text with a '[' and a code span: each is looked for.
    return "# Weeknote 12.22\n\nSee [the notes] and `this`.\n\n" + "~~~~a\n" * n


FAMILIES: tuple[Family, ...] = (
    Family("html archive posts", "html", _archive, (200, 2_000, 20_000)),
    Family("html nav links", "html", _nav, (1_000, 10_000, 100_000)),
    Family("html share blocks", "html", _share, (500, 5_000, 50_000)),
    Family("feed entries", "feed", _feed, (30, 300, 3_000)),
    Family("text year-less notes", "text", _year_less, (100, 1_000, 10_000)),
    Family("toml front matter spaces", "markdown", _toml_spaces, (300, 3_000, 30_000)),
    # Each level is indented further: the input grows as the square of the depth.
    Family("text nested lists", "text", _nested_list, (30, 95, 300)),
    Family("markdown list items", "markdown", _markdown_items, (500, 5_000, 50_000)),
    Family("markdown footnotes", "markdown", _markdown_footnotes, (100, 1_000, 10_000)),
    Family("text footnotes", "text", _text_footnotes, (100, 1_000, 10_000)),
    Family("text long line", "text", _long_line, (10_000, 100_000, 1_000_000)),
    Family("markdown long line", "markdown", _markdown_long_line, (10_000, 100_000, 1_000_000)),
    Family("markdown links", "markdown", _markdown_links, (100, 1_000, 10_000)),
    Family("text links", "text", _text_links, (300, 3_000, 30_000)),
    Family("markdown unclosed fences", "markdown", _markdown_unclosed_fences, (300, 3_000, 30_000)),
)


class OverBudget(BaseException):
    """A parse ran past its budget (a BaseException, so no handler in the parser takes it)."""


def _stop(signum: int, frame: object) -> None:
    raise OverBudget


def seconds(family: Family, n: int, limit: float | None = None) -> float:
    """The CPU time of one parse of ``family``'s input of size ``n``. A parse under half a
    second is timed as timeit does (best of three trials of as many parses as take 0.2 s).
    With ``limit``, the first parse is stopped after that many seconds (:class:`OverBudget`)."""
    text = family.make(n)
    if limit is not None:
        signal.signal(signal.SIGPROF, _stop)
        signal.setitimer(signal.ITIMER_PROF, limit)
    try:
        start = time.process_time()
        parse(text, format=family.format)
        first = time.process_time() - start
    finally:
        if limit is not None:
            signal.setitimer(signal.ITIMER_PROF, 0)
    if first >= 0.5:
        return first
    timer = timeit.Timer(lambda: parse(text, format=family.format), timer=time.process_time)
    number, _ = timer.autorange()
    return min(timer.repeat(repeat=3, number=number)) / number


def growth(small: tuple[int, float], large: tuple[int, float]) -> float:
    """How many times the time grows per ten times the input's length."""
    (short, fast), (long, slow) = small, large
    return float((slow / max(fast, 1e-9)) ** (1 / math.log10(long / short)))


def measure(family: Family, budget: float) -> list[tuple[int, int, str]]:
    """(size, length of the input, seconds as shown) for each of the family's sizes."""
    parse(family.make(family.sizes[0]), format=family.format)  # imports, caches
    rows: list[tuple[int, int, str]] = []
    done: list[tuple[int, float]] = []
    stopped = False
    for n in family.sizes:
        length = len(family.make(n))
        if done:
            factor = growth(done[0], done[-1]) if len(done) > 1 else 10.0
            expected = done[-1][1] * factor ** math.log10(length / done[-1][0])
            stopped = stopped or expected > budget
        if stopped:
            rows.append((n, length, "-"))
            continue
        try:
            taken = seconds(family, n, limit=budget)
        except OverBudget:
            rows.append((n, length, f">{budget:g}"))
            stopped = True
            continue
        done.append((length, taken))
        rows.append((n, length, f"{taken:.4f}"))
    return rows


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__)
    options.add_argument("--budget", type=float, default=5.0, help="seconds for one parse")
    options.add_argument("--family", action="append", help="only these (part of the name)")
    args = options.parse_args()
    chosen = [
        family
        for family in FAMILIES
        if not args.family or any(part in family.name for part in args.family)
    ]
    header = f"{'family':<26} {'sizes':<24} {'seconds':<26} growth per 10x"
    print(header)
    print("-" * len(header))
    for family in chosen:
        rows = measure(family, args.budget)
        timed = [(length, float(shown)) for _, length, shown in rows if shown[0].isdigit()]
        sizes = " ".join(f"{n:,}" for n, _, _ in rows)
        times = " ".join(shown for _, _, shown in rows)
        ratios = " ".join(f"{growth(a, b):.0f}" for a, b in itertools.pairwise(timed))
        print(f"{family.name:<26} {sizes:<24} {times:<26} {ratios}", flush=True)


if __name__ == "__main__":
    main()
