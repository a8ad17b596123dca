"""Data is text, never a template: Jinja written into the data or a page's front matter
shows literally, and the prose pages' macros run in a sandbox (issue 15)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.conftest import FIXTURE_SITE, copy_project, mkdocs_build

ROUTINE_TITLE = "{{ 7*7 }} Rutin"
DEPARTMENT = "{{ cycler.__init__.__globals__.os.getcwd() }} Skolan"
PAGE_TITLE = "{{ config }} Bara svenska"
BUILT_FROM_FORMAT = '{{ "%c"|format(60) }}img src=x onerror=alert(1)>'


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(FIXTURE_SITE, tmp_path_factory.mktemp("jinja") / "project")
    routines = project / "routines"
    _replace(routines / "socialtjanst" / "orosanmalan.yml",
             "title: {sv: Orosanmälan om barn,",
             f"title: {{sv: {json.dumps(ROUTINE_TITLE)},")
    _replace(routines / "socialtjanst" / "delvis-oversatt.yml",
             "title: {sv: Delvis översatt rutin}",
             f"title: {{sv: {json.dumps(BUILT_FROM_FORMAT)}}}")
    _replace(routines / "organisation.yml", "name: {sv: Skolan,",
             f"name: {{sv: {json.dumps(DEPARTMENT)},")
    _replace(project / "docs" / "bara-svenska.md", "title: Bara svenska",
             f"title: {json.dumps(PAGE_TITLE)}")
    result = mkdocs_build(project, project / "site")
    assert result.returncode == 0, result.stderr
    return project / "site"


def _all_text(site: Path) -> dict[str, str]:
    return {path.relative_to(site).as_posix(): path.read_text(encoding="utf-8")
            for path in site.rglob("*") if path.suffix in {".html", ".json", ".atom", ".xml"}}


def test_jinja_in_data_and_front_matter_is_never_evaluated(hostile_site: Path) -> None:
    files = _all_text(hostile_site)
    assert len(files) > 20 and "rutiner/socialtjanst/orosanmalan/index.html" in files
    for name, text in files.items():
        assert "49 Rutin" not in text, name
        assert str(hostile_site.parent) not in text, name  # the build's working directory
        assert "config_file_path" not in text, name  # {{ config }} dumped
        assert "<img" not in text.replace("&lt;img", ""), name


def test_the_literal_text_is_shown(hostile_site: Path) -> None:
    routine = (hostile_site / "rutiner" / "socialtjanst" / "orosanmalan" / "index.html")
    html = routine.read_text(encoding="utf-8")
    assert re.search(r"<h1[^>]*>\{\{ 7\*7 \}\} Rutin", html)
    assert "<title>{{ 7*7 }} Rutin" in html
    assert "{{ cycler.__init__.__globals__.os.getcwd() }} Skolan" in html  # navigation
    page = (hostile_site / "bara-svenska" / "index.html").read_text(encoding="utf-8")
    assert "{{ config }} Bara svenska" in page
    records = json.loads((hostile_site / "api" / "pages.json").read_text(encoding="utf-8"))
    titles = {record["title"] for record in records["pages"]}
    assert ROUTINE_TITLE in titles and PAGE_TITLE in titles
    assert '{{ "%c"|format(60) }}img src=x onerror=alert(1)&gt;' in (
        hostile_site / "rutiner" / "socialtjanst" / "delvis-oversatt" / "index.html"
    ).read_text(encoding="utf-8")


def test_prose_macros_run_in_a_sandbox(tmp_path: Path) -> None:
    project = copy_project(FIXTURE_SITE, tmp_path / "project")
    page = project / "docs" / "bara-svenska.md"
    page.write_text(page.read_text(encoding="utf-8")
                    + "\n{{ cycler.__init__.__globals__.os.getcwd() }}\n", encoding="utf-8")
    result = mkdocs_build(project, project / "site")
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "Traceback" not in output
    line = len(page.read_text(encoding="utf-8").splitlines())  # the line just added
    assert f"docs/bara-svenska.md:{line}: error:" in output, output[-2000:]
    assert "reaches for Python internals" in output
