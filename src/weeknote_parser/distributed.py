"""Parsing a corpus beyond one machine: a Dask bag of records (the ``[dask]`` extra).

>>> from weeknote_parser.distributed import parse_bag, write_jsonl   # doctest: +SKIP
>>> bag = parse_bag(["notes/"], per="section")                       # doctest: +SKIP
>>> write_jsonl(bag, "out/")                                         # doctest: +SKIP

The paths are found as the command line finds them (folders walked, patterns expanded, hidden
and unknown files skipped, sorted), split into partitions, and each partition is parsed by one
task with one parser, wherever Dask's scheduler runs it: threads, processes, or a cluster.
Records are plain JSON data (dates as ``YYYY-MM-DD``), in the order of the paths.
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from .batch import Job, parse_entry
from .discover import STDIN, Entry, discover
from .errors import WeeknoteError
from .export_sqlite import COLUMNS, MissingExtraError, document_rows
from .models import Document
from .options import ParseOptions
from .outputs import dump_json
from .records import Per, records

DASK_HINT = "pip install 'weeknote-parser[dask]'"


def dask_bag() -> Any:
    """``dask.bag``, or :class:`MissingExtraError` naming the extra that installs it."""
    try:
        return importlib.import_module("dask.bag")
    except ImportError:
        raise MissingExtraError(f"the Dask helpers need dask[bag]: {DASK_HINT}") from None


@dataclass(frozen=True)
class _Records:
    """Renders a document as JSON-ready records (a picklable callable)."""

    per: Per

    def __call__(self, document: Document) -> list[Any]:
        return [json.loads(dump_json(record)) for record in records(document, self.per)]


@dataclass(frozen=True)
class _Rows:
    """Renders a document as the flat rows of one table of the SQLite export."""

    table: str

    def __call__(self, document: Document) -> list[Any]:
        return document_rows(document)[self.table]


def _parse_partition(
    paths: Iterable[str], job: Job, keep_errors: bool
) -> list[dict[str, Any]]:  # runs in a Dask task
    out: list[dict[str, Any]] = []
    for path in paths:
        outcome = parse_entry(job, Entry(path, found=True))
        if outcome.status == "parsed":
            out.extend(outcome.payload)
        elif keep_errors and outcome.status != "skipped":
            out.append({"source": path, "error": outcome.message})
    return out


def find_paths(
    paths: Sequence[str],
    *,
    recursive: bool = True,
    include: Iterable[str] = (),
    exclude: Iterable[str] = (),
) -> list[str]:
    """The files ``paths`` name, as the command line finds them (standard input aside)."""
    found = discover(paths, recursive=recursive, include=include, exclude=exclude)
    if found.errors:
        raise found.errors[0]
    return [entry.path for entry in found.entries if entry.path != STDIN]


def parse_bag(
    paths: Sequence[str],
    *,
    per: Per = "document",
    table: str | None = None,
    options: ParseOptions | None = None,
    npartitions: int | None = None,
    keep_errors: bool = False,
    recursive: bool = True,
    include: Iterable[str] = (),
    exclude: Iterable[str] = (),
) -> Any:
    """A ``dask.bag.Bag`` of the records of every file ``paths`` name: documents, notes or
    sections (``per``, as ``weeknote-parse --per`` writes them), or, with ``table``, the flat
    rows of one table of the SQLite export (``notes``, ``sections``, ``list_items``, …: typed
    columns, ready for a data frame). A file that cannot be read is left out, or, with
    ``keep_errors``, gives a record ``{"source": path, "error": message}``."""
    bag = dask_bag()
    if table is not None and table not in COLUMNS:
        raise WeeknoteError(f"table: unknown table {table!r}; tables: {', '.join(COLUMNS)}")
    files = find_paths(paths, recursive=recursive, include=include, exclude=exclude)
    render: Any = _Rows(table) if table is not None else _Records(per)
    chosen = options if options is not None else ParseOptions()
    if chosen.today is None:  # one reference date for every task, wherever it runs
        chosen = chosen.model_copy(update={"today": chosen.resolved_today()})
    job = Job(options=chosen, render=render)
    parts = npartitions or max(1, min(len(files) // 100 + 1, 64))
    sequence = bag.from_sequence(files, npartitions=parts) if files else bag.from_sequence([])
    return sequence.map_partitions(_parse_partition, job, keep_errors)


def write_jsonl(bag: Any, folder: str) -> list[str]:
    """Write a bag of records as JSON Lines, one file per partition (``part-0.jsonl``, …)
    in ``folder``; return the files written."""
    written: list[str] = bag.map(json.dumps, ensure_ascii=False).to_textfiles(
        f"{folder.rstrip('/')}/part-*.jsonl"
    )
    return written


def parquet_available() -> bool:
    """Whether Parquet can be written: pyarrow and Dask's data frames are installed."""
    try:
        importlib.import_module("pyarrow")
        importlib.import_module("dask.dataframe")
    except ImportError:
        return False
    return True


def write_parquet(bag: Any, folder: str) -> None:
    """Write a bag of flat rows (``parse_bag(..., table=...)``) as a Parquet dataset in
    ``folder``; needs pyarrow and ``dask[dataframe]``."""
    if not parquet_available():
        raise MissingExtraError(
            "writing Parquet needs pyarrow and dask[dataframe]: "
            "pip install pyarrow 'dask[dataframe]'"
        )
    bag.to_dataframe().to_parquet(folder, write_index=False)
