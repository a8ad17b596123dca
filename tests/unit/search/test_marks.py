"""What Material's search plugin indexes of a generated routine page: the routine's own words,
not what it repeats from the contacts page, the legal chapter or other routines' pages."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import markdown
import pytest
from material.plugins.search.plugin import SearchIndex
from mkdocs.structure.toc import get_toc

from macros.load.loader import load
from macros.render.blocks import Renderer
from macros.render.pages import department_page, routine_index, routine_page, topic_index
from macros.search.compact import drop_empty_items
from macros.search.marks import unindexed_admonition

EXTENSIONS = ["admonition", "attr_list", "md_in_html", "tables", "toc", "pymdownx.tasklist"]


@pytest.fixture
def renderer(data_copy: Callable[[], Path]) -> Callable[[str, str], Renderer]:
    project = data_copy()
    legal = project / "routines" / "legal.yml"
    legal.write_text(legal.read_text(encoding="utf-8").replace(
        "en: Social Services Act (2025:400)}",
        "en: Social Services Act (2025:400)}\n    note: {sv: Gäller sedan 2025., en: In force.}"),
        encoding="utf-8")
    routine = project / "routines" / "socialtjanst" / "orosanmalan.yml"
    routine.write_text(routine.read_text(encoding="utf-8").replace(
        "  - source: sol\n",
        "  - source: sol\n    detail: {sv: 10 kap. 1 §, en: Chapter 10 section 1}\n"
        "keywords: {sv: [anmälningsplikt], en: [duty to report]}\n"), encoding="utf-8")
    result = load(project)
    assert result.kb is not None, result.problems

    def make(lang: str, src: str) -> Renderer:
        assert result.kb is not None
        return Renderer(result.kb, lang, src)  # type: ignore[arg-type]  # lang: Lang
    return make


def indexed(body: str, url: str = "rutiner/x/") -> dict[str, dict[str, Any]]:
    """Material's index entries for a page with this Markdown, by location."""
    md = markdown.Markdown(extensions=EXTENSIONS)
    html = md.convert(body)
    page = SimpleNamespace(meta={}, content=html, toc=get_toc(md.toc_tokens),
                           url=url, title="Titel")
    index = SearchIndex()
    index.add_entry_from_context(page)
    return {entry["location"]: entry for entry in drop_empty_items(index.entries)}


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_routine_is_indexed_by_its_own_words(renderer: Callable[[str, str], Renderer],
                                               lang: str) -> None:
    r = renderer(lang, "rutiner/socialtjanst/orosanmalan.md")
    entries = indexed(routine_page(r, "orosanmalan"))
    addition = "tillagg-for-skolan" if lang == "sv" else "additional-steps-for-schools"
    assert set(entries) == {"rutiner/x/", "rutiner/x/#steps", f"rutiner/x/#{addition}",
                            "rutiner/x/#legal-basis", "rutiner/x/#about"}  # no contacts, related
    page = entries["rutiner/x/"]["text"]
    assert ("utan dröjsmål" if lang == "sv" else "without delay") in page  # the summary
    assert "Exempel" not in page and "Example" not in page  # the example-data notice
    assert ("direkt" if lang == "sv" else "at once") in entries["rutiner/x/#steps"]["text"]
    legal = entries["rutiner/x/#legal-basis"]["text"]
    assert ("Socialtjänstlag" if lang == "sv" else "Social Services Act") in legal
    assert ("10 kap. 1 §" if lang == "sv" else "Chapter 10 section 1") in legal
    assert "2025." not in legal and "In force" not in legal  # the source's note
    about = entries["rutiner/x/#about"]["text"]
    assert ("Alla anställda" if lang == "sv" else "All employees") in about
    assert "SN 2019/1" in about  # the decision can be searched for
    assert "2026-01-10" not in about and "2027-01-10" not in about  # review dates
    assert "anmälningsplikt" not in about and "duty to report" not in about  # = page's tags
    assert "<li></li>" not in about


def test_overview_pages_leave_routine_lists_to_the_routines(
        renderer: Callable[[str, str], Renderer]) -> None:
    index = indexed(routine_index(renderer("sv", "rutiner/index.md")), "rutiner/")
    assert list(index) == ["rutiner/"]
    department = indexed(department_page(renderer("sv", "rutiner/socialtjanst/index.md"),
                                         "socialtjanst"), "rutiner/socialtjanst/")
    assert "rutiner/socialtjanst/#routines" not in department
    assert "rutiner/socialtjanst/#contacts" not in department
    topics = indexed(topic_index(renderer("sv", "rutiner/amnen.md")), "rutiner/amnen/")
    assert topics["rutiner/amnen/#orosanmalan"]["title"] == "Orosanmälan"  # the topic stays
    assert "Orosanmälan om barn" not in topics["rutiner/amnen/#orosanmalan"]["text"]


def test_the_example_notice_is_the_admonition_html() -> None:
    """Same HTML as ``!!! warning "T"`` once Material has removed the attribute."""
    admonition = markdown.markdown('!!! warning "A & B"\n\n    x < y', extensions=["admonition"])
    ours = markdown.markdown(unindexed_admonition("warning", "A & B", "x < y"))
    assert ours.replace(' data-search-exclude="true"', "") == admonition
