"""Configuration files: where they are found, what they may hold, and where each value came from."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from weeknote_parser import OptionsError, SectionKind
from weeknote_parser.config import (
    COMMAND_LINE,
    DEFAULT,
    KEYS,
    Config,
    ConfigError,
    find_config,
    load_config,
    merge,
)
from weeknote_parser.testing import parse_with, sections_of


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def nested(tmp_path: Path) -> Path:
    """A folder three levels below ``tmp_path``, with no configuration of its own."""
    folder = tmp_path / "a" / "b" / "c"
    folder.mkdir(parents=True)
    return folder


# -- finding the file -----------------------------------------------------------------------
def test_no_file_gives_the_defaults(nested: Path) -> None:
    config = load_config(None, nested)
    assert config == Config()
    assert all(origin == DEFAULT for _, _, origin in config.describe())


def test_the_nearest_file_upwards_is_used(tmp_path: Path, nested: Path) -> None:
    write(tmp_path / "weeknote-parser.toml", "year = 2019\n")
    near = write(tmp_path / "a" / "weeknote-parser.toml", "year = 2021\n")
    config = load_config(None, nested)
    assert (config.path, config.options.year) == (near, 2021)


def test_a_file_as_the_start_searches_from_its_folder(tmp_path: Path, nested: Path) -> None:
    found = write(tmp_path / "a" / "b" / "weeknote-parser.toml", "year = 2020\n")
    note = write(nested / "note.txt", "Weeknote 3\n")
    assert find_config(note) == found


def test_a_pyproject_without_the_table_is_passed_over(tmp_path: Path, nested: Path) -> None:
    outer = write(tmp_path / "pyproject.toml", "[tool.weeknote-parser]\nyear = 2018\n")
    write(tmp_path / "a" / "pyproject.toml", '[project]\nname = "other"\n[tool.ruff]\n')
    config = load_config(None, nested)
    assert (config.path, config.options.year) == (outer, 2018)


def test_weeknote_parser_toml_comes_before_pyproject_in_one_folder(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", "[tool.weeknote-parser]\nyear = 2018\n")
    own = write(tmp_path / "weeknote-parser.toml", "year = 2022\n")
    assert load_config(None, tmp_path).path == own


def test_an_explicit_file_wins(tmp_path: Path, nested: Path) -> None:
    write(nested / "weeknote-parser.toml", "year = 2021\n")
    explicit = write(tmp_path / "elsewhere.toml", "year = 2015\n")
    config = load_config(explicit, nested)
    assert (config.path, config.options.year) == (explicit, 2015)


def test_an_explicit_pyproject_is_read_from_its_table(tmp_path: Path) -> None:
    path = write(tmp_path / "pyproject.toml", "[tool.weeknote-parser]\ndate-order = 'mdy'\n")
    assert load_config(path, tmp_path).options.date_order == "mdy"
    bare = write(tmp_path / "x" / "pyproject.toml", "[tool.other]\n")
    with pytest.raises(ConfigError, match=r"pyproject.toml: no \[tool.weeknote-parser\] table$"):
        load_config(bare, tmp_path)


# -- what a file may hold --------------------------------------------------------------------
FULL = """
year = 2021
published = 2021-03-08
date-order = "mdy"
today = 2024-06-01
first_candidate_year = 2010
disable = ["footnote"]
plugins = ["sprints"]

[vocabulary]
went_well = ["Yay!", "Small wins"]
"""


def test_every_setting_is_read_and_described_with_its_origin(tmp_path: Path) -> None:
    path = write(tmp_path / "weeknote-parser.toml", FULL)
    config = load_config(None, tmp_path)
    options = config.options
    assert (options.year, options.published, options.date_order) == (
        2021,
        dt.date(2021, 3, 8),
        "mdy",
    )
    assert (options.today, options.first_candidate_year) == (dt.date(2024, 6, 1), 2010)
    assert options.disable == ("footnote",)
    assert options.vocabulary == {SectionKind.WENT_WELL: ("Yay!", "Small wins")}
    assert config.plugins == ("sprints",)
    described = config.describe()
    assert [key for key, _, _ in described] == list(KEYS)
    assert {origin for _, _, origin in described} == {str(path)}
    assert ("vocabulary", {"went_well": ["Yay!", "Small wins"]}, str(path)) in described
    assert ("published", "2021-03-08", str(path)) in described


def test_keys_left_out_keep_their_defaults(tmp_path: Path) -> None:
    path = write(tmp_path / "weeknote-parser.toml", "year = 2020\n")
    described = {
        key: (value, origin) for key, value, origin in load_config(None, tmp_path).describe()
    }
    assert described["year"] == (2020, str(path))
    assert described["first_candidate_year"] == (2005, DEFAULT)
    assert described["plugins"] == ([], DEFAULT)


def test_the_settings_reach_the_parser(tmp_path: Path) -> None:
    write(tmp_path / "weeknote-parser.toml", '[vocabulary]\nwent_well = ["Yay!"]\n')
    parser = load_config(None, tmp_path).parser()
    doc = parse_with("Weeknote 4.2022\n\nYay!\n\nWe shipped.", parser=parser)
    assert sections_of(doc) == [("Yay!", "went_well")]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("yeer = 2020\n", r"unknown setting 'yeer'; valid settings: year, published, date_order, "),
        ("year = 3000\n", r"year: Input should be less than or equal to 2200 \(got 3000\)$"),
        ("year = 'soon'\n", r"year: Input should be a valid integer"),
        ('date_order = "ymd"\n', r"date_order: Input should be 'dmy' or 'mdy' \(got 'ymd'\)$"),
        ('published = "2021-13-01"\n', r"published: Input should be a valid date"),
        ('disable = "footnote"\n', r"disable: Input should be a list \(got 'footnote'\)$"),
        ("plugins = [3]\n", r"plugins: expected a list of plugin names \(got \[3\]\)$"),
        ("[vocabulary]\nwent_well = 'Yay!'\n", r"vocabulary.went_well: Input should be a list"),
        (
            "[vocabulary]\nwentwell = ['Yay!']\n",
            r"vocabulary: unknown section kind 'wentwell'; valid kinds: intro, learning, ",
        ),
        ("year = 2020\ndate-order = 'dmy'\ndate_order = 'mdy'\n", r"date_order: given twice$"),
        ("year = \n", r"not valid TOML: "),
    ],
)
def test_a_bad_setting_is_one_line_naming_the_file_and_key(
    tmp_path: Path, text: str, message: str
) -> None:
    path = write(tmp_path / "weeknote-parser.toml", text)
    with pytest.raises(ConfigError, match=message) as caught:
        load_config(None, tmp_path)
    line = str(caught.value)
    assert line.startswith(f"{path}: ")
    assert "\n" not in line
    assert isinstance(caught.value, OptionsError)


def test_an_unknown_disabled_name_is_reported_with_the_file(tmp_path: Path) -> None:
    write(tmp_path / "weeknote-parser.toml", 'disable = ["heading", "nope"]\n')
    config = load_config(None, tmp_path)  # the names are the parser's to check
    with pytest.raises(OptionsError, match="unknown recogniser 'nope'; valid names: "):
        config.parser()


def test_a_table_that_is_not_a_table_is_refused(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[tool]\nweeknote-parser = "yes"\n')
    with pytest.raises(ConfigError, match=r"\[tool.weeknote-parser\] must be a table"):
        load_config(None, tmp_path)


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p / "missing.toml", "configuration file not found"),
        (lambda p: p, "configuration file is a directory"),
        (lambda p: write(p / "latin.toml", "") and _latin1(p / "latin.toml"), "not UTF-8"),
    ],
)
def test_an_explicit_file_that_cannot_be_read(tmp_path: Path, make: object, message: str) -> None:
    assert callable(make)
    path = make(tmp_path)
    with pytest.raises(ConfigError, match=message):
        load_config(path, tmp_path)


def _latin1(path: Path) -> Path:
    path.write_bytes("year = 2020 # caf\xe9\n".encode("latin-1"))
    return path


# -- the command line wins ---------------------------------------------------------------------
def test_merge_puts_command_line_settings_over_the_file(tmp_path: Path) -> None:
    path = write(tmp_path / "weeknote-parser.toml", FULL)
    config = merge(load_config(None, tmp_path), {"year": 2023, "published": None, "plugins": []})
    assert (config.options.year, config.options.date_order) == (2023, "mdy")
    assert config.options.published == dt.date(2021, 3, 8)  # None: not given
    assert config.plugins == ()
    assert (config.origin("year"), config.origin("published")) == (COMMAND_LINE, str(path))
    assert config.origin("plugins") == COMMAND_LINE
    assert config.origin("today") == str(path)


def test_merge_over_the_defaults(nested: Path) -> None:
    config = merge(load_config(None, nested), {"disable": ["footnote"]})
    assert config.options.disable == ("footnote",)
    assert (config.origin("disable"), config.origin("year")) == (COMMAND_LINE, DEFAULT)


def test_a_bad_command_line_setting_names_the_key() -> None:
    with pytest.raises(
        OptionsError, match=r"^date_order: Input should be 'dmy' or 'mdy'"
    ) as caught:
        merge(Config(), {"date_order": "ydm"})
    assert not isinstance(caught.value, ConfigError)
    with pytest.raises(OptionsError, match="unknown setting 'colour'"):
        merge(Config(), {"colour": "red"})
    with pytest.raises(OptionsError, match="unknown setting 'colour'"):
        Config().origin("colour")
