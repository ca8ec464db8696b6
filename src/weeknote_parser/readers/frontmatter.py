"""Front matter: YAML ('---') or TOML ('+++') at the top of a Markdown file, values as written."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from ..errors import InputError

_FENCES = {"---": ("---", "..."), "+++": ("+++",)}


# Bounds on what front matter may hold: weeknote front matter is a few keys deep, so these
# only stop hostile or broken input (YAML alias bombs, self-referencing aliases, deep nesting).
MAX_DEPTH = 50
MAX_VALUES = 10_000
MAX_INT_DIGITS = 30  # a longer integer is kept as the text written (JSON cannot hold it)
_INT64 = 2**63


class RefusedError(Exception):
    """Front matter the parser will not read: too deep, too large or self-referencing."""


@dataclass(slots=True)
class FrontMatter:
    """The parsed front matter and where it sits in the file."""

    values: dict[str, Any] = field(default_factory=dict)
    end: int = 0  # the first line after the closing fence (0 when there is none)
    key_lines: dict[str, int] = field(default_factory=dict)  # top-level key -> line
    problem: str | None = None  # why the front matter was left unread, if it was


def split_front_matter(lines: list[str], *, name: str) -> FrontMatter:
    """Find and parse front matter at the top of ``lines`` (blank lines before it allowed).

    Invalid YAML or TOML is an :class:`InputError`; front matter that is well formed but
    beyond the bounds above is skipped, with ``problem`` saying why.
    """
    start = 0
    while start < len(lines) and not lines[start].strip():
        start += 1
    if start >= len(lines):
        return FrontMatter()
    fence = lines[start].strip().lstrip("\ufeff")
    if fence not in _FENCES:
        return FrontMatter()
    closers = _FENCES[fence]
    for end in range(start + 1, len(lines)):
        if lines[end].strip() in closers:
            body = "\n".join(lines[start + 1 : end])
            read = _yaml if fence == "---" else _toml
            try:
                values = read(body, name, start + 2)
            except RefusedError as refused:
                return FrontMatter({}, end + 1, {}, f"front matter (line {start + 1}) {refused}")
            key_lines: dict[str, int] = {}
            for index in range(start + 1, end):
                key = _KEY.match(lines[index])
                if key is not None:
                    key_lines.setdefault(key.group(1), index)
            return FrontMatter(values, end + 1, key_lines)
    return FrontMatter()  # no closing fence: not front matter


_KEY = re.compile(r"^([A-Za-z0-9_-]+)\s*[:=]")


@cache
def _loader() -> type[Any]:
    """A safe YAML loader (libyaml's when it is built in) that keeps dates and times as the
    strings written, and long integers as text. Made once per process: a loader class holds
    no state of its own between documents (each ``yaml.load`` makes an instance)."""
    import yaml

    base: type[Any] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class AsWritten(base):  # type: ignore[misc]
        pass

    AsWritten.yaml_implicit_resolvers = {
        key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }

    def construct_int(loader: Any, node: Any) -> Any:
        text = loader.construct_scalar(node)
        if sum(ch.isdigit() for ch in text) > MAX_INT_DIGITS:
            return text
        return yaml.SafeLoader.construct_yaml_int(loader, node)

    AsWritten.add_constructor("tag:yaml.org,2002:int", construct_int)
    return AsWritten


def _yaml(body: str, name: str, first_line: int) -> dict[str, Any]:
    import yaml

    try:
        value = yaml.load(body, Loader=_loader())
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = first_line + mark.line if mark is not None else first_line
        problem = getattr(error, "problem", None) or "invalid YAML"
        if "nesting depth" in problem:  # libyaml's own bound on nesting
            raise RefusedError(f"nests deeper than libyaml reads ({problem}); not read") from None
        raise InputError(
            f"front matter is not valid YAML: {problem}", path=name, line=line
        ) from None
    except RecursionError:
        raise RefusedError(f"nests deeper than {MAX_DEPTH} levels; not read") from None
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise InputError(
            "front matter is not a mapping of keys to values", path=name, line=first_line
        )
    safe: dict[str, Any] = _json_safe(value)
    return safe


def _toml(body: str, name: str, first_line: int) -> dict[str, Any]:
    import tomllib

    try:
        value = tomllib.loads(body)
    except tomllib.TOMLDecodeError as error:
        raise InputError(
            f"front matter is not valid TOML: {error}", path=name, line=first_line
        ) from None
    except RecursionError:
        raise RefusedError(f"nests deeper than {MAX_DEPTH} levels; not read") from None
    except ValueError as error:  # e.g. an integer longer than Python reads
        raise RefusedError(f"holds a value that cannot be read ({error}); not read") from None
    safe: dict[str, Any] = _json_safe(value)
    # TOML types its dates; keep the top-level ones exactly as written ('Z', not '+00:00').
    for key, raw in _toml_dates_as_written(body):
        if isinstance(value.get(key), dt.date | dt.datetime | dt.time):
            safe[key] = raw
    return safe


_TOML_KEY = re.compile(r"([A-Za-z0-9_-]+)[ \t]*=[ \t]*")
_TOML_DATE_CHARS = frozenset("0123456789:.+-TZtz ")


def _toml_dates_as_written(body: str) -> list[tuple[str, str]]:
    """Top-level ``key = value`` lines whose value looks like a date or time, as written.

    Read line by line with string operations, so no line can make it backtrack.
    """
    found = []
    for line in body.splitlines():
        key = _TOML_KEY.match(line)
        if key is None:
            continue
        raw = line[key.end() :].partition("#")[0].strip()
        if raw[:1].isascii() and raw[:1].isdigit() and set(raw) <= _TOML_DATE_CHARS:
            found.append((key.group(1), raw))
    return found


def _json_safe(value: Any) -> Any:
    """Values JSON can hold: dates and times (TOML has them natively) as their ISO text,
    integers beyond 64 bits as text. Raises :class:`RefusedError` past ``MAX_DEPTH`` levels or
    ``MAX_VALUES`` values (a YAML alias can repeat a structure, or hold itself)."""
    budget = [MAX_VALUES]

    def safe(item: Any, depth: int) -> Any:
        budget[0] -= 1
        if budget[0] < 0:
            raise RefusedError(f"holds more than {MAX_VALUES} values (YAML aliases?); not read")
        if depth > MAX_DEPTH:
            raise RefusedError(
                f"nests deeper than {MAX_DEPTH} levels (or refers to itself); not read"
            )
        if isinstance(item, dict):
            return {str(k): safe(v, depth + 1) for k, v in item.items()}
        if isinstance(item, list | tuple | set):
            return [safe(v, depth + 1) for v in item]
        if isinstance(item, dt.datetime | dt.date | dt.time):
            return item.isoformat()
        if isinstance(item, bool) or item is None or isinstance(item, float | str):
            return item
        if isinstance(item, int):
            return item if -_INT64 <= item < _INT64 else str(item)
        return str(item)

    return safe(value, 0)
