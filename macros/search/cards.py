"""What a search result shows for each page of a language's index — its address, title,
department and one-line summary — as one table in the language's search file, so the site's
search draws its first results as soon as they are ranked, without waiting for the pages'
fragments (a round trip each; the fragments still bring each result's matching sections
right after)."""

from __future__ import annotations

from collections.abc import Iterable

from macros.search.bundle import IndexedPage


def card_table(pages: Iterable[IndexedPage]) -> dict[str, list[str | float]]:
    """Page id → [address from the site's root, title, department, summary, weight among the
    results (``search: boost``, 1 unless the page says otherwise)]."""
    return {page.id: [page.url, page.title, page.meta.get("department", ""),
                      page.meta.get("summary", ""), boost_of(page.meta.get("boost"))]
            for page in sorted(pages, key=lambda page: page.id)}


def boost_of(value: object) -> float:
    """A page's ``search: boost`` as a weight: a number over 0 up to 10 (what the page's front
    matter may say: macros/model/rules.py), else 1."""
    try:
        boost = float(str(value))
    except ValueError:
        return 1.0
    return boost if 0 < boost <= 10 else 1.0
