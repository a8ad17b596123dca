"""The whole action plan as one page (handlingsplan/hela-planen/) in real builds: a small site
with a plan built without the PDF, KB_PDF=on failing clearly, and the real site's plan page
(macros/build/print/). Without a build: tests/unit/build/test_print.py; the PDFs and print
media in Chromium: tests/browser/test_print.py."""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

from macros.build.print.pdf import find_chromium
from macros.build.print.plan import pdf_path
from macros.search import bundle
from tests.conftest import FIXTURE_SITE, copy_project, fake_chromium, mkdocs_build, read

WHOLE = {"sv": "handlingsplan/hela-planen/", "en": "en/handlingsplan/hela-planen/"}


# --- a small site with a plan, built without the PDF -----------------------------------------

PLAN = {
    "index.md": "---\ntitle: Planen\n{review}order: 1\n---\n\n# Planen\n\nSe [kapitel A](a.md) "
                "och [avsnittet i B](b.md#avsnitt).\n\n{{ plan_print() }}\n",
    "index.en.md": "---\ntitle: The plan\norder: 1\n---\n\n# The plan\n\nSee [chapter A](a.md).\n\n"
                   "{{ plan_print() }}\n",
    "a.md": "---\ntitle: Kapitel A\n{review}order: 2\n---\n\n# Kapitel A\n\n## Syfte\n\n"
            "Till [start](../index.md) och [B](b.md).\n",
    "a.en.md": "---\ntitle: Chapter A\norder: 2\n---\n\n# Chapter A\n\n"
               "## Purpose { #syfte }\n\nText.\n",
    "b.md": "---\ntitle: Kapitel B\n{review}order: 3\n---\n\n# Kapitel B\n\n## Syfte\n\n"
            "## Avsnitt\n\nTillbaka till [A](a.md#syfte).\n",
    "skip.md": "---\ntitle: Bara på webben\n{review}order: 4\nprint: false\n---\n\n"
               "# Bara på webben\n",
}
REVIEW = "owner: enhetschef-barn\nlast_reviewed: 2026-01-10\nreview_interval_months: 12\n"


def add_plan(project: Path) -> Path:
    folder = project / "docs/handlingsplan"
    folder.mkdir()
    for name, text in PLAN.items():
        (folder / name).write_text(text.replace("{review}", REVIEW), encoding="utf-8")
    return project


@pytest.fixture(scope="module")
def plan_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return add_plan(copy_project(FIXTURE_SITE, tmp_path_factory.mktemp("plan") / "project"))


@pytest.fixture(scope="module")
def plan_site(plan_project: Path) -> Path:
    """The small site with a plan, built without the PDF (KB_PDF=off)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("KB_PDF", "off")
        result = mkdocs_build(plan_project, plan_project / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "The action plan's PDF and its links are left out: KB_PDF=off" in result.stderr
    return plan_project / "site"


def test_the_whole_plan_has_every_chapter_in_order_in_both_languages(plan_site: Path) -> None:
    sv = BeautifulSoup(read(plan_site, "handlingsplan/hela-planen/index.html"), "html.parser")
    assert [a.get_text() for a in sv.select(".kb-plan__toc a")] == \
        ["Planen", "Kapitel A", "Kapitel B"]  # `print: false` is left out
    assert sv.select_one("a[href='#b--avsnitt']") is not None
    assert sv.select_one("#b a[href='#a--syfte']") is not None
    assert sv.select_one("#a a[href='../../']") is not None  # the site's start page
    en = BeautifulSoup(read(plan_site, "en/handlingsplan/hela-planen/index.html"),
                       "html.parser")
    assert [a.get_text() for a in en.select(".kb-plan__toc a")] == \
        ["The plan", "Chapter A", "Kapitel B"]
    assert en.select_one('#b div[lang="sv"]') is not None  # not translated: marked
    assert en.select_one("#b .kb-fallback") is not None


def test_without_the_pdf_nothing_links_to_it(plan_site: Path) -> None:
    assert not list(plan_site.rglob("*.pdf"))
    for page in ("handlingsplan/index.html", "en/handlingsplan/index.html",
                 "handlingsplan/hela-planen/index.html"):
        html = read(plan_site, page)
        assert ".pdf" not in html, page
    assert 'href="hela-planen/"' in read(plan_site, "handlingsplan/index.html")


def test_kb_pdf_on_without_chromium_stops_the_build_with_the_fix(plan_project: Path,
                                                                 tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch
                                                                 ) -> None:
    monkeypatch.setenv("KB_PDF", "on")
    monkeypatch.setenv("KB_CHROMIUM", str(tmp_path / "no-chromium"))
    result = mkdocs_build(plan_project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "KB_PDF=on but Chromium was not found" in output
    assert "make browser" in output and "KB_PDF=off" in output
    assert "Traceback" not in output


def test_a_chromium_failure_stops_the_build_without_a_pdf(plan_project: Path, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch
                                                          ) -> None:
    monkeypatch.setenv("KB_PDF", "on")
    monkeypatch.setenv("KB_CHROMIUM", str(fake_chromium(tmp_path, "exit 5")))
    result = mkdocs_build(plan_project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "The action plan's PDF" in output and "exit 5" in output
    assert "Traceback" not in output
    assert not list((tmp_path / "site").rglob("*.pdf*"))


# --- the real site -------------------------------------------------------------------------

def test_the_whole_plan_is_not_in_the_search_index(real_site: Path) -> None:
    """Its chapters are indexed on their own pages (Pagefind's index, macros/search/bundle.py)."""
    for lang in ("sv", "en"):
        urls = [page.url for page in bundle.pages(real_site, lang)]
        assert len(urls) > 50, lang
        assert not [url for url in urls if "hela-planen" in url], lang
        assert [url for url in urls if "/handlingsplan/" in url], lang  # the chapters are


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_every_anchor_and_link_of_the_whole_plan_resolves(real_site: Path, lang: str) -> None:
    path = WHOLE[lang]
    soup = BeautifulSoup(read(real_site, path + "index.html"), "html.parser")
    ids = Counter(tag["id"] for tag in soup.find_all(id=True))
    assert not [i for i, n in ids.items() if n > 1], "duplicate ids"
    article = soup.select_one("article")
    assert len(article.select(".kb-plan__chapter")) >= 10
    broken = []
    for link in article.find_all("a", href=True):
        href = link["href"]
        if href.startswith("#"):
            if href[1:] not in ids:
                broken.append(href)
            continue
        parts = urlsplit(href)
        if parts.scheme or parts.netloc:
            continue
        target = urlsplit(urljoin("http://h/" + path, href)).path.lstrip("/")
        file = real_site / target / "index.html" if target.endswith("/") or not target \
            else real_site / target
        if not file.is_file():
            broken.append(href)
    assert not broken, broken


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_plan_start_page_links_the_whole_plan(real_site: Path, lang: str) -> None:
    start = "handlingsplan/index.html" if lang == "sv" else "en/handlingsplan/index.html"
    soup = BeautifulSoup(read(real_site, start), "html.parser")
    note = soup.select_one(".kb-plan-print")
    assert note is not None and note.select_one("a[href='hela-planen/']") is not None
    pdf = note.select_one("a[type='application/pdf']")
    if (real_site / pdf_path(lang)).is_file():
        assert pdf is not None and (real_site / start).parent.joinpath(pdf["href"]).is_file()
    else:
        assert pdf is None


def test_the_real_site_renders_the_pdf_only_where_chromium_is(real_site: Path) -> None:
    made = [(real_site / pdf_path(lang)).is_file() for lang in ("sv", "en")]
    expected = os.environ.get("KB_PDF", "auto") != "off" and find_chromium(os.environ) is not None
    assert made == [expected, expected]
