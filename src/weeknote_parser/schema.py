"""The published JSON Schema of the output, generated from the models."""

from __future__ import annotations

from typing import Any

import orjson

from .models import Document


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) that every document the parser writes validates against."""
    schema = Document.model_json_schema(mode="serialization")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}


def json_schema_text() -> bytes:
    """The schema as indented JSON with a final newline, as published in docs/schema.json."""
    return orjson.dumps(json_schema(), option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS) + b"\n"
