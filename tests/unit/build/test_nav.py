"""Navigation order and grouping (macros/build/nav.py) on the real data, without a build."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from macros.build import nav as nav_module
from macros.build.nav import arrange
from macros.build.pages import generated_pages
from macros.model.core import KnowledgeBase

SOCIAL = "social-och-omsorgskontoret"


def _page(src_uri: str, config: MkDocsConfig) -> Page:
    file = File(src_uri, "/docs", "/site", use_directory_urls=True)
    file.content_string = "---\ntitle: x\n---\n"
    return Page(None, file, config)


def _routines_nav(kb: KnowledgeBase) -> tuple[Navigation, Section]:
    """Rutiner → one section per department → its index page and routine pages, as MkDocs
    makes it from one language's generated files."""
    config = MkDocsConfig()
    config.load_dict({"site_name": "test"})
    departments: dict[str, list[Page]] = {}
    for page in generated_pages(kb):
        parts = page.src_uri.split("/")
        if len(parts) == 3 and parts[0] == "rutiner" and not parts[2].endswith(".en.md"):
            departments.setdefault(parts[1], []).append(_page(page.src_uri, config))
    sections = []
    for department, pages in sorted(departments.items()):
        section = Section(department, sorted(pages, key=lambda p: p.file.src_uri))
        for page in pages:
            page.parent = section
        sections.append(section)
    routines = Section("rutiner", [_page("rutiner/index.md", config), *sections])
    for section in sections:
        section.parent = routines
    pages = [item for section in sections for item in section.children]
    return Navigation([routines], pages), routines


def _department(routines: Section, department: str) -> Section:
    for child in routines.children:
        if isinstance(child, Section) and any(
                getattr(item, "file", None) is not None
                and item.file.src_uri == f"rutiner/{department}/index.md"
                for item in child.children):
            return child
    raise AssertionError(f"no section for {department}")


def test_short_department_lists_stay_flat(repo_kb: KnowledgeBase) -> None:
    nav, routines = _routines_nav(repo_kb)
    arrange(nav, repo_kb, "sv")
    short = [d.id for d in repo_kb.organisation.departments if 1 < len(
        repo_kb.routines_of(d.id)) <= nav_module.UNIT_GROUPS_OVER and d.units]
    assert short, "no department with units and a short list of routines to check"
    for department_id in short:
        department = _department(routines, department_id)
        assert not any(isinstance(child, Section) for child in department.children)


def test_long_department_lists_are_grouped_by_unit(repo_kb: KnowledgeBase,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(nav_module, "UNIT_GROUPS_OVER", 3)
    nav, routines = _routines_nav(repo_kb)
    arrange(nav, repo_kb, "en")
    social = _department(routines, SOCIAL)
    department = repo_kb.departments[SOCIAL]
    groups = [child for child in social.children if isinstance(child, Section)]
    # one group per unit that has routines, in the organisation's order, titled in English
    expected = [unit for unit in department.units
                if any(r.unit == unit.id for r in repo_kb.routines.values()
                       if r.department == SOCIAL)]
    assert [group.title for group in groups] == [unit.name.text("en") for unit in expected]
    # the index page first; every routine exactly once, in its unit, with parents set
    first = social.children[0]
    assert isinstance(first, Page) and first.file.src_uri == f"rutiner/{SOCIAL}/index.md"
    listed = [page for group in groups for page in group.children]
    listed += [c for c in social.children[1:] if isinstance(c, Page)]
    ids = sorted(Path(p.file.src_uri).stem for p in listed)
    assert ids == sorted(r.id for r in repo_kb.routines.values() if r.department == SOCIAL)
    for group, unit in zip(groups, expected, strict=True):
        assert group.parent is social
        for page in group.children:
            assert page.parent is group
            assert repo_kb.routines[Path(page.file.src_uri).stem].unit == unit.id
    # previous/next links follow the grouped order; nav.pages lists every page once
    assert len(nav.pages) == len({id(p) for p in nav.pages})
    assert all(a.next_page is b for a, b in zip(nav.pages, nav.pages[1:], strict=False))
