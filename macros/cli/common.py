"""What the `kb` commands share: the date option, opening the project (or exiting with its
problems), the built site's folder, and where a report's summary goes."""

from __future__ import annotations

import sys
from datetime import date, datetime
from pathlib import Path

import click

from macros.checks.project import Project, open_project, review_report
from macros.links.internal import Site, load_site
from macros.links.report import Format
from macros.model.catalogue import both
from macros.model.problems import summary
from macros.review.report import ReviewReport

TODAY = click.DateTime(formats=["%Y-%m-%d"])


SITE_DIR = click.Path(exists=True, file_okay=False, path_type=Path)


OUT_DIR = click.Path(file_okay=False, path_type=Path)


def as_of(value: datetime | None) -> date:
    return value.date() if value is not None else date.today()


def open_or_exit(root: Path, data_dir: str | None = None) -> Project:
    """The project, or exit 1 after printing why its data cannot be used."""
    project = open_project(root, data_dir)
    if project.kb is None:
        for problem in project.problems:
            click.echo(problem.format())
        click.echo(f"{summary(project.problems)} — {both('cli_fix_first')}", err=True)
        sys.exit(1)
    return project


def review_report_of(root: Path, today: datetime | None, within: int | None,
                     include_all: bool = False) -> tuple[ReviewReport, bool]:
    report, policy = review_report(open_or_exit(root), as_of(today), within, include_all)
    return report, policy.fail_on_overdue


def load_built_site(site_dir: Path) -> Site:
    site = load_site(site_dir)
    if not site.pages:
        click.echo(both("no_pages", site=site_dir), err=True)
        sys.exit(2)
    return site


def echo_summary(line: str, fmt: Format) -> None:
    """The one-line summary goes to stderr, apart from a text report (as `kb check`)."""
    if fmt == "text":
        click.echo(line, err=True)

