"""The review notice under every page's title: when it was reviewed, when it must be reviewed
again, and by whom. The browser compares the review-by date with the reader's today and turns
the notice into a warning once the date has passed (overrides/main.html), so a static page
never claims to be current."""

from __future__ import annotations

import html
import re

from macros.labels import label
from macros.review import Review
from macros.text import Lang

_TITLE_END = re.compile(r"</h1>", re.I)


def notice_html(review: Review, owner_title: str, lang: Lang) -> str:
    reviewed = review.last_reviewed.isoformat()
    review_by = review.review_by.isoformat()
    esc = html.escape
    parts = [
        label("notice_reviewed", lang, date=f'<time datetime="{reviewed}">{reviewed}</time>'),
        label("notice_review_by", lang, date=f'<time datetime="{review_by}">{review_by}</time>'),
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


def insert_after_title(content: str, notice: str) -> str:
    """Put the notice right after the page's first heading (or first, if it has none)."""
    match = _TITLE_END.search(content)
    if match is None:
        return notice + content
    return content[: match.end()] + notice + content[match.end():]
