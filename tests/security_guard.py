"""A guard for the tests and fuzz targets: weeknote_parser reads only the input it is given.

:func:`install` adds an audit hook (:func:`sys.addaudithook`, once per process) that

- refuses every network operation (connecting, resolving a name, sending, opening a URL),
  whoever makes it: nothing under test has any business on the network;
- refuses every ``open`` of a path made while code of the ``weeknote_parser`` package is on
  the stack, unless the innermost package frame is one of the allowed ``(module, function)``
  pairs (the sanctioned read of an input file), or the import system is doing it on the
  package's behalf: finding and loading a module that is imported lazily (lxml, feedparser,
  PyYAML), including whatever that module does while it is first imported.

A refused operation raises :class:`RefusedError` (a :class:`PermissionError`, so the access
never happens and code that handles a denied access handles it) and is recorded:
:func:`take_violations` returns and clears the record, so a caller that swallowed the
exception is still caught.

Audit events only see what Python itself does: a C library reading files on its own (libxml2
loading a DTD through its own I/O, say) is invisible here, so such cases also need a test
that the content of the file did not reach the output.
"""

from __future__ import annotations

import contextlib
import socket
import sys
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from types import FrameType
from typing import Any

PACKAGE = "weeknote_parser"

# The audit events of network use (see the audit events table of the Python docs).
NETWORK_EVENTS = frozenset(
    {
        "socket.bind",
        "socket.connect",
        "socket.getaddrinfo",
        "socket.gethostbyaddr",
        "socket.gethostbyname",
        "socket.getnameinfo",
        "socket.sendmsg",
        "socket.sendto",
        "urllib.Request",
        "http.client.connect",
        "http.client.send",
        "ftplib.connect",
        "imaplib.open",
        "nntplib.connect",
        "poplib.connect",
        "smtplib.connect",
        "telnetlib.Telnet.open",
        "webbrowser.open",
    }
)
# The modules of the import machinery: their frames find and load modules (io.open_code).
IMPORT_SYSTEM = frozenset(
    {
        "importlib._bootstrap",
        "importlib._bootstrap_external",
        "_frozen_importlib",
        "_frozen_importlib_external",
        "zipimport",
    }
)


class RefusedError(PermissionError):
    """An access the guard refused."""


@dataclass(frozen=True, slots=True)
class Violation:
    """One refused access: the audit event, what it was for, and the code that asked."""

    event: str
    target: str
    caller: str

    def __str__(self) -> str:
        return f"{self.event} of {self.target} from {self.caller}"


_lock = threading.Lock()
_violations: list[Violation] = []
_allowed: frozenset[tuple[str, str]] = frozenset()
_installed = False
_test_network = threading.local()  # set by own_sockets(): the test's own sockets may run


@contextlib.contextmanager
def own_sockets() -> Iterator[None]:
    """Let a test's own code use loopback sockets (a listener, a probe of a free port) while
    it checks how something else behaves on the network. Package code on the stack is still
    refused: the parser never gets the network."""
    _test_network.on = True
    try:
        yield
    finally:
        _test_network.on = False


def install(allowed: Iterable[tuple[str, str]]) -> None:
    """Guard this process. ``allowed`` holds the ``(module, function)`` pairs (the function's
    qualified name) that may open a path: the package's sanctioned reads of its input.

    The hook is added once (an audit hook cannot be removed); a later call replaces the
    allowed pairs.
    """
    global _allowed, _installed
    _allowed = frozenset(allowed)
    if not _installed:
        sys.addaudithook(_hook)
        _installed = True


def take_violations() -> list[Violation]:
    """The violations recorded since the last call, oldest first; the record is cleared."""
    with _lock:
        found = list(_violations)
        _violations.clear()
    return found


def _describe(frame: FrameType) -> str:
    name = frame.f_globals.get("__name__", "?")
    return f"{name}.{frame.f_code.co_qualname} ({frame.f_code.co_filename}:{frame.f_lineno})"


def _refuse(event: str, target: str, caller: str) -> None:
    violation = Violation(event, target, caller)
    with _lock:
        _violations.append(violation)
    raise RefusedError(f"refused by the test guard: {violation}")


def _in_package(frame: FrameType) -> bool:
    module: str = frame.f_globals.get("__name__", "")
    return module == PACKAGE or module.startswith(PACKAGE + ".")


def _open_caller(frame: FrameType | None) -> FrameType | None:
    """The package frame answerable for an ``open`` made from ``frame``: the innermost frame of
    the package, unless the import system comes first (then None, as when no package code
    is on the stack)."""
    while frame is not None:
        if frame.f_globals.get("__name__", "") in IMPORT_SYSTEM:
            return None
        if _in_package(frame):
            return frame
        frame = frame.f_back
    return None


def _package_on_stack(frame: FrameType | None) -> bool:
    while frame is not None:
        if _in_package(frame):
            return True
        frame = frame.f_back
    return False


def _network_caller(frame: FrameType) -> str:
    """Who asked for the network: the innermost package frame, else the immediate caller."""
    outer: FrameType | None = frame
    while outer is not None:
        if _in_package(outer):
            return _describe(outer)
        outer = outer.f_back
    return f"{_describe(frame)}, with no {PACKAGE} code on the stack"


def _hook(event: str, args: tuple[Any, ...]) -> None:
    if event in NETWORK_EVENTS:
        if getattr(_test_network, "on", False) and not _package_on_stack(sys._getframe(1)):
            return
        shown: object = tuple(a for a in args if not isinstance(a, socket.socket))
        if event == "urllib.Request":
            shown = args[0]  # the URL, without the headers
        _refuse(event, repr(shown)[:200], _network_caller(sys._getframe(1)))
    elif event == "open":
        path = args[0]
        if isinstance(path, int):  # an open file descriptor: no path is opened
            return
        frame = _open_caller(sys._getframe(1))
        if frame is None:
            return
        module = frame.f_globals.get("__name__", "")
        if (module, frame.f_code.co_qualname) in _allowed:
            return
        _refuse(event, repr(path)[:200], _describe(frame))
