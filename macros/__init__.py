"""mkdocs-macros entry point: registers the knowledge-base macros through define_env only."""

from __future__ import annotations

from typing import Any


def define_env(env: Any) -> None:
    from macros.build import macro_errors
    from macros.build.macro_context import MacroContext

    macro_errors.register()  # a mistyped macro name: file, line and fix, no traceback

    for name, func in MacroContext(env).macros().items():
        env.macro(func, name)
