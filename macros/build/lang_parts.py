"""Swedish titles on English pages carry ``lang="sv"`` outside the content too (WCAG 3.1.2).

Inside the content, text that fell back to Swedish is marked where it is written
(:mod:`macros.render.blocks`, overrides/main.html). Material prints the titles of pages and sections
in the navigation, the header and the previous/next links as they are, so an untranslated
routine or page would be read out with English pronunciation there. This finds those titles
and marks the elements that show them in the written HTML.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator

from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from macros.model.core import KnowledgeBase
from macros.model.text import DEFAULT_LANGUAGE, PlainText

# Material's title holders: <span|div class="md-ellipsis"> TITLE </span|div>
_TITLE = re.compile(r'<(span|div) class="md-ellipsis">(\s*)([^<]+?)(\s*)</\1>')


def _fell_back(values: Iterable[PlainText], lang: str) -> set[str]:
    return {text for value in values for text, fell_back in [value.get(lang)] if fell_back}


def untranslated_data(kb: KnowledgeBase, lang: str) -> set[str]:
    """Routine titles and names of departments and units with no text in ``lang``."""
    names = [d.name for d in kb.organisation.departments]
    names += [u.name for d in kb.organisation.departments for u in d.units]
    return _fell_back([r.title for r in kb.routines.values()] + names, lang)


def _walk(items: Iterable[object]) -> Iterator[Page | Section]:
    for item in items:
        if isinstance(item, Section):
            yield item
            yield from _walk(item.children)
        elif isinstance(item, Page):
            yield item


def _is_fallback(item: Page | Section, lang: str) -> bool:
    """A page shown from the Swedish file (mkdocs-static-i18n sets file.locale), or a section
    whose index page is one."""
    pages = [item] if isinstance(item, Page) else \
        [c for c in item.children if isinstance(c, Page) and c.is_index]
    return any(getattr(page.file, "locale", lang) != lang for page in pages)


def swedish_titles(nav: Navigation, kb: KnowledgeBase, lang: str) -> set[str]:
    """Titles in the navigation of a ``lang`` build that are Swedish text (empty for Swedish)."""
    if lang == DEFAULT_LANGUAGE:
        return set()
    data = untranslated_data(kb, lang)
    return {item.title for item in _walk(nav.items)
            if item.title and (html.unescape(item.title) in data or _is_fallback(item, lang))}


def mark_titles(output: str, titles: Iterable[str], lang: str = DEFAULT_LANGUAGE) -> str:
    """Add ``lang`` to every Material title element whose text is one of ``titles``."""
    wanted = {html.escape(title, quote=False) for title in titles} | set(titles)
    if not wanted:
        return output

    def mark(match: re.Match[str]) -> str:
        tag, before, text, after = match.groups()
        if text not in wanted:
            return match.group(0)
        return f'<{tag} class="md-ellipsis" lang="{lang}">{before}{text}{after}</{tag}>'

    return _TITLE.sub(mark, output)
