"""The knowledge base's own content as the built site shows it, in both languages: the start
page's situations, every chapter of the action plan, the case-flow matrix, the training plan
and revisions, the legal sources with their caveats, the national numbers, and no English page
falling back to Swedish. Checks the repository's content, not the code (tests/README.md)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from macros.model.core import KnowledgeBase
from tests.conftest import read


@pytest.fixture
def kb(repo_kb: KnowledgeBase) -> KnowledgeBase:
    return repo_kb


PLAN_CHAPTERS = ["index", "definitioner", "sarskilt-utsatta", "barn-som-upplever-vald",
                 "vald-utovare", "lagstod", "mal", "ansvar", "samverkan", "utbildning",
                 "uppfoljning"]


CASE_FLOW_STEPS = ["Upptäcka", "Fråga om våld", "Bedöma risk", "Anmäla oro för barn", "Skydda",
                   "Stödja", "Följa upp"]


def test_no_page_of_the_english_site_falls_back_to_swedish(real_site: Path) -> None:
    fallback = [str(p.relative_to(real_site)) for p in (real_site / "en").rglob("*.html")
                if "kb-fallback" in p.read_text(encoding="utf-8")
                or "Not yet translated" in p.read_text(encoding="utf-8")]
    assert not fallback


def test_start_page_links_each_situation_to_its_routine(real_site: Path,
                                                        kb: KnowledgeBase) -> None:
    assert kb.situations
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
    table = html[html.index('<th scope="col">Enhet</th>'):]
    table = table[:table.index("</table>")]
    headers = re.findall(r'<th [^>]*scope="col"[^>]*>(.*?)</th>', table)
    assert [re.sub(r"<[^>]+>", "", h) for h in headers[1:]] == CASE_FLOW_STEPS
    assert '<th scope="row">Relationsvåldsteamet</th>' in table
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


def test_the_legal_page_says_each_caveat_once_and_routines_mark_citations(
        real_site: Path, kb: KnowledgeBase) -> None:
    legal = read(real_site, "handlingsplan/lagstod/index.html")
    with_caveat = [s for s in kb.legal.values() if s.caveat]
    assert len(with_caveat) >= 5
    assert legal.count("<em>Ej kontrollerat:</em>") == len(with_caveat)
    routine = read(real_site, "rutiner/social-och-omsorgskontoret/orosanmalan-barn/index.html")
    assert "paragrafen ej kontrollerad" in routine
    assert "paragrafnumret i den nya lagen är inte kontrollerat" not in routine


NATIONAL_NUMBERS = {  # exactly as in shared/domain/FACTS.md
    "112", "114 14", "020-50 50 50", "010-223 57 60", "020-555 666", "116 006",
    "020-52 10 10", "116 111",
}


def test_national_numbers_are_shown_as_verified_in_facts(real_site: Path,
                                                         kb: KnowledgeBase) -> None:
    national = {c.phone for c in kb.contacts.values() if c.scope == "national" and c.phone}
    assert national >= NATIONAL_NUMBERS
    assert all(not c.example for c in kb.contacts.values() if c.scope == "national")
    html = read(real_site, "kontakter/index.html")
    for number in NATIONAL_NUMBERS:
        assert f">{number}</a>" in html
