"""The prose pages' sandbox (macros/build/sandbox.py) also keeps a page from the objects whose
public methods lead out of it: the theme's Jinja environment, the plugins (issue 15)."""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest
from jinja2.exceptions import SecurityError

from macros.build.sandbox import PageSandbox, sandboxed
from tests.conftest import FIXTURE_SITE, copy_project, mkdocs_build

ESCAPES = [
    "{{ theme.get_env().from_string('{{ cycler.__init__.__globals__.os.getcwd() }}').render() }}",
    "{{ plugins['kb'].settings }}",
    "{{ plugins.kb.settings }}",
    "{{ env.from_string('x') }}",
    "{{ template.module }}",
    "{{ cycler.__init__.__globals__.os }}",
]


@pytest.fixture
def sandbox() -> PageSandbox:
    from mkdocs.plugins import BasePlugin, PluginCollection
    from mkdocs.theme import Theme

    class Plugin(BasePlugin):  # type: ignore[type-arg]
        settings = "secret"

    plugins = PluginCollection()
    plugins["kb"] = Plugin()
    env = sandboxed(jinja2.Environment(undefined=jinja2.StrictUndefined))  # as mkdocs.yml
    assert isinstance(env, PageSandbox)
    env.globals.update(theme=Theme(name="mkdocs"), plugins=plugins,
                       env=jinja2.Environment(), template=jinja2.Template("x"),
                       data={"site_name": "Rutiner", "items": [1, 2]})
    return env


@pytest.mark.parametrize("source", ESCAPES)
def test_no_way_out(sandbox: PageSandbox, source: str) -> None:
    with pytest.raises(SecurityError):
        sandbox.from_string(source).render()


def test_data_is_still_read(sandbox: PageSandbox) -> None:
    assert sandbox.from_string("{{ data.site_name }} {{ data['items'] | sum }}").render() \
        == "Rutiner 3"
    assert sandboxed(sandbox) is sandbox


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
