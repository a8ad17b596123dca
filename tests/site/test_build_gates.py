"""The strict build is a gate too: a page without review fields, personal data, a broken link
and a broken anchor are all reported in one run, naming the file, and the build fails; and a
build for a version that is not a revision (MIKE_DOCS_VERSION) stops."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from macros.model.versions import VERSION_ENV
from tests.conftest import FIXTURE_SITE, copy_project, mkdocs_build


def test_one_strict_build_reports_every_mistake(data_copy: Callable[[], Path],
                                                tmp_path: Path) -> None:
    project = data_copy()
    (project / "docs/ny.md").write_text("# Ny sida\n\nSe [sidan](finns-inte.md) och "
                                        "[avsnittet](bara-svenska.md#saknas).\n",
                                        encoding="utf-8")
    page = project / "docs/bara-svenska.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nRing 070-123 45 67.\n",
                    encoding="utf-8")
    result = subprocess.run(  # not -q: the link warnings are what we look for
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"),
         "-d", str(tmp_path / "site")], capture_output=True, text=True, cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, timeout=300, check=False)
    log = result.stdout + result.stderr
    assert result.returncode != 0
    assert ("docs/ny.md:1: error: owner: sidan har inga granskningsfält / "
            "the page has no review fields") in log
    assert "docs/bara-svenska.md:11: error: text: ser ut som ett mobilnummer" in log
    assert "/ looks like a mobile phone number" in log
    assert "070-123 45 67" not in log
    assert "'ny.md' contains a link 'finns-inte.md'" in log
    assert "'ny.md' contains a link 'bara-svenska.md#saknas'" in log
    assert "Traceback" not in log


def test_a_non_strict_build_still_builds_and_leaves_out_the_notice(
        data_copy: Callable[[], Path], tmp_path: Path) -> None:
    """`mkdocs serve` goes on while an editor fixes the front matter."""
    project = data_copy()
    (project / "docs/ny.md").write_text("# Ny sida\n", encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site", strict=False)
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "site/ny/index.html").read_text(encoding="utf-8")
    assert '<aside class="kb-review"' not in html


def test_the_test_builds_are_strict_about_warnings(data_copy: Callable[[], Path],
                                                   tmp_path: Path) -> None:
    """tests.conftest.mkdocs_build must fail on a warning alone (a broken link), or every
    'strict' site the tests build could hide one: `mkdocs build --strict -q` passes it."""
    project = data_copy()
    page = project / "docs/bara-svenska.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[Trasig](finns-inte.md)\n",
                    encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "'bara-svenska.md' contains a link 'finns-inte.md'" in result.stdout + result.stderr


def test_a_build_for_an_unknown_version_fails(monkeypatch: pytest.MonkeyPatch,
                                              tmp_path: Path) -> None:
    """mike sets MIKE_DOCS_VERSION; a version that is not a revision stops the build."""
    project = copy_project(FIXTURE_SITE, tmp_path / "project")
    monkeypatch.setenv(VERSION_ENV, "1999")
    result = mkdocs_build(project, project / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "MIKE_DOCS_VERSION" in output and "'1999'" in output and "known: 2019" in output
