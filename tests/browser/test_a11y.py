"""Accessibility (EN 301 549 / WCAG 2.1 A and AA) in Chromium: axe-core on every page type in both
languages, and a keyboard-only path. In the built HTML (checkbox names, languages, the
statement): tests/site/test_a11y.py."""

from __future__ import annotations

from typing import Any

from tests.page_types import ROUTINE
from tests.served import RealSite
from tests.site_tour import search_by_keyboard, tour

CHECKBOX = ".task-list-item input[type=checkbox]"


# --- axe ------------------------------------------------------------------------------------

def test_axe_finds_no_violations_on_any_page_type(browser: Any, nginx_real: RealSite) -> None:
    """The published site as nginx serves it with the documented settings (tests/served.py)."""
    problems: list[str] = []
    for stop in tour(browser, nginx_real.base, nginx_real.site):
        problems += [f"{stop.visit.label}: {line}" for line in stop.violations]
        problems += [f"{stop.visit.label}: script error {error}" for error in stop.errors]
    assert not problems, "axe violations:\n" + "\n".join(problems)


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
