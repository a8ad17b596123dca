"""The public JSON files under `api/` (routines, contacts, pages) as pydantic models.

These models are the contract with intranet widgets: their JSON Schemas are generated from
them (:mod:`macros.api.schema`, committed under ``schemas/api/`` and published at
``api/schemas/``). They are separate from the data model (:mod:`macros.model.core`) so that an
internal change does not silently change the public files.

Rules of the format (version 1): every field is always present (``null`` when there is no
value); text in both languages is ``{"sv": …, "en": …}`` with ``en`` null when there is no
English text; dates are ``YYYY-MM-DD``. New fields may be added within a version; a field
removed, renamed or changed in meaning raises ``version``.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from macros.model.text import Lang

FORMAT_VERSION = 1


class _Public(BaseModel):
    # Every field is written, defaults too: the schema lists them all as required.
    model_config = ConfigDict(frozen=True, populate_by_name=True,
                              json_schema_serialization_defaults_required=True)


class Text(_Public):
    """Text in Swedish and English."""

    sv: str = Field(description="Swedish (always present).")
    en: str | None = Field(description="English; null when there is none (the site then "
                                       "shows the Swedish text with a note).")

    def get(self, lang: Lang) -> str:
        """The text in ``lang``, Swedish when there is no English."""
        return self.en if lang == "en" and self.en else self.sv


class Localized(_Public):
    """One value per language of the site."""

    sv: str
    en: str

    def get(self, lang: Lang) -> str:
        return self.en if lang == "en" else self.sv


class OrgRef(_Public):
    """A department or unit: its id and name."""

    id: str
    name: Text


class RoleRef(_Public):
    """A role (a function, never a person): its id and title."""

    id: str
    title: Text


class TagRef(_Public):
    """A topic: its id and label."""

    id: str
    label: Text


class RoutineEntry(_Public):
    """One routine. `summary` is inline Markdown (emphasis and links, never HTML); the other
    texts are plain text."""

    id: str
    title: Text
    summary: Text = Field(description="Inline Markdown: *emphasis*, **strong** and "
                                      "[links](https://…); never HTML.")
    department: OrgRef = Field(description="The department that owns the routine.")
    unit: OrgRef | None = Field(description="The unit within the department, if any.")
    municipality_wide: bool = Field(description="Applies in every department.")
    audience: Text = Field(description="Who the routine is for (plain text).")
    owner: RoleRef = Field(description="The role responsible for the routine.")
    adopted_on: date
    decision_ref: str = Field(description="Reference of the decision, e.g. SN 2019/45.")
    last_reviewed: date
    review_by: date = Field(description="When the routine must be reviewed again.")
    last_changed: date | None = Field(
        description="Date of the last commit that changed the routine's data file; null "
                    "when unknown (a build without git history).")
    tags: list[TagRef]
    url: Localized = Field(description="Absolute address of the routine's page per language.")
    path: Localized = Field(description="The page's path relative to the site's root.")
    contacts: list[str] = Field(description="Ids of entries in contacts.json.")
    example: bool = Field(description="True when details (e.g. the decision) are invented.")


class ContactEntry(_Public):
    """A contact: a national or regional service or one of the municipality's functions
    (never a private person)."""

    id: str
    scope: Literal["national", "regional", "internal"]
    name: Text
    department: OrgRef | None = Field(description="Internal contacts: their department.")
    phone: str | None
    email: str | None = Field(description="A shared mailbox, never a person's address.")
    web: str | None = Field(description="Absolute address of the contact's web page.")
    hours: Text | None = Field(description="Opening hours (plain text).")
    audience: Text | None = Field(description="Who the contact is for (plain text).")
    note: Text | None = Field(description="Inline Markdown, never HTML.")
    verified_on: date | None = Field(description="When the number and hours were last "
                                                 "checked.")
    source: str | None = Field(description="The page the number and hours were checked on.")
    example: bool = Field(description="True when the details are invented.")


class PageRecord(_Public):
    """One built page of the site, in one language."""

    title: str
    url: str = Field(description="Absolute address, from the site's address.")
    path: str = Field(description="Path relative to the site's root, e.g. en/rutiner/skola/.")
    lang: Lang
    owner: str = Field(description="Id of the role responsible for the page.")
    owner_title: str = Field(description="The role's title in the page's language.")
    last_reviewed: date
    review_by: date
    source: str = Field(description="The file in the repository to edit.")
    last_changed: date | None = Field(
        default=None, description="Date of the last commit touching the source; null when "
                                  "unknown.")


class _Export(_Public):
    schema_: str = Field(alias="$schema", description="Address of this file's JSON Schema, "
                                                      "relative to this file.")
    version: Literal[1] = Field(description="Format version; raised on incompatible changes.")
    generated: date = Field(description="The day the site was built.")


class RoutinesExport(_Export):
    """`api/routines.json`: every routine with its owner, review dates and page addresses."""

    routines: list[RoutineEntry]


class ContactsExport(_Export):
    """`api/contacts.json`: every contact shown on the site."""

    contacts: list[ContactEntry]


class PagesExport(_Export):
    """`api/pages.json`: every page of the site per language, with owner and review-by date."""

    pages: list[PageRecord]
