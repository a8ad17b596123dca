"""`make search-eval-quick` (``evaluate --direct``) posts the queries straight to the site's
search worker; it must rank exactly as the search box a reader types into (`make
search-eval`), page for page, or its figures would mislead whoever tries a change with it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from macros.bench.search.evaluate import run, run_direct
from macros.bench.search.queries import Query

pytestmark = pytest.mark.browser

ROUTINE = "rutiner/socialtjanst/orosanmalan/"
QUERIES = [
    Query("orosanmälan", "sv", "title", (ROUTINE,)),
    Query("utred inte själv", "sv", "sentence", (ROUTINE,)),
    Query("kvinnofridslinjen", "sv", "contact", ("kontakter/",)),
    Query("report of concern", "en", "topic", (ROUTINE,)),
    Query("duty to report a child", "en", "sentence", (ROUTINE,)),
]


def test_the_worker_ranks_as_the_search_box(small_site: Path, browser: Any) -> None:
    typed = run(small_site, QUERIES, progress=False, browser=browser)
    posted = run_direct(small_site, QUERIES, browser=browser)
    assert [o.shown for o in posted] == [o.shown for o in typed]
    assert [o.rank for o in posted] == [o.rank for o in typed]
    assert any(o.shown for o in posted)  # the site answered at all
