"""The review notice under every page's title: when it was reviewed, when it must be reviewed
again, and by whom. The browser compares the review-by date with the reader's today and turns
the notice into a warning once the date has passed (overrides/main.html), so a static page
never claims to be current."""

from __future__ import annotations

import html
import re
from datetime import date

from macros.model.catalogue import label
from macros.model.review import Review
from macros.model.text import Lang

_TITLE_END = re.compile(r"</h1>", re.I)


def notice_html(review: Review, owner_title: str, lang: Lang, *,
                changed: date | None = None, built_on: date | None = None) -> str:
    """The notice; it starts with when the content last changed (``changed``, from git), or
    else with the build date marked as such (``built_on``), or else with neither."""
    review_by = review.review_by.isoformat()
    esc = html.escape
    parts = [
        *_changed_part(changed, built_on, lang),
        label("notice_reviewed", lang, date=_time(review.last_reviewed)),
        label("notice_review_by", lang, date=_time(review.review_by)),
        label("notice_owner", lang, owner=esc(owner_title)),
    ]
    overdue = esc(label("notice_overdue", lang, date=review_by, owner=owner_title))
    return (
        f'<aside class="kb-review" data-kb-review-by="{review_by}" '
        f'aria-label="{esc(label("notice_aria", lang))}">'
        f'<p class="kb-review__dates">{" · ".join(parts)}</p>'
        f'<p class="kb-review__overdue" role="alert" hidden>{overdue}</p>'
        "</aside>"
    )


def _changed_part(changed: date | None, built_on: date | None, lang: Lang) -> list[str]:
    if changed is not None:
        return [label("notice_changed", lang, date=_time(changed))]
    if built_on is not None:
        return [label("notice_built", lang, date=_time(built_on))]
    return []


def _time(day: date) -> str:
    return f'<time datetime="{day.isoformat()}">{day.isoformat()}</time>'


def insert_after_title(content: str, notice: str) -> str:
    """Put the notice right after the page's first heading (or first, if it has none)."""
    match = _TITLE_END.search(content)
    if match is None:
        return notice + content
    return content[: match.end()] + notice + content[match.end():]
