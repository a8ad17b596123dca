"""Redirects for the English site too.

mkdocs-redirects writes ``redirect_maps`` (in mkdocs.yml) once, for the default language:
mkdocs-static-i18n rebuilds the site per language but the redirects plugin does not know the
language folder. This writes the same redirects under ``en/``, pointing at the English page,
with the plugin's own functions and page."""

from __future__ import annotations

import os
import posixpath
from typing import Any

from mkdocs.plugins import get_plugin_logger
from mkdocs_redirects.plugin import _split_hash_fragment, get_html_path, write_html

log = get_plugin_logger("kb")


def redirect_maps(config: Any) -> dict[str, str]:
    plugin = config.plugins.get("redirects")
    if plugin is None:
        return {}
    return {str(old): str(new) for old, new in (plugin.config.get("redirect_maps") or {}).items()}


def write_language_redirects(config: Any, lang: str) -> list[str]:
    """Write ``<lang>/<old>`` → ``<lang>/<new>`` for every redirect; the old paths written.
    The English site is built after the Swedish one, so the target page is already on disk."""
    use_directory_urls = bool(config.get("use_directory_urls"))
    written = []
    for old, new in redirect_maps(config).items():
        old_path = f"{lang}/{get_html_path(old, use_directory_urls)}"
        if new.lower().startswith(("http://", "https://")):
            target = new
        else:
            # The #fragment names a Swedish heading: the English page has other ids.
            new_path, _fragment = _split_hash_fragment(new)
            new_file = f"{lang}/{get_html_path(new_path, use_directory_urls)}"
            if not os.path.isfile(os.path.join(config["site_dir"], new_file)):
                log.warning(f"redirects: {new_path} has no page in {lang}/ — no redirect for "
                            f"{lang}/{old}")
                continue
            new_html = posixpath.dirname(new_file) if use_directory_urls else new_file
            target = posixpath.relpath(new_html, posixpath.dirname(old_path))
            target = target + "/" if use_directory_urls else target
        write_html(config["site_dir"], old_path, target)
        written.append(old_path)
    return written
