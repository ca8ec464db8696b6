"""The Markdown reader's two engines, markdown-it-pyrs (Rust) and markdown-it-py, give the
same Documents; the pure-Python one is used whenever the Rust one cannot be, or is not
wanted."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from weeknote_parser import InputError, ParseOptions, Parser, to_json
from weeknote_parser.readers import markdown, markdown_native
from weeknote_parser.readers.markdown import ENGINE_ENVIRONMENT, engine, markdown_tokens

from .conftest import EXAMPLES, ROOT, SEEDS, TODAY
from .test_properties import FRAGMENTS, MARKUP

native = pytest.mark.skipif(not markdown_native.available(), reason="markdown-it-pyrs absent")
PARSER = Parser(ParseOptions(today=TODAY))
SHARED = ROOT.parent / "shared"
SUFFIXES = (".md", ".markdown", ".txt", ".html", ".xml", ".atom")
INPUTS = sorted(
    path
    for root in (EXAMPLES, ROOT / "tests", SEEDS, SHARED / "corpus" / "texts")
    if root.is_dir()
    for path in root.rglob("*")
    if path.is_file() and path.suffix in SUFFIXES
)
# Markdown's own constructs, for generated documents beside the plain-text lines.
MARKDOWN = [
    "- [x] done", "- [ ] open", "1) one", "2. two", "10. ten", "   * nested", "    - four",
    "\t- tab item", "1. a\n   - b\n     1. c", "- a\n\n  para in item", "- ", "+ plus",
    "| a | b |", "|---|---|", "| 1 | 2 |", "Text[^1] more", "[^1]: the note",
    "![alt *e*](http://i.png)", "[link](https://ex.org/a?b=c)", "<https://auto.link/x>",
    "[a [b] c](http://x)", "[foo]: /url 'title'", "[foo]", "<div>", "</div>", "<!-- c -->",
    "    code", "> > deep quote", "> - quoted item", "Setext", "===", "Title\n---", "***",
    "&amp; &copy;", "\\* escaped", "`code` span", "**bold** _em_", "*a **b* c**",
    "## H2 ##", "#hashtag", "<b>x</b> after", "~~~", "line with two spaces  ", "a\\",
    "<!doctype html>", "<!DOCTYPE html>", "<?php x ?>", "(1) paren", "1.5 not a list",
    "Weeknote 12.22", "# Week 3", "## Done", "Shipped https://bare.example/x today",
    "> a quote", ">", "> 1. one", "> # Heading", "```", "```js", "> ```",
]  # fmt: skip


def _json(text: str, name: str, engine_name: str, monkeypatch: pytest.MonkeyPatch) -> bytes | str:
    """The document's JSON, or the one-line error a bad input gives (bad front matter)."""
    monkeypatch.setenv(ENGINE_ENVIRONMENT, engine_name)
    try:
        return to_json(PARSER.parse_text(text, format="markdown", path=name))
    except InputError as error:
        return str(error)


@native
@pytest.mark.parametrize("path", INPUTS, ids=[p.name for p in INPUTS])
def test_both_engines_give_the_same_document(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = path.read_text(encoding="utf-8", errors="replace")
    python = _json(text, path.name, "python", monkeypatch)
    assert _json(text, path.name, "native", monkeypatch) == python


@native
@settings(max_examples=300, deadline=None, derandomize=True)  # CI: the same cases each run
@given(
    st.lists(
        st.one_of(st.sampled_from(FRAGMENTS + MARKUP + MARKDOWN), st.text(max_size=30)), max_size=30
    )
)
def test_both_engines_agree_on_generated_markdown(rows: list[str]) -> None:
    text = "\n".join(rows)
    with pytest.MonkeyPatch.context() as patch:
        python = _json(text, "x.md", "python", patch)
        assert _json(text, "x.md", "native", patch) == python


@native
def test_the_rust_engine_is_used_where_installed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENGINE_ENVIRONMENT, raising=False)
    assert engine() == "markdown-it-pyrs"
    assert all(isinstance(t, markdown_native.NativeToken) for t in markdown_tokens("# Hi\n\ntext"))


def test_the_environment_forces_markdown_it_py(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENGINE_ENVIRONMENT, "python")
    assert engine() == "markdown-it-py"
    assert not any(isinstance(t, markdown_native.NativeToken) for t in markdown_tokens("# Hi"))


def test_without_the_rust_engine_markdown_it_py_reads(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENGINE_ENVIRONMENT, raising=False)
    monkeypatch.setattr(markdown_native, "available", lambda: False)
    assert engine() == "markdown-it-py"
    assert PARSER.parse_text("# Weeknote 12.22\n\n- shipped", format="markdown").notes


@native
def test_a_failure_of_the_rust_engine_falls_back(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(body: str) -> list[markdown_native.NativeToken]:
        raise RuntimeError("engine failure")

    monkeypatch.setattr(markdown_native, "tokens", broken)
    tokens = markdown_tokens("# Hi\n\ntext", native=True)
    assert tokens and not isinstance(tokens[0], markdown_native.NativeToken)


@native
@pytest.mark.parametrize(
    "text",
    [
        "".join("  " * level + "- item\n" for level in range(3000)),  # the Rust engine's stack
        "> " * 5000 + "deep",
        "Text[^1]\n[^1]: a note",  # read differently by the two engines
        "An inline^[footnote] here",
        "<!doctype html>\n<p>x</p>",
        "> quoted\n10. ten",
        "See [`b and more",  # the Rust engine panics on it
        "Done _x_\u00a2 and 0_\u00a2",  # a symbol beside '_': newer CommonMark only
        "| a header\n---",  # a delimiter row without a pipe
    ],
    ids=[
        "deep-list",
        "deep-quote",
        "footnote",
        "inline-footnote",
        "doctype",
        "quote",
        "open-code",
        "symbol",
        "table",
    ],
)
def test_texts_the_engines_read_differently_go_to_markdown_it_py(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert markdown_native.too_deep(text)
    tokens = markdown_tokens(text, native=True)
    assert not isinstance(tokens[0], markdown_native.NativeToken)
    assert _json(text, "x.md", "native", monkeypatch) == _json(text, "x.md", "python", monkeypatch)


def test_one_markdown_it_instance_per_process() -> None:
    assert markdown._markdown_it() is markdown._markdown_it()


@native
def test_a_text_the_rust_engine_cannot_read_prints_nothing(tmp_path: Path) -> None:
    note = tmp_path / "note.md"
    note.write_text("# Weeknote 12.22\n\nSee [`b and [a`< here\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "weeknote_parser", str(note)],
        capture_output=True, check=False, timeout=60,
    )  # fmt: skip
    assert (result.returncode, result.stderr) == (0, b"")


def test_code_spans_open_at_the_end_of_a_line() -> None:
    assert markdown_native._opens_code("a `b")
    assert not markdown_native._opens_code("a `b` c")
    assert not markdown_native._opens_code("an escaped \\` tick")
    assert not markdown_native._opens_code("``a ` b``")
    assert not markdown_native._opens_code("`a \\` b")  # no escapes inside code: closed


def test_fenced_code_holds_no_code_spans() -> None:
    fenced = "See [the docs].\n\n```bash\necho `date\n```\n\nAfter.\n"
    assert not markdown_native._unclosed_code_after_bracket(fenced)
    tildes = "See [x].\n\n~~~~\na `b [c\n~~~~~\n"
    assert not markdown_native._unclosed_code_after_bracket(tildes)
    # Text after the fence is still read, and a fence that never closes is read as text.
    assert markdown_native._unclosed_code_after_bracket(fenced + "\nThen [`b here.\n")
    assert markdown_native._unclosed_code_after_bracket("See [x].\n\n```\na `b\n")
    # A shorter run, or one with text after it, does not close the fence: the later fence
    # does, and what is between them is code.
    assert not markdown_native._unclosed_code_after_bracket("[x]\n````\na\n```\n````\n")
    assert not markdown_native._unclosed_code_after_bracket("[x]\n```\na\n``` no\n```\n")
    # Blocks one after another: each closing fence ends its own block only.
    back_to_back = "[x]\n```js\na `b\n```\n```\nc `d\n```\n"
    assert not markdown_native._unclosed_code_after_bracket(back_to_back)
    assert markdown_native._unclosed_code_after_bracket(back_to_back + "e `f\n")
    # An indented fence (in a list item) is read as text, as before.
    assert markdown_native._unclosed_code_after_bracket("- [x]\n\n  ```\n  a `b\n  ```\n")


@native
def test_a_text_with_fenced_code_is_read_by_the_rust_engine() -> None:
    text = "# Weeknote 3.25\n\nSee [the docs](https://example.org).\n\n```js\nlet a = `b`;\n```\n"
    assert not markdown_native.too_deep(text)


@native
def test_a_quote_with_no_lazy_line_after_it_is_read_by_the_rust_engine() -> None:
    assert not markdown_native.too_deep("Intro\n\n> a quote\n> more\n\nAfter it.\n")
    assert not markdown_native.too_deep("> a quote\n>\n> - an item\n")
    assert markdown_native.too_deep("> a quote\nlazy line\n")
    # What the engines read differently is looked for in quotes too.
    assert markdown_native.too_deep("> a line\n> [^1]: a note right below it\n")
    assert markdown_native.too_deep("> | a |\n> |---|\n")


@native
def test_a_footnote_below_a_blank_line_is_read_by_the_rust_engine() -> None:
    assert not markdown_native.too_deep("Shipped it[^1].\n\n[^1]: Nearly.\n")
    assert not markdown_native.too_deep("> Quoted[^q].\n>\n> [^q]: In the quote.\n")
    # Right below a line, a definition may interrupt it in one engine and not the other.
    assert markdown_native.too_deep("Shipped it[^1].\n[^1]: Nearly.\n")
    assert markdown_native.too_deep("A[^1] b[^2].\n\n[^1]: One.\n[^2]: Two.\n")
