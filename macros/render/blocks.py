"""Blocks generated from the data as Markdown: checklists, contact tables, matrices, links.

Every text from YAML goes through :mod:`macros.model.markdown` escaping. The language of the page
picks the text; a missing English text falls back to Swedish, marked with ``lang="sv"``,
and the block ends with a visible note.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from macros.model.catalogue import label
from macros.model.core import Contact, KnowledgeBase, Routine
from macros.model.markdown import inline, plain, relative_link
from macros.model.text import Lang, MarkdownText, PlainText
from macros.render.contacts import contact_table as contacts_block
from macros.render.matrices import responsibility_matrix as matrix_block

ROUTINES_DIR = "rutiner"
INDEX_SRC = f"{ROUTINES_DIR}/index.md"
TOPICS_SRC = f"{ROUTINES_DIR}/amnen.md"


class UnknownReference(ValueError):
    """A macro was called with an id that is not in the data."""


def routine_src(routine: Routine) -> str:
    return f"{ROUTINES_DIR}/{routine.department}/{routine.id}.md"


def department_src(department_id: str) -> str:
    return f"{ROUTINES_DIR}/{department_id}/index.md"


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

    def routine_link_to(self, text_md: str, routine_id: str) -> str:
        """``text_md`` linked to a routine's page."""
        return self.link(text_md, routine_src(self.routine(routine_id)))

    def department_link(self, text_md: str, department_id: str) -> str:
        return self.link(text_md, department_src(department_id))

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
                      scope: str | None = None, note: bool = True, anchors: bool = False) -> str:
        contacts = self.select_contacts(ids, department, scope)
        if not contacts:
            return self.label("no_contacts")
        table = contacts_block(self, contacts, anchors=anchors)
        return self.with_note(table) if note else table

    # --- responsibility matrix ---------------------------------------------------------
    def responsibility_matrix(self, matrix_id: str) -> str:
        try:
            matrix = self.kb.matrices[matrix_id]
        except KeyError:
            raise UnknownReference(f"unknown matrix `{matrix_id}`; "
                                   "use an id from routines/matrices/*.yml") from None
        return self.with_note(matrix_block(self, matrix))
