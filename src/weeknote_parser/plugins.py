"""Plugins: functions that change a parser, found by name among installed entry points.

A plugin is any callable ``plugin(parser) -> None`` that adds, moves or replaces
recognisers on ``parser.rules`` (see :mod:`weeknote_parser.recognise`). A package offers one
under the entry-point group ``weeknote_parser.plugins``::

    [project.entry-points."weeknote_parser.plugins"]
    sprints = "weeknote_sprints:plugin"

Installed plugins are only imported when named (``load_plugins(parser, ["sprints"])``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from importlib.metadata import EntryPoint, entry_points

from .errors import OptionsError, WeeknoteError
from .options import ParseOptions
from .parser import Parser

GROUP = "weeknote_parser.plugins"
"""The entry-point group plugins are installed under."""

Plugin = Callable[[Parser], None]
"""A plugin: changes the parser it is given (its recognisers) and returns nothing."""


def _entry_points() -> dict[str, list[EntryPoint]]:
    found: dict[str, list[EntryPoint]] = {}
    for point in entry_points(group=GROUP):
        same = found.setdefault(point.name, [])
        if all(other.value != point.value for other in same):
            same.append(point)
    return found


def installed_plugins() -> dict[str, str]:
    """Every installed plugin's name and the object it names (``module:function``), by name."""
    return {
        name: " or ".join(point.value for point in points)
        for name, points in sorted(_entry_points().items())
    }


def load_plugin(name: str) -> Plugin:
    """Import the installed plugin called ``name``.

    Raises :class:`OptionsError` if no plugin has that name (listing the installed ones),
    if two packages install it, or if it can't be imported or is not callable.
    """
    return _load(name, _entry_points())


def load_plugins(parser: Parser, names: Iterable[str]) -> list[str]:
    """Set up the installed plugins called ``names`` on ``parser``, in order, each once.

    Every unknown name is reported at once, before any plugin runs. Returns the names set up.
    """
    wanted = list(dict.fromkeys(name.strip() for name in names if name.strip()))
    points = _entry_points()
    bad = [name for name in wanted if name not in points]
    if bad:
        raise OptionsError(
            f"unknown plugin {', '.join(map(repr, bad))}; {_installed_phrase(points)}"
        )
    for name in wanted:
        apply_plugin(parser, _load(name, points), name=name)
    return wanted


def apply_plugin(parser: Parser, plugin: Plugin, *, name: str | None = None) -> None:
    """Run ``plugin`` on ``parser``; any failure becomes one :class:`OptionsError` line."""
    label = name or getattr(plugin, "__name__", repr(plugin))
    try:
        plugin(parser)
    except WeeknoteError as error:
        raise OptionsError(f"plugin {label!r}: {error}") from error
    except Exception as error:
        raise OptionsError(
            f"plugin {label!r} failed to set up: {type(error).__name__}: {error}"
        ) from error


def make_parser(
    options: ParseOptions | None = None, *, plugins: Iterable[str | Plugin] = ()
) -> Parser:
    """A parser with ``options`` and ``plugins`` (installed names, or plugin functions).

    The plugins are set up before ``options.disable`` is applied, so the rules a plugin adds
    can be disabled by name like the built-in ones.
    """
    options = options or ParseOptions()
    names = [plugin for plugin in plugins if isinstance(plugin, str)]
    parser = Parser(
        options.model_copy(update={"disable": (), "plugins": (*options.plugins, *names)})
    )
    for plugin in plugins:
        if not isinstance(plugin, str):
            apply_plugin(parser, plugin)
    if options.disable:
        parser.disable(options.disable)
    parser.options = options
    return parser


def _load(name: str, points: dict[str, list[EntryPoint]]) -> Plugin:
    found = points.get(name)
    if not found:
        raise OptionsError(f"unknown plugin {name!r}; {_installed_phrase(points)}")
    if len(found) > 1:
        raise OptionsError(
            f"plugin {name!r} is installed twice: {' and '.join(p.value for p in found)}"
        )
    point = found[0]
    try:
        plugin = point.load()
    except Exception as error:
        raise OptionsError(
            f"plugin {name!r} ({point.value}) could not be loaded: {type(error).__name__}: {error}"
        ) from error
    if not callable(plugin):
        raise OptionsError(f"plugin {name!r} ({point.value}) is not a function")
    result: Plugin = plugin
    return result


def _installed_phrase(points: dict[str, list[EntryPoint]]) -> str:
    if not points:
        return "no plugins are installed"
    return f"installed plugins: {', '.join(sorted(points))}"


__all__ = [
    "GROUP",
    "Plugin",
    "apply_plugin",
    "installed_plugins",
    "load_plugin",
    "load_plugins",
    "make_parser",
]
