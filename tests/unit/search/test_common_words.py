"""Words on almost every page of a large index (macros/search/common_words.py)."""

from __future__ import annotations

from macros.search.bundle import IndexedPage
from macros.search.common_words import common_words


def _pages(count: int) -> list[IndexedPage]:
    """``count`` pages that all say "Våld", nine in ten "rutin", one "Orosanmälan"."""
    return [IndexedPage(id=f"sv_{n}", url=f"/{n}/", title="Våld",
                        content=("rutin " if n % 10 else "") + ("Orosanmälan" if n == 3 else ""))
            for n in range(count)]


def test_a_large_index_names_its_words_on_nine_pages_in_ten_folded() -> None:
    assert common_words(_pages(300)) == ["rutin", "vald"]


def test_a_small_index_keeps_every_word() -> None:
    assert common_words(_pages(299)) == []


def test_the_share_and_the_size_can_be_chosen() -> None:
    assert common_words(_pages(20), share=1.0, large=10) == ["vald"]
