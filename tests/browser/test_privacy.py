"""No request leaves the site's origin: Chromium records every request (pages, frames, the search
worker) on every page type in both languages. A scan of the built files:
tests/site/test_privacy.py."""

from __future__ import annotations

from typing import Any

from tests.served import RealSite
from tests.site_tour import tour


def test_no_request_leaves_the_origin_on_any_page_type(browser: Any,
                                                      nginx_real: RealSite) -> None:
    """Every page type in both languages, with the search opened on one of them, as nginx
    serves the published site (the version selector reads the root's versions.json)."""
    stops = tour(browser, nginx_real.base, nginx_real.site)
    urls = [url for stop in stops for url in stop.requests]
    assert any("/pagefind/" in url for url in urls), "the search index was not recorded"
    assert any("search-worker.js" in url for url in urls), "the search worker was not recorded"
    allowed = (nginx_real.served.url + "/", "data:", "blob:")
    off = sorted({f"{stop.visit.label}: {url}" for stop in stops for url in stop.requests
                  if not url.startswith(allowed)})
    assert not off, "requests to other origins:\n" + "\n".join(off)
