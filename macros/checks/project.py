"""One project on disk: its settings, its loaded data and its pages' front matter (the checks
on it: :mod:`macros.checks.registry`)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from macros.load.loader import LoadResult, load
from macros.load.page_meta import PagesResult, load_pages
from macros.load.settings import Settings, read_settings
from macros.model.core import KnowledgeBase
from macros.model.problems import Problem
from macros.model.rules import ReviewPolicy
from macros.review.items import ReviewItem, review_items
from macros.review.report import ReviewReport, build_report, report_problems


@dataclass
class Project:
    root: Path
    settings: Settings
    data: LoadResult
    pages: PagesResult
    problems: list[Problem] = field(default_factory=list)

    @property
    def kb(self) -> KnowledgeBase | None:
        return self.data.kb

    @property
    def docs(self) -> Path:
        return self.root / self.settings.docs_dir

    def review_items(self) -> list[ReviewItem]:
        assert self.kb is not None
        return review_items(self.kb, self.pages, self.settings.data_dir, self.data.documents)


def open_project(root: Path, data_dir: str | None = None) -> Project:
    """Load the data and the pages' front matter; schema and reference problems included."""
    root = root.resolve()
    settings = read_settings(root)
    if data_dir is not None:
        settings = replace(settings, data_dir=data_dir)
    data = load(root, settings.data_dir)
    pages = load_pages(root / settings.docs_dir, root)
    return Project(root, settings, data, pages, [*data.problems, *pages.problems])


def review_report(project: Project, today: date, within: int | None = None,
                  include_all: bool = False) -> tuple[ReviewReport, ReviewPolicy]:
    """The review report as of ``today``; ``within`` defaults to the data's policy."""
    assert project.kb is not None
    policy = project.kb.organisation.review_policy
    days = policy.due_soon_days if within is None else within
    report = build_report(project.review_items(), project.kb, today, days, include_all)
    return report, policy


def review_problems(project: Project, today: date) -> list[Problem]:
    """Overdue and due-soon reviews as problems, by the data's review policy."""
    report, policy = review_report(project, today)
    return report_problems(report, policy.fail_on_overdue)
