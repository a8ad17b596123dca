"""The Content-Security-Policy in Chromium, as nginx sends it with the documented settings
(tests/served.py): nothing on any page type in either language is refused, the embedded page
included, while script a page did not ship is."""

from __future__ import annotations

from typing import Any

from tests.page_types import ROUTINE
from tests.served import RealSite
from tests.site_tour import tour


def test_no_page_type_breaks_the_policy(browser: Any, nginx_real: RealSite) -> None:
    stops = tour(browser, nginx_real.base, nginx_real.site)
    assert {stop.visit.kind for stop in stops} >= {"embedded page", "404", "search results"}
    refused = [f"{stop.visit.label}: {line}" for stop in stops for line in stop.refused]
    assert not refused, "refused by the Content-Security-Policy:\n" + "\n".join(refused)


def test_script_the_site_did_not_ship_is_refused(page: Any, nginx_real: RealSite) -> None:
    page.goto(f"{nginx_real.base}{ROUTINE}")
    assert "script-src 'self' 'sha256-" in (page.evaluate(
        "fetch(location.href).then(r => r.headers.get('content-security-policy'))") or "")
    # an inline handler, as injected markup would carry it
    page.evaluate("""document.querySelector('article').insertAdjacentHTML('beforeend',
        '<img id=probe src=/nothing-here.png onerror="window.__kbRan = 1">')""")
    # an inline script, as a compromised page or extension might add it
    page.evaluate("""() => { const s = document.createElement('script');
        s.textContent = 'window.__kbRan = 2'; document.body.append(s); }""")
    page.wait_for_function("() => window.__kbCsp.length >= 2")
    assert page.evaluate("window.__kbRan") is None
    refused = page.evaluate("window.__kbCsp")
    assert any(line.startswith("script-src-attr inline") for line in refused), refused
    assert any(line.startswith("script-src-elem inline") for line in refused), refused


def test_the_roots_index_page_takes_the_reader_to_the_version_in_force(
        page: Any, nginx_real: RealSite) -> None:
    """`/index.html` (mike's redirect page, asked for by name) under the policy: its inline
    script is refused, and the refresh still takes the reader to gallande/."""
    root = nginx_real.base.removesuffix("/gallande")
    page.goto(f"{root}/index.html")
    page.wait_for_url("**/gallande/", timeout=10_000)
    assert page.url.endswith("/gallande/")
    assert page.locator("article h1").count() == 1
