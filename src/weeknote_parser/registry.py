"""An ordered registry of named recognisers that users change by name."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Generic, TypeVar

from .errors import OptionsError

T = TypeVar("T")


@dataclass(slots=True)
class _Entry(Generic[T]):
    name: str
    rule: T
    enabled: bool = True


class Registry(Generic[T]):
    """An ordered table of ``(name, rule)`` pairs, each of which can be switched on and off.

    The order of the table is the order the rules are tried in. Rules are moved, replaced,
    added, enabled and disabled by name; an unknown name raises :class:`OptionsError`
    listing every bad name and every valid one.
    """

    def __init__(self, rules: Iterable[tuple[str, T]] = ()) -> None:
        self._entries: list[_Entry[T]] = []
        for name, rule in rules:
            self.append(name, rule)

    # -- reading -------------------------------------------------------------------------
    def names(self) -> list[str]:
        """Every rule's name, in order."""
        return [entry.name for entry in self._entries]

    def active_names(self) -> list[str]:
        """The enabled rules' names, in order."""
        return [entry.name for entry in self._entries if entry.enabled]

    def active(self) -> list[tuple[str, T]]:
        """The enabled ``(name, rule)`` pairs, in order."""
        return [(entry.name, entry.rule) for entry in self._entries if entry.enabled]

    def get(self, name: str) -> T:
        """The rule called ``name``."""
        return self._entries[self._index(name)].rule

    def is_enabled(self, name: str) -> bool:
        return self._entries[self._index(name)].enabled

    def __contains__(self, name: object) -> bool:
        return any(entry.name == name for entry in self._entries)

    def __iter__(self) -> Iterator[str]:
        return iter(self.names())

    def __len__(self) -> int:
        return len(self._entries)

    def copy(self) -> Registry[T]:
        clone: Registry[T] = Registry()
        clone._entries = [_Entry(e.name, e.rule, e.enabled) for e in self._entries]
        return clone

    # -- changing ------------------------------------------------------------------------
    def append(self, name: str, rule: T) -> None:
        """Add ``rule`` at the end."""
        self._check_new(name)
        self._entries.append(_Entry(name, rule))

    def before(self, anchor: str, name: str, rule: T) -> None:
        """Add ``rule`` just before the rule called ``anchor``."""
        index = self._index(anchor)
        self._check_new(name)
        self._entries.insert(index, _Entry(name, rule))

    def after(self, anchor: str, name: str, rule: T) -> None:
        """Add ``rule`` just after the rule called ``anchor``."""
        index = self._index(anchor)
        self._check_new(name)
        self._entries.insert(index + 1, _Entry(name, rule))

    def replace(self, name: str, rule: T) -> None:
        """Put ``rule`` in the place of the rule called ``name``, keeping its state."""
        self._entries[self._index(name)].rule = rule

    def enable(self, names: str | Iterable[str]) -> None:
        """Switch on the named rules."""
        for index in self._indexes(names):
            self._entries[index].enabled = True

    def disable(self, names: str | Iterable[str]) -> None:
        """Switch off the named rules."""
        for index in self._indexes(names):
            self._entries[index].enabled = False

    def enable_only(self, names: str | Iterable[str]) -> None:
        """Switch on the named rules and switch off every other one."""
        keep = set(self._indexes(names))
        for index, entry in enumerate(self._entries):
            entry.enabled = index in keep

    # -- helpers -------------------------------------------------------------------------
    def _check_new(self, name: str) -> None:
        if not name or not isinstance(name, str):
            raise OptionsError(f"recogniser name must be a non-empty string, not {name!r}")
        if name in self:
            raise OptionsError(f"a recogniser called {name!r} is already registered")

    def _index(self, name: str) -> int:
        return self._indexes(name)[0]

    def _indexes(self, names: str | Iterable[str]) -> list[int]:
        wanted = [names] if isinstance(names, str) else list(names)
        known = self.names()
        bad = [name for name in wanted if name not in known]
        if bad:
            raise OptionsError(
                f"unknown recogniser {', '.join(map(repr, bad))}; valid names: {', '.join(known)}"
            )
        return [known.index(name) for name in wanted]
