"""Review dates: one value object, today passed in, age-proof dates."""

from __future__ import annotations

from datetime import date

import pytest

from macros.model.review import Review, ReviewStatus, add_months


@pytest.mark.parametrize(("start", "months", "expected"), [
    (date(1990, 1, 31), 1, date(1990, 2, 28)),
    (date(1992, 1, 31), 1, date(1992, 2, 29)),
    (date(1990, 11, 15), 2, date(1991, 1, 15)),
    (date(1990, 6, 30), 12, date(1991, 6, 30)),
    (date(1990, 3, 1), 60, date(1995, 3, 1)),
])
def test_add_months(start: date, months: int, expected: date) -> None:
    assert add_months(start, months) == expected


def test_review_by_from_interval() -> None:
    review = Review("x", date(1990, 1, 10), review_interval_months=12)
    assert review.review_by == date(1991, 1, 10)


def test_explicit_review_by_wins() -> None:
    assert Review("x", date(1990, 1, 10), explicit_review_by=date(2090, 1, 1)).review_by == \
        date(2090, 1, 1)


@pytest.mark.parametrize(("today", "status"), [
    (date(1990, 6, 1), ReviewStatus.CURRENT),
    (date(1990, 11, 10), ReviewStatus.CURRENT),
    (date(1990, 11, 11), ReviewStatus.DUE_SOON),  # exactly 60 days before the review-by date
    (date(1991, 1, 10), ReviewStatus.DUE_SOON),   # the review-by day itself is not overdue
    (date(1991, 1, 11), ReviewStatus.OVERDUE),
])
def test_status_against_a_fixed_today(today: date, status: ReviewStatus) -> None:
    review = Review("x", date(1990, 1, 10), review_interval_months=12)
    assert review.status(today, due_soon_days=60) is status


def test_exactly_one_rule_is_required() -> None:
    with pytest.raises(ValueError, match="exactly one"):
        Review("x", date(1990, 1, 1))
    with pytest.raises(ValueError, match="exactly one"):
        Review("x", date(1990, 1, 1), 12, date(1991, 1, 1))
