"""Model snapshots (api/model.json) and the field-by-field diff between two of them, on the
fixture site's data and the repository's own data."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from macros.model.core import KnowledgeBase
from macros.model.diff import FieldChange, ItemChange, diff_snapshots, field_change
from macros.model.snapshot import (
    SNAPSHOT_FORMAT,
    Snapshot,
    SnapshotProblem,
    parse_snapshot,
    snapshot,
    snapshot_json,
    write_snapshot,
)


@pytest.fixture
def new(fixture_kb: KnowledgeBase) -> dict[str, Any]:
    return snapshot(fixture_kb, "2026")


@pytest.fixture
def old(new: dict[str, Any]) -> dict[str, Any]:
    """The previous version's snapshot: a copy of this one to be changed by each test."""
    previous = copy.deepcopy(new)
    previous["version"] = "2024"
    return previous


def only_change(old: dict[str, Any], new: dict[str, Any]) -> ItemChange:
    diff = diff_snapshots(old, new)
    assert diff.routines.added == diff.routines.removed == ()
    assert len(diff.routines.changed) == 1, diff.routines
    return diff.routines.changed[0]


# --- snapshot -------------------------------------------------------------------------------


def test_snapshot_holds_the_whole_model(fixture_kb: KnowledgeBase, new: dict[str, Any]) -> None:
    assert new["format"] == SNAPSHOT_FORMAT == 1
    assert new["version"] == "2026"
    assert list(new["routines"]) == ["delvis-oversatt", "orosanmalan"]
    assert list(new["matrices"]) == ["ansvar", "flode"]
    assert list(new["roles"]) == ["enhetschef-barn"]
    assert list(new["contacts"]) == ["kvinnofridslinjen", "mottagning"]
    assert [r["version"] for r in new["revisions"]] == ["2019"]
    routine = new["routines"]["orosanmalan"]
    assert routine["adopted_on"] == "2019-05-22"
    assert routine["steps"][1] == {"sv": "Utred inte själv; 5 < 6 & *x*"}  # no "en": None
    assert new["matrices"]["flode"]["rows"][0]["cells"]["skola"] == {
        "letter": "U", "routine": "orosanmalan"}


def test_snapshot_file_is_deterministic_and_reads_back(fixture_kb: KnowledgeBase,
                                                       tmp_path: Path) -> None:
    path = write_snapshot(tmp_path / "site", snapshot(fixture_kb, "2026"))
    assert path == tmp_path / "site" / "api" / "model.json"
    text = path.read_text(encoding="utf-8")
    assert text == snapshot_json(snapshot(fixture_kb, "2026"))
    assert "Orosanmälan" in text  # UTF-8, not \u escapes
    assert text.index('"contacts"') < text.index('"format"') < text.index('"matrices"')
    parsed = parse_snapshot(text, "site/api/model.json")
    assert isinstance(parsed, Snapshot)
    assert parsed.version == "2026"
    assert parsed.data == json.loads(text)
    assert not list((tmp_path / "site" / "api").glob("*.tmp"))


@pytest.mark.parametrize(("text", "message"), [
    ("{not json", "gh-pages:2024/api/model.json: är inte giltig JSON"),
    ("[1, 2]", "gh-pages:2024/api/model.json: är inte ett JSON-objekt"),
    ('{"version": "2024", "routines": {}}', "has no valid `format`"),
    ('{"format": true, "version": "2024"}', "has no valid `format`"),
    ('{"format": 2, "version": "2030", "routines": {}}', "has format 2, newer than this build"),
    ('{"format": 0, "version": "2024"}', "has unknown format 0"),
    ('{"format": 1, "routines": {}}', "has no valid `version`"),
    ('{"format": 1, "version": "2024", "routines": []}', "`routines` is not an object"),
    ('{"format": 1, "version": "2024", "matrices": {"a": 1}}', "entries that are not objects: a"),
])
def test_a_bad_snapshot_is_a_problem_never_an_exception(text: str, message: str) -> None:
    problem = parse_snapshot(text, "gh-pages:2024/api/model.json")
    assert isinstance(problem, SnapshotProblem)
    assert message in str(problem)
    assert problem.message.startswith("gh-pages:2024/api/model.json: ")
    assert " / " in problem.message, "in Swedish and English"


# --- diff of whole items --------------------------------------------------------------------


def test_the_same_snapshot_has_no_changes(old: dict[str, Any], new: dict[str, Any]) -> None:
    diff = diff_snapshots(old, new)
    assert (diff.old_version, diff.new_version) == ("2024", "2026")
    assert not diff.content_changed
    assert all(c.compared and not c.reviewed for c in diff.collections)


def test_added_and_removed_routines(old: dict[str, Any], new: dict[str, Any]) -> None:
    del old["routines"]["delvis-oversatt"]
    old["routines"]["borttagen"] = {"id": "borttagen", "title": {"sv": "Borttagen"}}
    old["routines"]["aaa-borttagen"] = {"id": "aaa-borttagen", "title": {"sv": "A"}}
    diff = diff_snapshots(old, new)
    assert diff.routines.added == ("delvis-oversatt",)
    assert diff.routines.removed == ("aaa-borttagen", "borttagen")  # sorted
    assert diff.routines.changed == diff.routines.reviewed == ()
    assert diff.content_changed


def test_changed_steps_give_both_counts(old: dict[str, Any], new: dict[str, Any]) -> None:
    old["routines"]["orosanmalan"]["steps"].append({"sv": "Ett steg till"})
    change = only_change(old, new)
    assert change.id == "orosanmalan"
    assert change.fields == (FieldChange("steps", "changed", "list", old_count=3, new_count=2),)
    assert change.review == ()


def test_reworded_step_is_a_change_with_the_same_count(old: dict[str, Any],
                                                       new: dict[str, Any]) -> None:
    old["routines"]["orosanmalan"]["steps"][0]["sv"] = "Anmäl senare."
    (steps,) = only_change(old, new).fields
    assert (steps.field, steps.old_count, steps.new_count) == ("steps", 2, 2)


def test_changed_owner_gives_old_and_new_value(old: dict[str, Any], new: dict[str, Any]) -> None:
    old["routines"]["orosanmalan"]["owner"] = "samordnare"
    (owner,) = only_change(old, new).fields
    assert owner == FieldChange("owner", "changed", "scalar", "samordnare", "enhetschef-barn")


def test_only_the_english_summary_changed(old: dict[str, Any], new: dict[str, Any]) -> None:
    old["routines"]["orosanmalan"]["summary"]["en"] = "Report it some day."
    (summary,) = only_change(old, new).fields
    assert (summary.field, summary.kind, summary.shape) == ("summary", "changed", "text")
    assert summary.languages == ("en",)
    assert summary.only_language == "en"


def test_both_languages_changed_is_not_one_language(old: dict[str, Any],
                                                    new: dict[str, Any]) -> None:
    old["routines"]["orosanmalan"]["title"] = {"sv": "Gammal", "en": "Old"}
    (title,) = only_change(old, new).fields
    assert title.languages == ("sv", "en")
    assert title.only_language is None
    assert title.old == {"sv": "Gammal", "en": "Old"}


def test_english_text_added_is_a_one_language_change(old: dict[str, Any],
                                                     new: dict[str, Any]) -> None:
    new["routines"]["delvis-oversatt"]["title"]["en"] = "Partly translated routine"
    diff = diff_snapshots(old, new)
    (title,) = diff.routines.changed[0].fields
    assert (title.kind, title.only_language) == ("changed", "en")


def test_only_review_dates_changed_is_reviewed_not_changed(old: dict[str, Any],
                                                           new: dict[str, Any]) -> None:
    old["routines"]["orosanmalan"]["last_reviewed"] = "2025-01-10"
    old["routines"]["orosanmalan"]["review_interval_months"] = 24
    diff = diff_snapshots(old, new)
    assert diff.routines.changed == ()
    assert not diff.content_changed
    (reviewed,) = diff.routines.reviewed
    assert reviewed.fields == ()
    assert [(c.field, c.old, c.new) for c in reviewed.review] == [
        ("last_reviewed", "2025-01-10", "2026-01-10"), ("review_interval_months", 24, 12)]


def test_content_and_review_changes_are_kept_apart(old: dict[str, Any],
                                                   new: dict[str, Any]) -> None:
    old["routines"]["orosanmalan"]["last_reviewed"] = "2025-01-10"
    old["routines"]["orosanmalan"]["decision_ref"] = "SN 2018/9"
    change = only_change(old, new)
    assert [c.field for c in change.fields] == ["decision_ref"]
    assert [c.field for c in change.review] == ["last_reviewed"]
    assert diff_snapshots(old, new).routines.reviewed == ()


def test_review_by_instead_of_an_interval(old: dict[str, Any], new: dict[str, Any]) -> None:
    routine = old["routines"]["orosanmalan"]
    del routine["review_interval_months"]
    routine["review_by"] = "2027-01-01"
    (reviewed,) = diff_snapshots(old, new).routines.reviewed
    assert [(c.field, c.kind) for c in reviewed.review] == [
        ("review_by", "removed"), ("review_interval_months", "added")]


# --- an older data model --------------------------------------------------------------------


def test_a_field_an_older_model_had_is_reported_by_name(old: dict[str, Any],
                                                        new: dict[str, Any]) -> None:
    old["routines"]["orosanmalan"]["phone_tree"] = ["chef", "jour"]
    (gone,) = only_change(old, new).fields
    assert gone == FieldChange("phone_tree", "removed", "list", old_count=2)


def test_empty_or_missing_fields_are_no_change(old: dict[str, Any], new: dict[str, Any]) -> None:
    routine = old["routines"]["delvis-oversatt"]
    for field in ("contacts", "legal_basis", "tags", "additions", "municipality_wide",
                  "example"):
        routine.pop(field, None)  # an older model without these fields
    routine["unit"] = None  # written without exclude_none
    routine["old_note"] = ""
    routine["steps"][0]["en_note"] = None
    del routine["id"]  # the key is the id
    del old["routines"]["orosanmalan"]["additions"][0]["contacts"]
    assert not diff_snapshots(old, new).content_changed


def test_a_field_the_new_model_added_is_added(old: dict[str, Any], new: dict[str, Any]) -> None:
    del old["routines"]["orosanmalan"]["tags"]
    del old["routines"]["orosanmalan"]["example"]
    change = only_change(old, new)
    assert change.fields == (FieldChange("example", "added", "scalar", None, True),
                             FieldChange("tags", "added", "list", new_count=1))


def test_a_plain_string_title_is_the_swedish_text(old: dict[str, Any],
                                                  new: dict[str, Any]) -> None:
    old["routines"]["orosanmalan"]["title"] = "Orosanmälan om barn"  # before bilingual texts
    (title,) = only_change(old, new).fields
    assert (title.shape, title.languages) == ("text", ("en",))


def test_a_missing_collection_is_not_compared(old: dict[str, Any], new: dict[str, Any]) -> None:
    del old["matrices"]
    diff = diff_snapshots(old, new)
    assert not diff.matrices.compared
    assert diff.matrices.added == ()
    assert diff.routines.compared


def test_matrix_rows_and_legend(old: dict[str, Any], new: dict[str, Any]) -> None:
    matrix = old["matrices"]["flode"]
    matrix["rows"].pop()
    matrix["legend"]["S"] = {"sv": "Stödjer"}
    matrix["transpose"] = False
    (change,) = diff_snapshots(old, new).matrices.changed
    assert change.fields == (
        FieldChange("legend", "changed", "mapping", old_count=3, new_count=2),
        FieldChange("rows", "changed", "list", old_count=1, new_count=2),
        FieldChange("transpose", "added", "scalar", None, True),
    )


def test_roles_and_contacts_by_id(old: dict[str, Any], new: dict[str, Any]) -> None:
    old["roles"]["samordnare"] = {"id": "samordnare", "title": {"sv": "Samordnare"}}
    del old["contacts"]["mottagning"]
    old["contacts"]["kvinnofridslinjen"]["phone"] = "020-00 00 00"
    diff = diff_snapshots(old, new)
    assert diff.roles.removed == ("samordnare",)
    assert diff.contacts.added == ("mottagning",)
    assert [c.id for c in diff.contacts.changed] == ["kvinnofridslinjen"]


def test_a_verified_contact_is_reviewed_not_changed(old: dict[str, Any],
                                                    new: dict[str, Any]) -> None:
    old["contacts"]["kvinnofridslinjen"]["verified_on"] = "2089-01-01"
    diff = diff_snapshots(old, new)
    assert diff.contacts.changed == ()
    assert [c.id for c in diff.contacts.reviewed] == ["kvinnofridslinjen"]


@pytest.mark.parametrize(("old", "new", "expected"), [
    ("a", "a", None),
    (None, [], None),
    (False, None, None),
    (1, True, FieldChange("x", "changed", "scalar", 1, True)),
    ("a", ["a"], FieldChange("x", "changed", "other")),
    ({"sv": "a"}, None, FieldChange("x", "removed", "text", {"sv": "a"}, None,
                                    languages=("sv",))),
])
def test_field_change_values(old: Any, new: Any, expected: FieldChange | None) -> None:
    assert field_change("x", old, new) == expected


# --- the repository's own data --------------------------------------------------------------


def test_real_data_changes(repo_kb: KnowledgeBase) -> None:
    new = snapshot(repo_kb, "2026")
    old = json.loads(snapshot_json(new))  # through JSON, as read from the deploy branch
    first, second, third = sorted(old["routines"])[:3]
    old["routines"][first]["steps"].pop()
    other_role = next(r for r in sorted(old["roles"]) if r != old["routines"][first]["owner"])
    old["routines"][first]["owner"] = other_role
    old["routines"][second]["last_reviewed"] = "2020-01-01"
    del old["routines"][third]
    old["matrices"]["arendeflode"]["rows"].pop()
    diff = diff_snapshots(old, new)
    assert diff.routines.added == (third,)
    assert [c.id for c in diff.routines.changed] == [first]
    assert [(c.field, c.kind) for c in diff.routines.changed[0].fields] == [
        ("owner", "changed"), ("steps", "changed")]
    assert [c.id for c in diff.routines.reviewed] == [second]
    assert [c.id for c in diff.matrices.changed] == ["arendeflode"]
    assert snapshot_json(new) == snapshot_json(snapshot(repo_kb, "2026"))
