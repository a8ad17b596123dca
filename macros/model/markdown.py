"""Escaping of text from YAML into Markdown: it can never become HTML or script."""

from __future__ import annotations

import html
import posixpath
import re

# Characters Python-Markdown treats as syntax and accepts a backslash escape for.
_PLAIN_SPECIAL = re.compile(r"([\\`*_\[\]{}()#+!])")
# What starts a list or a numbered list at the start of a line: "- ", "1. ", "1) "
_LIST_START = re.compile(r"^(-|\d+(?=[.)]))")
_ATTR_BRACES = re.compile(r"([{}])")
_WHITESPACE = re.compile(r"\s+")
_LANG_SUFFIX = re.compile(r"\.(sv|en)\.md$")


def one_line(value: str) -> str:
    return _WHITESPACE.sub(" ", value).strip()


def plain(value: str) -> str:
    """Plain text as Markdown that renders literally (no markup, no HTML), also at the start
    of a line (``- punkt`` is not a list item, ``1. punkt`` not a numbered one)."""
    escaped = _PLAIN_SPECIAL.sub(r"\\\1", html.escape(one_line(value), quote=False))
    return _LIST_START.sub(_escape_list_start, escaped)


def _escape_list_start(match: re.Match[str]) -> str:
    text = match.group(1)
    return "\\-" if text == "-" else text + "\\"


def inline(value: str) -> str:
    """Inline Markdown with any HTML escaped; links were checked by the model."""
    # Braces are escaped so attr_list cannot add attributes such as onclick.
    return _ATTR_BRACES.sub(r"\\\1", html.escape(one_line(value), quote=False))


def cell(markdown: str) -> str:
    """Make Markdown safe inside a table cell (a pipe would end the cell)."""
    return markdown.replace("|", "\\|")


def norm_src_uri(src_uri: str) -> str:
    """``rutiner/a/b.en.md`` → ``rutiner/a/b.md``."""
    return _LANG_SUFFIX.sub(".md", src_uri)


def relative_link(from_src_uri: str, to_src_uri: str) -> str:
    """Relative Markdown link target between two pages (by their source paths)."""
    start = posixpath.dirname(norm_src_uri(from_src_uri)) or "."
    return posixpath.relpath(to_src_uri, start)


def tel_href(phone: str) -> str:
    return "tel:" + re.sub(r"[^0-9+]", "", phone)
