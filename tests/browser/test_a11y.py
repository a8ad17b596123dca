"""Accessibility (EN 301 549 / WCAG 2.2 A and AA) in Chromium: axe-core (the current npm release:
WCAG 2.0, 2.1 and 2.2 A/AA and best practices) on every page type in both languages, on a
desktop and on a phone, with every result axe cannot decide explained in the accessibility
statement; and a keyboard-only path. In the built HTML (checkbox names, languages, the
statement): tests/site/test_a11y.py. Targets and reflow on a phone: tests/browser/test_phone.py."""

from __future__ import annotations

from typing import Any

import pytest
from bs4 import BeautifulSoup

from tests import axe
from tests.conftest import read
from tests.page_types import ROUTINE
from tests.served import RealSite
from tests.site_tour import DESKTOP, PHONE, search_by_keyboard, tour

CHECKBOX = ".task-list-item input[type=checkbox]"
STATEMENT = {"sv": "tillganglighet/index.html", "en": "en/tillganglighet/index.html"}
DEVICES = {"desktop": DESKTOP, "phone": PHONE}


# --- axe ------------------------------------------------------------------------------------

@pytest.mark.parametrize("device", DEVICES)
def test_axe_finds_no_violations_on_any_page_type(browser: Any, nginx_real: RealSite,
                                                  device: str) -> None:
    """The published site as nginx serves it with the documented settings (tests/served.py)."""
    problems: list[str] = []
    for stop in tour(browser, nginx_real.base, nginx_real.site, DEVICES[device]):
        problems += [f"{stop.visit.label}: {line}" for line in stop.violations]
        problems += [f"{stop.visit.label}: script error {error}" for error in stop.errors]
    assert not problems, f"axe {axe.installed_version()} violations:\n" + "\n".join(problems)


def test_axe_is_the_pinned_npm_release() -> None:
    axe.axe_source()  # skips with the reason when npm ci has not run
    assert axe.installed_version() == axe.pinned_version(), "run npm ci"


def explained_rules(html: str) -> dict[str, str]:
    """axe rule → the reason the statement gives, from its list under the heading with
    id ``axe-incomplete``."""
    soup = BeautifulSoup(html, "html.parser")
    heading = soup.find(id="axe-incomplete")
    listing = heading.find_next("ul") if heading else None
    if listing is None:
        return {}
    return {item.code.get_text(): item.get_text(" ", strip=True)
            for item in listing.find_all("li", recursive=False) if item.code}


@pytest.mark.parametrize("device", DEVICES)
def test_what_axe_cannot_decide_is_explained_in_the_statement(
        browser: Any, nginx_real: RealSite, device: str) -> None:
    """Each rule axe leaves "incomplete" (it needs a person to judge) is listed, with the
    reason, in the accessibility statement of both languages."""
    stops = tour(browser, nginx_real.base, nginx_real.site, DEVICES[device])
    assert stops
    seen: dict[str, list[str]] = {}
    for stop in stops:
        for line in stop.incomplete:
            seen.setdefault(line.split(" ", 1)[0], []).append(f"{stop.visit.label}: {line}")
    for page in STATEMENT.values():
        listed = explained_rules(read(nginx_real.site, page))
        assert listed and all(len(reason) > 40 for reason in listed.values()), listed
        missing = {rule: lines[:3] for rule, lines in seen.items() if rule not in listed}
        assert not missing, f"not explained in {page}:\n" + "\n".join(
            line for lines in missing.values() for line in lines)


# --- keyboard -------------------------------------------------------------------------------

def focused(page: Any, selector: str) -> bool:
    return bool(page.evaluate("(s) => !!document.activeElement?.matches(s)", selector))


def tab_to(page: Any, selector: str, limit: int = 300) -> None:
    """Press Tab until the focus is on an element matching selector."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if focused(page, selector):
            return
    raise AssertionError(f"{limit} presses of Tab never reached {selector}")


def skip_to_content(page: Any) -> None:
    """Tab: the skip link comes first and shows; Enter: the next Tab is in the content."""
    page.keyboard.press("Tab")
    assert focused(page, "a.md-skip"), "the first Tab stop is not the skip link"
    page.wait_for_function("() => getComputedStyle(document.activeElement).opacity === '1'")
    box = page.locator("a.md-skip").bounding_box()
    assert box and box["width"] > 0 and box["y"] >= 0, "the focused skip link is not on screen"
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert focused(page, ".md-content *"), "after the skip link, Tab is not in the content"


def focus_ring(checkbox: Any) -> dict[str, Any]:
    """The ring drawn around the custom checkbox (the ::after of its indicator)."""
    return dict(checkbox.evaluate("""(box) => {
        const s = getComputedStyle(box.nextElementSibling, '::after');
        return {content: s.content, style: s.outlineStyle,
                width: s.content === 'none' || s.outlineStyle === 'none'
                       ? 0 : parseFloat(s.outlineWidth)};
    }"""))


def test_keyboard_only_path(page: Any, base_url: str) -> None:
    """Skip link, search, open a routine, tick a checklist item: page.keyboard only."""
    page.goto(base_url + "/")
    skip_to_content(page)
    search_by_keyboard(page, "orosanmälan")
    page.keyboard.press("ArrowDown")
    assert focused(page, "a.md-search-result__link"), "ArrowDown did not reach the results"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.split("?")[0] == base_url + ROUTINE  # ?h=…: the words found, highlighted
    skip_to_content(page)
    tab_to(page, CHECKBOX)
    box = page.evaluate_handle("() => document.activeElement")
    assert not box.is_checked()
    page.keyboard.press("Space")
    assert box.is_checked(), "Space did not tick the checkbox"
    # 2.4.7: Material hides the real checkbox; the box it draws shows the focus ring
    assert focus_ring(box)["width"] >= 2, focus_ring(box)
    page.keyboard.press("Tab")
    assert focus_ring(box)["content"] == "none", "the ring stays after the focus has left"


def test_search_results_are_checked_at_the_end_of_their_fade(page: Any, base_url: str) -> None:
    """axe reads the results as a reader sees them: Material fades them in over 0.4 s and the
    first result can come sooner (at 0.65–0.99 opacity, 9 runs in 12 found too little
    contrast), so the tour's search waits for the fade to end."""
    page.goto(base_url + "/")
    search_by_keyboard(page, "orosanmälan")
    assert page.evaluate(
        "() => getComputedStyle(document.querySelector('.md-search__output')).opacity") == "1"
