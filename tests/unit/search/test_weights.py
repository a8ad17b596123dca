"""Each page's weight among the search's results (macros/search/weights.py)."""

from __future__ import annotations

from macros.search.bundle import IndexedPage
from macros.search.weights import weight_table


def test_a_page_weighs_what_its_front_matter_says_else_one() -> None:
    pages = [IndexedPage(id=f"sv_{n}", url=f"/{n}/", title=n, meta=meta) for n, meta in
             (("e", {"boost": "11"}), ("a", {"boost": "0.5"}), ("b", {}), ("c", {"boost": "x"}),
              ("d", {"boost": "0"}), ("f", {"boost": "2"}))]
    assert weight_table(pages) == {"sv_a": 0.5, "sv_f": 2.0}  # only those not 1, by id
    assert list(weight_table(pages)) == ["sv_a", "sv_f"]
