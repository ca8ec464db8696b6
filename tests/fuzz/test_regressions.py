"""Every input the fuzzers found failing (tests/fuzz/regressions.py) keeps the invariant now,
and the fuzzing machinery itself does what it says."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from weeknote_parser import parse as real_parse
from weeknote_parser.errors import InputError

from . import targets
from .engine import ROOT
from .regressions import CASES, Case
from .shrink import shrink
from .strategies import examples
from .targets import (
    BYTE_FORMATS,
    TARGETS,
    Checker,
    Example,
    InvariantError,
    check,
    data_of,
    text_of,
)

# The inputs are small: a generous bound, so a loaded machine does not make them flaky.
SLOW = 10.0


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(
            case,
            id=case.name,
            marks=[pytest.mark.xfail(strict=True, reason=case.pending)] if case.pending else [],
        )
        for case in CASES
    ],
)
def test_found_input_keeps_the_invariant(case: Case) -> None:
    check(Example(case.format, case.value), slow=SLOW)


def test_case_names_are_unique() -> None:
    names = [case.name for case in CASES]
    assert len(names) == len(set(names))


@pytest.mark.parametrize("target", TARGETS)
def test_each_target_checks_whatever_bytes_it_is_given(target: str) -> None:
    checker = Checker(target, schema_every=1)
    for data in (b"", b"\x00", b"\x02<p>Weeknote 12.22</p>", data_of("Weeknote 12.22\n\nx")):
        checker.fuzz_one(data)
    assert checker.examples == 4


@pytest.mark.parametrize("target", TARGETS)
@settings(max_examples=20, deadline=None, suppress_health_check=list(HealthCheck), database=None)
@given(data=st.data())
def test_strategies_make_examples_of_their_target(target: str, data: st.DataObject) -> None:
    example = data.draw(examples(target))
    if target == "bytes":
        assert isinstance(example.value, bytes)
        assert example.format in BYTE_FORMATS
    else:
        assert isinstance(example.value, str)
        assert example.format == target


def test_the_runner_prints_counts_and_fails_only_with_a_reproducer() -> None:
    command = [sys.executable, "-m", "tests.fuzz", "--budget", "3", "--format", "html"]
    command += ["--engine", "hypothesis", "--shrink-seconds", "2"]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert re.search(r"^html\s+\d+ examples in", done.stdout, re.M), done.stdout + done.stderr
    failed = "FAIL [html]" in done.stdout or "PROBLEM [html]" in done.stdout
    assert done.returncode == (1 if failed else 0), done.stdout + done.stderr
    if "FAIL [html]" in done.stdout:
        assert "minimal input" in done.stdout
        assert "regression row: Case(" in done.stdout


def test_text_of_reaches_every_code_unit_and_data_of_inverts_it() -> None:
    assert text_of(b"\x00ab\xff") == "ab\udcff"
    assert text_of(b"\x01\x00\xd8") == "\ud800"
    assert text_of(b"\x02\xe9") == "é"
    for text in ("", "Weeknote 12.22", "\ud800 x \udcff", "\U0001f600"):
        assert text_of(data_of(text)) == text


def _broken_parse(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the library fail on any text holding 'boom' (and refuse any holding 'refuse')."""

    def parse(text: str, **settings: object) -> object:
        if "refuse" in text:
            raise InputError("refused")
        if "boom" in text:
            raise KeyError("boom")
        return real_parse(text, **settings)  # type: ignore[arg-type]

    monkeypatch.setattr(targets, "parse", parse)


def test_an_exception_breaks_the_invariant_and_a_weeknote_error_does_not(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _broken_parse(monkeypatch)
    check(Example("text", "refuse boom"))
    with pytest.raises(InvariantError, match="KeyError") as raised:
        check(Example("text", "a\nboom\nb"))
    # Raised outside the package: the signature is the type, the summary says where.
    assert raised.value.signature == "KeyError"
    assert "test_regressions.py" in raised.value.summary


def test_a_slow_example_breaks_the_invariant() -> None:
    with pytest.raises(InvariantError, match="took"):
        check(Example("text", "Weeknote 12.22\n\n" + "x\n" * 2000), slow=0.0)


def test_a_hang_is_interrupted(monkeypatch: pytest.MonkeyPatch) -> None:
    def forever(text: str, **_settings: object) -> object:
        while True:
            pass

    monkeypatch.setattr(targets, "parse", forever)
    with pytest.raises(InvariantError, match="still running"):
        check(Example("text", "x"), hang=0.2)


def test_shrinking_keeps_the_failure_and_drops_the_rest(monkeypatch: pytest.MonkeyPatch) -> None:
    _broken_parse(monkeypatch)
    text = "Weeknote 12.22\n\nsome text\nmore boom here\nthe end"
    with pytest.raises(InvariantError) as raised:
        check(Example("text", text))
    smaller = shrink(raised.value, seconds=10)
    assert smaller.example.value == "boom"
    assert smaller.signature == raised.value.signature


def test_known_failures_are_counted_not_raised(monkeypatch: pytest.MonkeyPatch) -> None:
    _broken_parse(monkeypatch)
    with pytest.raises(InvariantError) as raised:
        check(Example("text", "boom"))
    checker = Checker("text", known={raised.value.signature})
    checker.check(Example("text", "boom boom"))
    assert (checker.examples, checker.known_hits) == (1, 1)
