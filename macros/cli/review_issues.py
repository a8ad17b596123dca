"""`kb review-issues`: one GitHub issue per owner with what is overdue or due soon."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

import click

from macros.cli.common import TODAY, review_report_of
from macros.model.catalogue import both
from macros.review.issues import LABEL, GhCli, GhError, apply, plan


@click.command("review-issues",
               short_help="One GitHub issue per owner with what is overdue or due soon.")
@click.option("--today", type=TODAY, default=None, help="Report as of YYYY-MM-DD.")
@click.option("--within", type=click.IntRange(0, 3650), default=None,
              help="Days ahead that count as due soon (default: review_policy.due_soon_days).")
@click.option("--dry-run", is_flag=True, help="Print what would change; touch nothing.")
@click.option("--gh", "gh_executable", default="gh", show_default=True, hidden=True)
@click.pass_obj
def review_issues_command(root: Path, today: datetime | None, within: int | None, dry_run: bool,
                  gh_executable: str) -> None:
    """Open, update or close one GitHub issue per owner with what is overdue or due soon."""
    report, _ = review_report_of(root, today, within)
    tracker = GhCli(gh_executable)
    try:
        actions = plan(report, [] if dry_run else tracker.open_issues(LABEL))
        for action in actions:
            click.echo(action.describe())
        if not dry_run:
            apply(actions, tracker)
    except GhError as exc:
        click.echo(both("cli_error", error=exc), err=True)
        sys.exit(2)
