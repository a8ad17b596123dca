"""The browser-side switch of the review notice to a warning once the reader's today is past the
review-by date (Chromium with a fixed clock)."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import read

NOTICE = re.compile(r'<aside class="kb-review" data-kb-review-by="(\d{4}-\d{2}-\d{2})"')
ROUTINE = "rutiner/social-och-omsorgskontoret/orosanmalan-barn/index.html"


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
