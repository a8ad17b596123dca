"""What the theme's templates (overrides/) get from the `kb` plugin: the labels of the page's
language, the version, and for the 404 page — served at any
address — absolute links to the start pages and the other languages' labels."""

from __future__ import annotations

from functools import cache
from typing import Any

from macros.model.catalogue import catalogue
from macros.model.core import Revision
from macros.model.text import DEFAULT_LANGUAGE, Lang
from macros.render.urls import site_path


@cache
def theme_labels(lang: str) -> dict[str, str]:
    """Every catalogue text in one language, as the templates read it (``kb_labels.key``)."""
    return {key: texts[lang] for key, texts in catalogue().items()}  # type: ignore[index]


def template_vars(context: dict[str, Any], lang: Lang, revision: Revision | None,
                  current_alias: str, statement: str, inline: dict[str, str]) -> None:
    """The variables every page and the 404 page use."""
    context["kb_labels"] = theme_labels(lang)
    context["kb_lang"] = lang
    context["kb_version"] = revision.version if revision else ""
    context["kb_current_alias"] = current_alias
    context["kb_statement"] = statement  # partials/copyright.html: "" when not built
    context["kb_inline"] = inline  # scripts inlined in every head


def not_found_vars(context: dict[str, Any], config: Any, lang: Lang) -> None:
    """The 404 page is served at any address: absolute links, the start pages."""
    # mike's site_url has no final slash (…/2026): Material would fetch the search index
    # from /search/ instead of /2026/search/
    context["base_url"] = str(context.get("base_url") or "").rstrip("/") + "/"
    root = site_path(config.site_url)
    context["kb_alternates"] = [
        {**alt, "link": root + ("" if alt["lang"] == DEFAULT_LANGUAGE else f"{alt['lang']}/")}
        for alt in config.extra.get("alternate") or []]
    # static-i18n leaves the last page's alternates in the config (as an attribute of
    # config.extra, which the templates read first): the head's links too
    config.extra.alternate = [dict(alt) for alt in context["kb_alternates"]]
    context["kb_other_labels"] = [
        {"lang": alt["lang"], "start": alt["link"], "labels": theme_labels(alt["lang"])}
        for alt in context["kb_alternates"] if alt["lang"] != lang]
