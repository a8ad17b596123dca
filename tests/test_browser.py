"""Browser tests: Debian's Chromium, driven by Playwright, against the built site on 127.0.0.1."""

from __future__ import annotations

import functools
import os
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path(os.environ.get("KB_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]

pytestmark = pytest.mark.browser


def _unavailable(reason: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"browser tests cannot run under CI=true: {reason}")
    pytest.skip(reason)


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


try:
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
except ImportError:  # reported by the browser fixture
    PlaywrightTimeout = TimeoutError  # type: ignore[misc,assignment]


@pytest.fixture(scope="session")
def base_url(real_site: Path) -> Iterator[str]:
    handler = functools.partial(_Quiet, directory=str(real_site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        _unavailable(f"{CHROMIUM} is missing "
                     "(apt-get install chromium; make test does this as root)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("playwright is not installed (make test-install)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                             args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context()
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    yield page
    context.close()
    assert errors == [], f"script errors: {errors}"


@pytest.mark.parametrize(("start", "query", "expected"), [
    ("/", "orosanmälan", "/rutiner/social-och-omsorgskontoret/orosanmalan-barn/"),
    ("/en/", "report of concern", "/en/rutiner/social-och-omsorgskontoret/orosanmalan-barn/"),
])
def test_search_finds_the_routine(page: Any, base_url: str, start: str, query: str,
                                  expected: str) -> None:
    page.goto(base_url + start)
    results = page.locator(".md-search-result__item a")
    search = page.locator("input.md-search__input")
    search.click()
    for _ in range(10):  # the index loads in a worker; a query typed before it is ready is lost
        search.fill("")
        search.press_sequentially(query)
        try:
            results.first.wait_for(timeout=2_000)
            break
        except PlaywrightTimeout:
            continue
    hrefs = [results.nth(i).get_attribute("href") or "" for i in range(min(results.count(), 3))]
    assert any(expected in href for href in hrefs), hrefs


def test_language_switch_keeps_the_page(page: Any, base_url: str) -> None:
    path = "/rutiner/social-och-omsorgskontoret/orosanmalan-barn/"
    page.goto(base_url + path)
    assert page.locator("html").get_attribute("lang") == "sv"
    english = page.locator("a.md-select__link[hreflang='en']")
    page.goto(base_url + path)
    page.goto(page.evaluate("(a) => a.href", english.element_handle()))
    assert page.url == f"{base_url}/en{path}"
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").inner_text().startswith("Report")


def test_checklist_items_can_be_ticked(page: Any, base_url: str) -> None:
    page.goto(base_url + "/rutiner/kommunledningskontoret/rutinmassiga-fragor-om-vald/")
    box = page.locator("#steps ~ ul.task-list input[type=checkbox]").first
    assert not box.is_checked()
    box.check(force=True)
    assert box.is_checked()
