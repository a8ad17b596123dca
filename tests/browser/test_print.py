"""Print in Chromium: a routine prints as a clean checklist with a footer on every page, nothing
is wider than the printed page, and the action plan's PDF has every chapter in order
(overrides/assets/kb/print.css, macros/build/print/pdf.py)."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup

from macros.build.print.plan import pdf_path
from tests.conftest import CHROMIUM, _unavailable, read

ROUTINE = "/rutiner/kommunledningskontoret/rutinmassiga-fragor-om-vald/"
WHOLE = {"sv": "handlingsplan/hela-planen/", "en": "en/handlingsplan/hela-planen/"}


def _pdf_text(data: bytes) -> list[str]:
    from pypdf import PdfReader
    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages]


def _one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text)


@pytest.fixture
def routine(page: Any, base_url: str) -> Iterator[Any]:
    """The routine in print media, its second step ticked."""
    page.goto(base_url + ROUTINE)
    page.locator("#steps ~ ul.task-list input[type=checkbox]").nth(1).check(force=True)
    page.emulate_media(media="print")
    yield page


def test_print_shows_only_the_content(routine: Any) -> None:
    for hidden in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary",
                   ".md-footer", ".md-search", ".md-top", ".kb-embed-code"):
        locator = routine.locator(hidden)
        assert locator.count() == 0 or not locator.first.is_visible(), hidden
    assert routine.locator("h1").is_visible()
    table = routine.locator("#contacts ~ .kb-contacts table")
    assert table.first.is_visible()
    assert table.first.locator("thead").evaluate(
        "e => getComputedStyle(e).display") == "table-header-group"
    assert table.first.locator("tbody tr").first.evaluate(
        "e => getComputedStyle(e).breakInside") == "avoid"


@pytest.mark.parametrize("path", [ROUTINE, "/handlingsplan/hela-planen/",
                                  "/en/handlingsplan/hela-planen/", "/kontakter/"])
def test_nothing_is_wider_than_the_printed_page(browser: Any, base_url: str, path: str) -> None:
    """A4 less print.css's margins is 180 mm (680 px): anything wider makes Chromium shrink
    the whole printout (a wide matrix, a long e-mail address in the contact table)."""
    context = browser.new_context(viewport={"width": 680, "height": 900})
    try:
        page = context.new_page()
        page.goto(base_url + path)
        page.emulate_media(media="print")
        too_wide = page.evaluate("""() => { const width = document.documentElement.clientWidth;
            return [...document.querySelectorAll('article *')]
              .filter(e => e.offsetParent !== null && e.getBoundingClientRect().right > width + 1)
              .map(e => e.tagName + ' ' + (e.textContent || '').trim().slice(0, 40)); }""")
        assert not too_wide, too_wide[:5]
    finally:
        context.close()


def test_print_draws_the_checkboxes_and_the_tick(routine: Any) -> None:
    """Material's boxes are masks and background colours, which print drops: print.css draws
    a bordered box (::before) and, for a ticked step, a tick (::after)."""
    boxes = routine.locator("#steps ~ ul.task-list .task-list-indicator")
    style = """(el, pseudo) => { const s = getComputedStyle(el, pseudo);
        return {border: s.borderTopStyle, width: parseFloat(s.borderTopWidth),
                mask: s.maskImage || s.webkitMaskImage, content: s.content,
                tick: parseFloat(s.borderRightWidth)}; }"""
    unticked = boxes.nth(0).evaluate(style, "::before")
    assert unticked["border"] == "solid" and unticked["width"] >= 1
    assert unticked["mask"] == "none"
    assert boxes.nth(0).evaluate(style, "::after")["content"] in ("none", "normal")
    ticked = boxes.nth(1).evaluate(style, "::after")
    assert ticked["content"] not in ("none", "normal") and ticked["tick"] >= 1


def test_print_footer_carries_the_address_and_the_review_date(routine: Any) -> None:
    canonical = routine.locator("link[rel=canonical]").get_attribute("href")
    review_by = routine.locator("[data-kb-review-by]").first.get_attribute("data-kb-review-by")
    margins = routine.evaluate("""() => {
        const out = [];
        // the page's own rule is a constructed sheet (assets/kb/kb.js): the CSP refuses <style>
        for (const sheet of [...document.styleSheets, ...document.adoptedStyleSheets]) {
          for (const rule of sheet.cssRules) {
            const inner = rule.cssRules ? [...rule.cssRules] : [];
            for (const r of [rule, ...inner]) {
              if (r.constructor.name === 'CSSPageRule') {
                for (const m of r.cssRules || []) { out.push(m.name + ' ' + m.style.content); }
              }
            }
          }
        }
        return out; }""")
    footer = [m for m in margins if m.startswith("bottom-left") and canonical in m]
    assert footer and review_by in footer[0], margins


def test_a_printed_routine_has_its_steps_and_a_footer_on_every_page(routine: Any) -> None:
    canonical = routine.locator("link[rel=canonical]").get_attribute("href")
    review_by = routine.locator("[data-kb-review-by]").first.get_attribute("data-kb-review-by")
    steps = routine.locator("#steps ~ ul.task-list li strong").all_inner_texts()
    pages = _pdf_text(routine.pdf(prefer_css_page_size=True))
    text = _one_line(" ".join(pages))
    assert len(steps) >= 5 and all(_one_line(step) in text for step in steps)
    assert "Kvinnofridslinjen" in text  # the contact table
    for number, page_text in enumerate(pages, 1):
        flat = _one_line(page_text)
        assert canonical in flat.replace(" ", "") or canonical in flat, number
        assert review_by in flat and f"Sida {number} av {len(pages)}" in flat, number


@pytest.fixture(scope="module")
def made_pdfs(real_site: Path) -> dict[str, Path]:
    if not CHROMIUM.exists():
        _unavailable(f"{CHROMIUM} is missing: the build made no PDF (KB_PDF=auto)")
    return {lang: real_site / pdf_path(lang) for lang in ("sv", "en")}


def _outline(entries: list[Any]) -> list[str]:
    """The PDF's bookmarks (Chromium makes them from the headings), in document order."""
    titles: list[str] = []
    for entry in entries:
        titles += _outline(entry) if isinstance(entry, list) else [entry.title]
    return titles


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_plan_pdf_has_every_chapter_in_order(real_site: Path, made_pdfs: dict[str, Path],
                                                 lang: str) -> None:
    from pypdf import PdfReader
    pdf = made_pdfs[lang]
    assert pdf.is_file() and pdf.read_bytes().startswith(b"%PDF-")
    assert not list(pdf.parent.glob(".*.part"))
    reader = PdfReader(pdf)
    root = reader.trailer["/Root"]
    assert root["/Lang"] == lang and root["/MarkInfo"]["/Marked"]  # tagged, in its language
    soup = BeautifulSoup(read(real_site, WHOLE[lang] + "index.html"), "html.parser")
    assert reader.metadata.title == soup.title.get_text()
    titles = [a.get_text() for a in soup.select(".kb-plan__toc a")]
    assert len(titles) >= 10
    squeezed = [re.sub(r"\s+", "", title) for title in _outline(reader.outline)]
    positions = [squeezed.index(re.sub(r"\s+", "", title)) for title in titles]
    assert positions == sorted(positions), "chapters out of order"
    contents = _one_line(reader.pages[1].extract_text())  # title page, then the contents
    assert all(_one_line(title) in contents for title in titles)
    canonical = soup.select_one("link[rel=canonical]")["href"]
    review_by = soup.select_one("[data-kb-review-by]")["data-kb-review-by"]
    assert canonical in contents.replace(" ", "") and review_by in contents
