"""docs/development.md and tests/fuzz/README.md stay in step with what they describe."""

from __future__ import annotations

import argparse
from pathlib import Path

from . import run_reproducers
from .fuzz import __main__ as fuzz_runner

ROOT = Path(__file__).resolve().parent.parent
DEVELOPMENT = (ROOT / "docs" / "development.md").read_text(encoding="utf-8")
FUZZ_README = (ROOT / "tests" / "fuzz" / "README.md").read_text(encoding="utf-8")


def _options(parser: argparse.ArgumentParser) -> list[str]:
    names = (o for action in parser._actions for o in action.option_strings)
    return [o for o in names if o.startswith("--") and o != "--help"]


def test_every_benchmark_is_described() -> None:
    scripts = sorted(p for p in (ROOT / "benchmarks").glob("*.py") if p.name != "__init__.py")
    for path in scripts:
        assert f"`{path.name}`" in DEVELOPMENT, f"benchmarks/{path.name} is not in the doc"


def test_every_fuzz_runner_option_is_documented() -> None:
    for option in _options(fuzz_runner.arguments()):
        assert option in FUZZ_README, f"python -m tests.fuzz {option} is not in the README"


def test_every_reproducer_runner_option_is_documented() -> None:
    for option in _options(run_reproducers.arguments()):
        assert option in DEVELOPMENT, f"run_reproducers.py {option} is not in the doc"
