"""Guides from data: start-page situations, glossary, training plan, legal sources, revisions,
and the transposed (unit × step) matrix."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import markdown
import pytest
from bs4 import BeautifulSoup

from macros.load.loader import load
from macros.model.core import KnowledgeBase
from macros.render.blocks import Renderer, UnknownReference
from macros.render.guides import (
    glossary,
    legal_sources,
    revision_history,
    situations,
    training_plan,
)


@pytest.fixture
def kb(data_copy: Callable[[], Path]) -> KnowledgeBase:
    result = load(data_copy())
    assert result.kb is not None, result.problems
    return result.kb


def _table(markdown_text: str) -> list[list[str]]:
    rows = [line for line in markdown_text.splitlines() if line.startswith("|")]
    return [[c.strip() for c in row.strip("|").split("|")] for row in rows if "---" not in row]


def test_situations_link_each_question_to_its_routine(kb: KnowledgeBase) -> None:
    out = situations(Renderer(kb, "sv"))
    assert '<div class="grid cards kb-situations" markdown>' in out
    assert ("**[Vad gör jag om jag är orolig för ett barn?]"
            "(rutiner/socialtjanst/orosanmalan.md)**") in out
    assert "Rutin: Orosanmälan om barn" in out


def test_situations_in_english_fall_back_and_say_so(kb: KnowledgeBase) -> None:
    out = situations(Renderer(kb, "en"))
    assert "[What do I do if I am worried about a child?]" in out
    assert '<span lang="sv">något bara finns på svenska?</span>' in out
    assert '!!! note "Not yet translated"' in out


def test_glossary_is_alphabetical_in_the_page_language(kb: KnowledgeBase) -> None:
    sv = glossary(Renderer(kb, "sv"))
    en = glossary(Renderer(kb, "en"))
    assert sv.index("## orosanmälan") < sv.index("## våld i nära relationer (VINR)")
    assert en.index("## report of concern") < en.index("## violence in close relationships")
    assert "## orosanmälan { #orosanmalan }" in sv and "### " not in sv  # h2: under the h1
    assert "*In Swedish: orosanmälan*" in en
    assert "Läs mer: [Orosanmälan om barn](rutiner/socialtjanst/orosanmalan.md)" in sv


def test_training_plan_matrix_says_when_each_group_is_trained(kb: KnowledgeBase) -> None:
    sv = _table(training_plan(Renderer(kb, "sv")))
    assert sv[0] == ["Målgrupp", "[Grundkurs](#course-grund)", "[FREDA](#course-freda)"]
    assert sv[1] == ["**Alla nyanställda**", "Inom 3 mån. från start, sedan vart 3:e år", "–"]
    assert sv[2] == ["**Handläggare**", "Innan man arbetar självständigt",
                     "Inom 6 mån. från start, sedan var 18:e månad"]
    en = _table(training_plan(Renderer(kb, "en")))
    assert en[1][1] == "Within 3 months of starting, then every 3 years"


def test_training_plan_lists_courses_and_links_the_routine(kb: KnowledgeBase) -> None:
    out = training_plan(Renderer(kb, "en"))
    assert "#### Basic course { #course-grund }" in out
    assert "*Online · Organised by: Head of unit, children and young people*" in out
    assert ("How it works: [Report of concern about a child]"
            "(rutiner/socialtjanst/orosanmalan.md)") in out
    assert '<span lang="sv">Handläggare</span>' in out  # missing English group name


def test_training_plan_without_data_is_a_clear_macro_error(kb: KnowledgeBase) -> None:
    bare = kb.model_copy(update={"training": None})
    with pytest.raises(UnknownReference, match=r"routines/training\.yml"):
        training_plan(Renderer(bare, "sv"))


def test_legal_sources_list_where_each_is_cited(kb: KnowledgeBase) -> None:
    out = legal_sources(Renderer(kb, "sv"))
    assert "{ #sol }" in out
    assert "Används i: [Orosanmälan om barn](rutiner/socialtjanst/orosanmalan.md)" in out


def test_revision_history_newest_first_with_example_marks(kb: KnowledgeBase) -> None:
    rows = _table(revision_history(Renderer(kb, "sv")))
    assert rows[0][:4] == ["Version", "Antagen", "Nämnd", "Beslut"]
    dates = [row[1] for row in rows[1:]]
    assert dates == sorted(dates, reverse=True)


def test_transposed_matrix_has_units_as_rows(kb: KnowledgeBase) -> None:
    out = Renderer(kb, "sv", "ansvar.md").responsibility_matrix("flode")
    soup = BeautifulSoup(markdown.markdown(out, extensions=["md_in_html", "attr_list"]),
                         "html.parser")

    def cells(row: Any) -> list[str]:
        return [f"{c.get_text()} → {c.a['href']}" if c.a else c.get_text()
                for c in row.find_all(["th", "td"])]

    rows = [cells(row) for row in soup.find_all("tr")]
    assert rows[0] == ["Enhet", "Upptäcka", "Anmäla → rutiner/socialtjanst/orosanmalan.md"]
    assert rows[1] == ["Barn och unga", "U", "A → rutiner/socialtjanst/orosanmalan.md"]
    assert rows[2] == ["Skolan", "U → rutiner/socialtjanst/orosanmalan.md", ""]
    assert [th["scope"] for th in soup.select("tbody th")] == ["row", "row"]


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_guides_render_to_html_without_raw_yaml_markup(kb: KnowledgeBase, lang: str) -> None:
    renderer = Renderer(kb, lang)
    for block in (situations(renderer), glossary(renderer), training_plan(renderer),
                  legal_sources(renderer), revision_history(renderer)):
        html = markdown.markdown(block, extensions=["tables", "attr_list", "md_in_html",
                                                    "admonition"])
        assert "<script" not in html
        assert "{ #" not in html  # every anchor was consumed by attr_list


def test_a_source_says_once_what_is_not_verified(kb: KnowledgeBase) -> None:
    from macros.model.text import PlainText
    caveat = PlainText(sv="Paragrafen för X är inte kontrollerad.", en="X's section is unchecked.")
    source = kb.legal["sol"].model_copy(update={"caveat": caveat})
    with_caveat = kb.model_copy(update={"legal": {**kb.legal, "sol": source}})
    assert "Ej kontrollerat" not in legal_sources(Renderer(kb, "sv"))
    sv = legal_sources(Renderer(with_caveat, "sv"))
    en = legal_sources(Renderer(with_caveat, "en"))
    assert sv.count("*Ej kontrollerat:* Paragrafen för X är inte kontrollerad.") == 1
    assert "*Not verified:* X's section is unchecked." in en
