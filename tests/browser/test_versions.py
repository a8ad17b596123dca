"""Published versions in Chromium: the version selector lists both versions, the root goes to
the version in force, an old version shows the outdated banner, and the language switch stays
in the version — on the fixture site published twice (tests/publishing.py), served on
127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from macros.links.local_server import serve
from tests.publishing import Published


@pytest.fixture(scope="module")
def served(published: Published) -> Iterator[str]:
    with serve(published.export) as url:
        yield url.rstrip("/")


def _versions(page: Any) -> list[str]:
    page.locator(".md-version__link").first.wait_for(state="attached", timeout=10_000)
    return page.evaluate("() => Array.from(document.querySelectorAll('.md-version__link'), "
                         "a => a.childNodes[0].textContent.trim())")


@pytest.mark.parametrize("path", ["gallande/", "gallande/en/", "2019/rutiner/",
                                  "2019/en/rutiner/"])
def test_version_selector_lists_both_versions(page: Any, served: str, path: str) -> None:
    page.goto(f"{served}/{path}")
    assert _versions(page) == ["2026", "2019"]


def test_root_goes_to_the_version_in_force(page: Any, served: str) -> None:
    page.goto(f"{served}/")
    page.wait_for_url(f"{served}/gallande/")
    banner = page.locator("[data-md-component=outdated]")
    _versions(page)
    assert banner.is_hidden()


@pytest.mark.parametrize(("path", "text", "target"), [
    ("2019/rutiner/", "Du läser version 2019", "/gallande/"),
    ("2019/en/rutiner/", "You are reading version 2019", "/gallande/en/"),
])
def test_old_version_shows_the_outdated_banner(page: Any, served: str, path: str, text: str,
                                               target: str) -> None:
    page.goto(f"{served}/{path}")
    banner = page.locator("[data-md-component=outdated]")
    banner.wait_for(state="visible", timeout=10_000)
    assert text in banner.inner_text()
    banner.locator("a.kb-outdated__link").click()
    page.wait_for_url(f"{served}{target}")


@pytest.mark.parametrize(("start", "language", "expected"), [
    ("2019/rutiner/", "English", "2019/en/rutiner/"),
    ("2019/en/rutiner/", "Svenska", "2019/rutiner/"),
    ("2019/", "English", "2019/en/"),
    ("2019/en/", "Svenska", "2019/"),
])
def test_language_switch_keeps_the_version(page: Any, served: str, start: str, language: str,
                                           expected: str) -> None:
    page.goto(f"{served}/{start}")
    page.locator(".md-header__option .md-select button[aria-label]").last.hover()
    page.get_by_role("link", name=language, exact=True).click()
    page.wait_for_url(f"{served}/{expected}")
