"""What a search result shows for each page of a language's index — its address, title,
department and one-line summary — as one table in the language's search file, so the site's
search draws its first results as soon as they are ranked, without waiting for the pages'
fragments (a round trip each; the fragments bring each result's matching sections right
after, and kb.js keeps the keyboard's place when the list is drawn again)."""

from __future__ import annotations

from collections.abc import Iterable

from macros.search.bundle import IndexedPage


def card_table(pages: Iterable[IndexedPage]) -> dict[str, list[str]]:
    """Page id → [address from the site's root, title, department, summary], as written: the
    worker escapes them when it draws."""
    return {page.id: [page.url, page.title, page.meta.get("department", ""),
                      page.meta.get("summary", "")]
            for page in sorted(pages, key=lambda page: page.id)}
