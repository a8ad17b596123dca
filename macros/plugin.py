"""MkDocs plugin `kb`: wires the loaded data into the build (no content logic lives here).

- on_config: load and validate ``routines/`` once (cached), report every problem, abort on errors;
- on_files: add the generated pages in both languages (and give them back their content
  after mkdocs-static-i18n has re-created the file objects);
- on_nav: section titles and order from the organisation data;
- on_page_context: the labels templates need;
- on_post_build: one search index per language (see :mod:`macros.search_split`).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation

from macros.labels import LABELS
from macros.loader import DATA_DIR, load
from macros.macro_context import page_language
from macros.model import KnowledgeBase
from macros.nav import arrange
from macros.pages import generated_pages
from macros.problems import summary
from macros.render import ROUTINES_DIR
from macros.search_split import split_site_index
from macros.text import DEFAULT_LANGUAGE, LANGUAGES

log = get_plugin_logger("kb")


class KbConfig(Config):
    data_dir = config_options.Type(str, default=DATA_DIR)


class KnowledgeBasePlugin(BasePlugin[KbConfig]):
    def __init__(self) -> None:
        self.kb: KnowledgeBase | None = None
        self.generated: dict[str, str] = {}
        self._reported: object = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(config.config_file_path).parent
        result = load(root, self.config.data_dir)
        if result is not self._reported:  # once per data change, not once per language
            self._reported = result
            for problem in result.problems:
                (log.error if problem.is_error else log.warning)(problem.format())
        if not result.ok or result.kb is None:
            raise PluginError(f"{summary(result.problems)} in {self.config.data_dir}/ — "
                              "fix the lines above (run `kb check` to list them again)")
        self.kb = result.kb
        if not config.site_url:
            config.site_url = str(result.kb.organisation.municipality.site_url)
        if (Path(config.docs_dir) / ROUTINES_DIR).exists():
            raise PluginError(f"docs/{ROUTINES_DIR}/ is generated from {self.config.data_dir}/; "
                              f"move those pages elsewhere in docs/")
        return config

    @event_priority(50)  # before mkdocs-static-i18n (-100) sorts files by language
    def _add_generated(self, files: Files, config: MkDocsConfig) -> Files:
        assert self.kb is not None
        self.generated = {page.src_uri: page.content for page in generated_pages(self.kb)}
        for src_uri, content in self.generated.items():
            file = File(src_uri, config.docs_dir, config.site_dir, config.use_directory_urls)
            file.content_string = content
            # static-i18n only accepts files that live under docs_dir
            file.abs_src_path = os.path.normpath(os.path.join(config.docs_dir, src_uri))
            files.append(file)
        return files

    @event_priority(-110)  # after static-i18n re-created the File objects from paths
    def _restore_content(self, files: Files, config: MkDocsConfig) -> Files:
        for file in files:
            content = self.generated.get(file.src_uri)
            if content is not None:
                file.content_string = content
        return files

    on_files = CombinedEvent(_add_generated, _restore_content)

    @event_priority(-110)  # after static-i18n translated the navigation
    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        assert self.kb is not None
        arrange(nav, self.kb, page_language(config))
        return nav

    @event_priority(-110)  # after static-i18n wrote the combined search index (-100)
    def on_post_build(self, config: MkDocsConfig) -> None:
        split_site_index(Path(config.site_dir), list(LANGUAGES), DEFAULT_LANGUAGE)

    def on_page_context(self, context: dict[str, Any], page: Any, config: MkDocsConfig,
                        nav: Navigation) -> dict[str, Any]:
        lang = page_language(config)
        context["kb_labels"] = {key: texts[lang] for key, texts in LABELS.items()}
        context["kb_search_lang"] = lang if lang != DEFAULT_LANGUAGE else None
        return context
