"""Browser tests: Debian's Chromium, driven by Playwright, against the built site on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest


@pytest.mark.parametrize(("start", "query", "expected"), [
    ("/", "orosanmälan", "/rutiner/social-och-omsorgskontoret/orosanmalan-barn/"),
    ("/en/", "report of concern", "/en/rutiner/social-och-omsorgskontoret/orosanmalan-barn/"),
])
def test_search_finds_the_routine(page: Any, base_url: str, search: Callable[[str], list[str]],
                                  start: str, query: str, expected: str) -> None:
    page.goto(base_url + start)
    assert any(expected in href for href in search(query)[:3])


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


@pytest.mark.parametrize(("start", "card", "heading"), [
    ("/", "en elev är rädd för att gå hem", "En elev är rädd"),
    ("/", "en kollega berättar", "När en kollega berättar"),
    ("/en/", "I suspect honour-related control", "When you suspect"),
    ("/en/", "an employee is being subjected to violence", "An employee"),
])
def test_a_situation_on_the_start_page_opens_its_routine(page: Any, base_url: str, start: str,
                                                         card: str, heading: str) -> None:
    page.goto(base_url + start)  # click 1: the start page; click 2: the situation
    page.locator(".kb-situations a", has_text=card).click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text().startswith(heading)
    assert page.locator("#steps ~ ul.task-list li").count() >= 5
