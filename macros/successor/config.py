"""The successor's configuration (Zensical + zensical-i18n), derived from our mkdocs.yml.

One source of truth: everything the successor can take over is read from ``mkdocs.yml`` (site
name and description, theme, i18n languages, markdown_extensions, validation, redirects); what
only our `kb` plugin does in the MkDocs build comes to the successor as files in its docs folder
(`kb stage`, macros/build/stage/: the generated pages, the macros expanded, the review
notice, each language's navigation) and as per-language ``extra`` values its templates read
(``overrides-successor/``). Zensical ignores plugins it does not know
(``kb``, ``i18n``, ``mike``) and would map ``macros`` onto its own macros extension; the pages
arrive expanded, so ``macros`` is left out.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from macros.load.settings import DEFAULTS
from macros.model.catalogue import catalogue
from macros.model.text import DEFAULT_LANGUAGE, LANGUAGES

# Plugins the successor gets, with the settings it understands; the rest are ours or mike's.
_KEPT_PLUGINS = ("search", "i18n", "redirects")
# Settings of mkdocs-static-i18n that zensical-i18n does not have (it ignores them anyway).
_I18N_DROPPED = ("reconfigure_search",)
# zensical-i18n's own language selector and notice (reconfigure_theme) put every language's
# page list into each page's template context and check it per page: at 200 routines a warm
# build took 20 s instead of 7-8 s. Our templates link the other language themselves
# (config.extra.kb.alternate): every page exists in both languages (generated pages always,
# prose pages with fallback_to_default).
_I18N_SET = {"reconfigure_material": False}
# Material's look: Zensical's default variant ("modern") is a new design.
VARIANT = "classic"


def _plugin_name(entry: Any) -> str:
    return str(next(iter(entry)) if isinstance(entry, dict) else entry)


def _plugins(ours: list[Any]) -> list[Any]:
    plugins: list[Any] = []
    for entry in ours:
        name = _plugin_name(entry)
        if name not in _KEPT_PLUGINS:
            continue
        settings = dict(entry[name] or {}) if isinstance(entry, dict) else {}
        if name == "redirects" and not settings.get("redirect_maps"):
            continue  # Zensical writes an empty redirect.json for it, in each language
        if name == "search":
            settings.pop("lang", None)  # Zensical's search has no language setting
        if name == "i18n":
            for key in _I18N_DROPPED:
                settings.pop(key, None)
            settings.update(_I18N_SET)
        plugins.append({name: settings} if settings else name)
    return plugins


def language_extra(lang: str, current_alias: str, statement: str, site_url: str,
                   alternate: list[dict[str, str]], embed_guide: str = "") -> dict[str, Any]:
    """What the successor's templates read per language (``config.extra.kb``): the labels,
    the language, the alias of the version in force and where the accessibility statement is
    (the MkDocs build passes the same as template variables, macros/build/plugin.py)."""
    return {"kb": {
        "labels": {key: texts[lang] for key, texts in catalogue().items()},
        "lang": lang,
        "search_lang": "" if lang == DEFAULT_LANGUAGE else lang,
        "current_alias": current_alias,
        "statement": statement,
        "embed_guide": embed_guide,
        "site_root": site_url if site_url.endswith("/") else site_url + "/",
        # our feeds are shared by the languages, at the site's root: zensical-i18n builds
        # each language as a site of its own (en/), so English pages reach them with ../
        "feed": ("" if lang == DEFAULT_LANGUAGE else "../") + f"api/routines.{lang}.atom",
        "not_found": _not_found(lang, site_url),
        "alternate": alternate,
    }}


def _not_found(lang: str, site_url: str) -> list[dict[str, str]]:
    """The 404 page's text in every language, this one first, with each language's start
    page as an absolute path (the page is served at any address), as overrides/404.html."""
    root = urlsplit(site_url).path or "/"
    root = root if root.endswith("/") else root + "/"
    order = [lang, *(other for other in LANGUAGES if other != lang)]
    return [{"lang": other,
             "start": root + ("" if other == DEFAULT_LANGUAGE else f"{other}/"),
             **{key: catalogue()[key][other] for key in
                ("not_found_title", "not_found_body", "not_found_start")}}
            for other in order]


def _alternate(lang: str, languages: list[dict[str, Any]]) -> list[dict[str, str]]:
    """The language switch of a page in ``lang``: each language's root, relative to this
    language's root (the templates append the page's address)."""
    here = "" if lang == DEFAULT_LANGUAGE else "../"
    return [{"name": str(other.get("name", other["locale"])), "lang": other["locale"],
             "link": here + ("" if other["locale"] == DEFAULT_LANGUAGE
                             else f"{other['locale']}/")}
            for other in languages if other.get("build", True)]


def _i18n_with_extra(plugins: list[Any], current_alias: str, statement: str,
                     site_url: str, embed_guide: str, navs: dict[str, list[Any]]) -> None:
    for entry in plugins:
        if isinstance(entry, dict) and "i18n" in entry:
            ours = list(entry["i18n"].get("languages", []))
            languages = []
            for language in entry["i18n"].get("languages", []):
                language = dict(language)
                extra = dict(language.get("extra") or {})
                alternate = _alternate(language["locale"], ours)
                extra.update(language_extra(language["locale"], current_alias, statement,
                                            site_url, alternate, embed_guide))
                extra["alternate"] = alternate  # the theme's header shows the switch then
                language["extra"] = extra
                if language["locale"] in navs:  # zensical-i18n takes `nav` per language
                    language["nav"] = navs[language["locale"]]
                languages.append(language)
            entry["i18n"]["languages"] = languages


def successor_config(ours: dict[str, Any], *, docs_dir: str, site_dir: str, custom_dir: str,
                     site_url: str, current_alias: str = DEFAULTS.current_alias,
                     statement: str = "tillganglighet/",
                     embed_guide: str = "inbaddning/",
                     navs: dict[str, list[Any]] | None = None) -> dict[str, Any]:
    """The Zensical configuration for our ``mkdocs.yml`` (parsed: ``ours``), with each
    language's navigation from the stage (``navs``: locale → nested ``nav:``). Paths are
    relative to the folder the configuration is written to."""
    theme = {key: value for key, value in (ours.get("theme") or {}).items()
             if key != "custom_dir"}
    theme["variant"] = VARIANT
    theme["custom_dir"] = custom_dir
    plugins = _plugins(ours.get("plugins") or [])
    _i18n_with_extra(plugins, current_alias, statement, site_url, embed_guide, navs or {})
    config: dict[str, Any] = {
        "site_name": ours.get("site_name", ""),
        "site_description": ours.get("site_description", ""),
        "site_url": site_url,
        "docs_dir": docs_dir,
        "site_dir": site_dir,
        "theme": theme,
        "extra": dict(ours.get("extra") or {}),
        "plugins": plugins,
        "markdown_extensions": list(ours.get("markdown_extensions") or []),
    }
    if "validation" in ours:
        config["validation"] = ours["validation"]
    return config
