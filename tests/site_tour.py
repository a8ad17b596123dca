"""One tour of every page type (tests/page_types.py) in Chromium, shared by the accessibility
and the privacy tests: each page is loaded once, every request it makes is recorded (its
frames and the search worker included), and axe-core (from npm: tests/axe.py) checks it.
A tour per window size (a desktop, a phone); a few tabs at a time: each tab's axe runs in
its own renderer process."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests import axe
from tests.conftest import PlaywrightTimeout
from tests.page_types import Visit, visits

# What the Content-Security-Policy refused, in every frame (served with the policy by nginx)
COLLECT_CSP = """
  window.__kbCsp = [];
  document.addEventListener("securitypolicyviolation", (e) => window.__kbCsp.push(
    `${e.effectiveDirective} ${e.blockedURI || "inline"} ${e.sourceFile}:${e.lineNumber} `
    + (e.sample || "")));
"""
TABS = 2  # pages checked at the same time
# The phone: an iPhone 12–15's CSS viewport, touch, and the mobile viewport rules
PHONE = {"viewport": axe.PHONE, "is_mobile": True, "has_touch": True, "device_scale_factor": 3}
DESKTOP = {"viewport": axe.DESKTOP}


class Recorder:
    """Every request of a page (its frames and workers too), and those still under way."""

    def __init__(self, page: Any) -> None:
        self.requested: list[str] = []
        self.pending: set[Any] = set()
        page.on("request", self._started)
        page.on("requestfinished", self._ended)
        page.on("requestfailed", self._ended)

    def _started(self, request: Any) -> None:
        self.requested.append(request.url)
        self.pending.add(request)

    def _ended(self, request: Any) -> None:
        self.pending.discard(request)

    def settle(self, page: Any, quiet_ms: int = 200, timeout_ms: int = 5_000) -> None:
        """Wait until no request has started or been under way for quiet_ms (Playwright's
        networkidle always waits 500 ms)."""
        quiet, seen = 0, -1
        for _ in range(timeout_ms // 50):
            page.wait_for_timeout(50)
            busy = bool(self.pending) or len(self.requested) != seen
            seen = len(self.requested)
            quiet = 0 if busy else quiet + 50
            if quiet >= quiet_ms:
                return


def settled(page: Any) -> None:
    """Wait for the page's transitions and animations (the search's overlay grows, its results
    fade in); one cancelled on the way counts as ended."""
    page.evaluate("() => Promise.all(document.getAnimations().map((a) => a.finished"
                  ".catch(() => a)))")


def search_by_keyboard(page: Any, query: str) -> None:
    """Open the search with "/" and type the query; the index loads in a worker, so retype
    until results come."""
    # Material closes the search 125 ms after the #fragment changes (as the skip link does);
    # a person is never that fast, a test is
    page.wait_for_timeout(250)
    page.keyboard.press("/")
    assert page.evaluate("() => document.activeElement?.matches('input.md-search__input')"), \
        '"/" did not go to the search box'
    page.wait_for_function("() => document.getElementById('__search').checked")
    for _ in range(10):
        page.keyboard.press("Control+A")
        page.keyboard.press("Backspace")
        page.keyboard.type(query)
        try:
            page.locator("li.md-search-result__item").first.wait_for(timeout=1_500)
        except PlaywrightTimeout:
            continue
        # Material fades the results in (0.4 s on a desktop); the first result can come
        # sooner, and axe measures a half-faded colour as too little contrast. What a reader
        # reads is the end of the fade.
        settled(page)
        return
    raise AssertionError(f"no search results for {query!r}")


@dataclass
class Stop:
    visit: Visit
    requests: list[str] = field(default_factory=list)
    violations: list[str] = field(default_factory=list)
    incomplete: list[str] = field(default_factory=list)  # what axe could not decide
    incomplete_rules: set[str] = field(default_factory=set)
    errors: list[str] = field(default_factory=list)  # script errors on the page
    refused: list[str] = field(default_factory=list)  # what the CSP refused (if served with it)


class _Tab:
    def __init__(self, context: Any, base_url: str, visit: Visit) -> None:
        self.stop = Stop(visit)
        self.page = context.new_page()
        self.page.on("pageerror", lambda exc: self.stop.errors.append(str(exc)))
        recorder = Recorder(self.page)
        self.stop.requests = recorder.requested
        self.page.goto(base_url + visit.path)
        if visit.query:
            search_by_keyboard(self.page, visit.query)
        axe.inject(self.page)
        axe.start(self.page)  # from a timer: axe runs while the next tab loads
        recorder.settle(self.page)  # while axe runs: the search worker loads its index

    def finish(self) -> Stop:
        results = axe.result(self.page)
        self.stop.violations = axe.violation_lines(results)
        self.stop.incomplete = axe.incomplete_lines(results)
        self.stop.incomplete_rules = axe.incomplete_rules(results)
        self.stop.refused = self.page.evaluate("() => window.__kbCsp || []")
        self.page.close()
        return self.stop


_tours: dict[tuple[str, str], list[Stop]] = {}


def tour(browser: Any, base_url: str, site: Path, device: dict[str, Any] | None = None
         ) -> list[Stop]:
    """Every page type in both languages in a window of ``device`` (a desktop when not
    given), once per test run."""
    device = device or DESKTOP
    key = (base_url, repr(sorted(device.items())))
    if key not in _tours:
        context = browser.new_context(**device)
        context.add_init_script(COLLECT_CSP)
        stops: list[Stop] = []
        tabs: deque[_Tab] = deque()
        try:
            for visit in visits(site):
                tabs.append(_Tab(context, base_url, visit))
                if len(tabs) >= TABS:
                    stops.append(tabs.popleft().finish())
            stops += [tab.finish() for tab in tabs]
        finally:
            context.close()
        _tours[key] = stops
    return _tours[key]

