"""Data for the guides around the routines: start-page situations, glossary, training plan."""

from __future__ import annotations

from pydantic import Field

from macros.model.base import Slug, Strict
from macros.model.text import MarkdownText, PlainText

# --- "What do I do if …" on the start page ------------------------------------------------


class Situation(Strict):
    id: Slug
    question: PlainText = Field(description="Ends the sentence 'What do I do if …'.")
    routine: Slug = Field(description="The routine that answers it (id).")
    hint: PlainText | None = Field(default=None, description="One line under the question.")


class SituationsFile(Strict):
    situations: list[Situation] = Field(min_length=1)


# --- glossary -----------------------------------------------------------------------------


class GlossaryTerm(Strict):
    id: Slug
    term: PlainText
    abbreviation: str | None = Field(default=None, pattern=r"^[A-ZÅÄÖ0-9:]{2,12}$")
    definition: MarkdownText
    routines: list[Slug] = Field(default_factory=list, description="Routines to read next.")


class GlossaryFile(Strict):
    terms: list[GlossaryTerm] = Field(min_length=1)


# --- training plan ------------------------------------------------------------------------


class TargetGroup(Strict):
    id: Slug
    name: PlainText
    description: PlainText | None = None


class Course(Strict):
    id: Slug
    title: PlainText
    content: MarkdownText = Field(description="What the course covers.")
    format: PlainText = Field(description="How and how long, e.g. 'E-learning, 2 hours'.")
    organiser: Slug = Field(description="Role (routines/roles.yml) that arranges it.")


class Requirement(Strict):
    group: Slug
    course: Slug
    within_months: int = Field(ge=0, le=36, description="Months from start (0 = before start).")
    repeat_every_months: int | None = Field(default=None, ge=6, le=120)


class TrainingFile(Strict):
    routine: Slug | None = Field(default=None, description="Routine describing the process.")
    groups: list[TargetGroup] = Field(min_length=1)
    courses: list[Course] = Field(min_length=1)
    requirements: list[Requirement] = Field(min_length=1)
