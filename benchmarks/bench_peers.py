"""Throughput beside the peers: weeknote-parser, mistune 3 and markdown-it-py on the same text.

Run: ``python benchmarks/bench_peers.py [--quick] [--shared ../shared]``. Prints tables; asserts
nothing. Every contender runs in the same process, in interleaved rounds (the order rotates from
round to round), so a slow moment of a shared machine falls on all of them alike.

What is measured for each corpus:

* ours: ``weeknote_parser.parse(text, format=...)`` then ``to_json`` (text -> models -> JSON);
* mistune: ``mistune.create_markdown(renderer=None)`` (text -> its AST);
* markdown-it-py: ``MarkdownIt("commonmark").parse`` (text -> its tokens);
* floor: what any parser of these lines pays (read, ``splitlines``, one regex search per line);
* models: our Document model's validation and JSON on our own output, alone.

Each table gives min and median MB/s over the rounds and, for ours, the median of the paired
ratios (mistune's time / ours in the same round). Then: time per MB as one document grows
(10 KB -> 10 MB, 10k -> 100k list items), the CLI's start-up beside ``python -c pass`` and the
bare imports, HTML and feeds beside lxml (and trafilatura when installed), Markdown memory, and a
profile of our own time by module. Corpora under ``--shared`` are skipped, with a note, when it
is absent.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import os
import pstats
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import weeknote_parser
from weeknote_parser import to_json
from weeknote_parser.models import Document

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
BIG = 10_000_000  # the size of a "joined" corpus: one document made by repeating the texts
Work = Callable[[], object]


# -- corpora ---------------------------------------------------------------------------------
@dataclass
class Corpus:
    name: str
    format: str  # ours: 'text', 'markdown', 'html' or 'feed'
    documents: list[str]
    peers: bool = True  # mistune and markdown-it-py read it too (Markdown and plain text)

    @property
    def megabytes(self) -> float:
        return sum(len(d.encode("utf-8")) for d in self.documents) / 1_000_000


def _read(paths: Sequence[Path]) -> list[str]:
    return [p.read_text(encoding="utf-8", errors="replace") for p in paths]


def repeated(texts: Sequence[str], size: int) -> list[str]:
    """``texts`` repeated, in order, until they add up to ``size`` bytes."""
    out: list[str] = []
    total = 0
    while texts and total < size:
        for text in texts:
            out.append(text)
            total += len(text.encode("utf-8"))
            if total >= size:
                break
    return out


def joined(texts: Sequence[str], size: int) -> str:
    """One document of about ``size`` bytes: ``texts`` repeated, a blank line between them."""
    return "\n\n".join(repeated(texts, size))


def both(name: str, fmt: str, texts: list[str], size: int) -> list[Corpus]:
    """The texts joined into one document of ``size`` bytes, and as that many small ones."""
    if not texts:
        return []
    return [
        Corpus(f"{name}, joined", fmt, [joined(texts, size)]),
        Corpus(f"{name}, small docs", fmt, repeated(texts, size)),
    ]


def corpora(shared: Path | None, size: int, bench_megabytes: float) -> list[Corpus]:
    found: list[Corpus] = []
    if shared is not None:
        found += both("seeds (5 .txt)", "text", _read(sorted(shared.glob("seeds/*.txt"))), size)
        found += both(
            "shared corpus .txt", "text", _read(sorted(shared.glob("corpus/texts/*.txt"))), size
        )
    from benchmarks.bench_parse import corpus as bench_corpus

    found.append(Corpus("bench_parse corpus", "text", bench_corpus(bench_megabytes)))
    found += both(
        "examples/markdown", "markdown", _read(sorted(EXAMPLES.glob("markdown/**/*.md"))), size
    )
    if shared is not None:
        found += both(
            "shared corpus .md", "markdown", _read(sorted(shared.glob("corpus/texts/*.md"))), size
        )
    return found


def markup_corpora(shared: Path | None, size: int) -> list[Corpus]:
    html = sorted(EXAMPLES.glob("html/*.html"))
    feeds = sorted(p for p in EXAMPLES.glob("feeds/*") if p.suffix in (".xml", ".atom", ".rss"))
    if shared is not None:
        html += sorted(shared.glob("corpus/texts/*.html"))
        feeds += sorted(shared.glob("corpus/texts/*.xml"))
    return [
        Corpus("HTML pages", "html", repeated(_read(html), size), peers=False),
        Corpus("feeds", "feed", repeated(_read(feeds), size), peers=False),
    ]


# -- contenders ------------------------------------------------------------------------------
def ours(documents: Sequence[str], fmt: str) -> Work:
    parse = weeknote_parser.parse

    def run() -> None:
        for text in documents:
            to_json(parse(text, format=fmt))  # type: ignore[arg-type]

    return run


def mistune_work(documents: Sequence[str]) -> Work | None:
    try:
        import mistune
    except ImportError:
        return None
    markdown = mistune.create_markdown(renderer=None)

    def run() -> None:
        for text in documents:
            markdown(text)

    return run


def markdown_it_work(documents: Sequence[str]) -> Work | None:
    try:
        from markdown_it import MarkdownIt
    except ImportError:
        return None
    parser = MarkdownIt("commonmark")

    def run() -> None:
        for text in documents:
            parser.parse(text)

    return run


_WORD = re.compile(r"\d")


def floor_work(documents: Sequence[str]) -> Work:
    """Read every line and search it once: no parser of these lines can do less."""
    search = _WORD.search

    def run() -> None:
        for text in documents:
            for line in text.encode("utf-8").decode("utf-8").splitlines():
                search(line)

    return run


def models_work(documents: Sequence[str], fmt: str) -> Work:
    """Our model's validation and JSON alone, on the data of our own output."""
    data = [
        weeknote_parser.parse(text, format=fmt).model_dump()  # type: ignore[arg-type]
        for text in documents
    ]
    validate = Document.model_validate

    def run() -> None:
        for item in data:
            to_json(validate(item))

    return run


# -- timing ----------------------------------------------------------------------------------
@dataclass
class Timings:
    seconds: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))


def interleaved(works: dict[str, Work], rounds: int) -> dict[str, list[float]]:
    """Each work once per round, the order rotating from round to round; seconds per run."""
    names = list(works)
    times: dict[str, list[float]] = {name: [] for name in names}
    for name in names:  # warm up: imports, caches, first-use compilation
        works[name]()
    for round_ in range(rounds):
        order = names[round_ % len(names) :] + names[: round_ % len(names)]
        for name in order:
            gc.collect()
            start = time.perf_counter()
            works[name]()
            times[name].append(time.perf_counter() - start)
    return times


def throughput_table(corpus: Corpus, rounds: int) -> dict[str, float]:
    """Print a table for ``corpus``; return the median paired ratios of ours vs each peer."""
    works: dict[str, Work] = {"ours": ours(corpus.documents, corpus.format)}
    if corpus.peers:
        for name, make in (("mistune", mistune_work), ("markdown-it-py", markdown_it_work)):
            work = make(corpus.documents)
            if work is not None:
                works[name] = work
    works["floor"] = floor_work(corpus.documents)
    works["models"] = models_work(corpus.documents, corpus.format)
    times = interleaved(works, rounds)
    megabytes = corpus.megabytes
    print(
        f"\n## {corpus.name}: {len(corpus.documents)} document(s), {megabytes:.2f} MB, "
        f"{rounds} rounds"
    )
    print(f"{'':16} {'min MB/s':>9} {'median MB/s':>12} {'ours vs it':>11}")
    ratios: dict[str, float] = {}
    for name, seconds in times.items():
        paired = ""
        if name != "ours":
            ratio = statistics.median(t / o for t, o in zip(seconds, times["ours"], strict=True))
            ratios[name] = ratio
            paired = f"{ratio:10.2f}x"
        print(
            f"{name:16} {megabytes / max(seconds):9.2f} "
            f"{megabytes / statistics.median(seconds):12.2f} {paired:>11}"
        )
    return ratios


def per_mb(label: str, make: Callable[[int], str], sizes: Sequence[int], fmt: str) -> None:
    """Time per MB of one growing document (best of a few runs each)."""
    print(f"\n## time per MB as one document grows: {label}")
    results = []
    for size in sizes:
        text = make(size)
        megabytes = len(text.encode("utf-8")) / 1_000_000
        runs = max(2, min(5, int(2 / max(megabytes, 0.01))))  # one run is too exposed
        work = ours([text], fmt)
        best = min(_timed(work) for _ in range(runs))
        results.append(best / megabytes)
        print(f"{size:>10,} -> {megabytes:7.3f} MB: {best:7.3f} s, {best / megabytes:6.3f} s/MB")
    print(f"growth of s/MB, largest vs smallest: {results[-1] / results[0]:.2f}x")


def _timed(work: Work) -> float:
    gc.collect()
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def list_document(items: int) -> str:
    return "Weeknote 12.23\n\nDone:\n\n" + "\n".join(
        f"- item {n}: shipped the {n % 7} thing" for n in range(items)
    )


# -- markup ----------------------------------------------------------------------------------
def markup_table(corpus: Corpus, rounds: int) -> None:
    works: dict[str, Work] = {"ours": ours(corpus.documents, corpus.format)}
    try:
        import lxml.etree
        import lxml.html
    except ImportError:
        pass
    else:
        data = [d.encode("utf-8") for d in corpus.documents]
        if corpus.format == "html":

            def lxml_html() -> None:
                for item in data:
                    lxml.html.document_fromstring(item)

            works["lxml (parse only)"] = lxml_html
        else:
            xml_parser = lxml.etree.XMLParser(recover=True, resolve_entities=False)

            def lxml_xml() -> None:
                for item in data:
                    lxml.etree.fromstring(item, xml_parser)

            works["lxml (parse only)"] = lxml_xml
    try:
        import trafilatura  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        trafilatura = None
    if trafilatura is not None and corpus.format == "html":

        def extract() -> None:
            for text in corpus.documents:
                trafilatura.extract(text)

        works["trafilatura.extract"] = extract
    times = interleaved(works, rounds)
    megabytes = corpus.megabytes
    print(f"\n## {corpus.name}: {len(corpus.documents)} documents, {megabytes:.2f} MB")
    for name, seconds in times.items():
        print(
            f"{name:22} min {megabytes / max(seconds):7.2f} MB/s, "
            f"median {megabytes / statistics.median(seconds):7.2f} MB/s"
        )
    if trafilatura is None and corpus.format == "html":
        print("(trafilatura is not installed: not compared)")


def markdown_memory(texts: Sequence[str]) -> None:
    """Peak Python memory (tracemalloc) of a Markdown parse, with each engine. The Rust
    engine's own tree is outside Python's allocator: the process's peak RSS is shown too."""
    from weeknote_parser.readers import markdown

    try:
        from weeknote_parser.readers import markdown_native
    except ImportError:  # a version with markdown-it-py only
        markdown_native = None  # type: ignore[assignment]
    if markdown_native is None:
        plain = list(texts)
    else:
        plain = [t for t in texts if not markdown_native.too_deep("\n".join(t.splitlines()))]
    text = joined(plain or texts, 300_000)
    size = len(text.encode("utf-8"))
    print(f"\n## Markdown memory, parsing {size / 1e6:.2f} MB (peak, tracemalloc)")
    for name in ("python", "native"):
        if name == "native" and (markdown_native is None or not markdown_native.available()):
            print("  markdown-it-pyrs: not installed, or not used by this version")
            continue
        os.environ["WEEKNOTE_PARSER_MARKDOWN"] = name
        gc.collect()
        tracemalloc.start()
        document = weeknote_parser.parse(text, format="markdown")
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        del document
        engine = getattr(markdown, "engine", lambda: "markdown-it-py")()
        print(f"  {engine:17} {peak / 1e6:6.1f} MB, {peak / size:4.0f}x the text")
    os.environ.pop("WEEKNOTE_PARSER_MARKDOWN", None)
    try:
        import resource
    except ImportError:
        return
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3
    print(f"  process peak RSS so far: {rss:.0f} MB")


# -- start-up --------------------------------------------------------------------------------
def startup(rounds: int) -> None:
    print(f"\n## CLI start-up (median of {rounds} interleaved runs, bytecode cached)")
    script = shutil.which("weeknote-parse")
    with tempfile.TemporaryDirectory() as folder:
        small = Path(folder) / "small.txt"
        small.write_text("Weeknote 12.23\n\nShipped the thing.\n", encoding="utf-8")
        base = [sys.executable]
        cli = [script] if script else [sys.executable, "-m", "weeknote_parser"]
        one_model = (
            "import pydantic, click, orjson, regex\n"
            "class M(pydantic.BaseModel):\n    x: int\nM(x=1)"
        )
        commands = {
            "python -c pass": [*base, "-c", "pass"],
            "import set": [*base, "-c", "import pydantic, click, orjson, regex"],
            "import set + one model": [*base, "-c", one_model],
            "weeknote-parse small.txt": [*cli, str(small)],
            "weeknote-parse --version": [*cli, "--version"],
            "weeknote-parse --help": [*cli, "--help"],
        }
        # As installed: a package's bytecode is cached (pip compiles it), so the first round
        # writes what an editable install or PYTHONDONTWRITEBYTECODE would leave uncompiled.
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        times: dict[str, list[float]] = {name: [] for name in commands}
        for round_ in range(rounds + 1):
            for name, argv in commands.items():
                start = time.perf_counter()
                subprocess.run(argv, stdout=subprocess.DEVNULL, check=True, env=env)
                if round_:  # the first round warms the file cache
                    times[name].append(time.perf_counter() - start)
        imports = statistics.median(times["import set"])
        for name, seconds in times.items():
            median = statistics.median(seconds)
            print(f"{name:26} {median * 1000:7.1f} ms  {median / imports:5.2f}x the import set")
        if shutil.which("hyperfine"):
            subprocess.run(
                ["hyperfine", "-N", "--warmup", "3", *(shlex.join(a) for a in commands.values())],
                check=False,
            )
        else:
            print("(hyperfine is not installed: the loop above only)")


# -- profile ---------------------------------------------------------------------------------
def profile(label: str, work: Work, top: int) -> None:
    profiler = cProfile.Profile()
    profiler.enable()
    work()
    profiler.disable()
    stats = pstats.Stats(profiler)
    raw = stats.stats  # type: ignore[attr-defined]
    total = sum(row[2] for row in raw.values()) or 1.0
    by_module: dict[str, float] = defaultdict(float)
    by_function: list[tuple[float, str]] = []
    for (filename, line, function), row in raw.items():
        module = _module(filename)
        by_module[module] += row[2]
        by_function.append((row[2], f"{module}:{line}({function})"))
    print(f"\n## profile: {label} (own time, {total:.2f} s under cProfile)")
    for module, seconds in sorted(by_module.items(), key=lambda kv: -kv[1])[:top]:
        print(f"  {100 * seconds / total:5.1f}%  {module}")
    print("  top functions:")
    for seconds, name in sorted(by_function, reverse=True)[:top]:
        print(f"  {100 * seconds / total:5.1f}%  {name}")


def _module(filename: str) -> str:
    if filename.startswith("~") or filename.startswith("<"):
        return "(built-in)"
    path = Path(filename)
    parts = path.with_suffix("").parts
    for anchor in ("weeknote_parser", "markdown_it", "mdit_py_plugins", "pydantic", "mistune"):
        if anchor in parts:
            return ".".join(parts[parts.index(anchor) :])
    return path.stem


# -- main ------------------------------------------------------------------------------------
def arguments() -> argparse.ArgumentParser:
    options = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    options.add_argument("--quick", action="store_true", help="small corpora, few rounds (<60 s)")
    options.add_argument(
        "--shared", type=Path, default=ROOT.parent / "shared", help="the shared corpora"
    )
    options.add_argument("--rounds", type=int, default=None, help="rounds per table")
    options.add_argument(
        "--megabytes", type=float, default=None, help="size of each corpus (default 10; 0.1 quick)"
    )
    options.add_argument("--no-startup", action="store_true", help="skip the CLI start-up")
    options.add_argument("--no-profile", action="store_true", help="skip the profile")
    options.add_argument("--only", default="", help="run only tables whose name holds this")
    return options


def main() -> None:
    args = arguments().parse_args()
    quick = args.quick
    rounds = args.rounds or (3 if quick else 7)
    size = int(args.megabytes * 1_000_000) if args.megabytes else (100_000 if quick else BIG)
    shared: Path | None = args.shared
    if shared is not None and not shared.is_dir():
        print(f"note: {shared} is absent: the shared corpora are skipped")
        shared = None
    sys.path.insert(0, str(ROOT))
    print(f"weeknote-parser {weeknote_parser.__version__}, Python {sys.version.split()[0]}")
    print(f"native Markdown: {_markdown_engine()}")
    summary: list[tuple[str, float]] = []
    for corpus in corpora(shared, size, 0.1 if quick else 3.0):
        if args.only.lower() not in corpus.name.lower():
            continue
        ratios = throughput_table(corpus, rounds)
        if "mistune" in ratios:
            summary.append((corpus.name, ratios["mistune"]))
    if not args.only:
        for corpus in markup_corpora(shared, 100_000 if quick else 3_000_000):
            if corpus.documents:
                markup_table(corpus, rounds)
        md = _read(sorted(EXAMPLES.glob("markdown/**/*.md")))
        markdown_memory(md)
        texts = _read(sorted(EXAMPLES.glob("text/*.txt")))
        top = 100_000 if quick else 10_000_000
        sizes = [s for s in (10_000, 100_000, 1_000_000, 10_000_000) if s <= top]
        per_mb("text (examples/text joined)", lambda s: joined(texts, s), sizes, "text")
        per_mb("Markdown (examples joined)", lambda s: joined(md, s), sizes, "markdown")
        items = (1_000, 5_000) if quick else (10_000, 100_000)
        per_mb("list items", list_document, items, "text")
        if not args.no_startup:
            startup(3 if quick else 20)
    if summary:
        print("\n## ours vs mistune (median paired ratio; >1: ours is faster)")
        for name, ratio in summary:
            print(f"  {ratio:5.2f}x  {name}")
    if not args.no_profile and not args.only:
        seeds = _read(sorted(shared.glob("seeds/*.txt"))) if shared else []
        texts = seeds or _read(sorted(EXAMPLES.glob("text/*.txt")))
        text = joined(texts, 100_000 if quick else 2_000_000)
        profile("plain text", ours([text], "text"), 15)
        small = repeated(md, 100_000 if quick else 1_000_000)
        profile("Markdown, small docs", ours(small, "markdown"), 15)


def _markdown_engine() -> str:
    from weeknote_parser.readers import markdown

    engine = getattr(markdown, "engine", None)
    return str(engine()) if callable(engine) else "markdown-it-py"


if __name__ == "__main__":
    if os.environ.get("PYTHONHASHSEED") is None:
        os.environ["PYTHONHASHSEED"] = "0"  # the subprocesses of the start-up table
    main()
