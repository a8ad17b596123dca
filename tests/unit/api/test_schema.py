"""JSON Schemas generated from the model: valid, and closed to unknown keys. That every data file
references its schema: tests/content/test_data.py."""

from __future__ import annotations

import json

import pytest

from macros.api.schema import SCHEMAS, schema_text


@pytest.mark.parametrize("name", SCHEMAS)
def test_schema_is_valid_json_and_forbids_unknown_keys(name: str) -> None:
    schema = json.loads(schema_text(name))
    assert schema["$schema"].endswith("2020-12/schema")
    assert schema.get("additionalProperties") is False


