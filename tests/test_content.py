"""The knowledge base's own content: what the action plan and every department need.

Checks the repository's data and the built site (in both languages), not the code.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from pydantic import BaseModel

from macros.model.core import KnowledgeBase
from macros.model.text import MarkdownText, PlainText
from tests.conftest import ROOT, read

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


# --- second content round (issue 19) ------------------------------------------------------

# National contacts not yet verified, each for a stated reason; the list may only shrink.
NOT_YET_VERIFIED = {
    "stodtelefon-heder",  # moved to Jämställdhetsmyndigheten on 1 Jan 2026: verify first
    "unizon", "roks",  # web addresses only, not checked against a page
}
RESERVED_MAIL_DOMAINS = ("example.org", "example.com", "example.net")
RESERVED_MAIL_TLDS = (".example", ".invalid", ".test")
MAIL = re.compile(r"[\w.+-]+@([\w-]+(?:\.[\w-]+)+)")


def test_every_department_has_its_own_occasions_for_routine_questions(
        kb: KnowledgeBase) -> None:
    questions = kb.routines["rutinmassiga-fragor-om-vald"]
    with_occasions = {a.department for a in questions.additions}
    assert with_occasions == set(kb.departments), set(kb.departments) - with_occasions
    for addition in questions.additions:  # when staff ask, and to whom they pass it
        text = " ".join(step.sv for step in addition.steps).casefold()
        assert any(w in text for w in ("när", "tillfälle", "samtal")), addition.department
        assert any(c in kb.contacts for c in addition.contacts), addition.department


def _reserved(domain: str) -> bool:
    domain = domain.casefold()
    return domain in RESERVED_MAIL_DOMAINS or domain.endswith(RESERVED_MAIL_TLDS)


@pytest.mark.parametrize(("domain", "reserved"), [
    ("upplandsvasby.example", True), ("example.org", True), ("exempel.invalid", True),
    ("upplandsvasby.se", False), ("vasbyhem.se", False), ("example.se", False)])
def test_reserved_mail_domains(domain: str, reserved: bool) -> None:
    assert _reserved(domain) is reserved


def test_no_invented_mailbox_uses_a_real_domain(kb: KnowledgeBase) -> None:
    addresses = [c.email for c in kb.contacts.values() if c.email]
    assert addresses
    for contact in kb.contacts.values():
        if contact.email:
            assert contact.example, f"{contact.id}: a real mailbox must be checked, not invented"
    for path in [*(ROOT / "routines").rglob("*.yml"), *(ROOT / "docs").rglob("*.md")]:
        for match in MAIL.finditer(path.read_text(encoding="utf-8")):
            assert _reserved(match.group(1)), f"{path.relative_to(ROOT)}: {match.group(0)}"


def test_every_national_contact_says_when_and_where_it_was_verified(kb: KnowledgeBase) -> None:
    outside = [c for c in kb.contacts.values() if c.scope != "internal"]
    assert {c.id for c in outside} >= NOT_YET_VERIFIED
    for contact in outside:
        if contact.id in NOT_YET_VERIFIED:
            assert contact.verified_on is None and contact.source is None, contact.id
        else:
            assert contact.verified_on and contact.source, contact.id
    dates = {c.verified_on for c in outside if c.verified_on}
    sources = [str(c.source) for c in outside if c.source]
    assert len(sources) >= 7 and all(s.startswith(("https://", "http://")) for s in sources)
    assert dates and all(d <= date.today() for d in dates)


def test_glossary_names_the_police_for_assumed_identity(kb: KnowledgeBase) -> None:
    term = next(t for t in kb.glossary if t.id == "skyddade-personuppgifter")
    sv = term.definition.sv
    assert "fingerade" in sv and "Polismyndigheten beslutar om fingerade personuppgifter" in sv
    assert "Skatteverket beslutar om skyddet" not in sv
    assert "Police Authority decides on assumed identity" in (term.definition.en or "")


def test_freda_danger_assessment_is_only_named_for_partner_violence(kb: KnowledgeBase) -> None:
    for routine_id in ("aldre-utsatta-for-vald", "funktionsnedsattning-och-vald"):
        steps = " ".join(s.sv for s in kb.routines[routine_id].steps)
        assert "med FREDA," not in steps and "bedömning med FREDA" not in steps
        assert "FREDA-farlighetsbedömning" in steps and "partner" in steps, routine_id


def test_a_child_who_witnesses_violence_is_named_injured_party_of_barnfridsbrott(
        kb: KnowledgeBase) -> None:
    for routine_id in ("barn-som-upplevt-vald", "barn-och-unga-nar-vuxen-klient-har-barn"):
        routine = kb.routines[routine_id]
        assert "barnfridsbrott" in routine.summary.sv, routine_id
        assert any(ref.source == "brottsbalken" and ref.detail and "4 kap. 3 §" in ref.detail.sv
                   for ref in routine.legal_basis), routine_id


def test_unit_names_in_english_texts_match_the_organisation() -> None:
    from macros.checks.project import open_project
    from macros.checks.unit_names import misnamed_units_in_data, misnamed_units_in_pages
    project = open_project(ROOT)
    assert project.kb is not None
    problems = misnamed_units_in_data(project.kb, project.data.documents)
    problems += misnamed_units_in_pages(project.kb, ROOT / "docs", ROOT)
    assert [p.format() for p in problems] == []


def test_the_unverified_section_caveat_is_said_once_per_source(kb: KnowledgeBase) -> None:
    caveat = re.compile(r"paragrafnumret i den nya lagen är inte kontrollerat|"
                        r"section number in the new Act has not been checked", re.IGNORECASE)
    for routine in kb.routines.values():
        for ref in routine.legal_basis:
            detail = f"{ref.detail.sv} {ref.detail.en}" if ref.detail else ""
            assert not caveat.search(detail), routine.id
            if "SoL (2001:453)" in detail:
                assert ref.section_unverified, routine.id
    assert kb.legal["socialtjanstlagen"].caveat is not None


def test_the_legal_page_says_each_caveat_once_and_routines_mark_citations(
        real_site: Path, kb: KnowledgeBase) -> None:
    legal = read(real_site, "handlingsplan/lagstod/index.html")
    with_caveat = [s for s in kb.legal.values() if s.caveat]
    assert len(with_caveat) >= 5
    assert legal.count("<em>Ej kontrollerat:</em>") == len(with_caveat)
    routine = read(real_site, "rutiner/social-och-omsorgskontoret/orosanmalan-barn/index.html")
    assert "paragrafen ej kontrollerad" in routine
    assert "paragrafnumret i den nya lagen är inte kontrollerat" not in routine
