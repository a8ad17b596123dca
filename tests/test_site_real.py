"""Integration: the repository's own site, built once, strict, in both languages."""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.loader import load
from macros.model import KnowledgeBase
from macros.render import routine_src
from tests.conftest import ROOT, read

REQUIRED_ROUTINES = {  # the three routines the foundation must prove the path with
    "rutinmassiga-fragor-om-vald",
    "orosanmalan-barn",
    "barn-och-unga-nar-vuxen-klient-har-barn",
}


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    result = load(ROOT)
    assert result.ok and result.kb is not None, [p.format() for p in result.problems]
    return result.kb


def html_path(src: str, lang: str) -> str:
    prefix = "" if lang == "sv" else f"{lang}/"
    stem = src.removesuffix(".md")
    return prefix + (stem.removesuffix("index") if stem.endswith("index") else stem + "/") + \
        "index.html"


def test_required_routines_exist(kb: KnowledgeBase) -> None:
    assert set(kb.routines) >= REQUIRED_ROUTINES


def test_every_routine_has_a_page_in_both_languages(real_site: Path, kb: KnowledgeBase) -> None:
    for routine in kb.routines.values():
        for lang in ("sv", "en"):
            html = read(real_site, html_path(routine_src(routine), lang))
            assert routine.title.text(lang).split(" – ")[0] in html
            assert 'class="task-list"' in html


def test_every_department_has_a_page_in_both_languages(real_site: Path,
                                                       kb: KnowledgeBase) -> None:
    for department in kb.organisation.departments:
        for lang in ("sv", "en"):
            html = read(real_site, html_path(f"rutiner/{department.id}/index.md", lang))
            assert department.name.text(lang) in html


def test_shared_routine_is_listed_on_every_department_page(real_site: Path,
                                                            kb: KnowledgeBase) -> None:
    for department in kb.organisation.departments:
        html = read(real_site, html_path(f"rutiner/{department.id}/index.md", "sv"))
        assert "rutinmassiga-fragor-om-vald/" in html, department.id


def test_prose_pages_exist_in_both_languages(real_site: Path) -> None:
    for page in sorted((ROOT / "docs").rglob("*.md")):
        if page.name.count(".") == 1:
            assert page.with_suffix(".en.md").exists(), f"{page.name} has no English version"


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


def test_invented_internal_details_are_marked_as_examples(kb: KnowledgeBase) -> None:
    internal = [c for c in kb.contacts.values() if c.scope == "internal"]
    assert internal and all(c.example for c in internal)
    assert all(r.example for r in kb.revisions)
