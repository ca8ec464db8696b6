"""Front matter: YAML ('---') or TOML ('+++') at the top of a Markdown file, values as written."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from ..errors import InputError

_FENCES = {"---": ("---", "..."), "+++": ("+++",)}


@dataclass(slots=True)
class FrontMatter:
    """The parsed front matter and where it sits in the file."""

    values: dict[str, Any] = field(default_factory=dict)
    end: int = 0  # the first line after the closing fence (0 when there is none)
    key_lines: dict[str, int] = field(default_factory=dict)  # top-level key -> line


def split_front_matter(lines: list[str], *, name: str) -> FrontMatter:
    """Find and parse front matter at the top of ``lines`` (blank lines before it allowed)."""
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
            values = read(body, name, start + 2)
            key_lines: dict[str, int] = {}
            for index in range(start + 1, end):
                key = re.match(r"^([A-Za-z0-9_-]+)\s*[:=]", lines[index])
                if key is not None:
                    key_lines.setdefault(key.group(1), index)
            return FrontMatter(values, end + 1, key_lines)
    return FrontMatter()  # no closing fence: not front matter


def _yaml(body: str, name: str, first_line: int) -> dict[str, Any]:
    import yaml

    class _AsWritten(yaml.SafeLoader):
        """A safe loader that keeps dates and times as the strings written."""

    _AsWritten.yaml_implicit_resolvers = {
        key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    try:
        value = yaml.load(body, Loader=_AsWritten)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = first_line + mark.line if mark is not None else first_line
        problem = getattr(error, "problem", None) or "invalid YAML"
        raise InputError(
            f"front matter is not valid YAML: {problem}", path=name, line=line
        ) from None
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
    safe: dict[str, Any] = _json_safe(value)
    # TOML types its dates; keep the top-level ones exactly as written ('Z', not '+00:00').
    for key, raw in _TOML_LINE.findall(body):
        if isinstance(value.get(key), dt.date | dt.datetime | dt.time):
            safe[key] = raw
    return safe


_TOML_LINE = re.compile(r"^([A-Za-z0-9_-]+)\s*=\s*([0-9][0-9:.+TZtz -]*?)\s*(?:#.*)?$", re.M)


def _json_safe(value: Any) -> Any:
    """Values JSON can hold: dates and times (TOML has them natively) as their ISO text."""
    if isinstance(value, dict):
        return {str(k): _json_safe(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set):
        return [_json_safe(v) for v in value]
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)
