"""The successor's build of tests/fixtures/site, shared by tests/site/ and tests/browser/
(a session fixture, imported by conftest.py)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from macros.cli import main
from tests.conftest import ROOT

SUCCESSOR_BIN = ROOT / ".venv-successor" / "bin"


def require_successor() -> None:
    """Skip with the reason when .venv-successor is missing; under CI=true, fail."""
    if not (SUCCESSOR_BIN / "zensical-i18n").exists():
        reason = ".venv-successor is missing: run `make install-successor` (make test does)"
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)


@pytest.fixture(scope="session")
def successor_site(small_project: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """tests/fixtures/site built by the successor, with make build-successor's steps (the
    commands themselves, KB_PDF=off: the fixture has no plan)."""
    require_successor()
    folder = tmp_path_factory.mktemp("successor")
    out, site = folder / "successor", folder / "site-successor"
    runner = CliRunner()
    env = {"KB_PDF": "off"}
    for args in (["stage", "--out", str(out)], ["successor", "prepare", str(out),
                                                "--theme-root", str(ROOT)]):
        run = runner.invoke(main, ["--root", str(small_project), *args], env=env)
        assert run.exit_code == 0, run.output
    done = subprocess.run([str(SUCCESSOR_BIN / "python"), "-m", "macros.successor.run",
                           str(out)], capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=600,
                          check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    run = runner.invoke(main, ["--root", str(small_project), "successor", "finish", str(out),
                               str(site)], env=env)
    assert run.exit_code == 0, run.output
    return site
