"""On a phone, in the middle of a visit (issue 20): the published site as nginx serves it
(tests/served.py), in Chromium as a 390×844 phone.

- Targets (WCAG 2.2 SC 2.5.8): every link and control on every page type is at least 24×24
  CSS px or inline in a sentence — menus, drawer and closed parts opened (tests/targets.py).
- Reflow (1.4.10): at 320 CSS px (1280 px at 400 %) the page never scrolls sideways; a wide
  table scrolls in its own region.
- Contacts: one card per contact, the phone number a big button; a table on a desktop and
  in print. Matrices: a view per unit that fits; the whole table keeps its header row and
  first column in view; no empty band under the header; the unit picker and the department
  pages' links work without script.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.page_types import visits
from tests.served import RealSite
from tests.site_tour import DESKTOP, PHONE, search_by_keyboard, settled
from tests.targets import MINIMUM, small_targets

MATRIX = "/handlingsplan/ansvar/"
CONTACTS = "/kontakter/"
UNIT = "/ansvar/barn-och-unga/"
DEPARTMENT = "/rutiner/social-och-omsorgskontoret/"


@pytest.fixture
def phone(browser: Any) -> Iterator[Any]:
    context = browser.new_context(**PHONE)
    yield context.new_page()
    context.close()


@pytest.fixture
def desktop(browser: Any) -> Iterator[Any]:
    context = browser.new_context(**DESKTOP)
    yield context.new_page()
    context.close()


# --- every page type -------------------------------------------------------------------------

def test_every_target_is_24px_or_inline_in_a_sentence(phone: Any, nginx_real: RealSite) -> None:
    problems, counted = [], 0
    for visit in visits(nginx_real.site):
        phone.goto(nginx_real.base + visit.path)
        if visit.query:
            search_by_keyboard(phone, visit.query)
        small, total = small_targets(phone)
        counted += total
        problems += [f"{visit.label}: {target}" for target in small]
    assert counted > 500  # the measuring found the pages' links and controls
    assert not problems, f"targets under {MINIMUM}×{MINIMUM} px:\n" + "\n".join(problems)


MENU_RIGHT = "document.querySelector('.md-header .md-select__inner').getBoundingClientRect().right"
WIDTHS = """() => ({page: document.scrollingElement.scrollWidth,
                    window: document.scrollingElement.clientWidth})"""


def test_no_page_scrolls_sideways_at_320_px(browser: Any, nginx_real: RealSite) -> None:
    """400 % zoom of a 1280 px window: the document is no wider than the window."""
    context = browser.new_context(viewport={"width": 320, "height": 640}, is_mobile=True,
                                  has_touch=True)
    page = context.new_page()
    wide = []
    try:
        for visit in visits(nginx_real.site):
            page.goto(nginx_real.base + visit.path)
            if visit.query:
                search_by_keyboard(page, visit.query)
            settled(page)
            width = page.evaluate(WIDTHS)
            if width["page"] > width["window"]:
                wide.append(f"{visit.label}: {width}")
            menu = page.locator(".md-header .md-select")
            if not visit.query and menu.count() and menu.first.is_visible():
                menu.first.hover()
                settled(page)
                right = page.evaluate(MENU_RIGHT)
                if right > width["window"]:
                    wide.append(f"{visit.label}: the language menu ends at {right:.0f} px")
    finally:
        context.close()
    assert not wide, "pages wider than 320 px:\n" + "\n".join(wide)


# --- contacts --------------------------------------------------------------------------------

CARDS = """() => Array.from(document.querySelectorAll('.kb-contacts tbody tr'), (row) => {
    const box = row.getBoundingClientRect(), call = row.querySelector('td.kb-contact__phone a');
    const link = call && call.getBoundingClientRect();
    return {display: getComputedStyle(row).display, left: box.left, right: box.right,
            width: box.width, call: call ? call.innerText : null,
            callHeight: link ? link.height : 0, callWidth: link ? link.width : 0,
            header: getComputedStyle(row.closest('table').querySelector('thead')).position,
            labels: Array.from(row.querySelectorAll('td[data-label]'), (td) =>
              getComputedStyle(td, '::before').content)};
  })"""


def test_contacts_are_cards_on_a_phone(phone: Any, nginx_real: RealSite) -> None:
    phone.goto(nginx_real.base + CONTACTS)
    cards = phone.evaluate(CARDS)
    viewport = phone.viewport_size["width"]
    assert len(cards) > 15
    for card in cards:
        assert card["display"] == "block", card
        assert card["left"] >= 0 and card["right"] <= viewport, card  # no sideways scrolling
        assert card["header"] == "absolute"  # the column headers only for screen readers
    calls = [c for c in cards if c["call"]]
    assert calls and all(c["call"].startswith("Ring ") for c in calls)
    assert all(c["callHeight"] >= 44 and c["callWidth"] >= 0.8 * c["width"] for c in calls)
    assert any('"För vem"' in c["labels"] for c in cards)
    assert phone.evaluate("document.documentElement.scrollWidth") <= viewport


@pytest.mark.parametrize("media", ["screen", "print"])
def test_contacts_are_a_table_on_a_desktop_and_in_print(desktop: Any, nginx_real: RealSite,
                                                         media: str) -> None:
    desktop.emulate_media(media=media)
    desktop.goto(nginx_real.base + "/en" + CONTACTS)
    cards = desktop.evaluate(CARDS)
    assert cards and {c["display"] for c in cards} == {"table-row"}
    assert {c["header"] for c in cards} == {"static"}
    assert all(c["call"] is None or not c["call"].startswith("Call") for c in cards)


# --- matrices ----------------------------------------------------------------------------------

def test_a_units_view_fits_a_phone(phone: Any, nginx_real: RealSite) -> None:
    phone.goto(nginx_real.base + UNIT)
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    too_wide = phone.evaluate("""() => Array.from(document.querySelectorAll('article *'))
        .filter((e) => e.getBoundingClientRect().right > 390 && e.offsetParent !== null)
        .map((e) => e.tagName)""")
    assert too_wide == []
    items = phone.locator("article li").all_inner_texts()
    assert any(item.startswith("A – Ansvarar för steget:") for item in items), items


def test_the_matrix_keeps_its_header_and_first_column_in_view(phone: Any,
                                                              nginx_real: RealSite) -> None:
    phone.goto(nginx_real.base + MATRIX)
    region = phone.locator(".kb-matrix[role=region]")
    region.scroll_into_view_if_needed()
    place = """(r) => { const corner = r.querySelector('thead th'),
        row = r.querySelector('tbody th'), box = r.getBoundingClientRect();
        return {scrolls: r.scrollWidth > r.clientWidth && r.scrollHeight > r.clientHeight,
                head: corner.getBoundingClientRect().top - box.top,
                first: row.getBoundingClientRect().left - box.left}; }"""
    before = region.evaluate(place)
    region.evaluate("(r) => { r.scrollLeft = 400; r.scrollTop = 300; }")
    after = region.evaluate(place)
    assert before["scrolls"]
    assert abs(after["head"] - before["head"]) <= 1, (before, after)  # the header row stays
    assert abs(after["first"] - before["first"]) <= 1, (before, after)  # the tasks stay


def test_no_empty_band_under_the_header_row(desktop: Any, nginx_real: RealSite) -> None:
    """Each column header's text ends at the bottom of the header row, next to the letters."""
    desktop.set_viewport_size({"width": 390, "height": 844})
    desktop.goto(nginx_real.base + MATRIX)
    gaps = desktop.evaluate("""() => Array.from(
        document.querySelectorAll('.kb-matrix thead th'), (th) => {
          const text = document.createRange(); text.selectNodeContents(th);
          const padding = parseFloat(getComputedStyle(th).paddingBottom);
          return th.getBoundingClientRect().bottom - text.getBoundingClientRect().bottom
                 - padding; })""")
    assert len(gaps) > 5 and max(gaps) < 4, gaps


def test_the_unit_views_are_reached_without_script(browser: Any, nginx_real: RealSite) -> None:
    context = browser.new_context(java_script_enabled=False, **PHONE)
    page = context.new_page()
    try:
        page.goto(nginx_real.base + MATRIX)
        page.locator(".kb-unit-picker a", has_text="Social- och omsorgskontoret").click()
        assert page.url == nginx_real.base + "/ansvar/social-och-omsorgskontoret/"
        assert page.locator("h1").inner_text().startswith("Vad gör Social- och omsorgskontoret?")
        page.goto(nginx_real.base + "/en" + DEPARTMENT)
        page.locator("#tasks ~ ul a").get_by_text("Children and Young People", exact=True).click()
        assert page.url == nginx_real.base + "/en" + UNIT
        assert page.locator("h1").inner_text().startswith("What does")
    finally:
        context.close()
