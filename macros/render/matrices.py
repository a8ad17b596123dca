"""Responsibility matrices: the whole table, and a view per unit ("what does my unit do").

The whole matrix is an HTML table with Markdown in its cells (md_in_html): row headers, a
region that scrolls on its own (assets/kb/kb.css keeps the header row and the first column
in view), named by the matrix's title. Above it, a link to each of its columns' own page
(works without script): ``ansvar/<id>/`` lists that committee's, department's or unit's
tasks in every matrix, each with its letter and what the letter means — a list that fits a
phone. ``ansvar/`` lists those pages.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from macros.model.catalogue import label
from macros.model.core import KnowledgeBase, MatrixCell, MatrixFile, MatrixRow
from macros.model.markdown import plain
from macros.render.html import BLOCK, attrs, element

if TYPE_CHECKING:
    from macros.render.blocks import Renderer

UNIT_VIEW_DIR = "ansvar"
UNIT_INDEX_SRC = f"{UNIT_VIEW_DIR}/index.md"


def unit_view_src(org_id: str) -> str:
    return f"{UNIT_VIEW_DIR}/{org_id}.md"


def matrix_anchor(matrix_id: str) -> str:
    """The id of a matrix's title on the page that shows it."""
    return f"matrix-{matrix_id}"


def viewed_ids(kb: KnowledgeBase) -> list[str]:
    """Every committee, department and unit that is a column of a matrix, in the
    organisation's order: committees, then each department followed by its units."""
    columns = {column for matrix in kb.matrices.values() for column in matrix.columns}
    order = [c.id for c in kb.organisation.committees]
    for department in kb.organisation.departments:
        order += [department.id, *(u.id for u in department.units)]
    return [ident for ident in order if ident in columns]


def matrices_of(kb: KnowledgeBase, org_id: str) -> list[MatrixFile]:
    return [m for m in kb.matrices.values() if org_id in m.columns]


# --- the whole matrix ----------------------------------------------------------------------

def responsibility_matrix(r: Renderer, matrix: MatrixFile) -> str:
    anchor = matrix_anchor(matrix.id)
    parts = []
    if matrix.description:
        parts.append(r.md(matrix.description))
    parts.append(f"**{r.t(matrix.title)}**\n{{ #{anchor} .kb-matrix__title }}")
    parts.append(unit_picker(r, matrix))
    parts.append(_table(r, matrix, anchor))
    parts.append(f"**{r.label('legend')}**")
    parts.append(legend(r, matrix))
    return "\n\n".join(parts)


def legend(r: Renderer, matrix: MatrixFile) -> str:
    return "\n".join(f"- **{plain(letter)}** – {r.t(text)}"
                     for letter, text in matrix.legend.items())


def unit_picker(r: Renderer, matrix: MatrixFile) -> str:
    """Links to the page of each column of the matrix: a choice that needs no script."""
    items = "\n".join(
        f"- {r.link(r.t(r.kb.org_name(column)), unit_view_src(column))}"
        for column in matrix.columns)
    return "\n".join([f'<div {attrs(class_="kb-unit-picker")} {BLOCK}>', "",
                      label("unit_picker", r.lang), "", items, "",
                      "</div>"])


def _table(r: Renderer, matrix: MatrixFile, anchor: str) -> str:
    columns = [r.t(r.kb.org_name(c)) for c in matrix.columns]
    tasks = [_task(r, row) for row in matrix.rows]
    grid = [[_cell(r, row.cells.get(c), row) for c in matrix.columns] for row in matrix.rows]
    if matrix.transpose:  # the columns (e.g. units) become rows
        first, top = r.label("unit"), tasks
        lines = [(h, [grid[t][c] for t in range(len(tasks))]) for c, h in enumerate(columns)]
    else:
        first, top = r.label("task"), columns
        lines = list(zip(tasks, grid, strict=True))
    heads = element("th", first, scope="col") + "".join(
        element("th", head, scope="col", align="center") for head in top)
    rows = [f"<tr {BLOCK}>" + element("th", head, scope="row")
            + "".join(element("td", value, align="center") for value in values) + "</tr>"
            for head, values in lines]
    region = attrs(class_="kb-scroll kb-matrix", role="region", aria_labelledby=anchor,
                   tabindex="0")
    return "\n".join([
        f"<div {region} {BLOCK}>",
        f"<table {attrs(aria_labelledby=anchor)} {BLOCK}>",
        f"<thead {BLOCK}><tr {BLOCK}>{heads}</tr></thead>",
        f"<tbody {BLOCK}>", *rows, "</tbody>",
        "</table>",
        "</div>",
    ])


def _task(r: Renderer, row: MatrixRow) -> str:
    task = r.t(row.task)
    return r.routine_link_to(task, row.routine) if row.routine else task


def _cell(r: Renderer, value: MatrixCell | None, row: MatrixRow) -> str:
    if value is None:
        return ""
    letter = plain(value.letter)
    target = value.routine or row.routine
    return r.routine_link_to(letter, target) if target else letter


# --- a unit's view -------------------------------------------------------------------------

def unit_page(r: Renderer, org_id: str, matrix_pages: Mapping[str, str]) -> str:
    """What one committee, department or unit does in every matrix: its tasks with their
    letters and what the letters mean. ``matrix_pages``: matrix id → the page showing it."""
    name = r.t(r.kb.org_name(org_id))
    body = [f"# {label('unit_view_title', r.lang, name=name)}", r.label("unit_view_intro")]
    if org_id in r.kb.units:
        department = r.kb.units[org_id][0]
        body.append(label("unit_view_part_of", r.lang,
                          department=r.department_link(r.t(department.name), department.id)))
    elif org_id in r.kb.departments:
        body.append(r.department_link(r.label("unit_view_routines"), org_id))
    for matrix in matrices_of(r.kb, org_id):
        body.append(f"## {r.t(matrix.title)} {{ #{matrix.id} }}")
        tasks = [_unit_task(r, matrix, row, row.cells[org_id])
                 for row in matrix.rows if org_id in row.cells]
        body.append("\n".join(tasks) if tasks else r.label("unit_view_no_tasks"))
        body.append(f"**{r.label('legend')}:** " + ", ".join(
            f"{plain(letter)} – {r.t(text)}" for letter, text in matrix.legend.items()))
        page = matrix_pages.get(matrix.id)
        if page:
            body.append(r.link(r.label("unit_view_whole"), f"{page}#{matrix_anchor(matrix.id)}"))
    body.append(r.link(r.label("unit_view_all"), UNIT_INDEX_SRC))
    return "\n\n".join(body)


def _unit_task(r: Renderer, matrix: MatrixFile, row: MatrixRow, cell: MatrixCell) -> str:
    meaning = r.t(matrix.legend[cell.letter])
    task = r.t(row.task)
    target = cell.routine or row.routine
    if target:
        task = r.routine_link_to(task, target)
    return f"- **{plain(cell.letter)} – {meaning}:** {task}"


def unit_index(r: Renderer) -> str:
    """Every committee, department and unit that has a view, by department."""
    ids = set(viewed_ids(r.kb))
    body = [f"# {r.label('unit_index_title')}", r.label("unit_index_intro")]

    def item(org_id: str, indent: str = "") -> str:
        return f"{indent}- {r.link(r.t(r.kb.org_name(org_id)), unit_view_src(org_id))}"

    committees = [item(c.id) for c in r.kb.organisation.committees if c.id in ids]
    if committees:
        body += [f"## {r.label('unit_index_committees')} {{ #committees }}",
                 "\n".join(committees)]
    lines = []
    for department in r.kb.organisation.departments:
        units = [item(u.id, "    ") for u in department.units if u.id in ids]
        if department.id in ids:
            lines.append(item(department.id))
        elif units:
            lines.append(f"- {r.t(department.name)}")
        lines += units
    if lines:
        body += [f"## {r.label('unit_index_departments')} {{ #departments }}", "\n".join(lines)]
    return "\n\n".join(body)


def unit_links(r: Renderer, department_id: str) -> list[str]:
    """Links to the views of a department and of its units, for the department's page."""
    ids = set(viewed_ids(r.kb))
    department = r.kb.departments[department_id]
    wanted = [department_id, *(u.id for u in department.units)]
    return [r.link(r.t(r.kb.org_name(i)), unit_view_src(i)) for i in wanted if i in ids]
