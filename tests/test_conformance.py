"""The seed documents parse to exactly what their gold files say, with and without the hint."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from weeknote_parser.conformance import check, differences, gold_pairs, without_hint

from .conftest import SEEDS

if not SEEDS.is_dir():
    if os.environ.get("CI"):
        raise RuntimeError(f"{SEEDS} is missing: the conformance check needs the seed documents")
    pytest.skip(f"{SEEDS} not present", allow_module_level=True)

PAIRS = gold_pairs(SEEDS)


def test_there_are_seeds() -> None:
    assert PAIRS


@pytest.mark.parametrize("use_hint", [True, False], ids=["with-hint", "without-hint"])
@pytest.mark.parametrize(("document", "gold_path"), PAIRS, ids=[d.stem for d, _ in PAIRS])
def test_seed_matches_gold(document: Path, gold_path: Path, use_hint: bool) -> None:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    assert check(document, gold, use_hint=use_hint) == []


def test_differences_reports_each_field() -> None:
    expected = {"notes": [{"title": "A", "links": 2, "doubts": "ignored"}], "chrome": []}
    actual = {"notes": [{"title": "B", "links": 2}], "chrome": ["x"]}
    assert differences(expected, actual) == [
        "notes[0].title: expected 'A', got 'B'",
        "chrome: 0 items expected, 1 found",
    ]


def test_without_hint_clears_only_weeks_whose_year_is_not_stated() -> None:
    gold = {
        "notes": [
            {"week": {"raw": "w/c 5 May", "iso_year": 2018, "iso_week": 18,
                      "start": "2018-04-30", "year_stated": False}},
            {"week": {"raw": "2022.3", "iso_year": 2022, "iso_week": 3,
                      "start": "2022-01-17", "year_stated": True}},
        ]
    }  # fmt: skip
    weeks = [n["week"] for n in without_hint(gold)["notes"]]
    assert [(w["iso_year"], w["start"]) for w in weeks] == [(None, None), (2022, "2022-01-17")]
