"""The units' views of the matrices in the built fixture site: linked from the matrix and back,
in both languages, out of the navigation. The renderer: tests/unit/render/test_matrices.py."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from tests.conftest import read


def test_built_views_link_back_to_the_matrix(small_site: Path) -> None:
    soup = BeautifulSoup(read(small_site, "ansvar/socialtjanst/index.html"), "html.parser")
    assert soup.h1.get_text().startswith("Vad gör Socialtjänsten?")
    back = soup.find("a", string="Hela matrisen, med alla enheter")
    assert back is not None and back["href"] == "../../#matrix-ansvar"
    english = BeautifulSoup(read(small_site, "en/ansvar/socialtjanst/index.html"), "html.parser")
    assert english.h1.get_text().startswith("What does Social Services do?")
    assert english.find("a", string="The whole matrix, with every unit") is None  # not in en
    start = BeautifulSoup(read(small_site, "index.html"), "html.parser")
    assert start.select_one("#matrix-ansvar") is not None
    picker = [a["href"] for a in start.select(".kb-unit-picker a")]
    assert picker == ["ansvar/socialtjanst/", "ansvar/skola/"]
    nav = [a["href"] for a in soup.select("nav.md-nav--primary a")]
    assert not [href for href in nav if "ansvar/" in href]  # not in the navigation
