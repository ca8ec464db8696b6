"""Run libFuzzer (atheris) on one target: ``python -m tests.fuzz.atheris_child TARGET KNOWN COUNT
[libFuzzer arguments...]``, KNOWN being a JSON list of failure signatures to let pass and
COUNT a file that gets the number of examples checked so far (every 64 examples).

The runner starts this; it exits when libFuzzer does: 0 when its time is up, non-zero when
an input failed (libFuzzer saves it as a crash-, timeout- or oom- file in -artifact_prefix).
The package and the pure-Python libraries it reads with are imported under atheris's
instrumentation, before anything else imports them, so that the fuzzer sees their coverage.
"""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path
from typing import Any

# The pure-Python modules each target runs through, imported under instrumentation (each
# costs seconds of start-up, so a target gets only those it uses).
MODULES = {
    "text": ["weeknote_parser"],
    "markdown": ["weeknote_parser", "markdown_it", "mdit_py_plugins.footnote", "yaml"],
    "html": ["weeknote_parser"],
    "feed": ["weeknote_parser", "feedparser"],
}
MODULES["bytes"] = sorted({name for names in MODULES.values() for name in names})
INSTRUMENTED_SLOWDOWN = 4
READERS = [
    "weeknote_parser.readers.feed",
    "weeknote_parser.readers.html",
    "weeknote_parser.readers.markdown",
    "weeknote_parser.readers.frontmatter",
]


def main() -> None:
    target, known_file, count_file, *arguments = sys.argv[1:]
    atheris: Any = importlib.import_module("atheris")
    modules = MODULES[target]
    with atheris.instrument_imports(include=[name.split(".")[0] for name in modules]):
        for name in [*modules, *READERS]:
            importlib.import_module(name)
    from .engine import install_guard, limit_memory
    from .targets import SLOW_SECONDS, Checker, warm_up

    warm_up()
    install_guard()
    limit_memory()
    known = set(json.loads(Path(known_file).read_text(encoding="utf-8")))
    # Instrumented code runs several times slower: slowness is judged with that allowance.
    checker = Checker(target, known=known, hang=None, slow=SLOW_SECONDS * INSTRUMENTED_SLOWDOWN)
    counter = Path(count_file)

    def count(_example: object) -> None:  # libFuzzer exits without a word on a failure
        if checker.examples % 64 == 0:
            counter.write_text(str(checker.examples), encoding="utf-8")

    checker.on_example = count
    atheris.Setup([sys.argv[0], *arguments], checker.fuzz_one)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
