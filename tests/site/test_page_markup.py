"""A refused link or raw HTML in a page stops even a build that is not strict, and nothing
of the page is written (macros/checks/page_markup.py; the check itself:
tests/unit/checks/test_page_markup.py)."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import FIXTURE_SITE, copy_project, mkdocs_build


def test_a_refused_link_stops_even_a_non_strict_build(tmp_path: Path) -> None:
    project = copy_project(FIXTURE_SITE, tmp_path / "project")
    page = project / "docs" / "bara-svenska.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text + "\n<details open ontoggle=alert(document.domain)>x</details>\n",
                    encoding="utf-8")
    line = len(text.splitlines()) + 2
    result = mkdocs_build(project, project / "site", strict=False)
    output = result.stdout + result.stderr
    assert result.returncode != 0, output[-2000:]
    assert f"docs/bara-svenska.md:{line}: error: html: attributet ontoggle på <details>" in output
    assert "Traceback" not in output
    assert not (project / "site" / "bara-svenska" / "index.html").exists()

