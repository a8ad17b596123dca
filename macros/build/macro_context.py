"""What the macros need at render time: the loaded data, the page's language and path."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from mkdocs.plugins import get_plugin_logger

from macros.build.print.plan import print_note
from macros.load.loader import DATA_DIR, load
from macros.model.text import DEFAULT_LANGUAGE, LANGUAGES, Lang
from macros.model.versions import find_revision, requested_version
from macros.render.baseline import find_baseline
from macros.render.blocks import Renderer, UnknownReference
from macros.render.changes import what_changed
from macros.render.csp import project_script_hashes
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


class MacroContext:
    def __init__(self, env: Any) -> None:
        self.env = env
        self.root = Path(env.conf.config_file_path).resolve().parent
        plugin = env.conf.plugins.get("kb")
        data_dir = plugin.config.data_dir if plugin is not None else DATA_DIR
        # define_env runs once per build (per language): load here, not per macro call.
        self.data_dir = data_dir
        self.deploy_branch = plugin.config.deploy_branch if plugin is not None else "site"
        self.current_alias = plugin.config.current_alias if plugin is not None else "gallande"
        self.result = load(self.root, data_dir)

    def renderer(self) -> Renderer:
        result = self.result
        if result.kb is None:
            raise UnknownReference(f"the data in {self.data_dir}/ has errors; run `kb check`")
        page = self.env.page
        src = page.file.src_uri if page is not None else "index.md"
        return Renderer(result.kb, page_language(self.env.conf), src)

    def _safe(self, name: str, func: Callable[..., str]) -> Callable[..., str]:
        def call(*args: Any, **kwargs: Any) -> str:
            try:
                return func(self.renderer(), *args, **kwargs)
            except (UnknownReference, TypeError) as exc:
                page = self.env.page.file.src_uri if self.env.page is not None else "?"
                shown = ", ".join([*map(repr, args), *(f"{k}={v!r}" for k, v in kwargs.items())])
                log.error(f"docs/{page}: {name}({shown}): {exc}")
                return f'!!! failure "{name}"\n\n    {name}({shown}): {exc}\n'
        call.__name__ = name
        call.__doc__ = func.__doc__
        return call

    def macros(self) -> dict[str, Callable[..., str]]:
        def contact_table(r: Renderer, *ids: str, department: str | None = None,
                          scope: str | None = None) -> str:
            """Contacts by ids, by department (internal) and/or scope (national, regional,
            internal)."""
            return r.contact_table(ids, department=department, scope=scope)

        def changes(r: Renderer) -> str:
            """What changed since the previous published version (the deploy branch)."""
            revision = find_revision(r.kb, requested_version())
            baseline = find_baseline(self.root, r.kb, revision, self.deploy_branch)
            return what_changed(r, revision.version, baseline.snapshot, baseline.reason(r.lang))

        def plan_print(r: Renderer) -> str:
            """The plan start page's printing note: the whole plan on one page, and its PDF
            when this build makes it (macros/build/print/support.py)."""
            kb_plugin = self.env.conf.plugins.get("kb")
            page = self.env.page
            pdf = (kb_plugin.print.pdf_href(r.lang, page.url)
                   if kb_plugin is not None and page is not None else None)
            return print_note(r.lang, r.page_src, pdf)

        functions: dict[str, Callable[..., str]] = {
            "checklist": lambda r, routine_id, additions=True: r.checklist(routine_id, additions),
            "contact_table": contact_table,
            "responsibility_matrix": lambda r, matrix_id: r.responsibility_matrix(matrix_id),
            "situations": situations,
            "glossary": glossary,
            "training_plan": training_plan,
            "legal_sources": legal_sources,
            "revision_history": revision_history,
            "what_changed": changes,
            "plan_print": plan_print,
            "server_config": lambda r, kind, tls=False: server_config(site_settings(
                r.kb, project_script_hashes(self.env.conf), self.current_alias), kind, tls),
        }
        return {name: self._safe(name, func) for name, func in functions.items()}
