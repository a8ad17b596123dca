"""Every page our build makes, as Markdown: the prose pages in docs/ with their macros expanded
by our own macro code (the same functions mkdocs-macros calls in the build, see
:class:`macros.build.macro_context.PageMacros`), and the pages generated from the data.

Raw HTML that the macros write (``{{ 'api/x.json' | relative_url }}``) needs a base for its
relative links. MkDocs leaves raw HTML as it is, so for a MkDocs build (the benchmark's naive
projects) links are relative to the page's **address**; Zensical rewrites relative links in
raw HTML as it does Markdown links, from the **source** file to the built page, so for the
successor they are relative to the source. English sources then sit in the language's
folder: from ``api.en.md`` (``en/api.md``), ``api/routines.json`` is ``../api/routines.json``.
"""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace
from typing import Any, Literal

import jinja2
from mkdocs.utils import get_relative_url

from macros.build.macro_context import PageMacros
from macros.build.pages import generated_pages
from macros.build.print.plan import generated_print_pages, pdf_path
from macros.load.loader import load
from macros.load.matrix_pages import matrix_pages
from macros.load.settings import read_settings
from macros.model.markdown import norm_src_uri
from macros.model.text import DEFAULT_LANGUAGE, LANGUAGES, Lang
from macros.render.csp import project_script_hashes
from macros.render.urls import page_path

LinkBase = Literal["address", "source"]
FRONT_MATTER = re.compile(r"\A(---\n.*?\n---\n)(.*)\Z", re.DOTALL)
_LANG_OF = re.compile(r"\.([a-z]{2})\.md$")


class _Conf(dict[str, Any]):
    """Just enough of MkDocs' config for :class:`PageMacros`: the language and the file."""

    def __init__(self, config_file: Path, lang: Lang) -> None:
        super().__init__(theme={"language": lang})
        self.config_file_path = str(config_file)


def page_lang(src_uri: str) -> Lang:
    """The language of a source file: ``x.en.md`` is English, anything else Swedish."""
    match = _LANG_OF.search(src_uri)
    return "en" if match and match.group(1) == "en" else DEFAULT_LANGUAGE


def page_url(src_uri: str) -> str:
    """The page's address under use_directory_urls, with the language prefix."""
    return page_path(norm_src_uri(src_uri), page_lang(src_uri))


def source_path(src_uri: str) -> str:
    """Where the source sits in its language's site: ``api.en.md`` → ``en/api.md``."""
    lang = page_lang(src_uri)
    return ("" if lang == DEFAULT_LANGUAGE else f"{lang}/") + norm_src_uri(src_uri)


class Expander:
    """Expands the macros of one page's Markdown, as mkdocs-macros does in our build, with
    the same macro functions (:class:`PageMacros`)."""

    def __init__(self, root: Path, links: LinkBase = "address", pdf: bool = False) -> None:
        self.root = root
        self.links = links
        result = load(root)
        if result.kb is None:
            raise ValueError(f"{root}/routines has errors; run `kb check`")
        config = root / "mkdocs.yml"
        hashes = project_script_hashes(SimpleNamespace(config_file_path=str(config)))
        # pdf: the plan's PDF will be made, so the plan's start page links it (in our build
        # the kb plugin says whether it makes one)
        pdf_href = self._pdf_href if pdf else None
        self.macros = {lang: PageMacros(result.kb, _Conf(config, lang), read_settings(root),
                                        script_hashes=hashes, pdf_href=pdf_href).macros()
                       for lang in LANGUAGES}
        self.jinja = jinja2.Environment(undefined=jinja2.StrictUndefined, autoescape=False,
                                        keep_trailing_newline=True)
        self.base = ""  # what relative_url is relative to, for the page being expanded
        self.jinja.filters["relative_url"] = lambda path: get_relative_url(str(path), self.base)

    def _pdf_href(self, lang: Lang, _page_url: str) -> str:
        return get_relative_url(pdf_path(lang), self.base)

    def expand(self, src_uri: str, markdown: str) -> str:
        match = FRONT_MATTER.match(markdown)
        front, body = (match.group(1), match.group(2)) if match else ("", markdown)
        url = page_url(src_uri)
        self.base = url if self.links == "address" else source_path(src_uri)
        page = SimpleNamespace(file=SimpleNamespace(src_uri=src_uri), url=url)
        return front + self.jinja.from_string(body).render(page=page,
                                                           **self.macros[page_lang(src_uri)])


def our_pages(root: Path) -> tuple[dict[str, str], dict[str, str]]:
    """Source path → Markdown of every page our build makes: the prose pages (macros not yet
    expanded) and the generated pages (already Markdown; the whole-plan pages still without
    their body)."""
    result = load(root)
    if result.kb is None:
        raise ValueError(f"{root}/routines has errors; run `kb check`")
    docs = root / "docs"
    prose = {path.relative_to(docs).as_posix(): path.read_text(encoding="utf-8")
             for path in sorted(docs.rglob("*.md"))}
    generated = {page.src_uri: page.markdown(result.kb)
                 for page in generated_pages(result.kb, matrix_pages(docs))}
    generated.update(generated_print_pages())
    return prose, generated


def expand_prose(root: Path, prose: dict[str, str], links: LinkBase,
                 pdf: bool = False) -> dict[str, str]:
    """The prose pages with their macros expanded (``pdf``: the plan's PDF will be made)."""
    expander = Expander(root, links, pdf)
    return {src: expander.expand(src, text) for src, text in prose.items()}
