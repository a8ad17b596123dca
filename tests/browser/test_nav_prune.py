"""navigation.prune (mkdocs.yml) must change nothing staff see or can reach: in Chromium, at a
desktop and a phone viewport, the real site and the real site built without prune
(``unpruned_site``, tests/conftest.py) show the same visible navigation links, text and address,
on pages of several types in both languages. Without prune a closed section's pages are in the
HTML but hidden; with prune the section is a link to its first page. As files:
tests/site/test_nav_prune.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from macros.links.local_server import serve
from tests.page_types import PAGE_TYPES
from tests.site_tour import settled

KINDS = ("start page", "plan chapter", "routine", "department", "contacts")
VISITS = [t.visit(lang) for t in PAGE_TYPES if t.kind in KINDS for lang in ("sv", "en")]
VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}

# Links of the primary navigation a reader can see: shown by CSS (not hidden, collapsed or
# transparent), with a box, and not slid out of the viewport (the phone's drawer keeps
# closed panels beside it). The text with its whitespace collapsed, and where it leads.
# A closed section without an index page (a department's unit group, macros/build/nav.py) is a
# label that opens it without prune and a link to its first page with prune: its visible
# label counts as a link to its first page, so both builds describe it alike.
VISIBLE_LINKS = """
  () => {
    const shown = (el) => {
      if (!el.checkVisibility({checkOpacity: true, checkVisibilityCSS: true})) return false;
      const box = el.getBoundingClientRect();
      return box.width > 0 && box.height > 0 && box.right > 0 && box.left < innerWidth;
    };
    const where = (a) => new URL(a.href).pathname + new URL(a.href).hash;
    const text = (el) => el.textContent.replace(/\\s+/g, " ").trim();
    const found = [];
    for (const el of document.querySelectorAll(
        ".md-sidebar--primary a[href], .md-sidebar--primary .md-nav__item--nested > label")) {
      if (!shown(el)) continue;
      if (el.tagName === "A") { found.push([text(el), where(el)]); continue; }
      const item = el.parentElement;
      const toggle = item.querySelector(":scope > input.md-toggle");
      const first = item.querySelector(":scope > nav a[href]");
      if (toggle && !toggle.checked && first) found.push([text(el), where(first)]);
    }
    return found;
  }
"""

@pytest.fixture(scope="module")
def unpruned_url(unpruned_site: Path) -> Iterator[str]:
    with serve(unpruned_site) as url:
        yield url.rstrip("/")


def _visible_navs(browser: Any, base: str, viewport: str) -> list[list[list[str]]]:
    """The visible navigation links of every page of VISITS on the site served at ``base``."""
    phone = viewport == "phone"
    context = browser.new_context(viewport=VIEWPORTS[viewport], is_mobile=phone,
                                  has_touch=phone)
    try:
        page = context.new_page()
        found = []
        for visit in VISITS:
            page.goto(base + visit.path)
            if phone:  # the navigation is in the drawer: open it
                page.locator("label.md-header__button[for='__drawer']").click()
            settled(page)  # Material's slide and expand transitions
            found.append(page.evaluate(VISIBLE_LINKS))  # both sites are served at /
        return found
    finally:
        context.close()


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_the_visible_navigation_is_the_same_with_and_without_prune(
        browser: Any, base_url: str, unpruned_url: str, viewport: str) -> None:
    different = []
    pruned_navs = _visible_navs(browser, base_url, viewport)
    unpruned_navs = _visible_navs(browser, unpruned_url, viewport)
    for visit, pruned, unpruned in zip(VISITS, pruned_navs, unpruned_navs, strict=True):
        assert pruned, f"{visit.label}: no navigation link is visible"
        if pruned != unpruned:
            only_pruned = [link for link in pruned if link not in unpruned]
            only_unpruned = [link for link in unpruned if link not in pruned]
            different.append(f"{visit.label}: only with prune {only_pruned[:5]}, "
                             f"only without {only_unpruned[:5]}")
    assert different == [], "\n".join(different)
