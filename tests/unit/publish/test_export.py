"""`kb export-site` before anything is published: it says what to do and writes nothing.
Exports of a published branch: tests/site/test_publish.py."""

from __future__ import annotations

from pathlib import Path

from macros.model.catalogue import both
from tests.conftest import FIXTURE_SITE, copy_project
from tests.publishing import git, kb


def test_export_without_a_branch_says_what_to_do(tmp_path: Path) -> None:
    project = copy_project(FIXTURE_SITE, tmp_path / "project")
    git(project, "init", "-q", "-b", "main")
    result = kb(project, "export-site", str(tmp_path / "out"))
    assert result.returncode == 1 and "make publish" in result.stderr
    assert both("exp_no_branch", branch="site") in result.stderr  # Swedish and English
    assert not (tmp_path / "out").exists()
