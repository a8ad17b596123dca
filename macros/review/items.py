"""Everything that has a review date — routines, Markdown pages, the overview pages — as one
list of :class:`ReviewItem`, for `kb review`, the review notices and `api/pages.json`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from macros.load.page_meta import PagesResult
from macros.load.yamlsource import SourceDoc
from macros.model.core import KnowledgeBase
from macros.model.review import Review
from macros.model.text import DEFAULT_LANGUAGE, LANGUAGES, Lang
from macros.render.blocks import INDEX_SRC, routine_src
from macros.render.urls import page_path

Kind = Literal["routine", "page", "overview"]
ORGANISATION_FILE = "organisation.yml"


@dataclass(frozen=True)
class ReviewItem:
    kind: Kind
    key: str  # stable: routine id, page source path or "overview"
    title: dict[Lang, str]
    review: Review
    file: str  # the file to edit, e.g. routines/skola/x.yml or docs/om.md
    line: int | None  # of the field to update
    path: str  # site path of the (Swedish) page

    @property
    def owner(self) -> str:
        return self.review.owner

    @property
    def field(self) -> str:
        """The field to update after a review."""
        return "review_by" if self.review.explicit_review_by else "last_reviewed"


def _line(docs: dict[str, SourceDoc], path: str, loc: tuple[str, ...]) -> int | None:
    doc = docs.get(path)
    return doc.line_of(loc) if doc is not None else None


def review_items(kb: KnowledgeBase, pages: PagesResult, data_dir: str,
                 documents: list[SourceDoc] | None = None) -> list[ReviewItem]:
    docs = {doc.path: doc for doc in documents or []}
    items: list[ReviewItem] = []
    for routine in kb.routines.values():
        path = kb.sources.get(routine.id, f"{data_dir}/")
        field = "review_by" if routine.review_by else "last_reviewed"
        items.append(ReviewItem(
            "routine", routine.id, {lang: routine.title.text(lang) for lang in LANGUAGES},
            routine.review, path, _line(docs, path, (field,)),
            page_path(routine_src(routine))))
    overview = kb.organisation.overview_review
    org_path = f"{data_dir}/{ORGANISATION_FILE}"
    field = "review_by" if overview.review_by else "last_reviewed"
    items.append(ReviewItem(
        "overview", "overview",
        {"sv": "Förvaltningssidor och listor över rutiner",
         "en": "Department pages and lists of routines"},
        overview.review, org_path, _line(docs, org_path, ("overview_review", field)),
        page_path(INDEX_SRC)))
    for info in pages.pages.values():
        if info.inherited:
            continue
        lang: Lang = "en" if info.src_uri.endswith(".en.md") else DEFAULT_LANGUAGE
        titles = {lang: info.title}
        if lang == DEFAULT_LANGUAGE:
            english = pages.for_page(info.src_uri.removesuffix(".md") + ".en.md")
            if english is not None and english.inherited:
                titles["en"] = english.title
        items.append(ReviewItem(
            "page", info.src_uri, titles, info.meta.review, info.file, info.reviewed_line,
            page_path(info.src_uri.replace(".en.md", ".md"), lang)))
    return items
