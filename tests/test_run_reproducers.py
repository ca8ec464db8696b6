"""The reproducer runner (tests/run_reproducers.py) gives each command the right verdict."""

from __future__ import annotations

import socket
import sys
from pathlib import Path

import pytest

from . import security_guard
from .run_reproducers import Reproducer, classify, main, read_reproducers, run_one

PYTHON = sys.executable

DOCUMENTED = """Traceback (most recent call last):
  File "<string>", line 1, in <module>
  File "/x/weeknote_parser/api.py", line 9, in parse
weeknote_parser.errors.InputError: <text>: not a feed
"""
LIBRARY = """Traceback (most recent call last):
  File "<string>", line 1, in <module>
  File "/x/weeknote_parser/api.py", line 9, in parse
OverflowError: date value out of range
"""
COMMAND = """Traceback (most recent call last):
  File "<string>", line 1, in <module>
IndexError: list index out of range
"""


@pytest.mark.parametrize(
    ("exit_code", "stderr", "timed_out", "expected"),
    [
        (0, "", False, "ok"),
        (1, "Error: x.txt: no such file\n", False, "ok"),
        (1, DOCUMENTED, False, "error"),
        (1, LIBRARY, False, "traceback"),
        (1, COMMAND, False, "traceback-in-command"),
        (3, "Error: x: internal error (KeyError: 'a'); please report it\n", False, "exit 3"),
        (None, "", True, "timeout"),
        (0, LIBRARY.replace("Overflow", "Value"), False, "traceback"),
    ],
)
def test_verdicts(exit_code: int | None, stderr: str, timed_out: bool, expected: str) -> None:
    assert classify(exit_code, stderr, timed_out=timed_out) == expected


def test_network_and_file_access_come_first() -> None:
    assert classify(0, "", timed_out=True, connections=1) == "network"
    assert classify(0, DOCUMENTED, timed_out=False, opened=2) == "file-access"


def test_the_file_format(tmp_path: Path) -> None:
    listing = tmp_path / "r.txt"
    listing.write_text("# a comment\n\none|echo 1\ntwo | echo 'a|b'\n", encoding="utf-8")
    assert read_reproducers(listing) == [
        Reproducer("one", "echo 1", 3),
        Reproducer("two", "echo 'a|b'", 4),
    ]
    listing.write_text("no bar here\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"r\.txt:1: expected NAME\|COMMAND"):
        read_reproducers(listing)


def _run(command: str, timeout: float = 30.0) -> str:
    return run_one(Reproducer("t", command, 1), timeout=timeout, listeners=True).verdict


def test_commands_are_run_and_judged() -> None:
    error = "from weeknote_parser.errors import InputError; raise InputError('x', path='f')"
    assert _run(f'{PYTHON} -c "{error}"') == "error"
    overflow = "import datetime; datetime.date(1, 1, 1) - datetime.timedelta(1)"
    assert _run(f"{PYTHON} -c '{overflow}'") == "traceback-in-command"
    assert _run("exit 5") == "exit 5"
    assert _run("sleep 5", timeout=0.5) == "timeout"


def test_opening_a_file_of_the_project_is_seen() -> None:
    assert _run(f"{PYTHON} -c \"open('README.md').read()\"") == "file-access"
    assert _run(f"{PYTHON} -c 'import weeknote_parser'") == "ok"


def test_a_connection_to_the_named_port_is_seen() -> None:
    with security_guard.own_sockets():
        with socket.socket() as probe:  # a free port for the listener
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        connect = f"import socket; socket.create_connection(('127.0.0.1', {port}), timeout=0.5)"
        assert _run(f'{PYTHON} -c "{connect}" # 127.0.0.1:{port}') == "network"


def test_exit_status(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    listing = tmp_path / "r.txt"
    listing.write_text("fine|true\nbroken|exit 4\n", encoding="utf-8")
    assert main([str(listing), "--only", "fine"]) == 0
    assert main([str(listing)]) == 1
    assert "1 of 2 behaved; failed: broken" in capsys.readouterr().out
    assert main([str(listing), "--only", "nothing"]) == 2
