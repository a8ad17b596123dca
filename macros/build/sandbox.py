"""The Jinja environment that renders the prose pages' macros, sandboxed.

mkdocs-macros renders each page of ``docs/`` as a Jinja template with a plain
``jinja2.Environment``, in which ``{{ cycler.__init__.__globals__.os }}`` reaches Python's
``os`` module. :func:`sandbox_macros` replaces it, after mkdocs-macros has configured it, by a
``jinja2.sandbox.SandboxedEnvironment`` with the same settings, globals, filters and tests:
the macros work as before, and attribute access to Python internals is refused. Generated
pages never reach it (``render_macros: false``, :mod:`macros.build.pages`).

Jinja's own sandbox still lets a template call the public methods of any object it can reach,
and mkdocs-macros hands pages the build's configuration: ``config.theme.get_env()`` is the
theme's (unsandboxed) Jinja environment, whose ``from_string`` renders anything, ``os``
included; ``config.plugins["kb"]`` is a plugin with methods that run Chromium or fork. So
nothing is read from, and nothing is handed out as, such an object (:data:`OPAQUE`): a Jinja
environment or template, a plugin or the plugin collection, the theme, a module or a class.
"""

from __future__ import annotations

import types
from typing import Any

import jinja2
from jinja2.sandbox import SandboxedEnvironment
from mkdocs.plugins import BasePlugin, PluginCollection
from mkdocs.theme import Theme

# Objects a page may print but never look into or get from an attribute.
OPAQUE: tuple[type, ...] = (jinja2.Environment, jinja2.Template, BasePlugin, PluginCollection,
                            Theme, types.ModuleType, type)


class PageSandbox(SandboxedEnvironment):
    """Jinja's sandbox, also refusing every attribute of, or leading to, an :data:`OPAQUE`
    object."""

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        if isinstance(obj, OPAQUE) or isinstance(value, OPAQUE):
            return False
        return super().is_safe_attribute(obj, attr, value)

# Environment settings mkdocs-macros may set (its j2_* options, undefined, loader)
_SETTINGS = ("block_start_string", "block_end_string", "variable_start_string",
             "variable_end_string", "comment_start_string", "comment_end_string",
             "line_statement_prefix", "line_comment_prefix", "trim_blocks", "lstrip_blocks",
             "newline_sequence", "keep_trailing_newline", "undefined", "finalize",
             "autoescape", "loader", "optimized", "auto_reload")


def sandboxed(env: jinja2.Environment) -> SandboxedEnvironment:
    """A sandboxed copy of ``env`` (the same one when it already is)."""
    if isinstance(env, PageSandbox):
        return env
    sandbox = PageSandbox(**{name: getattr(env, name) for name in _SETTINGS})
    sandbox.globals.update(env.globals)
    sandbox.filters.update(env.filters)
    sandbox.tests.update(env.tests)
    return sandbox


def sandbox_macros(plugin: Any) -> None:
    """Swap mkdocs-macros' environment for its sandboxed copy (no-op without the plugin)."""
    env = getattr(plugin, "_env", None)
    if isinstance(env, jinja2.Environment):
        plugin._env = sandboxed(env)
