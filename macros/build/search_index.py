"""The site's search, wired into the build (engine chosen in issue 18: Pagefind, measured
against Material's lunr in tests/search_eval/RESULTS.md). Material's search box, keyboard
navigation and highlighting stay; its lunr index is not built (``search: enabled: false`` in
mkdocs.yml) and its worker is replaced by ours (overrides/assets/kb/search-worker.js), which
answers from Pagefind's index: one per language, loaded in small pieces per query.
Material's search plugin is kept for its search box, with an index that indexes nothing
(:class:`SettingsOnly`).

- :meth:`SiteSearch.page_content`: each page's content marked for Pagefind
  (:mod:`macros.search.index_marks`): the department and summary its result shows, its search
  words weighted; pages left out of search (``search: exclude``, a page shown from the other
  language's file) get no mark, so Pagefind skips them. Their words are counted for the
  vocabulary (:mod:`macros.search.vocabulary`).
- :meth:`SiteSearch.languages_built`: the vocabulary files of the languages built here.
- :meth:`SiteSearch.site_built` (once, when every language is written): Pagefind indexes the
  site and each contact's row as a result of its own (:mod:`macros.render.contact_records`);
  then each language's search file (``search/search.<lang>.json``: the synonym table
  from routines/synonyms.yml, the stop words, the titles for the exact-title rule, what each
  page's result shows, the pages' weights, a large index's words that are on almost every page).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger

from macros.model.core import KnowledgeBase
from macros.model.text import LANGUAGES
from macros.render.contact_records import contact_records
from macros.render.contact_records import page_file as contact_page_file
from macros.search import bundle
from macros.search.cards import card_table
from macros.search.common_words import common_words
from macros.search.index_marks import marked, summary_of
from macros.search.pagefind import IndexRun, PagefindError, index_site
from macros.search.stopwords import STOP_WORDS
from macros.search.synonyms import expansion_table
from macros.search.titles import title_table
from macros.search.vocabulary import Vocabulary
from macros.search.weights import boost_of, weight_table

log = get_plugin_logger("kb")
WORKER = "assets/kb/search-worker.js"
_MATERIAL_WORKER = re.compile(r"assets/javascripts/workers/search\.[0-9a-f]+\.min\.js")


def search_file(lang: str) -> Path:
    return Path("search") / f"search.{lang}.json"


def worker_config(config_script: str, lang: str) -> str:
    """Material's ``__config`` with our worker in place of its lunr worker; the worker learns
    the page's language from its address."""
    return _MATERIAL_WORKER.sub(f"{WORKER}?lang={lang}", str(config_script), count=1)


def excluded_from_search(page: Any, lang: str) -> bool:
    search = (page.meta or {}).get("search") or {}
    if isinstance(search, dict) and search.get("exclude"):
        return True  # e.g. the whole plan's page: its chapters are indexed on their own
    # a page shown from the other language's file (static-i18n's fallback): that language's
    # index has it
    return getattr(page.file, "locale", lang) != lang


class SettingsOnly:
    """Material's search index without the index. Material's search plugin stays (its search
    box, keyboard navigation and highlighting need it) but indexes nothing: Pagefind does.
    It still writes ``search/search_index.json``, now with its settings only (the separator
    its highlighting on the target page uses), and mkdocs-static-i18n, which reads and refills
    the plugin's entries after each language, finds none."""

    def __init__(self, settings: Any) -> None:
        self.settings = {key: settings[key] for key in ("lang", "separator", "pipeline", "fields")}
        self.entries: list[dict[str, Any]] = []

    def add_entry_from_context(self, page: Any) -> None:
        return None

    def generate_search_index(self, previous: Any) -> str:
        return json.dumps({"config": self.settings, "docs": []}, separators=(",", ":"))


def without_lunr(config: Any) -> None:
    """Give Material's search plugin (after its on_config) the index that indexes nothing."""
    plugin = config.plugins.get("material/search")
    if plugin is not None and getattr(plugin, "search_index", None) is not None:
        plugin.search_index = SettingsOnly(plugin.config)


class SiteSearch:
    """The search's part of the `kb` plugin's events (macros/build/plugin.py calls these)."""

    def __init__(self) -> None:
        self.vocabulary = Vocabulary()
        self.last_run: IndexRun | None = None
        self.depth = 0  # language builds under way in this process (see pre_build)

    def configure(self, config: Any, env: Any = None) -> None:
        """on_config, after Material's search plugin (0) read its settings; on_env."""
        if env is None:
            without_lunr(config)
        else:
            env.filters["kb_search_worker"] = worker_config  # overrides/main.html, config

    def pre_build(self) -> None:
        self.depth += 1  # static-i18n builds the other languages inside the first's post-build

    def build_error(self) -> None:
        self.depth = 0

    def routine_page(self, html: str, page: Any, lang: str, kb: KnowledgeBase | None,
                     routine_id: str) -> str:
        """on_page_content: a routine's page names its department in its search result."""
        routine = kb.routines.get(routine_id) if kb and routine_id else None
        department = kb.departments[routine.department].name.text(lang) \
            if kb and routine else ""
        return self.page_content(html, page, lang, department)

    def post_page(self, output: str, page: Any, lang: str) -> str:
        """on_post_page: a page left out of the search (the whole plan's chapters, which
        are indexed on their own pages) loses the mark of its content."""
        if excluded_from_search(page, lang):
            return output.replace("<div data-pagefind-body>", "<div>")
        return output

    def post_build(self, site_dir: Path, kb: KnowledgeBase | None, child: bool) -> None:
        """on_post_build of a language: in a forked language build its vocabulary; in the
        outermost build, once every language is written, Pagefind's index and the search
        files (before the output gate scans the site)."""
        self.depth -= 1
        if child:
            self.languages_built(site_dir)
        elif self.depth <= 0 and kb is not None:
            self.languages_built(site_dir)
            try:
                run = self.site_built(site_dir, kb)
            except PagefindError as exc:
                raise PluginError(f"search index: {exc}") from None
            log.info(f"Search index (Pagefind) built in {run.seconds:.1f} s")

    def page_content(self, html: str, page: Any, lang: str, department: str = "") -> str:
        if excluded_from_search(page, lang):
            return html
        self.vocabulary.add(lang, html)
        words = [str(w) for w in (page.meta or {}).get("tags") or []]
        search = (page.meta or {}).get("search")
        boost = boost_of(search.get("boost", 1)) if isinstance(search, dict) else 1.0
        return marked(html, department=department, summary=summary_of(html),
                      search_words=words, boost=boost)

    def languages_built(self, site_dir: Path) -> None:
        """The vocabulary files of the languages this process built."""
        for lang in self.vocabulary.counts:
            self.vocabulary.write(site_dir, lang)
        self.vocabulary = Vocabulary()

    def site_built(self, site_dir: Path, kb: KnowledgeBase) -> IndexRun:
        shown = {lang: _text(site_dir / contact_page_file(lang)) for lang in LANGUAGES}
        run = index_site(site_dir, contact_records(kb.contacts.values(), shown))
        for lang in LANGUAGES:
            groups = [group.words(lang) for group in kb.synonyms]
            pages = bundle.pages(site_dir, lang)
            data = {"stop": sorted(STOP_WORDS[lang]), "synonyms": expansion_table(groups),
                    "titles": title_table(pages, lang), "cards": card_table(pages),
                    "weights": weight_table(pages),
                    "common": common_words(pages)}
            _write_json(site_dir / search_file(lang), data)
        self.last_run = run
        return run


def _text(path: Path) -> str:
    return path.read_text(encoding="utf-8") if path.is_file() else ""


def _write_json(path: Path, data: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")),
                    encoding="utf-8")
