"""Blocks generated from the data as Markdown: checklists, contact tables, matrices, links.

Every text from YAML goes through :mod:`macros.model.markdown` escaping. The language of the page
picks the text; a missing English text falls back to Swedish, marked with ``lang="sv"``,
and the block ends with a visible note.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

from macros.model.catalogue import label
from macros.model.core import Contact, KnowledgeBase, MatrixCell, Routine
from macros.model.markdown import cell, inline, plain, relative_link, tel_href
from macros.model.text import Lang, MarkdownText, PlainText

ROUTINES_DIR = "rutiner"
INDEX_SRC = f"{ROUTINES_DIR}/index.md"
TOPICS_SRC = f"{ROUTINES_DIR}/amnen.md"


class UnknownReference(ValueError):
    """A macro was called with an id that is not in the data."""


def routine_src(routine: Routine) -> str:
    return f"{ROUTINES_DIR}/{routine.department}/{routine.id}.md"


def department_src(department_id: str) -> str:
    return f"{ROUTINES_DIR}/{department_id}/index.md"


def _url(url: object) -> str:
    return quote(str(url), safe=":/?#@!$&'*+,;=%~")


@dataclass
class Renderer:
    kb: KnowledgeBase
    lang: Lang
    page_src: str = "index.md"
    fell_back: bool = False

    # --- text --------------------------------------------------------------------------
    def t(self, value: PlainText | None) -> str:
        if value is None:
            return ""
        text, fell_back = value.get(self.lang)
        return self._mark(plain(text), fell_back)

    def md(self, value: MarkdownText | None) -> str:
        if value is None:
            return ""
        text, fell_back = value.get(self.lang)
        return self._mark(inline(text), fell_back)

    def _mark(self, markdown: str, fell_back: bool) -> str:
        if fell_back:
            self.fell_back = True
            return f'<span lang="sv">{markdown}</span>'
        return markdown

    def label(self, key: str, **values: object) -> str:
        return plain(label(key, self.lang, **values))

    def fallback_note(self) -> str:
        """A visible note when any English text fell back to Swedish (else empty)."""
        if not self.fell_back:
            return ""
        title = label("fallback_title", self.lang)
        return f'!!! note "{title}"\n\n    {self.label("fallback_body")}\n'

    def with_note(self, block: str) -> str:
        note = self.fallback_note()
        return f"{block}\n\n{note}" if note else block

    # --- links -------------------------------------------------------------------------
    def link(self, text_md: str, target_src: str) -> str:
        return f"[{text_md}]({relative_link(self.page_src, target_src)})"

    def routine(self, routine_id: str) -> Routine:
        try:
            return self.kb.routines[routine_id]
        except KeyError:
            raise UnknownReference(
                f"unknown routine `{routine_id}`; use an id from routines/**/*.yml"
            ) from None

    def routine_link(self, routine_id: str) -> str:
        routine = self.routine(routine_id)
        return self.link(self.t(routine.title), routine_src(routine))

    # --- checklist ---------------------------------------------------------------------
    def checklist_items(self, steps: Iterable[MarkdownText]) -> str:
        return "\n".join(f"- [ ] {self.md(step)}" for step in steps)

    def checklist(self, routine_id: str, additions: bool = True) -> str:
        """The routine's steps as a task list, then each department's additional steps."""
        routine = self.routine(routine_id)
        parts = [self.checklist_items(routine.steps)]
        if additions:
            for addition in routine.additions:
                parts.append(f"**{self.addition_heading(addition.department, addition.unit)}**")
                parts.append(self.checklist_items(addition.steps))
        return self.with_note("\n\n".join(parts))

    def addition_heading(self, department_id: str, unit_id: str | None) -> str:
        name = self.t(self.kb.org_name(unit_id or department_id))
        return label("additions_for", self.lang, name=name)

    # --- contacts ----------------------------------------------------------------------
    def select_contacts(self, ids: Iterable[str] = (), department: str | None = None,
                        scope: str | None = None) -> list[Contact]:
        ids = list(ids)
        unknown = [i for i in ids if i not in self.kb.contacts]
        if unknown:
            raise UnknownReference(f"unknown contact(s) {', '.join(unknown)}; "
                                   "use ids from routines/contacts.yml")
        if department is not None and department not in self.kb.departments:
            raise UnknownReference(f"unknown department `{department}`; "
                                   "use an id from routines/organisation.yml")
        if scope not in (None, "national", "regional", "internal"):
            raise UnknownReference(f"scope `{scope}` must be national, regional or internal")
        chosen = [self.kb.contacts[i] for i in ids]
        if department is not None or scope is not None or not ids:
            chosen += [c for c in self.kb.contacts.values()
                       if c not in chosen
                       and (department is None or c.department == department)
                       and (scope is None or c.scope == scope)]
        return chosen

    def contact_table(self, ids: Iterable[str] = (), department: str | None = None,
                      scope: str | None = None, note: bool = True) -> str:
        contacts = self.select_contacts(ids, department, scope)
        if not contacts:
            return self.label("no_contacts")
        heads = ["contact_name", "phone", "email_web", "hours", "for_whom", "verified"]
        rows = ["| " + " | ".join(self.label(h) for h in heads) + " |",
                "|" + "---|" * len(heads)]
        for contact in contacts:
            rows.append("| " + " | ".join(cell(c) for c in self._contact_cells(contact)) + " |")
        table = "\n".join(rows)
        return self.with_note(table) if note else table

    def _contact_cells(self, contact: Contact) -> list[str]:
        name = f"**{self.t(contact.name)}**"
        if contact.example:
            name += f" *({self.label('example_mark')})*"
        if contact.note:
            name += f"<br>{self.md(contact.note)}"
        phone = f"[{plain(contact.phone)}]({tel_href(contact.phone)})" if contact.phone else ""
        reach = []
        if contact.email:
            reach.append(f"[{plain(contact.email)}](mailto:{_url(contact.email)})")
        if contact.web:
            host = urlsplit(str(contact.web)).netloc.removeprefix("www.")
            reach.append(f"[{plain(host)}]({_url(contact.web)})")
        verified = (contact.verified_on.isoformat() if contact.verified_on
                    else f"*{self.label('not_verified')}*")
        return [name, phone, "<br>".join(reach), self.t(contact.hours),
                self.t(contact.audience), verified]

    # --- responsibility matrix ---------------------------------------------------------
    def responsibility_matrix(self, matrix_id: str) -> str:
        try:
            matrix = self.kb.matrices[matrix_id]
        except KeyError:
            raise UnknownReference(f"unknown matrix `{matrix_id}`; "
                                   "use an id from routines/matrices/*.yml") from None
        headers = [self.t(self.kb.org_name(c)) for c in matrix.columns]
        tasks: list[str] = []
        grid: list[list[str]] = []  # grid[task][column]
        for row in matrix.rows:
            task = self.t(row.task)
            if row.routine:
                task = self.link(task, routine_src(self.routine(row.routine)))
            tasks.append(task)
            grid.append([self._matrix_cell(row.cells.get(c), row.routine)
                         for c in matrix.columns])
        if matrix.transpose:  # the columns (e.g. units) become rows
            first, top = self.label("unit"), tasks
            lines = [[h, *(grid[t][c] for t in range(len(tasks)))]
                     for c, h in enumerate(headers)]
        else:
            first, top = self.label("task"), headers
            lines = [[task, *grid[t]] for t, task in enumerate(tasks)]
        rows = ["| " + " | ".join(cell(h) for h in [first, *top]) + " |",
                "|---|" + ":---:|" * len(top)]
        rows += ["| " + " | ".join(cell(v) for v in line) + " |" for line in lines]
        legend = "\n".join(f"- **{plain(letter)}** – {self.t(text)}"
                           for letter, text in matrix.legend.items())
        parts = ["\n".join(rows), f"**{self.label('legend')}**", legend]
        if matrix.description:
            parts.insert(0, self.md(matrix.description))
        return self.with_note("\n\n".join(parts))

    def _matrix_cell(self, value: MatrixCell | None, row_routine: str | None) -> str:
        if value is None:
            return ""
        letter = plain(value.letter)
        target = value.routine or row_routine
        return self.link(letter, routine_src(self.routine(target))) if target else letter
