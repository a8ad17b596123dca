"""The knowledge base's own content: what the action plan and every department need.

Checks the repository's data and the built site (in both languages), not the code.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pydantic import BaseModel

from macros.model.core import KnowledgeBase
from macros.model.text import MarkdownText, PlainText
from tests.conftest import read

# Every unit the action plan names must own at least one routine of its own.
UNITS_WITH_ROUTINES = {
    "barn-och-unga", "vuxen", "ekonomiskt-bistand", "familjeratt", "socialjour",
    "relationsvaldsteamet", "aldreomsorg", "funktionsstod", "forskola", "grundskola",
    "gymnasium", "elevhalsa", "fritidsgardar", "bibliotek", "hr", "kontaktcenter",
    "samordning-vald",
}
PLAN_CHAPTERS = ["index", "definitioner", "sarskilt-utsatta", "barn-som-upplever-vald",
                 "vald-utovare", "lagstod", "mal", "ansvar", "samverkan", "utbildning",
                 "uppfoljning"]
CASE_FLOW_STEPS = ["Upptäcka", "Fråga om våld", "Bedöma risk", "Anmäla oro för barn", "Skydda",
                   "Stödja", "Följa upp"]


@pytest.fixture
def kb(repo_kb: KnowledgeBase) -> KnowledgeBase:
    return repo_kb


def test_at_least_25_routines_with_every_part(kb: KnowledgeBase) -> None:
    assert len(kb.routines) >= 25
    for routine in kb.routines.values():
        assert routine.steps and routine.contacts and routine.legal_basis, routine.id
        assert routine.related and routine.tags and routine.keywords, routine.id
        assert routine.owner in kb.roles and routine.review.review_by > routine.last_reviewed


def test_every_department_and_named_unit_has_routines(kb: KnowledgeBase) -> None:
    for department in kb.organisation.departments:
        assert kb.routines_of(department.id), department.id
    units = {r.unit for r in kb.routines.values() if r.unit}
    assert units >= UNITS_WITH_ROUTINES, UNITS_WITH_ROUTINES - units


def _texts(value: object) -> list[PlainText | MarkdownText]:
    if isinstance(value, PlainText | MarkdownText):
        return [value]
    if isinstance(value, list | tuple):
        return [t for item in value for t in _texts(item)]
    if isinstance(value, BaseModel):
        return [t for name in type(value).model_fields for t in _texts(getattr(value, name))]
    return []


def test_every_text_exists_in_english(kb: KnowledgeBase) -> None:
    missing = []
    for source in (kb.routines.values(), kb.contacts.values(), kb.legal.values(),
                   kb.roles.values(), kb.tags.values(), kb.matrices.values(), kb.situations,
                   kb.glossary, [kb.training], [kb.organisation], kb.revisions):
        for item in source:
            missing += [t.sv[:60] for t in _texts(item) if not t.en]
    assert not missing, missing


def test_no_page_of_the_english_site_falls_back_to_swedish(real_site: Path) -> None:
    fallback = [str(p.relative_to(real_site)) for p in (real_site / "en").rglob("*.html")
                if "kb-fallback" in p.read_text(encoding="utf-8")
                or "Not yet translated" in p.read_text(encoding="utf-8")]
    assert not fallback


def test_no_private_numbers_only_functions(kb: KnowledgeBase) -> None:
    mobile = re.compile(r"\b07[02369][- ]?\d")
    for contact in kb.contacts.values():
        assert not (contact.phone and mobile.search(contact.phone)), contact.id
    assert all(not r.title.sv[0].isdigit() for r in kb.roles.values())


def test_situations_cover_the_five_the_start_page_must_answer(kb: KnowledgeBase) -> None:
    routines = {s.routine for s in kb.situations}
    assert routines >= {"kollega-berattar-om-vald", "elev-radd-att-ga-hem",
                        "barn-och-unga-nar-vuxen-klient-har-barn",
                        "misstanke-om-hedersrelaterat-fortryck", "medarbetare-utsatt-for-vald"}


def test_start_page_links_each_situation_to_its_routine(real_site: Path,
                                                        kb: KnowledgeBase) -> None:
    for lang, prefix in (("sv", ""), ("en", "en/")):
        html = read(real_site, f"{prefix}index.html")
        for situation in kb.situations:
            routine = kb.routines[situation.routine]
            assert f'href="rutiner/{routine.department}/{routine.id}/"' in html, situation.id
            assert situation.question.text(lang).split("?")[0] in html


@pytest.mark.parametrize("chapter", PLAN_CHAPTERS)
def test_action_plan_chapter_in_both_languages(real_site: Path, chapter: str) -> None:
    path = "handlingsplan/" + ("" if chapter == "index" else f"{chapter}/") + "index.html"
    for prefix in ("", "en/"):
        assert "<h1" in read(real_site, prefix + path)


def test_case_flow_matrix_has_units_as_rows_and_steps_as_columns(real_site: Path) -> None:
    html = read(real_site, "handlingsplan/samverkan/index.html")
    table = html[html.index("<th>Enhet</th>"):]
    table = table[:table.index("</table>")]
    headers = re.findall(r"<th[^>]*>(.*?)</th>", table)
    assert [re.sub(r"<[^>]+>", "", h) for h in headers[1:]] == CASE_FLOW_STEPS
    assert "<td>Relationsvåldsteamet</td>" in table
    assert 'href="../../rutiner/social-och-omsorgskontoret/skyddat-boende/"' in table


def test_training_plan_and_revision_history_are_generated(real_site: Path) -> None:
    training = read(real_site, "handlingsplan/utbildning/index.html")
    assert "Alla nyanställda" in training and "Inom 3 mån. från start" in training
    history = read(real_site, "en/handlingsplan/versioner/index.html")
    assert "KS 2026/58" in history and "<em>(example)</em>" in history


def test_every_legal_source_is_listed_with_the_routines_citing_it(real_site: Path,
                                                                  kb: KnowledgeBase) -> None:
    html = read(real_site, "handlingsplan/lagstod/index.html")
    for source in kb.legal.values():
        assert f'id="{source.id}"' in html
    assert html.count("Används i") >= 7
