"""The recognisers and their default order: one table, changed by name through a Registry."""

from __future__ import annotations

from ..recognise import HEADING_TEXT, LIST, NOTE
from ..registry import Registry
from ..state import BlockRule, InlineRule
from .chrome import chrome
from .dateline import dateline
from .footnotes import footnote
from .headings import heading, numbered_heading
from .links import links
from .lists import list_block
from .paragraph import paragraph
from .title import plain_title, title, week_line

# The order rules are tried in at each line, and the chains each rule belongs to: the
# look-aheads in which the rules that ask a chain (see weeknote_parser.recognise) try it.
# 'paragraph' matches anything, so it is last.
BLOCK_RULES: tuple[tuple[str, BlockRule, tuple[str, ...]], ...] = (
    ("chrome", chrome, (HEADING_TEXT,)),
    ("dateline", dateline, ()),
    ("title", title, (NOTE, LIST, HEADING_TEXT)),
    ("week_line", week_line, (NOTE, LIST, HEADING_TEXT)),
    ("plain_title", plain_title, ()),
    ("footnote", footnote, (LIST, HEADING_TEXT)),
    ("numbered_heading", numbered_heading, (LIST,)),
    ("heading", heading, ()),
    ("list", list_block, ()),
    ("paragraph", paragraph, ()),
)

# Rules run over every line of note text once the blocks are known.
INLINE_RULES: tuple[tuple[str, InlineRule, tuple[str, ...]], ...] = (("links", links, ()),)


def default_block_rules() -> Registry[BlockRule]:
    """A fresh registry holding the default block recognisers, in order."""
    return Registry(BLOCK_RULES)


def default_inline_rules() -> Registry[InlineRule]:
    """A fresh registry holding the default inline recognisers, in order."""
    return Registry(INLINE_RULES)


__all__ = [
    "BLOCK_RULES",
    "INLINE_RULES",
    "default_block_rules",
    "default_inline_rules",
]
