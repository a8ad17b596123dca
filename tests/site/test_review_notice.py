"""The review notice on every built page, `api/pages.json`, and the browser-side switch to a
warning once the reader's today is past the review-by date (Chromium with a fixed clock)."""

from __future__ import annotations

import json
import re
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from macros.build.review_notice import insert_after_title, notice_html
from macros.model.review import Review
from tests.conftest import read

NOTICE = re.compile(r'<aside class="kb-review" data-kb-review-by="(\d{4}-\d{2}-\d{2})"')
ROUTINE = "rutiner/social-och-omsorgskontoret/orosanmalan-barn/index.html"


def test_notice_html_in_both_languages() -> None:
    review = Review("x", date(1990, 1, 31), review_interval_months=1)
    sv = notice_html(review, "Rektor <skola>", "sv")
    assert 'data-kb-review-by="1990-02-28"' in sv
    assert "Granskad <time datetime=\"1990-01-31\">1990-01-31</time>" in sv
    assert "Ansvarig: Rektor &lt;skola&gt;" in sv  # escaped
    assert "hidden>Granskningen är försenad" in sv
    en = notice_html(review, "Head teacher", "en")
    assert "Next review by" in en and "The review is overdue" in en


def test_the_notice_goes_under_the_title() -> None:
    assert insert_after_title("<h1>T</h1><p>x</p>", "<aside/>") == "<h1>T</h1><aside/><p>x</p>"
    assert insert_after_title("<p>x</p>", "<aside/>") == "<aside/><p>x</p>"


def _pages(site: Path) -> list[Path]:
    return [p for p in site.rglob("*.html") if p.name != "404.html"]


def test_every_page_has_one_notice(real_site: Path) -> None:
    pages = _pages(real_site)
    assert len(pages) > 100
    missing = [p.relative_to(real_site).as_posix() for p in pages
               if len(NOTICE.findall(p.read_text(encoding="utf-8"))) != 1]
    assert missing == []
    english = read(real_site, "en/" + ROUTINE)
    assert "Next review by" in english and "Nästa granskning" not in english


def test_the_notice_is_not_searchable_boilerplate(real_site: Path) -> None:
    for index in ("search/search_index.json", "search/search_index.en.json"):
        text = read(real_site, index)
        assert "Granskad 20" not in text and "Reviewed 20" not in text


def test_pages_json_lists_every_page_with_owner_and_review_by(real_site: Path) -> None:
    data = json.loads(read(real_site, "api/pages.json"))
    pages = data["pages"]
    assert len(pages) == len(_pages(real_site))
    by_path = {(p["lang"], p["path"]): p for p in pages}
    routine = by_path[("sv", "rutiner/social-och-omsorgskontoret/orosanmalan-barn/")]
    assert routine["owner"] == "enhetschef-barn-och-unga"
    assert routine["source"] == "routines/social-och-omsorgskontoret/orosanmalan-barn.yml"
    assert routine["url"].startswith("https://") and routine["url"].endswith(routine["path"])
    html = read(real_site, ROUTINE)
    assert NOTICE.search(html).group(1) == routine["review_by"]  # type: ignore[union-attr]
    english = by_path[("en", "en/handlingsplan/mal/")]
    assert english["source"] == "docs/handlingsplan/mal.en.md"
    assert english["owner_title"].startswith("Coordinator")
    assert {p["lang"] for p in pages} == {"sv", "en"}
    root = Path(__file__).resolve().parent.parent
    assert all((root / p["source"]).exists() for p in pages)


@pytest.mark.browser
@pytest.mark.parametrize("prefix", ["", "en/"])
def test_the_browser_switches_to_a_warning_after_the_review_by_date(
        browser: Any, base_url: str, real_site: Path, prefix: str) -> None:
    found = NOTICE.search(read(real_site, prefix + ROUTINE))
    assert found is not None
    review_by = date.fromisoformat(found.group(1))
    errors: list[str] = []
    for today, overdue in ((review_by, False), (review_by + timedelta(days=1), True)):
        context = browser.new_context()
        page = context.new_page()
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.clock.set_fixed_time(f"{today.isoformat()}T12:00:00")
        page.goto(f"{base_url}/{prefix}{ROUTINE.removesuffix('index.html')}")
        notice = page.locator("aside.kb-review")
        warning = notice.locator(".kb-review__overdue")
        assert notice.is_visible()
        assert warning.is_visible() is overdue, f"{today}: overdue should be {overdue}"
        assert ("kb-review--overdue" in (notice.get_attribute("class") or "")) is overdue
        if overdue:
            assert ("försenad" if not prefix else "overdue") in warning.inner_text()
        assert errors == []
        context.close()
