"""Renderers: checklists, contact tables and matrices from the fixture data, in both languages."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from macros.load.loader import load
from macros.model.core import KnowledgeBase
from macros.render.blocks import Renderer, UnknownReference
from macros.render.pages import department_page, routine_index, routine_page
from tests.rendered import rendered, rows


@pytest.fixture
def kb(data_copy: Callable[[], Path]) -> KnowledgeBase:
    result = load(data_copy())
    assert result.kb is not None
    return result.kb


def test_checklist_in_swedish_and_english(kb: KnowledgeBase) -> None:
    sv = Renderer(kb, "sv").checklist("orosanmalan")
    en = Renderer(kb, "en").checklist("orosanmalan")
    assert sv.splitlines()[0] == "- [ ] Anmäl **direkt** till socialtjänsten."
    assert en.splitlines()[0] == "- [ ] Report **at once** to social services."
    assert "**Tillägg för Skolan**" in sv
    assert "**Additional steps for Schools**" in en


def test_english_fallback_is_marked_and_noted(kb: KnowledgeBase) -> None:
    renderer = Renderer(kb, "en")
    out = renderer.checklist("orosanmalan")
    assert '<span lang="sv">Utred inte själv; 5 &lt; 6 &amp; *x*</span>' in out
    assert '!!! note "Not yet translated"' in out
    assert renderer.fell_back


def test_swedish_never_shows_the_fallback_note(kb: KnowledgeBase) -> None:
    renderer = Renderer(kb, "sv")
    assert "!!! note" not in renderer.checklist("orosanmalan")
    assert not renderer.fell_back


def test_checklist_without_additions(kb: KnowledgeBase) -> None:
    assert "Tillägg" not in Renderer(kb, "sv").checklist("orosanmalan", additions=False)


@pytest.mark.parametrize(("kwargs", "names"), [
    ({"ids": ["mottagning"]}, ["Mottagningen barn och unga"]),
    ({"scope": "national"}, ["Kvinnofridslinjen"]),
    ({"department": "socialtjanst"}, ["Mottagningen barn och unga"]),
    ({}, ["Kvinnofridslinjen", "Mottagningen barn och unga"]),
])
def test_contact_table_selection(kb: KnowledgeBase, kwargs: dict, names: list[str]) -> None:
    soup = rendered(Renderer(kb, "sv").contact_table(**kwargs))
    assert [th.get_text(" ", strip=True).removesuffix(" (exempel)")
            for th in soup.select("tbody th[scope=row]")] == names


def test_contact_table_cells(kb: KnowledgeBase) -> None:
    soup = rendered(Renderer(kb, "en").contact_table(["mottagning", "kvinnofridslinjen"]))
    assert rows(soup)[0] == ["Contact", "For whom", "Phone", "E-mail / web", "Opening hours",
                             "Verified"]
    phone = soup.select_one('a[href="tel:0800000000"]')
    assert phone is not None and phone.get_text() == "Call 08-000 000 00"
    assert phone.select_one(".kb-contact__verb").get_text() == "Call "  # shown on a card only
    assert soup.select_one("th[scope=row] em").get_text() == "(example)"
    assert "Not verified" in rows(soup)[1]
    assert rows(soup)[2][-1] == "2090-01-01"


def test_contact_cards_say_what_each_part_is(kb: KnowledgeBase) -> None:
    """Every cell carries the label a card shows above it (assets/kb/kb.css)."""
    soup = rendered(Renderer(kb, "sv").contact_table(["mottagning"]))
    heads = [th.get_text() for th in soup.select("thead th")]
    cells = soup.select("tbody td")
    assert [td["data-label"] for td in cells] == heads[1:]
    assert soup.select_one(".kb-contacts > table") is not None  # not in a scroll region


def test_unknown_ids_raise_a_clear_error(kb: KnowledgeBase) -> None:
    renderer = Renderer(kb, "sv")
    with pytest.raises(UnknownReference, match="unknown routine `nope`"):
        renderer.checklist("nope")
    with pytest.raises(UnknownReference, match="unknown contact"):
        renderer.contact_table(["nope"])
    with pytest.raises(UnknownReference, match="unknown matrix"):
        renderer.responsibility_matrix("nope")
    with pytest.raises(UnknownReference, match="national, regional or internal"):
        renderer.contact_table(scope="lokal")


def test_matrix_links_cells_to_the_routine(kb: KnowledgeBase) -> None:
    out = Renderer(kb, "sv", page_src="ansvar.md").responsibility_matrix("ansvar")
    soup = rendered(out)
    assert rows(soup)[0] == ["Uppgift", "Socialtjänsten", "Skolan"]
    task = soup.select_one("tbody th[scope=row] a")
    assert task is not None and task["href"] == "rutiner/socialtjanst/orosanmalan.md"
    assert task.get_text() == "Orosanmälan"
    letters = {a.get_text(): a["href"] for a in soup.select("tbody td a")}
    assert letters["A"] == "rutiner/socialtjanst/orosanmalan.md"
    assert "- **S** – Samverkar" in out


def test_matrix_scrolls_in_a_region_named_by_its_title(kb: KnowledgeBase) -> None:
    soup = rendered(Renderer(kb, "sv", page_src="ansvar.md").responsibility_matrix("ansvar"))
    region = soup.select_one("div.kb-scroll.kb-matrix[role=region]")
    assert region is not None and region["tabindex"] == "0"
    title = soup.find(id=region["aria-labelledby"])
    assert title is not None and title.get_text() == "Ansvar"
    assert region.find("table")["aria-labelledby"] == region["aria-labelledby"]
    assert len(soup.select("div.kb-scroll")) == 1  # table_scroll leaves it alone


def test_matrix_links_each_column_to_its_view(kb: KnowledgeBase) -> None:
    soup = rendered(Renderer(kb, "sv", page_src="handlingsplan/ansvar.md")
                    .responsibility_matrix("ansvar"))
    picker = [(a.get_text(), a["href"]) for a in soup.select(".kb-unit-picker a")]
    assert picker == [("Socialtjänsten", "../ansvar/socialtjanst.md"),
                      ("Skolan", "../ansvar/skola.md")]


def test_routine_page_sections(kb: KnowledgeBase) -> None:
    page = routine_page(Renderer(kb, "sv", "rutiner/socialtjanst/orosanmalan.md"), "orosanmalan")
    unindexed = 'data-search-exclude="true"'  # macros/search/marks.py
    for heading in ("## Gör så här { #steps }", f"## Kontakter {{ #contacts {unindexed} }}",
                    "## Lagstöd och föreskrifter { #legal-basis }",
                    f"## Relaterade rutiner {{ #related {unindexed} }}",
                    "## Om rutinen { #about }"):
        assert heading in page
    assert "[Delvis översatt rutin](delvis-oversatt.md)" in page
    assert f"- <span {unindexed}>**Nästa granskning senast:** 2027-01-10</span>" in page
    assert '<div class="admonition warning" data-search-exclude="true">\n' \
           '<p class="admonition-title">Exempeldata</p>' in page
    assert "**Ämnen:** [Orosanmälan](../amnen.md#orosanmalan)" in page


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_routine_page_golden(kb: KnowledgeBase, lang: str,
                             golden: Callable[[str, str], None]) -> None:
    src = "rutiner/socialtjanst/orosanmalan.md"
    golden(f"routine_page.{lang}.md", routine_page(Renderer(kb, lang, src), "orosanmalan"))


def test_department_page_lists_own_and_shared_routines(kb: KnowledgeBase) -> None:
    page = department_page(Renderer(kb, "en", "rutiner/skola/index.en.md"), "skola")
    assert '## Routines for the whole municipality { #shared data-search-exclude="true" }' in page
    assert "[Report of concern about a child](../socialtjanst/orosanmalan.md)" in page
    assert "*(with additional steps for this department)*" in page
    assert "No routines of its own yet." in page


def test_routine_index_lists_every_department(kb: KnowledgeBase) -> None:
    page = routine_index(Renderer(kb, "sv", "rutiner/index.md"))
    unindexed = 'data-search-exclude="true"'  # each routine has its own page
    assert f"## [Socialtjänsten](socialtjanst/index.md) {{ #socialtjanst {unindexed} }}" in page
    assert f"## [Skolan](skola/index.md) {{ #skola {unindexed} }}" in page


def _with_unverified_citation(kb: KnowledgeBase) -> KnowledgeBase:
    routine = kb.routines["orosanmalan"]
    ref = routine.legal_basis[0].model_copy(update={"section_unverified": True})
    changed = routine.model_copy(update={"legal_basis": [ref]})
    return kb.model_copy(update={"routines": {**kb.routines, "orosanmalan": changed}})


@pytest.mark.parametrize(("lang", "mark"), [("sv", "*(paragrafen ej kontrollerad)*"),
                                            ("en", "*(section not verified)*")])
def test_an_unverified_section_is_a_short_mark_on_the_citation(kb: KnowledgeBase, lang: str,
                                                               mark: str) -> None:
    plain_page = routine_page(Renderer(kb, lang, "rutiner/socialtjanst/orosanmalan.md"),
                              "orosanmalan")
    assert mark not in plain_page
    page = routine_page(Renderer(_with_unverified_citation(kb), lang,
                                 "rutiner/socialtjanst/orosanmalan.md"), "orosanmalan")
    legal = page[page.index("{ #legal-basis }"):].splitlines()[2]
    assert legal.startswith("- ") and mark in legal


def test_invented_committee_and_unit_are_marked_as_examples(kb: KnowledgeBase) -> None:
    org = kb.organisation
    department = org.departments[0]
    committees = [c.model_copy(update={"example": c.id == department.committee})
                  for c in org.committees]
    units = [u.model_copy(update={"example": True}) for u in department.units]
    departments = [department.model_copy(update={"units": units}), *org.departments[1:]]
    marked = kb.model_copy(update={"organisation": org.model_copy(
        update={"committees": committees, "departments": departments})})
    marked.__dict__.pop("committees", None)  # cached lookups of the unchanged copy
    marked.__dict__.pop("departments", None)
    def head(page: str) -> str:  # committee and units, before the routines and contacts
        return page[:page.index("## The department's routines")]
    before = head(department_page(Renderer(kb, "en"), department.id))
    after = head(department_page(Renderer(marked, "en"), department.id))
    assert "*(example)*" not in before
    committee_line = next(line for line in after.splitlines() if line.startswith("**Committee"))
    assert committee_line.endswith("*(example)*")
    assert after.count("*(example)*") == 1 + len(units)


def test_regional_contacts_are_their_own_scope(kb: KnowledgeBase) -> None:
    national = next(c for c in kb.contacts.values() if c.scope == "national")
    regional = national.model_copy(update={"id": "regionalt", "scope": "regional"})
    with_regional = kb.model_copy(update={"contacts": {**kb.contacts, "regionalt": regional}})
    renderer = Renderer(with_regional, "sv")
    assert [c.id for c in renderer.select_contacts(scope="regional")] == ["regionalt"]
    assert "regionalt" not in [c.id for c in renderer.select_contacts(scope="national")]
