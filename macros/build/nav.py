"""Navigation: section titles and order in the page's language.

Routines follow the organisation data; docs/ pages follow their front matter `order:`.
A department with more than :data:`UNIT_GROUPS_OVER` routines lists them by unit (one
sub-section per unit, in the organisation's order), so no navigation list grows past a screen
or two and each page carries only its own unit's routines (with ``navigation.prune``).
"""

from __future__ import annotations

from mkdocs.structure.nav import Link, Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.utils.meta import get_data

from macros.build.page_title import html_text
from macros.model.catalogue import label
from macros.model.core import KnowledgeBase
from macros.model.markdown import norm_src_uri
from macros.model.text import Lang
from macros.render.blocks import INDEX_SRC
from macros.render.matrices import UNIT_INDEX_SRC

NavItem = Page | Section | Link


def _src(item: NavItem) -> str | None:
    return norm_src_uri(item.file.src_uri) if isinstance(item, Page) else None


def _index_page(section: Section) -> Page | None:
    for child in section.children:
        if isinstance(child, Page) and (_src(child) or "").endswith("index.md"):
            return child
    return None


def _routine_id(item: NavItem) -> str:
    """The routine a generated page shows: rutiner/<department>/<id>.md → <id>."""
    return (_src(item) or "").rsplit("/", 1)[-1].removesuffix(".md")


def _is_index(item: NavItem) -> bool:
    return isinstance(item, Page) and (_src(item) or "").rsplit("/", 1)[-1] == "index.md"


def _front_matter(page: Page) -> dict[str, object]:
    try:
        return get_data(page.file.content_string)[1]
    except (OSError, UnicodeDecodeError):
        return {}


def _front_matter_title(page: Page) -> str | None:
    title = _front_matter(page).get("title")
    return str(title) if title else None


_LAST = 10_000
UNIT_GROUPS_OVER = 20  # routines in one department's list before they are grouped by unit


def _nav_order(item: NavItem) -> int:
    """Front matter `order:` of a page, or of a section's index page; unordered items last."""
    page = _index_page(item) if isinstance(item, Section) else item
    if not isinstance(page, Page):
        return _LAST
    value = _front_matter(page).get("order")
    return value if isinstance(value, int) else _LAST


def _arrange_routines(section: Section, kb: KnowledgeBase, lang: Lang) -> None:
    section.title = html_text(label("routines", lang))
    order = {d.id: i for i, d in enumerate(kb.organisation.departments)}

    def department_of(item: NavItem) -> str:
        index = _index_page(item) if isinstance(item, Section) else None
        return (_src(index) or "").split("/")[1] if index else ""

    def routine_title(item: NavItem) -> str:
        routine = kb.routines.get(_routine_id(item))
        return routine.title.text(lang).casefold() if routine else ""

    for child in section.children:
        department_id = department_of(child)
        if isinstance(child, Section) and department_id in kb.departments:
            child.title = html_text(kb.departments[department_id].name.text(lang))
            child.children.sort(key=lambda item: (not _is_index(item), routine_title(item)))
            _group_by_unit(child, kb, department_id, lang)
    section.children.sort(key=lambda item: (not _is_index(item),
                                            order.get(department_of(item), len(order))))


def _group_by_unit(department: Section, kb: KnowledgeBase, department_id: str,
                   lang: Lang) -> None:
    """Routines of a long department list in one sub-section per unit (see module doc);
    routines without a unit stay directly under the department, before the units."""
    routines = [item for item in department.children if not _is_index(item)
                and _routine_id(item) in kb.routines]
    if len(routines) <= UNIT_GROUPS_OVER:
        return
    units = kb.departments[department_id].units
    by_unit: dict[str, list[NavItem]] = {unit.id: [] for unit in units}
    for item in routines:
        routine = kb.routines[_routine_id(item)]
        if routine.unit in by_unit:
            by_unit[routine.unit].append(item)
    grouped = {id(item) for items in by_unit.values() for item in items}
    children: list[NavItem] = [item for item in department.children if id(item) not in grouped]
    for unit in units:
        items = by_unit[unit.id]
        if not items:
            continue
        group = Section(html_text(unit.name.text(lang)), items)
        group.parent = department
        for item in items:
            item.parent = group
        children.append(group)
    department.children[:] = children


def _title_sections(items: list[NavItem]) -> None:
    """A docs/ folder's section takes the title of its index page (in the page's language)."""
    for item in items:
        if isinstance(item, Section):
            index = _index_page(item)
            title = _front_matter_title(index) if index else None
            if title:
                item.title = title
            _title_sections(item.children)
            item.children.sort(key=lambda child: (not _is_index(child), _nav_order(child)))


def _relink(nav: Navigation) -> None:
    """Previous/next links follow the new order."""
    pages: list[Page] = []

    def walk(items: list[NavItem]) -> None:
        for item in items:
            if isinstance(item, Page):
                pages.append(item)
            elif isinstance(item, Section):
                walk(item.children)

    walk(nav.items)
    for before, after in zip([None, *pages], [*pages, None], strict=True):
        if before is not None:
            before.next_page = after
        if after is not None:
            after.previous_page = before
    nav.pages = pages


def _drop_unit_views(nav: Navigation) -> None:
    """The units' views of the matrices (ansvar/) stay out of the navigation: they are
    reached from the matrices and the department pages (macros/render/matrices.py)."""
    nav.items[:] = [item for item in nav.items
                    if not (isinstance(item, Section) and (index := _index_page(item))
                            and _src(index) == UNIT_INDEX_SRC)]


def arrange(nav: Navigation, kb: KnowledgeBase, lang: Lang) -> None:
    _drop_unit_views(nav)
    routines = next((item for item in nav.items if isinstance(item, Section)
                     and (index := _index_page(item)) is not None and _src(index) == INDEX_SRC),
                    None)
    others = [item for item in nav.items if item is not routines]
    _title_sections(others)
    others.sort(key=lambda item: (_src(item) != "index.md", _nav_order(item)))
    if routines is not None:
        _arrange_routines(routines, kb, lang)
        position = 1 if others and _src(others[0]) == "index.md" else 0
        others.insert(position, routines)
        nav.items[:] = others
    _relink(nav)

