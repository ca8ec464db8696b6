"""Configuration files: settings read from TOML, each remembered with where it came from.

Settings are looked for in this order:

1. an explicit file (``--config FILE``): its top-level keys, or its
   ``[tool.weeknote-parser]`` table when it is a ``pyproject.toml``;
2. else, from the starting folder upwards, the first ``weeknote-parser.toml`` (top-level
   keys) or ``pyproject.toml`` that has a ``[tool.weeknote-parser]`` table (a
   ``pyproject.toml`` without one is passed over);
3. else the defaults.

The keys are the :class:`~weeknote_parser.ParseOptions` fields (``year``, ``published``,
``date_order``, ``today``, ``first_candidate_year``, ``disable``, ``vocabulary``) and
``plugins``, the names of installed plugins to set up. A key may be written with ``-`` for
``_`` (``date-order``). Settings given on the command line win over the file's.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .errors import OptionsError
from .models import SectionKind
from .options import ParseOptions
from .parser import Parser

CONFIG_FILE = "weeknote-parser.toml"
PYPROJECT = "pyproject.toml"
TABLE = "tool.weeknote-parser"
DEFAULT = "default"
COMMAND_LINE = "command line"

OPTION_KEYS: tuple[str, ...] = tuple(ParseOptions.model_fields)
KEYS: tuple[str, ...] = OPTION_KEYS
"""Every setting a configuration may hold, in the order they are described."""


class ConfigError(OptionsError):
    """A configuration file can't be read, is not TOML, or holds a bad setting."""


@dataclass(frozen=True)
class Config:
    """The settings in force: the validated options, the plugins to set up, and for each
    setting where it came from (a file's path, ``'default'`` or ``'command line'``)."""

    options: ParseOptions = field(default_factory=ParseOptions)
    path: Path | None = None
    """The configuration file read, if any."""
    origins: Mapping[str, str] = field(default_factory=dict)

    def origin(self, key: str) -> str:
        """Where the setting ``key`` came from."""
        if key not in KEYS:
            raise OptionsError(f"unknown setting {key!r}; valid settings: {', '.join(KEYS)}")
        return self.origins.get(key, DEFAULT)

    def describe(self) -> list[tuple[str, object, str]]:
        """``(key, value, origin)`` for every setting, values as JSON would hold them."""
        values: dict[str, object] = self.options.model_dump(mode="json")
        return [(key, values[key], self.origin(key)) for key in KEYS]

    @property
    def plugins(self) -> tuple[str, ...]:
        """The plugins to set up."""
        return self.options.plugins

    def parser(self) -> Parser:
        """A parser with these options and plugins (plugins first, then ``disable``)."""
        return Parser(self.options)


def find_config(start: Path) -> Path | None:
    """The configuration file that applies at ``start`` (a folder or a file), if any."""
    start = start.resolve()
    folder = start if start.is_dir() else start.parent
    for directory in (folder, *folder.parents):
        candidate = directory / CONFIG_FILE
        if candidate.is_file():
            return candidate
        candidate = directory / PYPROJECT
        if candidate.is_file() and _table(_read_toml(candidate), candidate) is not None:
            return candidate
    return None


def load_config(path: Path | None, start: Path) -> Config:
    """The settings from the explicit file ``path``, else from the first configuration file
    found from ``start`` upwards, else the defaults.

    Raises :class:`ConfigError` (one line naming the file and the key) for a file that
    can't be read or a setting that is not allowed.
    """
    if path is None:
        path = find_config(start)
        if path is None:
            return Config()
    return read_config(path)


def read_config(path: Path) -> Config:
    """The settings in the configuration file ``path``."""
    data = _read_toml(path)
    if path.name == PYPROJECT:
        table = _table(data, path)
        if table is None:
            raise ConfigError(f"no [{TABLE}] table", path=str(path))
        data = table
    settings = _settings(data, str(path), ConfigError)
    options = _build(settings, str(path), ConfigError)
    return Config(options, path, dict.fromkeys(settings, str(path)))


def merge(config: Config, settings: Mapping[str, object]) -> Config:
    """``config`` with ``settings`` (from the command line) put over it: each setting given
    (not None) replaces the file's whole value and is marked ``'command line'``."""
    given = _settings({k: v for k, v in settings.items() if v is not None}, None, OptionsError)
    values = {k: v for k, v in config.options.model_dump().items() if k in config.origins}
    options = _build({**values, **given}, None, OptionsError)
    origins = {**config.origins, **dict.fromkeys(given, COMMAND_LINE)}
    return Config(options, config.path, origins)


# -- reading and checking -------------------------------------------------------------------
def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        raise ConfigError("configuration file not found", path=str(path)) from None
    except IsADirectoryError:
        raise ConfigError("configuration file is a directory", path=str(path)) from None
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise ConfigError(f"cannot read configuration file: {reason}", path=str(path)) from None
    except UnicodeDecodeError:
        raise ConfigError("configuration file is not UTF-8 text", path=str(path)) from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"not valid TOML: {error}", path=str(path)) from None


def _table(data: dict[str, Any], path: Path) -> dict[str, Any] | None:
    tool = data.get("tool")
    table = tool.get("weeknote-parser") if isinstance(tool, dict) else None
    if table is not None and not isinstance(table, dict):
        raise ConfigError(f"[{TABLE}] must be a table of settings", path=str(path))
    return table


def _settings(
    data: Mapping[str, object], where: str | None, error: type[OptionsError]
) -> dict[str, Any]:
    """``data`` with its keys checked and normalised, each value checked on its own."""
    settings: dict[str, Any] = {}
    for written, value in data.items():
        key = written.replace("-", "_")
        if key not in KEYS:
            raise error(
                f"unknown setting {written!r}; valid settings: {', '.join(KEYS)}", path=where
            )
        if key in settings:
            raise error(f"{key}: given twice", path=where)
        if key == "plugins":
            value = _plugin_names(value, where, error)
        if key == "vocabulary":
            _check_kinds(value, where, error)
        _build({key: value}, where, error)
        settings[key] = value
    return settings


def _plugin_names(value: object, where: str | None, error: type[OptionsError]) -> list[str]:
    names = [value] if isinstance(value, str) else value
    if not isinstance(names, (list, tuple)) or not all(
        isinstance(name, str) and name.strip() for name in names
    ):
        raise error(f"plugins: expected a list of plugin names (got {value!r})", path=where)
    return [name.strip() for name in names]


def _check_kinds(value: object, where: str | None, error: type[OptionsError]) -> None:
    if not isinstance(value, Mapping):
        return  # the options report it
    valid = [kind.value for kind in SectionKind]
    bad = [kind for kind in value if kind not in valid]
    if bad:
        raise error(
            f"vocabulary: unknown section kind {', '.join(map(repr, bad))}; "
            f"valid kinds: {', '.join(valid)}",
            path=where,
        )


def _build(
    settings: Mapping[str, Any], where: str | None, error: type[OptionsError]
) -> ParseOptions:
    """Validate ``settings`` into options; each problem named by its key, in one line."""
    try:
        ParseOptions.model_validate(settings)
    except ValidationError as invalid:
        raise error("; ".join(_problem(e) for e in invalid.errors()), path=where) from None
    try:
        return ParseOptions.build(**settings)
    except OptionsError as invalid:
        raise error(invalid.message, path=where) from None


def _problem(problem: Any) -> str:
    key = ".".join(str(part) for part in problem["loc"] if part != "[key]")
    message = "Input should be a list" if problem["type"] == "tuple_type" else problem["msg"]
    return f"{key}: {message} (got {problem['input']!r})"


__all__ = [
    "COMMAND_LINE",
    "CONFIG_FILE",
    "DEFAULT",
    "KEYS",
    "Config",
    "ConfigError",
    "find_config",
    "load_config",
    "merge",
    "read_config",
]
