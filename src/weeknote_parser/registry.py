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
    alt: tuple[str, ...] = ()
    enabled: bool = True


class Registry(Generic[T]):
    """An ordered table of ``(name, rule, alt)`` rows, each of which can be switched on and off.

    The order of the table is the order the rules are tried in. ``alt`` names the *chains*
    a rule belongs to: the look-aheads in which other rules ask it whether it would match
    (``"list"``: the rules that end a list). A rule joins a look-ahead by declaring it, and
    :meth:`chain` gives the enabled members of a chain, in order.

    Rules are added, moved, replaced, removed, enabled and disabled by name; an unknown name
    raises :class:`OptionsError` listing every bad name and every valid one.
    """

    def __init__(self, rules: Iterable[tuple[str, T] | tuple[str, T, Iterable[str]]] = ()) -> None:
        self._entries: list[_Entry[T]] = []
        # chain -> (names, rules) of its enabled members; emptied on every change
        self._chains: dict[str, tuple[tuple[str, ...], list[T]]] = {}
        for row in rules:
            if len(row) == 2:
                self.append(row[0], row[1])
            else:
                self.append(row[0], row[1], alt=row[2])

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

    def alt(self, name: str) -> tuple[str, ...]:
        """The chains the rule called ``name`` belongs to."""
        return self._entries[self._index(name)].alt

    def chain(self, chain: str) -> list[T]:
        """The enabled rules that belong to ``chain``, in order (none for an unknown chain)."""
        return list(self._members(chain)[1])

    def chain_names(self, chain: str) -> tuple[str, ...]:
        """The names of the enabled rules that belong to ``chain``, in order."""
        return self._members(chain)[0]

    def chains(self) -> list[str]:
        """Every chain some rule (enabled or not) belongs to, in order of first mention."""
        return list(dict.fromkeys(chain for entry in self._entries for chain in entry.alt))

    def __contains__(self, name: object) -> bool:
        return any(entry.name == name for entry in self._entries)

    def __iter__(self) -> Iterator[str]:
        return iter(self.names())

    def __len__(self) -> int:
        return len(self._entries)

    def copy(self) -> Registry[T]:
        clone: Registry[T] = Registry()
        clone._entries = [_Entry(e.name, e.rule, e.alt, e.enabled) for e in self._entries]
        return clone

    # -- changing ------------------------------------------------------------------------
    def append(self, name: str, rule: T, *, alt: Iterable[str] = ()) -> None:
        """Add ``rule`` at the end, as a member of the chains ``alt``."""
        self._insert(len(self._entries), name, rule, alt)

    def before(self, anchor: str, name: str, rule: T, *, alt: Iterable[str] = ()) -> None:
        """Add ``rule`` just before the rule called ``anchor``."""
        self._insert(self._index(anchor), name, rule, alt)

    def after(self, anchor: str, name: str, rule: T, *, alt: Iterable[str] = ()) -> None:
        """Add ``rule`` just after the rule called ``anchor``."""
        self._insert(self._index(anchor) + 1, name, rule, alt)

    def replace(self, name: str, rule: T, *, alt: Iterable[str] | None = None) -> None:
        """Put ``rule`` in the place of the rule called ``name``, keeping whether it is
        enabled and, unless ``alt`` is given, the chains it belongs to."""
        entry = self._entries[self._index(name)]
        entry.rule = rule
        if alt is not None:
            entry.alt = _chains(alt)
        self._changed()

    def move(self, name: str, *, before: str | None = None, after: str | None = None) -> None:
        """Move the rule called ``name`` just before or just after another rule."""
        if (before is None) == (after is None):
            raise OptionsError("move a recogniser either before or after another, not both")
        anchor = before if before is not None else after
        assert anchor is not None
        index, anchor_index = self._indexes([name, anchor])
        if index == anchor_index:
            raise OptionsError(f"cannot move recogniser {name!r} relative to itself")
        entry = self._entries.pop(index)
        target = self._index(anchor)
        self._entries.insert(target if before is not None else target + 1, entry)
        self._changed()

    def remove(self, name: str) -> None:
        """Take the rule called ``name`` out of the table."""
        del self._entries[self._index(name)]
        self._changed()

    def enable(self, names: str | Iterable[str]) -> None:
        """Switch on the named rules."""
        for index in self._indexes(names):
            self._entries[index].enabled = True
        self._changed()

    def disable(self, names: str | Iterable[str]) -> None:
        """Switch off the named rules."""
        for index in self._indexes(names):
            self._entries[index].enabled = False
        self._changed()

    def enable_only(self, names: str | Iterable[str]) -> None:
        """Switch on the named rules and switch off every other one."""
        keep = set(self._indexes(names))
        for index, entry in enumerate(self._entries):
            entry.enabled = index in keep
        self._changed()

    # -- helpers -------------------------------------------------------------------------
    def _insert(self, index: int, name: str, rule: T, alt: Iterable[str]) -> None:
        self._check_new(name)
        self._entries.insert(index, _Entry(name, rule, _chains(alt)))
        self._changed()

    def _members(self, chain: str) -> tuple[tuple[str, ...], list[T]]:
        members = self._chains.get(chain)
        if members is None:
            entries = [e for e in self._entries if e.enabled and chain in e.alt]
            members = (tuple(e.name for e in entries), [e.rule for e in entries])
            self._chains[chain] = members
        return members

    def _changed(self) -> None:
        self._chains.clear()

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


def _chains(alt: Iterable[str]) -> tuple[str, ...]:
    """``alt`` as a tuple of chain names, each checked to be a non-empty string."""
    chains = (alt,) if isinstance(alt, str) else tuple(alt)
    bad = [chain for chain in chains if not isinstance(chain, str) or not chain.strip()]
    if bad:
        raise OptionsError(f"chain names must be non-empty strings, not {bad!r}")
    return tuple(dict.fromkeys(chains))
