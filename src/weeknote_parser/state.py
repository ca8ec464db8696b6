"""Per-document parse state: the lines, the cursor, and the notes being built."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol

from .inputs import NoteMeta, Source
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


# The longest line the week grammar reads (a title is at most 200 characters).
MAX_DESIGNATION_LINE = 400

# Items are collected as plain dicts and validated once, as a whole Document, at the end.
Item = dict[str, Any]


@dataclass(slots=True)
class ListItemSpec:
    """A list item as a recogniser found it: its text and lines, task state and sub-lists."""

    text: str
    start: int
    end: int
    checked: bool | None = None
    children: list[ListSpec] = field(default_factory=list)


@dataclass(slots=True)
class ListSpec:
    """A list as a recogniser found it, with its nested lists under its items."""

    style: Literal["bullet", "numbered"]
    lead_in: str | None
    start: int
    items: list[ListItemSpec] = field(default_factory=list)

    @property
    def end(self) -> int:
        return self.items[-1].end if self.items else self.start + 1


@dataclass
class _SectionBuilder:
    heading: str | None
    kind: SectionKind
    start: int
    end: int
    blocks: list[Item] = field(default_factory=list)
    level: int = 0  # the heading's level where the format marks it; 0 for text headings


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
    seen_links: set[tuple[str, int]] = field(default_factory=set)
    published: Evidence | None = None
    dateline: str | None = None
    meta: NoteMeta | None = None
    # The marked headings above the current one: level, kind, and whether the level was
    # given by a heading of no level of its own.
    open_headings: list[tuple[int, SectionKind, bool]] = field(default_factory=list)
    top_level: int = 0  # the level of the note's first marked heading


# Kinds a subsection does not take from the section above it.
_NOT_INHERITED = frozenset({SectionKind.OTHER, SectionKind.INTRO})


class ParseState:
    """Everything one parse knows: the facts about each line, and what the recognisers
    record. Made fresh for every document; never shared.

    Recognisers work in the Source's line numbers; every span and warning line is recorded
    in lines of the original input, when it is recorded.
    """

    def __init__(
        self,
        source: Source,
        *,
        rules: Registry[BlockRule],
        inline: Registry[InlineRule],
        context: Context,
        kinds: KindTable,
        dispatch: bool = True,
    ) -> None:
        self.source = source
        self.lines = lines = source.lines
        self._origins = [line.origin if line.origin >= 0 else i for i, line in enumerate(lines)]
        self.cursor = 0
        self.context = context
        self.kinds = kinds
        self.rules = rules  # the registry of this parse: chains are read from it
        self._active_rules = dict(rules.active())
        # name -> the test of the lines its rule can match (recognisers.dispatch), if any
        self._line_tests: dict[str, Callable[[Line], bool]] = {}
        if dispatch:
            from .recognisers.dispatch import line_test

            for name, rule in self._active_rules.items():
                test = line_test(rule)
                if test is not None:
                    self._line_tests[name] = test
        self._inline = [rule for _, rule in inline.active()]
        self.notes: list[_NoteBuilder] = []
        self.chrome: list[tuple[int, str]] = []
        self.warnings: list[ParseWarning] = []
        for problem in source.warnings:
            self.report(problem.code, problem.message, problem.line)
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

    # -- original lines -------------------------------------------------------------------
    def origin(self, line: int) -> int:
        """The line of the original input that ``line`` of the source came from."""
        origins = self._origins
        if 0 <= line < len(origins):
            return origins[line]
        return (origins[-1] + 1 + line - len(origins)) if origins else line

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Source lines [start, end) as a span of original lines (never empty when they
        are not)."""
        first = self.origin(start)
        if end <= start:
            return (first, first)
        return (first, max(first + 1, self.origin(end - 1) + 1))

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
            # No title, week line or dateline is this long; the grammar's patterns are not
            # meant for whole paragraphs (a long run of spaces would make them backtrack).
            readable = text and len(text) <= MAX_DESIGNATION_LINE
            found = find_designations(text, self.context.date_order) if readable else []
            self._designations[line] = found
        return found

    # -- asking other recognisers ---------------------------------------------------------
    def would_match(self, names: Iterable[str], line: int) -> bool:
        """Would any of the named (and enabled) recognisers match at ``line``?"""
        active = self._active_rules
        tests = self._line_tests
        current = self.lines[line] if tests and 0 <= line < len(self.lines) else None
        for name in names:
            rule = active.get(name)
            if rule is None:
                continue
            if current is not None and (test := tests.get(name)) is not None and not test(current):
                continue  # a rule that cannot match a line of this shape
            if rule(self, line, silent=True):
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
        """Record a warning about source line ``line`` (None: the whole document)."""
        self.report(code, message, None if line is None else self.origin(line))

    def report(self, code: str, message: str, origin: int | None) -> None:
        """Record a warning about line ``origin`` of the original input."""
        self.warnings.append(ParseWarning(code=code, message=message, line=origin))

    def place_weeks(self) -> list[Week | None]:
        """Place every note's week, now that all notes are known (neighbours count)."""
        if self.notes:
            first = self.notes[0]
            if first.meta is None:  # facts on a line that opened no note: the first note's
                stray = next((line.facts for line in self.lines if line.facts), None)
                if stray is not None:
                    self._apply_meta(first, stray, first.start)
            where = self.source.location
            if len(self.notes) == 1:  # the file name or URL speaks of the one note
                if first.facts.designation is None and where.designation is not None:
                    first.facts.designation = where.designation
                    first.facts.line = self.origin(first.start)
                first.facts.evidence.extend(where.evidence)
        placer = Placer(self.context)
        weeks = placer.place_all([note.facts for note in self.notes])
        for problem in placer.problems:
            self.report(problem.code, problem.message, problem.line)
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
        facts = NoteFacts(designation, self.origin(line) if designation else None)
        note = _NoteBuilder(title, subtitle, facts, start, end)
        self.notes.append(note)
        meta = self.lines[start].facts if start < len(self.lines) else None
        if meta is not None:
            self._apply_meta(note, meta, start)
        self._scan(start, end)

    def _apply_meta(self, note: _NoteBuilder, meta: NoteMeta, line: int) -> None:
        note.meta = meta
        if note.facts.designation is None and meta.designation is not None:
            note.facts.designation = meta.designation
            note.facts.line = self.origin(line)
        note.facts.evidence.extend(meta.evidence)
        dated = [item for item in meta.evidence if in_range(item.date)]
        if note.published is None and dated:
            note.published = dated[0]
        if meta.summary_only:
            self.warn("summary-only", "the feed gives only a summary of this entry", line)

    def add_dateline(self, evidence: Evidence, line: int | None = None) -> None:
        """Record the note's dateline: its publication date, and evidence for its week.
        ``evidence.line`` is a line of the original input; ``line``, when given, is the
        dateline itself (Source numbering), which the note then holds as written."""
        note = self._open_note(self.cursor)
        note.facts.evidence.insert(0, evidence)
        if note.published is None:
            note.published = evidence
        if line is not None and note.dateline is None:
            note.dateline = self.lines[line].stripped
            if note.end <= line and self.origin(line) > self.origin(max(note.end - 1, 0)):
                note.end = line + 1  # a footer below the text (a page may place it higher)

    def start_section(self, heading: str, start: int, end: int) -> None:
        """Open a section headed by lines [start, end). A marked heading whose wording names
        no kind, below a heading of a higher level that does ('## Highlights', then '### A new
        website'), is part of that section and takes its kind; a heading no deeper than the
        note's first is never a subsection."""
        note = self._open_note(start)
        kind = self.kinds.classify(heading)
        level = self.lines[start].level if self.lines[start].role == "heading" else 0
        given = False
        if not level and self.lines[start].role == "heading" and note.open_headings:
            # A marked heading of no level (a <dt>) sits below the last heading that has one.
            level = note.open_headings[-1][0] + (0 if note.open_headings[-1][2] else 1)
            given = True
        if level:
            stack = note.open_headings  # the marked headings above this one, outermost first
            while stack and stack[-1][0] >= level:
                stack.pop()
            if not note.top_level:
                note.top_level = level
            parent = stack[-1][1] if stack and level > note.top_level else SectionKind.OTHER
            if kind is SectionKind.OTHER and parent not in _NOT_INHERITED:
                kind = parent
            stack.append((level, kind, given))
        note.sections.append(_SectionBuilder(heading, kind, start, end, level=level))
        note.end = end
        self._scan(start, end)

    def add_paragraph(self, text: str, start: int, end: int) -> None:
        """Record a paragraph read from lines [start, end)."""
        block = {"type": "paragraph", "text": text, "span": self.span(start, end)}
        self._add_block(block, start, end)

    def add_list(self, found: ListSpec) -> None:
        """Record a list, with the lists nested in it."""
        self._add_block(self._list_item(found, 1), found.start, found.end)

    def _list_item(self, found: ListSpec, depth: int) -> Item:
        children: list[Item] = []
        items = []
        for number, item in enumerate(found.items):
            items.append(
                {
                    "text": item.text,
                    "checked": item.checked,
                    "span": self.span(item.start, item.end),
                }
            )
            for child in item.children:
                nested = self._list_item(child, depth + 1)
                nested["parent"] = number
                children.append(nested)
        return {
            "type": "list",
            "style": found.style,
            "lead_in": found.lead_in,
            "depth": depth,
            "items": items,
            "children": children,
            "span": self.span(found.start, found.end),
        }

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
        note.footnotes.append({"marker": marker, "text": text, "span": self.span(start, end)})
        note.end = max(note.end, end)
        if note.sections:
            note.sections[-1].end = max(note.sections[-1].end, end)
        self._scan(start, end)

    def add_link(self, url: str, line: int, text: str | None = None) -> None:
        """Record a URL on source line ``line`` (once, however many times that line gives it)."""
        note = self.note
        if note is not None and (url, line) not in note.seen_links:
            note.seen_links.add((url, line))
            note.links.append({"url": url, "text": text, "line": self.origin(line)})

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

    # -- the result ----------------------------------------------------------------------
    def build_note(self, note: _NoteBuilder, week: Week | None) -> Item:
        meta = note.meta or NoteMeta()
        return {
            "title": note.title,
            "subtitle": note.subtitle,
            "week": week,
            "published": note.published.date if note.published else None,
            "dateline": note.dateline,
            "author": meta.author,
            "url": meta.url,
            "tags": list(meta.tags),
            "metadata": dict(meta.metadata),
            "sections": [
                {
                    "heading": section.heading,
                    "kind": section.kind,
                    "blocks": section.blocks,
                    "span": self.span(section.start, section.end),
                }
                for section in note.sections
            ],
            "links": note.links,
            "footnotes": note.footnotes,
            "span": self.span(note.start, note.end),
        }


def _block_ends(lines: Sequence[Line]) -> list[int]:
    ends = [0] * len(lines)
    end = len(lines)
    for index in range(len(lines) - 1, -1, -1):
        if not lines[index].stripped:
            end = index
            ends[index] = index
        else:
            ends[index] = end
    return ends
