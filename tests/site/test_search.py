"""The built site's search indexes: each language's own pages once, without boilerplate, and
pages that do not show the marks the index was built with."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import read


def _docs(site: Path, name: str) -> list[dict]:
    return json.loads(read(site, f"search/{name}"))["docs"]


def test_a_page_only_in_swedish_is_indexed_once(small_site: Path) -> None:
    """English pages that fell back to Swedish (same title and text) are left to the Swedish
    index, as mkdocs-static-i18n's reconfigure_search did (macros/search/dedup.py)."""
    sv = {d["location"] for d in _docs(small_site, "search_index.json")}
    en = {d["location"] for d in _docs(small_site, "search_index.en.json")}
    assert "bara-svenska/" in sv
    assert not any(location.startswith("en/bara-svenska/") for location in en)


def test_boilerplate_is_not_indexed(small_site: Path) -> None:
    for name in ("search_index.json", "search_index.en.json"):
        docs = _docs(small_site, name)
        pages = {d["location"]: d for d in docs if "#" not in d["location"]}
        for doc in docs:
            assert not doc["location"].endswith(("#contacts", "#related")), doc["location"]
            page = pages.get(doc["location"].split("#")[0], {})
            assert "#" not in doc["location"] or "tags" not in doc or \
                doc["tags"] != page.get("tags"), doc["location"]  # search words: once a page
        assert "\\u" not in read(small_site, f"search/{name}")  # UTF-8, not escapes


def test_pages_keep_no_search_marks(small_site: Path) -> None:
    pages = list(small_site.rglob("*.html"))
    assert len(pages) > 10
    for page in pages:
        assert "data-search-exclude" not in page.read_text(encoding="utf-8"), page
