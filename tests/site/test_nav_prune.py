"""navigation.prune (mkdocs.yml) and the compacted theme HTML (macros/build/html_compact.py) make
pages much smaller and must change nothing staff see or can reach: the real site built without
prune (``unpruned_site``, tests/conftest.py) has the same pages and files, links and ids in every
page's content, and the same navigation targets over the site (macros/links/compare.py), and
every page is larger. The visible navigation in Chromium: tests/browser/test_nav_prune.py."""

from __future__ import annotations

from pathlib import Path

from macros.links.compare import compare_sites, format_differences
from tests.page_types import PAGE_TYPES

KINDS = ("start page", "plan chapter", "routine", "department", "contacts")
VISITS = [t.visit(lang) for t in PAGE_TYPES if t.kind in KINDS for lang in ("sv", "en")]


def test_pruning_keeps_every_page_link_anchor_and_navigation_target(
        real_site: Path, unpruned_site: Path) -> None:
    differences = compare_sites(unpruned_site, real_site)
    assert differences == [], format_differences(differences)


def test_pruned_pages_are_smaller(real_site: Path, unpruned_site: Path) -> None:
    assert len(VISITS) == 2 * len(KINDS)
    for visit in VISITS:
        pruned = (real_site / visit.file).stat().st_size
        assert pruned < (unpruned_site / visit.file).stat().st_size, visit.label
