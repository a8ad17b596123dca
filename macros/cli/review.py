"""`kb review`: review dates grouped by owner."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

import click

from macros.cli.common import TODAY, review_report_of
from macros.model.problems import summary
from macros.review.report import FORMATTERS, report_problems


@click.command("review", short_help="Review dates grouped by owner.")
@click.option("--format", "fmt", type=click.Choice(list(FORMATTERS)), default="text",
              show_default=True)
@click.option("--today", type=TODAY, default=None, help="Report as of YYYY-MM-DD.")
@click.option("--within", type=click.IntRange(0, 3650), default=None,
              help="Days ahead that count as due soon (default: review_policy.due_soon_days).")
@click.option("--all", "include_all", is_flag=True, help="List current items too.")
@click.option("--lang", type=click.Choice(["sv", "en"]), default="sv", show_default=True)
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when something is overdue.")
@click.pass_obj
def review_command(root: Path, fmt: str, today: datetime | None, within: int | None,
           include_all: bool, lang: str, exit_zero: bool) -> None:
    """Review dates grouped by owner; exit 1 when something is overdue."""
    report, fail_on_overdue = review_report_of(root, today, within, include_all)
    click.echo(FORMATTERS[fmt](report, "en" if lang == "en" else "sv"), nl=False)
    errors = [p for p in report_problems(report, fail_on_overdue) if p.is_error]
    for problem in errors:  # on stderr: stdout stays a clean report (JSON, Markdown)
        click.echo(problem.format(), err=True)
    if errors and not exit_zero:
        click.echo(summary(errors), err=True)
        sys.exit(1)
