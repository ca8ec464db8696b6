"""Rewrite the expected JSON beside each example: ``python -m tests.regen_golden``.

Read every changed file before committing it: the expected output is a claim about what a
careful reader finds in the example.
"""

from __future__ import annotations

from .test_golden import INPUTS, expected_path, render

if __name__ == "__main__":
    for source in INPUTS:
        target = expected_path(source)
        new = render(source)
        if not target.exists() or target.read_bytes() != new:
            target.write_bytes(new)
            print(f"wrote {target}")
