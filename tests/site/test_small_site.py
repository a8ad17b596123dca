"""Integration: the fixture site built by MkDocs, read as HTML in both languages."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import lxml.html

from macros.model.catalogue import both
from tests.conftest import mkdocs_build, read

ROUTINE = "rutiner/socialtjanst/orosanmalan/index.html"


def article(html: str) -> str:
    match = re.search(r'<article class="md-content__inner.*?</article>', html, re.S)
    assert match, "no article in page"
    return match.group(0)


def test_both_languages_have_every_generated_page(small_site: Path) -> None:
    for prefix in ("", "en/"):
        for page in ("rutiner/index.html", "rutiner/socialtjanst/index.html",
                     "rutiner/skola/index.html", ROUTINE,
                     "rutiner/socialtjanst/delvis-oversatt/index.html"):
            assert (small_site / prefix / page).is_file(), prefix + page


def test_html_lang_per_language(small_site: Path) -> None:
    assert '<html lang="sv"' in read(small_site, ROUTINE)
    assert '<html lang="en"' in read(small_site, "en/" + ROUTINE)


def test_rendered_checklist_in_both_languages(small_site: Path) -> None:
    sv = article(read(small_site, ROUTINE))
    en = article(read(small_site, "en/" + ROUTINE))
    assert sv.count('<input type="checkbox"') == 3
    assert "Anmäl <strong>direkt</strong> till socialtjänsten." in sv
    assert "Report <strong>at once</strong> to social services." in en
    assert '<h3 id="additional-steps-for-schools">Additional steps for Schools' in en


def test_rendered_contact_table_in_both_languages(small_site: Path) -> None:
    sv = article(read(small_site, ROUTINE))
    en = article(read(small_site, "en/" + ROUTINE))
    assert '<th scope="col">Kontakt</th>' in sv and '<th scope="col">Contact</th>' in en
    assert ('<a href="tel:020505050"><span class="kb-contact__verb">Ring </span>'
            '020-50 50 50</a>') in sv
    assert '<a href="mailto:mottagning@testby.example">' in en


def test_fallback_note_only_in_english(small_site: Path) -> None:
    en = article(read(small_site, "en/" + ROUTINE))
    sv = article(read(small_site, ROUTINE))
    assert "Not yet translated" in en
    assert '<span lang="sv">Utred inte själv; 5 &lt; 6 &amp; <em>x</em></span>' in en
    assert "Ej översatt" not in sv and "Not yet translated" not in sv


def test_untranslated_prose_page_says_so(small_site: Path) -> None:
    en = read(small_site, "en/bara-svenska/index.html")
    assert "This page is not yet available in English and is shown in Swedish." in en
    assert '<div lang="sv">' in en
    assert "not yet available" not in read(small_site, "bara-svenska/index.html")


def test_macros_in_prose_pages(small_site: Path) -> None:
    sv = article(read(small_site, "index.html"))
    assert '<a href="rutiner/socialtjanst/orosanmalan/">A</a>' in sv
    assert '<th scope="col">Kontrollerad</th>' in sv


def test_navigation_from_organisation_data(small_site: Path) -> None:
    # a routine's page: navigation.prune opens only its department's part of the navigation
    page = lxml.html.fromstring(read(small_site, "en/" + ROUTINE))
    nav = page.find_class("md-nav--primary")[0]
    shown = nav.xpath(".//a[contains(@class, 'md-nav__link')]"
                      " | .//label[contains(@class, 'md-nav__title')]")
    titles = list(dict.fromkeys(" ".join(item.text_content().split()) for item in shown))
    assert titles[:6] == ["Routines against violence in close relationships", "Home",
                          "Routines", "Social Services", "Delvis översatt rutin",
                          "Report of concern about a child"], titles
    assert titles.index("Schools") < titles.index("Bara svenska")


def test_each_language_searches_its_own_index(small_site: Path) -> None:
    """One worker for both, told the page's language (tests/site/test_search.py has the
    indexes themselves)."""
    assert "search-worker.js?lang=en" in read(small_site, "en/index.html")
    assert "search-worker.js?lang=sv" in read(small_site, "index.html")
    assert "search_index." not in "".join(read(small_site, "assets/kb/kb.js").split())


def test_nothing_is_fetched_from_other_sites(small_site: Path) -> None:
    """No fonts, scripts, styles or images from another origin (canonical links are fine)."""
    loads = re.compile(r'<(?:script|img|iframe|source)\b[^>]*\ssrc="(?:https?:)?//'
                       r'|<link\b(?![^>]*rel="(?:canonical|alternate)")[^>]*href="(?:https?:)?//')
    pages = list(small_site.rglob("*.html"))
    assert len(pages) > 10
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html, page
        assert not loads.search(html), (page, loads.search(html))


def test_data_error_stops_the_build_with_file_and_line(data_copy: Callable[[], Path],
                                                        tmp_path: Path) -> None:
    project = data_copy()
    routine = project / "routines/socialtjanst/orosanmalan.yml"
    routine.write_text(routine.read_text(encoding="utf-8").replace(
        "last_reviewed: 2026-01-10", "last_reviewed: 2026-13-01"), encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "out")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert ("routines/socialtjanst/orosanmalan.yml:10: error: last_reviewed: "
            + both("val_not_date", value="'2026-13-01'")) in output
    assert "Traceback" not in output
    assert not (tmp_path / "out" / "index.html").exists()


def test_unknown_id_in_a_macro_fails_a_strict_build(data_copy: Callable[[], Path],
                                                    tmp_path: Path) -> None:
    project = data_copy()
    (project / "docs/trasig.md").write_text("# X\n\n{{ checklist(\"finns-inte\") }}\n",
                                            encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "out")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "docs/trasig.md: checklist('finns-inte'): unknown routine `finns-inte`" in output
    assert "Traceback" not in output
