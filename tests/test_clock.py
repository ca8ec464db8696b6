"""The reference date ('today'): --today, today=, SOURCE_DATE_EPOCH, else the clock."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from weeknote_parser import OptionsError, ParseOptions, Parser, parse
from weeknote_parser.cli import EXIT_OK, EXIT_USAGE, command
from weeknote_parser.options import today_from_environment

YEARLESS = "Weeknote w/c 5 November\n\nText.\n"  # a Monday in 2007, 2012, 2018, 2029, ...
NUMBERED = "Weeknote 10.2025\n\nText.\n"  # ISO week 10 of 2025 starts 2025-03-03
EPOCH = "SOURCE_DATE_EPOCH"
SECONDS_2010 = 1275350400  # 2010-06-01 00:00:00 UTC


def seconds(day: dt.date, hour: int = 0) -> str:
    moment = dt.datetime(day.year, day.month, day.day, hour, tzinfo=dt.UTC)
    return str(int(moment.timestamp()))


def candidates(document: dict[str, Any]) -> list[str]:
    found: list[str] = document["notes"][0]["week"]["candidates"]
    return found


def run(
    tmp_path: Path, text: str, *args: str, env: dict[str, str] | None = None
) -> tuple[int, str, str]:
    path = tmp_path / "note.txt"
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(command, [str(path), *args], env=env)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(autouse=True)
def no_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(EPOCH, raising=False)


# -- the environment variable ------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "day"),
    [
        ("0", dt.date(1970, 1, 1)),
        (str(SECONDS_2010), dt.date(2010, 6, 1)),
        (seconds(dt.date(2024, 2, 29), hour=23), dt.date(2024, 2, 29)),  # UTC, not local time
        ("-2208988800", dt.date(1900, 1, 1)),
        (" 86400\n", dt.date(1970, 1, 2)),
        ("", None),
    ],
)
def test_source_date_epoch_is_a_utc_date(value: str, day: dt.date | None) -> None:
    assert today_from_environment({EPOCH: value}) == day


def test_unset_source_date_epoch_is_no_date() -> None:
    assert today_from_environment({}) is None


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("abc", "SOURCE_DATE_EPOCH: must be whole seconds since 1970-01-01 UTC"),
        ("1.5", "SOURCE_DATE_EPOCH: must be whole seconds since 1970-01-01 UTC"),
        ("١٢٣", "SOURCE_DATE_EPOCH: must be whole seconds since 1970-01-01 UTC"),
        ("253402300800", "SOURCE_DATE_EPOCH: its date must be between 1900-01-01 and 2200-12-31"),
        ("9" * 30, "SOURCE_DATE_EPOCH: its date must be between 1900-01-01 and 2200-12-31"),
        ("-2208988801", "SOURCE_DATE_EPOCH: its date must be between 1900-01-01 and 2200-12-31"),
    ],
)
def test_bad_source_date_epoch_is_an_options_error(value: str, message: str) -> None:
    with pytest.raises(OptionsError, match=f"^{message}"):
        today_from_environment({EPOCH: value})


# -- ParseOptions.resolved_today -----------------------------------------------------------


def test_given_today_wins_over_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(EPOCH, "not a number")
    day = dt.date(2015, 3, 4)
    assert ParseOptions(today=day).resolved_today() == day


def test_environment_wins_over_the_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(EPOCH, str(SECONDS_2010))
    assert ParseOptions().resolved_today() == dt.date(2010, 6, 1)


def test_without_either_the_clock_is_used() -> None:
    before = dt.date.today()
    resolved = ParseOptions().resolved_today()
    assert before <= resolved <= dt.date.today()


@pytest.mark.parametrize("day", [dt.date(9999, 12, 31), dt.date(1, 1, 1)])
def test_today_outside_the_range_is_an_options_error(day: dt.date) -> None:
    with pytest.raises(OptionsError, match="today: must be between 1900-01-01 and 2200-12-31"):
        ParseOptions.build(today=day)


# -- the command line -------------------------------------------------------------------


def test_today_bounds_the_candidate_years(tmp_path: Path) -> None:
    early = json.loads(run(tmp_path, YEARLESS, "--today", "2010-06-01")[1])
    late = json.loads(run(tmp_path, YEARLESS, "--today", "2030-01-01")[1])
    assert candidates(early) == ["2007-11-05"]
    assert candidates(late)[-1] == "2029-11-05"


def test_source_date_epoch_sets_today_on_the_command_line(tmp_path: Path) -> None:
    code, out, err = run(tmp_path, YEARLESS, env={EPOCH: str(SECONDS_2010)})
    assert (code, err) == (EXIT_OK, "")
    assert candidates(json.loads(out)) == ["2007-11-05"]


def test_today_option_wins_over_source_date_epoch(tmp_path: Path) -> None:
    code, out, _ = run(tmp_path, YEARLESS, "--today", "2030-01-01", env={EPOCH: "garbage"})
    assert code == EXIT_OK
    assert "2029-11-05" in candidates(json.loads(out))


def test_bad_source_date_epoch_is_one_line_usage_error(tmp_path: Path) -> None:
    code, out, err = run(tmp_path, YEARLESS, env={EPOCH: "yesterday"})
    assert (code, out) == (EXIT_USAGE, "")
    assert err == (
        "Error: SOURCE_DATE_EPOCH: must be whole seconds since 1970-01-01 UTC, "
        "e.g. 1700000000 (got 'yesterday')\n"
    )


def test_week_in_the_future_depends_on_today(tmp_path: Path) -> None:
    before = json.loads(run(tmp_path, NUMBERED, "--today", "2025-01-01")[1])
    after = json.loads(run(tmp_path, NUMBERED, "--today", "2025-06-01")[1])
    assert [w["code"] for w in before["warnings"]] == ["week-in-future"]
    assert after["warnings"] == []
    assert after["notes"][0]["week"]["start"] == "2025-03-03"


@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01", "1899-12-31", "2201-01-01"])
def test_today_outside_the_range_is_a_usage_error(tmp_path: Path, day: str) -> None:
    code, _, err = run(tmp_path, YEARLESS, "--today", day)
    assert code == EXIT_USAGE
    assert f"Error: Invalid value for '--today': {day} is outside the dates read" in err


# -- the library ----------------------------------------------------------------------


def test_parse_honours_source_date_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(EPOCH, str(SECONDS_2010))
    week = parse(YEARLESS).notes[0].week
    assert week is not None and [str(d) for d in week.candidates] == ["2007-11-05"]


def test_parse_today_option_wins_over_source_date_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(EPOCH, str(SECONDS_2010))
    week = parse(YEARLESS, options=ParseOptions(today=dt.date(2030, 1, 1))).notes[0].week
    assert week is not None and dt.date(2029, 11, 5) in week.candidates


def test_parse_with_a_bad_source_date_epoch_is_an_options_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(EPOCH, "soon")
    with pytest.raises(OptionsError, match=r"^SOURCE_DATE_EPOCH: must be whole seconds"):
        parse(YEARLESS)


def test_parser_honours_source_date_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(EPOCH, str(SECONDS_2010))
    week = Parser().parse(YEARLESS).notes[0].week
    assert week is not None and [str(d) for d in week.candidates] == ["2007-11-05"]
