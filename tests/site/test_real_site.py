"""Integration: the repository's own site, built once, strict, in both languages."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from macros.model.core import KnowledgeBase
from macros.model.snapshot import (
    MODEL_JSON,
    SNAPSHOT_FORMAT,
    Snapshot,
    parse_snapshot,
    snapshot_json,
)
from macros.model.versions import by_date, find_revision
from macros.render.blocks import routine_src
from tests.conftest import read


@pytest.fixture
def kb(repo_kb: KnowledgeBase) -> KnowledgeBase:
    return repo_kb


def html_path(src: str, lang: str) -> str:
    prefix = "" if lang == "sv" else f"{lang}/"
    stem = src.removesuffix(".md")
    return prefix + (stem.removesuffix("index") if stem.endswith("index") else stem + "/") + \
        "index.html"


def test_every_routine_has_a_page_in_both_languages(real_site: Path, kb: KnowledgeBase) -> None:
    assert len(kb.routines) >= 25
    for routine in kb.routines.values():
        for lang in ("sv", "en"):
            html = read(real_site, html_path(routine_src(routine), lang))
            assert routine.title.text(lang).split(" – ")[0] in html
            assert 'class="task-list"' in html


def test_every_department_has_a_page_in_both_languages(real_site: Path,
                                                       kb: KnowledgeBase) -> None:
    assert kb.organisation.departments
    for department in kb.organisation.departments:
        for lang in ("sv", "en"):
            html = read(real_site, html_path(f"rutiner/{department.id}/index.md", lang))
            assert department.name.text(lang) in html


def test_shared_routine_is_listed_on_every_department_page(real_site: Path,
                                                            kb: KnowledgeBase) -> None:
    assert kb.organisation.departments
    for department in kb.organisation.departments:
        html = read(real_site, html_path(f"rutiner/{department.id}/index.md", "sv"))
        assert "rutinmassiga-fragor-om-vald/" in html, department.id


# --- versions: language links, the model snapshot, the change date ------------------------

_LANGUAGE_LINK = re.compile(r'<a href="([^"]*)" hreflang="([^"]*)"')
_NOTICE_DATES = re.compile(r'<p class="kb-review__dates">(.*?)</p>', re.S)


def html_pages(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))


def test_language_links_stay_inside_the_site(real_site: Path) -> None:
    """Root-absolute language links would leave the version under mike (/2026/…): every page
    links the other language relatively (macros/render/urls.py, overrides/partials/alternate.html).
    404.html is the exception MkDocs makes: it may be served at any address, so all its links
    are absolute from the site's path."""
    checked = 0
    for page in html_pages(real_site):
        links = _LANGUAGE_LINK.findall(read(real_site, page))
        assert {lang for _, lang in links} == {"sv", "en"}, page
        if page.endswith("404.html"):
            continue
        absolute = [href for href, _ in links if href.startswith("/")]
        assert absolute == [], f"{page}: {absolute}"
        checked += 1
    assert checked > 100


def test_the_404_page_links_the_start_pages(real_site: Path) -> None:
    links = {lang: href for href, lang in _LANGUAGE_LINK.findall(read(real_site, "404.html"))}
    assert links == {"sv": "/", "en": "/en/"}


def test_the_404_page_speaks_both_languages(real_site: Path) -> None:
    page = read(real_site, "404.html")
    assert '<html lang="sv"' in page and "<h1>Sidan finns inte</h1>" in page
    english = re.search(r'<div lang="en">(.*?)</div>', page, re.S)
    assert english and "<h2>Page not found</h2>" in english.group(1)
    assert '<a href="/en/" hreflang="en">Go to the start page</a>' in english.group(1)


def test_the_model_snapshot_is_written(real_site: Path, kb: KnowledgeBase) -> None:
    text = read(real_site, MODEL_JSON)
    parsed = parse_snapshot(text, MODEL_JSON)
    assert isinstance(parsed, Snapshot), parsed
    data = json.loads(text)
    assert data["format"] == SNAPSHOT_FORMAT == 1
    assert data["version"] == find_revision(kb, None).version  # no MIKE_DOCS_VERSION: newest
    assert set(data["routines"]) == set(kb.routines)
    for routine_id, routine in kb.routines.items():
        assert data["routines"][routine_id] == routine.model_dump(mode="json",
                                                                  exclude_none=True)
    assert set(data["matrices"]) == set(kb.matrices)
    assert [r["version"] for r in data["revisions"]] == [r.version for r in by_date(kb)]
    assert text == snapshot_json(data)  # written canonically: the same data, the same bytes


CHANGED_PART = {"sv": ("Ändrad <time", "Byggd <time"), "en": ("Changed <time", "Built <time")}


def test_every_page_says_when_it_changed_or_was_built(real_site: Path) -> None:
    pages = json.loads(read(real_site, "api/pages.json"))["pages"]
    assert len(pages) == len(html_pages(real_site)) - 2  # all but 404.html and en/404.html
    for page in pages:
        html = read(real_site, f"{page['path']}index.html")
        notices = _NOTICE_DATES.findall(html)
        assert len(notices) == 1, page["path"]
        assert notices[0].startswith(CHANGED_PART[page["lang"]]), (page["path"], notices[0])
