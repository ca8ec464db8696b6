"""The recogniser contract: what a block or inline rule may read and call, and the chains.

A recogniser, built in or from a plugin, is written against this module only::

    from weeknote_parser.recognise import NOTE, State

    def sprint_title(state: State, line: int, *, silent: bool) -> bool: ...

:class:`State` is the part of the parse state a rule may use; the parser's own state
satisfies it (checked by the type checker in the project's tests). Everything else in the
parser, the builders behind ``state.note`` included, is private and may change.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Protocol

from .lines import Hint, Line, LinkRef, Marker, Role
from .models import SectionKind
from .registry import Registry
from .state import BlockRule, InlineRule, ListItemSpec, ListSpec
from .weeks import WeekMatch

# -- chains ------------------------------------------------------------------------------
# A chain is a named look-ahead: the rules other rules ask, silently, where a block ends.
# A rule belongs to the chains its registry row declares (``alt=``), so a rule added from
# outside joins a look-ahead without the asking rule being changed.
NOTE = "note"
"""Rules that start a note wherever they stand. Asked by ``chrome`` (lines above the first
note of a page are site furniture) and by ``plain_title`` (a document with a note-starting
line has no plain title)."""
LIST = "list"
"""Rules whose match on a line ends the list there."""
HEADING_TEXT = "heading_text"
"""Rules whose match on the next block means the line above it does not head a section."""
CHAINS = (NOTE, LIST, HEADING_TEXT)
"""The chains the built-in rules ask. Plugins may ask chains of their own too."""


class OpenSection(Protocol):
    """The section being filled, as a rule may read it."""

    @property
    def heading(self) -> str | None: ...
    @property
    def kind(self) -> SectionKind: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


class OpenNote(Protocol):
    """The note being filled, as a rule may read it (lines are 0-based, ends exclusive)."""

    @property
    def title(self) -> str | None: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def sections(self) -> Sequence[OpenSection]: ...


class State(Protocol):
    """What a recogniser may read and call on the parse state of one document.

    Lines are 0-based. A rule reads ``lines`` and the line facts, asks other rules through
    :meth:`would_match`, :meth:`first_match` (or, by chain, :func:`would_match_chain` and
    :func:`first_match_chain`), and, when not silent, records through the ``start_*`` and
    ``add_*`` methods and moves ``cursor`` past what it read.
    """

    cursor: int
    """The next line the parser will try; a matching rule sets it past what it consumed."""

    @property
    def lines(self) -> Sequence[Line]:
        """The document's normalised lines with their facts."""
        ...

    @property
    def note(self) -> OpenNote | None:
        """The note being filled, or None before the first note starts."""
        ...

    @property
    def memo(self) -> dict[str, object]:
        """A per-document scratch dictionary for a rule's own caches (prefix your keys)."""
        ...

    # -- line facts
    def block_end(self, line: int) -> int:
        """The end (exclusive) of the run of non-blank lines that holds ``line``."""
        ...

    def next_content(self, line: int) -> int | None:
        """The first non-blank line at or after ``line``, or None at the end."""
        ...

    def is_standalone(self, line: int) -> bool:
        """Is ``line`` a block of its own, with blank lines (or an edge) around it?"""
        ...

    def designations(self, line: int) -> Sequence[WeekMatch]:
        """The week designations written on ``line``, in order."""
        ...

    # -- asking other rules (silently)
    def would_match(self, names: Iterable[str], line: int) -> bool:
        """Would any of the named, enabled rules match at ``line``?"""
        ...

    def first_match(self, names: Iterable[str]) -> int | None:
        """The first line at which any of the named, enabled rules would match."""
        ...

    # -- recording
    def start_note(
        self,
        *,
        title: str | None,
        subtitle: str | None,
        designation: WeekMatch | None,
        start: int,
        end: int,
        designation_line: int | None = None,
    ) -> None:
        """Open a new note on lines [start, end); ``designation`` is the week it names."""
        ...

    def start_section(self, heading: str, start: int, end: int) -> None:
        """Open a section of the current note headed ``heading``."""
        ...

    def add_paragraph(self, text: str, start: int, end: int) -> None: ...

    def add_list(self, found: ListSpec) -> None:
        """Record a list (a :class:`ListSpec`, its nested lists under its items)."""
        ...

    def add_footnote(self, marker: str, text: str, start: int, end: int) -> None: ...

    def add_chrome(self, line: int) -> None:
        """Record ``line`` as site furniture: kept in ``document.chrome``, not in a note."""
        ...

    def add_link(self, url: str, line: int, text: str | None = None) -> None: ...

    def origin(self, line: int) -> int:
        """The line of the original input that source line ``line`` came from."""
        ...

    def warn(self, code: str, message: str, line: int | None) -> None:
        """Record a warning in the document (``code`` is a short kebab-case word)."""
        ...


def chain(state: State, name: str) -> tuple[str, ...]:
    """The names of the enabled rules of this parse that belong to the chain ``name``.

    They come from the registry the parse runs; a state that carries none (one made by hand
    in a test) gets the chains of the default table.
    """
    registry = getattr(state, "rules", None)
    if isinstance(registry, Registry):
        return registry.chain_names(name)
    key = f"recognise:chain:{name}"
    found = state.memo.get(key)
    if not isinstance(found, tuple):
        from .recognisers import BLOCK_RULES  # the recognisers import this module

        found = tuple(rule for rule, _, alt in BLOCK_RULES if name in alt)
        state.memo[key] = found
    return found


def would_match_chain(state: State, name: str, line: int) -> bool:
    """Would any enabled rule of the chain ``name`` match at ``line``?"""
    return state.would_match(chain(state, name), line)


def first_match_chain(state: State, name: str) -> int | None:
    """The first line at which an enabled rule of the chain ``name`` would match."""
    return state.first_match(chain(state, name))


__all__ = [
    "CHAINS",
    "HEADING_TEXT",
    "LIST",
    "NOTE",
    "BlockRule",
    "Hint",
    "InlineRule",
    "Line",
    "LinkRef",
    "ListItemSpec",
    "ListSpec",
    "Marker",
    "OpenNote",
    "OpenSection",
    "Role",
    "State",
    "WeekMatch",
    "chain",
    "first_match_chain",
    "would_match_chain",
]
