"""MkDocs plugin `kb`: wires the loaded data into the build (no content logic lives here).

- on_config: load and validate ``routines/`` once (cached), report every problem, abort on errors;
- on_files: add the generated pages in both languages (and give them back their content
  after mkdocs-static-i18n has re-created the file objects);
- on_nav: section titles and order from the organisation data; then, in the default
  language's build, the other language starts building in a forked process
  (:mod:`macros.build.parallel_build`; the parent waits for it where static-i18n would build it);
- on_post_page: Swedish titles in English pages' navigation get lang="sv" (macros.build.lang_parts);
- on_page_context: the labels templates need; the review notice under the title (after the
  search plugin has indexed the page, so the notice is not searchable boilerplate);
- print (macros/build/print/support.py): the whole plan on one page (generated, filled in at
  on_page_context), each page's print footer, and the plan's PDF (on_post_build);
- search (:mod:`macros.build.search_index`): pages marked for Pagefind, our search worker,
  and, once every language is written, Pagefind's index (on_post_build, before the gate);
- on_post_build: the files for intranet widgets under ``api/`` (see :mod:`macros.api.export`).
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import Any

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation

from macros.api.data import SiteAddress
from macros.api.export import write_exports
from macros.api.models import PageRecord
from macros.build import link_sources, macro_errors
from macros.build.embed import embed_vars
from macros.build.html_compact import compact_whitespace
from macros.build.lang_parts import mark_titles, swedish_titles
from macros.build.last_gate import stop_unsafe_output
from macros.build.macro_context import PageMacros, page_language
from macros.build.nav import arrange
from macros.build.page_title import plain_title
from macros.build.pages import GeneratedPage, generated_pages
from macros.build.parallel_build import LanguageWorkers, parallel_enabled
from macros.build.print.support import PrintSupport
from macros.build.redirects_i18n import write_language_redirects
from macros.build.review_notice import insert_after_title, notice_html
from macros.build.sandbox import sandbox_macros
from macros.build.search_index import SiteSearch
from macros.build.template_context import not_found_vars, template_vars
from macros.checks.project import Project
from macros.checks.registry import run_checks
from macros.load.git_dates import ChangeDates, load_change_dates
from macros.load.loader import LoadResult, files_signature, load
from macros.load.matrix_pages import matrix_pages
from macros.load.page_meta import PagesResult, load_pages
from macros.load.settings import DEFAULTS, Settings
from macros.model.catalogue import both
from macros.model.core import KnowledgeBase, Revision
from macros.model.markdown import norm_src_uri
from macros.model.problems import summary
from macros.model.review import Review
from macros.model.snapshot import snapshot, write_snapshot
from macros.model.text import DEFAULT_LANGUAGE
from macros.model.versions import VERSION_ENV, UnknownVersion, find_revision, requested_version
from macros.render.blocks import ROUTINES_DIR
from macros.render.csp import policy_problems, theme_script_hashes
from macros.render.frontend import defer_scripts, inline_assets, minify_assets
from macros.render.matrices import UNIT_VIEW_DIR
from macros.render.urls import site_relative

log = get_plugin_logger("kb")
# Pages every page links to when the project has them (a test site may not)
EMBED_GUIDE = "inbaddning.md"  # how embedding works, for intranet editors
STATEMENT = "tillganglighet.md"  # the accessibility statement, linked from every footer


class KbConfig(Config):
    """The plugin's options in mkdocs.yml; what they mean and their defaults:
    :class:`macros.load.settings.Settings` (the CLI reads the same section through it)."""

    data_dir = config_options.Type(str, default=DEFAULTS.data_dir)
    deploy_branch = config_options.Type(str, default=DEFAULTS.deploy_branch)
    current_alias = config_options.Type(str, default=DEFAULTS.current_alias)


class KnowledgeBasePlugin(BasePlugin[KbConfig]):
    def __init__(self) -> None:
        self.kb: KnowledgeBase | None = None
        self.settings = DEFAULTS  # from mkdocs.yml in on_config
        self.generated: dict[str, GeneratedPage] = {}  # source path → page from the data
        self.print_pages: dict[str, str] = {}  # source path → Markdown (the whole plan)
        self.reviews: dict[str, tuple[Review, str]] = {}  # generated page → review, source
        self.change_sources: dict[str, str] = {}  # generated page → what its date comes from
        self.page_meta = PagesResult()
        self.records: dict[str, list[PageRecord]] = {}  # language → pages built
        self._nav: Navigation | None = None  # of the language being built
        self._swedish: set[str] | None = None  # its titles that fell back to Swedish
        self._shared_pages: dict[str, str] = {}  # EMBED_GUIDE, STATEMENT → URL ("": not built)
        self._reported: object = None
        self._checked: tuple[object, object] | None = None  # (data, docs signature) checked
        self.revision: Revision | None = None  # the plan revision this build is for
        self.change_dates: ChangeDates | None = None  # from git, once per language build
        self._dates_warning = ""
        self._not_found = ""  # the Swedish build's 404.html (see on_post_template)
        self.script_hashes: tuple[str, ...] = ()  # the CSP allows (render/csp.py)
        self._inline: dict[str, str] = {}  # inlined in heads (render/frontend.py)
        self.print = PrintSupport()  # the whole plan on one page, print footers, the PDF
        self.workers = LanguageWorkers()  # the other languages, built in forked processes
        self.search = SiteSearch()  # Pagefind's index and the search worker's files
        self._serving = False

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.print.startup(command)  # KB_PDF=auto makes no PDF under `mkdocs serve`
        self._serving = command == "serve"

    def _configure(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(config.config_file_path).resolve().parent
        docs_dir = os.path.relpath(Path(config.docs_dir).resolve(), root)
        self.settings = Settings.from_sections(dict(self.config), docs_dir)
        result = load(root, self.settings.data_dir)
        if result is not self._reported:  # once per data change, not once per language
            self._reported = result
            for problem in result.problems:
                # Warnings are `kb check`'s: under --strict a logged warning fails the build.
                (log.error if problem.is_error else log.info)(problem.format())
        if not result.ok or result.kb is None:
            raise PluginError(f"{summary(result.problems)} in {self.settings.data_dir}/ — "
                              "fix the lines above (run `kb check` to list them again)")
        self.kb = result.kb
        link_sources.install(result.documents)  # MkDocs' link warnings name the YAML
        self._check_pages(root, Path(config.docs_dir), result)
        self.change_dates = load_change_dates(root)
        if self.change_dates.warning and self.change_dates.warning != self._dates_warning:
            self._dates_warning = self.change_dates.warning
            log.info(self.change_dates.warning)  # not a warning: --strict must not fail on it
        if not config.site_url:
            config.site_url = str(result.kb.organisation.municipality.site_url)
        self._configure_version(config, result.kb)
        for generated in (ROUTINES_DIR, UNIT_VIEW_DIR):
            if (Path(config.docs_dir) / generated).exists():
                raise PluginError(f"docs/{generated}/ is generated from "
                                  f"{self.settings.data_dir}/; move those pages elsewhere in docs/")
        self.print.configure()  # KB_PDF: make the plan's PDF or not (macros/build/print/pdf.py)
        self.script_hashes = theme_script_hashes(config)
        self._inline = inline_assets(config.theme.dirs)  # partials/kb-embed-head.html
        return config

    @event_priority(-100)  # after mkdocs-macros (0) made its Jinja environment
    def _register_macros(self, config: MkDocsConfig) -> MkDocsConfig:
        """The prose pages' macros, given the data this build loaded, in mkdocs-macros'
        environment made sandboxed (macros/build/sandbox.py)."""
        self.search.configure(config)  # after Material's search plugin (0) read its settings
        macros_plugin = config.plugins.get("macros")
        if macros_plugin is None or self.kb is None:
            return config
        macro_errors.register()  # a mistyped macro name: file, line and fix, no traceback
        sandbox_macros(macros_plugin)
        page_macros = PageMacros(self.kb, config, self.settings, script_hashes=self.script_hashes,
                                 pdf_href=self.print.pdf_href)
        macros_plugin.register_macros(page_macros.macros())
        return config

    on_config = CombinedEvent(_configure, _register_macros)

    @event_priority(-50)  # after mkdocs-macros (0) rendered the page and its title
    def on_page_markdown(self, markdown: str, page: Any, config: MkDocsConfig,
                         files: Files) -> str:
        """A front-matter title is the author's text, never a template: mkdocs-macros
        renders a title holding ``{{`` and sets it on the page; take the text back."""
        if "title" in (page.meta or {}):
            vars(page).pop("title", None)
        return markdown

    def _configure_version(self, config: MkDocsConfig, kb: KnowledgeBase) -> None:
        """Under mike: the version must be a plan revision, and Material shows its version
        selector and the outdated banner. Without mike there is no versions.json to fetch."""
        try:
            self.revision = find_revision(kb, requested_version())
        except UnknownVersion as exc:
            raise PluginError(f"{VERSION_ENV}: {exc}") from None
        if requested_version() is not None:
            config.extra["version"] = {"provider": "mike", "default": self.settings.current_alias,
                                       "alias": True}

    def on_env(self, env: Any, config: MkDocsConfig, files: Files) -> Any:
        site_url = config.site_url
        env.filters["kb_site_relative"] = lambda link: site_relative(str(link), site_url)
        env.filters["kb_compact"] = compact_whitespace  # overrides/main.html
        env.filters["kb_defer"] = defer_scripts
        self.search.configure(config, env)
        return env

    def _check_pages(self, root: Path, docs_dir: Path, result: LoadResult) -> None:
        """Review fields of the Markdown pages, and personal data anywhere: errors, so a
        strict build (CI, publishing) stops; `mkdocs serve` goes on without the notice.
        Once per change of the data or the pages, not once per language."""
        assert self.kb is not None
        key = (result, files_signature(sorted(docs_dir.rglob("*.md"))))
        if self._checked is not None and self._checked[0] is key[0] \
                and self._checked[1] == key[1]:
            return
        self._checked = key
        self.page_meta = load_pages(docs_dir, root)
        project = Project(root, self.settings, result, self.page_meta, [])
        problems = [*self.page_meta.problems, *run_checks(project, date.today(), build=True)]
        for problem in problems:
            log.error(problem.format())
        stopping = run_checks(project, date.today(), stopping=True)
        if stopping:  # could run script in a reader's browser: never built, strict or not
            self._checked = None
            raise PluginError(both("build_stopped", count=len(stopping)))

    def on_pre_build(self, config: MkDocsConfig) -> None:
        self.records[page_language(config)] = []
        self.search.pre_build()

    @event_priority(50)  # before mkdocs-static-i18n (-100) sorts files by language
    def _add_generated(self, files: Files, config: MkDocsConfig) -> Files:
        assert self.kb is not None
        pages = generated_pages(self.kb, matrix_pages(Path(config.docs_dir)))
        self.generated = {page.src_uri: page for page in pages}
        self.print_pages = self.print.pages(files)  # handlingsplan/hela-planen
        organisation = f"{self.settings.data_dir}/organisation.yml"
        self.reviews = {page.src_uri: (page.review, page.source or organisation) for page in pages}
        # the overview pages list every routine: they change with any data file
        self.change_sources = {page.src_uri: page.source or f"{self.settings.data_dir}/"
                               for page in pages}
        placeholders = {src: page.front_matter for src, page in self.generated.items()}
        for src_uri, content in {**placeholders, **self.print_pages}.items():
            file = File(src_uri, config.docs_dir, config.site_dir, config.use_directory_urls)
            file.content_string = content
            # static-i18n only accepts files that live under docs_dir
            file.abs_src_path = os.path.normpath(os.path.join(config.docs_dir, src_uri))
            files.append(file)
        return files

    @event_priority(-110)  # after static-i18n re-created the File objects from paths
    def _restore_content(self, files: Files, config: MkDocsConfig) -> Files:
        """Give the generated pages this language build keeps their rendered Markdown (the
        other languages' are rendered by their own builds)."""
        assert self.kb is not None
        for file in files:
            page = self.generated.get(file.src_uri)
            if page is not None:
                file.content_string = page.markdown(self.kb)
            elif file.src_uri in self.print_pages:
                file.content_string = self.print_pages[file.src_uri]
        minify_assets(files)  # assets/kb/*.css, *.js (macros/render/frontend.py)
        return files

    on_files = CombinedEvent(_add_generated, _restore_content)

    @event_priority(-110)  # after static-i18n translated the navigation
    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        assert self.kb is not None
        arrange(nav, self.kb, page_language(config))
        self._nav, self._swedish = nav, None
        # once per language: where the pages every page links to are, if they are built
        urls = {norm_src_uri(page.file.src_uri): page.url for page in nav.pages}
        self._shared_pages = {src: urls.get(src, "") for src in (EMBED_GUIDE, STATEMENT)}
        # The site folder is clean and static-i18n knows this language's pages: build the
        # other languages in forked processes meanwhile (macros/build/parallel_build.py).
        if page_language(config) == DEFAULT_LANGUAGE and not self.workers.is_child \
                and parallel_enabled(os.environ, self._serving):
            self.workers.start(config, lambda lang: self.records.get(lang, []),
                               lambda lang, records: self.records.__setitem__(lang, records))
        return nav

    def on_build_error(self, error: Exception) -> None:
        self.workers.cancel()
        self.search.build_error()

    def _mark_swedish(self, output: str, config: MkDocsConfig) -> str:
        """Swedish titles in the navigation of English pages get lang="sv" (lang_parts)."""
        if self._swedish is None:  # once per language: every page has its title by now
            self._swedish = (swedish_titles(self._nav, self.kb, page_language(config))
                             if self._nav is not None and self.kb is not None else set())
        return mark_titles(output, self._swedish)

    def _check_policy(self, output: str, source: str) -> None:
        """What the Content-Security-Policy would refuse in a page stops the build."""
        for problem in policy_problems(output, self.script_hashes):
            log.error(f"{source}: Content-Security-Policy (macros/render/csp.py): {problem}")

    def on_page_content(self, html: str, page: Any, config: MkDocsConfig,
                        files: Files) -> str:
        generated = self.generated.get(page.file.src_uri)
        return self.search.routine_page(html, page, page_language(config), self.kb,
                                        generated.routine_id if generated else "")

    def on_post_page(self, output: str, page: Any, config: MkDocsConfig) -> str:
        output = self.search.post_page(output, page, page_language(config))
        self._check_policy(output, f"docs/{page.file.src_uri}")
        return self._mark_swedish(output, config)

    def on_post_template(self, output_content: str, template_name: str,
                         config: MkDocsConfig) -> str:
        output = self._mark_swedish(output_content, config)
        # Built in parallel, each file both builds make is written by one of them: the
        # sitemap by the other language's (it lists every language), 404.html by this one.
        if template_name == "sitemap.xml" and self.workers.active:
            return ""
        if template_name != "404.html":
            return output
        self._check_policy(output, "overrides/404.html")
        # Every language build writes 404.html in the site's root; keep the Swedish build's
        # there, which carries the other languages too (overrides/404.html; Swedish is built
        # first). Each other language's goes into its folder (en/404.html), for web servers
        # that answer a missing address in the reader's language.
        lang = page_language(config)
        if lang == DEFAULT_LANGUAGE:
            self._not_found = output
        else:
            target = Path(config.site_dir) / lang / "404.html"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(output, encoding="utf-8")
        if self.workers.is_child:
            return ""
        return self._not_found or output

    @event_priority(-110)  # after static-i18n wrote the combined search index (-100)
    def on_post_build(self, config: MkDocsConfig) -> None:
        site_dir = Path(config.site_dir)
        lang = page_language(config)
        self.search.post_build(site_dir, self.kb, self.workers.is_child)  # Pagefind's index
        if self.workers.is_child:  # the parent writes what spans the languages
            write_language_redirects(config, lang)
            self.print.post_build(config)
            return
        if self.kb is not None and self.change_dates is not None:
            write_exports(site_dir, self.kb, [r for rs in self.records.values() for r in rs],
                          SiteAddress(config.site_url or "", config.use_directory_urls),
                          self.change_dates)
        if self.kb is not None and self.revision is not None:
            write_snapshot(site_dir, snapshot(self.kb, self.revision.version))
        if lang != DEFAULT_LANGUAGE:
            write_language_redirects(config, lang)
        self.print.post_build(config)  # the plan's PDF, once its page is written
        if lang == DEFAULT_LANGUAGE:  # every language is written: the last gate on all of it
            stop_unsafe_output(config, self.script_hashes,
                               [r for rs in self.records.values() for r in rs],
                               workers=2 if parallel_enabled(os.environ, self._serving) else 1)

    def _review_of(self, src_uri: str) -> tuple[Review, str] | None:
        """(review, file to edit) of a page by its source path."""
        if src_uri in self.reviews:
            return self.reviews[src_uri]
        if src_uri in self.print.reviews:  # the whole plan: its chapter due first
            return self.print.reviews[src_uri]
        info = self.page_meta.for_page(src_uri) or self.page_meta.for_page(norm_src_uri(src_uri))
        return (info.meta.review, info.file) if info else None

    def _changed_on(self, src_uri: str, source: str) -> date | None:
        """Last commit date of what the page is built from."""
        if self.change_dates is None:
            return None
        return self.change_dates.for_paths([self.change_sources.get(src_uri, source)])

    def _template_vars(self, context: dict[str, Any], config: MkDocsConfig) -> None:
        template_vars(context, page_language(config), self.revision, self.settings.current_alias,
                      self._shared_pages.get(STATEMENT, ""), self._inline)

    def on_template_context(self, context: dict[str, Any], template_name: str,
                            config: MkDocsConfig) -> dict[str, Any]:
        self._template_vars(context, config)  # 404.html has no page context
        if template_name == "404.html":
            not_found_vars(context, config, page_language(config))
        return context

    @event_priority(-120)  # after the search plugin indexed the page (0)
    def on_page_context(self, context: dict[str, Any], page: Any, config: MkDocsConfig,
                        nav: Navigation) -> dict[str, Any]:
        lang = page_language(config)
        self._template_vars(context, config)
        version = self.revision.version if self.revision and requested_version() else None
        context["kb_embed"] = embed_vars(page, config, version, self.settings.current_alias,
                                         self._shared_pages.get(EMBED_GUIDE, ""))
        self.print.page_context(context, page, nav, lang, self._review_of, self.kb, self.revision,
                                self.change_dates.built_on if self.change_dates else date.today())
        found = self._review_of(page.file.src_uri)
        if found is not None and self.kb is not None:
            review, source = found
            role = self.kb.roles.get(review.owner)
            owner_title = role.title.text(lang) if role else review.owner
            changed = self._changed_on(page.file.src_uri, source)
            built_on = self.change_dates.built_on if self.change_dates else None
            page.content = insert_after_title(page.content or "", notice_html(
                review, owner_title, lang, changed=changed, built_on=built_on))
            self.records.setdefault(lang, []).append(PageRecord(
                title=plain_title(page), url=page.canonical_url or page.abs_url or "",
                path=page.url, lang=lang, owner=review.owner, owner_title=owner_title,
                last_reviewed=review.last_reviewed, review_by=review.review_by, source=source,
                last_changed=changed))
        return context
