"""The Dask recipe: a bag over file paths, parsed on Dask's local schedulers (``[dask]``)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from weeknote_parser import ParseOptions
from weeknote_parser.cli import command
from weeknote_parser.distributed import DASK_HINT, dask_bag, parquet_available, parse_bag
from weeknote_parser.export_sqlite import MissingExtraError

from .conftest import EXAMPLES

pytest.importorskip("dask.bag")

OPTIONS = ParseOptions(today="2025-01-01")


def cli_records(*args: str) -> list[dict[str, object]]:
    result = CliRunner().invoke(command, [str(EXAMPLES), "--today", "2025-01-01", "-q", *args])
    assert result.exit_code == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


@pytest.mark.parametrize("per", ["document", "note", "section"])
def test_the_bag_holds_what_the_command_writes_in_the_same_order(per: str) -> None:
    bag = parse_bag([str(EXAMPLES)], per=per, options=OPTIONS, npartitions=3)  # type: ignore[arg-type]
    assert bag.npartitions == 3
    assert bag.compute(scheduler="synchronous") == cli_records("--per", per)


def test_threads_and_table_rows(tmp_path: Path) -> None:
    bag = parse_bag([str(EXAMPLES)], table="sections", options=OPTIONS)
    rows = bag.compute(scheduler="threads")
    assert len(rows) == len(cli_records("--per", "section"))
    assert {"id", "note_id", "kind", "text", "week_start"} <= set(rows[0])


def test_json_lines_written_by_dask_read_back(tmp_path: Path) -> None:
    bag = parse_bag([str(EXAMPLES / "markdown")], per="note", options=OPTIONS, npartitions=2)
    written = bag.map(json.dumps).to_textfiles(str(tmp_path / "part-*.jsonl"))
    assert len(written) == 2
    records = [
        json.loads(line) for name in sorted(written) for line in Path(name).read_text().splitlines()
    ]
    assert [r["title"] for r in records] == [r["title"] for r in bag.compute(scheduler="sync")]


def test_unreadable_files_are_left_out_or_kept_as_errors(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("Weeknote 3.2021\n\nText.\n", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"caf\xe9\n")
    assert len(parse_bag([str(tmp_path)], options=OPTIONS).compute(scheduler="sync")) == 1
    kept = parse_bag([str(tmp_path)], options=OPTIONS, keep_errors=True).compute(scheduler="sync")
    assert kept[0]["source"] == str(tmp_path / "bad.txt")
    assert "not valid UTF-8" in str(kept[0]["error"])


@pytest.mark.skipif(not parquet_available(), reason="pyarrow and dask[dataframe] not installed")
def test_parquet(tmp_path: Path) -> None:  # pragma: no cover - only where pyarrow is
    from weeknote_parser.distributed import write_parquet

    write_parquet(parse_bag([str(EXAMPLES)], table="notes", options=OPTIONS), str(tmp_path))
    assert list(tmp_path.glob("*.parquet"))


def test_without_dask_one_line_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "dask.bag", None)
    with pytest.raises(MissingExtraError, match="pip install 'weeknote-parser\\[dask\\]'"):
        dask_bag()
    assert "[dask]" in DASK_HINT
