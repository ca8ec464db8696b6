"""The parser: runs the recognisers over a document's lines and builds the Document model."""

from __future__ import annotations

import copy
import gc
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any

from .errors import OptionsError
from .inputs import Format, Source, text_source
from .kinds import KindTable
from .models import Document, SectionKind
from .options import ParseOptions
from .recognisers import default_block_rules, default_inline_rules
from .recognisers.dispatch import dispatch_default, line_test
from .registry import Registry
from .state import BlockRule, InlineRule, ParseState
from .weeks import Context


class Parser:
    """Configuration only: options and the recogniser registries. Parsing state lives in a
    fresh :class:`ParseState` per document, so one parser can parse many documents."""

    def __init__(
        self,
        options: ParseOptions | None = None,
        *,
        rules: Registry[BlockRule] | None = None,
        inline: Registry[InlineRule] | None = None,
        dispatch: bool | None = None,
    ) -> None:
        self.options = options or ParseOptions()
        # Offer each line only to the rules its facts allow (recognisers.dispatch); False
        # offers every line to every rule. None: on, unless WEEKNOTE_PARSER_DISPATCH=0.
        self.dispatch = dispatch_default() if dispatch is None else dispatch
        self.rules = rules if rules is not None else default_block_rules()
        self.inline = inline if inline is not None else default_inline_rules()
        self.kinds: KindTable = _RememberedKinds(self.options.vocabulary)
        if self.options.plugins:  # before 'disable', which may name a plugin's rules
            from .plugins import load_plugins

            load_plugins(self, self.options.plugins)
        if self.options.disable:
            self.disable(self.options.disable)

    def with_options(self, options: ParseOptions) -> Parser:
        """This parser's rules (plugins' included, as they are set up now) with other
        options: for a year or a publication date that differs from call to call."""
        other = copy.copy(self)
        other.options = options
        other.kinds = _RememberedKinds(options.vocabulary)
        return other

    # -- the recogniser registries, by name --------------------------------------------
    def names(self) -> list[str]:
        """Every recogniser's name: block rules in order, then inline rules."""
        return self.rules.names() + self.inline.names()

    def active_names(self) -> list[str]:
        """The enabled recognisers' names."""
        return self.rules.active_names() + self.inline.active_names()

    def enable(self, names: str | Iterable[str]) -> Parser:
        self._split(names, "enable")
        return self

    def disable(self, names: str | Iterable[str]) -> Parser:
        self._split(names, "disable")
        return self

    def enable_only(self, names: str | Iterable[str]) -> Parser:
        block, inline = self._partition(names)
        self.rules.enable_only(block)
        self.inline.enable_only(inline)
        return self

    def _partition(self, names: str | Iterable[str]) -> tuple[list[str], list[str]]:
        wanted = [names] if isinstance(names, str) else list(names)
        bad = [n for n in wanted if n not in self.rules and n not in self.inline]
        if bad:
            raise OptionsError(
                f"unknown recogniser {', '.join(map(repr, bad))}; "
                f"valid names: {', '.join(self.names())}"
            )
        return [n for n in wanted if n in self.rules], [n for n in wanted if n in self.inline]

    def _split(self, names: str | Iterable[str], action: str) -> None:
        block, inline = self._partition(names)
        getattr(self.rules, action)(block)
        getattr(self.inline, action)(inline)

    # -- parsing ------------------------------------------------------------------------
    def context(self) -> Context:
        return Context(
            year=self.options.year,
            published=self.options.published,
            date_order=self.options.date_order or "dmy",
            date_order_given=self.options.date_order is not None,
            today=self.options.resolved_today(),
            first_candidate_year=self.options.first_candidate_year,
        )

    def parse(self, text: str, *, path: str | None = None, url: str | None = None) -> Document:
        """Parse one document's plain text; a date or week in ``path`` or ``url`` is
        evidence for its week, as it is for :func:`~weeknote_parser.parse_file`."""
        from .readers import locate

        return self.parse_source(locate(text_source(text), path=path, url=url))

    def parse_text(
        self, text: str, *, format: Format | None = None, path: str | None = None,
        url: str | None = None,
    ) -> Document:  # fmt: skip
        """Parse a document's text in any format (None: from ``path``, else detected)."""
        from .readers import read_source

        return self.parse_source(read_source(text, self.options, path=path, url=url, format=format))

    def parse_source(self, source: Source) -> Document:
        """Parse a document a reader has turned into a Source (any format)."""
        return self._parse_source(source)

    parse_input = parse_source  # the name this method had before Source

    def _parse_source(self, source: Source) -> Document:
        state = ParseState(
            source, rules=self.rules, inline=self.inline, context=self.context(), kinds=self.kinds,
            dispatch=self.dispatch,
        )  # fmt: skip
        dispatch = self.dispatch
        rules = [(rule, line_test(rule) if dispatch else None) for _, rule in self.rules.active()]
        lines = state.lines
        while state.cursor < len(lines):
            line = state.cursor
            current = lines[line]
            if not current.stripped:
                state.cursor += 1
                continue
            for rule, test in rules:
                if test is not None and not test(current):
                    continue  # a rule that cannot match a line of this shape
                if rule(state, line, silent=False):
                    break
            else:
                state.warn("unclaimed-line", "no enabled recogniser read this line", line)
            if state.cursor <= line:
                state.cursor = line + 1
        weeks = state.place_weeks()
        where = source.location
        data: dict[str, Any] = {
            "source": {
                "path": where.path,
                "url": where.url,
                "format": where.format,
                "encoding": where.encoding,
            },
            "notes": [
                state.build_note(note, week) for note, week in zip(state.notes, weeks, strict=True)
            ],
            "chrome": [text for _, text in state.chrome],
            "warnings": [
                {"code": w.code, "message": w.message, "line": w.line}
                for w in sorted(state.warnings, key=lambda w: -1 if w.line is None else w.line)
            ],
        }
        with _collector_paused():
            return Document.model_validate(data)


class _RememberedKinds(KindTable):
    """A heading's section kind, worked out once per parser for each distinct heading (the
    same few headings, 'Done', 'Next week', come back in note after note): classifying
    folds accents and matches every phrase. Bounded: emptied when full."""

    MAX_HEADINGS = 4096

    def __init__(self, extra: Mapping[SectionKind, tuple[str, ...]] | None = None) -> None:
        super().__init__(extra)
        self._known: dict[str, SectionKind] = {}

    def classify(self, heading: str) -> SectionKind:
        kind = self._known.get(heading)
        if kind is None:
            if len(self._known) >= self.MAX_HEADINGS:
                self._known.clear()
            kind = self._known[heading] = super().classify(heading)
        return kind


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector while the Document's models are built, and only then.

    Validation makes a model object for every block, item, link and span at once, and none
    of them is garbage; with the collector running, its passes over them cost four times
    the validation itself on a 1 MB document (bench_peers.py's profile). Whatever happens
    inside, the collector is running again afterwards if it was before.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
