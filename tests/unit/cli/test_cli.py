"""The `kb` command line: exit codes and one problem per line."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from click.testing import CliRunner

from macros.cli import main
from tests.bad_inputs import CASES
from tests.conftest import ROOT


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_check_on_a_broken_file_prints_file_line_and_exits_1(
        data_copy: Callable[[], Path]) -> None:
    project = data_copy()
    for case in CASES[:6]:
        case.apply(project)
    code, out, err = run("--root", str(project), "check")
    assert code == 1
    lines = out.splitlines()
    assert len(lines) >= 5
    assert "routines/socialtjanst/orosanmalan.yml:3: error: " in out
    assert all(line.startswith(("routines/", "schemas/", "docs/", ".github/")) for line in lines)
    assert "error(s)" in err


def test_console_script_never_shows_a_traceback(data_copy: Callable[[], Path]) -> None:
    project = data_copy()
    (project / "routines/skola").mkdir()
    (project / "routines/skola/trasig.yml").write_bytes(b"id: \xff\xfe broken\n")
    result = subprocess.run([sys.executable, "-m", "macros", "--root", str(project), "check"],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 1
    assert "routines/skola/trasig.yml: error: är inte UTF-8-text" in result.stdout
    assert " / is not UTF-8 text" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_schema_check_and_write(tmp_path: Path) -> None:
    code, out, _ = run("--root", str(tmp_path), "schema", "--check")
    assert code == 1 and "schemas/routine.schema.json: inaktuellt" in out and "out of date" in out
    code, out, _ = run("--root", str(tmp_path), "schema")
    assert code == 0 and "wrote schemas/routine.schema.json" in out
    assert run("--root", str(tmp_path), "schema", "--check")[0] == 0


def test_repository_schemas_are_current() -> None:
    assert run("--root", str(ROOT), "schema", "--check")[0] == 0
