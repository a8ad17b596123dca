"""The words on almost every page of a large index, which the site's search does not rank by
(as it does not rank by stop words) unless the query has no other words: at a thousand
routines such a word costs Pagefind a score for every page (100–250 ms in the reader's
browser) and tells no page from another. A small index keeps them: searching them is cheap
there, and a word on most of 76 pages may still tell a few apart."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from macros.search.bundle import IndexedPage
from macros.search.fold import fold

SHARE = 0.9       # of the language's pages
LARGE = 300       # pages in the language's index from which the rule applies


def common_words(pages: Iterable[IndexedPage], share: float = SHARE,
                 large: int = LARGE) -> list[str]:
    """Folded words on at least ``share`` of the pages, when there are ``large`` or more."""
    pages = list(pages)
    if len(pages) < large:
        return []
    found: Counter[str] = Counter()
    for page in pages:
        found.update(set(fold(f"{page.title} {page.content}").split()))
    return sorted(word for word, count in found.items() if count >= share * len(pages))
