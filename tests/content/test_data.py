"""The knowledge base's own content: what the action plan and every department need, in the
repository's data and pages (no build). Checks the repository's content, not the code
(tests/README.md); what the built site shows of it: tests/content/test_pages.py."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from pydantic import BaseModel

from macros.cli import main
from macros.load.loader import data_files, kind_of
from macros.model.core import KnowledgeBase
from macros.model.text import MarkdownText, PlainText
from tests.conftest import ROOT

# Every unit the action plan names must own at least one routine of its own.
UNITS_WITH_ROUTINES = {
    "barn-och-unga", "vuxen", "ekonomiskt-bistand", "familjeratt", "socialjour",
    "relationsvaldsteamet", "aldreomsorg", "funktionsstod", "forskola", "grundskola",
    "gymnasium", "elevhalsa", "fritidsgardar", "bibliotek", "hr", "kontaktcenter",
    "samordning-vald",
}


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


# --- moved here from the site and CLI tests: the repository's data and pages ----------------

REQUIRED_ROUTINES = {  # the three routines the foundation must prove the path with
    "rutinmassiga-fragor-om-vald",
    "orosanmalan-barn",
    "barn-och-unga-nar-vuxen-klient-har-barn",
}


def test_required_routines_exist(kb: KnowledgeBase) -> None:
    assert set(kb.routines) >= REQUIRED_ROUTINES


def test_prose_pages_exist_in_both_languages() -> None:
    swedish = [p for p in sorted((ROOT / "docs").rglob("*.md")) if p.name.count(".") == 1]
    assert len(swedish) > 10
    for page in swedish:
        assert page.with_suffix(".en.md").exists(), f"{page.name} has no English version"


def test_invented_internal_details_are_marked_as_examples(kb: KnowledgeBase) -> None:
    internal = [c for c in kb.contacts.values() if c.scope == "internal"]
    assert internal and all(c.example for c in internal)
    assert all(r.example for r in kb.revisions)


SCHEMA_LINE = re.compile(r"^# yaml-language-server: \$schema=(\S+)$", re.M)


@pytest.mark.parametrize("path", data_files(ROOT / "routines"),
                         ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_data_file_references_its_schema(path: Path) -> None:
    match = SCHEMA_LINE.search(path.read_text(encoding="utf-8"))
    assert match, f"{path}: add `# yaml-language-server: $schema=…` as the first line"
    target = (path.parent / match.group(1)).resolve()
    kind = kind_of(path, ROOT / "routines")
    expected = {"matrix": "matrix", "routine": "routine"}.get(kind, kind)
    assert target == (ROOT / "schemas" / f"{expected}.schema.json").resolve()


def test_check_passes_on_the_repository() -> None:
    result = CliRunner().invoke(main, ["--root", str(ROOT), "check"])
    code, out, err = result.exit_code, result.stdout, result.stderr
    assert code == 0, out
    # Only warnings may remain: the example contacts cannot carry a real verification date.
    assert all(": warning: " in line and "verified" in line for line in out.splitlines()), out
    assert "0 error(s)" in err or err.startswith("OK: ")
