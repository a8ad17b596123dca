"""The data model: organisation, roles, contacts, legal sources, routines, matrices, revisions.

Plain pydantic v2, independent of MkDocs. Each top-level ``*File`` model is one kind of YAML
file under ``routines/``; :class:`KnowledgeBase` is the validated whole.
"""

from __future__ import annotations

from datetime import date
from functools import cached_property
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from macros.model.base import Origin, Slug, Strict
from macros.model.errors import text_error
from macros.model.guides import GlossaryTerm, Situation, TrainingFile
from macros.model.review import Review
from macros.model.rules import (
    ReviewPolicy,
    ReviewRule,
    one_review_rule,
    review_of,
    review_order_rule,
)
from macros.model.synonyms import SynonymGroup
from macros.model.text import Keywords, MarkdownText, PlainText, Text, WebAddress

# --- organisation -------------------------------------------------------------------------


class Municipality(Strict):
    name: PlainText
    site_url: WebAddress = Field(description="Public address of this site; used for links.")
    intranet_origins: list[Origin] = Field(
        default_factory=list,
        description="Origins (https://host, no path) of the intranet pages that may show this "
                    "site in a frame; used in the server settings on the embedding page.")
    example: bool = Field(default=False, description="True when the identity is invented.")


class Committee(Strict):
    id: Slug
    name: PlainText
    example: bool = Field(default=False, description="True when the name is invented.")


class Unit(Strict):
    id: Slug
    name: PlainText
    description: MarkdownText | None = None
    example: bool = Field(default=False,
                          description="True when the unit or its place here is invented.")


class Department(Strict):
    id: Slug
    name: PlainText
    committee: Slug = Field(description="Id of the committee (nämnd) the department serves.")
    description: MarkdownText | None = None
    units: list[Unit] = Field(default_factory=list)


class OrganisationFile(Strict):
    municipality: Municipality
    committees: list[Committee] = Field(min_length=1)
    departments: list[Department] = Field(min_length=1)
    overview_review: ReviewRule = Field(
        description="Review of the pages generated from this file (departments, lists)."
    )
    review_policy: ReviewPolicy = Field(default_factory=ReviewPolicy)


# --- roles and contacts -------------------------------------------------------------------


class Role(Strict):
    """A function that owns routines — never a private person."""

    id: Slug
    title: PlainText
    department: Slug
    unit: Slug | None = None
    github: str | None = Field(
        default=None, pattern=r"^@[A-Za-z0-9][A-Za-z0-9-]*(/[A-Za-z0-9._-]+)?$",
        description="GitHub user or team (@org/team) asked to review changes (CODEOWNERS) "
        "and reminded of review dates.",
    )


class RolesFile(Strict):
    roles: list[Role] = Field(min_length=1)


class Contact(Strict):
    id: Slug
    scope: Literal["national", "regional", "internal"]
    name: PlainText
    department: Slug | None = Field(
        default=None, description="Internal contacts: the department they belong to."
    )
    phone: str | None = Field(default=None, pattern=r"^[0-9+][0-9 \-]*[0-9]$")
    email: str | None = Field(default=None, pattern=r"^[^@\s<>]+@[^@\s<>]+\.[a-z]{2,}$")
    web: WebAddress | None = None
    hours: PlainText | None = None
    audience: PlainText | None = Field(default=None, description="Who the contact is for.")
    note: MarkdownText | None = None
    verified_on: date | None = Field(
        default=None, description="When the number and hours were last checked."
    )
    source: WebAddress | None = Field(
        default=None, description="The page the number and hours were checked on."
    )
    example: bool = Field(default=False, description="True when the details are invented.")

    @model_validator(mode="after")
    def _reachable(self) -> Contact:
        if not (self.phone or self.email or self.web):
            raise text_error("contact_unreachable", field="phone")
        return self


class ContactsFile(Strict):
    contacts: list[Contact] = Field(min_length=1)


# --- legal sources ------------------------------------------------------------------------


class LegalSource(Strict):
    id: Slug
    title: PlainText
    url: WebAddress | None = None
    note: MarkdownText | None = None
    caveat: PlainText | None = Field(
        default=None, description="What about the citations of this source is not verified; "
        "said once, on the legal page (citations carry `section_unverified`).")


class LegalFile(Strict):
    sources: list[LegalSource] = Field(min_length=1)


class LegalRef(Strict):
    source: Slug = Field(description="Id of a source in routines/legal.yml.")
    detail: PlainText | None = Field(
        default=None, description="Chapter/section or what the source requires here."
    )
    section_unverified: bool = Field(
        default=False, description="The section number in the act in force is not verified: "
        "the citation gets a short mark; the source's `caveat` explains it once.")


# --- tags ---------------------------------------------------------------------------------


class Tag(Strict):
    id: Slug
    label: PlainText


class TagsFile(Strict):
    tags: list[Tag] = Field(min_length=1)


# --- routines -----------------------------------------------------------------------------


class Addition(Strict):
    """Steps a department adds to a municipality-wide routine (shown under it)."""

    department: Slug
    unit: Slug | None = None
    steps: list[MarkdownText] = Field(min_length=1)
    contacts: list[Slug] = Field(default_factory=list)


class Routine(Strict):
    id: Slug
    title: PlainText
    department: Slug
    unit: Slug | None = None
    municipality_wide: bool = Field(
        default=False, description="Applies in every department (listed on each)."
    )
    audience: PlainText
    owner: Slug = Field(description="Id of a role in routines/roles.yml.")
    adopted_on: date
    decision_ref: Text = Field(min_length=1, description="Decision reference, e.g. SN 2019/45.")
    last_reviewed: date
    review_interval_months: int | None = Field(default=None, ge=1, le=60)
    review_by: date | None = None
    summary: MarkdownText
    steps: list[MarkdownText] = Field(min_length=1)
    contacts: list[Slug] = Field(default_factory=list)
    legal_basis: list[LegalRef] = Field(default_factory=list)
    related: list[Slug] = Field(default_factory=list)
    tags: list[Slug] = Field(default_factory=list, description="Ids from routines/tags.yml.")
    keywords: Keywords | None = Field(
        default=None,
        description="Words staff search with (hedersvåld, misshandel, ...) that should find this.",
    )
    example: bool = Field(default=False, description="True when details are invented.")
    additions: list[Addition] = Field(default_factory=list)

    @model_validator(mode="after")
    def _review_rule(self) -> Routine:
        one_review_rule(self.review_interval_months, self.review_by)
        review_order_rule(self.last_reviewed, self.review_by)
        if self.last_reviewed < self.adopted_on:
            raise text_error("reviewed_before_adopted", field="last_reviewed")
        return self

    @property
    def review(self) -> Review:
        return review_of(self)


# --- responsibility matrices --------------------------------------------------------------


class MatrixCell(Strict):
    letter: Text = Field(min_length=1, max_length=3)
    routine: Slug | None = None


class MatrixRow(Strict):
    task: PlainText
    routine: Slug | None = Field(default=None, description="Routine that carries out the task.")
    cells: dict[Slug, MatrixCell] = Field(
        description="Column id → letter, or {letter, routine}.", min_length=1
    )

    @model_validator(mode="before")
    @classmethod
    def _short_cells(cls, data: Any) -> Any:
        if isinstance(data, dict) and isinstance(data.get("cells"), dict):
            data = dict(data)
            data["cells"] = {
                key: {"letter": value} if isinstance(value, str) else value
                for key, value in data["cells"].items()
            }
        return data


class MatrixFile(Strict):
    id: Slug
    title: PlainText
    description: MarkdownText | None = None
    columns: list[Slug] = Field(
        min_length=1, description="Ids of committees, departments or units."
    )
    legend: dict[Text, PlainText] = Field(min_length=1)
    rows: list[MatrixRow] = Field(min_length=1)
    transpose: bool = Field(
        default=False,
        description="Show the columns (e.g. units) as rows and the tasks as columns.",
    )


# --- plan revisions -----------------------------------------------------------------------


class Revision(Strict):
    version: str = Field(pattern=r"^[0-9A-Za-z][0-9A-Za-z.\-]*$")
    adopted_on: date
    committee: Slug
    decision_ref: Text = Field(min_length=1)
    changes: MarkdownText = Field(description="Summary of what changed (mandatory).")
    example: bool = False


class RevisionsFile(Strict):
    revisions: list[Revision] = Field(min_length=1)


# --- the whole ----------------------------------------------------------------------------


class KnowledgeBase(BaseModel):
    """Every validated document, with lookups by id. Built by :mod:`macros.load.loader`."""

    model_config = ConfigDict(frozen=True)

    organisation: OrganisationFile
    roles: dict[str, Role]
    contacts: dict[str, Contact]
    legal: dict[str, LegalSource]
    tags: dict[str, Tag] = Field(default_factory=dict)
    routines: dict[str, Routine]
    matrices: dict[str, MatrixFile]
    revisions: list[Revision]
    situations: list[Situation] = Field(default_factory=list)
    glossary: list[GlossaryTerm] = Field(default_factory=list)
    training: TrainingFile | None = None
    synonyms: list[SynonymGroup] = Field(default_factory=list)
    sources: dict[str, str] = Field(
        default_factory=dict, description="Routine/matrix id → data file path."
    )

    @cached_property
    def committees(self) -> dict[str, Committee]:
        return {c.id: c for c in self.organisation.committees}

    @cached_property
    def departments(self) -> dict[str, Department]:
        return {d.id: d for d in self.organisation.departments}

    @cached_property
    def units(self) -> dict[str, tuple[Department, Unit]]:
        return {u.id: (d, u) for d in self.organisation.departments for u in d.units}

    def routines_of(self, department_id: str) -> list[Routine]:
        """The department's own routines, sorted by Swedish title."""
        own = [r for r in self.routines.values() if r.department == department_id]
        return sorted(own, key=lambda r: r.title.sv.casefold())

    def shared_routines(self) -> list[Routine]:
        shared = [r for r in self.routines.values() if r.municipality_wide]
        return sorted(shared, key=lambda r: r.title.sv.casefold())

    def org_name(self, any_id: str) -> PlainText | None:
        """Name of a committee, department or unit by id."""
        if any_id in self.committees:
            return self.committees[any_id].name
        if any_id in self.departments:
            return self.departments[any_id].name
        if any_id in self.units:
            return self.units[any_id][1].name
        return None
