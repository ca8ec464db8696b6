"""Conformance: compare parsed documents with gold annotations, field by field.

A gold file (``<id>.gold.json``) records what a careful reader finds in a document: the
chrome lines, and for each note its title, subtitle, week, section headings and kinds, lists
(style, item count, first 40 characters of the lead-in), and counts of links and footnotes.
:func:`gold_view` projects a :class:`Document` onto that shape and :func:`differences` lists
every field that differs. Run ``python -m weeknote_parser.conformance DIR`` on a folder of
documents with a ``gold/`` folder beside them.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from .api import parse_file
from .models import Document, ListBlock, Note, YearSource

LEAD_IN_CHARS = 40
IGNORED_KEYS = frozenset({"doubts", "id", "source", "hint"})


def _week_view(note: Note) -> dict[str, Any]:
    week = note.week
    if week is None:
        return {"raw": None, "iso_year": None, "iso_week": None, "start": None,
                "year_stated": False}  # fmt: skip
    return {
        "raw": week.raw,
        "iso_year": week.iso_year,
        "iso_week": week.iso_week,
        "start": week.start.isoformat() if week.start else None,
        "year_stated": week.year_source not in (None, YearSource.HINT),
    }


def _note_view(note: Note) -> dict[str, Any]:
    lists = [
        {
            "style": block.style,
            "items": len(block.items),
            "lead_in": block.lead_in[:LEAD_IN_CHARS] if block.lead_in is not None else None,
        }
        for section in note.sections
        for block in section.blocks
        if isinstance(block, ListBlock)
    ]
    return {
        "title": note.title,
        "subtitle": note.subtitle,
        "week": _week_view(note),
        "sections": [{"heading": s.heading, "kind": s.kind.value} for s in note.sections],
        "lists": lists,
        "links": len(note.links),
        "footnotes": len(note.footnotes),
    }


def gold_view(document: Document) -> dict[str, Any]:
    """The document in the shape of a gold annotation."""
    return {"chrome": list(document.chrome), "notes": [_note_view(n) for n in document.notes]}


def without_hint(gold: dict[str, Any]) -> dict[str, Any]:
    """What the gold file expects when no year hint is given: weeks whose year is not
    stated in the document are not placed in the calendar."""
    result: dict[str, Any] = json.loads(json.dumps(gold))
    for note in result.get("notes", []):
        week = note.get("week") or {}
        if week.get("raw") is not None and not week.get("year_stated"):
            week.update(iso_year=None, iso_week=None, start=None)
    return result


def differences(expected: Any, actual: Any, path: str = "") -> list[str]:
    """Every place where ``actual`` differs from ``expected``, as 'path: expected != actual'.

    Keys in :data:`IGNORED_KEYS` are commentary and are skipped; list lengths are compared
    before their items.
    """
    if isinstance(expected, dict) and isinstance(actual, dict):
        found: list[str] = []
        for key in expected:
            if key in IGNORED_KEYS:
                continue
            where = f"{path}.{key}" if path else key
            if key not in actual:
                found.append(f"{where}: missing")
            else:
                found.extend(differences(expected[key], actual[key], where))
        return found
    if isinstance(expected, list) and isinstance(actual, list):
        found = []
        if len(expected) != len(actual):
            found.append(f"{path}: {len(expected)} items expected, {len(actual)} found")
        for index, (want, got) in enumerate(zip(expected, actual, strict=False)):
            found.extend(differences(want, got, f"{path}[{index}]"))
        return found
    if expected != actual:
        return [f"{path}: expected {expected!r}, got {actual!r}"]
    return []


def check(document_path: Path, gold: dict[str, Any], *, use_hint: bool) -> list[str]:
    """Parse ``document_path`` (with the gold file's year hint or without) and compare."""
    year = gold.get("hint", {}).get("year") if use_hint else None
    document = parse_file(document_path, year=year)
    expected = gold if use_hint else without_hint(gold)
    return differences(expected, gold_view(document))


def gold_pairs(folder: Path) -> list[tuple[Path, Path]]:
    """Each ``<id>.gold.json`` in ``folder/gold`` with the document it annotates."""
    pairs = []
    for gold_path in sorted((folder / "gold").glob("*.gold.json")):
        stem = gold_path.name.removesuffix(".gold.json")
        matches = sorted(p for p in folder.glob(f"{stem}.*") if p.is_file())
        if not matches:
            raise FileNotFoundError(f"{gold_path}: no document named {stem}.* beside it")
        pairs.append((matches[0], gold_path))
    return pairs


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m weeknote_parser.conformance DIR", file=sys.stderr)
        return 2
    folder = Path(args[0])
    if not (folder / "gold").is_dir():
        print(f"Error: {folder}: no gold/ folder of annotations", file=sys.stderr)
        return 2
    passed = failed = 0
    for document_path, gold_path in gold_pairs(folder):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        for use_hint in (True, False):
            label = f"{document_path.name} ({'with' if use_hint else 'without'} hint)"
            problems = check(document_path, gold, use_hint=use_hint)
            if problems:
                failed += 1
                print(f"FAIL {label}")
                for problem in problems:
                    print(f"  {problem}")
            else:
                passed += 1
                print(f"ok   {label}")
    print(f"conformance: {passed} passed, {failed} failed")
    return 1 if failed or not passed else 0


if __name__ == "__main__":
    sys.exit(main())
