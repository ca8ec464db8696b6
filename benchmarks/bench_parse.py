"""Throughput of text -> models -> JSON on a generated corpus, beside mistune on the same text.

Run: ``python benchmarks/bench_parse.py [--megabytes 10]``. Prints figures; asserts nothing.
The corpus is made from the project's own example notes (examples/text/*.txt), with their
week numbers varied so no two documents are the same.
"""

from __future__ import annotations

import argparse
import gc
import random
import time
import tracemalloc
from pathlib import Path

from weeknote_parser import ParseOptions, Parser, to_json

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "text"


def corpus(megabytes: float, seed: int = 7) -> list[str]:
    """Documents made from the example notes until they add up to ``megabytes``."""
    sources = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]
    rng = random.Random(seed)
    target = int(megabytes * 1_000_000)
    documents: list[str] = []
    size = 0
    while size < target:
        parts = rng.sample(sources, k=rng.randint(1, len(sources)))
        week = rng.randint(1, 52)
        text = "\n\n".join(parts).replace("14.23", f"{week}.23").replace("53.20", f"{week}.20")
        documents.append(text)
        size += len(text.encode("utf-8"))
    return documents


def best_of(runs: int, work: object) -> float:
    assert callable(work)
    times = []
    for _ in range(runs):
        gc.collect()
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__)
    options.add_argument("--megabytes", type=float, default=10.0)
    options.add_argument("--runs", type=int, default=3)
    args = options.parse_args()

    documents = corpus(args.megabytes)
    megabytes = sum(len(d.encode("utf-8")) for d in documents) / 1_000_000
    parser = Parser(ParseOptions(year=2023))

    def ours() -> None:
        for text in documents:
            to_json(parser.parse(text))

    ours_seconds = best_of(args.runs, ours)
    print(f"corpus: {len(documents)} documents, {megabytes:.2f} MB")
    print(
        f"weeknote-parser (text -> models -> JSON): {ours_seconds:.2f} s, "
        f"{megabytes / ours_seconds:.2f} MB/s"
    )

    # One document of growing size (an archive page of many notes): the time per megabyte
    # should stay about the same if nothing in the parser is worse than linear.
    for count in (100, 200, 400, 800):
        text = "\n\n".join(documents[:count])
        seconds = best_of(1, lambda text=text: to_json(parser.parse(text)))
        size = len(text.encode("utf-8")) / 1_000_000
        print(f"one document of {size:.2f} MB: {seconds:.2f} s, {size / seconds:.2f} MB/s")

    tracemalloc.start()
    to_json(parser.parse(max(documents, key=len)))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    print(f"peak memory parsing the largest document: {peak / 1_000_000:.1f} MB")

    try:
        import mistune
    except ImportError:
        print("mistune is not installed (pip install '.[bench]'): no comparison")
        return
    markdown = mistune.create_markdown(renderer=None)

    def theirs() -> None:
        for text in documents:
            markdown(text)

    mistune_seconds = best_of(args.runs, theirs)
    print(
        f"mistune {mistune.__version__} (text -> AST): {mistune_seconds:.2f} s, "
        f"{megabytes / mistune_seconds:.2f} MB/s"
    )
    print(f"ratio (mistune time / weeknote-parser time): {mistune_seconds / ours_seconds:.2f}x")


if __name__ == "__main__":
    main()
