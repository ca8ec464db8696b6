"""Typed errors: every failure a user can cause is a WeeknoteError with a one-line message."""

from __future__ import annotations


class WeeknoteError(Exception):
    """Base class of every error weeknote-parser raises on purpose.

    ``path`` and ``line`` (1-based, for people) say where, when known; ``str(error)`` is a
    single line that names them.
    """

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    def __str__(self) -> str:
        where = self.path or ""
        if self.path and self.line is not None:
            where = f"{self.path}:{self.line}"
        return f"{where}: {self.message}" if where else self.message


class InputError(WeeknoteError):
    """The input could not be read: missing, a directory, unreadable, binary or undecodable."""


class OptionsError(WeeknoteError, ValueError):
    """A setting is invalid: the message names the setting and every bad value."""
