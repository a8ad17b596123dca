"""What a built site's search offers, whatever the engine: per language, the locations its
index can return and their texts. Used by the parity of two builds (macros/links/parity.py),
so it compares what readers get (an index per language, results that lead to a page), not
how an engine stores it.

Engines read:

- ``lunr``: MkDocs' search plugin (Material), ``search/search_index.json`` and, after our
  split (macros/search/split.py), ``search/search_index.<lang>.json``; locations relative to
  the site's root;
- ``pagefind``: a Pagefind bundle, ``pagefind/pagefind-entry.json`` with its languages and
  ``pagefind/fragment/<lang>_*.pf_fragment`` (gzip, ``pagefind_dcd`` + JSON with the page's
  ``url`` from the site's root and its ``content``); it comes first, since the Pagefind
  build leaves MkDocs' index files in place, empty;
- ``zensical``: Zensical's ``search.json`` at each language's root (``en/search.json``),
  locations relative to that root.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from macros.model.text import DEFAULT_LANGUAGE

PAGEFIND_MAGIC = b"pagefind_dcd"


@dataclass(frozen=True)
class SearchIndex:
    engine: str
    locations: frozenset[str]  # site-root addresses, e.g. /en/rutiner/x/#steps
    texts: tuple[str, ...]  # the indexed text of each entry

    @property
    def pages(self) -> frozenset[str]:
        return frozenset(location.split("#")[0] for location in self.locations)


def _prefix(lang: str) -> str:
    return "/" if lang == DEFAULT_LANGUAGE else f"/{lang}/"


def _read_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def _lunr(site: Path, lang: str) -> SearchIndex | None:
    name = "search_index.json" if lang == DEFAULT_LANGUAGE else f"search_index.{lang}.json"
    path = site / "search" / name
    if not path.is_file():
        return None
    docs = _read_json(path).get("docs") or []
    return SearchIndex("lunr", frozenset("/" + str(d.get("location", "")) for d in docs),
                       tuple(str(d.get("text", "")) for d in docs))


def _pagefind(site: Path, lang: str) -> SearchIndex | None:
    entry = site / "pagefind" / "pagefind-entry.json"
    if not entry.is_file() or lang not in (_read_json(entry).get("languages") or {}):
        return None
    locations, texts = set(), []
    for path in sorted((site / "pagefind" / "fragment").glob(f"{lang}_*.pf_fragment")):
        data = gzip.decompress(path.read_bytes())
        fragment = json.loads(data.removeprefix(PAGEFIND_MAGIC))
        locations.add(str(fragment.get("url", "")))
        texts.append(str(fragment.get("content", "")))
    return SearchIndex("pagefind", frozenset(locations), tuple(texts))


def _zensical(site: Path, lang: str) -> SearchIndex | None:
    root = _prefix(lang)
    path = site / root.lstrip("/") / "search.json"
    if not path.is_file():
        return None
    items = _read_json(path).get("items") or []
    return SearchIndex("zensical",
                       frozenset(root + str(item.get("location", "")) for item in items),
                       tuple(str(item.get("text", "")) for item in items))


READERS: tuple[Callable[[Path, str], SearchIndex | None], ...] = (_pagefind, _lunr, _zensical)


def search_index(site: Path, lang: str) -> SearchIndex | None:
    """The language's search index in the site, from the first engine that has one."""
    for reader in READERS:
        found = reader(site, lang)
        if found is not None:
            return found
    return None


def index_files(site: Path) -> set[str]:
    """The site-relative files that make up the search indexes (left out of the file
    comparison: the search findings speak for them)."""
    found = {path.relative_to(site).as_posix() for folder in ("search", "pagefind")
             if (site / folder).is_dir() for path in (site / folder).rglob("*")
             if path.is_file()}
    found.update(path.relative_to(site).as_posix() for path in site.glob("search.json"))
    found.update(path.relative_to(site).as_posix() for path in site.glob("*/search.json"))
    return found
