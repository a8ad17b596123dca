"""The naive projects of the benchmark: the same pages as plain Markdown, without our plugin.

Every page our build makes — the prose pages in docs/ and the pages generated from the data —
is written with its macros already expanded by our own code (the same macro functions the
build calls, see :class:`macros.build.macro_context.PageMacros`), so a plain mkdocs-material +
mkdocs-static-i18n configuration builds the same pages in the same folders:

- ``naive/``: search + i18n (suffix, sv default + en), the same markdown_extensions, the
  navigation from the folder structure; no `kb`, no macros, no mike, no redirects;
- ``naive-prune/``: the same, with Material's ``navigation.prune``.
"""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import jinja2
import yaml
from mkdocs.utils import get_relative_url

from macros.build.macro_context import PageMacros
from macros.build.pages import generated_pages, localized
from macros.build.print.plan import PLAN_DIR, PRINT_FLAG, PRINT_SRC, generated_print_pages
from macros.load.loader import load
from macros.load.matrix_pages import matrix_pages
from macros.load.settings import read_settings
from macros.model.markdown import norm_src_uri
from macros.model.text import DEFAULT_LANGUAGE, LANGUAGES, Lang
from macros.render.csp import project_script_hashes
from macros.render.urls import page_path

NAIVE = "naive"
NAIVE_PRUNE = "naive-prune"
_FRONT_MATTER = re.compile(r"\A(---\n.*?\n---\n)(.*)\Z", re.DOTALL)
_LANG_OF = re.compile(r"\.([a-z]{2})\.md$")


class _Conf(dict[str, Any]):
    """Just enough of MkDocs' config for :class:`PageMacros`: the language and the file."""

    def __init__(self, config_file: Path, lang: Lang) -> None:
        super().__init__(theme={"language": lang})
        self.config_file_path = str(config_file)


def page_lang(src_uri: str) -> Lang:
    match = _LANG_OF.search(src_uri)
    return "en" if match and match.group(1) == "en" else DEFAULT_LANGUAGE


def page_url(src_uri: str) -> str:
    """The page's address under use_directory_urls, with the language prefix."""
    return page_path(norm_src_uri(src_uri), page_lang(src_uri))


class Expander:
    """Expands the macros of one page's Markdown, as mkdocs-macros does in our build."""

    def __init__(self, ours: Path) -> None:
        self.ours = ours
        result = load(ours)
        if result.kb is None:
            raise ValueError(f"{ours}/routines has errors; run `kb check`")
        hashes = project_script_hashes(SimpleNamespace(config_file_path=str(ours / "mkdocs.yml")))
        self.macros = {lang: PageMacros(result.kb, _Conf(ours / "mkdocs.yml", lang),
                                        read_settings(ours), script_hashes=hashes).macros()
                       for lang in LANGUAGES}
        self.jinja = jinja2.Environment(undefined=jinja2.StrictUndefined, autoescape=False,
                                        keep_trailing_newline=True)
        self.url = ""  # the page being expanded
        self.jinja.filters["relative_url"] = lambda path: get_relative_url(str(path), self.url)

    def expand(self, src_uri: str, markdown: str) -> str:
        match = _FRONT_MATTER.match(markdown)
        front, body = (match.group(1), match.group(2)) if match else ("", markdown)
        self.url = page_url(src_uri)
        page = SimpleNamespace(file=SimpleNamespace(src_uri=src_uri), url=self.url)
        return front + self.jinja.from_string(body).render(page=page,
                                                           **self.macros[page_lang(src_uri)])


def our_pages(ours: Path) -> tuple[dict[str, str], dict[str, str]]:
    """Source path → Markdown of every page our build makes: the prose pages (macros not yet
    expanded) and the generated pages (already Markdown)."""
    result = load(ours)
    if result.kb is None:
        raise ValueError(f"{ours}/routines has errors; run `kb check`")
    docs = ours / "docs"
    prose = {path.relative_to(docs).as_posix(): path.read_text(encoding="utf-8")
             for path in sorted(docs.rglob("*.md"))}
    generated = {page.src_uri: page.markdown(result.kb)
                 for page in generated_pages(result.kb, matrix_pages(docs))}
    generated.update(generated_print_pages())
    return prose, generated


def _print_body(expanded: dict[str, str], lang: Lang) -> str:
    """The whole plan as plain Markdown: every chapter after the other (our build assembles
    it from the chapters' HTML instead)."""
    parts = []
    for src, text in sorted(expanded.items()):
        if (not src.startswith(f"{PLAN_DIR}/") or page_lang(src) != lang
                or norm_src_uri(src) == PRINT_SRC):
            continue
        match = _FRONT_MATTER.match(text)
        front = yaml.safe_load(match.group(1).strip("-\n")) if match else {}
        if isinstance(front, dict) and front.get(PRINT_FLAG) is False:
            continue
        parts.append(match.group(2) if match else text)
    return "\n\n".join(parts)


def expanded_pages(ours: Path) -> dict[str, str]:
    """Every page of our build as plain Markdown, macros expanded."""
    expander = Expander(ours)
    prose, generated = our_pages(ours)
    expanded = {src: expander.expand(src, text) for src, text in prose.items()} | generated
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
