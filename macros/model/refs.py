"""The ids a routine refers to — from a valid routine, or salvaged from a file that failed
validation, so its cross-reference problems are reported in the same run."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any

from macros.model.core import Routine

Loc = tuple[str | int, ...]
Indexed = list[tuple[int | str, str]]  # (position in the YAML list, id): locations stay exact


@dataclass(frozen=True)
class AdditionRefs:
    index: int
    department: str | None
    unit: str | None
    contacts: Indexed = field(default_factory=list)


@dataclass(frozen=True)
class RoutineRefs:
    id: str | None
    department: str | None
    unit: str | None = None
    owner: str | None = None
    municipality_wide: bool = False
    contacts: Indexed = field(default_factory=list)
    related: Indexed = field(default_factory=list)
    legal_sources: Indexed = field(default_factory=list)
    tags: Indexed = field(default_factory=list)
    additions: list[AdditionRefs] = field(default_factory=list)
    # The id as written, even when it is not a valid id: others' references to it are not
    # reported as unknown while the file itself is being fixed.
    known_as: str | None = None

    @classmethod
    def of(cls, routine: Routine) -> RoutineRefs:
        return cls(
            id=routine.id, department=routine.department, unit=routine.unit,
            owner=routine.owner, municipality_wide=routine.municipality_wide,
            contacts=list(enumerate(routine.contacts)), related=list(enumerate(routine.related)),
            legal_sources=[(i, ref.source) for i, ref in enumerate(routine.legal_basis)],
            tags=list(enumerate(routine.tags)),
            additions=[AdditionRefs(i, a.department, a.unit, list(enumerate(a.contacts)))
                       for i, a in enumerate(routine.additions)],
            known_as=routine.id,
        )

    @classmethod
    def salvage(cls, data: Any, errors: Collection[Loc]) -> RoutineRefs:
        """Refs from raw data, skipping every value that already has a validation error."""
        def bad(loc: Loc) -> bool:
            return any(loc[: len(err)] == err or err[: len(loc)] == loc for err in errors)

        def text(container: Any, key: str | int, loc: Loc) -> str | None:
            value = container.get(key) if isinstance(container, dict) else None
            return value if isinstance(value, str) and not bad(loc) else None

        def texts(container: Any, key: str, loc: Loc) -> Indexed:
            values = container.get(key) if isinstance(container, dict) else None
            if not isinstance(values, list):
                return []
            return [(i, v) for i, v in enumerate(values)
                    if isinstance(v, str) and not bad((*loc, i))]

        legal = data.get("legal_basis")
        additions = data.get("additions")
        return cls(
            id=text(data, "id", ("id",)),
            department=text(data, "department", ("department",)),
            unit=text(data, "unit", ("unit",)),
            owner=text(data, "owner", ("owner",)),
            municipality_wide=data.get("municipality_wide") is True,
            contacts=texts(data, "contacts", ("contacts",)),
            related=texts(data, "related", ("related",)),
            legal_sources=[(i, source) for i, item in enumerate(legal)
                           if (source := text(item, "source", ("legal_basis", i, "source")))]
            if isinstance(legal, list) else [],
            tags=texts(data, "tags", ("tags",)),
            additions=[AdditionRefs(i, text(item, "department", ("additions", i, "department")),
                                    text(item, "unit", ("additions", i, "unit")),
                                    texts(item, "contacts", ("additions", i, "contacts")))
                       for i, item in enumerate(additions) if isinstance(item, dict)]
            if isinstance(additions, list) else [],
            known_as=data.get("id") if isinstance(data.get("id"), str) else None,
        )
