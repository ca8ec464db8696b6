"""Per-document parse state: the lines, the cursor, and the notes being built."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol

from .inputs import Input, NoteMeta
from .kinds import KindTable
from .lines import Line
from .models import ParseWarning, SectionKind, Week
from .registry import Registry
from .weeks import Context, Evidence, NoteFacts, Placer, WeekMatch, find_designations
from .weeks.dates import in_range


class BlockRule(Protocol):
    """The recogniser contract.

    Called at ``line`` (a non-blank line). On a match it records what it found on ``state``,
    sets ``state.cursor`` past what it consumed and returns True. With ``silent=True`` it
    records nothing and only answers "would I match here?".
    """

    def __call__(self, state: ParseState, line: int, *, silent: bool) -> bool: ...


InlineRule = Callable[["ParseState", str, int], None]
"""An inline recogniser: reads one source line of note text (and its number) and records."""


# Items are collected as plain dicts and validated once, as a whole Document, at the end.
Item = dict[str, Any]


@dataclass
class _SectionBuilder:
    heading: str | None
    kind: SectionKind
    start: int
    end: int
    blocks: list[Item] = field(default_factory=list)

    def build(self) -> Item:
        return {
            "heading": self.heading,
            "kind": self.kind,
            "blocks": self.blocks,
            "span": (self.start, self.end),
        }


@dataclass
class _NoteBuilder:
    title: str | None
    subtitle: str | None
    facts: NoteFacts
    start: int
    end: int
    sections: list[_SectionBuilder] = field(default_factory=list)
    links: list[Item] = field(default_factory=list)
    footnotes: list[Item] = field(default_factory=list)
    published: Evidence | None = None
    meta: NoteMeta | None = None

    def build(self, week: Week | None) -> Item:
        meta = self.meta or NoteMeta()
        return {
            "title": self.title,
            "subtitle": self.subtitle,
            "week": week,
            "published": self.published.date if self.published else None,
            "tags": meta.tags,
            "metadata": meta.metadata,
            "sections": [s.build() for s in self.sections],
            "links": self.links,
            "footnotes": self.footnotes,
            "span": (self.start, self.end),
        }


class ParseState:
    """Everything one parse knows. Made fresh for every document; never shared."""

    def __init__(
        self,
        source: Input,
        *,
        rules: Registry[BlockRule],
        inline: Registry[InlineRule],
        context: Context,
        kinds: KindTable,
    ) -> None:
        self.source = source
        self.lines = lines = source.lines
        self._meta = dict(source.meta)
        self.cursor = 0
        self.context = context
        self.kinds = kinds
        self._active_rules = dict(rules.active())
        self._inline = [rule for _, rule in inline.active()]
        self.notes: list[_NoteBuilder] = []
        self.chrome: list[tuple[int, str]] = []
        self.warnings: list[ParseWarning] = []
        for problem in source.warnings:
            self.warn(problem.code, problem.message, problem.line)
        self._block_end: list[int] = _block_ends(lines)
        self._standalone: list[bool] = [
            bool(line.stripped)
            and (index == 0 or not lines[index - 1].stripped)
            and self._block_end[index] == index + 1
            for index, line in enumerate(lines)
        ]
        self._first_match: dict[tuple[str, ...], int | None] = {}
        self.memo: dict[str, object] = {}
        self._designations: dict[int, list[WeekMatch]] = {}

    # -- line facts ---------------------------------------------------------------------
    def block_end(self, line: int) -> int:
        """The end (exclusive) of the run of non-blank lines that holds ``line``."""
        return self._block_end[line]

    def next_content(self, line: int) -> int | None:
        """The first non-blank line at or after ``line``, or None at the end."""
        lines = self.lines
        for index in range(line, len(lines)):
            if lines[index].stripped:
                return index
        return None

    def is_standalone(self, line: int) -> bool:
        """Is ``line`` a block of its own: non-blank, with blank lines (or an edge) around it?"""
        return self._standalone[line]

    def designations(self, line: int) -> list[WeekMatch]:
        """The week designations on ``line`` (see :mod:`weeknote_parser.weeks`), read once."""
        found = self._designations.get(line)
        if found is None:
            text = self.lines[line].stripped
            found = find_designations(text, self.context.date_order) if text else []
            self._designations[line] = found
        return found

    # -- asking other recognisers ---------------------------------------------------------
    def would_match(self, names: Iterable[str], line: int) -> bool:
        """Would any of the named (and enabled) recognisers match at ``line``?"""
        active = self._active_rules
        for name in names:
            rule = active.get(name)
            if rule is not None and rule(self, line, silent=True):
                return True
        return False

    def first_match(self, names: Iterable[str]) -> int | None:
        """The first line at which any of the named (enabled) recognisers fires silently.

        Computed once per document and set of names.
        """
        key = tuple(names)
        if key not in self._first_match:
            self._first_match[key] = next(
                (
                    index
                    for index, line in enumerate(self.lines)
                    if line.stripped and self.would_match(key, index)
                ),
                None,
            )
        return self._first_match[key]

    # -- recording ----------------------------------------------------------------------
    @property
    def note(self) -> _NoteBuilder | None:
        return self.notes[-1] if self.notes else None

    def warn(self, code: str, message: str, line: int | None) -> None:
        self.warnings.append(ParseWarning(code=code, message=message, line=line))

    def place_weeks(self) -> list[Week | None]:
        """Place every note's week, now that all notes are known (neighbours count)."""
        if self.notes:
            first = self.notes[0]
            for line, meta in sorted(self._meta.items()):  # meta no note started at
                if first.meta is None:
                    self._apply_meta(first, meta, line)
            self._meta.clear()
            if len(self.notes) == 1:  # the file name or URL speaks of the one note
                if first.facts.designation is None and self.source.designation is not None:
                    first.facts.designation = self.source.designation
                    first.facts.line = first.start
                first.facts.evidence.extend(self.source.evidence)
        placer = Placer(self.context)
        weeks = placer.place_all([note.facts for note in self.notes])
        for problem in placer.problems:
            self.warn(problem.code, problem.message, problem.line)
        return weeks

    def add_chrome(self, line: int) -> None:
        self.chrome.append((line, self.lines[line].stripped))

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
        """Open a new note at ``start``; ``designation`` is the week it names, if any."""
        line = designation_line if designation_line is not None else start
        facts = NoteFacts(designation, line if designation else None)
        note = _NoteBuilder(title, subtitle, facts, start, end)
        self.notes.append(note)
        meta = self._meta.pop(start, None)
        if meta is not None:
            self._apply_meta(note, meta, start)
        self._scan(start, end)

    def _apply_meta(self, note: _NoteBuilder, meta: NoteMeta, line: int) -> None:
        note.meta = meta
        if note.facts.designation is None and meta.designation is not None:
            note.facts.designation = meta.designation
            note.facts.line = line
        note.facts.evidence.extend(meta.evidence)
        dated = [item for item in meta.evidence if in_range(item.date)]
        if note.published is None and dated:
            note.published = dated[0]
        if meta.summary_only:
            self.warn("summary-only", "the feed gives only a summary of this entry", line)

    def add_dateline(self, evidence: Evidence) -> None:
        """Record the note's dateline: its publication date, and evidence for its week."""
        note = self._open_note(evidence.line or 0)
        note.facts.evidence.insert(0, evidence)
        if note.published is None:
            note.published = evidence

    def start_section(self, heading: str, start: int, end: int) -> None:
        note = self._open_note(start)
        note.sections.append(_SectionBuilder(heading, self.kinds.classify(heading), start, end))
        note.end = end
        self._scan(start, end)

    def add_paragraph(self, text: str, start: int, end: int) -> None:
        """Record a paragraph read from lines [start, end)."""
        self._add_block({"type": "paragraph", "text": text, "span": (start, end)}, start, end)

    def add_list(
        self,
        style: Literal["bullet", "numbered"],
        lead_in: str | None,
        items: Iterable[tuple[str, int, int]],
        start: int,
        end: int,
    ) -> None:
        """Record a list read from lines [start, end); ``items`` are (text, start, end)."""
        block = {
            "type": "list",
            "style": style,
            "lead_in": lead_in,
            "items": [{"text": text, "span": (a, b)} for text, a, b in items],
            "span": (start, end),
        }
        self._add_block(block, start, end)

    def _add_block(self, block: Item, start: int, end: int) -> None:
        note = self._open_note(start)
        if not note.sections:
            note.sections.append(_SectionBuilder(None, SectionKind.INTRO, start, end))
        section = note.sections[-1]
        section.blocks.append(block)
        section.end = max(section.end, end)
        note.end = max(note.end, end)
        self._scan(start, end)

    def add_footnote(self, marker: str, text: str, start: int, end: int) -> None:
        """Record a footnote body read from lines [start, end)."""
        note = self._open_note(start)
        note.footnotes.append({"marker": marker, "text": text, "span": (start, end)})
        note.end = max(note.end, end)
        if note.sections:
            note.sections[-1].end = max(note.sections[-1].end, end)
        self._scan(start, end)

    def add_link(self, url: str, line: int) -> None:
        note = self.note
        if note is not None and not any(
            link["url"] == url and link["line"] == line for link in note.links[-4:]
        ):
            note.links.append({"url": url, "line": line})

    def _open_note(self, line: int) -> _NoteBuilder:
        if self.note is None:
            self.start_note(title=None, subtitle=None, designation=None, start=line, end=line)
        assert self.note is not None
        return self.note

    def _scan(self, start: int, end: int) -> None:
        for index in range(start, end):
            text = self.lines[index].stripped
            if text:
                for rule in self._inline:
                    rule(self, text, index)


def _block_ends(lines: list[Line]) -> list[int]:
    ends = [0] * len(lines)
    end = len(lines)
    for index in range(len(lines) - 1, -1, -1):
        if not lines[index].stripped:
            end = index
            ends[index] = index
        else:
            ends[index] = end
    return ends
