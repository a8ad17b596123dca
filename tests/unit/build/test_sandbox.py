"""The prose pages' sandbox (macros/build/sandbox.py) also keeps a page from the objects whose
public methods lead out of it: the theme's Jinja environment, the plugins (issue 15)."""

from __future__ import annotations

import jinja2
import pytest
from jinja2.exceptions import SecurityError

from macros.build.sandbox import PageSandbox, sandboxed

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
