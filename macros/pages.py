"""The pages generated from the data: all routines, one page per department, one per routine."""

from __future__ import annotations

import json
from dataclasses import dataclass

from macros.labels import label
from macros.model import KnowledgeBase, Routine
from macros.render import INDEX_SRC, TOPICS_SRC, department_src, routine_src
from macros.review import Review
from macros.text import DEFAULT_LANGUAGE, LANGUAGES, Lang


@dataclass(frozen=True)
class GeneratedPage:
    src_uri: str  # e.g. rutiner/x/y.md (Swedish) or rutiner/x/y.en.md (English)
    lang: Lang
    title: str
    macro: str  # the macro call that renders the body
    review: Review  # shown in the notice under the title
    source: str = ""  # the data file to edit ("" for pages from the organisation file)
    search_boost: float = 1.0
    search_words: tuple[str, ...] = ()  # indexed by the search plugin as `tags`

    @property
    def content(self) -> str:
        meta = [f"title: {json.dumps(self.title, ensure_ascii=False)}"]
        if self.search_boost != 1.0:
            meta.append(f"search:\n  boost: {self.search_boost}")
        if self.search_words:
            meta.append("tags: " + json.dumps(list(self.search_words), ensure_ascii=False))
        return "---\n" + "\n".join(meta) + "\n---\n\n{{ " + self.macro + " }}\n"


def localized(src_uri: str, lang: Lang) -> str:
    if lang == DEFAULT_LANGUAGE:
        return src_uri
    return src_uri.removesuffix(".md") + f".{lang}.md"


def generated_pages(kb: KnowledgeBase) -> list[GeneratedPage]:
    pages = []
    overview = kb.organisation.overview_review.review
    for lang in LANGUAGES:
        pages.append(GeneratedPage(localized(INDEX_SRC, lang), lang,
                                   label("all_routines", lang), "routine_index()", overview))
        pages.append(GeneratedPage(localized(TOPICS_SRC, lang), lang,
                                   label("topics", lang), "topic_index()", overview))
        for department in kb.organisation.departments:
            pages.append(GeneratedPage(localized(department_src(department.id), lang), lang,
                                       department.name.text(lang),
                                       f"department_page({json.dumps(department.id)})",
                                       overview))
        for routine in kb.routines.values():
            pages.append(GeneratedPage(localized(routine_src(routine), lang), lang,
                                       routine.title.text(lang),
                                       f"routine_page({json.dumps(routine.id)})",
                                       routine.review, kb.sources.get(routine.id, ""),
                                       search_boost=2.0,
                                       search_words=_search_words(routine, lang)))
    return pages


def _search_words(routine: Routine, lang: Lang) -> tuple[str, ...]:
    return tuple(routine.keywords.get(lang)) if routine.keywords else ()
