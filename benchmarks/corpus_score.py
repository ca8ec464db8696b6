"""Accuracy on the development corpus: run its scorer and print the per-field tally.

    python benchmarks/corpus_score.py [--corpus ../shared/corpus] [--floor N] [--no-hint]

The scorer (``score.py`` beside the corpus's ``gold`` and ``texts`` folders) runs the
installed ``weeknote-parse`` on every document and compares field by field with the gold
annotations. With ``--floor N`` this exits 1 when fewer than N fields are right, so CI keeps
the figure from falling; raise the floor in ``.ci/run`` whenever it rises, never lower it.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

_TOTAL = re.compile(r"fields right: (\d+)/(\d+)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=Path("../shared/corpus"))
    parser.add_argument("--floor", type=int, default=None, help="fail below this many fields")
    parser.add_argument("--no-hint", action="store_true", help="leave out the hint year")
    parser.add_argument("--verbose", "-v", action="store_true", help="print every difference")
    args = parser.parse_args(argv)
    scorer = args.corpus / "score.py"
    if not scorer.is_file():
        print(f"corpus_score: no scorer at {scorer}", file=sys.stderr)
        return 2
    command = [sys.executable, str(scorer), "--fields"]
    command += ["--no-hint"] if args.no_hint else []
    command += ["-v"] if args.verbose else []
    command += [str(args.corpus / "gold"), str(args.corpus / "texts")]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    output = result.stdout
    print(output if args.verbose else "\n".join(output.splitlines()[-2:]))
    found = _TOTAL.search(output)
    if found is None:  # the scorer's own exit status says whether every document is right
        print(f"corpus_score: the scorer failed: {result.stderr.strip()[-500:]}", file=sys.stderr)
        return 2
    right = int(found.group(1))
    if args.floor is not None and right < args.floor:
        print(
            f"corpus_score: {right} fields right, below the floor of {args.floor}", file=sys.stderr
        )
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
