"""The titles of each language's pages as the search's first rule reads them: a query that is
a page's title — or its title less small words, or the part of it before a dash or colon
("Förskolan – oro för ett barn …" → "förskolan") — puts that page first. Keys are folded
(:mod:`macros.search.fold`), so case, accents and punctuation do not matter."""

from __future__ import annotations

import re
from collections.abc import Iterable

from macros.search.bundle import IndexedPage
from macros.search.fold import fold
from macros.search.stopwords import without_stop_words

_HEAD = re.compile(r"\s[–—-]\s|:\s")


def title_keys(title: str, lang: str) -> list[str]:
    keys = [fold(title)]
    head = _HEAD.split(title, maxsplit=1)[0]
    if head != title:
        keys.append(fold(head))
    keys += [without_stop_words(key, lang) for key in list(keys)]
    return list(dict.fromkeys(k for k in keys if k))


def title_table(pages: Iterable[IndexedPage], lang: str) -> dict[str, list[str]]:
    """Folded key → the ids of the pages it names (usually one)."""
    table: dict[str, list[str]] = {}
    for page in pages:
        for key in title_keys(page.title, lang):
            table.setdefault(key, []).append(page.id)
    return dict(sorted(table.items()))
