"""The review notice under every title (macros/build/review_notice.py): its HTML in both languages,
escaped, and where it goes. On every built page: tests/site/test_review_notice.py."""

from __future__ import annotations

from datetime import date

from macros.build.review_notice import insert_after_title, notice_html
from macros.model.review import Review


def test_notice_html_in_both_languages() -> None:
    review = Review("x", date(1990, 1, 31), review_interval_months=1)
    sv = notice_html(review, "Rektor <skola>", "sv")
    assert 'data-kb-review-by="1990-02-28"' in sv
    assert "Granskad <time datetime=\"1990-01-31\">1990-01-31</time>" in sv
    assert "Ansvarig: Rektor &lt;skola&gt;" in sv  # escaped
    assert "hidden>Granskningen är försenad" in sv
    en = notice_html(review, "Head teacher", "en")
    assert "Next review by" in en and "The review is overdue" in en


def test_the_notice_goes_under_the_title() -> None:
    assert insert_after_title("<h1>T</h1><p>x</p>", "<aside/>") == "<h1>T</h1><aside/><p>x</p>"
    assert insert_after_title("<p>x</p>", "<aside/>") == "<aside/><p>x</p>"
