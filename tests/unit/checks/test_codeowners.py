"""CODEOWNERS from the owners in the data; `kb check` fails when it is out of date."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from click.testing import CliRunner

from macros.checks.codeowners import CODEOWNERS, render_codeowners
from macros.checks.project import open_project
from macros.checks.registry import check_project
from macros.cli import main
from macros.model.catalogue import both
from tests.conftest import ROOT


def test_every_routine_and_page_gets_its_owners_team(data_copy: Callable[[], Path]) -> None:
    project = open_project(data_copy())
    assert project.kb is not None
    text = render_codeowners(project.kb, project.pages, "routines", "docs")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    assert lines[0] == "* @testby/enhetschef-barn"  # first: later lines win
    assert "/routines/socialtjanst/orosanmalan.yml @testby/enhetschef-barn" in lines
    assert "/docs/bara-svenska.md @testby/enhetschef-barn" in lines
    assert "/routines/organisation.yml @testby/enhetschef-barn" in lines


def test_a_new_owner_makes_the_file_stale_until_regenerated(
        data_copy: Callable[[], Path]) -> None:
    root = data_copy()
    roles = root / "routines/roles.yml"
    roles.write_text(roles.read_text(encoding="utf-8") + (
        "  - id: rektor\n    github: \"@testby/rektorer\"\n"
        "    title: {sv: Rektor, en: Head teacher}\n    department: skola\n"), encoding="utf-8")
    page = root / "docs/bara-svenska.md"
    page.write_text(page.read_text(encoding="utf-8").replace("owner: enhetschef-barn",
                                                             "owner: rektor"), encoding="utf-8")
    stale = [p for p in check_project(open_project(root), date.today()) if p.file == CODEOWNERS]
    assert [p.format() for p in stale] == [
        f".github/CODEOWNERS: error: {both('chk_codeowners_stale')} — "
        f"{both('chk_codeowners_fix')}"]
    assert "is out of date with the owners in the data" in stale[0].message  # English too
    result = CliRunner().invoke(main, ["--root", str(root), "codeowners"])
    assert result.exit_code == 0 and "wrote .github/CODEOWNERS" in result.stdout
    assert "/docs/bara-svenska.md @testby/rektorer" in (root / CODEOWNERS).read_text()
    assert not [p for p in check_project(open_project(root), date.today())
                if p.file == CODEOWNERS]


def test_the_repository_file_is_current() -> None:
    project = open_project(ROOT)
    assert project.kb is not None
    assert (ROOT / CODEOWNERS).read_text(encoding="utf-8") == render_codeowners(
        project.kb, project.pages, "routines", "docs")
