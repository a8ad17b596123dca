"""Review state of a routine or page: the only place that computes review dates."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum


class ReviewStatus(StrEnum):
    CURRENT = "current"
    DUE_SOON = "due_soon"
    OVERDUE = "overdue"


def add_months(start: date, months: int) -> date:
    """``start`` plus whole months, clamped to the month's last day (31 Jan + 1 = 28/29 Feb)."""
    month_index = start.month - 1 + months
    year = start.year + month_index // 12
    month = month_index % 12 + 1
    day = min(start.day, calendar.monthrange(year, month)[1])
    return date(year, month, day)


@dataclass(frozen=True)
class Review:
    """When something was last reviewed, by whom, and when it must be reviewed again."""

    owner: str
    last_reviewed: date
    review_interval_months: int | None = None
    explicit_review_by: date | None = None

    def __post_init__(self) -> None:
        if (self.review_interval_months is None) == (self.explicit_review_by is None):
            raise ValueError("give exactly one of review_interval_months or review_by")

    @property
    def review_by(self) -> date:
        if self.explicit_review_by is not None:
            return self.explicit_review_by
        assert self.review_interval_months is not None
        return add_months(self.last_reviewed, self.review_interval_months)

    def days_left(self, today: date) -> int:
        """Days from ``today`` to the review-by date (negative when overdue)."""
        return (self.review_by - today).days

    def status(self, today: date, due_soon_days: int = 60) -> ReviewStatus:
        if today > self.review_by:
            return ReviewStatus.OVERDUE
        if today >= self.review_by - timedelta(days=due_soon_days):
            return ReviewStatus.DUE_SOON
        return ReviewStatus.CURRENT
