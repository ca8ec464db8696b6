"""The published schema and the documentation stay in step with the code."""

from __future__ import annotations

import re

import click

from weeknote_parser.cli import command
from weeknote_parser.parser import Parser
from weeknote_parser.schema import json_schema_text

from .conftest import ROOT


def test_published_schema_matches_the_models() -> None:
    published = (ROOT / "docs" / "schema.json").read_bytes()
    assert published == json_schema_text(), "run: weeknote-parse --schema > docs/schema.json"


def test_every_cli_option_is_documented() -> None:
    cli_doc = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    context = click.Context(command)
    for param in command.get_params(context):
        if isinstance(param, click.Option):
            for name in param.opts:
                assert f"`{name}" in cli_doc, f"{name} is not documented in docs/cli.md"


def test_every_exit_code_is_documented() -> None:
    cli_doc = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    for code in ("0", "1", "2", "3"):
        assert re.search(rf"^\| `{code}` \|", cli_doc, re.M), f"exit code {code} undocumented"


def test_every_recogniser_is_documented() -> None:
    doc = (ROOT / "docs" / "recognisers.md").read_text(encoding="utf-8")
    for name in Parser().names():
        assert f"`{name}`" in doc, f"recogniser {name} is not documented"


def test_every_model_field_is_documented() -> None:
    doc = (ROOT / "docs" / "data-model.md").read_text(encoding="utf-8")
    from weeknote_parser import models

    for model in (models.Document, models.Note, models.Week, models.Section, models.ListBlock):
        for field in model.model_fields:
            assert f"`{field}`" in doc, f"{model.__name__}.{field} is not in docs/data-model.md"


def test_readme_opens_with_the_two_commands_and_ci_runs_the_test_one() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```(?:sh|bash|console)\n(.*?)```", readme, re.S)
    install_run, install_test = blocks[0].strip(), blocks[1].strip()
    assert "python3 -m weeknote_parser" in install_run
    assert "pytest" in install_test
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert install_test in ci
