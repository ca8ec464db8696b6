"""Batch inputs: folders walked, patterns expanded, path lists, what is skipped, and the order."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from weeknote_parser.cli import EXIT_INPUT_ERROR, EXIT_OK, EXIT_USAGE, command
from weeknote_parser.discover import Globs, discover, looks_binary

NOTE = "Weeknote 3.2021\n\nA quiet week.\n"


def run(*args: str, stdin: bytes | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(command, list(args), input=stdin)
    return result.exit_code, result.stdout, result.stderr


def sources(out: str) -> list[str]:
    return [json.loads(line)["source"]["path"] for line in out.splitlines()]


def write(path: Path, text: str = NOTE) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A static site's content folder: notes in several formats, with furniture around."""
    root = tmp_path / "content"
    write(root / "2021" / "b.md", "# Weeknote 3.2021\n\nText.\n")
    write(root / "2021" / "a.txt")
    write(root / "2020" / "z.html", "<h1>Weeknote 50.2020</h1><p>Text.</p>")
    write(root / "index.md", "# Weeknote 4.2021\n\nText.\n")
    write(root / "data.json", "{}")
    write(root / ".obsidian" / "hidden.md")
    write(root / ".draft.md")
    (root / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (root / "2021" / "binary.md").write_bytes(b"Weeknote\x00\x01\x02")
    return root


def test_a_folder_is_walked_in_sorted_order_and_furniture_is_skipped(site: Path) -> None:
    code, out, err = run(str(site))
    assert code == EXIT_OK, err
    assert sources(out) == [
        str(site / "2020" / "z.html"),
        str(site / "2021" / "a.txt"),
        str(site / "2021" / "b.md"),
        str(site / "index.md"),
    ]
    # data.json, image.png, binary.md, .obsidian/ and .draft.md
    assert err.splitlines()[-1] == "parsed 4 files (4 notes), 0 failed, 5 skipped, 0 warnings"


def test_no_recursive_reads_only_the_folders_own_files(site: Path) -> None:
    code, out, _ = run(str(site), "--no-recursive")
    assert code == EXIT_OK
    assert sources(out) == [str(site / "index.md")]


def test_include_replaces_the_known_extensions(site: Path) -> None:
    write(site / "notes.mdx", "# Weeknote 5.2021\n\nText.\n")
    out = run(str(site), "--include", "*.mdx", "--include", "a.*")[1]
    assert sources(out) == [str(site / "2021" / "a.txt"), str(site / "notes.mdx")]


def test_exclude_skips_files_and_whole_folders(site: Path) -> None:
    out = run(str(site), "--exclude", "2021", "--exclude", "*.html")[1]
    assert sources(out) == [str(site / "index.md")]
    out = run(str(site), "--exclude", "2021/b.md")[1]
    assert str(site / "2021" / "b.md") not in sources(out)
    assert str(site / "2021" / "a.txt") in sources(out)


def test_a_named_binary_file_is_still_an_error_but_a_found_one_is_skipped(site: Path) -> None:
    binary = site / "2021" / "binary.md"
    code, _, err = run(str(binary))
    assert code == EXIT_INPUT_ERROR
    assert "binary file" in err
    code, out, _ = run(str(site / "2021"))
    assert code == EXIT_OK
    assert str(binary) not in sources(out)


def test_a_quoted_pattern_is_expanded_recursively_and_sorted(site: Path) -> None:
    code, out, _ = run(str(site / "**" / "*.md"))
    assert code == EXIT_OK
    assert sources(out) == [str(site / "2021" / "b.md"), str(site / "index.md")]
    assert sources(run(str(site / "*" / "*.txt"))[1]) == [str(site / "2021" / "a.txt")]


def test_a_pattern_that_matches_nothing_is_an_error_and_the_rest_go_on(site: Path) -> None:
    pattern = str(site / "*.rst")
    code, out, err = run(pattern, str(site / "index.md"))
    assert code == EXIT_INPUT_ERROR
    assert f"Error: {pattern}: no file matches this pattern" in err.splitlines()
    assert sources(out) == [str(site / "index.md")]


def test_named_files_keep_their_order_and_a_file_found_twice_is_read_once(site: Path) -> None:
    index, text = site / "index.md", site / "2021" / "a.txt"
    assert sources(run(str(index), str(text))[1]) == [str(index), str(text)]
    out = run(str(index), str(site))[1]
    assert sources(out).count(str(index)) == 1
    assert sources(run(str(index), str(index))[1]) == [str(index), str(index)]


def test_files_from_a_list_and_from_stdin(site: Path, tmp_path: Path) -> None:
    listing = tmp_path / "list.txt"
    listing.write_text(f"{site / 'index.md'}\n\n{site / '2021'}\r\n", encoding="utf-8")
    code, out, _ = run("--files-from", str(listing))
    assert code == EXIT_OK
    expected = [str(site / "index.md"), str(site / "2021" / "a.txt"), str(site / "2021" / "b.md")]
    assert sources(out) == expected
    code, out, _ = run("--files-from", "-", stdin=listing.read_bytes())
    assert (code, sources(out)) == (EXIT_OK, expected)


def test_files_from_never_expands_patterns(site: Path, tmp_path: Path) -> None:
    listing = tmp_path / "list.txt"
    listing.write_text(str(site / "*.md") + "\n", encoding="utf-8")
    code, _, err = run("--files-from", str(listing))
    assert code == EXIT_INPUT_ERROR
    assert "no such file" in err


def test_a_missing_file_list_is_an_input_error(tmp_path: Path) -> None:
    code, _, err = run("--files-from", str(tmp_path / "nope.txt"))
    assert code == EXIT_INPUT_ERROR
    assert err == f"Error: {tmp_path / 'nope.txt'}: no such file\n"


def test_stdin_cannot_be_both_an_input_and_the_file_list() -> None:
    code, _, err = run("-", "--files-from", "-", stdin=b"")
    assert code == EXIT_USAGE
    assert "cannot both read standard input" in err


def test_symbolic_links_to_folders_are_not_followed(tmp_path: Path) -> None:
    notes = tmp_path / "notes"
    write(notes / "a.md", "# Weeknote 3.2021\n\nText.\n")
    (notes / "loop").symlink_to(notes, target_is_directory=True)
    (notes / "link.md").symlink_to(notes / "a.md")
    code, out, _ = run(str(notes))
    assert code == EXIT_OK
    assert sources(out) == [str(notes / "a.md")]  # the link to a.md is the same file


def test_fifos_in_a_folder_are_skipped(tmp_path: Path) -> None:
    write(tmp_path / "a.txt")
    os.mkfifo(tmp_path / "pipe.txt")
    code, out, err = run(str(tmp_path))
    assert code == EXIT_OK
    assert sources(out) == [str(tmp_path / "a.txt")]
    assert err == ""  # one file read: no tally


def test_an_empty_folder_named_among_others_is_one_error(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    note = write(tmp_path / "a.txt")
    code, out, err = run(str(tmp_path / "empty"), str(note))
    assert code == EXIT_INPUT_ERROR
    assert sources(out) == [str(note)]
    assert "no weeknote files were found in it" in err


# -- the library's side ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pattern", "path", "matches"),
    [
        ("*.md", "a/b/c.md", True),
        ("*.md", "a/b/c.txt", False),
        ("drafts", "a/drafts", True),
        ("a/*.md", "a/c.md", True),
        ("a/*.md", "a/b/c.md", False),
        ("a/**/*.md", "a/c.md", True),
        ("a/**/*.md", "a/b/c/d.md", True),
        ("**/x", "p/q/x", True),
        ("[ab].txt", "b.txt", True),
        ("[!ab].txt", "b.txt", False),
        ("?.txt", "ab.txt", False),
    ],
)
def test_glob_patterns(pattern: str, path: str, matches: bool) -> None:
    assert Globs((pattern,)).match(path) is matches


def test_discover_reports_what_it_skipped(site: Path) -> None:
    found = discover([str(site)])
    names = [Path(e.path).name for e in found.entries]
    assert names == ["z.html", "a.txt", "b.md", "binary.md", "index.md"]  # binary: when read
    assert all(e.found for e in found.entries)
    assert found.skipped == 4  # data.json, image.png, .obsidian/, .draft.md
    assert found.errors == []


def test_looks_binary_spares_utf16_with_a_bom() -> None:
    assert looks_binary(b"abc\x00def")
    assert not looks_binary("Weeknote".encode("utf-16"))
    assert not looks_binary(b"plain text")


def test_the_current_folder_gives_paths_without_dot_slash(
    site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(site)
    assert sources(run(".")[1]) == ["2020/z.html", "2021/a.txt", "2021/b.md", "index.md"]
