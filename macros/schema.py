"""JSON Schemas for the data files, generated from the model (for editors' autocomplete)."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from macros.model import (
    ContactsFile,
    LegalFile,
    MatrixFile,
    OrganisationFile,
    RevisionsFile,
    RolesFile,
    Routine,
    TagsFile,
)
from macros.model_guides import GlossaryFile, SituationsFile, TrainingFile

SCHEMA_DIR = "schemas"
SCHEMAS: dict[str, type[BaseModel]] = {
    "organisation": OrganisationFile,
    "roles": RolesFile,
    "contacts": ContactsFile,
    "legal": LegalFile,
    "revisions": RevisionsFile,
    "tags": TagsFile,
    "situations": SituationsFile,
    "glossary": GlossaryFile,
    "training": TrainingFile,
    "matrix": MatrixFile,
    "routine": Routine,
}


def schema_text(name: str) -> str:
    schema = SCHEMAS[name].model_json_schema(mode="validation")
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema",
              "$id": f"{name}.schema.json", **schema}
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def schema_path(root: Path, name: str) -> Path:
    return root / SCHEMA_DIR / f"{name}.schema.json"


def write_schemas(root: Path) -> list[Path]:
    written = []
    for name in SCHEMAS:
        path = schema_path(root, name)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(schema_text(name), encoding="utf-8")
        written.append(path)
    return written


def stale_schemas(root: Path) -> list[Path]:
    """Schema files that differ from what the model generates now."""
    stale = []
    for name in SCHEMAS:
        path = schema_path(root, name)
        if not path.exists() or path.read_text(encoding="utf-8") != schema_text(name):
            stale.append(path)
    return stale
