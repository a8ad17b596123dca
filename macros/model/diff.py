"""What changed between two model snapshots (:mod:`macros.model.snapshot`), field by field.

Pure and generic: it compares plain dicts, so the older snapshot may come from an older data
model. A field one side does not have counts as absent, and an absent field equals an empty
one (``None``, ``""``, ``[]``, ``{}``, ``false``): a field the model gained with an empty
default, or one it dropped while it was empty, is no change. A field dropped while it held
something is reported as removed, under its own name.

Review bookkeeping (:data:`REVIEW_FIELDS`) is kept apart: an item whose only changes are
these was reviewed with its content unchanged.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

ChangeKind = Literal["added", "removed", "changed"]
# text: a bilingual {sv, en} value; list and mapping: counted; scalar: str/number/bool;
# other: the two sides have different kinds of value.
Shape = Literal["text", "list", "mapping", "scalar", "other"]

REVIEW_FIELDS = frozenset({"last_reviewed", "review_by", "review_interval_months",
                           "verified_on", "source"})
KEY_FIELD = "id"  # collections are keyed by it, so it is never compared
TEXT_LANGUAGES = ("sv", "en")
DETAILED = ("routines", "matrices")
COLLECTIONS = (*DETAILED, "roles", "contacts")


@dataclass(frozen=True)
class FieldChange:
    """One top-level field of one item."""

    field: str
    kind: ChangeKind
    shape: Shape
    old: Any = None  # scalars and texts: the value (None when added)
    new: Any = None  # scalars and texts: the value (None when removed)
    old_count: int | None = None  # lists and mappings
    new_count: int | None = None
    languages: tuple[str, ...] = ()  # texts: the languages whose text differs

    @property
    def only_language(self) -> str | None:
        """For a changed text: the one language that changed, when the other did not."""
        if self.shape == "text" and self.kind == "changed" and len(self.languages) == 1:
            return self.languages[0]
        return None


@dataclass(frozen=True)
class ItemChange:
    id: str
    fields: tuple[FieldChange, ...]  # content changes, by field name
    review: tuple[FieldChange, ...]  # review bookkeeping changes, by field name

    @property
    def content_changed(self) -> bool:
        return bool(self.fields)


@dataclass(frozen=True)
class CollectionDiff:
    name: str
    compared: bool = True  # False when either snapshot lacks the collection
    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    changed: tuple[ItemChange, ...] = ()  # content changed (maybe reviewed too)
    reviewed: tuple[ItemChange, ...] = ()  # only review bookkeeping changed

    @property
    def content_changed(self) -> bool:
        return bool(self.added or self.removed or self.changed)


@dataclass(frozen=True)
class ModelDiff:
    old_version: str
    new_version: str
    routines: CollectionDiff
    matrices: CollectionDiff
    roles: CollectionDiff
    contacts: CollectionDiff

    @property
    def collections(self) -> tuple[CollectionDiff, ...]:
        return (self.routines, self.matrices, self.roles, self.contacts)

    @property
    def content_changed(self) -> bool:
        return any(c.content_changed for c in self.collections)


# --- values -------------------------------------------------------------------------------


def is_empty(value: Any) -> bool:
    return value is None or value is False or (
        isinstance(value, str | list | dict) and not value)


def normal(value: Any) -> Any:
    """``value`` with empty entries dropped from every mapping (at any depth)."""
    if isinstance(value, Mapping):
        items = ((str(k), normal(v)) for k, v in value.items())
        return {k: v for k, v in sorted(items) if not is_empty(v)}
    if isinstance(value, list):
        return [normal(v) for v in value]
    return value


def is_text(value: Any) -> bool:
    """A bilingual value: a mapping keyed by languages only (texts, keywords)."""
    return isinstance(value, dict) and bool(value) and set(value) <= set(TEXT_LANGUAGES)


def _same(old: Any, new: Any) -> bool:
    return type(old) is type(new) and old == new


def _coerce_texts(old: Any, new: Any) -> tuple[Any, Any]:
    """A plain string against a bilingual text (an older model) is its Swedish text."""
    if isinstance(old, str) and is_text(new):
        return {"sv": old}, new
    if isinstance(new, str) and is_text(old):
        return old, {"sv": new}
    return old, new


def _shape(values: list[Any]) -> Shape:
    if all(is_text(v) for v in values):
        return "text"
    if all(isinstance(v, list) for v in values):
        return "list"
    if all(isinstance(v, dict) for v in values):
        return "mapping"
    if all(isinstance(v, str | int | float | bool) for v in values):
        return "scalar"
    return "other"


def _languages(old: Any, new: Any) -> tuple[str, ...]:
    old, new = old or {}, new or {}
    return tuple(k for k in TEXT_LANGUAGES if not _same(old.get(k), new.get(k)))


def _count(value: Any) -> int | None:
    return len(value) if isinstance(value, list | dict) else None


def field_change(name: str, old: Any, new: Any) -> FieldChange | None:
    """How field ``name`` changed from ``old`` to ``new`` (either may be None: absent)."""
    old, new = _coerce_texts(normal(old), normal(new))
    old = None if is_empty(old) else old
    new = None if is_empty(new) else new
    if _same(old, new):
        return None
    kind: ChangeKind = "added" if old is None else "removed" if new is None else "changed"
    shape = _shape([v for v in (old, new) if v is not None])
    if shape == "text":
        return FieldChange(name, kind, shape, old, new, languages=_languages(old, new))
    if shape == "scalar":
        return FieldChange(name, kind, shape, old, new)
    if shape in ("list", "mapping"):
        return FieldChange(name, kind, shape, old_count=_count(old), new_count=_count(new))
    return FieldChange(name, kind, shape)


# --- items and collections ----------------------------------------------------------------


def _fields(item: Any) -> Mapping[str, Any]:
    return item if isinstance(item, Mapping) else {"value": item}


def item_change(item_id: str, old: Any, new: Any) -> ItemChange | None:
    """Every changed top-level field of one item, or None when nothing changed."""
    old_fields, new_fields = _fields(old), _fields(new)
    changes = []
    for name in sorted((set(old_fields) | set(new_fields)) - {KEY_FIELD}):
        change = field_change(name, old_fields.get(name), new_fields.get(name))
        if change is not None:
            changes.append(change)
    if not changes:
        return None
    return ItemChange(item_id,
                      fields=tuple(c for c in changes if c.field not in REVIEW_FIELDS),
                      review=tuple(c for c in changes if c.field in REVIEW_FIELDS))


def collection_diff(name: str, old: Any, new: Any) -> CollectionDiff:
    """Items added, removed, changed and only reviewed, each sorted by id."""
    if not isinstance(old, Mapping) or not isinstance(new, Mapping):
        return CollectionDiff(name, compared=False)
    changes = [item_change(key, old[key], new[key]) for key in sorted(set(old) & set(new))]
    found = [c for c in changes if c is not None]
    return CollectionDiff(
        name,
        added=tuple(sorted(set(new) - set(old))),
        removed=tuple(sorted(set(old) - set(new))),
        changed=tuple(c for c in found if c.content_changed),
        reviewed=tuple(c for c in found if not c.content_changed),
    )


def diff_snapshots(old: Mapping[str, Any], new: Mapping[str, Any]) -> ModelDiff:
    """What changed from snapshot ``old`` to snapshot ``new`` (both as parsed JSON)."""
    diffs = {name: collection_diff(name, old.get(name), new.get(name)) for name in COLLECTIONS}
    return ModelDiff(old_version=str(old.get("version", "")),
                     new_version=str(new.get("version", "")), **diffs)
