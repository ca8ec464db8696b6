"""The two ways of driving a target: hypothesis (always there) and atheris (when installed).

Each runs in a child process of the runner (see ``__main__``), so that a hang inside C code,
a crash of the interpreter or runaway memory ends that child and not the run.
"""

from __future__ import annotations

import ast
import contextlib
import importlib
import importlib.util
import json
import resource
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

from .shrink import shrink
from .targets import BYTE_FORMATS, Checker, Example, InvariantError, data_of

# A child's memory limit: runaway allocation becomes a MemoryError, which is a failure.
MEMORY_LIMIT = 4 * 1024**3
ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Found:
    """A failure as the runner reports it: the minimal example and what it raised."""

    target: str
    signature: str
    summary: str
    details: str
    format: str | None
    value: str  # repr() of the example's value, str or bytes
    original_size: int

    @classmethod
    def of(cls, target: str, failure: InvariantError, original_size: int) -> Found:
        example = failure.example
        return cls(
            target,
            failure.signature,
            failure.summary,
            failure.details,
            example.format,
            repr(example.value),
            original_size,
        )

    def example(self) -> Example:
        return Example(self.format, ast.literal_eval(self.value))  # type: ignore[arg-type]


@dataclass
class Result:
    """What one child found for one target."""

    target: str
    engine: str
    examples: int = 0
    seconds: float = 0.0
    known_hits: int = 0
    found: list[Found] | None = None
    problem: str | None = None  # the child died, or could not run

    def to_json(self) -> str:
        return json.dumps(asdict(self))

    @classmethod
    def from_json(cls, text: str) -> Result:
        raw = json.loads(text)
        found = [Found(**f) for f in raw.pop("found") or []]
        return cls(**raw, found=found)


def install_guard() -> str | None:
    """Install the test suite's security guard when the project has one; say which."""
    try:
        guard = importlib.import_module("tests.security_guard")
    except ModuleNotFoundError as error:
        if error.name not in ("tests.security_guard", "tests"):
            raise
        return None
    from tests.conftest import ALLOWED_OPENERS  # the suite's one list of sanctioned opens

    install: Callable[[object], object] = guard.install
    install(ALLOWED_OPENERS)
    return "tests.security_guard"


def limit_memory() -> None:
    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard == resource.RLIM_INFINITY or hard > MEMORY_LIMIT:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, hard))


class _TimeUpError(Exception):
    """Ends a hypothesis search when the target's time is spent."""


def _search(checker: Checker, deadline: float) -> InvariantError | None:
    from hypothesis import HealthCheck, Phase, Verbosity, given, settings

    from .strategies import examples

    caught: list[InvariantError] = []

    @settings(
        max_examples=10**9,
        deadline=None,
        database=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
        verbosity=Verbosity.quiet,
        report_multiple_bugs=False,
    )
    @given(examples(checker.target))
    def search(example: Example) -> None:
        if time.monotonic() > deadline:
            raise _TimeUpError
        try:
            checker.check(example)
        except InvariantError as failure:
            caught.append(failure)
            raise

    # The failure itself, _TimeUpError, or hypothesis's word on a flaky failure.
    with contextlib.suppress(Exception):
        search()
    return caught[0] if caught else None


def run_hypothesis(
    target: str,
    seconds: float,
    known: set[str],
    shrink_seconds: float,
    current: Path | None = None,
    result_file: Path | None = None,
) -> Result:
    """Search with hypothesis for ``seconds``; each new failure is shrunk and then let pass.

    Shrinking takes at most ``shrink_seconds`` a failure, and all of it together at most
    twice that past ``seconds``. ``result_file`` gets the result so far after each failure.
    """
    checker = Checker(target, known=set(known))
    if current is not None:
        checker.on_example = _recorder(current)
    start = time.monotonic()
    deadline = start + seconds
    hard_end = deadline + 2 * shrink_seconds
    found: list[Found] = []

    def so_far() -> Result:
        spent = time.monotonic() - start
        return Result(target, "hypothesis", checker.examples, spent, checker.known_hits, found)

    while time.monotonic() < deadline:
        failure = _search(checker, deadline)
        if failure is None:
            break
        size = len(failure.example.value)
        allowed = max(0.0, min(shrink_seconds, hard_end - time.monotonic()))
        found.append(Found.of(target, shrink(failure, seconds=allowed), size))
        checker.known.add(failure.signature)
        if result_file is not None:
            result_file.write_text(so_far().to_json(), encoding="utf-8")
    return so_far()


def replay(target: str, data: bytes, shrink_seconds: float) -> Result:
    """Check one input a fuzzer saved (a crash or a timeout) and shrink it if it fails."""
    checker = Checker(target)
    start = time.monotonic()
    try:
        checker.fuzz_one(data)
    except InvariantError as failure:
        size = len(failure.example.value)
        found = [Found.of(target, shrink(failure, seconds=shrink_seconds), size)]
        return Result(target, "replay", 1, time.monotonic() - start, 0, found)
    return Result(target, "replay", 1, time.monotonic() - start, 0, [])


def _recorder(path: Path) -> Callable[[Example], None]:
    """Keep the example being checked in ``path``, so a child killed mid-example leaves it."""
    handle = path.open("w", encoding="utf-8")

    def record(example: Example) -> None:
        handle.seek(0)
        handle.write(f"{example.format!r}\n{example.value!r}\n")
        handle.truncate()
        handle.flush()

    return record


def atheris_available() -> bool:
    return importlib.util.find_spec("atheris") is not None


def seed_corpus(target: str, corpus: Path, generated: int = 200) -> int:
    """Fill an empty corpus folder with inputs of ``target``: the project's examples and
    ``generated`` documents built by the hypothesis strategies (a start for a fuzzer that
    only mutates bytes)."""
    if any(corpus.iterdir()):
        return 0
    seeds: list[bytes] = []
    for path in sorted((ROOT / "examples").rglob("*")):
        if not path.is_file() or path.suffix == ".json":
            continue
        raw = path.read_bytes()
        if target == "bytes":
            seeds.append(b"\x00" + raw)
        elif _KINDS.get(path.suffix, "feed") == target:
            seeds.append(data_of(raw.decode("utf-8", "replace")))
    seeds += [_data_of_example(e) for e in _draw(target, generated)]
    for number, data in enumerate(seeds):
        (corpus / f"seed-{number:04d}").write_bytes(data)
    return len(seeds)


_KINDS = {".txt": "text", ".md": "markdown", ".html": "html"}


def _data_of_example(example: Example) -> bytes:
    if isinstance(example.value, str):
        return data_of(example.value)
    return bytes([BYTE_FORMATS.index(example.format)]) + example.value


def _draw(target: str, count: int) -> list[Example]:
    from hypothesis import HealthCheck, Phase, given, settings

    from .strategies import examples

    drawn: list[Example] = []

    @settings(
        max_examples=count,
        database=None,
        deadline=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(examples(target))
    def collect(example: Example) -> None:
        if len(example.value) <= 16384:
            drawn.append(example)

    collect()
    return drawn
