"""The Jinja environment that renders the prose pages' macros, sandboxed.

mkdocs-macros renders each page of ``docs/`` as a Jinja template with a plain
``jinja2.Environment``, in which ``{{ cycler.__init__.__globals__.os }}`` reaches Python's
``os`` module. :func:`sandbox_macros` replaces it, after mkdocs-macros has configured it, by a
``jinja2.sandbox.SandboxedEnvironment`` with the same settings, globals, filters and tests:
the macros work as before, and attribute access to Python internals is refused. Generated
pages never reach it (``render_macros: false``, :mod:`macros.build.pages`).
"""

from __future__ import annotations

from typing import Any

import jinja2
from jinja2.sandbox import SandboxedEnvironment

# Environment settings mkdocs-macros may set (its j2_* options, undefined, loader)
_SETTINGS = ("block_start_string", "block_end_string", "variable_start_string",
             "variable_end_string", "comment_start_string", "comment_end_string",
             "line_statement_prefix", "line_comment_prefix", "trim_blocks", "lstrip_blocks",
             "newline_sequence", "keep_trailing_newline", "undefined", "finalize",
             "autoescape", "loader", "optimized", "auto_reload")


def sandboxed(env: jinja2.Environment) -> SandboxedEnvironment:
    """A sandboxed copy of ``env`` (the same one when it already is)."""
    if isinstance(env, SandboxedEnvironment):
        return env
    sandbox = SandboxedEnvironment(**{name: getattr(env, name) for name in _SETTINGS})
    sandbox.globals.update(env.globals)
    sandbox.filters.update(env.filters)
    sandbox.tests.update(env.tests)
    return sandbox


def sandbox_macros(plugin: Any) -> None:
    """Swap mkdocs-macros' environment for its sandboxed copy (no-op without the plugin)."""
    env = getattr(plugin, "_env", None)
    if isinstance(env, jinja2.Environment):
        plugin._env = sandboxed(env)
