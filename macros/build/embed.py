"""Embedding pages in the intranet: the address an embed points at and the code to paste.

A page is shown embedded (no header, navigation, footer or search) when it is framed or has
``?embed=1`` (``?embed=0`` shows the whole site even in a frame). The embedded page tells the
host its height with ``postMessage`` (see :data:`MESSAGE_TYPE` and docs/inbaddning.md); the
host script ``assets/kb/embed-host.js`` resizes the iframe. Embeds point at the version in
force (the alias), never at a numbered version, so the intranet always shows current text."""

from __future__ import annotations

import html
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from mkdocs.utils import get_relative_url

from macros.build.page_title import plain_title

EMBED_PARAM = "embed"
MESSAGE_TYPE = "kb-embed"  # postMessage: {"type": "kb-embed", "version": 1, "height": …}
MESSAGE_VERSION = 1
HOST_SCRIPT = "assets/kb/embed-host.js"
# Scripts: checklists and the height message. Same-origin: the page's own origin (not the
# intranet's), so it may keep its settings. Popups: links to other sites open in a new tab.
SANDBOX = "allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox"


def embed_root(site_url: str, version: str | None, alias: str) -> str:
    """The address of the page's language root for embeds. mike puts the version in
    ``site_url`` (``…/2026/``, ``…/2026/en/``): it becomes the alias (``…/gallande/en/``)."""
    root = site_url if site_url.endswith("/") else site_url + "/"
    if not version:
        return root
    parts = urlsplit(root)
    segments = parts.path.split("/")
    for i in range(len(segments) - 1, -1, -1):
        if segments[i] == version:
            segments[i] = alias
            return urlunsplit(parts._replace(path="/".join(segments)))
    return root


def embed_url(root: str, page_url: str) -> str:
    """The address to frame: the page under ``root`` with ``?embed=1``."""
    return f"{root}{page_url}?{EMBED_PARAM}=1"


def embed_code(root: str, page_url: str, title: str) -> str:
    """The HTML an intranet editor pastes: the iframe and the host script."""
    src = html.escape(embed_url(root, page_url))
    return (f'<iframe src="{src}" title="{html.escape(title)}" data-kb-embed '
            f'style="width: 100%; height: 40rem; border: 0" loading="lazy" '
            f'sandbox="{SANDBOX}"></iframe>\n'
            f'<script src="{html.escape(root + HOST_SCRIPT)}" defer></script>')


def embed_vars(page: Any, config: Any, version: str | None, alias: str,
               guide: str) -> dict[str, str]:
    """The page's embed code and links for the embed box and bar (``kb_embed``): ``version``
    the plan revision under mike (None without), ``guide`` the embedding guide's URL ("":
    not built)."""
    root = embed_root(config.site_url or "", version, alias)
    docs = get_relative_url(guide, page.url) if guide else ""
    title = f"{plain_title(page)} – {config.site_name}"
    return {"code": embed_code(root, page.url, title), "docs": docs, "page": "./"}
