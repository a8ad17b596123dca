"""A mistyped macro name in a page fails the build with file, line and fix, no traceback."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import FIXTURE_SITE, copy_project, mkdocs_build



def test_mistyped_macro_names_file_line_and_fix(tmp_path: Path) -> None:
    project = copy_project(FIXTURE_SITE, tmp_path / "project")
    page = project / "docs" / "andringar.md"
    lines = page.read_text(encoding="utf-8").splitlines()
    lines.append("{{ contact_tabel('112') }}")  # a typo for contact_table
    page.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert f"docs/andringar.md:{len(lines)}: error: `contact_tabel`" in output
    assert "is not a macro or variable — check its spelling" in output
    assert "är inget makro eller ingen variabel" in output
    assert "Traceback" not in output
    assert not (tmp_path / "site" / "andringar" / "index.html").exists()
