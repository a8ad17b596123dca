"""JSON Schemas: generated from the model, referenced from every data file."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from macros.api.schema import SCHEMAS, schema_text
from macros.load.loader import data_files, kind_of
from tests.conftest import ROOT

SCHEMA_LINE = re.compile(r"^# yaml-language-server: \$schema=(\S+)$", re.M)


@pytest.mark.parametrize("name", SCHEMAS)
def test_schema_is_valid_json_and_forbids_unknown_keys(name: str) -> None:
    schema = json.loads(schema_text(name))
    assert schema["$schema"].endswith("2020-12/schema")
    assert schema.get("additionalProperties") is False


@pytest.mark.parametrize("path", data_files(ROOT / "routines"),
                         ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_data_file_references_its_schema(path: Path) -> None:
    match = SCHEMA_LINE.search(path.read_text(encoding="utf-8"))
    assert match, f"{path}: add `# yaml-language-server: $schema=…` as the first line"
    target = (path.parent / match.group(1)).resolve()
    kind = kind_of(path, ROOT / "routines")
    expected = {"matrix": "matrix", "routine": "routine"}.get(kind, kind)
    assert target == (ROOT / "schemas" / f"{expected}.schema.json").resolve()

