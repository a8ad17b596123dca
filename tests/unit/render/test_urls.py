"""Language links kept inside the site and the version (macros/render/urls.py): root-absolute links
that mkdocs-static-i18n builds from site_url become site-relative; anything else is kept."""

from __future__ import annotations

import pytest

from macros.render.urls import site_path, site_relative


@pytest.mark.parametrize(("site_url", "expected"), [
    ("https://x/", "/"),
    ("https://x", "/"),
    ("https://x/2026", "/2026/"),
    ("https://x/2026/", "/2026/"),
    ("https://x/kb/2026/", "/kb/2026/"),
    ("", "/"),
    (None, "/"),
])
def test_site_path(site_url: str | None, expected: str) -> None:
    assert site_path(site_url) == expected


@pytest.mark.parametrize(("link", "site_url", "expected"), [
    # the start pages' language links, at the root and under mike's version folder
    ("/en/", "https://x/", "en/"),
    ("/", "https://x/", ""),
    ("/2026/en/", "https://x/2026", "en/"),
    ("/2026/en/", "https://x/2026/", "en/"),
    ("/2026/", "https://x/2026", ""),
    ("/2026", "https://x/2026/", ""),  # the version folder without its slash
    ("/2026/en/rutiner/a/", "https://x/2026/", "en/rutiner/a/"),
    ("/kb/2026/en/", "https://x/kb/2026/", "en/"),
    ("/en/", None, "en/"),
    # a root-absolute link outside the site's path is made site-relative all the same
    ("/2019/en/", "https://x/2026/", "2019/en/"),
])
def test_root_absolute_links_become_site_relative(link: str, site_url: str | None,
                                                  expected: str) -> None:
    assert site_relative(link, site_url) == expected


@pytest.mark.parametrize("link", [
    "en/", "../en/", "./", ".", "", "#top",
    "http://x/en/", "https://x/2026/en/", "mailto:a@example.org",
    "//host/x", "//x/2026/en/",  # protocol-relative: another host, or an absolute address
])
@pytest.mark.parametrize("site_url", ["https://x/", "https://x/2026", None])
def test_other_links_are_unchanged(link: str, site_url: str | None) -> None:
    assert site_relative(link, site_url) == link
