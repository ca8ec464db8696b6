"""Fuzz the parser: ``python -m tests.fuzz --budget SECONDS [--format F ...]``.

Runs every target (text, markdown, html, feed, bytes) for its share of the budget, with
atheris when it is installed (coverage-guided) and hypothesis otherwise; prints each target's
example count and, for each distinct failure, a minimal reproducer and its traceback. Exits 1
when anything failed, 2 on bad usage. Run from the project root. See tests/fuzz/README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .engine import ROOT, Found, Result, atheris_available, seed_corpus
from .targets import HANG_SECONDS, TARGETS

# With --engine auto, atheris is used (when installed) from this many seconds a target.
ATHERIS_FROM_SECONDS = 120.0
_RUNS = re.compile(r"^(?:Done (\d+) runs|#(\d+)\s)", re.M)


def _child(command: list[str], timeout: float, log: Path) -> tuple[int | None, float]:
    """Run a child from the project root; (exit code or None if killed at ``timeout``, time)."""
    start = time.monotonic()
    with log.open("wb") as output:
        process = subprocess.Popen(
            [sys.executable, *command],
            cwd=ROOT,
            stdout=output,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
        try:
            code: int | None = process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
            code = None
    return code, time.monotonic() - start


def _tail(path: Path, lines: int = 15) -> str:
    text = path.read_text(encoding="utf-8", errors="replace") if path.exists() else ""
    return "\n".join(text.rstrip().splitlines()[-lines:])


def hypothesis_target(target: str, seconds: float, shrink: float, work: Path) -> Result:
    """Search one target in a child; a child that dies or must be killed is a failure too."""
    known, result, current, log = (work / f"{target}.{n}" for n in ("known", "json", "cur", "log"))
    known.write_text("[]", encoding="utf-8")
    command = ["-m", "tests.fuzz.child", "search", target, str(seconds), str(shrink)]
    command += [str(known), str(result), str(current)]
    code, spent = _child(command, seconds + 2 * shrink + HANG_SECONDS + 30, log)
    found = Result.from_json(result.read_text(encoding="utf-8")) if result.exists() else None
    if code == 0 and found is not None:
        return found
    outcome = found or Result(target, "hypothesis", seconds=spent, found=[])
    if code is None:
        last = current.read_text(encoding="utf-8", errors="replace") if current.exists() else ""
        outcome.problem = f"killed after {spent:.0f} s; it was checking:\n{last[:2000]}"
    else:
        outcome.problem = f"child exited with {code}:\n{_tail(log)}"
    return outcome


def atheris_target(
    target: str, seconds: float, shrink: float, work: Path, corpus: Path | None
) -> Result:
    """Run libFuzzer on one target; after each saved input, replay and shrink it, then go on
    with that failure let pass, until the target's time is spent."""
    start = time.monotonic()
    corpus_dir = (corpus / target) if corpus else work / f"{target}-corpus"
    corpus_dir.mkdir(parents=True, exist_ok=True)
    seed_corpus(target, corpus_dir, generated=int(min(200, 10 * seconds)))
    artifacts = work / f"{target}-artifacts"
    artifacts.mkdir(exist_ok=True)
    known_file, log = work / f"{target}.known", work / f"{target}.log"
    known: list[str] = []
    total = Result(target, "atheris", found=[])
    assert total.found is not None
    for _restart in range(20):
        left = int(seconds - (time.monotonic() - start))
        if left < 1:
            break
        known_file.write_text(json.dumps(known), encoding="utf-8")
        arguments = [
            f"-max_total_time={left}",
            f"-timeout={int(HANG_SECONDS * 3)}",  # instrumented code is slower
            "-rss_limit_mb=3072",
            "-max_len=16384",
            f"-artifact_prefix={artifacts}/",
            str(corpus_dir),
        ]
        before = set(artifacts.iterdir())
        counted = work / f"{target}.count"
        counted.write_text("0", encoding="utf-8")
        command = ["-m", "tests.fuzz.atheris_child", target, str(known_file), str(counted)]
        code, _spent = _child([*command, *arguments], left + 60, log)
        output = log.read_text(encoding="utf-8", errors="replace")
        runs = [int(a or b) for a, b in _RUNS.findall(output)]
        total.examples += max([*runs, int(counted.read_text(encoding="utf-8") or 0)])
        saved = sorted(set(artifacts.iterdir()) - before)
        if code == 0 and not saved:
            break
        if not saved:
            total.problem = f"libFuzzer exited with {code} and saved nothing:\n{_tail(log)}"
            break
        for path in saved:
            replayed = _replay(target, path, shrink, work)
            for found in replayed.found or []:
                total.found.append(found)
                known.append(found.signature)
            if not replayed.found:
                kind = path.name.split("-")[0]
                total.problem = (
                    f"libFuzzer saved a {kind} input that passes when replayed:"
                    f" {_clipped(repr(path.read_bytes()))}\n{_tail(log, 25)}"
                )
    total.seconds = time.monotonic() - start
    return total


def _replay(target: str, path: Path, shrink: float, work: Path) -> Result:
    result, log = work / f"{target}.replay.json", work / f"{target}.replay.log"
    command = ["-m", "tests.fuzz.child", "replay", target, str(path), str(shrink), str(result)]
    code, _ = _child(command, shrink + 2 * HANG_SECONDS + 30, log)
    if code == 0 and result.exists():
        return Result.from_json(result.read_text(encoding="utf-8"))
    # The input kills or hangs the interpreter itself: report it as it was saved.
    value = path.read_bytes()
    summary = "the interpreter died or hung on it" + (f" (exit {code})" if code else "")
    found = Found(target, f"crash {path.name}", summary, _tail(log), None, repr(value), len(value))
    return Result(target, "replay", found=[found])


SHOWN = 300  # characters of an input shown in the report (the rows file has it all)


def _clipped(text: str) -> str:
    return text if len(text) <= SHOWN else f"{text[:SHOWN]}... ({len(text)} characters)"


def row(found: Found) -> str:
    """The failure as a row of tests/fuzz/regressions.py."""
    example = found.example()
    return f"Case({case_name(found)!r}, {example.format!r}, {example.value!r}),"


def report(found: Found) -> str:
    """A failure as printed: what raised, a line that reproduces it, a regression-table row."""
    example = found.example()
    frames = [
        line.strip()
        for line in found.details.splitlines()
        if line.lstrip().startswith("File ") and "/tests/fuzz/" not in line
    ]
    where = f"\n    first frame: {frames[0]}\n    last frame:  {frames[-1]}" if frames else ""
    return (
        f"FAIL [{found.target}] {found.summary}\n"
        f"    signature: {found.signature}\n"
        f"    minimal input ({len(example.value)} of {found.original_size}):"
        f" {_clipped(example.call())}{where}\n"
        f"    regression row: {_clipped(row(found))}\n"
        + "\n".join("    | " + _clipped(line) for line in found.details.rstrip().splitlines()[-12:])
    )


def case_name(found: Found) -> str:
    """A name for the regression table: the target, the exception and where it was raised."""
    head = found.signature.split(" (")[0]
    words = re.findall(r"[A-Za-z]+", head.split(" at ")[0])
    function = head.rsplit(" in ", 1)[-1] if " in " in head else ""
    return "-".join([found.target, *words[:2], function.strip("_")]).lower().strip("-")


def arguments() -> argparse.ArgumentParser:
    options = argparse.ArgumentParser(prog="python -m tests.fuzz", description=__doc__)
    options.add_argument("--budget", type=float, default=60.0, help="seconds in all")
    options.add_argument("--format", nargs="+", choices=TARGETS, help="targets (default: all)")
    options.add_argument("--engine", choices=("auto", "atheris", "hypothesis"), default="auto")
    options.add_argument("--corpus", type=Path, help="atheris corpus folder (one per target)")
    options.add_argument(
        "--shrink-seconds", type=float, default=20.0, help="time to shrink each failure"
    )
    options.add_argument("--rows", type=Path, help="write a regression row per failure here")
    return options


def main(argv: list[str] | None = None) -> int:
    args = arguments().parse_args(argv)
    targets: list[str] = args.format or list(TARGETS)
    share = args.budget / len(targets)
    engine = args.engine
    if engine == "auto":
        # atheris spends seconds instrumenting at each start: worth it for long runs only.
        long_run = share >= ATHERIS_FROM_SECONDS
        engine = "atheris" if long_run and atheris_available() else "hypothesis"
    elif engine == "atheris" and not atheris_available():
        print("fuzz: atheris is not installed (pip install atheris)", file=sys.stderr)
        return 2
    print(f"fuzz: {engine}, {share:.0f} s for each of {', '.join(targets)}", flush=True)
    results: list[Result] = []
    with tempfile.TemporaryDirectory(prefix="weeknote-fuzz-") as scratch:
        work = Path(scratch)
        for target in targets:
            if engine == "atheris":
                result = atheris_target(target, share, args.shrink_seconds, work, args.corpus)
            else:
                result = hypothesis_target(target, share, args.shrink_seconds, work)
            results.append(result)
            rate = result.examples / result.seconds if result.seconds else 0.0
            print(
                f"{target:<9} {result.examples:>8} examples in {result.seconds:5.1f} s"
                f" ({rate:.0f}/s), {len(result.found or [])} failure(s)"
                + (f", {result.known_hits} repeat(s)" if result.known_hits else "")
                + (" -- PROBLEM" if result.problem else ""),
                flush=True,
            )
    failed = False
    for result in results:
        for failure in result.found or []:
            failed = True
            print("\n" + report(failure))
        if result.problem:
            failed = True
            print(f"\nPROBLEM [{result.target}] {result.problem}")
    total = sum(r.examples for r in results)
    print(f"\nfuzz: {total} examples, {'FAILED' if failed else 'no failures'}")
    if args.rows is not None:
        rows = [row(found) for result in results for found in result.found or []]
        args.rows.write_text("".join(f"{line}\n" for line in rows), encoding="utf-8")
        print(f"fuzz: {len(rows)} regression row(s) written to {args.rows}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
