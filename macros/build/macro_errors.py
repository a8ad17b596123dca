"""A mistyped macro or variable name in a page: one line naming the file, the line and the fix,
instead of mkdocs-macros' default message with a Python traceback.

mkdocs-macros formats rendering errors with ``mkdocs_macros.errors.format_error``, a
``functools.singledispatch`` function meant to be extended; this registers the message for
jinja2's ``UndefinedError`` and for the sandbox's ``SecurityError``
(:mod:`macros.build.sandbox`: a page reaching for Python internals). Syntax errors keep the
library's own message (it has no traceback); any other exception is a bug in a macro and keeps
its traceback.
"""

from __future__ import annotations

import re
import traceback
from typing import Any

from jinja2.exceptions import SecurityError, UndefinedError
from mkdocs_macros.errors import format_error

from macros.model.catalogue import label
from macros.model.text import DEFAULT_LANGUAGE

_NAME = re.compile(r"'([^']+)' is undefined")


def _template_line(error: BaseException) -> int | None:
    """Line in the rendered Markdown (without front matter) where jinja2 failed."""
    line = None
    for frame in traceback.extract_tb(error.__traceback__):
        if frame.filename == "<template>":
            line = frame.lineno
    return line


def _front_matter_lines(page: Any, markdown: str) -> int:
    """Lines before ``markdown`` (the page without its front matter) in the page's file."""
    source = getattr(page.file, "content_string", "") if page is not None else ""
    start = source.find(markdown[:200]) if markdown.strip() else -1
    return source.count("\n", 0, start) if start > 0 else 0


def _where(error: BaseException, markdown: str, page: Any) -> str:
    path = f"docs/{page.file.src_uri}" if page is not None else "docs/?"
    line = _template_line(error)
    return f"{path}:{line + _front_matter_lines(page, markdown)}" if line else path


def _message(where: str, key: str, **values: object) -> str:
    return (f"{where}: error: {label(key, DEFAULT_LANGUAGE, **values)} / "
            f"{label(key, 'en', **values)}")


def undefined_message(error: UndefinedError, markdown: str, page: Any) -> str:
    """``docs/x.md:12: error: `name` is not a macro or variable — …``"""
    found = _NAME.search(str(error))
    name = found.group(1) if found else str(error)
    return _message(_where(error, markdown, page), "macro_undefined", name=name)


def unsafe_message(error: SecurityError, markdown: str, page: Any) -> str:
    """``docs/x.md:12: error: the page reaches for Python internals — …``"""
    return _message(_where(error, markdown, page), "macro_unsafe", detail=str(error))


def register() -> None:
    """Use these messages (once per process is enough)."""
    format_error.register(UndefinedError)(undefined_message)
    format_error.register(SecurityError)(unsafe_message)
