"""The navigation of each language as a plain nested ``nav:`` (MkDocs' format, which Zensical
and zensical-i18n read), in the order and with the section titles our build gives it.

The pages of one language are laid out as MkDocs would lay them out from the folders, then
arranged by the same function our plugin calls (:func:`macros.build.nav.arrange`): routines by
department and unit in the organisation's order, docs/ pages by their ``order:``, section
titles from the data and the index pages. Pages are written as bare paths (the renderer takes
their titles from the pages, as MkDocs does); sections with their titles.
"""

from __future__ import annotations

import html
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Link, Navigation, Section, get_navigation
from mkdocs.structure.pages import Page

from macros.build.nav import NavItem, arrange
from macros.model.core import KnowledgeBase
from macros.model.markdown import norm_src_uri
from macros.model.text import Lang


def language_files(pages: dict[str, str], config: MkDocsConfig) -> Files:
    """One language's pages (source path without the language suffix → Markdown) as MkDocs
    files: what mkdocs-static-i18n hands MkDocs for that language."""
    files = []
    for src, markdown in sorted(pages.items()):
        file = File(src, None, str(config.site_dir), config.use_directory_urls)
        file.content_string = markdown
        files.append(file)
    return Files(files)


def language_nav(files: Files, config: MkDocsConfig, kb: KnowledgeBase,
                 lang: Lang) -> Navigation:
    """The language's navigation, arranged as our plugin arranges it."""
    nav = get_navigation(files, config)
    arrange(nav, kb, lang)
    return nav


def nav_config(items: list[NavItem]) -> list[Any]:
    """``nav:`` entries for ``items``: a page as its path, a section as ``{title: [...]}``
    (the title as plain text), a link as ``{title: url}``."""
    entries: list[Any] = []
    for item in items:
        if isinstance(item, Page):
            entries.append(norm_src_uri(item.file.src_uri))
        elif isinstance(item, Section):
            entries.append({html.unescape(item.title): nav_config(item.children)})
        elif isinstance(item, Link):
            entries.append({html.unescape(item.title or item.url): item.url})
    return entries
