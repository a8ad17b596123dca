"""Prototype of the `kb` stage for the successor build: the folder Zensical builds from.

``stage(root, out)`` writes ``out/``:

- ``docs/``: every page our MkDocs build makes, as Markdown with the macros expanded by our own
  macro code (the benchmark's expander, :mod:`macros.bench.naive`), in the same folders
  (``page.md`` / ``page.en.md``), with the review notice as HTML under the first heading
  (kept out of the search index: ``data-search-exclude``), and our scripts and styles
  (``overrides/assets/kb``) under ``assets/kb/``;
- ``overrides/``: the successor's templates (``overrides-successor/``);
- ``mkdocs.yml``: Zensical's configuration, derived from ours (:mod:`macros.successor.config`),
  building into ``site`` (zensical-i18n wants the site inside the project folder);
- ``sv/``, ``en/``: the same (docs hard-linked) as one project per language, which
  :mod:`macros.successor.run` builds side by side; :func:`finish` puts the two sites together.

The lead's `kb` stage command is to replace the page writing here; what it must provide is
listed in the report of issue 21 (a folder of this shape).
"""

from __future__ import annotations

import html
import os
import posixpath
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from mkdocs.utils import get_relative_url

from macros.api.data import SiteAddress
from macros.api.export import write_exports
from macros.api.models import PageRecord
from macros.bench.naive import Expander, _print_body, our_pages, page_lang, page_url
from macros.build.pages import generated_pages, localized
from macros.build.print.plan import PLAN_DIR, PLAN_INDEX_SRC, PRINT_FLAG, PRINT_SRC
from macros.build.review_notice import notice_html
from macros.load.git_dates import load_change_dates
from macros.load.loader import DATA_DIR, load
from macros.load.matrix_pages import matrix_pages
from macros.load.page_meta import load_pages
from macros.model.catalogue import label
from macros.model.core import KnowledgeBase
from macros.model.markdown import norm_src_uri
from macros.model.review import Review
from macros.model.snapshot import snapshot, write_snapshot
from macros.model.text import DEFAULT_LANGUAGE, LANGUAGES, Lang
from macros.model.versions import find_revision, requested_version
from macros.successor.config import successor_config

CONFIG = "mkdocs.yml"
EMBED_GUIDE = "inbaddning.md"  # as macros/build/plugin.py
STATEMENT = "tillganglighet.md"
DOCS = "docs"
OVERRIDES = "overrides"
SITE = "site"
TEMPLATES = "overrides-successor"  # in the project: the successor's templates
ASSETS = Path("overrides") / "assets" / "kb"  # in the project: our scripts and styles
_FRONT = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)
_FENCE = re.compile(r"^(```|~~~)")
_H1 = re.compile(r"^# ")


class SourceRelativeExpander(Expander):
    """The benchmark's expander, with ``relative_url`` relative to the page's source file
    instead of its address: Zensical rewrites relative links in raw HTML as it does Markdown
    links (from the source file to the built page), where MkDocs leaves raw HTML as it is.
    English sources get the language's folder, so a link to a shared file (``api/…``) leaves
    it: from ``api.en.md``, ``api/routines.json`` is ``../api/routines.json``."""

    def __init__(self, ours: Path) -> None:
        super().__init__(ours)
        self.source = ""
        self.jinja.filters["relative_url"] = lambda path: get_relative_url(str(path),
                                                                           self.source)

    def expand(self, src_uri: str, markdown: str) -> str:
        lang = page_lang(src_uri)
        self.source = ("" if lang == DEFAULT_LANGUAGE else f"{lang}/") + norm_src_uri(src_uri)
        return super().expand(src_uri, markdown)


def expanded_pages(ours: Path) -> dict[str, str]:
    """Every page of our build as Markdown, macros expanded (as macros.bench.naive does, with
    source-relative links in raw HTML)."""
    expander = SourceRelativeExpander(ours)
    prose, generated = our_pages(ours)  # generated pages come as Markdown already
    if PLAN_INDEX_SRC not in prose:  # no plan, no whole-plan page (as print_support.pages)
        generated = {src: text for src, text in generated.items()
                     if norm_src_uri(src) != PRINT_SRC}
    expanded = {src: expander.expand(src, text) for src, text in prose.items()} | generated
    for lang in LANGUAGES:
        if localized(PRINT_SRC, lang) in expanded:
            expanded[localized(PRINT_SRC, lang)] += _print_body(expanded, lang)
    return expanded


def with_fallbacks(pages: dict[str, str]) -> dict[str, str]:
    """Every page in every language: a page without its English file gets the Swedish one,
    under the notice that it is not translated yet and marked lang="sv" (overrides/main.html
    does this for the MkDocs build). zensical-i18n's own fallback notice comes only with its
    reconfigure_theme (see macros/successor/config.py)."""
    result = dict(pages)
    for src, text in pages.items():
        if page_lang(src) != DEFAULT_LANGUAGE:
            continue
        for lang in LANGUAGES:
            target = localized(src, lang)
            if target in result:
                continue
            front = _FRONT.match(text)
            body = text[front.end():] if front else text
            meta = _front_matter(text)
            # the other language's search leaves it out, as static-i18n's does
            meta["search"] = {**(meta.get("search") or {}), "exclude": True}
            head = "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n"
            notice = (f'<div class="admonition note kb-fallback" data-search-exclude="true">\n'
                      f'<p class="admonition-title">{label("fallback_title", lang)}</p>\n'
                      f'<p>{label("fallback_page", lang)}</p>\n</div>')
            result[target] = (f'{head}\n{notice}\n\n<div lang="{DEFAULT_LANGUAGE}" markdown>\n\n'
                              f"{body}\n\n</div>\n")
    return result


@dataclass(frozen=True)
class Staged:
    out: Path
    pages: int
    notices: int


def insert_notice(markdown: str, notice: str) -> str:
    """The notice as a raw HTML block right after the page's first ``# `` heading (outside
    front matter and code fences), or first when there is none."""
    front = _FRONT.match(markdown)
    start = front.end() if front else 0
    lines = markdown[start:].split("\n")
    fenced = False
    for index, line in enumerate(lines):
        if _FENCE.match(line):
            fenced = not fenced
        elif not fenced and _H1.match(line):
            lines[index + 1:index + 1] = ["", notice, ""]
            return markdown[:start] + "\n".join(lines)
    return markdown[:start] + notice + "\n\n" + markdown[start:]


def _searchless(notice: str) -> str:
    return notice.replace("<aside ", '<aside data-search-exclude="true" ', 1)


@dataclass(frozen=True)
class PageFacts:
    """What the kb plugin knows of a page: its review, the file its change date comes from,
    the file to edit, and its title."""

    review: Review
    dated_by: str
    source: str
    title: str


def _page_facts(root: Path, kb: KnowledgeBase) -> dict[str, PageFacts]:
    """Source path → facts, for every page with review fields, as the kb plugin finds them."""
    organisation = f"{DATA_DIR}/organisation.yml"
    found = {page.src_uri: PageFacts(page.review, page.source or f"{DATA_DIR}/",
                                     page.source or organisation, "")
             for page in generated_pages(kb, matrix_pages(root / DOCS))}
    for src, info in load_pages(root / DOCS, root).pages.items():
        found.setdefault(src, PageFacts(info.meta.review, info.file, info.file, info.title))
    return found


def _plan_facts(root: Path, facts: dict[str, PageFacts], pages: dict[str, str]) -> None:
    """The whole-plan page's review is that of its chapter due first, and its change date
    that of the plan's folder (as macros/build/print/support.py does from the navigation): the
    plan's direct pages but those with ``print: false``."""
    for lang in LANGUAGES:
        src = localized(PRINT_SRC, lang)
        chapters = []
        for chapter, text in pages.items():
            norm = norm_src_uri(chapter)
            if (page_lang(chapter) != lang or norm == PRINT_SRC
                    or not norm.startswith(f"{PLAN_DIR}/") or norm.count("/") != 1):
                continue
            if _front_matter(text).get(PRINT_FLAG) is False:
                continue
            found = _facts_of(facts, chapter)
            if found is not None:
                chapters.append(found)
        if chapters and src in pages:
            first = min(chapters, key=lambda found: found.review.review_by)
            folder = posixpath.dirname(first.source) + "/"
            facts[src] = PageFacts(first.review, folder, folder,
                                   str(_front_matter(pages[src]).get("title", "")))


def _front_matter(markdown: str) -> dict[str, Any]:
    match = _FRONT.match(markdown)
    data = yaml.safe_load(match.group(0).strip("-\n")) if match else None
    return data if isinstance(data, dict) else {}


_ATTRS = re.compile(r"\s*\{[^}]*\}\s*$")
_TAG = re.compile(r"<[^>]+>")
_ESCAPED = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|<>])")  # Markdown's backslash escapes


def markdown_title(markdown: str) -> str:
    """A page's title as plain text: its front matter's, else its first ``# `` heading's
    (without an attribute list)."""
    title = _front_matter(markdown).get("title")
    if title:
        return str(title)
    front = _FRONT.match(markdown)
    for line in markdown[front.end() if front else 0:].split("\n"):
        if _H1.match(line):
            text = _ESCAPED.sub(r"\1", _ATTRS.sub("", line[2:]).strip())
            return html.unescape(_TAG.sub("", text))  # as MkDocs takes a heading's text
    return ""


def _facts_of(facts: dict[str, PageFacts], src: str) -> PageFacts | None:
    return facts.get(src) or facts.get(norm_src_uri(src))


def _owner_title(kb: KnowledgeBase, review: Review, lang: Lang) -> str:
    role = kb.roles.get(review.owner)
    return role.title.text(lang) if role else review.owner


def stage(root: Path, out: Path, theme_root: Path | None = None) -> Staged:
    """Write the successor's build folder ``out`` for the project in ``root`` (its templates
    and assets from ``theme_root``, by default ``root``: the benchmark's corpus has none)."""
    root = root.resolve()
    theme_root = (theme_root or root).resolve()
    result = load(root)
    if result.kb is None:
        raise ValueError(f"{root / DATA_DIR} has errors; run `kb check`")
    kb = result.kb
    pages = with_fallbacks(expanded_pages(root))
    facts = _page_facts(root, kb)
    _plan_facts(root, facts, pages)
    dates = load_change_dates(root)
    docs = out / DOCS
    if docs.exists():
        shutil.rmtree(docs)
    notices = 0
    for src, text in pages.items():
        found = _facts_of(facts, src)
        if found is not None:
            lang = page_lang(src)
            notice = notice_html(found.review, _owner_title(kb, found.review, lang), lang,
                                 changed=dates.for_paths([found.dated_by]),
                                 built_on=dates.built_on)
            text = insert_notice(text, _searchless(notice))
            notices += 1
        path = docs / src
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    shutil.copytree(theme_root / ASSETS, docs / "assets" / "kb")
    if (out / OVERRIDES).exists():
        shutil.rmtree(out / OVERRIDES)
    shutil.copytree(theme_root / TEMPLATES, out / OVERRIDES)
    ours = yaml.safe_load((root / CONFIG).read_text(encoding="utf-8"))
    # pages every page links to, when the project has them (as the kb plugin's _shared_pages)
    shared = {name: name.removesuffix(".md") + "/" if name in pages else ""
              for name in (EMBED_GUIDE, STATEMENT)}
    config = successor_config(ours, docs_dir=DOCS, site_dir=SITE, custom_dir=OVERRIDES,
                              site_url=str(kb.organisation.municipality.site_url),
                              statement=shared[STATEMENT], embed_guide=shared[EMBED_GUIDE])
    text = yaml.safe_dump(config, allow_unicode=True, sort_keys=False)
    (out / CONFIG).write_text(text, encoding="utf-8")
    for lang in LANGUAGES:
        _language_project(out, lang, text)
    return Staged(out, len(pages), notices)


def _language_project(out: Path, lang: Lang, config: str) -> None:
    """``out/<lang>/``: a project of its own for each language (docs hard-linked, the same
    configuration), built with ``zensical-i18n build --lang <lang>``. zensical-i18n keeps one
    theme folder for all languages and writes a language's edit-link template into it, so
    building the languages in one project changes Zensical's template hash at every language
    and throws its cache away (measured: 316 of 318 cache files rewritten by a build with
    nothing changed); in a project per language the cache holds, and the two languages build
    at the same time (macros/successor/run.py)."""
    project = out / lang
    project.mkdir(parents=True, exist_ok=True)
    for name in (DOCS, OVERRIDES):
        if (project / name).exists():
            shutil.rmtree(project / name)
    shutil.copytree(out / DOCS, project / DOCS, copy_function=os.link)
    shutil.copytree(out / OVERRIDES, project / OVERRIDES)
    target = project / CONFIG
    if not target.is_file() or target.read_text(encoding="utf-8") != config:
        target.write_text(config, encoding="utf-8")


def finish(root: Path, out: Path, site: Path) -> Path:
    """After Zensical: move its site to ``site`` and write what our plugin writes after the
    MkDocs build: ``api/`` (routines, contacts, pages, schemas, feeds, model.json)."""
    root = root.resolve()
    result = load(root)
    assert result.kb is not None
    kb = result.kb
    if site.exists():
        shutil.rmtree(site)
    shutil.copytree(out / DEFAULT_LANGUAGE / SITE, site, ignore=shutil.ignore_patterns(
        *(lang for lang in LANGUAGES if lang != DEFAULT_LANGUAGE)))
    for lang in LANGUAGES:
        if lang != DEFAULT_LANGUAGE:
            shutil.copytree(out / lang / SITE / lang, site / lang)
    address = SiteAddress(str(kb.organisation.municipality.site_url))
    dates = load_change_dates(root)
    records = []
    facts = _page_facts(root, kb)
    docs = out / DOCS
    sources = sorted(path.relative_to(docs).as_posix() for path in docs.rglob("*.md"))
    _plan_facts(root, facts, {src: (docs / src).read_text(encoding="utf-8") for src in sources
                              if norm_src_uri(src).startswith(f"{PLAN_DIR}/")})
    for src in sources:
        found = _facts_of(facts, src)
        if found is None:
            continue
        lang = page_lang(src)
        path = page_url(src)
        title = found.title or markdown_title((docs / src).read_text(encoding="utf-8"))
        records.append(PageRecord(
            title=title, url=address.absolute(path), path=path, lang=lang,
            owner=found.review.owner, owner_title=_owner_title(kb, found.review, lang),
            last_reviewed=found.review.last_reviewed, review_by=found.review.review_by,
            source=found.source, last_changed=dates.for_paths([found.dated_by])))
    write_exports(site, kb, records, address, dates)
    write_snapshot(site, snapshot(kb, find_revision(kb, requested_version()).version))
    return site


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(description="Write the successor's build folder.")
    parser.add_argument("--root", type=Path, default=Path("."))
    parser.add_argument("--out", type=Path, default=Path(".successor"))
    parser.add_argument("--theme-root", type=Path, default=None,
                        help="where overrides/assets/kb and overrides-successor are")
    parser.add_argument("--finish", type=Path, default=None, metavar="SITE",
                        help="after Zensical's build: move the site to SITE, write api/")
    args = parser.parse_args(argv)
    if args.finish is not None:
        print(f"wrote {finish(args.root, args.out, args.finish)}")
        return 0
    staged = stage(args.root, args.out, args.theme_root)
    print(f"wrote {staged.out}: {staged.pages} pages, {staged.notices} review notices")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
