"""Batch throughput: files per second and peak memory of ``weeknote-parse`` over a folder of
generated notes, with ``--jobs 1`` and ``--jobs 2`` (figures to read, not a timed test).

    python benchmarks/bench_batch.py               # 10,000 files
    python benchmarks/bench_batch.py --files 2000 --jobs 1 2 4

Each run is a fresh process (so its peak memory is its own): the command parses the folder
with ``--per note`` and writes JSON Lines to the null device. Peak memory is the maximum
resident set size of the main process and of the largest worker.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from weeknote_parser.testing import FILLER_WORDS as WORDS

SECTIONS = ["What went well", "Next week", "Things I learned", "Reading", "Worries"]


def _sentence(rng: random.Random) -> str:
    return "The " + " ".join(rng.choices(WORDS, k=rng.randint(4, 14))) + "."


def note_text(index: int, rng: random.Random) -> str:
    """A small invented weeknote: a title naming its week, an intro, sections, a list."""
    monday = dt.date(2015, 1, 5) + dt.timedelta(weeks=index % 520)
    year, week, _ = monday.isocalendar()
    parts = [f"Weeknote {week}.{year % 100:02d}: {' '.join(rng.choices(WORDS, k=3))}", ""]
    parts += [" ".join(_sentence(rng) for _ in range(rng.randint(1, 3))), ""]
    for heading in rng.sample(SECTIONS, k=rng.randint(1, 3)):
        parts += [heading, ""]
        if rng.random() < 0.5:
            parts += [f"- {' '.join(rng.choices(WORDS, k=rng.randint(1, 5)))}" for _ in range(3)]
        else:
            parts.append(_sentence(rng) + " See https://example.org/" + rng.choice(WORDS))
        parts.append("")
    return "\n".join(parts)


def generate(folder: Path, count: int) -> None:
    rng = random.Random(20240101)
    for index in range(count):
        sub = folder / f"{2015 + index % 10}"
        sub.mkdir(exist_ok=True)
        suffix = ".md" if index % 3 == 0 else ".txt"
        (sub / f"note-{index:05d}{suffix}").write_text(note_text(index, rng), encoding="utf-8")


def measure(folder: Path, jobs: int) -> dict[str, Any]:
    """Run the command once in a fresh process; its time, peak memory and note count."""
    script = (
        "import resource, sys, time\n"
        "from weeknote_parser.cli import main\n"
        "sys.argv = ['weeknote-parse', *sys.argv[1:]]\n"
        "start = time.perf_counter()\n"
        "try:\n"
        "    main()\n"
        "except SystemExit as stop:\n"
        "    code = stop.code\n"
        "took = time.perf_counter() - start\n"
        "me = resource.getrusage(resource.RUSAGE_SELF)\n"
        "kids = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
        "cpu = me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime\n"
        "print(f'{took} {me.ru_maxrss} {kids.ru_maxrss} {cpu} {code}', file=sys.stderr)\n"
    )
    args = [str(folder), "--per", "note", "--jobs", str(jobs), "--no-progress"]
    args += ["--today", "2026-01-01"]
    with open(os.devnull, "wb") as null:
        result = subprocess.run(
            [sys.executable, "-c", script, *args],
            stdout=null,
            stderr=subprocess.PIPE,
            check=False,
            timeout=1800,
        )
    lines = result.stderr.decode().splitlines()
    took, own, workers, cpu, code = lines[-1].split()
    if code not in ("0", "None"):
        raise SystemExit(f"the command failed ({code}): {lines[-2:]}")
    return {
        "seconds": float(took),
        "cpu_seconds": float(cpu),
        "main_mib": int(own) / 1024,
        "worker_mib": int(workers) / 1024,
        "tally": lines[-2],
    }


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--files", type=int, default=10_000)
    options.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    options.add_argument("--json", action="store_true", help="print the figures as JSON")
    settings = options.parse_args()
    figures = []
    with tempfile.TemporaryDirectory(prefix="bench-batch-") as folder:
        started = time.perf_counter()
        generate(Path(folder), settings.files)
        print(f"generated {settings.files} files in {time.perf_counter() - started:.1f} s")
        for jobs in settings.jobs:
            found = measure(Path(folder), jobs)
            rate = settings.files / found["seconds"]
            figures.append({"jobs": jobs, "files_per_second": round(rate, 1), **found})
            print(
                f"--jobs {jobs}: {found['seconds']:.1f} s ({found['cpu_seconds']:.1f} s of CPU), "
                f"{rate:.0f} files/s, peak memory "
                f"{found['main_mib']:.0f} MiB (main), {found['worker_mib']:.0f} MiB (largest "
                f"worker); {found['tally']}"
            )
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    print(f"({os.cpu_count()} cores, load average {load}, Python {sys.version.split()[0]})")
    if settings.json:
        print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
