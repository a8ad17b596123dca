"""Print and PDF for the `kb` plugin: the whole-plan page, each page's print footer, and the
plan's PDF. The plugin calls one method per MkDocs event; the work is in
:mod:`macros.build.print.plan` (the page), :mod:`macros.build.print.footer` (the footer) and
:mod:`macros.build.print.pdf` (Chromium)."""

from __future__ import annotations

import os
import posixpath
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from macros.build.page_title import plain_title
from macros.build.print.footer import print_style
from macros.build.print.pdf import PdfError, PdfJob, PdfMode, pdf_mode, render_pdfs
from macros.build.print.plan import (
    PLAN_DIR,
    PLAN_INDEX_SRC,
    PRINT_FLAG,
    PRINT_SRC,
    Chapter,
    TitlePage,
    assemble,
    generated_print_pages,
    pdf_path,
)
from macros.model.catalogue import label
from macros.model.core import KnowledgeBase, Revision
from macros.model.markdown import norm_src_uri
from macros.model.review import Review
from macros.model.text import Lang

log = get_plugin_logger("kb")
ReviewOf = Callable[[str], tuple[Review, str] | None]


class PrintSupport:
    def __init__(self) -> None:
        self.serving = False
        self.mode: PdfMode | None = None
        self.has_plan = False  # docs/handlingsplan/index.md exists: the plan can be printed
        # Languages whose whole-plan page was written since the last PDFs were made. With
        # mkdocs-static-i18n the other languages are built inside the default language's
        # on_post_build, so "the language of this on_post_build" is not known there.
        self.pending: dict[Lang, str] = {}  # language → URL of its whole-plan page
        # The whole-plan page's review (that of the chapter due first) and what to edit.
        self.reviews: dict[str, tuple[Review, str]] = {}

    def startup(self, command: str) -> None:
        self.serving = command == "serve"

    def configure(self) -> None:
        """Decide once per run whether the plan's PDF is made (``KB_PDF``)."""
        if self.mode is not None:
            return
        try:
            self.mode = pdf_mode(os.environ, serving=self.serving)
        except PdfError as exc:
            raise PluginError(str(exc)) from None
        if not self.mode.render:
            log.info(f"The action plan's PDF and its links are left out: {self.mode.reason}")

    @property
    def pdf_enabled(self) -> bool:
        """The PDF will exist: links to it may be written."""
        return self.has_plan and self.mode is not None and self.mode.render

    def pdf_href(self, lang: Lang, page_url: str) -> str | None:
        """Relative link from ``page_url`` to the plan's PDF, or None without a PDF."""
        return get_relative_url(pdf_path(lang), page_url) if self.pdf_enabled else None

    def pages(self, files: Files) -> dict[str, str]:
        """The whole-plan pages to generate (none when the site has no plan)."""
        self.has_plan = files.get_file_from_path(PLAN_INDEX_SRC) is not None
        return generated_print_pages() if self.has_plan else {}

    # --- on_page_context -----------------------------------------------------------------
    def page_context(self, context: dict[str, Any], page: Page, nav: Navigation, lang: Lang,
                     review_of: ReviewOf, kb: KnowledgeBase | None,
                     revision: Revision | None, today: date) -> None:
        """The footer of every page; the body and the review of the whole-plan page."""
        url = page.canonical_url or page.abs_url or page.url
        if norm_src_uri(page.file.src_uri) == PRINT_SRC and kb is not None:
            chapters = plan_chapters(nav)
            reviews = [found for p in chapters if (found := review_of(p.file.src_uri))]
            if reviews:  # the chapter due first; changed when anything in the plan changed
                review, source = min(reviews, key=lambda found: found[0].review_by)
                self.reviews[page.file.src_uri] = (review, posixpath.dirname(source) + "/")
            title = title_page(kb, revision, lang, today, _start_url(chapters) or url)
            page.content = assemble([_chapter(p, lang) for p in chapters], page.url, lang,
                                    title, self.pdf_href(lang, page.url))
            context["kb_doc_title"] = document_title(title, revision, lang)
            self.pending[lang] = page.url
        found = self.reviews.get(page.file.src_uri) or review_of(page.file.src_uri)
        context["kb_print_style"] = print_style(url, found[0].review_by if found else None, lang)

    # --- on_post_build -------------------------------------------------------------------
    def post_build(self, config: MkDocsConfig) -> None:
        """Print the whole-plan pages written since the last time (each language's page is
        on disk once its own build has written its pages)."""
        pending, self.pending = self.pending, {}
        if not pending or not self.pdf_enabled or self.mode is None or self.mode.chromium is None:
            return
        site_dir = Path(config.site_dir)
        jobs = [PdfJob(url, site_dir / pdf_path(lang)) for lang, url in sorted(pending.items())]
        names = ", ".join(pdf_path(lang) for lang in sorted(pending))
        try:
            seconds = render_pdfs(self.mode.chromium, site_dir, jobs)
        except PdfError as exc:
            raise PluginError(f"The action plan's PDF ({names}): {exc}") from None
        log.info(f"Printed the action plan to {names} in {seconds:.1f} s")


def plan_chapters(nav: Navigation) -> list[Page]:
    """The plan's pages (docs/handlingsplan/*.md) in nav order, without the whole-plan page
    itself and pages marked ``print: false``."""
    chapters = []
    for page in nav.pages:
        src = norm_src_uri(page.file.src_uri)
        if not src.startswith(f"{PLAN_DIR}/") or "/" in src.removeprefix(f"{PLAN_DIR}/"):
            continue
        if src == PRINT_SRC or (page.meta or {}).get(PRINT_FLAG) is False:
            continue
        chapters.append(page)
    return chapters


def _chapter(page: Page, lang: Lang) -> Chapter:
    locale = getattr(page.file, "locale", None)  # mkdocs-static-i18n: the file's language
    return Chapter(url=page.url, title=plain_title(page), content=page.content or "",
                   lang=locale if locale and locale != lang else None)


def _start_url(chapters: list[Page]) -> str | None:
    for page in chapters:
        if norm_src_uri(page.file.src_uri) == PLAN_INDEX_SRC:
            return page.canonical_url
    return None


def title_page(kb: KnowledgeBase, revision: Revision | None, lang: Lang, today: date,
               start_url: str) -> TitlePage:
    lines = []
    if revision is not None:
        lines.append(label("print_version", lang, version=revision.version))
        committee = kb.org_name(revision.committee)
        ref = revision.decision_ref + (f" ({label('example_mark', lang)})"
                                       if revision.example else "")
        lines.append(label("print_adopted", lang, date=revision.adopted_on.isoformat(),
                           committee=committee.text(lang) if committee else revision.committee,
                           ref=ref))
    lines.append(label("print_compiled", lang, date=today.isoformat()))
    lines.append(label("print_web", lang, url=start_url))
    return TitlePage(kb.organisation.municipality.name.text(lang),
                     label("print_plan_name", lang), lines)


def document_title(title: TitlePage, revision: Revision | None, lang: Lang) -> str:
    """The whole-plan page's ``<title>``, which Chromium makes the PDF's title."""
    version = f", {label('print_version', lang, version=revision.version).lower()}" \
        if revision else ""
    return f"{title.plan_name} – {title.organisation}{version}"
