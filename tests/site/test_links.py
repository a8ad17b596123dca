"""The offline link check (`kb links`, macros/links/internal.py) on the real site: no broken link,
pages carry links and anchors, and a broken link names the file to edit. The check itself on
small hand-written sites: tests/unit/links/test_internal.py."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from macros.links.internal import check_site, load_site


def test_real_site_has_no_broken_links(real_site: Path) -> None:
    site = load_site(real_site)
    assert len(site.pages) > 100
    assert site.base.host is not None, "pages carry <link rel=canonical> (site_url)"
    assert check_site(real_site) == []


@pytest.mark.parametrize("page", ["index.html", "en/index.html", "404.html"])
def test_real_site_pages_have_links_and_anchors(real_site: Path, page: str) -> None:
    """Guards the regexes against a theme that writes attributes another way."""
    parsed = load_site(real_site).pages[page]
    assert len(parsed.links) > 20 and parsed.anchors


def test_a_broken_link_names_the_file_to_edit(real_site: Path, tmp_path: Path) -> None:
    """The built site's api/pages.json maps each page to its source: the report names it."""
    site = tmp_path / "site"
    shutil.copytree(real_site, site)
    page = site / "handlingsplan/mal/index.html"
    html = page.read_text(encoding="utf-8")
    page.write_text(html.replace("</article>", '<a href="../finns-inte/">x</a></article>', 1),
                    encoding="utf-8")
    broken = check_site(site)
    assert [(b.page, b.source) for b in broken] == [("handlingsplan/mal/",
                                                     "docs/handlingsplan/mal.md")]
    assert broken[0].format().startswith("handlingsplan/mal/ (docs/handlingsplan/mal.md): ")
