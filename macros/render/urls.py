"""Site-relative links for the language switch.

mkdocs-static-i18n writes the language links of the start pages as root-absolute paths built
from ``site_url`` (``/en/``, or ``/2026/en/`` when mike adds the version to ``site_url``).
Those leave the version being read, and break when the site is served under another path
(an intranet, an export). :func:`site_relative` turns them back into paths inside the site,
which the ``url`` filter then makes relative to the page."""

from __future__ import annotations

from urllib.parse import urlsplit

from macros.model.text import DEFAULT_LANGUAGE, Lang


def site_path(site_url: str | None) -> str:
    """The path part of ``site_url``, always ending in ``/`` (``/`` when there is none)."""
    path = urlsplit(site_url or "").path or "/"
    return path if path.endswith("/") else path + "/"


def site_relative(link: str, site_url: str | None) -> str:
    """``/2026/en/`` → ``en/`` for site_url ``…/2026``; other links are returned unchanged."""
    if not link.startswith("/") or link.startswith("//"):
        return link
    prefix = site_path(site_url)
    if link.startswith(prefix):
        return link[len(prefix):]
    if link + "/" == prefix:
        return ""
    return link.lstrip("/")


def page_path(src_uri: str, lang: Lang = DEFAULT_LANGUAGE, directory_urls: bool = True) -> str:
    """Site path of a page from its (Swedish) source: ``a/b.md`` → ``a/b/`` (``a/b.html``
    without directory URLs), ``a/index.md`` → ``a/``; other languages under ``en/`` etc."""
    stem = src_uri.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        path = stem.removesuffix("index") + ("" if directory_urls else "index.html")
    else:
        path = stem + ("/" if directory_urls else ".html")
    return path if lang == DEFAULT_LANGUAGE else f"{lang}/{path}"
