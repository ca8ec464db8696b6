"""The runner's child process: search one target with hypothesis, or replay a saved input.

``python -m tests.fuzz.child search TARGET SECONDS SHRINK_SECONDS KNOWN RESULT CURRENT``
``python -m tests.fuzz.child replay TARGET INPUT SHRINK_SECONDS RESULT``

KNOWN is a JSON list of failure signatures to let pass; RESULT receives the Result as JSON
(rewritten after each failure found, so a child killed later still leaves what it found);
CURRENT holds the example being checked, for a child that has to be killed.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from .engine import install_guard, limit_memory, replay, run_hypothesis


def main(argv: list[str]) -> int:
    mode, target, *rest = argv
    from . import strategies  # noqa: F401  (imported before the guard is up, like the readers)
    from .targets import warm_up

    warm_up()
    install_guard()
    limit_memory()
    if mode == "search":
        seconds, shrink_seconds, known, result, current = rest
        found = run_hypothesis(
            target,
            float(seconds),
            set(json.loads(Path(known).read_text(encoding="utf-8"))),
            float(shrink_seconds),
            Path(current),
            Path(result),
        )
    elif mode == "replay":
        data, shrink_seconds, result = rest
        found = replay(target, Path(data).read_bytes(), float(shrink_seconds))
    else:
        print(f"unknown mode {mode!r}", file=sys.stderr)
        return 2
    Path(result).write_text(found.to_json(), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
