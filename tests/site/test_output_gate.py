"""The output gate (macros/build/output_gate.py) on real builds: the repository's and the
fixture's sites pass; a build that writes script fails, strict or not, and removes the file.
The gate on hand-written files: tests/unit/build/test_output_gate.py."""

from __future__ import annotations

from pathlib import Path

from macros.build.output_gate import OutputGate, theme_scripts
from tests.conftest import FIXTURE_SITE, ROOT, copy_project, mkdocs_build


def test_the_built_sites_pass(small_project: Path, small_site: Path, real_site: Path) -> None:
    assert _gate_for(small_project).scan(small_site) == []
    assert _gate_for(ROOT).scan(real_site) == []

def _gate_for(project: Path) -> OutputGate:
    from mkdocs.config import load_config

    from macros.render.csp import theme_script_hashes

    config = load_config(str(project / "mkdocs.yml"))
    return OutputGate(theme_scripts(config.theme.dirs, config.extra_javascript),
                      frozenset(theme_script_hashes(config)), "/")

def test_a_build_that_writes_script_fails_and_removes_the_file(tmp_path: Path) -> None:
    """A static file copied from docs/ is not a page: only the gate sees it."""
    project = copy_project(FIXTURE_SITE, tmp_path / "project")
    (project / "docs" / "widget.html").write_text(
        "<!doctype html><p>Widget</p><script>alert(document.domain)</script>", encoding="utf-8")
    (project / "docs" / "logo.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', encoding="utf-8")
    result = mkdocs_build(project, project / "site", strict=False)
    output = result.stdout + result.stderr
    assert result.returncode != 0, output[-3000:]
    assert ("site/widget.html: error: ett skript som inte är webbplatsens eget ('alert(document"
            ".domain)') / a script that is not one of the site's own") in output
    assert "site/logo.svg: error: attributet onload på <svg> kör skript" in output
    assert "output gate" in output and "Traceback" not in output
    assert not (project / "site" / "widget.html").exists()
    assert not (project / "site" / "logo.svg").exists()
    assert (project / "site" / "index.html").exists()
