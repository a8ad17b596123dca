"""The Content-Security-Policy on the built site (macros/render/csp.py): every page of the real
site passes it, and a build that would emit anything else stops and names the page."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from mkdocs.config import load_config

from macros.render.csp import inline_scripts, policy_problems, script_hash, theme_script_hashes
from tests.conftest import FIXTURE_SITE, ROOT, copy_project, mkdocs_build


@pytest.fixture(scope="module")
def hashes() -> tuple[str, ...]:
    return theme_script_hashes(load_config(str(ROOT / "mkdocs.yml")))


def test_every_built_page_passes_the_policy(real_site: Path, hashes: tuple[str, ...]) -> None:
    seen: set[str] = set()
    problems = []
    for path in sorted(real_site.rglob("*.html")):
        html = path.read_text(encoding="utf-8")
        seen.update(script_hash(body) for body in inline_scripts(html))
        problems += [f"{path.relative_to(real_site)}: {p}" for p in policy_problems(html, hashes)]
    assert not problems, "\n".join(problems[:10])
    assert seen and seen <= set(hashes)


def test_a_page_with_an_inline_script_or_style_stops_the_build(tmp_path: Path) -> None:
    """The page check (macros/checks/page_markup.py) refuses both before the build renders."""
    project = copy_project(FIXTURE_SITE, tmp_path / "project")
    page = project / "docs" / "bara-svenska.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n\n<script>alert(1)</script>\n\n"
                    'Text i färg\n{: style="color: red" }\n', encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "docs/bara-svenska.md:12: error: html: elementet <script>" in output
    assert "docs/bara-svenska.md:15: error: attr_list: attr_list sätter style" in output


def test_a_theme_override_with_an_inline_script_stops_the_build(tmp_path: Path) -> None:
    """What the page check cannot see (the theme's templates) the policy check on the built
    page still refuses, naming the page and the script."""
    project = copy_project(FIXTURE_SITE, tmp_path / "project")
    overrides = project / "overrides"
    shutil.copytree(ROOT / "overrides", overrides)
    main = overrides / "main.html"
    main.write_text(main.read_text(encoding="utf-8") + "\n{% block analytics %}"
                    "<script>alert(1)</script>{% endblock %}\n", encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        f"custom_dir: {ROOT / 'overrides'}", f"custom_dir: {overrides}"), encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "docs/bara-svenska.md: Content-Security-Policy" in output
    assert "an inline script that is not one of the theme's (alert(1)" in output
