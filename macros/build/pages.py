"""The pages generated from the data: all routines, one page per department, one per routine.

Each page is written with its rendered Markdown by the `kb` plugin (or `kb` for another
renderer); it never passes through the macro engine: its front matter says
``render_macros: false`` and holds no title, so no text from the data is ever template
source. The title is the page's first heading, escaped like every text from YAML.
"""

from __future__ import annotations

import json
import posixpath
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from macros.model.core import KnowledgeBase, Routine
from macros.model.review import Review
from macros.model.text import DEFAULT_LANGUAGE, LANGUAGES, Lang
from macros.render.blocks import INDEX_SRC, TOPICS_SRC, Renderer, department_src, routine_src
from macros.render.matrices import (
    UNIT_INDEX_SRC,
    matrices_of,
    unit_index,
    unit_page,
    unit_view_src,
    viewed_ids,
)
from macros.render.pages import department_page, routine_index, routine_page, topic_index

NO_MACROS = "render_macros: false"  # mkdocs-macros leaves the page (and its title) alone


@dataclass(frozen=True)
class GeneratedPage:
    src_uri: str  # e.g. rutiner/x/y.md (Swedish) or rutiner/x/y.en.md (English)
    lang: Lang
    body: Callable[[Renderer], str]  # renders the page's Markdown
    review: Review  # shown in the notice under the title
    source: str = ""  # the data file to edit ("" for pages from the organisation file)
    search_words: tuple[str, ...] = ()  # indexed, weighted, from the page's `tags`
    searched: bool = True  # False: left out of the search index (it repeats other pages)
    routine_id: str = ""  # the routine a routine's page shows

    @property
    def front_matter(self) -> str:
        meta = [NO_MACROS]
        if not self.searched:
            meta.append("search:\n  exclude: true")
        if self.search_words:
            meta.append("tags: " + json.dumps(list(self.search_words), ensure_ascii=False))
        return "---\n" + "\n".join(meta) + "\n---\n\n"

    def markdown(self, kb: KnowledgeBase) -> str:
        """The whole page: front matter and the rendered body."""
        return self.front_matter + self.body(Renderer(kb, self.lang, self.src_uri))


def localized(src_uri: str, lang: Lang) -> str:
    if lang == DEFAULT_LANGUAGE:
        return src_uri
    return src_uri.removesuffix(".md") + f".{lang}.md"


def generated_pages(kb: KnowledgeBase, matrix_pages: Mapping[Lang, Mapping[str, str]] | None = None
                    ) -> list[GeneratedPage]:
    """Every page made from the data, in every language. ``matrix_pages``: language → matrix
    id → the docs/ page that shows it (the unit views link there)."""
    pages = []
    overview = kb.organisation.overview_review.review
    units = viewed_ids(kb)
    for lang in LANGUAGES:
        pages.append(GeneratedPage(localized(INDEX_SRC, lang), lang, routine_index, overview))
        pages.append(GeneratedPage(localized(TOPICS_SRC, lang), lang, topic_index, overview))
        for department in kb.organisation.departments:
            pages.append(GeneratedPage(localized(department_src(department.id), lang), lang,
                                       _bound(department_page, department.id), overview))
        for routine in kb.routines.values():
            pages.append(GeneratedPage(localized(routine_src(routine), lang), lang,
                                       _bound(routine_page, routine.id),
                                       routine.review, kb.sources.get(routine.id, ""),
                                       search_words=_search_words(routine, lang),
                                       routine_id=routine.id))
        if units:  # a view per unit of the matrices; they repeat the matrices: not indexed
            pages.append(GeneratedPage(localized(UNIT_INDEX_SRC, lang), lang, unit_index,
                                       overview, searched=False))
        for org_id in units:
            pages.append(GeneratedPage(localized(unit_view_src(org_id), lang), lang,
                                       _unit_view(org_id, (matrix_pages or {}).get(lang, {})),
                                       overview,
                                       _matrix_source(kb, org_id), searched=False))
    return pages


def _unit_view(org_id: str, matrix_pages: Mapping[str, str]) -> Callable[[Renderer], str]:
    def body(r: Renderer) -> str:
        return unit_page(r, org_id, matrix_pages)
    return body


def _matrix_source(kb: KnowledgeBase, org_id: str) -> str:
    """The matrix file a unit's view comes from, or their folder when there are several."""
    files = sorted({kb.sources.get(m.id, "") for m in matrices_of(kb, org_id)} - {""})
    if len(files) == 1:
        return files[0]
    folders = {posixpath.dirname(f) for f in files}
    return f"{folders.pop()}/" if len(folders) == 1 else ""


def _bound(page: Callable[[Renderer, str], str], ident: str) -> Callable[[Renderer], str]:
    def body(r: Renderer) -> str:
        return page(r, ident)
    return body


def _search_words(routine: Routine, lang: Lang) -> tuple[str, ...]:
    return tuple(routine.keywords.get(lang)) if routine.keywords else ()
