"""Each page's weight among the search's results (``search: boost`` in its front matter: the
pages for the coordinator and IT have 0.5, so a routine that matches as well comes first), as a
table in the language's search file: page id → weight, for the pages whose weight is not 1."""

from __future__ import annotations

from collections.abc import Iterable

from macros.search.bundle import IndexedPage


def weight_table(pages: Iterable[IndexedPage]) -> dict[str, float]:
    """Page id → its weight, for the pages that weigh other than 1."""
    weights = {page.id: boost_of(page.meta.get("boost")) for page in pages}
    return {pid: weight for pid, weight in sorted(weights.items()) if weight != 1.0}


def boost_of(value: object) -> float:
    """A page's ``search: boost`` as a weight: a number over 0 up to 10 (what the page's front
    matter may say: macros/model/rules.py), else 1."""
    try:
        boost = float(str(value))
    except ValueError:
        return 1.0
    return boost if 0 < boost <= 10 else 1.0
