"""The whole-plan page of the stage: the plan's chapters on one page, put together by the same
code as in our build (:func:`macros.build.print.plan.assemble`), from each chapter's HTML.

Our build takes the chapters' HTML from MkDocs once it has rendered them. The stage renders
them itself, the way MkDocs renders a page (:meth:`mkdocs.structure.pages.Page.render`: the
project's markdown_extensions, links to ``.md`` files made page addresses), from their Markdown
with the macros expanded against the page's address, as in our build. The result is HTML with
links relative to the whole-plan page's address; the staged page carries it as a raw HTML
block with links relative to its source file, the stage's rule for raw HTML
(:mod:`macros.build.stage.expand`).
"""

from __future__ import annotations

from datetime import date
from urllib.parse import urljoin, urlsplit, urlunsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.utils import get_relative_url

from macros.build.page_title import plain_title
from macros.build.pages import localized
from macros.build.print.html_rewrite import Rewrite, rewrite_html
from macros.build.print.plan import PLAN_INDEX_SRC, PRINT_SRC, Chapter, assemble, pdf_path
from macros.build.print.support import document_title, plan_chapters, title_page
from macros.build.stage.expand import page_url, source_path
from macros.model.core import KnowledgeBase, Revision
from macros.model.markdown import norm_src_uri
from macros.model.text import DEFAULT_LANGUAGE, Lang

_BASE = "http://kb.invalid/"  # only to resolve relative links


def plan_html(nav: Navigation, chapters_markdown: dict[str, str], fallbacks: set[str],
              config: MkDocsConfig, files: Files, kb: KnowledgeBase,
              revision: Revision | None, lang: Lang, site_root: str, today: date,
              pdf: bool = False) -> tuple[str, str]:
    """The whole-plan page's body in ``lang``, links relative to its address, and its
    document title (which Chromium makes the PDF's title).
    ``chapters_markdown``: the plan's pages by path (without the language suffix), macros
    expanded against their addresses; ``fallbacks``: those in the default language. Each
    chapter is rendered as MkDocs renders a page; the navigation gives their order. ``pdf``:
    the plan's PDF will be made, and the page links it."""
    for page in nav.pages:
        src = norm_src_uri(page.file.src_uri)
        if src in chapters_markdown:
            page.file.content_string = chapters_markdown[src]
            page.read_source(config)  # its front matter: `print: false` leaves it out
    chapters = []
    for page in plan_chapters(nav):
        src = norm_src_uri(page.file.src_uri)
        page.render(config, files)
        chapters.append(Chapter(url=page_url_in(src, lang), title=plain_title(page),
                                content=page.content or "",
                                lang=DEFAULT_LANGUAGE if src in fallbacks else None))
    title = title_page(kb, revision, lang, today, site_root + page_url_in(PLAN_INDEX_SRC, lang))
    address = page_url_in(PRINT_SRC, lang)
    pdf_href = get_relative_url(pdf_path(lang), address) if pdf else None
    return (assemble(chapters, address, lang, title, pdf_href),
            document_title(title, revision, lang))


def page_url_in(src: str, lang: Lang) -> str:
    """The address of the page ``src`` (no language suffix) in ``lang``'s site."""
    return page_url(localized(src, lang))


def source_relative(body: str, page_address: str, src_uri: str) -> str:
    """``body`` (links relative to ``page_address``) with every relative link made relative
    to the source file ``src_uri`` instead (ids and ``#fragment`` links unchanged)."""
    source = source_path(src_uri)

    def rewrite(url: str) -> str:
        parts = urlsplit(url)
        if not url or parts.scheme or parts.netloc or url.startswith(("/", "#")):
            return url
        target = urlsplit(urljoin(_BASE + page_address, url).removeprefix(_BASE))
        relative = get_relative_url(target.path or ".", source)
        if target.path.endswith("/") and not relative.endswith("/"):
            relative += "/"
        return urlunsplit(("", "", relative, target.query, target.fragment))

    return rewrite_html(body, Rewrite(link=rewrite))
