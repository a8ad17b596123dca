"""Loading: every content mistake becomes a problem naming file, line and field — all in one run."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from macros.load import loader
from macros.load.loader import load
from macros.model.catalogue import Phrase, both
from tests.bad_inputs import CASES, ROUTINE, Case


def test_fixture_data_is_clean(data_copy: Callable[[], Path]) -> None:
    result = load(data_copy())
    assert result.problems == []
    assert result.ok and result.kb is not None
    assert set(result.kb.routines) == {"orosanmalan", "delvis-oversatt"}
    assert result.kb.sources["orosanmalan"] == "routines/socialtjanst/orosanmalan.yml"


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_input_names_file_field_and_fix(case: Case, data_copy: Callable[[], Path]) -> None:
    project = data_copy()
    case.apply(project)
    result = load(project)
    assert not result.ok
    expected_file = case.reported_file or case.file
    matching = [p for p in result.problems
                if p.file == expected_file and p.field == case.field and case.says in p.format()]
    shown = "\n".join(p.format() for p in result.problems)
    assert matching, f"expected {expected_file}: {case.field}: …{case.says}… in:\n{shown}"
    problem = matching[0]
    if case.line is not None:
        assert problem.line == case.line, shown
    assert problem.format().startswith(f"{expected_file}:")
    assert "Traceback" not in shown


def test_all_problems_in_one_run(data_copy: Callable[[], Path]) -> None:
    project = data_copy()
    chosen = [c for c in CASES if c.name in
              ("bad date", "bad phone number", "letter not in legend", "unknown committee")]
    for case in chosen:
        case.apply(project)
    fields = {p.field for p in load(project).problems}
    assert {c.field for c in chosen} <= fields


def test_reference_problems_of_an_invalid_file_are_reported_too(
        data_copy: Callable[[], Path]) -> None:
    """A schema error does not hide the file's unknown ids (all problems in one run)."""
    project = data_copy()
    for name in ("bad date", "unknown contact", "unknown owner", "unknown related routine"):
        next(c for c in CASES if c.name == name).apply(project)
    problems = load(project).problems
    assert sorted(p.field for p in problems) == ["contacts[0]", "last_reviewed", "owner",
                                                 "related[0]"]


def test_a_value_with_a_schema_error_is_not_reported_twice(
        data_copy: Callable[[], Path]) -> None:
    project = data_copy()
    Case("", ROUTINE, "department: socialtjanst", "department: Social tjänst", "", "").apply(
        project)
    next(c for c in CASES if c.name == "bad date").apply(project)
    problems = load(project).problems
    assert sorted(p.field for p in problems) == ["department", "last_reviewed"]
    assert "not a valid id" in problems[0].message


def test_messages_carry_a_fix(data_copy: Callable[[], Path]) -> None:
    project = data_copy()
    next(c for c in CASES if c.name == "unknown unit").apply(project)
    problem = load(project).errors[0]
    where = Phrase("where_units", file="routines/organisation.yml")
    assert problem.format() == (
        "routines/socialtjanst/orosanmalan.yml:4: error: unit: "
        + both("ref_unknown", what=Phrase("noun_unit"), value="barn-och-ungdom") + " — "
        + both("ref_unknown_hint", close="barn-och-unga", where=where))
    assert problem.format().endswith(
        "did you mean `barn-och-unga`? use an id from units in routines/organisation.yml")


def test_invalid_routine_does_not_cascade(data_copy: Callable[[], Path]) -> None:
    """A routine that fails validation is still a known id for `related`."""
    project = data_copy()
    next(c for c in CASES if c.name == "bad date").apply(project)
    problems = load(project).problems
    assert [p.field for p in problems] == ["last_reviewed"]


def test_result_is_cached_until_a_file_changes(data_copy: Callable[[], Path]) -> None:
    project = data_copy()
    first = load(project)
    assert load(project) is first
    path = project / "routines/socialtjanst/delvis-oversatt.yml"
    path.write_text(path.read_text(encoding="utf-8") + "tags: [ny]\n", encoding="utf-8")
    second = load(project)
    assert second is not first and second.kb is not None
    assert second.kb.routines["delvis-oversatt"].tags == ["ny"]


def test_missing_data_folder(tmp_path: Path) -> None:
    result = load(tmp_path)
    assert not result.ok
    assert result.problems[0].format().startswith("routines: error:")


def test_kind_of_files(data_copy: Callable[[], Path]) -> None:
    data = data_copy() / "routines"
    assert loader.kind_of(data / "organisation.yml", data) == "organisation"
    assert loader.kind_of(data / "matrices" / "x.yml", data) == "matrix"
    assert loader.kind_of(data / "skola" / "organisation.yml", data) == "routine"


def test_yaml_suffix_is_read_too(data_copy: Callable[[], Path]) -> None:
    project = data_copy()
    routine = project / "routines/socialtjanst/delvis-oversatt.yml"
    shutil.move(routine, routine.with_suffix(".yaml"))
    assert load(project).ok


def test_same_search_word_on_two_routines_is_a_warning(data_copy: Callable[[], Path]) -> None:
    project = data_copy()
    for name in ("orosanmalan", "delvis-oversatt"):
        path = project / f"routines/socialtjanst/{name}.yml"
        words = f"keywords: {{sv: [Orosanmälan, unik-{name}]}}\n"
        path.write_text(path.read_text(encoding="utf-8") + words, encoding="utf-8")
    result = load(project)
    assert result.ok  # a warning, not an error
    [problem] = result.problems
    assert problem.field == "keywords.sv[0]"
    assert problem.file == "routines/socialtjanst/orosanmalan.yml"
    assert "also a search word of `delvis-oversatt`" in problem.message
