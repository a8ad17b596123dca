"""JSON Schemas generated from the models: of the data files (for editors' autocomplete,
``schemas/*.schema.json``) and of the public files under `api/` (for intranet widgets,
``schemas/api/*.schema.json``, also published at ``api/schemas/``)."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from macros.api.models import ContactsExport, PagesExport, RoutinesExport
from macros.model.files import MODELS

SCHEMA_DIR = "schemas"
SCHEMAS = MODELS  # one schema per kind of data file (macros/model/files.py)
API_SCHEMA_DIR = "api"  # under SCHEMA_DIR
API_SCHEMAS: dict[str, type[BaseModel]] = {
    "routines": RoutinesExport,
    "contacts": ContactsExport,
    "pages": PagesExport,
}
_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def _text(schema: dict[str, object]) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def schema_text(name: str) -> str:
    """Schema of a data file: what an editor may write (validation mode)."""
    schema = SCHEMAS[name].model_json_schema(mode="validation")
    return _text({"$schema": _DIALECT, "$id": f"{name}.schema.json", **schema})


def api_schema_text(name: str) -> str:
    """Schema of a public file under `api/`: what the build writes (serialization mode)."""
    schema = API_SCHEMAS[name].model_json_schema(mode="serialization")
    return _text({"$schema": _DIALECT, "$id": f"{name}.schema.json", **schema})


def schema_path(root: Path, name: str) -> Path:
    return root / SCHEMA_DIR / f"{name}.schema.json"


def api_schema_path(root: Path, name: str) -> Path:
    return root / SCHEMA_DIR / API_SCHEMA_DIR / f"{name}.schema.json"


def _generated(root: Path) -> list[tuple[Path, str]]:
    """Every schema file the project keeps, with the text the models generate now."""
    return [*((schema_path(root, name), schema_text(name)) for name in SCHEMAS),
            *((api_schema_path(root, name), api_schema_text(name)) for name in API_SCHEMAS)]


def write_schemas(root: Path) -> list[Path]:
    written = []
    for path, text in _generated(root):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def stale_schemas(root: Path) -> list[Path]:
    """Schema files that differ from what the models generate now."""
    return [path for path, text in _generated(root)
            if not path.exists() or path.read_text(encoding="utf-8") != text]
