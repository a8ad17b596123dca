"""The bad-input corpus through `kb check` and `kb review`: every mistake names its file and
field (and line where known), in one run, never as a traceback."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from macros.cli import main
from tests.bad_inputs import CASES, CHECK_CASES, Case, all_problems


def test_the_corpus_is_large_enough() -> None:
    assert len(CASES) + len(CHECK_CASES) >= 20
    assert len({c.name for c in CASES + CHECK_CASES}) == len(CASES) + len(CHECK_CASES)


def test_the_fixture_project_has_only_the_expected_warnings(
        data_copy: Callable[[], Path]) -> None:
    problems = all_problems(data_copy())
    assert [p.format() for p in problems if p.is_error] == []


@pytest.mark.parametrize("case", CHECK_CASES, ids=[c.name for c in CHECK_CASES])
def test_check_names_file_field_and_fix(case: Case, data_copy: Callable[[], Path]) -> None:
    root = data_copy()
    before = {p.format() for p in all_problems(root)}
    case.apply(root)
    problems = [p for p in all_problems(root) if p.format() not in before]
    expected_file = case.reported_file or case.file
    shown = "\n".join(p.format() for p in problems)
    matching = [p for p in problems if p.file == expected_file and p.field == case.field
                and case.says in p.format() and p.severity.value == case.severity]
    assert matching, f"expected {expected_file}: {case.severity}: {case.field}: …{case.says}… " \
                     f"in:\n{shown}"
    if case.line is not None:
        assert matching[0].line == case.line, shown
    assert matching[0].fix, "every problem says how to fix it"


def test_every_check_case_at_once_through_the_command(data_copy: Callable[[], Path]) -> None:
    """All mistakes in one run: each case's file appears in `kb check`'s output."""
    root = data_copy()
    chosen = [c for c in CHECK_CASES if c.name in (
        "page without review fields", "personal identity number in a step",
        "mobile number of a contact", "page owner unknown", "English text missing")]
    for case in chosen:
        case.apply(root)
    result = CliRunner().invoke(main, ["--root", str(root), "check"])
    assert result.exit_code == 1
    for case in chosen:
        assert f"{case.file}:" in result.stdout and case.field in result.stdout
    assert "Traceback" not in result.stdout + result.stderr
    assert "121212-1212" not in result.stdout, "personal data is never repeated in the log"
