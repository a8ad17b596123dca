"""Cross-reference checks between validated files: every id used must exist, ids are unique."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field

from macros.model import (
    ContactsFile,
    KnowledgeBase,
    LegalFile,
    MatrixFile,
    OrganisationFile,
    RevisionsFile,
    RolesFile,
    Routine,
)
from macros.problems import Problem
from macros.validation import field_path
from macros.yamlsource import SourceDoc

Loc = tuple[str | int, ...]


@dataclass
class Parsed:
    """What validated, file by file, before cross-references are checked."""

    organisation: tuple[OrganisationFile, SourceDoc] | None = None
    roles: tuple[RolesFile, SourceDoc] | None = None
    contacts: tuple[ContactsFile, SourceDoc] | None = None
    legal: tuple[LegalFile, SourceDoc] | None = None
    revisions: tuple[RevisionsFile, SourceDoc] | None = None
    routines: list[tuple[Routine, SourceDoc]] = field(default_factory=list)
    matrices: list[tuple[MatrixFile, SourceDoc]] = field(default_factory=list)
    invalid_routine_ids: set[str] = field(default_factory=set)
    broken_single: set[str] = field(default_factory=set)

    def build(self) -> KnowledgeBase | None:
        if not (self.organisation and self.roles and self.contacts and self.legal):
            return None
        routines: dict[str, Routine] = {}
        sources: dict[str, str] = {}
        for routine, doc in self.routines:
            routines.setdefault(routine.id, routine)
            sources.setdefault(routine.id, doc.path)
        return KnowledgeBase(
            organisation=self.organisation[0],
            roles={r.id: r for r in self.roles[0].roles},
            contacts={c.id: c for c in self.contacts[0].contacts},
            legal={s.id: s for s in self.legal[0].sources},
            routines=routines,
            matrices={m.id: m for m, _ in self.matrices},
            revisions=list(self.revisions[0].revisions) if self.revisions else [],
            sources=sources,
        )


class _Reporter:
    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def unknown(self, doc: SourceDoc, loc: Loc, value: str, what: str,
                known: Iterable[str], where: str) -> None:
        known = sorted(known)
        close = difflib.get_close_matches(value, known, n=1)
        hint = f"did you mean `{close[0]}`? " if close else ""
        self.problems.append(Problem(
            doc.path, doc.line_of(loc), field_path(loc), f"unknown {what} `{value}`",
            f"{hint}use an id from {where}",
        ))

    def add(self, doc: SourceDoc, loc: Loc, message: str, fix: str = "") -> None:
        self.problems.append(Problem(doc.path, doc.line_of(loc), field_path(loc), message, fix))


def _duplicates(report: _Reporter, doc: SourceDoc, items: Iterable[tuple[Loc, str]],
                what: str) -> None:
    first: dict[str, Loc] = {}
    for loc, value in items:
        if value in first:
            line = doc.line_of(first[value])
            report.add(doc, loc, f"duplicate {what} id `{value}` (first on line {line})",
                       "give each one its own id")
        else:
            first[value] = loc


def check_references(parsed: Parsed) -> list[Problem]:
    report = _Reporter()
    if parsed.organisation is None:
        return report.problems
    org, org_doc = parsed.organisation
    committees = {c.id for c in org.committees}
    departments = {d.id: d for d in org.departments}
    units = {u.id: d.id for d in org.departments for u in d.units}
    org_file = org_doc.path

    _duplicates(report, org_doc, ((("committees", i, "id"), c.id)
                                  for i, c in enumerate(org.committees)), "committee")
    _duplicates(report, org_doc, ((("departments", i, "id"), d.id)
                                  for i, d in enumerate(org.departments)), "department")
    _duplicates(report, org_doc, ((("departments", i, "units", j, "id"), u.id)
                                  for i, d in enumerate(org.departments)
                                  for j, u in enumerate(d.units)), "unit")
    for i, dept in enumerate(org.departments):
        if dept.committee not in committees:
            report.unknown(org_doc, ("departments", i, "committee"), dept.committee,
                           "committee", committees, f"committees in {org_file}")

    def check_unit(doc: SourceDoc, loc: Loc, unit: str | None, department: str) -> None:
        if unit is None or department not in departments:
            return
        if unit not in units:
            report.unknown(doc, loc, unit, "unit", units, f"units in {org_file}")
        elif units[unit] != department:
            report.add(doc, loc, f"unit `{unit}` belongs to `{units[unit]}`, not `{department}`",
                       "use a unit of the same department or change the department")

    def check_department(doc: SourceDoc, loc: Loc, department: str | None) -> None:
        if department is not None and department not in departments:
            report.unknown(doc, loc, department, "department", departments,
                           f"departments in {org_file}")

    roles: set[str] = set()
    if parsed.roles:
        roles_file, doc = parsed.roles
        roles = {r.id for r in roles_file.roles}
        _duplicates(report, doc, ((("roles", i, "id"), r.id)
                                  for i, r in enumerate(roles_file.roles)), "role")
        for i, role in enumerate(roles_file.roles):
            check_department(doc, ("roles", i, "department"), role.department)
            check_unit(doc, ("roles", i, "unit"), role.unit, role.department)

    contacts: set[str] = set()
    if parsed.contacts:
        contacts_file, doc = parsed.contacts
        contacts = {c.id for c in contacts_file.contacts}
        _duplicates(report, doc, ((("contacts", i, "id"), c.id)
                                  for i, c in enumerate(contacts_file.contacts)), "contact")
        for i, contact in enumerate(contacts_file.contacts):
            check_department(doc, ("contacts", i, "department"), contact.department)
            if contact.scope == "internal" and contact.department is None:
                report.add(doc, ("contacts", i, "department"),
                           "an internal contact needs a department",
                           "add `department: <id>` so it is listed on its department's page")

    legal: set[str] = set()
    if parsed.legal:
        legal_file, doc = parsed.legal
        legal = {s.id for s in legal_file.sources}
        _duplicates(report, doc, ((("sources", i, "id"), s.id)
                                  for i, s in enumerate(legal_file.sources)), "legal source")

    routine_ids = {r.id for r, _ in parsed.routines} | parsed.invalid_routine_ids
    first_file: dict[str, str] = {}
    roles_where = "routines/roles.yml"
    contacts_where = "routines/contacts.yml"
    for routine, doc in parsed.routines:
        if routine.id in first_file:
            report.add(doc, ("id",), f"duplicate routine id `{routine.id}` "
                       f"(also in {first_file[routine.id]})", "give each routine its own id")
        else:
            first_file[routine.id] = doc.path
        check_department(doc, ("department",), routine.department)
        folder = doc.path.rsplit("/", 2)[-2] if doc.path.count("/") >= 2 else ""
        if routine.department in departments and folder != routine.department:
            report.add(doc, ("department",), f"the file is in `{folder or 'routines'}/` but the "
                       f"routine belongs to `{routine.department}`",
                       f"move the file to routines/{routine.department}/ or fix `department`")
        check_unit(doc, ("unit",), routine.unit, routine.department)
        if parsed.roles and routine.owner not in roles:
            report.unknown(doc, ("owner",), routine.owner, "owner role", roles, roles_where)
        if parsed.contacts:
            for i, contact in enumerate(routine.contacts):
                if contact not in contacts:
                    report.unknown(doc, ("contacts", i), contact, "contact", contacts,
                                   contacts_where)
        if parsed.legal:
            for i, ref in enumerate(routine.legal_basis):
                if ref.source not in legal:
                    report.unknown(doc, ("legal_basis", i, "source"), ref.source,
                                   "legal source", legal, "routines/legal.yml")
        for i, related in enumerate(routine.related):
            if related == routine.id:
                report.add(doc, ("related", i), "a routine cannot be related to itself",
                           "remove this line")
            elif related not in routine_ids:
                report.unknown(doc, ("related", i), related, "routine", routine_ids,
                               "routines/**/*.yml")
        for i, addition in enumerate(routine.additions):
            check_department(doc, ("additions", i, "department"), addition.department)
            check_unit(doc, ("additions", i, "unit"), addition.unit, addition.department)
            if not routine.municipality_wide:
                report.add(doc, ("additions", i), "additions are only for municipality-wide "
                           "routines", "set `municipality_wide: true` or move the steps")
            for j, contact in enumerate(addition.contacts):
                if parsed.contacts and contact not in contacts:
                    report.unknown(doc, ("additions", i, "contacts", j), contact, "contact",
                                   contacts, contacts_where)

    columns_known = committees | set(departments) | set(units)
    matrix_first: dict[str, str] = {}
    for matrix, doc in parsed.matrices:
        if matrix.id in matrix_first:
            report.add(doc, ("id",), f"duplicate matrix id `{matrix.id}` "
                       f"(also in {matrix_first[matrix.id]})", "give each matrix its own id")
        matrix_first.setdefault(matrix.id, doc.path)
        for i, column in enumerate(matrix.columns):
            if column not in columns_known:
                report.unknown(doc, ("columns", i), column, "column", columns_known,
                               f"committees, departments or units in {org_file}")
        for i, row in enumerate(matrix.rows):
            if row.routine and row.routine not in routine_ids:
                report.unknown(doc, ("rows", i, "routine"), row.routine, "routine",
                               routine_ids, "routines/**/*.yml")
            for column, cell in row.cells.items():
                loc: Loc = ("rows", i, "cells", column)
                if column not in matrix.columns:
                    report.add(doc, loc, f"`{column}` is not one of this matrix's columns",
                               f"use one of: {', '.join(matrix.columns)}")
                if cell.letter not in matrix.legend:
                    report.add(doc, loc, f"letter `{cell.letter}` is not in the legend",
                               f"use one of: {', '.join(matrix.legend)} or add it to `legend`")
                if cell.routine and cell.routine not in routine_ids:
                    report.unknown(doc, (*loc, "routine"), cell.routine, "routine",
                                   routine_ids, "routines/**/*.yml")

    if parsed.revisions:
        revisions, doc = parsed.revisions
        _duplicates(report, doc, ((("revisions", i, "version"), r.version)
                                  for i, r in enumerate(revisions.revisions)), "revision")
        for i, revision in enumerate(revisions.revisions):
            if revision.committee not in committees:
                report.unknown(doc, ("revisions", i, "committee"), revision.committee,
                               "committee", committees, f"committees in {org_file}")
    return report.problems
