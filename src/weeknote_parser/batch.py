"""Parsing many inputs: each read, parsed and rendered on its own, in this process or in a pool
of worker processes, the outcomes handed back in input order with bounded memory.

What each file needs (the options, how to render its document) travels once to each worker
as a :class:`Job`; each file then costs one small task and one :class:`Outcome` back. At most
``window`` tasks of a few files each are in flight at a time, so a corpus of any size is
streamed, never held.
"""

from __future__ import annotations

import os
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from .discover import STDIN, Entry, looks_binary
from .errors import WeeknoteError
from .inputs import Format
from .models import Document
from .options import ParseOptions
from .outputs import warning_line
from .parser import Parser
from .readers import MAX_BYTES, read_bytes, read_source

Status = Literal["parsed", "failed", "bug", "skipped"]
# Files handed to a worker at a time: enough that a task's cost is the parsing, not the
# passing of messages; few enough that the window stays small.
CHUNK = 16
if TYPE_CHECKING:  # the pool loads only when a batch runs on more than one process
    import multiprocessing.context
    from concurrent.futures import Future, ProcessPoolExecutor

STDIN_NAME = "<stdin>"


@dataclass(frozen=True)
class Job:
    """What every file of a batch is parsed with: the options, the reading settings, and
    ``render``, a picklable callable making the payload handed back from the document."""

    options: ParseOptions = field(default_factory=ParseOptions)
    render: Callable[[Document], Any] | None = None
    format: Format | None = None
    encoding: str | None = None
    url: str | None = None
    max_bytes: int = MAX_BYTES


@dataclass
class Outcome:
    """What came of one input: ``parsed`` (with the rendered ``payload``), ``failed`` (an
    input error, ``message`` its one line), ``bug`` (an internal error) or ``skipped`` (a
    binary file found in a folder)."""

    shown: str
    status: Status
    message: str = ""
    payload: Any = None
    notes: int = 0
    warnings: list[str] = field(default_factory=list)


@dataclass
class Tally:
    """The counts a batch ends with."""

    parsed: int = 0
    failed: int = 0
    bugs: int = 0
    skipped: int = 0
    notes: int = 0
    warnings: int = 0

    def add(self, outcome: Outcome) -> None:
        if outcome.status == "parsed":
            self.parsed += 1
        elif outcome.status == "failed":
            self.failed += 1
        elif outcome.status == "bug":
            self.bugs += 1
        else:
            self.skipped += 1
        self.notes += outcome.notes
        self.warnings += len(outcome.warnings)

    @property
    def read(self) -> int:
        """The inputs read (parsed or failed), skipped ones aside."""
        return self.parsed + self.failed + self.bugs

    def summary(self) -> str:
        files = "file" if self.read == 1 else "files"
        notes = "note" if self.notes == 1 else "notes"
        warnings = "warning" if self.warnings == 1 else "warnings"
        return (
            f"parsed {self.read} {files} ({self.notes} {notes}), {self.failed + self.bugs} "
            f"failed, {self.skipped} skipped, {self.warnings} {warnings}"
        )


_parsers: dict[str, Parser] = {}


def _parser(options: ParseOptions) -> Parser:
    """One parser per set of options in each process (plugins are set up once)."""
    key = options.model_dump_json()
    if key not in _parsers:
        _parsers[key] = Parser(options)
    return _parsers[key]


def parse_entry(job: Job, entry: Entry, data: bytes | None = None) -> Outcome:
    """Read, parse and render one input; never raises. ``data``: the input's bytes, already
    read (standard input)."""
    shown = STDIN_NAME if entry.path == STDIN else entry.shown
    try:
        if data is None:
            data = read_bytes(entry.path, max_bytes=job.max_bytes, name=shown)
        if entry.found and job.encoding is None and looks_binary(data):
            return Outcome(shown, "skipped")
        path = None if entry.path == STDIN else os.fsdecode(entry.path)
        source = read_source(
            data, job.options, name=shown, path=path, format=job.format,
            encoding=job.encoding, url=job.url,
        )  # fmt: skip
        if entry.path == STDIN:
            source = source.located(path=STDIN)
        document = _parser(job.options).parse_source(source)
        payload = job.render(document) if job.render is not None else document
    except WeeknoteError as error:
        return Outcome(shown, "failed", str(error))
    except Exception as error:  # a bug: one line, and the batch goes on
        problem = f"{shown}: internal error ({type(error).__name__}: {error}); please report it"
        return Outcome(shown, "bug", problem)
    warnings = [warning_line(shown, warning) for warning in document.warnings]
    return Outcome(shown, "parsed", payload=payload, notes=len(document.notes), warnings=warnings)


_worker_job: Job | None = None


def _start_worker(job: Job) -> None:
    global _worker_job
    _worker_job = job


def _work(chunk: list[tuple[Entry, bytes | None]]) -> list[Outcome]:
    assert _worker_job is not None, "the worker was not started with a job"
    return [parse_entry(_worker_job, entry, data) for entry, data in chunk]


def cores() -> int:
    """The processors this process may run on."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not on every system
        return os.cpu_count() or 1


def _context() -> multiprocessing.context.BaseContext:
    """Workers forked from this process on Linux when no other thread runs here (a fork
    copies the parser already set up); else started afresh (macOS and Windows, where forking
    is not safe or not there)."""
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    on_linux = sys.platform.startswith("linux")
    if on_linux and "fork" in methods and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def run(
    job: Job,
    entries: Iterable[Entry],
    *,
    jobs: int = 1,
    read_stdin: Callable[[], bytes] | None = None,
    window: int | None = None,
) -> Iterator[Outcome]:
    """The outcome of each entry, in order. ``jobs``: worker processes (1: this process, 0:
    one per core); ``window``: the most tasks in flight (default four per worker).
    ``read_stdin`` reads standard input for the entry '-' (in this process). Workers take
    files :data:`CHUNK` at a time, so at most ``window`` × CHUNK are in flight."""
    entries = list(entries) if not isinstance(entries, list) else entries
    workers = cores() if jobs == 0 else max(jobs, 1)
    workers = min(workers, len(entries))

    def stdin_data() -> tuple[bytes | None, Outcome | None]:
        try:
            if read_stdin is None:
                raise WeeknoteError("standard input is closed", path=STDIN_NAME)
            return read_stdin(), None
        except WeeknoteError as error:
            return None, Outcome(STDIN_NAME, "failed", str(error))

    def here(batch: list[Entry]) -> list[Outcome]:
        """Parse ``batch`` in this process."""
        outcomes = []
        for entry in batch:
            data, failure = stdin_data() if entry.path == STDIN else (None, None)
            outcomes.append(failure or parse_entry(job, entry, data))
        return outcomes

    if workers <= 1:
        for entry in entries:
            yield from here([entry])
        return
    from concurrent.futures import Future, ProcessPoolExecutor

    limit = window or workers * 4
    chunk = max(1, min(CHUNK, len(entries) // (workers * 4) or 1))
    with ProcessPoolExecutor(
        max_workers=workers, mp_context=_context(), initializer=_start_worker, initargs=(job,)
    ) as pool:
        pending: deque[tuple[list[Entry], Future[list[Outcome]] | list[Outcome]]] = deque()
        try:
            yield from _ordered(pool, entries, pending, limit, chunk, stdin_data, here)
        finally:  # the reader stopped early: drop what has not started
            for _, task in pending:
                if isinstance(task, Future):
                    task.cancel()


def _ordered(
    pool: ProcessPoolExecutor,
    entries: list[Entry],
    pending: deque[tuple[list[Entry], Future[list[Outcome]] | list[Outcome]]],
    limit: int,
    chunk: int,
    stdin_data: Callable[[], tuple[bytes | None, Outcome | None]],
    here: Callable[[list[Entry]], list[Outcome]],
) -> Iterator[Outcome]:
    """Submit entries, ``chunk`` to a task, while fewer than ``limit`` tasks are in flight;
    hand back the outcomes of the oldest first. If the pool breaks (a worker killed), the
    files in flight are internal errors and the rest are parsed ``here``."""
    from concurrent.futures.process import BrokenProcessPool

    tasks = _chunks(entries, chunk)
    broken = False
    while True:
        while len(pending) < limit:
            batch = next(tasks, None)
            if batch is None:
                break
            if broken:
                pending.append((batch, here(batch)))
                continue
            work: list[tuple[Entry, bytes | None]] = [(entry, None) for entry in batch]
            if batch[0].path == STDIN:  # read here, parsed there
                data, failure = stdin_data()
                if failure is not None:
                    pending.append((batch, [failure]))
                    continue
                work = [(batch[0], data)]
            try:
                pending.append((batch, pool.submit(_work, work)))
            except BrokenProcessPool:
                broken = True
                pending.append((batch, here(batch) if work[0][1] is None else _bugs(batch)))
        if not pending:
            return
        batch, task = pending.popleft()
        yield from task if isinstance(task, list) else _results(batch, task)


def _chunks(entries: list[Entry], size: int) -> Iterator[list[Entry]]:
    """``entries`` in runs of at most ``size``; standard input always in a run of its own."""
    batch: list[Entry] = []
    for entry in entries:
        if entry.path == STDIN:
            if batch:
                yield batch
            yield [entry]
            batch = []
            continue
        batch.append(entry)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _results(batch: list[Entry], task: Future[list[Outcome]]) -> list[Outcome]:
    try:
        return task.result()
    except Exception as error:  # a worker died, or the outcomes could not be sent back
        return _bugs(batch, error)


def _bugs(batch: list[Entry], error: BaseException | None = None) -> list[Outcome]:
    """Each entry of ``batch`` as an internal error: its worker was lost."""
    reason = f"{type(error).__name__}: {error}" if error is not None else "the worker was lost"
    outcomes = []
    for entry in batch:
        shown = STDIN_NAME if entry.path == STDIN else entry.shown
        outcomes.append(
            Outcome(shown, "bug", f"{shown}: internal error ({reason}); please report it")
        )
    return outcomes
