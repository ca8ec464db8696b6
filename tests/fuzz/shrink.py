"""Make a failing example smaller while it still fails the same way."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

from .targets import SLOW_SECONDS, Example, InvariantError, check

Value = TypeVar("Value", str, bytes)


def _remove_runs(
    items: list[Value], accept: Callable[[list[Value]], bool], deadline: float
) -> None:
    """Remove runs of ``items`` (in place), halving the run length, while ``accept`` agrees."""
    size = max(1, len(items) // 2)
    while size >= 1 and items and time.monotonic() < deadline:
        start, progressed = 0, False
        while start < len(items) and time.monotonic() < deadline:
            kept = items[:start] + items[start + size :]
            if accept(kept):
                items[:] = kept
                progressed = True
            else:
                start += size
        if not progressed:
            size //= 2


def _minimise(value: Value, fails: Callable[[Value], bool], deadline: float) -> Value:
    """Whole lines first, then single characters (or bytes): ddmin's complement steps."""
    empty = value[:0]
    newline = empty + ("\n" if isinstance(value, str) else b"\n")
    lines = value.split(newline)
    _remove_runs(lines, lambda kept: fails(newline.join(kept)), deadline)
    current = newline.join(lines)
    pieces = [current[i : i + 1] for i in range(len(current))]
    _remove_runs(pieces, lambda kept: fails(empty.join(kept)), deadline)
    return empty.join(pieces)


def shrink(
    failure: InvariantError, *, seconds: float = 20.0, slow: float = SLOW_SECONDS
) -> InvariantError:
    """The smallest failure with ``failure``'s signature found within ``seconds``."""
    deadline = time.monotonic() + seconds
    best = failure

    def fails(candidate: str | bytes) -> bool:
        nonlocal best
        try:
            check(Example(failure.example.format, candidate), slow=slow)
        except InvariantError as found:
            if found.signature == failure.signature:
                best = found
                return True
        return False

    value = failure.example.value
    if isinstance(value, str):
        _minimise(value, fails, deadline)
    else:
        _minimise(value, fails, deadline)
    return best
