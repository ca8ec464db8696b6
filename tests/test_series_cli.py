"""``weeknote-parse series`` and ``weeknote-parse report``: inputs found as ``parse`` finds
them, bad files reported and the rest still read, and the three views of a series."""

from __future__ import annotations

import ast
import importlib
import subprocess
import sys
from pathlib import Path

import orjson
import pytest
from click.testing import CliRunner

from weeknote_parser.cli import group
from weeknote_parser.series import GROUP_BYS, SeriesSet

from .conftest import EXAMPLES, ROOT

NOTES = {
    "a.md": "# Weeknote 10.24\n\nOne.\n\n## Next week\n\n- Repaint the blue shed\n",
    "b.md": "# Weeknote 11.24\n\n- Repainted the blue shed twice\n",
    "c.md": "# Weeknote 14.24\n\nAfter a break.\n",
}


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    notes = tmp_path / "notes"
    notes.mkdir()
    for name, text in NOTES.items():
        (notes / name).write_text(text, encoding="utf-8")
    return notes


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(group, list(args))
    return result.exit_code, result.stdout, result.stderr


def process(*args: str) -> tuple[int, str, str]:
    """Run the command in a process of its own (it writes its output file itself)."""
    result = subprocess.run(
        [sys.executable, "-m", "weeknote_parser", *args],
        capture_output=True,
        check=False,
        timeout=120,
    )
    return result.returncode, result.stdout.decode(), result.stderr.decode()


def test_series_json_is_a_series_set(folder: Path) -> None:
    code, out, err = run("series", str(folder))
    assert code == 0, err
    found = SeriesSet.model_validate_json(out)
    assert [len(each.notes) for each in found.series] == [3]
    series = found.series[0]
    assert series.timeline[0].week == "2024-W10"
    assert len(series.timeline) == 5
    assert [finding.kind.value for finding in series.findings] == ["gap"]
    assert series.plans[0].matched
    assert "parsed 3 files (3 notes), 0 failed" in err


def test_series_pretty_json_is_indented(folder: Path) -> None:
    code, out, _ = run("series", str(folder), "--pretty")
    assert code == 0
    assert out.startswith('{\n  "schema_version": "1"')


def test_series_jsonl_is_one_finding_a_line(folder: Path) -> None:
    (folder / "d.md").write_text("# Weeknote 14.24\n\nTwice.\n", encoding="utf-8")
    code, out, _ = run("series", str(folder), "--to", "jsonl")
    assert code == 0
    lines = [orjson.loads(line) for line in out.splitlines()]
    assert [(line["kind"], line["weeks"]) for line in lines] == [
        ("gap", ["2024-W12", "2024-W13"]),
        ("duplicate", ["2024-W14"]),
    ]
    assert all(line["series"] == f"folder:{folder}" for line in lines)


def test_series_table_shows_weeks_findings_and_plans(folder: Path) -> None:
    code, out, _ = run("series", str(folder), "--to", "table")
    assert code == 0
    assert "2024-W12  2024-03-18  -   (no note)" in out
    assert "no note for 2 weeks: 2024-W12 to 2024-W13" in out
    assert "yes 1.00  Repaint the blue shed  ->  Repainted the blue shed twice" in out


def test_table_shows_a_long_run_of_empty_weeks_on_one_line(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("# Weeknote 50.23\n\nOne.\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("# Weeknote 05.24\n\nTwo.\n", encoding="utf-8")
    code, out, _ = run("series", str(tmp_path), "--to", "table")
    assert code == 0
    assert "  2023-W51  ..2024-W04  -   (no note for 6 weeks)" in out
    assert "2023-W51..2024-W04" in out
    assert out.count("(no note") == 1


def test_table_shows_control_characters_as_question_marks(tmp_path: Path) -> None:
    note = tmp_path / "a.md"
    note.write_text("# Weeknote 10.24: \x1b[31mred\n\nText.\n", encoding="utf-8")
    code, out, _ = run("series", str(note), "--to", "table")
    assert code == 0
    assert "\x1b" not in out
    assert "?[31mred" in out


def test_a_bad_file_is_one_line_and_the_rest_make_the_series(folder: Path) -> None:
    missing = folder / "missing.md"
    binary = folder.parent / "binary.txt"
    binary.write_bytes(b"Weeknote\x00\x01")
    code, out, err = run("series", str(folder), str(missing), str(binary), "--to", "jsonl")
    assert code == 1
    errors = [line for line in err.splitlines() if line.startswith("Error:")]
    assert len(errors) == 2
    assert any(str(missing) in line for line in errors)
    assert any(str(binary) in line for line in errors)
    assert "Traceback" not in err
    assert [orjson.loads(line)["kind"] for line in out.splitlines()] == ["gap"]


def test_group_by_document_and_a_usage_error(folder: Path) -> None:
    code, out, _ = run("series", str(folder), "--group-by", "document")
    assert code == 0
    assert len(SeriesSet.model_validate_json(out).series) == 3
    code, _, err = run("series", str(folder), "--group-by", "colour")
    assert code == 2
    assert "--group-by" in err
    code, _, err = run("series", str(folder), "--to", "table", "--pretty")
    assert code == 2


def test_series_output_file_and_schema(folder: Path, tmp_path: Path) -> None:
    target = tmp_path / "series.json"
    code, out, _ = process("series", str(folder), "-o", str(target))
    assert code == 0
    assert out == ""
    assert SeriesSet.model_validate_json(target.read_bytes()).series
    code, out, _ = run("series", "--schema")
    assert code == 0
    assert out.encode() == (ROOT / "docs" / "series-schema.json").read_bytes()


def test_series_refuses_to_write_over_an_input(folder: Path) -> None:
    before = (folder / "a.md").read_bytes()
    code, _, err = run("series", str(folder), "-o", str(folder / "a.md"))
    assert code == 2
    assert "is also the output file" in err
    assert (folder / "a.md").read_bytes() == before


def test_series_takes_the_parse_options(folder: Path) -> None:
    (folder / "e.txt").write_text("w/c 25 March\n\nNo year written.\n", encoding="utf-8")
    code, out, _ = run("series", str(folder), "--year", "2024", "--include", "*.txt")
    assert code == 0
    notes = SeriesSet.model_validate_json(out).series[0].notes
    assert [note.ref.week for note in notes] == ["2024-W13"]
    code, out, _ = run("series", "--help")
    assert "--recursive / --no-recursive" in out
    assert "--year" in out


def test_report_writes_one_page(folder: Path, tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    code, _, err = process("report", str(folder), "-o", str(target), "--title", "Shed <notes>")
    assert code == 0, err
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!doctype html>")
    assert "<title>Shed &lt;notes&gt;</title>" in page
    assert page.count('class="week ') == 5
    assert not list(tmp_path.glob(".report.html.*"))  # no temporary file left


def test_report_refuses_to_overwrite_an_input(folder: Path) -> None:
    before = (folder / "b.md").read_bytes()
    code, _, err = run("report", str(folder), "-o", str(folder / "b.md"))
    assert code == 2
    assert "b.md: is also the output file" in err
    assert (folder / "b.md").read_bytes() == before


def test_report_needs_an_output(folder: Path) -> None:
    code, _, err = run("report", str(folder))
    assert code == 2
    assert "--output" in err


def test_report_goes_on_after_a_bad_file(folder: Path, tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    code, _, err = process("report", str(folder), str(folder / "nope.md"), "-o", str(target))
    assert code == 1
    assert "nope.md" in err
    assert target.read_text(encoding="utf-8").count('class="week ') == 5


def test_the_examples_make_one_series_with_every_kind_of_finding() -> None:
    code, out, _ = run("series", str(EXAMPLES / "series"))
    assert code == 0
    (series,) = SeriesSet.model_validate_json(out).series
    assert series.label == "Robin Hale"
    assert {finding.kind.value for finding in series.findings} == {"gap", "duplicate"}
    placed = [note for note in series.notes if note.placed_by]
    assert [note.ref.title for note in placed] == ["Weeknote 42"]
    assert any(plan.matched for plan in series.plans)
    assert any(plan.followed_by and not plan.matched for plan in series.plans)


def test_the_command_modules_import_only_click_at_first() -> None:
    for name in ("series.py", "report.py"):
        tree = ast.parse((ROOT / "src" / "weeknote_parser" / "cli" / name).read_text())
        for node in tree.body:
            if isinstance(node, ast.Import):
                assert all(alias.name in {"shutil", "sys", "click"} for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                assert node.module in {"__future__", "collections.abc", "typing", "series"}, (
                    name,
                    node.module,
                )


def test_the_command_knows_every_grouping() -> None:
    module = importlib.import_module("weeknote_parser.cli.series")
    assert module.GROUP_BYS == GROUP_BYS


def test_the_docs_show_the_real_output_of_the_examples(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # the docs show the paths as seen from the project's folder
    doc = (ROOT / "docs" / "series.md").read_text(encoding="utf-8")
    block = doc.split("$ weeknote-parse series examples/series --to table\n", 1)[1]
    shown = block.split("```", 1)[0].splitlines()
    code, out, err = run("series", str(Path("examples") / "series"), "--to", "table")
    assert code == 0
    real = (out + err).splitlines()
    for line in shown:
        if line.strip() != "…":
            assert line in real, line
    jsonl = doc.split("$ weeknote-parse series examples/series --to jsonl -q\n", 1)[1]
    code, out, _ = run("series", str(Path("examples") / "series"), "--to", "jsonl", "-q")
    assert jsonl.split("```", 1)[0] == out


def test_standard_input_is_a_series_of_its_own() -> None:
    result = CliRunner().invoke(group, ["series", "-", "--to", "table"], input=b"Weeknote 12.22\n")
    assert result.exit_code == 0
    assert result.stdout.startswith(
        "== <stdin> [folder:<stdin>]: 1 note, 2022-W12 to 2022-W12 (1 week,"
    )


def test_a_file_named_twice_is_read_once(folder: Path) -> None:
    (folder / "link.md").symlink_to(folder / "a.md")
    a_md = str(folder / "a.md")
    code, out, err = run("series", a_md, a_md, str(folder / "link.md"), "--to", "jsonl")
    assert code == 0, err
    assert out == ""  # one note: no duplicate of itself
    code, out, _ = run("series", str(folder), a_md)
    found = SeriesSet.model_validate_json(out)
    assert [len(series.notes) for series in found.series] == [3]  # the link is a.md too
