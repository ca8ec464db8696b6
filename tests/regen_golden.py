"""Show, and on request write, the expected JSON beside each example.

``python -m tests.regen_golden`` prints a unified diff for every example whose output has
changed and writes nothing; ``python -m tests.regen_golden --write`` writes them. Read every
diff before committing: the expected output is a claim about what a careful reader finds in
the example, spans and warning lines included.
"""

from __future__ import annotations

import difflib
import sys

from .test_golden import INPUTS, expected_path, render


def main(argv: list[str]) -> int:
    write = "--write" in argv
    changed = 0
    for source in INPUTS:
        target = expected_path(source)
        new = render(source)
        old = target.read_bytes() if target.exists() else b""
        if old == new:
            continue
        changed += 1
        diff = difflib.unified_diff(
            old.decode("utf-8").splitlines(keepends=True),
            new.decode("utf-8").splitlines(keepends=True),
            fromfile=f"{target} (expected)",
            tofile=f"{target} (now)",
        )
        sys.stdout.writelines(diff)
        if write:
            target.write_bytes(new)
    verb = "wrote" if write else "would change (run with --write to write them)"
    print(f"{changed} expected files {verb}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
