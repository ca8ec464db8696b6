"""The fuzz targets and the invariant they check.

An *example* is a format (or None: detect it) and a value: a ``str`` is parsed with
:func:`weeknote_parser.parse`, as a library caller would; ``bytes`` are read with
:func:`weeknote_parser.readers.read_input` and then parsed, as the command line reads a file.

The invariant, for every example: parsing either raises a
:class:`~weeknote_parser.errors.WeeknoteError` or returns a Document; the Document's JSON
(:func:`weeknote_parser.to_json`) validates against the models and the published schema; and
the whole takes less than :data:`SLOW_SECONDS` (confirmed by a second run) and is interrupted
after :data:`HANG_SECONDS`. Anything else is a :class:`InvariantError`.

Each target has a ``fuzz_one(data: bytes) -> None`` that turns any bytes into an example of
its kind and checks it, so a coverage-guided fuzzer (atheris) and hypothesis drive the same
code.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import signal
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from types import FrameType, TracebackType

import jsonschema
import orjson

from weeknote_parser import Document, ParseOptions, Parser, parse, to_json
from weeknote_parser.errors import WeeknoteError
from weeknote_parser.inputs import Format
from weeknote_parser.readers import read_input
from weeknote_parser.schema import json_schema

SLOW_SECONDS = 2.0
HANG_SECONDS = 10.0
FORMATS: tuple[Format, ...] = ("text", "markdown", "html", "feed")
# The targets: one per format (text given to the library), and 'bytes' (read as a file is).
TARGETS: tuple[str, ...] = (*FORMATS, "bytes")
# What the first byte of a 'bytes' target's data selects as the format to read it as.
BYTE_FORMATS: tuple[Format | None, ...] = (None, *FORMATS)
# A fixed reference date, so that results never depend on the day the fuzzer runs.
OPTIONS = ParseOptions(today=dt.date(2026, 1, 1))
PARSER = Parser(OPTIONS)
VALIDATOR = jsonschema.Draft202012Validator(json_schema())


@dataclass(frozen=True, slots=True)
class Example:
    """One input: text for the library, or bytes read as a file; ``format`` None: detect it."""

    format: Format | None
    value: str | bytes

    def call(self) -> str:
        """The example as a line of Python that reproduces it."""
        if isinstance(self.value, str):
            return f"parse({self.value!r}, format={self.format!r})"
        return f"read_input({self.value!r}, name='<fuzz>', format={self.format!r})"


class InvariantError(Exception):
    """An example broke the invariant: ``details`` has the traceback, or the timings."""

    def __init__(
        self, example: Example, summary: str, signature: str, details: str | BaseException
    ) -> None:
        super().__init__(summary)
        self.example = example
        self.summary = summary
        self.signature = signature  # what tells two failures apart (see signature_of)
        self._details = details

    @property
    def details(self) -> str:
        """The traceback (formatted when first asked for: shrinking never needs it)."""
        if isinstance(self._details, BaseException):
            self._details = _format(self._details)
        return self._details


class _Hang(BaseException):
    """Raised by the alarm into a parse that runs past HANG_SECONDS."""


def text_of(data: bytes) -> str:
    """Any string from bytes, lone surrogates and control characters included.

    The first byte chooses how the rest is decoded: UTF-8 (undecodable bytes become lone
    surrogates), UTF-16-LE (any code unit, paired or not) or Latin-1 (every byte a character).
    """
    if not data:
        return ""
    rest = data[1:]
    mode = data[0] % 3
    if mode == 0:
        return rest.decode("utf-8", "surrogateescape")
    if mode == 1:
        return rest[: len(rest) & ~1].decode("utf-16-le", "surrogatepass")
    return rest.decode("latin-1")


def data_of(text: str) -> bytes:
    """Bytes that :func:`text_of` turns back into ``text`` (an inverse, for corpora)."""
    return b"\x01" + text.encode("utf-16-le", "surrogatepass")


def warm_up() -> None:
    """Parse a little of every format, so every reader and library it uses is imported
    (what they raise does not matter here: the fuzzer will find it)."""
    feed = '<rss version="2.0"><channel><item><title>x</title></item></channel></rss>'
    examples = [Example(format, "Weeknote 12.22\n\nx") for format in FORMATS]
    examples += [Example("markdown", "---\nx: 1\n---\n"), Example("markdown", "+++\nx = 1\n+++\n")]
    examples += [Example("feed", feed), Example(None, b"<p>x</p>")]
    for example in examples:
        with contextlib.suppress(Exception):
            run(example)


def example_of(target: str, data: bytes) -> Example:
    """The example a target makes of ``data``."""
    if target == "bytes":
        if not data:
            return Example(None, b"")
        return Example(BYTE_FORMATS[data[0] % len(BYTE_FORMATS)], data[1:])
    if target not in FORMATS:
        raise ValueError(f"unknown fuzz target {target!r}; targets: {', '.join(TARGETS)}")
    return Example(target, text_of(data))


def run(example: Example) -> Document | None:
    """Parse an example; None when it raised a WeeknoteError (an input the parser refused)."""
    try:
        if isinstance(example.value, str):
            return parse(example.value, format=example.format, options=OPTIONS)
        source = read_input(example.value, name="<fuzz>", format=example.format)
        return PARSER.parse_input(source)
    except WeeknoteError:
        return None


def validate(document: Document, *, schema: bool = True) -> None:
    """The document's JSON is written, and validates against the models (and the schema)."""
    payload = to_json(document)
    Document.model_validate_json(payload)
    if schema:
        VALIDATOR.validate(orjson.loads(payload))


def signature_of(error: BaseException) -> tuple[str, str]:
    """(signature, raising frame) of an error.

    The signature is the exception's type, the innermost frame inside weeknote_parser, and
    when a library raised, the library function that did: the same bug found twice gets the
    same signature, whatever the input.
    """
    walked = traceback.walk_tb(error.__traceback__)
    summary = traceback.StackSummary.extract(walked, lookup_lines=False)
    frames = [f for f in summary if f.filename != __file__]
    ours = [f for f in frames if "/weeknote_parser/" in f.filename.replace("\\", "/")]
    last = frames[-1] if frames else None
    raising = f"{_short(last.filename)}:{last.lineno} in {last.name}" if last else "?"
    if not ours:
        return type(error).__name__, raising
    where = ours[-1]
    signature = f"{type(error).__name__} at {_short(where.filename)}:{where.lineno} in {where.name}"
    if last is not None and last is not where:
        signature += f" (raised in {_short(last.filename)} {last.name})"
    else:  # raised by C code called from the package: the message tells causes apart
        words = re.sub(r"'[^']*'|\"[^\"]*\"|(?<![A-Za-z]-)(?<!\w)-?\d+", "", str(error)).split()[:6]
        signature += f" ({' '.join(words)})" if words else ""
    return signature, raising


def _short(filename: str) -> str:
    path = filename.replace("\\", "/")
    for marker in ("/site-packages/", "/src/", "/lib/python3."):
        if marker in path:
            path = path.split(marker, 1)[1]
            if marker == "/lib/python3.":
                path = path.split("/", 1)[-1]
            break
    return path


@contextmanager
def _alarm(seconds: float | None) -> Iterator[None]:
    """Interrupt the block after ``seconds`` (main thread only; None: no limit); an alarm
    already set is put back afterwards, less the time spent."""
    if seconds is None:
        yield
        return

    def ring(_signum: int, _frame: FrameType | None) -> None:
        raise _Hang

    previous = signal.signal(signal.SIGALRM, ring)
    pending, _interval = signal.setitimer(signal.ITIMER_REAL, seconds)
    start = time.monotonic()
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if pending:  # someone else's alarm (pytest-timeout's, say): set it going again
            signal.setitimer(signal.ITIMER_REAL, max(pending - (time.monotonic() - start), 1e-3))


def _timed(example: Example, hang: float | None, schema: bool) -> float:
    start = time.perf_counter()
    with _alarm(hang):
        document = run(example)
        if document is not None:
            validate(document, schema=schema)
    return time.perf_counter() - start


def check(
    example: Example,
    *,
    slow: float = SLOW_SECONDS,
    hang: float | None = HANG_SECONDS,
    schema: bool = True,
) -> None:
    """Check the invariant on one example; raise :class:`InvariantError` if it breaks.

    ``hang`` None leaves interrupting to the caller (atheris has its own per-input timeout);
    ``schema`` False checks the JSON against the models only (the schema check is slow).
    """
    try:
        seconds = _timed(example, hang, schema)
    except _Hang as error:
        where, raising = signature_of(error)
        head = where.split(" (raised in ")[0]
        name = head.rsplit(" in ", 1)[-1] if " at " in head else "?"
        raise InvariantError(
            example,
            f"still running after {hang} s (interrupted in {raising})",
            f"hang in {name}",
            error,
        ) from None
    except Exception as error:
        where, raising = signature_of(error)
        summary = f"{type(error).__name__}: {_first_line(error)} (raised at {raising})"
        raise InvariantError(example, summary, where, error) from error
    if seconds > slow:
        again = _timed(example, hang, schema)
        if again > slow:
            raise InvariantError(
                example,
                f"took {seconds:.2f} s and {again:.2f} s (limit {slow} s)",
                f"slow {example.format or 'detected'} input",
                f"timings: {seconds:.3f} s, {again:.3f} s",
            )


def _first_line(error: BaseException) -> str:
    text = str(error).strip().splitlines()
    return text[0][:200] if text else ""


def _format(error: BaseException) -> str:
    tb: TracebackType | None = error.__traceback__
    return "".join(traceback.format_exception(type(error), error, tb))


@dataclass
class Checker:
    """Checks examples, counting them; failures with a signature in ``known`` are only counted.

    The JSON of one example in ``schema_every`` is checked against the published schema too
    (the models are checked for all): the schema check costs more than the parse.
    """

    target: str
    known: set[str] = field(default_factory=set)
    hang: float | None = HANG_SECONDS
    slow: float = SLOW_SECONDS
    schema_every: int = 10
    examples: int = 0
    known_hits: int = 0
    on_example: Callable[[Example], None] | None = None

    def check(self, example: Example) -> None:
        self.examples += 1
        if self.on_example is not None:
            self.on_example(example)
        try:
            schema = self.examples % self.schema_every == 1 or self.schema_every == 1
            check(example, slow=self.slow, hang=self.hang, schema=schema)
        except InvariantError as failure:
            if failure.signature in self.known:
                self.known_hits += 1
                return
            raise

    def fuzz_one(self, data: bytes) -> None:
        """The target function: any bytes, made into this target's example, checked."""
        self.check(example_of(self.target, data))
