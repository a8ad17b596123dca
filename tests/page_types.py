"""One page of every kind the site has, in Swedish and English: the list the browser tests
(accessibility, privacy, embedding, print …) loop over, so a new kind of page is added once.

A path is site-root-relative, as served by the `base_url` fixture. `query` means "open the
search dialog on that page and type this". An optional page type is used only when the
build has it (`built(site)`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from macros.model.text import LANGUAGES, Lang

ROUTINE = "/rutiner/social-och-omsorgskontoret/orosanmalan-barn/"


@dataclass(frozen=True)
class Visit:
    """One page type in one language."""

    kind: str
    lang: Lang
    path: str  # site-root-relative URL path, with any ?query string
    query: str | None = None  # search: the text typed into the search box

    @property
    def file(self) -> str:
        """The built HTML file the path serves (relative to the site directory)."""
        path = self.path.split("?", 1)[0].lstrip("/")
        return path + "index.html" if path == "" or path.endswith("/") else path

    @property
    def label(self) -> str:
        suffix = f" (search {self.query!r})" if self.query else ""
        return f"{self.kind} [{self.lang}] {self.path}{suffix}"


@dataclass(frozen=True)
class PageType:
    kind: str
    sv: str
    en: str
    sv_query: str | None = None
    en_query: str | None = None
    optional: bool = False  # only when the build has it

    def visit(self, lang: Lang) -> Visit:
        if lang == "sv":
            return Visit(self.kind, lang, self.sv, self.sv_query)
        return Visit(self.kind, lang, self.en, self.en_query)


PAGE_TYPES: tuple[PageType, ...] = (
    PageType("start page", "/", "/en/"),
    PageType("plan chapter", "/handlingsplan/mal/", "/en/handlingsplan/mal/"),
    PageType("routine", ROUTINE, "/en" + ROUTINE),
    PageType("department", "/rutiner/social-och-omsorgskontoret/",
             "/en/rutiner/social-och-omsorgskontoret/"),
    PageType("matrix", "/handlingsplan/ansvar/", "/en/handlingsplan/ansvar/"),
    PageType("unit view", "/ansvar/barn-och-unga/", "/en/ansvar/barn-och-unga/", optional=True),
    PageType("contacts", "/kontakter/", "/en/kontakter/"),
    PageType("glossary", "/ordlista/", "/en/ordlista/"),
    PageType("accessibility statement", "/tillganglighet/", "/en/tillganglighet/"),
    PageType("all routines", "/rutiner/", "/en/rutiner/"),
    PageType("topics", "/rutiner/amnen/", "/en/rutiner/amnen/"),
    # the 404 page of each language (a web server sends en/404.html for a missing English
    # page); the Swedish one also carries the English text, for servers that have only one
    PageType("404", "/404.html", "/en/404.html"),
    PageType("search results", "/", "/en/", sv_query="orosanmälan",
             en_query="report of concern"),
    PageType("embedded page", ROUTINE + "?embed=1", "/en" + ROUTINE + "?embed=1"),
    PageType("whole plan", "/handlingsplan/hela-planen/", "/en/handlingsplan/hela-planen/",
             optional=True),
)


def built(site: Path) -> list[PageType]:
    """The page types the built site has (optional ones only when both languages exist)."""
    return [t for t in PAGE_TYPES
            if not t.optional or all((site / t.visit(lang).file).is_file() for lang in LANGUAGES)]


def visits(site: Path) -> list[Visit]:
    """Every page type the site has, Swedish then English."""
    return [t.visit(lang) for t in built(site) for lang in LANGUAGES]
