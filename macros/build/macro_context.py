"""The macros of the prose pages, over the knowledge base the build loaded.

:class:`PageMacros` receives everything it needs when it is made — the loaded
:class:`KnowledgeBase`, the build's configuration (for the page language), the project's
settings, the CSP hashes and how to link the plan's PDF — and the `kb` plugin registers its
macros with mkdocs-macros (``register_macros``). Each macro learns which page it is rendering
from the Jinja context (``page``), so nothing is looked up in a global cache or in the plugin.
The benchmark's naive build and the successor's stage expand pages with the same functions.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.plugins import get_plugin_logger

from macros.build.print.plan import print_note
from macros.load.settings import Settings
from macros.model.core import KnowledgeBase
from macros.model.text import DEFAULT_LANGUAGE, LANGUAGES, Lang
from macros.model.versions import find_revision, requested_version
from macros.render.baseline import find_baseline
from macros.render.blocks import Renderer, UnknownReference
from macros.render.changes import what_changed
from macros.render.guides import (
    glossary,
    legal_sources,
    revision_history,
    situations,
    training_plan,
)
from macros.render.server import server_config, site_settings

log = get_plugin_logger("kb")


def page_language(config: Any) -> Lang:
    """The language being built (static-i18n sets ``theme.language`` per build)."""
    language = config["theme"]["language"] if "theme" in config else None
    for lang in LANGUAGES:
        if language == lang:
            return lang
    return DEFAULT_LANGUAGE


class PageMacros:
    """The prose pages' macros for one build (one language): made by the `kb` plugin after
    it loaded the data, or by the benchmark and the successor's stage."""

    def __init__(self, kb: KnowledgeBase, config: Any, settings: Settings, *,
                 script_hashes: tuple[str, ...] = (),
                 pdf_href: Callable[[Lang, str], str | None] | None = None) -> None:
        self.kb = kb
        self.config = config  # MkDocs' configuration of this build: its language
        self.root = Path(config.config_file_path).resolve().parent
        self.settings = settings
        self.script_hashes = script_hashes
        self.pdf_href = pdf_href  # the plan's PDF, when this build makes one

    def renderer(self, page: Any) -> Renderer:
        src = page.file.src_uri if page is not None else "index.md"
        return Renderer(self.kb, page_language(self.config), src)

    def _safe(self, name: str, func: Callable[..., str]) -> Callable[..., str]:
        @jinja2.pass_context
        def call(context: jinja2.runtime.Context, *args: Any, **kwargs: Any) -> str:
            page = context.get("page")
            try:
                return func(self.renderer(page), page, *args, **kwargs)
            except (UnknownReference, TypeError) as exc:
                src = page.file.src_uri if page is not None else "?"
                shown = ", ".join([*map(repr, args), *(f"{k}={v!r}" for k, v in kwargs.items())])
                log.error(f"docs/{src}: {name}({shown}): {exc}")
                return f'!!! failure "{name}"\n\n    {name}({shown}): {exc}\n'
        call.__name__ = name
        call.__doc__ = func.__doc__
        return call

    def macros(self) -> dict[str, Callable[..., str]]:
        def contact_table(r: Renderer, _page: Any, *ids: str, department: str | None = None,
                          scope: str | None = None, anchors: bool = False) -> str:
            """Contacts by ids, by department (internal) and/or scope (national, regional,
            internal); ``anchors=true`` on the contacts page: each row has the id its search
            result links to."""
            return r.contact_table(ids, department=department, scope=scope,
                                   anchors=anchors is True)

        def changes(r: Renderer, _page: Any) -> str:
            """What changed since the previous published version (the deploy branch)."""
            revision = find_revision(r.kb, requested_version())
            baseline = find_baseline(self.root, r.kb, revision, self.settings.deploy_branch)
            return what_changed(r, revision.version, baseline.snapshot, baseline.reason(r.lang))

        def plan_print(r: Renderer, page: Any) -> str:
            """The plan start page's printing note: the whole plan on one page, and its PDF
            when this build makes it (macros/build/print/support.py)."""
            pdf = self.pdf_href(r.lang, page.url) if self.pdf_href and page is not None else None
            return print_note(r.lang, r.page_src, pdf)

        def guide(render: Callable[[Renderer], str]) -> Callable[..., str]:
            def call(r: Renderer, _page: Any) -> str:
                return render(r)
            call.__doc__ = render.__doc__
            return call

        functions: dict[str, Callable[..., str]] = {
            "checklist": lambda r, _page, routine_id, additions=True: r.checklist(routine_id,
                                                                                 additions),
            "contact_table": contact_table,
            "responsibility_matrix": lambda r, _page, matrix_id: r.responsibility_matrix(
                matrix_id),
            "situations": guide(situations),
            "glossary": guide(glossary),
            "training_plan": guide(training_plan),
            "legal_sources": guide(legal_sources),
            "revision_history": guide(revision_history),
            "what_changed": changes,
            "plan_print": plan_print,
            "server_config": lambda r, _page, kind, tls=False: server_config(site_settings(
                r.kb, self.script_hashes, self.settings.current_alias), kind, tls),
        }
        return {name: self._safe(name, func) for name, func in functions.items()}
