"""Where the command's output goes: standard output, or a file written atomically.

Standard output: a reader that goes away ('| head') ends the run quietly; any other failure
(a full disk, a closed stream) is one error line. A file (``--output FILE``): written to a
temporary file beside it, then moved over it in one step, so that a reader never sees half of
it and a failed run leaves the old file as it was.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any, BinaryIO, NoReturn

import click

EXIT_OK = 0
EXIT_INPUT_ERROR = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3
STDIN_NAME = "<stdin>"


def fail(message: str, code: int) -> NoReturn:
    """Report ``message`` as one line on standard error and exit with ``code``."""
    click.echo(f"Error: {message}", err=True)
    sys.exit(code)


def identity(stream: IO[Any] | None) -> tuple[int, int] | None:
    """(device, inode) of the regular file ``stream`` writes to or reads from, if it is one."""
    try:
        info = os.fstat(stream.fileno()) if stream is not None else None
    except (OSError, ValueError):  # not a real file (a test's buffer), or closed
        return None
    if info is None or not stat.S_ISREG(info.st_mode):
        return None
    return info.st_dev, info.st_ino


def path_identity(path: str | os.PathLike[str]) -> tuple[int, int] | None:
    """(device, inode) of the file at ``path``, if there is one."""
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return None
    return info.st_dev, info.st_ino


def input_that_is(
    output: tuple[int, int] | None, files: Iterable[str], stdin: BinaryIO | None
) -> str | None:
    """The first of ``files`` (or standard input, for '-') that is the file ``output``
    identifies, found without reading anything."""
    if output is None:
        return None
    from ..discover import STDIN
    from ..readers import display_name

    for name in files:
        if name == STDIN:
            if identity(stdin) == output:
                return STDIN_NAME
            continue
        if path_identity(name) == output:
            return display_name(name)
    return None


def input_that_is_output(files: Iterable[str], stdin: BinaryIO | None) -> str | None:
    """The first input that is the file standard output writes to ('weeknote-parse a.txt >
    a.txt'), found without reading anything."""
    return input_that_is(identity(sys.stdout), files, stdin)


def discard_output() -> None:
    """Point standard output at the null device, so that what is still buffered for a reader
    that went away, or a full disk, is not written again when Python exits."""
    try:
        descriptor = sys.stdout.fileno() if sys.stdout is not None else None
    except (OSError, ValueError):
        return
    if descriptor is None:
        return
    null = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(null, descriptor)
    finally:
        os.close(null)


def write_stdout(payload: bytes, *, failure: int = EXIT_INPUT_ERROR) -> bool:
    """Write ``payload`` to standard output now. False if the reader went away ('| head'),
    which is not an error; any other failure is one line on standard error and exit
    ``failure``."""
    if sys.stdout is None:
        fail("cannot write output: standard output is closed", failure)
    try:
        sys.stdout.buffer.write(payload)
        sys.stdout.buffer.flush()
    except BrokenPipeError:
        discard_output()
        return False
    except OSError as error:
        discard_output()
        fail(f"cannot write output: {error.strerror or error}", failure)
    return True


class Sink:
    """Standard output: each write goes out at once."""

    def write(self, payload: bytes, *, failure: int = EXIT_INPUT_ERROR) -> bool:
        """Write ``payload``; False if the reader went away (stop quietly)."""
        return write_stdout(payload, failure=failure)

    def finish(self, *, failure: int = EXIT_INPUT_ERROR) -> None:
        """Everything is written."""

    def abandon(self) -> None:
        """The run stopped before the end."""


class FileSink(Sink):
    """A file written atomically: to a temporary file beside it, moved over it at the end.
    A target that exists and is not a regular file (``/dev/null``, a FIFO) is written to
    directly, as a shell's ``>`` would; a symbolic link is followed, and its file replaced."""

    def __init__(self, target: Path) -> None:
        from ..readers import display_name

        shown = display_name(target)
        if target.is_symlink():
            target = Path(os.path.realpath(target))
        self.target = target
        self.temporary: Path | None = None
        try:
            mode = os.stat(target).st_mode
        except OSError:
            mode = None
        try:
            if mode is not None and stat.S_ISDIR(mode):
                raise IsADirectoryError(21, "Is a directory")
            if mode is not None and not stat.S_ISREG(mode):
                self.stream: BinaryIO = open(target, "wb")  # noqa: SIM115 - closed in finish
                return
            handle, temporary = tempfile.mkstemp(
                dir=target.parent, prefix=f".{target.name}.", suffix=".part"
            )
        except OSError as error:
            fail(f"cannot write output: {shown}: {error.strerror or error}", EXIT_INPUT_ERROR)
        self.temporary = Path(temporary)
        os.chmod(handle, _mode_for(target))
        self.stream = os.fdopen(handle, "wb", buffering=1 << 16)

    def write(self, payload: bytes, *, failure: int = EXIT_INPUT_ERROR) -> bool:
        try:
            self.stream.write(payload)
        except OSError as error:
            self._failed(error, failure)
        return True

    def finish(self, *, failure: int = EXIT_INPUT_ERROR) -> None:
        try:
            self.stream.flush()
            if self.temporary is not None:
                os.fsync(self.stream.fileno())
            self.stream.close()
            if self.temporary is not None:
                os.replace(self.temporary, self.target)
        except OSError as error:
            self._failed(error, failure)

    def abandon(self) -> None:
        with contextlib.suppress(OSError):
            self.stream.close()
        if self.temporary is not None:
            self.temporary.unlink(missing_ok=True)

    def _failed(self, error: OSError, failure: int) -> NoReturn:
        self.abandon()
        from ..readers import display_name

        shown = display_name(self.target)
        fail(f"cannot write output: {shown}: {error.strerror or error}", failure)


def _mode_for(target: Path) -> int:
    """The mode the output file gets: the old file's, else what the umask leaves of 0o666
    (as a shell's redirection would make it)."""
    try:
        return stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
