"""`kb check`: check every data file and page (macros/checks/registry.py)."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

import click

from macros.checks.project import open_project
from macros.checks.registry import check_project
from macros.cli.common import TODAY, as_of
from macros.model.catalogue import both
from macros.model.problems import summary


@click.command("check", short_help="Check every data file and page (macros/checks/registry.py).")
@click.option("--data-dir", default=None, help="Data folder (default: from mkdocs.yml).")
@click.option("--today", type=TODAY, default=None, help="Check dates as of YYYY-MM-DD.")
@click.pass_obj
def check_command(root: Path, data_dir: str | None, today: datetime | None) -> None:
    """Check every data file and page; print each problem on one line; exit 1 on any error."""
    project = open_project(root, data_dir)
    problems = check_project(project, as_of(today))
    for problem in problems:
        click.echo(problem.format())
    if problems:
        click.echo(summary(problems), err=True)
    else:
        count = len(project.kb.routines) if project.kb else 0
        click.echo(both("cli_check_ok", routines=count, pages=len(project.pages.pages)),
                   err=True)
    sys.exit(1 if any(p.is_error for p in problems) else 0)
