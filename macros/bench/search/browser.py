"""Drive the site's own search box in Chromium (Playwright) and read the results a reader sees:
Material's result list (`.md-search-result__item`), whatever engine fills it."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

CHROMIUM = Path(os.environ.get("KB_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]

INPUT = "input.md-search__input"
# Each item is one page; its first link is the page (or its best section) with the title.
READ_RESULTS = """() => Array.from(document.querySelectorAll('li.md-search-result__item'), li => {
  const a = li.querySelector('a.md-search-result__link');
  const h = a && a.querySelector('h1, h2');
  return {href: a ? a.getAttribute('href') : '', title: h ? h.textContent.trim() : ''};
})"""
META = ".md-search-result__meta"


@dataclass(frozen=True)
class Result:
    url: str    # the page's path from the site root, without #anchor or ?query
    title: str


@contextmanager
def chromium() -> Iterator[Any]:
    """A headless Chromium (Debian's, or KB_CHROMIUM) through Playwright."""
    if not CHROMIUM.exists():
        raise SystemExit(f"{CHROMIUM} is missing: apt-get install chromium (or set KB_CHROMIUM)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        raise SystemExit("playwright is missing: make test-install") from None
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                             args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def page_path(href: str, page_url: str) -> str:
    """The path of a result link, resolved against the page it is shown on."""
    from urllib.parse import urljoin, urlsplit
    path = urlsplit(urljoin(page_url, href)).path
    return path if path.endswith("/") or "." in path.rsplit("/", 1)[-1] else path + "/"


class SearchBox:
    """The search box of one open page. ``search(text)`` types like a reader and returns the
    result pages in the order shown (a page's sections count once, at its first place), by
    their path from the site's ``root``."""

    def __init__(self, page: Any, root: str = "/") -> None:
        self.page = page
        self.root = root  # the site's path on the server (/gallande/ as nginx serves it)

    def open(self) -> None:
        self.page.locator(INPUT).click()

    def _meta(self) -> str:
        meta = self.page.locator(META)
        return meta.inner_text() if meta.count() else ""

    def search(self, text: str, settle_ms: int = 400, timeout_ms: int = 15_000) -> list[Result]:
        box = self.page.locator(INPUT)
        box.click()
        box.fill("")
        self.page.wait_for_timeout(50)
        empty_meta = self._meta()
        # The value up to the last character at once, then a real keystroke: each keystroke
        # starts a search, and only the last one's results count (as for a reader).
        if len(text) > 1:
            box.fill(text[:-1])
        box.press_sequentially(text[-1])
        if not text[-1].isascii():
            # Playwright inserts a character outside the US keyboard without key events, and
            # Material searches on keyup: End is the reader's next key, changing nothing.
            box.press("End")
        waited, previous, stable = 0, None, 0
        while waited < timeout_ms:
            self.page.wait_for_timeout(50)
            waited += 50
            current = (self._meta(), self.page.evaluate(READ_RESULTS))
            if current[0] == empty_meta and not current[1]:
                continue  # the engine has not answered yet (the index may still be loading)
            stable = stable + 1 if current == previous else 0
            previous = current
            if stable * 50 >= settle_ms:
                break
        return self._pages(previous[1] if previous else [])

    def _pages(self, raw: list[dict[str, str]]) -> list[Result]:
        results: list[Result] = []
        seen: set[str] = set()
        for item in raw:
            url = page_path(item["href"], self.page.url)
            if url.startswith(self.root):  # as the evaluation set names pages: from the site
                url = "/" + url[len(self.root):]
            if url not in seen:
                seen.add(url)
                results.append(Result(url=url, title=item["title"]))
        return results
