"""`kb stage`: write every page of the site as Markdown, for a renderer without our plugin.

``stage(root, out)`` writes

- ``out/docs/``: every page our build makes, in the same folders (``page.md``, ``page.en.md``):
  the prose pages with their macros expanded, the pages generated from the data, the
  whole-plan page with its chapters (:mod:`macros.build.stage.plan`); every page in every
  language (a missing translation is the default language's page under the not-translated
  notice, marked ``lang="sv"`` and kept out of that language's search); the review notice
  under each page's title as raw HTML kept out of search; other files of docs/ as they are.
  Relative links in raw HTML are relative to the source file (see
  :mod:`macros.build.stage.expand`);
- ``out/nav.yml``: each language's navigation as a plain nested ``nav:``
  (:mod:`macros.build.stage.nav`);
- ``out/pages.json``: the manifest (:mod:`macros.build.stage.manifest`).
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from mkdocs.config.defaults import MkDocsConfig

from macros.build.pages import localized
from macros.build.print.footer import print_style
from macros.build.print.plan import PLAN_DIR, PLAN_INDEX_SRC, PRINT_SRC
from macros.build.review_notice import insert_after_title, notice_html
from macros.build.stage.expand import expand_prose, our_pages, page_lang, page_url
from macros.build.stage.facts import (
    FRONT,
    PageFacts,
    add_plan_facts,
    facts_of,
    front_matter,
    insert_notice,
    markdown_title,
    owner_title,
    page_facts,
    searchless,
)
from macros.build.stage.manifest import DOCS, NAV, Manifest, StagedPage
from macros.build.stage.nav import language_files, language_nav, nav_config
from macros.build.stage.plan import plan_html, source_relative
from macros.load.git_dates import ChangeDates, load_change_dates
from macros.load.loader import load
from macros.model.catalogue import label
from macros.model.core import KnowledgeBase
from macros.model.markdown import norm_src_uri
from macros.model.text import DEFAULT_LANGUAGE, LANGUAGES, Lang
from macros.model.versions import find_revision, requested_version

CONFIG = "mkdocs.yml"
# Front matter the stage adds for the templates (overrides-successor/main.html): the print
# footer of every page, and the whole-plan page's document title.
PRINT_STYLE = "kb_print_style"
DOC_TITLE = "kb_doc_title"


class StageError(Exception):
    """The project cannot be staged (its data has errors)."""


@dataclass(frozen=True)
class Staged:
    out: Path
    pages: int
    notices: int
    fallbacks: int
    pdf: bool = False  # the plan's pages link its PDF, which the renderer's side must print


def with_fallbacks(pages: dict[str, str]) -> dict[str, str]:
    """Every page in every language: a page without its translation gets the default
    language's Markdown under the notice that it is not translated yet, marked with that
    language and left out of this language's search (overrides/main.html and
    mkdocs-static-i18n do this in our build)."""
    result = dict(pages)
    for src, text in pages.items():
        if page_lang(src) != DEFAULT_LANGUAGE:
            continue
        for lang in LANGUAGES:
            target = localized(src, lang)
            if target in result:
                continue
            front = FRONT.match(text)
            body = text[front.end():] if front else text
            meta = front_matter(text)
            meta["search"] = {**(meta.get("search") or {}), "exclude": True}
            head = "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n"
            notice = (f'<div class="admonition note kb-fallback" data-search-exclude="true">\n'
                      f'<p class="admonition-title">{label("fallback_title", lang)}</p>\n'
                      f'<p>{label("fallback_page", lang)}</p>\n</div>')
            result[target] = (f'{head}\n{notice}\n\n<div lang="{DEFAULT_LANGUAGE}" markdown>\n\n'
                              f"{body}\n\n</div>\n")
    return result


def with_meta(markdown: str, values: dict[str, Any]) -> str:
    """``markdown`` with ``values`` added to its front matter (one is made if it has none)."""
    front = FRONT.match(markdown)
    meta = front_matter(markdown) | values
    body = markdown[front.end():] if front else "\n" + markdown
    return ("---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=10_000)
            + "---\n" + body)


def markdown_config(root: Path) -> MkDocsConfig:
    """MkDocs' configuration as far as the stage needs it (Markdown, addresses, validation),
    from the project's mkdocs.yml without its plugins."""
    ours = yaml.safe_load((root / CONFIG).read_text(encoding="utf-8")) or {}
    config = MkDocsConfig(config_file_path=str(root / CONFIG))
    config.load_dict({key: ours[key] for key in ("site_name", "markdown_extensions",
                                                 "use_directory_urls") if key in ours}
                     | {"docs_dir": str(root / DOCS)})
    errors, _ = config.validate()
    if errors:
        raise StageError(f"{root / CONFIG}: " + "; ".join(f"{k}: {e}" for k, e in errors))
    return config


def _plan_sources(expanded: dict[str, str], lang: Lang) -> tuple[dict[str, str], set[str]]:
    """The plan's pages of ``lang`` by path (no language suffix), the default language's
    where there is no translation, and which of them fell back."""
    chapters: dict[str, str] = {}
    fallbacks: set[str] = set()
    for src, text in expanded.items():
        norm = norm_src_uri(src)
        if not norm.startswith(f"{PLAN_DIR}/") or norm == PRINT_SRC:
            continue
        if page_lang(src) == lang:
            chapters[norm] = text
            fallbacks.discard(norm)
        elif page_lang(src) == DEFAULT_LANGUAGE and norm not in chapters:
            chapters[norm] = text
            fallbacks.add(norm)
    return chapters, fallbacks


class _Stager:
    def __init__(self, root: Path, kb: KnowledgeBase, today: date, pdf: bool) -> None:
        self.root, self.kb, self.today, self.pdf = root, kb, today, pdf
        self.config = markdown_config(root)
        self.site_url = str(kb.organisation.municipality.site_url)
        self.site_root = self.site_url if self.site_url.endswith("/") else self.site_url + "/"
        self.dates: ChangeDates = load_change_dates(root)

    def pages(self) -> tuple[dict[str, str], set[str], dict[Lang, list[Any]]]:
        """Every page's Markdown, which of them fell back, each language's navigation."""
        prose, generated = our_pages(self.root)
        has_plan = PLAN_INDEX_SRC in prose
        self.pdf = self.pdf and has_plan
        if not has_plan:  # no plan, no whole-plan page (as the plugin's print support)
            generated = {s: t for s, t in generated.items() if norm_src_uri(s) != PRINT_SRC}
        own = expand_prose(self.root, prose, "source", self.pdf) | generated
        pages = with_fallbacks(own)
        plan_prose = {src: text for src, text in prose.items()
                      if norm_src_uri(src).startswith(f"{PLAN_DIR}/")}
        by_address = (expand_prose(self.root, plan_prose, "address", self.pdf)
                      if has_plan else {})
        navs: dict[Lang, list[Any]] = {}
        for lang in LANGUAGES:
            files = language_files({norm_src_uri(src): text for src, text in pages.items()
                                    if page_lang(src) == lang}, self.config)
            nav = language_nav(files, self.config, self.kb, lang)
            navs[lang] = nav_config(nav.items)
            if has_plan:
                chapters, fallbacks = _plan_sources(by_address, lang)
                src = localized(PRINT_SRC, lang)
                body, title = plan_html(nav, chapters, fallbacks, self.config, files, self.kb,
                                        find_revision(self.kb, requested_version()), lang,
                                        self.site_root, self.today, self.pdf)
                pages[src] = with_meta(pages[src], {DOC_TITLE: title})
                pages[src] += source_relative(body, page_url(src), src) + "\n"
        return pages, set(pages) - set(own), navs

    def print_style(self, src: str, found: PageFacts | None) -> str:
        """The page's print footer (address, review-by date), as our build puts it in the
        head (overrides/partials/kb-print.html); here in the front matter."""
        review_by = found.review.review_by if found is not None else None
        return str(print_style(self.site_root + page_url(src), review_by, page_lang(src)))

    def notice(self, found: PageFacts, lang: Lang) -> str:
        return searchless(notice_html(found.review, owner_title(self.kb, found.review, lang),
                                      lang, changed=self.dates.for_paths([found.dated_by]),
                                      built_on=self.dates.built_on))

    def entry(self, src: str, text: str, found: PageFacts | None, fallback: bool) -> StagedPage:
        lang = page_lang(src)
        meta = front_matter(text)
        search = (meta.get("search") or {}).get("exclude") is not True
        title = (found.title if found and found.title else "") or markdown_title(text)
        if found is None:
            return StagedPage(src, lang, page_url(src), title, fallback, search)
        review = found.review
        return StagedPage(src, lang, page_url(src), title, fallback, search,
                          owner=review.owner, owner_title=owner_title(self.kb, review, lang),
                          last_reviewed=review.last_reviewed, review_by=review.review_by,
                          source=found.source,
                          last_changed=self.dates.for_paths([found.dated_by]))


def stage(root: Path, out: Path, today: date | None = None, pdf: bool = False) -> Staged:
    """Write the stage of the project in ``root`` to ``out`` (see the module's text).
    ``pdf``: the plan's PDF will be made after the renderer (the successor's finish prints
    it), so the plan's pages link it, as our build's do when it makes the PDF."""
    root = root.resolve()
    result = load(root)
    if result.kb is None:
        raise StageError(f"{root / 'routines'} has errors; run `kb check`")
    stager = _Stager(root, result.kb, today or date.today(), pdf)
    pages, fallbacks, navs = stager.pages()
    facts = page_facts(root, result.kb)
    add_plan_facts(facts, pages)
    docs = out / DOCS
    if docs.exists():
        shutil.rmtree(docs)
    _copy_other_files(root / DOCS, docs)
    entries, notices = [], 0
    for src, text in sorted(pages.items()):
        found = facts_of(facts, src)
        if found is not None:
            notice = stager.notice(found, page_lang(src))
            text = (_after_plan_title(text, notice) if norm_src_uri(src) == PRINT_SRC
                    else insert_notice(text, notice))
            notices += 1
        text = with_meta(text, {PRINT_STYLE: stager.print_style(src, found)})
        entries.append(stager.entry(src, text, found, src in fallbacks))
        path = docs / src
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (out / NAV).write_text(yaml.safe_dump(navs, allow_unicode=True, sort_keys=False),
                           encoding="utf-8")
    Manifest(stager.site_url, stager.dates.built_on, LANGUAGES, tuple(entries),
             stager.pdf).write(out)
    return Staged(out, len(pages), notices, len(fallbacks), stager.pdf)


def _after_plan_title(markdown: str, notice: str) -> str:
    """The whole-plan page's notice after its title page's heading, as in our build."""
    front = FRONT.match(markdown)
    start = front.end() if front else 0
    return markdown[:start] + insert_after_title(markdown[start:], notice)


def _copy_other_files(docs: Path, target: Path) -> None:
    """Images and other files of docs/ (not Markdown), as MkDocs copies them."""
    for path in sorted(docs.rglob("*")):
        if path.is_file() and path.suffix != ".md":
            copy = target / path.relative_to(docs)
            copy.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, copy)
