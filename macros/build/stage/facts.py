"""What the `kb` plugin knows of each page besides its Markdown, for the stage: its review
(owner, dates), the file its change date comes from and the file to edit; and the review
notice our build puts under the title, here put into the Markdown as raw HTML.
"""

from __future__ import annotations

import html
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from macros.build.pages import generated_pages, localized
from macros.build.print.plan import PLAN_DIR, PRINT_FLAG, PRINT_SRC
from macros.build.stage.expand import page_lang
from macros.load.loader import DATA_DIR
from macros.load.matrix_pages import matrix_pages
from macros.load.page_meta import load_pages
from macros.model.core import KnowledgeBase
from macros.model.markdown import norm_src_uri
from macros.model.review import Review
from macros.model.text import LANGUAGES, Lang

FRONT = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)
_FENCE = re.compile(r"^(```|~~~)")
_H1 = re.compile(r"^# ")
_ATTRS = re.compile(r"\s*\{[^}]*\}\s*$")
_TAG = re.compile(r"<[^>]+>")
_ESCAPED = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|<>])")  # Markdown's backslash escapes


@dataclass(frozen=True)
class PageFacts:
    """What the kb plugin knows of a page: its review, the file its change date comes from,
    the file to edit, and its title (from the front matter; "" when the page has none)."""

    review: Review
    dated_by: str
    source: str
    title: str


def front_matter(markdown: str) -> dict[str, Any]:
    match = FRONT.match(markdown)
    data = yaml.safe_load(match.group(0).strip("-\n")) if match else None
    return data if isinstance(data, dict) else {}


def markdown_title(markdown: str) -> str:
    """A page's title as plain text: its front matter's, else its first ``# `` heading's
    (without an attribute list), as MkDocs takes it."""
    title = front_matter(markdown).get("title")
    if title:
        return str(title)
    match = FRONT.match(markdown)
    for line in markdown[match.end() if match else 0:].split("\n"):
        if _H1.match(line):
            text = _ESCAPED.sub(r"\1", _ATTRS.sub("", line[2:]).strip())
            return html.unescape(_TAG.sub("", text))
    return ""


def page_facts(root: Path, kb: KnowledgeBase) -> dict[str, PageFacts]:
    """Source path → facts, for every page with review fields, as the kb plugin finds them."""
    organisation = f"{DATA_DIR}/organisation.yml"
    found = {page.src_uri: PageFacts(page.review, page.source or f"{DATA_DIR}/",
                                     page.source or organisation, "")
             for page in generated_pages(kb, matrix_pages(root / "docs"))}
    for src, info in load_pages(root / "docs", root).pages.items():
        found.setdefault(src, PageFacts(info.meta.review, info.file, info.file, info.title))
    return found


def facts_of(facts: dict[str, PageFacts], src: str) -> PageFacts | None:
    """A page's facts; a fallback page (``x.en.md`` made from ``x.md``) has its source's."""
    return facts.get(src) or facts.get(norm_src_uri(src))


def add_plan_facts(facts: dict[str, PageFacts], pages: dict[str, str]) -> None:
    """The whole-plan page's review is that of its chapter due first, and its change date
    that of the plan's folder (as macros/build/print/support.py does from the navigation):
    the plan's direct pages but those with ``print: false``."""
    for lang in LANGUAGES:
        src = localized(PRINT_SRC, lang)
        chapters = []
        for chapter, text in pages.items():
            norm = norm_src_uri(chapter)
            if (page_lang(chapter) != lang or norm == PRINT_SRC
                    or not norm.startswith(f"{PLAN_DIR}/") or norm.count("/") != 1):
                continue
            if front_matter(text).get(PRINT_FLAG) is False:
                continue
            found = facts_of(facts, chapter)
            if found is not None:
                chapters.append(found)
        if chapters and src in pages:
            first = min(chapters, key=lambda found: found.review.review_by)
            folder = posixpath.dirname(first.source) + "/"
            facts[src] = PageFacts(first.review, folder, folder,
                                   str(front_matter(pages[src]).get("title", "")))


def owner_title(kb: KnowledgeBase, review: Review, lang: Lang) -> str:
    role = kb.roles.get(review.owner)
    return role.title.text(lang) if role else review.owner


def insert_notice(markdown: str, notice: str) -> str:
    """The notice as a raw HTML block right after the page's first ``# `` heading (outside
    front matter and code fences), or first when there is none."""
    front = FRONT.match(markdown)
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


def searchless(notice: str) -> str:
    """The notice kept out of the renderer's search index (``data-search-exclude``, which
    Zensical honours; our build inserts it after indexing instead)."""
    return notice.replace("<aside ", '<aside data-search-exclude="true" ', 1)
