"""Inputs that once broke the parser (tests/reproducer_cases.py) behave now.

Each one must finish within a time bound and a memory bound, raise nothing but a
WeeknoteError, connect nowhere and open no file (the text is the whole input: a URL or a
file name in it is text), never yield a note read from the project's example feed, and give
a Document whose JSON is written. The scaling cases must take no more than
``GROWTH_SLACK * ratio ** 1.3`` as long at their biggest size as at their smallest (CPU time
beyond that of a one-element input, the least of a few runs).
"""

from __future__ import annotations

import builtins
import contextlib
import gc
import io
import os
import resource
import signal
import socket
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from weeknote_parser import Document, WeeknoteError, parse, to_json

from . import security_guard
from .reproducer_cases import CASES, SCALING, Case, Scaling

ROOT = Path(__file__).resolve().parent.parent
SECONDS = 10.0  # CPU seconds each case may take
MEMORY = 1536 * 1024**2  # bytes of address space each case may add
# How much more than ratio ** 1.3 the biggest size may take: the least CPU time of a few runs
# is steady, and linear code stays well inside it (16x the size gives 16x, against 73x).
GROWTH_SLACK = 2.0


def _team_titles() -> set[str]:
    feed = parse((ROOT / "examples" / "feeds" / "team-rss.xml").read_text("utf-8"), format="feed")
    return {note.title for note in feed.notes if note.title}


TEAM_TITLES = _team_titles()


@pytest.fixture(scope="module", autouse=True)
def _readers_loaded() -> None:
    """Load every reader (and what it imports) before any case watches for file access."""
    parse("x", format="markdown")
    parse("---\nx: 1\n---\n+++\nx = 1\n+++\n", format="markdown")
    parse("<p>x</p>", format="html")
    parse(
        '<rss version="2.0"><channel><item><title>x</title></item></channel></rss>', format="feed"
    )


class Watched:
    """Attempts to connect or to open a file seen while watching (each one was refused)."""

    def __init__(self) -> None:
        self.connections: list[Any] = []
        self.opened: list[Any] = []


@contextmanager
def watching() -> Iterator[Watched]:
    """Refuse, and record, every socket connection and every file open in the block."""
    seen = Watched()
    originals = (socket.socket.connect, socket.socket.connect_ex, builtins.open, io.open, os.open)

    def connect(_self: socket.socket, address: Any, *_args: Any) -> Any:
        seen.connections.append(address)
        raise ConnectionRefusedError("connections are refused while parsing")

    def opener(file: Any, *_args: Any, **_kwargs: Any) -> Any:
        seen.opened.append(file)
        raise PermissionError(f"opening files is refused while parsing: {file!r}")

    for owner, name, replacement in (
        (socket.socket, "connect", connect),
        (socket.socket, "connect_ex", connect),
        (builtins, "open", opener),
        (io, "open", opener),
        (os, "open", opener),
    ):
        setattr(owner, name, replacement)
    try:
        yield seen
    finally:
        socket.socket.connect, socket.socket.connect_ex = originals[0], originals[1]  # type: ignore[method-assign]
        builtins.open, io.open, os.open = originals[2], originals[3], originals[4]


def _address_space() -> int:
    with open("/proc/self/statm", encoding="ascii") as statm:
        return int(statm.read().split()[0]) * resource.getpagesize()


@contextmanager
def bounded_memory(extra: int = MEMORY) -> Iterator[None]:
    """Make an allocation of more than ``extra`` bytes beyond what is in use a MemoryError."""
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = _address_space() + extra
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def parse_under_the_rules(run: Callable[[], Document]) -> tuple[Document | None, float]:
    """Run a case: (its Document, or None for a WeeknoteError; its CPU seconds)."""
    start = time.process_time()
    document: Document | None = None
    with bounded_memory(), watching() as seen:
        try:
            document = run()
            to_json(document)
        except WeeknoteError:
            document = None
    seconds = time.process_time() - start
    assert not seen.connections, f"tried to connect to {seen.connections}"
    assert not seen.opened, f"tried to open {[_shown(f) for f in seen.opened]}"
    if document is not None:
        from_the_feed = {n.title for n in document.notes} & TEAM_TITLES
        assert not from_the_feed, f"notes read from the example feed: {from_the_feed}"
    return document, seconds


def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 80 else f"{text[:60]}... ({len(text)} characters)"


def _params(cases: dict[str, Any]) -> list[Any]:
    return [
        pytest.param(
            case,
            id=name,
            marks=[pytest.mark.xfail(strict=True, reason=case.pending)] if case.pending else [],
        )
        for name, case in cases.items()
    ]


class _OverLimitError(Exception):
    """A run took more CPU time than it was allowed."""


@contextmanager
def cpu_limit(seconds: float | None) -> Iterator[None]:
    """Raise _OverLimitError once the block has used ``seconds`` of CPU time (None: no limit)."""
    if seconds is None:
        yield
        return

    def stop(_signum: int, _frame: object) -> None:
        raise _OverLimitError

    previous = signal.signal(signal.SIGVTALRM, stop)
    signal.setitimer(signal.ITIMER_VIRTUAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_VIRTUAL, 0)
        signal.signal(signal.SIGVTALRM, previous)


@pytest.mark.timeout(60)
@pytest.mark.parametrize("case", _params(CASES))
def test_reproducer_behaves(case: Case) -> None:
    try:
        with cpu_limit(SECONDS):
            document, seconds = parse_under_the_rules(case.run)
    except _OverLimitError:
        pytest.fail(f"stopped after {SECONDS} s of CPU")
    assert seconds < SECONDS, f"took {seconds:.1f} s of CPU"
    if case.expect is not None:
        assert document is not None, "refused an input it should read"
        case.expect(document)


def cpu_seconds(run: Callable[[int], Document], size: int, limit: float | None = None) -> float:
    """The least CPU time of runs at ``size``: at least five and a quarter of a second in all
    (one when a run takes half a second); infinite when a run passes ``limit``."""
    best, spent, runs = float("inf"), 0.0, 0
    while runs < 15 and (runs < 5 or spent < 0.25):
        gc.collect()
        try:
            with cpu_limit(limit):
                _document, seconds = parse_under_the_rules(lambda: run(size))
        except _OverLimitError:
            return float("inf")
        best, spent, runs = min(best, seconds), spent + seconds, runs + 1
        if best > 0.5:
            break
    return best


@pytest.mark.timeout(120)
@pytest.mark.parametrize("case", _params(SCALING))
def test_reproducer_scales(case: Scaling) -> None:
    small, big = case.sizes
    ratio = big / small
    fixed = cpu_seconds(case.run, 1)
    t_small = max(cpu_seconds(case.run, small) - fixed, 0.002)
    allowed = GROWTH_SLACK * ratio**1.3 * t_small
    t_big = cpu_seconds(case.run, big, limit=fixed + allowed * 1.1) - fixed
    assert t_big != float("inf"), (
        f"size {big} was stopped after {allowed * 1.1:.2f} s; size {small} took {t_small:.3f} s"
        f" (beyond the {fixed:.3f} s of size 1), and {ratio:.0f}x the size may take at most"
        f" {allowed / t_small:.0f}x as long"
    )
    assert t_big <= allowed, (
        f"size {big} took {t_big:.3f} s, size {small} {t_small:.3f} s (beyond the {fixed:.3f} s "
        f"of size 1): {t_big / t_small:.0f}x for {ratio:.0f}x the size, at most "
        f"{allowed / t_small:.0f}x allowed"
    )
    assert t_big < SECONDS


def test_the_cpu_limit_stops_a_long_run() -> None:
    def spin(_size: int) -> Document:
        while True:
            pass

    assert cpu_seconds(spin, 1, limit=0.05) == float("inf")
    assert 0 <= cpu_seconds(lambda size: parse("x" * size), 10) < 0.5


def test_the_rules_catch_a_connection_and_a_file_open() -> None:
    def connects() -> Document:
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", 9), timeout=1):
            pass
        return parse("x")

    def opens() -> Document:
        with contextlib.suppress(OSError):
            (ROOT / "README.md").read_text(encoding="utf-8")
        return parse("x")

    for run, words in ((connects, "connect"), (opens, "open")):
        with (
            security_guard.own_sockets(),
            pytest.raises(AssertionError, match=f"tried to {words}"),
        ):
            parse_under_the_rules(run)


def test_the_rules_catch_notes_from_the_example_feed() -> None:
    text = (ROOT / "examples" / "feeds" / "team-rss.xml").read_text(encoding="utf-8")
    from_the_feed = parse(text, format="feed")
    with pytest.raises(AssertionError, match="example feed"):
        parse_under_the_rules(lambda: from_the_feed)


def test_the_memory_bound_turns_a_runaway_allocation_into_an_error() -> None:
    with pytest.raises(MemoryError), bounded_memory(64 * 1024**2):
        bytearray(256 * 1024**2)
