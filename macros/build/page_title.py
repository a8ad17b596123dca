"""Page titles as MkDocs and Material treat them: HTML in the navigation, text in data.

Material prints ``page.title`` and section titles into the HTML as they are. A title taken
from the page's first heading is already HTML (MkDocs escapes it); a section title the `kb`
plugin sets from the data goes through :func:`html_text`; a front-matter title is the
author's text, which ``kb check`` keeps free of markup (and the plugin keeps from the macro
engine). Exports, the embed code and print want the plain text: :func:`plain_title`.
"""

from __future__ import annotations

import html
from typing import Any


def html_text(text: str) -> str:
    """Plain text as HTML text (for a navigation title set from the data)."""
    return html.escape(text, quote=False)


def plain_title(page: Any) -> str:
    """The page's title as plain text."""
    meta = getattr(page, "meta", None) or {}
    if "title" in meta:
        return str(meta["title"])
    return html.unescape(page.title or "")
