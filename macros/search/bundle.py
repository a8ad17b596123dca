"""Read a built Pagefind bundle (``pagefind/`` in the site): its languages and, per language,
the pages it holds (each page's fragment: its address, title, metadata and text). For the
build's own tables (:mod:`macros.search.titles`), the tests and the parity report; the browser
reads the same files through Pagefind's own script."""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

BUNDLE = "pagefind"
_SIGNATURE = b"pagefind_dcd"


@dataclass(frozen=True)
class IndexedPage:
    id: str  # the fragment's name: what Pagefind's results call the page
    url: str  # from the site's root, e.g. /en/kontakter/
    title: str
    meta: dict[str, str] = field(default_factory=dict)
    content: str = ""
    word_count: int = 0


class BundleError(ValueError):
    pass


def _decompress(data: bytes, name: str) -> bytes:
    if not data.startswith(_SIGNATURE):
        data = gzip.decompress(data)
    if not data.startswith(_SIGNATURE):
        raise BundleError(f"{name}: not a Pagefind file (no signature)")
    return data[len(_SIGNATURE):]


def entry(site_dir: Path) -> dict[str, Any]:
    """pagefind-entry.json: the version and, per language, its index and page count."""
    path = site_dir / BUNDLE / "pagefind-entry.json"
    if not path.is_file():
        raise BundleError(f"{path}: missing — the site has no search index")
    return json.loads(path.read_text(encoding="utf-8"))


def languages(site_dir: Path) -> dict[str, int]:
    """Language → number of pages in its index."""
    return {lang: int(info.get("page_count", 0))
            for lang, info in entry(site_dir).get("languages", {}).items()}


def pages(site_dir: Path, lang: str) -> list[IndexedPage]:
    """Every page of ``lang``'s index, by address."""
    found = []
    for path in sorted((site_dir / BUNDLE / "fragment").glob(f"{lang}_*.pf_fragment")):
        data = json.loads(_decompress(path.read_bytes(), path.name))
        meta = {str(k): str(v) for k, v in (data.get("meta") or {}).items()}
        found.append(IndexedPage(id=path.name.removesuffix(".pf_fragment"), url=data["url"],
                                 title=meta.get("title", ""), meta=meta,
                                 content=data.get("content", ""),
                                 word_count=int(data.get("word_count", 0))))
    return sorted(found, key=lambda page: page.url)
