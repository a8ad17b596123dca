"""The naive projects of the benchmark: the same pages as plain Markdown, without our plugin.

Every page our build makes — the prose pages in docs/ and the pages generated from the data —
is written with its macros already expanded by our own code (the same macro functions the
build calls, see :class:`macros.build.macro_context.MacroContext`), so a plain mkdocs-material +
mkdocs-static-i18n configuration builds the same pages in the same folders:

- ``naive/``: search + i18n (suffix, sv default + en), the same markdown_extensions, the
  navigation from the folder structure; no `kb`, no macros, no mike, no redirects;
- ``naive-prune/``: the same, with Material's ``navigation.prune``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from macros.build.pages import localized
from macros.build.print.plan import PLAN_DIR, PRINT_FLAG, PRINT_SRC
from macros.build.stage.expand import FRONT_MATTER, expand_prose, our_pages, page_lang
from macros.model.markdown import norm_src_uri
from macros.model.text import LANGUAGES, Lang

__all__ = ["NAIVE", "NAIVE_PRUNE", "expanded_pages", "naive_config", "our_pages", "write_naive"]

NAIVE = "naive"
NAIVE_PRUNE = "naive-prune"


def _print_body(expanded: dict[str, str], lang: Lang) -> str:
    """The whole plan as plain Markdown: every chapter after the other (our build assembles
    it from the chapters' HTML instead)."""
    parts = []
    for src, text in sorted(expanded.items()):
        if (not src.startswith(f"{PLAN_DIR}/") or page_lang(src) != lang
                or norm_src_uri(src) == PRINT_SRC):
            continue
        match = FRONT_MATTER.match(text)
        front = yaml.safe_load(match.group(1).strip("-\n")) if match else {}
        if isinstance(front, dict) and front.get(PRINT_FLAG) is False:
            continue
        parts.append(match.group(2) if match else text)
    return "\n\n".join(parts)


def expanded_pages(ours: Path) -> dict[str, str]:
    """Every page of our build as plain Markdown, macros expanded (links in raw HTML relative
    to the page's address, as MkDocs leaves them)."""
    prose, generated = our_pages(ours)
    expanded = expand_prose(ours, prose, "address") | generated
    for lang in LANGUAGES:
        src = localized(PRINT_SRC, lang)
        expanded[src] += _print_body(expanded, lang)
    return expanded


def naive_config(ours_config: dict[str, Any], docs_dir: str, prune: bool) -> dict[str, Any]:
    """Plain Material + static-i18n over the expanded pages, taking over what does not
    belong to our plugin: the theme's features, language and palette, the i18n settings, the
    search languages and the markdown_extensions."""
    theme = {key: value for key, value in ours_config.get("theme", {}).items()
             if key != "custom_dir"}
    features = [f for f in theme.get("features", []) if f != "navigation.prune"]
    theme["features"] = [*features, "navigation.prune"] if prune else features
    plugins: list[Any] = []
    for entry in ours_config.get("plugins", []):
        name = next(iter(entry)) if isinstance(entry, dict) else entry
        if name == "i18n" and isinstance(entry, dict):
            # static-i18n's own search de-duplication, as a naive site has it (ours is O(n))
            settings = {k: v for k, v in entry["i18n"].items() if k != "reconfigure_search"}
            entry = {"i18n": settings}
        if name in ("search", "i18n"):
            plugins.append(entry)
    extensions = [ext for ext in ours_config.get("markdown_extensions", [])
                  if not str(next(iter(ext)) if isinstance(ext, dict) else ext)
                  .startswith("macros.")]  # our own extensions are not naive
    return {
        "site_name": ours_config.get("site_name", "bench"),
        "docs_dir": docs_dir,
        "site_dir": "site",
        "theme": theme,
        "plugins": plugins,
        "markdown_extensions": extensions,
    }


def write_naive(ours: Path, root: Path) -> tuple[Path, Path]:
    """Write ``root/naive`` (docs + mkdocs.yml) and ``root/naive-prune`` (mkdocs.yml only)."""
    naive, prune = root / NAIVE, root / NAIVE_PRUNE
    docs = naive / "docs"
    for src, text in expanded_pages(ours).items():
        path = docs / src
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    config = yaml.safe_load((ours / "mkdocs.yml").read_text(encoding="utf-8"))
    prune.mkdir(parents=True, exist_ok=True)
    for folder, docs_dir, with_prune in ((naive, "docs", False),
                                          (prune, "../naive/docs", True)):
        (folder / "mkdocs.yml").write_text(
            yaml.safe_dump(naive_config(config, docs_dir, with_prune), allow_unicode=True,
                           sort_keys=False), encoding="utf-8")
    return naive, prune
