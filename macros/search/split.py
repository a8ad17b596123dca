"""One search index per language.

mkdocs-static-i18n writes a single ``search/search_index.json`` with every language in it, so
a Swedish search also lists English pages. After the build this splits it: the default
language keeps ``search_index.json``; every other language gets ``search_index.<lang>.json``
with only its pages (their locations start with ``<lang>/``) and only its stemmer. A small
script in ``overrides/main.html`` makes pages in those languages load their own file.

On the way the index loses what only repeats: the other languages' copies of pages that fell
back to the default language (:mod:`macros.search.dedup`, what static-i18n's
``reconfigure_search`` did in O(n²)), the search words Material copies into every section
of a page and the empty list items left where text was excluded (:mod:`macros.search.compact`).
The files are compact JSON in UTF-8 (no ``\\u`` escapes), in the format Material's search
worker reads (``config`` and ``docs``).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from macros.search.compact import drop_empty_items, page_tags_only
from macros.search.dedup import drop_fallback_copies

INDEX = Path("search") / "search_index.json"


def index_path(site_dir: Path, lang: str, default: str) -> Path:
    if lang == default:
        return site_dir / INDEX
    return site_dir / INDEX.with_name(f"search_index.{lang}.json")


def split_index(index: dict[str, Any], languages: list[str],
                default: str) -> dict[str, dict[str, Any]]:
    """The index's documents per language, each with its own config (lang = that language),
    without fallback copies and with search words on the page entries only."""
    others = [lang for lang in languages if lang != default]
    buckets: dict[str, list[dict[str, Any]]] = {lang: [] for lang in languages}
    docs = drop_empty_items(page_tags_only(
        drop_fallback_copies(index.get("docs", []), languages)))
    for doc in docs:
        location = str(doc.get("location", ""))
        lang = next((x for x in others if location == x or location.startswith(f"{x}/")),
                    default)
        buckets[lang].append(doc)
    return {lang: {"config": {**index.get("config", {}), "lang": [lang]}, "docs": docs}
            for lang, docs in buckets.items()}


def split_site_index(site_dir: Path, languages: list[str], default: str) -> bool:
    """Split ``site_dir``'s combined index in place; False when there is nothing to split."""
    path = site_dir / INDEX
    if not path.is_file():
        return False
    index = json.loads(path.read_text(encoding="utf-8"))
    langs = index.get("config", {}).get("lang", [])
    if isinstance(langs, list) and len(langs) == 1:
        return False  # already split (or a one-language site)
    for lang, part in split_index(index, languages, default).items():
        target = index_path(site_dir, lang, default)
        target.write_text(json.dumps(part, ensure_ascii=False, separators=(",", ":")),
                          encoding="utf-8")
    return True
