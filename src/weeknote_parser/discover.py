"""Finding the inputs of a batch: files, folders walked, glob patterns and lists of paths.

A path named on its own is always read, whatever its name. A folder is walked (recursively
unless told not to) and a pattern expanded; what they find is filtered: hidden files and
folders (names starting with '.'), files in no known format (unless ``include`` names them),
anything ``exclude`` names and anything that is not a regular file are skipped, and counted.
Each folder's or pattern's files come in sorted order, so a batch is always read the same way.
"""

from __future__ import annotations

import glob
import os
import re
import stat
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import BinaryIO

from .errors import InputError
from .readers import EXTENSIONS, MAX_BYTES, display_name, read_bytes, read_limited

STDIN = "-"
_MAGIC = re.compile(r"[*?[]")
# What marks a text file as some other kind of file: a NUL in its first 8 KiB, unless a
# byte-order mark says it is UTF-16 or UTF-32 (whose ASCII characters hold NUL bytes).
_BINARY_HEAD = 8192
_WIDE_BOMS = (b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")


def looks_binary(data: bytes) -> bool:
    """Whether ``data`` is not text: a NUL byte near its start, and no UTF-16/32 BOM."""
    return b"\x00" in data[:_BINARY_HEAD] and not data.startswith(_WIDE_BOMS)


@dataclass(frozen=True, slots=True)
class Entry:
    """One input to read. ``found``: found in a folder or by a pattern rather than named, so
    that a binary file is skipped rather than reported as an error."""

    path: str
    found: bool = False

    @property
    def shown(self) -> str:
        """The path as messages show it (standard input as ``<stdin>``)."""
        return "<stdin>" if self.path == STDIN else display_name(self.path)


@dataclass(slots=True)
class Discovery:
    """The inputs found, in the order to read them, with what was passed over."""

    entries: list[Entry] = field(default_factory=list)
    skipped: int = 0
    errors: list[InputError] = field(default_factory=list)


def _translate(pattern: str) -> re.Pattern[str]:
    """A glob as a regular expression over '/'-separated paths: ``**`` crosses folders, ``*``
    and ``?`` do not, ``[...]`` is a class."""
    out: list[str] = []
    index = 0
    while index < len(pattern):
        char = pattern[index]
        if pattern.startswith("**/", index):
            out.append("(?:.*/)?")
            index += 3
            continue
        if pattern.startswith("**", index):
            out.append(".*")
            index += 2
            continue
        if char == "*":
            out.append("[^/]*")
        elif char == "?":
            out.append("[^/]")
        elif char == "[" and (close := pattern.find("]", index + 2)) != -1:
            body = pattern[index + 1 : close]
            negate = body.startswith("!")
            body = re.escape(body[1:] if negate else body).replace(r"\-", "-")
            out.append(f"[{'^' if negate else ''}{body}]")
            index = close + 1
            continue
        else:
            out.append(re.escape(char))
        index += 1
    return re.compile("".join(out) + r"\Z", re.S)


@dataclass(frozen=True)
class Globs:
    """Glob patterns a path is matched against: one without a '/' against the last part of
    the path (any folder's or file's name), one with a '/' against the whole relative path."""

    patterns: tuple[str, ...] = ()
    _compiled: tuple[tuple[bool, re.Pattern[str]], ...] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        compiled = tuple(
            ("/" in pattern.strip("/"), _translate(pattern.strip("/")))
            for pattern in self.patterns
            if pattern.strip("/")
        )
        object.__setattr__(self, "_compiled", compiled)

    def __bool__(self) -> bool:
        return bool(self._compiled)

    def match(self, relative: str) -> bool:
        name = relative.rsplit("/", 1)[-1]
        return any(rx.match(relative if whole else name) for whole, rx in self._compiled)


def _known_format(name: str) -> bool:
    return os.path.splitext(name)[1].lower() in EXTENSIONS


@dataclass
class Finder:
    """Turns the paths a user gives into the inputs of a batch (see the module's docs)."""

    recursive: bool = True
    include: Globs = field(default_factory=Globs)
    exclude: Globs = field(default_factory=Globs)

    def discover(self, paths: Iterable[str], *, patterns: bool = True) -> Discovery:
        """Every input ``paths`` name, in order: each named file as given, each folder's and
        each pattern's files sorted, a file reached twice by a folder or pattern read once.
        ``patterns``: expand glob patterns that name no existing path."""
        found = Discovery()
        seen: set[str] = set()
        for path in paths:
            if path == STDIN:
                found.entries.append(Entry(STDIN))
                continue
            if patterns and _MAGIC.search(path) and not os.path.lexists(path):
                self._pattern(path, found, seen)
            elif os.path.isdir(path):
                self._folder(path, found, seen, named=True)
            else:
                seen.add(_key(path))
                found.entries.append(Entry(path))
        return found

    def _pattern(self, pattern: str, found: Discovery, seen: set[str]) -> None:
        matches = sorted(glob.glob(pattern, recursive=True), key=_parts)
        if not matches:
            found.errors.append(InputError("no file matches this pattern", path=pattern))
            return
        for match in matches:
            if os.path.isdir(match):
                self._folder(match, found, seen, named=False)
            else:
                self._take(match, match, found, seen)

    def _folder(self, top: str, found: Discovery, seen: set[str], *, named: bool) -> None:
        before, problems = len(found.entries), len(found.errors)
        files = sorted(self._walk(top, found), key=lambda pair: _parts(pair[1]))
        for path, relative in files:
            self._take(path, relative, found, seen)
        if named and len(found.entries) == before and len(found.errors) == problems:
            message = "is a directory, not a file, and no weeknote files were found in it"
            found.errors.append(InputError(message, path=display_name(top)))

    def _walk(self, top: str, found: Discovery) -> Iterator[tuple[str, str]]:
        """(path, path relative to ``top``) of each file below ``top`` that may be read;
        hidden and excluded folders are not entered, and are counted as skipped; a folder
        that cannot be listed is an error, and the walk goes on."""
        stack = [(top, "")]
        while stack:
            folder, prefix = stack.pop()
            try:
                with os.scandir(folder) as listing:
                    children = sorted(listing, key=lambda entry: entry.name)
            except OSError as error:
                problem = f"cannot read the folder: {error.strerror or error}"
                found.errors.append(InputError(problem, path=display_name(folder)))
                continue
            for child in children:
                relative = f"{prefix}{child.name}"
                if child.name.startswith(".") or self.exclude.match(relative):
                    found.skipped += 1
                elif child.is_dir(follow_symlinks=False):
                    if self.recursive:
                        inner = relative if top in (".", "./") else child.path
                        stack.append((inner, f"{relative}/"))
                    else:
                        found.skipped += 1
                else:  # below the current folder, 'a.md' rather than './a.md'
                    yield (relative if top in (".", "./") else child.path), relative

    def _take(self, path: str, relative: str, found: Discovery, seen: set[str]) -> None:
        name = PurePosixPath(relative.replace(os.sep, "/")).as_posix()
        wanted = self.include.match(name) if self.include else _known_format(name)
        key = _key(path)
        if not wanted or self.exclude.match(name) or not _regular(path):
            found.skipped += 1
        elif key not in seen:
            seen.add(key)
            found.entries.append(Entry(path, found=True))


def _regular(path: str) -> bool:
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False


def _key(path: str) -> str:
    """What identifies a file reached twice: its real path (links resolved)."""
    return os.path.normcase(os.path.realpath(path))


def _parts(path: str) -> tuple[str, ...]:
    return tuple(part for part in re.split(r"[/\\]", path) if part not in ("", "."))


def path_list(data: bytes) -> list[str]:
    """The paths listed in ``data``, one a line (as ``find`` or ``git ls-files`` print them);
    blank lines are ignored, and bytes that are not UTF-8 are kept, as file names keep them."""
    paths = []
    for raw in data.split(b"\n"):
        line = raw.rstrip(b"\r")
        if line.strip():
            paths.append(os.fsdecode(line))
    return paths


def files_from(source: str, stdin: BinaryIO | None, *, max_bytes: int = MAX_BYTES) -> list[str]:
    """The paths listed in the file ``source``, or on standard input for '-'."""
    if source != STDIN:
        return path_list(read_bytes(source, max_bytes=max_bytes, name=display_name(source)))
    if stdin is None:
        raise InputError("standard input is closed", path="<stdin>")
    try:
        return path_list(read_limited(stdin, name="<stdin>", max_bytes=max_bytes))
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror or error}", path="<stdin>") from None


def discover(
    paths: Sequence[str],
    *,
    recursive: bool = True,
    include: Iterable[str] = (),
    exclude: Iterable[str] = (),
    listed: Sequence[str] = (),
) -> Discovery:
    """The inputs of a batch: ``paths`` (files, folders, glob patterns, '-') then ``listed``
    (paths read from a list: files or folders, never expanded as patterns)."""
    finder = Finder(recursive, Globs(tuple(include)), Globs(tuple(exclude)))
    found = finder.discover(paths)
    if listed:
        more = finder.discover(listed, patterns=False)
        seen = {_key(e.path) for e in found.entries if e.path != STDIN}
        found.entries.extend(e for e in more.entries if not (e.found and _key(e.path) in seen))
        found.skipped += more.skipped
        found.errors.extend(more.errors)
    return found
