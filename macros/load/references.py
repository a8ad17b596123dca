"""Cross-reference checks between validated files: every id used must exist, ids are unique."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from macros.load.validation import field_path
from macros.load.yamlsource import SourceDoc
from macros.model.catalogue import Phrase, both, catalogue
from macros.model.core import (
    ContactsFile,
    KnowledgeBase,
    LegalFile,
    MatrixFile,
    OrganisationFile,
    RevisionsFile,
    RolesFile,
    Routine,
    TagsFile,
)
from macros.model.guides import GlossaryFile, SituationsFile, TrainingFile
from macros.model.problems import Problem, Severity
from macros.model.refs import Indexed, RoutineRefs
from macros.model.synonyms import SynonymsFile
from macros.model.text import LANGUAGES

Loc = tuple[str | int, ...]


@dataclass
class Parsed:
    """What validated, file by file, before cross-references are checked."""

    organisation: tuple[OrganisationFile, SourceDoc] | None = None
    roles: tuple[RolesFile, SourceDoc] | None = None
    contacts: tuple[ContactsFile, SourceDoc] | None = None
    legal: tuple[LegalFile, SourceDoc] | None = None
    revisions: tuple[RevisionsFile, SourceDoc] | None = None
    tags: tuple[TagsFile, SourceDoc] | None = None
    situations: tuple[SituationsFile, SourceDoc] | None = None
    glossary: tuple[GlossaryFile, SourceDoc] | None = None
    training: tuple[TrainingFile, SourceDoc] | None = None
    synonyms: tuple[SynonymsFile, SourceDoc] | None = None
    routines: list[tuple[Routine, SourceDoc]] = field(default_factory=list)  # valid ones
    routine_refs: list[tuple[RoutineRefs, SourceDoc]] = field(default_factory=list)  # all
    matrices: list[tuple[MatrixFile, SourceDoc]] = field(default_factory=list)

    def build(self) -> KnowledgeBase | None:
        if not (self.organisation and self.roles and self.contacts and self.legal):
            return None
        routines: dict[str, Routine] = {}
        sources: dict[str, str] = {}
        for routine, doc in self.routines:
            routines.setdefault(routine.id, routine)
            sources.setdefault(routine.id, doc.path)
        for matrix, doc in self.matrices:  # a routine's id comes first
            sources.setdefault(matrix.id, doc.path)
        return KnowledgeBase(
            organisation=self.organisation[0],
            roles={r.id: r for r in self.roles[0].roles},
            contacts={c.id: c for c in self.contacts[0].contacts},
            legal={s.id: s for s in self.legal[0].sources},
            tags={t.id: t for t in self.tags[0].tags} if self.tags else {},
            routines=routines,
            matrices={m.id: m for m, _ in self.matrices},
            revisions=list(self.revisions[0].revisions) if self.revisions else [],
            situations=list(self.situations[0].situations) if self.situations else [],
            glossary=list(self.glossary[0].terms) if self.glossary else [],
            training=self.training[0] if self.training else None,
            synonyms=list(self.synonyms[0].groups) if self.synonyms else [],
            sources=sources,
        )


def _noun(what: str) -> Phrase:
    """'owner role' → the catalogue's noun_owner_role, in each language."""
    return Phrase("noun_" + what.replace(" ", "_"))


def _where(key: str, file: str) -> Phrase:
    """Where the known ids are: 'departments in routines/organisation.yml', …"""
    return Phrase(key, file=file)


class _Reporter:
    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def unknown(self, doc: SourceDoc, loc: Loc, value: str, what: str,
                known: Iterable[str], where: str | Phrase) -> None:
        known = sorted(known)
        close = difflib.get_close_matches(value, known, n=1)
        fix = (both("ref_unknown_hint", close=close[0], where=where) if close
               else both("ref_unknown_fix", where=where))
        self.problems.append(Problem(
            doc.path, doc.line_of(loc), field_path(loc),
            both("ref_unknown", what=_noun(what), value=value), fix,
        ))

    def add(self, doc: SourceDoc, loc: Loc, key: str, **values: object) -> None:
        """The catalogue's ``key`` and ``key_fix`` (when it has one) with ``values``."""
        fix = both(f"{key}_fix", **values) if f"{key}_fix" in catalogue() else ""
        self.problems.append(Problem(doc.path, doc.line_of(loc), field_path(loc),
                                     both(key, **values), fix))


def _duplicates(report: _Reporter, doc: SourceDoc, items: Iterable[tuple[Loc, str]],
                what: str) -> None:
    first: dict[str, Loc] = {}
    for loc, value in items:
        if value in first:
            report.add(doc, loc, "ref_duplicate_id", what=_noun(what), value=value,
                       line=doc.line_of(first[value]))
        else:
            first[value] = loc


@dataclass
class _Context:
    """What every check needs: the reporter and the organisation's ids."""

    report: _Reporter
    org_file: str
    committees: set[str]
    departments: set[str]
    units: dict[str, str]  # unit id → department id

    def department(self, doc: SourceDoc, loc: Loc, department: str | None) -> None:
        if department is not None and department not in self.departments:
            self.report.unknown(doc, loc, department, "department", self.departments,
                                _where("where_departments", self.org_file))

    def unit(self, doc: SourceDoc, loc: Loc, unit: str | None, department: str) -> None:
        if unit is None or department not in self.departments:
            return
        if unit not in self.units:
            self.report.unknown(doc, loc, unit, "unit", self.units,
                                _where("where_units", self.org_file))
        elif self.units[unit] != department:
            self.report.add(doc, loc, "ref_wrong_unit", unit=unit, owner=self.units[unit],
                            department=department)

    def ids(self, doc: SourceDoc, key: str, items: list[Any], what: str) -> set[str]:
        """Report duplicate ids in a list of items; return the set of ids."""
        _duplicates(self.report, doc, (((key, i, "id"), item.id)
                                       for i, item in enumerate(items)), what)
        return {item.id for item in items}


def _check_organisation(ctx: _Context, org: OrganisationFile, doc: SourceDoc) -> None:
    ctx.ids(doc, "committees", org.committees, "committee")
    ctx.ids(doc, "departments", org.departments, "department")
    _duplicates(ctx.report, doc, ((("departments", i, "units", j, "id"), u.id)
                                  for i, d in enumerate(org.departments)
                                  for j, u in enumerate(d.units)), "unit")
    for i, dept in enumerate(org.departments):
        if dept.committee not in ctx.committees:
            ctx.report.unknown(doc, ("departments", i, "committee"), dept.committee,
                               "committee", ctx.committees,
                               _where("where_committees", ctx.org_file))


def _check_roles(ctx: _Context, roles: RolesFile, doc: SourceDoc) -> set[str]:
    for i, role in enumerate(roles.roles):
        ctx.department(doc, ("roles", i, "department"), role.department)
        ctx.unit(doc, ("roles", i, "unit"), role.unit, role.department)
    return ctx.ids(doc, "roles", roles.roles, "role")


def _check_contacts(ctx: _Context, contacts: ContactsFile, doc: SourceDoc) -> set[str]:
    for i, contact in enumerate(contacts.contacts):
        ctx.department(doc, ("contacts", i, "department"), contact.department)
        if contact.scope == "internal" and contact.department is None:
            ctx.report.add(doc, ("contacts", i, "department"), "ref_contact_needs_department")
    return ctx.ids(doc, "contacts", contacts.contacts, "contact")


@dataclass
class _Known:
    """Ids other files may refer to; None when that file failed to load (no cascade)."""

    roles: set[str] | None
    contacts: set[str] | None
    legal: set[str] | None
    tags: set[str] | None
    routines: set[str]


def _check_keywords(report: _Reporter, routines: list[tuple[Routine, SourceDoc]]) -> None:
    """A search word should lead to one routine: the same word on two routines is a warning."""
    first: dict[tuple[str, str], str] = {}
    for routine, doc in routines:
        if routine.keywords is None:
            continue
        for lang in LANGUAGES:
            for i, word in enumerate(getattr(routine.keywords, lang)):
                key = (lang, word.casefold())
                other = first.setdefault(key, routine.id)
                if other != routine.id:
                    report.problems.append(Problem(
                        doc.path, doc.line_of(("keywords", lang, i)), f"keywords.{lang}[{i}]",
                        both("ref_keyword_shared", word=word, other=other),
                        both("ref_keyword_shared_fix"), Severity.WARNING))


def check_guides(ctx: _Context, known: _Known, parsed: Parsed) -> None:
    """Situations, glossary and training plan: ids unique, every reference known."""
    if parsed.situations:
        situations, doc = parsed.situations
        ctx.ids(doc, "situations", situations.situations, "situation")
        _check_refs(ctx, doc, ("situations",), _each(situations.situations, "routine"),
                    known.routines, "routine", "routines/**/*.yml", field="routine")
    if parsed.glossary:
        glossary, doc = parsed.glossary
        ctx.ids(doc, "terms", glossary.terms, "term")
        for i, term in enumerate(glossary.terms):
            _check_refs(ctx, doc, ("terms", i, "routines"), list(enumerate(term.routines)),
                        known.routines, "routine", "routines/**/*.yml")
    if parsed.training:
        _check_training(ctx, known, *parsed.training)


def _each(items: list[Any], attribute: str) -> Indexed:
    return [(i, getattr(item, attribute)) for i, item in enumerate(items)]


def _check_training(ctx: _Context, known: _Known, training: TrainingFile,
                    doc: SourceDoc) -> None:
    groups = ctx.ids(doc, "groups", training.groups, "group")
    courses = ctx.ids(doc, "courses", training.courses, "course")
    _check_refs(ctx, doc, ("courses",), _each(training.courses, "organiser"), known.roles,
                "organiser role", "routines/roles.yml", field="organiser")
    if training.routine is not None:
        _check_refs(ctx, doc, (), [("routine", training.routine)], known.routines,
                    "routine", "routines/**/*.yml")
    seen: dict[tuple[str, str], int] = {}
    for i, need in enumerate(training.requirements):
        loc: Loc = ("requirements", i)
        _check_refs(ctx, doc, loc, [("group", need.group)], groups, "group",
                    Phrase("where_groups"))
        _check_refs(ctx, doc, loc, [("course", need.course)], courses, "course",
                    Phrase("where_courses"))
        pair = (need.group, need.course)
        if pair in seen:
            ctx.report.add(doc, loc, "ref_requirement_twice", group=need.group,
                           course=need.course, line=doc.line_of(("requirements", seen[pair])))
        seen.setdefault(pair, i)


def _check_routine(ctx: _Context, known: _Known, routine: RoutineRefs, doc: SourceDoc) -> None:
    report = ctx.report
    ctx.department(doc, ("department",), routine.department)
    folder = doc.path.rsplit("/", 2)[-2] if doc.path.count("/") >= 2 else ""
    if routine.department in ctx.departments and folder != routine.department:
        report.add(doc, ("department",), "ref_wrong_folder", folder=folder or "routines",
                   department=routine.department)
    if routine.department is not None:
        ctx.unit(doc, ("unit",), routine.unit, routine.department)
    if known.roles is not None and routine.owner is not None and routine.owner not in known.roles:
        report.unknown(doc, ("owner",), routine.owner, "owner role", known.roles,
                       "routines/roles.yml")
    _check_refs(ctx, doc, ("contacts",), routine.contacts, known.contacts, "contact",
                "routines/contacts.yml")
    _check_refs(ctx, doc, ("tags",), routine.tags, known.tags, "tag", "routines/tags.yml")
    if known.legal is not None:
        for i, source in routine.legal_sources:
            if source not in known.legal:
                report.unknown(doc, ("legal_basis", i, "source"), source,
                               "legal source", known.legal, "routines/legal.yml")
    for i, related in routine.related:
        if related == routine.id:
            report.add(doc, ("related", i), "ref_related_self")
        elif related not in known.routines:
            report.unknown(doc, ("related", i), related, "routine", known.routines,
                           "routines/**/*.yml")
    for addition in routine.additions:
        loc: Loc = ("additions", addition.index)
        ctx.department(doc, (*loc, "department"), addition.department)
        if addition.department is not None:
            ctx.unit(doc, (*loc, "unit"), addition.unit, addition.department)
        if not routine.municipality_wide:
            report.add(doc, loc, "ref_additions_not_wide")
        _check_refs(ctx, doc, (*loc, "contacts"), addition.contacts, known.contacts,
                    "contact", "routines/contacts.yml")


def _check_refs(ctx: _Context, doc: SourceDoc, loc: Loc, values: Indexed,
                known: set[str] | None, what: str, where: str | Phrase,
                field: str | None = None) -> None:
    """Each (index, id) in ``values`` must be known; ``field`` names the key inside an item."""
    if known is None:  # that file failed to load: its own problems are reported
        return
    for i, value in values:
        if value not in known:
            inner: Loc = (*loc, i, field) if field else (*loc, i)
            ctx.report.unknown(doc, inner, value, what, known, where)


def _check_matrix(ctx: _Context, known: _Known, matrix: MatrixFile, doc: SourceDoc) -> None:
    report = ctx.report
    columns_known = ctx.committees | ctx.departments | set(ctx.units)
    for i, column in enumerate(matrix.columns):
        if column not in columns_known:
            report.unknown(doc, ("columns", i), column, "column", columns_known,
                           _where("where_columns", ctx.org_file))
    for i, row in enumerate(matrix.rows):
        if row.routine and row.routine not in known.routines:
            report.unknown(doc, ("rows", i, "routine"), row.routine, "routine",
                           known.routines, "routines/**/*.yml")
        for column, cell in row.cells.items():
            loc: Loc = ("rows", i, "cells", column)
            if column not in matrix.columns:
                report.problems.append(Problem(
                    doc.path, doc.line_of(loc), field_path(loc),
                    both("ref_not_a_column", column=column),
                    both("fix_use_one_of", choices=", ".join(matrix.columns))))
            if cell.letter not in matrix.legend:
                report.add(doc, loc, "ref_letter_not_in_legend", letter=cell.letter,
                           letters=", ".join(matrix.legend))
            if cell.routine and cell.routine not in known.routines:
                report.unknown(doc, (*loc, "routine"), cell.routine, "routine",
                               known.routines, "routines/**/*.yml")


def _first_file_duplicates(report: _Reporter, items: list[tuple[Any, SourceDoc]],
                           what: str) -> None:
    first: dict[str, str] = {}
    for item, doc in items:
        if item.id is None:
            continue
        if item.id in first:
            report.add(doc, ("id",), "ref_duplicate_file_id", what=_noun(what), value=item.id,
                       file=first[item.id])
        first.setdefault(item.id, doc.path)


def check_references(parsed: Parsed) -> list[Problem]:
    report = _Reporter()
    if parsed.organisation is None:
        return report.problems
    org, org_doc = parsed.organisation
    ctx = _Context(report, org_doc.path, {c.id for c in org.committees},
                   {d.id for d in org.departments},
                   {u.id: d.id for d in org.departments for u in d.units})
    _check_organisation(ctx, org, org_doc)
    known = _Known(
        roles=_check_roles(ctx, *parsed.roles) if parsed.roles else None,
        contacts=_check_contacts(ctx, *parsed.contacts) if parsed.contacts else None,
        legal=ctx.ids(parsed.legal[1], "sources", parsed.legal[0].sources, "legal source")
        if parsed.legal else None,
        tags=ctx.ids(parsed.tags[1], "tags", parsed.tags[0].tags, "tag")
        if parsed.tags else None,
        routines={r.known_as for r, _ in parsed.routine_refs if r.known_as},
    )
    _first_file_duplicates(report, parsed.routine_refs, "routine")
    for refs, doc in parsed.routine_refs:
        _check_routine(ctx, known, refs, doc)
    _first_file_duplicates(report, parsed.matrices, "matrix")
    for matrix, doc in parsed.matrices:
        _check_matrix(ctx, known, matrix, doc)
    check_guides(ctx, known, parsed)
    _check_keywords(report, parsed.routines)
    if parsed.revisions:
        revisions, doc = parsed.revisions
        _duplicates(report, doc, ((("revisions", i, "version"), r.version)
                                  for i, r in enumerate(revisions.revisions)), "revision")
        for i, revision in enumerate(revisions.revisions):
            if revision.committee not in ctx.committees:
                report.unknown(doc, ("revisions", i, "committee"), revision.committee,
                               "committee", ctx.committees,
                               _where("where_committees", ctx.org_file))
    return report.problems
