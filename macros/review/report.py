"""The review report of `kb review`: grouped by owner, as text, Markdown or JSON."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from macros.model.catalogue import both, label
from macros.model.core import KnowledgeBase
from macros.model.problems import Problem, Severity
from macros.model.review import ReviewStatus
from macros.model.text import LANGUAGES, Lang
from macros.review.items import ReviewItem

FORMATS = ("text", "markdown", "json")
_ORDER = {ReviewStatus.OVERDUE: 0, ReviewStatus.DUE_SOON: 1, ReviewStatus.CURRENT: 2}


@dataclass(frozen=True)
class Entry:
    item: ReviewItem
    status: ReviewStatus
    days_left: int


@dataclass(frozen=True)
class OwnerGroup:
    owner: str  # role id
    title: dict[Lang, str]
    github: str | None
    entries: list[Entry]


@dataclass(frozen=True)
class ReviewReport:
    today: date
    within_days: int
    include_all: bool
    site_url: str
    groups: list[OwnerGroup] = field(default_factory=list)
    counts: dict[ReviewStatus, int] = field(default_factory=dict)

    @property
    def overdue(self) -> int:
        return self.counts.get(ReviewStatus.OVERDUE, 0)

    def url(self, entry: Entry) -> str:
        return self.site_url.rstrip("/") + "/" + entry.item.path


def build_report(items: list[ReviewItem], kb: KnowledgeBase, today: date, within_days: int,
                 include_all: bool = False) -> ReviewReport:
    counts = dict.fromkeys(ReviewStatus, 0)
    by_owner: dict[str, list[Entry]] = {}
    for item in items:
        status = item.review.status(today, due_soon_days=within_days)
        counts[status] += 1
        if include_all or status is not ReviewStatus.CURRENT:
            entry = Entry(item, status, item.review.days_left(today))
            by_owner.setdefault(item.owner, []).append(entry)
    groups = []
    for owner, entries in by_owner.items():
        role = kb.roles.get(owner)
        titles = {lang: role.title.text(lang) if role else owner for lang in LANGUAGES}
        entries.sort(key=lambda e: (_ORDER[e.status], e.item.review.review_by, e.item.file))
        groups.append(OwnerGroup(owner, titles, role.github if role else None, entries))
    groups.sort(key=lambda g: (min(_ORDER[e.status] for e in g.entries), g.title["sv"]))
    site_url = str(kb.organisation.municipality.site_url)
    return ReviewReport(today, within_days, include_all, site_url, groups, counts)


def report_problems(report: ReviewReport, fail_on_overdue: bool = True) -> list[Problem]:
    """Overdue items as errors (warnings when the policy says so), due-soon ones as warnings:
    one line each, naming the file, line and field to update."""
    problems = []
    for group in report.groups:
        for entry in group.entries:
            item, review_by = entry.item, entry.item.review.review_by.isoformat()
            if entry.status is ReviewStatus.OVERDUE:
                severity = Severity.ERROR if fail_on_overdue else Severity.WARNING
                message = both("rev_overdue", date=review_by, owner=item.owner)
            elif entry.status is ReviewStatus.DUE_SOON:
                severity = Severity.WARNING
                message = both("rev_due_soon", date=review_by, owner=item.owner)
            else:
                continue
            fix = both("rev_fix_last_reviewed" if item.field == "last_reviewed"
                       else "rev_fix_review_by")
            problems.append(Problem(item.file, item.line, item.field, message, fix, severity))
    return problems


def _heading(report: ReviewReport, lang: Lang) -> tuple[str, str, str]:
    title = label("report_title", lang, today=report.today.isoformat())
    scope = (label("report_scope_all", lang) if report.include_all
             else label("report_scope", lang, days=report.within_days))
    counts = label("report_counts", lang, overdue=report.counts[ReviewStatus.OVERDUE],
                   due_soon=report.counts[ReviewStatus.DUE_SOON],
                   current=report.counts[ReviewStatus.CURRENT])
    return title, scope, counts


def _when(entry: Entry, lang: Lang) -> str:
    if entry.days_left < 0:
        return label("days_late", lang, days=-entry.days_left)
    return label("days_left", lang, days=entry.days_left)


def format_text(report: ReviewReport, lang: Lang = "sv") -> str:
    title, scope, counts = _heading(report, lang)
    lines = [title, scope, counts, ""]
    if not report.groups:
        lines.append(label("report_nothing", lang, days=report.within_days))
    for group in report.groups:
        lines.append(f"{group.title[lang]} ({group.owner})")
        for entry in group.entries:
            status = label(f"status_{entry.status.value}", lang).upper()
            kind = label(f"kind_{entry.item.kind}", lang)
            lines.append(f"  {status:<10} {entry.item.review.review_by.isoformat()} "
                         f"({_when(entry, lang)})  {kind}: {_title(entry, lang)}")
            lines.append(f"  {'':<10} {_where(entry)}  {report.url(entry)}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _title(entry: Entry, lang: Lang) -> str:
    return entry.item.title.get(lang) or entry.item.title.get("sv") or entry.item.key


def _where(entry: Entry) -> str:
    line = entry.item.line
    return f"{entry.item.file}:{line}" if line else entry.item.file


_ICON = {ReviewStatus.OVERDUE: "🔴", ReviewStatus.DUE_SOON: "🟡", ReviewStatus.CURRENT: "🟢"}


def _md_escape(text: str) -> str:
    return text.replace("|", "\\|").replace("[", "\\[").replace("]", "\\]")


def markdown_group(report: ReviewReport, group: OwnerGroup, lang: Lang, level: int = 3) -> str:
    mention = f" {group.github}" if group.github else ""
    lines = [f"{'#' * level} {_md_escape(group.title[lang])} (`{group.owner}`){mention}", "",
             f"| {label('col_status', lang)} | {label('col_review_by', lang)} | "
             f"{label('col_what', lang)} | {label('col_file', lang)} |",
             "|---|---|---|---|"]
    for entry in group.entries:
        status = f"{_ICON[entry.status]} {label(f'status_{entry.status.value}', lang)}"
        kind = label(f"kind_{entry.item.kind}", lang)
        lines.append(f"| {status} | {entry.item.review.review_by.isoformat()} "
                     f"({_when(entry, lang)}) | [{_md_escape(_title(entry, lang))}]"
                     f"({report.url(entry)}) ({kind}) | `{_where(entry)}` |")
    return "\n".join(lines)


def format_markdown(report: ReviewReport, lang: Lang = "sv") -> str:
    title, scope, counts = _heading(report, lang)
    parts = [f"## {title}", f"{scope} **{counts}**"]
    if not report.groups:
        parts.append(label("report_nothing", lang, days=report.within_days))
    parts.extend(markdown_group(report, group, lang) for group in report.groups)
    if report.groups:
        parts.append(label("report_howto", lang))
    return "\n\n".join(parts) + "\n"


def to_json(report: ReviewReport) -> dict[str, Any]:
    return {
        "today": report.today.isoformat(),
        "within_days": report.within_days,
        "counts": {status.value: n for status, n in report.counts.items()},
        "owners": [{
            "owner": group.owner,
            "title": group.title,
            "github": group.github,
            "items": [{
                "kind": e.item.kind,
                "key": e.item.key,
                "title": e.item.title,
                "status": e.status.value,
                "last_reviewed": e.item.review.last_reviewed.isoformat(),
                "review_by": e.item.review.review_by.isoformat(),
                "days_left": e.days_left,
                "file": e.item.file,
                "line": e.item.line,
                "url": report.url(e),
            } for e in group.entries],
        } for group in report.groups],
    }


def format_json(report: ReviewReport, lang: Lang = "sv") -> str:
    return json.dumps(to_json(report), ensure_ascii=False, indent=2) + "\n"


FORMATTERS: dict[str, Callable[[ReviewReport, Lang], str]] = {
    "text": format_text, "markdown": format_markdown, "json": format_json,
}
