"""Shared fixtures: the real site and a small fixture site, each built once per test run."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_SITE = ROOT / "tests" / "fixtures" / "site"


def copy_project(source: Path, target: Path) -> Path:
    """Copy a project (mkdocs.yml, docs/, routines/) and point it at the repo's overrides/."""
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("site", ".venv", ".git",
                                                                  "tests", "__pycache__"))
    config = target / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("custom_dir: overrides", f"custom_dir: {ROOT / 'overrides'}"),
                      encoding="utf-8")
    return target


def mkdocs_build(project: Path, site_dir: Path,
                 strict: bool = True) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "mkdocs", "build", "--clean", "-q",
               "-f", str(project / "mkdocs.yml"), "-d", str(site_dir)]
    if strict:
        command.append("--strict")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(command, capture_output=True, text=True, env=env, cwd=project,
                          timeout=600, check=False)


def _built(project: Path, site: Path) -> Path:
    result = mkdocs_build(project, site)
    assert result.returncode == 0, f"build failed:\n{result.stdout}\n{result.stderr}"
    return site


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's own site, built once (strict) for the whole run."""
    return _built(ROOT, tmp_path_factory.mktemp("real") / "site")


@pytest.fixture(scope="session")
def small_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_project(FIXTURE_SITE, tmp_path_factory.mktemp("small") / "project")


@pytest.fixture(scope="session")
def small_site(small_project: Path) -> Path:
    """tests/fixtures/site built once (strict): a routine with missing English text, etc."""
    return _built(small_project, small_project / "site")


@pytest.fixture
def data_copy(tmp_path: Path) -> Callable[[], Path]:
    """A fresh copy of the fixture project's data, for tests that break a file."""
    def make() -> Path:
        return copy_project(FIXTURE_SITE, tmp_path / "project")
    return make


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true",
                     help="rewrite tests/golden/* from the current output")


@pytest.fixture
def golden(request: pytest.FixtureRequest) -> Callable[[str, str], None]:
    """Compare output with tests/golden/<name>; --update-golden rewrites the file."""
    def check(name: str, actual: str) -> None:
        path = ROOT / "tests" / "golden" / name
        if request.config.getoption("--update-golden"):
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(actual, encoding="utf-8")
        assert path.exists(), f"{path} is missing: run pytest --update-golden"
        assert actual == path.read_text(encoding="utf-8"), f"{name} differs from the golden file"
    return check


def read(site: Path, relative: str) -> str:
    return (site / relative).read_text(encoding="utf-8")
