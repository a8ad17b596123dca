"""The "What changed" page: routines and matrices added, removed and changed since the
previous published version, field by field, in the page's language.

The comparison is :mod:`macros.model.diff` between the previous version's snapshot and a
snapshot of this build. Text from either snapshot is escaped (:mod:`macros.model.markdown`); the
label templates are code and hold no Markdown, so they take already escaped values.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from macros.model.catalogue import catalogue, label
from macros.model.core import MatrixFile, Routine
from macros.model.diff import CollectionDiff, FieldChange, ItemChange, diff_snapshots, is_text
from macros.model.markdown import plain
from macros.model.snapshot import Snapshot, snapshot
from macros.model.text import PlainText
from macros.render.blocks import Renderer

_NAME_FIELDS = ("title", "name")  # what an item is called, in every collection
_ROLE_FIELDS = frozenset({"owner"})
_ORG_FIELDS = frozenset({"department", "unit", "committee"})
_CODE_NAME = re.compile(r"^[A-Za-z0-9_.-]+$")


@dataclass
class _Page:
    r: Renderer
    old: Mapping[str, Any]  # the baseline snapshot
    new: Mapping[str, Any]  # this build's snapshot

    def say(self, key: str, **markdown: str) -> str:
        """A label with values that are already Markdown (escaped)."""
        return label(key, self.r.lang, **markdown)

    def item(self, side: Mapping[str, Any], collection: str, item_id: str) -> Mapping[str, Any]:
        items = side.get(collection)
        found = items.get(item_id) if isinstance(items, Mapping) else None
        return found if isinstance(found, Mapping) else {}

    def name(self, collection: str, item_id: str) -> str:
        """The item's title or name in the page's language, from this build or else from the
        baseline; its id when neither has one."""
        for side in (self.new, self.old):
            item = self.item(side, collection, item_id)
            for field in _NAME_FIELDS:
                if field in item:
                    return self.text(item[field], item_id)
        return plain(item_id)

    def text(self, value: Any, fallback: str) -> str:
        """A bilingual value from a snapshot (or a plain string from an older one)."""
        if isinstance(value, str):
            return plain(value)
        if is_text(value):
            sv, en = value.get("sv"), value.get("en")
            if isinstance(sv, str) or isinstance(en, str):
                sv = sv if isinstance(sv, str) else en
                en = en if isinstance(en, str) else None
                return self.r.t(PlainText.model_construct(sv=sv, en=en))
        return plain(fallback)


# --- field lines ----------------------------------------------------------------------------


def _field_name(page: _Page, field: str) -> str:
    key = f"chg_field_{field}"
    if key in catalogue():
        return page.r.label(key)
    name = f"`{field}`" if _CODE_NAME.match(field) else plain(field)
    return page.say("chg_field_unknown", name=name)


def _value(page: _Page, field: str, value: Any) -> str:
    """A scalar as the reader knows it: a role's title, a department's name, yes/no."""
    if isinstance(value, bool):
        return page.r.label("chg_yes" if value else "chg_no")
    text = str(value)
    if field in _ROLE_FIELDS:
        return page.name("roles", text)
    org_name = page.r.kb.org_name(text) if field in _ORG_FIELDS else None
    return page.r.t(org_name) if org_name is not None else plain(text)


def _count(page: _Page, field: str, n: int | None) -> str:
    key = f"chg_n_{field}"
    if n == 1 and f"{key}_one" in catalogue():
        key += "_one"
    return page.r.label(key, n=n) if key in catalogue() else str(n)


def _value_line(page: _Page, change: FieldChange, field: str) -> str:
    old, new = (_value(page, change.field, v) for v in (change.old, change.new))
    return page.say(f"chg_value_{change.kind}", field=field, old=old, new=new)


def _count_line(page: _Page, change: FieldChange, field: str) -> str:
    old, new = change.old_count, change.new_count
    if change.kind == "changed":
        key = "chg_count_changed" if old != new else "chg_count_same"
        return page.say(key, field=field, old=str(old), new=_count(page, change.field, new))
    return page.say(f"chg_count_{change.kind}", field=field,
                    old=_count(page, change.field, old), new=_count(page, change.field, new))


def _text_line(page: _Page, change: FieldChange, field: str) -> str:
    line = page.say(f"chg_field_{change.kind}", field=field)
    if change.only_language:
        line += " " + page.r.label(f"chg_only_{change.only_language}")
    if change.field == "title" and change.kind == "changed" \
            and _in_language(change.old, page.r.lang) != _in_language(change.new, page.r.lang):
        line += " " + page.say("chg_was", old=page.text(change.old, ""))
    return line


def _in_language(value: Any, lang: str) -> Any:
    return value.get(lang) or value.get("sv") if isinstance(value, Mapping) else value


def _field_line(page: _Page, change: FieldChange) -> str:
    """One change as a sentence, e.g. "Stegen har ändrats (5 → 6 steg)"."""
    field = _field_name(page, change.field)
    if change.shape == "scalar":
        return _value_line(page, change, field)
    if change.shape in ("list", "mapping"):
        return _count_line(page, change, field)
    if change.shape == "text":
        return _text_line(page, change, field)
    return page.say(f"chg_field_{change.kind}", field=field)


# --- sections -------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Kind:
    """How one detailed collection is shown."""

    collection: str
    heading: str  # label key
    field_order: tuple[str, ...]  # the model's field order; unknown fields after, by name
    show: Callable[[_Page, str], str]  # an item of this build (a link where there is a page)


def _show_routine(page: _Page, item_id: str) -> str:
    return page.r.routine_link(item_id) if item_id in page.r.kb.routines \
        else page.name("routines", item_id)


def _show_matrix(page: _Page, item_id: str) -> str:
    return page.name("matrices", item_id)


_ROUTINES = _Kind("routines", "routines", tuple(Routine.model_fields), _show_routine)
_MATRICES = _Kind("matrices", "chg_matrices", tuple(MatrixFile.model_fields), _show_matrix)


def _ordered(kind: _Kind, changes: tuple[FieldChange, ...]) -> list[FieldChange]:
    order = {name: i for i, name in enumerate(kind.field_order)}
    return sorted(changes, key=lambda c: (order.get(c.field, len(order)), c.field))


def _sort_key(page: _Page, kind: _Kind, item_id: str) -> tuple[str, str]:
    return (page.name(kind.collection, item_id).casefold(), item_id)


def _item_block(page: _Page, kind: _Kind, change: ItemChange) -> str:
    lines = [f"- {kind.show(page, change.id)}"]
    for field in [*_ordered(kind, change.fields), *_ordered(kind, change.review)]:
        lines.append(f"    - {_field_line(page, field)}")
    return "\n".join(lines)


def _subsection(page: _Page, kind: _Kind, key: str, blocks: list[str]) -> list[str]:
    if not blocks:
        return []
    anchor = f"{kind.collection}-{key.removeprefix('chg_')}"
    return [f"### {page.r.label(key)} {{ #{anchor} }}", "\n".join(blocks)]


def _by_name(page: _Page, kind: _Kind, ids: tuple[str, ...]) -> list[str]:
    return sorted(ids, key=lambda i: _sort_key(page, kind, i))


def _changes_by_name(page: _Page, kind: _Kind,
                     changes: tuple[ItemChange, ...]) -> list[ItemChange]:
    return sorted(changes, key=lambda c: _sort_key(page, kind, c.id))


def _collection_section(page: _Page, kind: _Kind, diff: CollectionDiff) -> list[str]:
    """## heading, then Added / Removed / Changed / Reviewed; nothing when nothing changed."""
    heading = f"## {page.r.label(kind.heading)} {{ #{kind.collection} }}"
    if not diff.compared:
        return [heading, page.r.label("chg_not_compared")]
    parts = [
        *_subsection(page, kind, "chg_added", [
            f"- {kind.show(page, i)}" for i in _by_name(page, kind, diff.added)]),
        *_subsection(page, kind, "chg_removed", [
            f"- {page.name(kind.collection, i)}" for i in _by_name(page, kind, diff.removed)]),
        *_subsection(page, kind, "chg_changed", [
            _item_block(page, kind, c) for c in _changes_by_name(page, kind, diff.changed)]),
        *_subsection(page, kind, "chg_reviewed", [
            _item_block(page, kind, c) for c in _changes_by_name(page, kind, diff.reviewed)]),
    ]
    return [heading, *parts] if parts else []


def _names(page: _Page, collection: str, ids: list[str]) -> str:
    return ", ".join(sorted((page.name(collection, i) for i in ids), key=str.casefold))


def _people_line(page: _Page, diff: CollectionDiff, heading: str) -> str | None:
    """"**Roller** – nya: …; ändrade: …" for roles or contacts, or None without changes."""
    if not diff.compared:
        return f"- **{page.r.label(heading)}** – {page.r.label('chg_not_compared')}"
    groups = [("chg_added_list", list(diff.added)), ("chg_removed_list", list(diff.removed)),
              ("chg_changed_list", [c.id for c in diff.changed])]
    said = [page.say(key, items=_names(page, diff.name, ids)) for key, ids in groups if ids]
    if not said:
        return None
    return f"- **{page.r.label(heading)}** – " + "; ".join(said)


# --- the page -------------------------------------------------------------------------------


def _no_baseline(r: Renderer, reason: str) -> str:
    title = label("chg_no_baseline_title", r.lang)
    return f'!!! note "{title}"\n\n    {plain(reason)}'


def what_changed(r: Renderer, current_version: str, baseline: Snapshot | None,
                 reason_if_none: str) -> str:
    """Markdown for the "What changed" page of ``current_version`` (no page title); without
    a baseline, a note that gives ``reason_if_none`` (already in the page's language)."""
    if baseline is None:
        return _no_baseline(r, reason_if_none)
    page = _Page(r, baseline.data, snapshot(r.kb, current_version))
    diff = diff_snapshots(page.old, page.new)
    previous = plain(baseline.version)
    parts = [page.say("chg_compared", current=plain(current_version), previous=previous)]
    if not diff.content_changed:
        parts.append(page.say("chg_nothing", previous=previous))
    parts += _collection_section(page, _ROUTINES, diff.routines)
    parts += _collection_section(page, _MATRICES, diff.matrices)
    people = [line for line in (_people_line(page, diff.roles, "chg_roles"),
                                _people_line(page, diff.contacts, "contacts")) if line]
    if people:
        parts += [f"## {r.label('chg_roles_contacts')} {{ #roles-contacts }}", "\n".join(people)]
    return r.with_note("\n\n".join(parts))
