"""What does my unit do: a view per committee, department or unit of the matrices
(macros/render/matrices.py), linked from each matrix and from the department pages; and data
text in the HTML tables (contacts, matrices) stays text. The built views:
tests/site/test_unit_views.py; on a phone: tests/browser/test_phone.py."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from macros.build.pages import generated_pages
from macros.load.loader import load
from macros.model.core import KnowledgeBase
from macros.model.text import PlainText
from macros.render.blocks import Renderer
from macros.render.matrices import unit_index, unit_page, viewed_ids
from macros.render.pages import department_page
from tests.rendered import rendered, rows


@pytest.fixture
def kb(data_copy: Callable[[], Path]) -> KnowledgeBase:
    result = load(data_copy())
    assert result.kb is not None
    return result.kb


def test_every_column_of_a_matrix_has_a_view_in_organisation_order(kb: KnowledgeBase) -> None:
    assert viewed_ids(kb) == ["socialtjanst", "barn-och-unga", "skola"]


def test_a_unit_sees_its_tasks_with_their_letters_and_meaning(kb: KnowledgeBase) -> None:
    src = "ansvar/barn-och-unga.md"
    soup = rendered(unit_page(Renderer(kb, "sv", src), "barn-och-unga",
                              {"flode": "handlingsplan/samverkan.md"}))
    assert soup.h1.get_text() == "Vad gör Barn och unga?"
    items = [li.get_text(" ", strip=True) for li in soup.select("#flode ~ ul li")]
    assert items == ["U – Utför: Upptäcka", "A – Ansvarar: Anmäla"]
    assert soup.select_one("#flode ~ ul a")["href"] == "../rutiner/socialtjanst/orosanmalan.md"
    text = soup.get_text(" ", strip=True)
    assert "Förklaring: A – Ansvarar, U – Utför" in text
    links = {a.get_text(): a["href"] for a in soup.find_all("a")}
    assert links["Hela matrisen, med alla enheter"] == \
        "../handlingsplan/samverkan.md#matrix-flode"
    assert links["Socialtjänsten"] == "../rutiner/socialtjanst/index.md"  # its department
    assert soup.find("table") is None  # a list: it fits a phone


def test_a_cell_with_its_own_routine_links_there(kb: KnowledgeBase) -> None:
    soup = rendered(unit_page(Renderer(kb, "en", "ansvar/skola.md"), "skola", {}))
    flow = {li.get_text(" ", strip=True): li.a["href"] for li in soup.select("#flode ~ ul li")}
    assert flow == {"U – Carries out: Detect": "../rutiner/socialtjanst/orosanmalan.md"}
    assert soup.select_one("#ansvar ~ ul li").get_text(" ", strip=True) == \
        "S – Cooperates: Report of concern"
    assert "The whole matrix" not in soup.get_text()  # no page shows it: no link


def test_the_index_lists_every_view_by_department(kb: KnowledgeBase) -> None:
    soup = rendered(unit_index(Renderer(kb, "en", "ansvar/index.md")))
    links = [(a.get_text(), a["href"]) for a in soup.select("#departments ~ ul a")]
    assert links == [("Social Services", "socialtjanst.md"),
                     ("Children and young people", "barn-och-unga.md"), ("Schools", "skola.md")]


def test_department_page_links_the_views_of_it_and_its_units(kb: KnowledgeBase) -> None:
    src = "rutiner/socialtjanst/index.md"
    soup = rendered(department_page(Renderer(kb, "sv", src), "socialtjanst"))
    links = [(a.get_text(), a["href"]) for a in soup.select("#tasks ~ ul")[0].find_all("a")]
    assert links == [("Socialtjänsten", "../../ansvar/socialtjanst.md"),
                     ("Barn och unga", "../../ansvar/barn-och-unga.md")]


def test_views_are_generated_in_both_languages_out_of_search(kb: KnowledgeBase) -> None:
    pages = {p.src_uri: p for p in generated_pages(kb)}
    for src in ("ansvar/index.md", "ansvar/index.en.md", "ansvar/skola.md",
                "ansvar/barn-och-unga.en.md"):
        assert "search:\n  exclude: true" in pages[src].front_matter, src
    assert pages["ansvar/skola.md"].source == "routines/matrices/"  # in both matrices
    assert pages["ansvar/socialtjanst.md"].source == "routines/matrices/ansvar.yml"


# --- data text stays text -------------------------------------------------------------------

HOSTILE = ['</td></tr></table><script>alert(1)</script>', '" onmouseover="alert(1)',
           "{: onclick=alert(1) }", "<!-- ", 'markdown="1" <div markdown="1">', "`|`*_[x](y)"]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_contact_text_stays_text(kb: KnowledgeBase, text: str) -> None:
    evil = PlainText.model_construct(sv=text, en=text)  # past the model's own check
    contact = kb.contacts["mottagning"].model_copy(
        update={"name": evil, "hours": evil, "audience": evil})
    hostile = kb.model_copy(update={"contacts": {**kb.contacts, "mottagning": contact}})
    soup = rendered(Renderer(hostile, "sv").contact_table(["mottagning", "kvinnofridslinjen"]))
    assert soup.find("script") is None and soup.find(attrs={"onmouseover": True}) is None
    assert soup.find(attrs={"onclick": True}) is None
    table = rows(soup)
    assert len(table) == 3 and all(len(row) == 6 for row in table)
    assert table[1][0].startswith(text.strip()) and table[1][1] == text.strip()


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_matrix_text_stays_text(kb: KnowledgeBase, text: str) -> None:
    evil = PlainText.model_construct(sv=text, en=text)  # past the model's own check
    matrix = kb.matrices["ansvar"]
    row = matrix.rows[0].model_copy(update={"task": evil, "routine": None})
    changed = matrix.model_copy(update={"rows": [row], "title": evil})
    hostile = kb.model_copy(update={"matrices": {**kb.matrices, "ansvar": changed}})
    for block in (Renderer(hostile, "sv").responsibility_matrix("ansvar"),
                  unit_page(Renderer(hostile, "sv", "ansvar/skola.md"), "skola", {})):
        soup = rendered(block)
        assert soup.find("script") is None and soup.find(attrs={"onmouseover": True}) is None
        assert soup.find(attrs={"onclick": True}) is None
        assert text.strip() in soup.get_text()
