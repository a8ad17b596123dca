"""Review metadata shared by the organisation's overview pages and the Markdown pages.

Routines carry the same four fields (owner, last_reviewed, review_interval_months or
review_by); :func:`one_review_rule` is the one rule all of them follow. Dates themselves are
computed only by :class:`macros.model.review.Review`.
"""

from __future__ import annotations

from datetime import date
from typing import Protocol

from pydantic import BaseModel, ConfigDict, Field, model_validator

from macros.model.base import Slug, Strict
from macros.model.errors import text_error
from macros.model.review import Review
from macros.model.text import Text

REVIEW_FIELDS = ("owner", "last_reviewed", "review_interval_months", "review_by")


def one_review_rule(interval: int | None, review_by: date | None) -> None:
    if (interval is None) == (review_by is None):
        raise text_error("review_one_rule", field="review_interval_months")


def review_order_rule(last_reviewed: date, review_by: date | None) -> None:
    """A review cannot have happened after the date it was due by: one of the two is a typo."""
    if review_by is not None and last_reviewed > review_by:
        raise text_error("reviewed_after_due", field="last_reviewed",
                         reviewed=last_reviewed.isoformat(), due=review_by.isoformat())


class HasReviewFields(Protocol):
    @property
    def owner(self) -> str: ...
    @property
    def last_reviewed(self) -> date: ...
    @property
    def review_interval_months(self) -> int | None: ...
    @property
    def review_by(self) -> date | None: ...


def review_of(item: HasReviewFields) -> Review:
    """The :class:`Review` of anything with the four review fields."""
    return Review(
        owner=item.owner,
        last_reviewed=item.last_reviewed,
        review_interval_months=item.review_interval_months,
        explicit_review_by=item.review_by,
    )


class _ReviewFields(BaseModel):
    owner: Slug = Field(description="Id of the role in routines/roles.yml that reviews this.")
    last_reviewed: date
    review_interval_months: int | None = Field(default=None, ge=1, le=60)
    review_by: date | None = Field(default=None, description="Instead of an interval.")

    @model_validator(mode="after")
    def _one_rule(self) -> _ReviewFields:
        one_review_rule(self.review_interval_months, self.review_by)
        review_order_rule(self.last_reviewed, self.review_by)
        return self

    @property
    def review(self) -> Review:
        return review_of(self)


class ReviewRule(_ReviewFields, Strict):
    """Who reviews the pages generated from the organisation data, and when."""


class PageSearch(Strict):
    """A page's ``search`` settings in its front matter (Material's field, read by our search
    too)."""

    exclude: bool = Field(default=False, description="Leave the page out of the search.")
    boost: float = Field(
        default=1.0, gt=0, le=10,
        description="The page's results' weight: below 1 ranks it under the routines that "
                    "match as well (pages for the coordinator and IT use 0.5).",
    )


class PageMeta(_ReviewFields):
    """Front matter of a Markdown page in docs/: the review fields are required, other keys
    (order, tags, hide, …) belong to MkDocs and Material."""

    model_config = ConfigDict(extra="allow", frozen=True)

    title: Text | None = None
    search: PageSearch | None = None


class ReviewPolicy(Strict):
    due_soon_days: int = Field(
        default=60, ge=0, le=365,
        description="`kb review` warns this many days before a review-by date.",
    )
    fail_on_overdue: bool = Field(
        default=True, description="`kb review` exits 1 (CI fails) when anything is overdue.",
    )
