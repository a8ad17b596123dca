"""The review notice on every built page and `api/pages.json` in the real site. The notice's HTML:
tests/unit/build/test_review_notice.py; its switch to a warning in Chromium:
tests/browser/test_review_notice.py."""

from __future__ import annotations

import json
import re
from pathlib import Path

from macros.search import bundle
from tests.conftest import ROOT, read

NOTICE = re.compile(r'<aside class="kb-review" data-kb-review-by="(\d{4}-\d{2}-\d{2})"')
ROUTINE = "rutiner/social-och-omsorgskontoret/orosanmalan-barn/index.html"


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
    for lang in ("sv", "en"):
        pages = bundle.pages(real_site, lang)
        assert len(pages) > 50
        for page in pages:
            assert "Granskad 20" not in page.content and "Reviewed 20" not in page.content


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
    assert all((ROOT / p["source"]).exists() for p in pages)
