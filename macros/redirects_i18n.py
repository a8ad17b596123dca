"""Redirects for the English site too.

mkdocs-redirects writes ``redirect_maps`` (in mkdocs.yml) once, for the default language:
mkdocs-static-i18n rebuilds the site per language but the redirects plugin does not know the
language folder. This writes the same redirects under ``en/``, pointing at the English page,
with the plugin's own functions and page."""

from __future__ import annotations

import posixpath
from typing import Any

from mkdocs_redirects.plugin import _split_hash_fragment, get_html_path, write_html


def redirect_maps(config: Any) -> dict[str, str]:
    plugin = config.plugins.get("redirects")
    if plugin is None:
        return {}
    return {str(old): str(new) for old, new in (plugin.config.get("redirect_maps") or {}).items()}


def write_language_redirects(config: Any, lang: str) -> list[str]:
    """Write ``<lang>/<old>`` → ``<lang>/<new>`` for every redirect; the old paths written."""
    use_directory_urls = bool(config.get("use_directory_urls"))
    written = []
    for old, new in redirect_maps(config).items():
        old_path = f"{lang}/{get_html_path(old, use_directory_urls)}"
        if new.lower().startswith(("http://", "https://")):
            target = new
        else:
            new_path, fragment = _split_hash_fragment(new)
            new_html = f"{lang}/{get_html_path(new_path, use_directory_urls)}"
            if use_directory_urls:
                new_html = posixpath.dirname(new_html)
            target = posixpath.relpath(new_html, posixpath.dirname(old_path))
            target = (target + "/" if use_directory_urls else target) + fragment
        write_html(config["site_dir"], old_path, target)
        written.append(old_path)
    return written
