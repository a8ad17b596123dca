"""`api/model.json`: a snapshot of the whole data model, written with every build.

Each published version of the site carries its own snapshot, so the next version can say what
changed since (:mod:`macros.model.diff`). A snapshot is plain JSON: routines and matrices as
the model dumps them, plus roles, contacts and the plan's revisions. Reading one back is
tolerant — a broken file or a format from a newer build gives a :class:`SnapshotProblem`,
never an exception.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from macros.model.catalogue import both
from macros.model.core import KnowledgeBase

SNAPSHOT_FORMAT = 1
MODEL_JSON = "api/model.json"
# Collections keyed by id. Every format-1 snapshot has all of them; a reader treats a missing
# one as "not compared" rather than as everything removed.
COLLECTIONS = ("routines", "matrices", "roles", "contacts")


@dataclass(frozen=True)
class Snapshot:
    """A snapshot read back from a published version."""

    version: str
    data: Mapping[str, Any]  # the whole parsed JSON, as written by :func:`snapshot`


@dataclass(frozen=True)
class SnapshotProblem:
    """Why a snapshot could not be used; ``message`` names where it came from."""

    where: str
    message: str

    def __str__(self) -> str:
        return self.message


def _dump(item: BaseModel) -> dict[str, Any]:
    return item.model_dump(mode="json", exclude_none=True)


def _by_id(items: Mapping[str, BaseModel]) -> dict[str, dict[str, Any]]:
    return {key: _dump(items[key]) for key in sorted(items)}


def snapshot(kb: KnowledgeBase, version: str) -> dict[str, Any]:
    """The data model of this build as a JSON-able dict."""
    return {
        "format": SNAPSHOT_FORMAT,
        "version": version,
        "routines": _by_id(kb.routines),
        "matrices": _by_id(kb.matrices),
        "roles": _by_id(kb.roles),
        "contacts": _by_id(kb.contacts),
        "revisions": [_dump(r) for r in sorted(kb.revisions, key=lambda r: r.adopted_on)],
    }


def snapshot_json(data: Mapping[str, Any]) -> str:
    """The snapshot as text: sorted keys, no ASCII escapes, compact; the same data gives the
    same bytes."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"


def write_snapshot(site_dir: Path, data: Mapping[str, Any]) -> Path:
    """Write ``site_dir/api/model.json`` (replacing it in one step)."""
    path = site_dir / MODEL_JSON
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".json.tmp")
    tmp.write_text(snapshot_json(data), encoding="utf-8")
    tmp.replace(path)
    return path


def _format_problem(value: object) -> str | None:
    if isinstance(value, bool) or not isinstance(value, int):
        return both("snap_no_format", found=repr(value))
    if value > SNAPSHOT_FORMAT:
        return both("snap_newer", found=value, reads=SNAPSHOT_FORMAT)
    if value < 1:
        return both("snap_unknown_format", found=value)
    return None


def _shape_problem(data: Mapping[str, Any]) -> str | None:
    version = data.get("version")
    if not isinstance(version, str) or not version.strip():
        return both("snap_no_version", found=repr(version))
    for name in COLLECTIONS:
        items = data.get(name)
        if items is None:
            continue
        if not isinstance(items, dict):
            return both("snap_not_keyed", name=name)
        bad = sorted(str(key) for key, item in items.items() if not isinstance(item, dict))
        if bad:
            return both("snap_bad_entries", name=name, ids=", ".join(bad))
    return None


def parse_snapshot(text: str, where: str) -> Snapshot | SnapshotProblem:
    """Read a snapshot written by :func:`write_snapshot`; ``where`` names its origin in
    the problem message (e.g. ``gh-pages:2024/api/model.json``)."""
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as exc:
        return SnapshotProblem(where, f"{where}: {both('snap_not_json', detail=exc)}")
    if not isinstance(data, dict):
        return SnapshotProblem(where, f"{where}: {both('snap_not_object')}")
    problem = _format_problem(data.get("format")) or _shape_problem(data)
    if problem:
        return SnapshotProblem(where, f"{where}: {problem}")
    return Snapshot(version=data["version"].strip(), data=data)
