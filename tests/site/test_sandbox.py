"""A prose page cannot leave the sandbox through the theme's Jinja environment, in a real
build (macros/build/sandbox.py; the sandbox alone: tests/unit/build/test_sandbox.py)."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import FIXTURE_SITE, copy_project, mkdocs_build


def test_the_theme_environment_is_refused_in_a_real_page(tmp_path: Path) -> None:
    project = copy_project(FIXTURE_SITE, tmp_path / "project")
    page = project / "docs" / "bara-svenska.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text + "\n{{ config.theme.get_env().from_string('{{ cycler.__init__"
                    ".__globals__.os.getcwd() }}').render() }}\n", encoding="utf-8")
    result = mkdocs_build(project, project / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert f"docs/bara-svenska.md:{len(text.splitlines()) + 2}: error:" in output, output[-2000:]
    assert "reaches for Python internals" in output and "Traceback" not in output
    assert str(project) not in output.split("error:", 1)[-1].split("\n", 1)[0]

