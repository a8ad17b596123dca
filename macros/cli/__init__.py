"""The `kb` command: check the data and pages, report review dates, write generated files."""

from __future__ import annotations

import sys
from datetime import date, datetime
from pathlib import Path

import click

from macros.api.schema import stale_schemas, write_schemas
from macros.checks.codeowners import write_codeowners
from macros.checks.project import Project, check_project, open_project, review_report
from macros.cli.bench import bench, bench_corpus
from macros.cli.compare import compare_sites_command
from macros.cli.links import linkcheck, links
from macros.cli.pr import pr_summary
from macros.cli.publish import export_site_command, publish_command, version_command
from macros.cli.server import server_config_command
from macros.cli.stage import stage_command
from macros.cli.successor import successor_group
from macros.model.problems import summary
from macros.review.issues import LABEL, GhCli, GhError, apply, plan
from macros.review.report import FORMATTERS, ReviewReport, report_problems

TODAY = click.DateTime(formats=["%Y-%m-%d"])


def _today(value: datetime | None) -> date:
    return value.date() if value is not None else date.today()


@click.group()
@click.option("--root", type=click.Path(file_okay=False, path_type=Path), default=".",
              show_default=True, help="Project folder (the one with mkdocs.yml).")
@click.pass_context
def main(ctx: click.Context, root: Path) -> None:
    """Tools for the routine knowledge base."""
    ctx.obj = root


def _open(root: Path, data_dir: str | None = None) -> Project:
    """The project, or exit 1 after printing why its data cannot be used."""
    project = open_project(root, data_dir)
    if project.kb is None:
        for problem in project.problems:
            click.echo(problem.format())
        click.echo(f"{summary(project.problems)} — fix these first (`kb check`)", err=True)
        sys.exit(1)
    return project


@main.command()
@click.option("--data-dir", default=None, help="Data folder (default: from mkdocs.yml).")
@click.option("--today", type=TODAY, default=None, help="Check dates as of YYYY-MM-DD.")
@click.pass_obj
def check(root: Path, data_dir: str | None, today: datetime | None) -> None:
    """Check every data file and page; print each problem on one line; exit 1 on any error."""
    project = open_project(root, data_dir)
    problems = check_project(project, _today(today))
    for problem in problems:
        click.echo(problem.format())
    if problems:
        click.echo(summary(problems), err=True)
    else:
        count = len(project.kb.routines) if project.kb else 0
        click.echo(f"OK: {count} routines, {len(project.pages.pages)} pages, no problems",
                   err=True)
    sys.exit(1 if any(p.is_error for p in problems) else 0)


@main.command()
@click.option("--format", "fmt", type=click.Choice(list(FORMATTERS)), default="text",
              show_default=True)
@click.option("--today", type=TODAY, default=None, help="Report as of YYYY-MM-DD.")
@click.option("--within", type=click.IntRange(0, 3650), default=None,
              help="Days ahead that count as due soon (default: review_policy.due_soon_days).")
@click.option("--all", "include_all", is_flag=True, help="List current items too.")
@click.option("--lang", type=click.Choice(["sv", "en"]), default="sv", show_default=True)
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when something is overdue.")
@click.pass_obj
def review(root: Path, fmt: str, today: datetime | None, within: int | None,
           include_all: bool, lang: str, exit_zero: bool) -> None:
    """Review dates grouped by owner; exit 1 when something is overdue."""
    report, fail_on_overdue = _report(root, today, within, include_all)
    click.echo(FORMATTERS[fmt](report, "en" if lang == "en" else "sv"), nl=False)
    errors = [p for p in report_problems(report, fail_on_overdue) if p.is_error]
    for problem in errors:  # on stderr: stdout stays a clean report (JSON, Markdown)
        click.echo(problem.format(), err=True)
    if errors and not exit_zero:
        click.echo(summary(errors), err=True)
        sys.exit(1)


def _report(root: Path, today: datetime | None, within: int | None,
            include_all: bool = False) -> tuple[ReviewReport, bool]:
    report, policy = review_report(_open(root), _today(today), within, include_all)
    return report, policy.fail_on_overdue


@main.command("review-issues")
@click.option("--today", type=TODAY, default=None, help="Report as of YYYY-MM-DD.")
@click.option("--within", type=click.IntRange(0, 3650), default=None,
              help="Days ahead that count as due soon (default: review_policy.due_soon_days).")
@click.option("--dry-run", is_flag=True, help="Print what would change; touch nothing.")
@click.option("--gh", "gh_executable", default="gh", show_default=True, hidden=True)
@click.pass_obj
def review_issues(root: Path, today: datetime | None, within: int | None, dry_run: bool,
                  gh_executable: str) -> None:
    """Open, update or close one GitHub issue per owner with what is overdue or due soon."""
    report, _ = _report(root, today, within)
    tracker = GhCli(gh_executable)
    try:
        actions = plan(report, [] if dry_run else tracker.open_issues(LABEL))
        for action in actions:
            click.echo(action.describe())
        if not dry_run:
            apply(actions, tracker)
    except GhError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)


@main.command()
@click.pass_obj
def codeowners(root: Path) -> None:
    """Write .github/CODEOWNERS from the owners of routines and pages."""
    project = _open(root)
    assert project.kb is not None
    path = write_codeowners(project.root, project.kb, project.pages,
                            project.settings.data_dir, project.settings.docs_dir)
    click.echo(f"wrote {path.relative_to(project.root).as_posix()}")


@main.command()
@click.option("--check", "only_check", is_flag=True, help="Exit 1 if a schema is out of date.")
@click.pass_obj
def schema(root: Path, only_check: bool) -> None:
    """Write the JSON Schemas of the data files to schemas/."""
    if only_check:
        stale = stale_schemas(root)
        for path in stale:
            click.echo(f"{path.relative_to(root).as_posix()}: out of date — run `kb schema`")
        sys.exit(1 if stale else 0)
    for path in write_schemas(root):
        click.echo(f"wrote {path.relative_to(root).as_posix()}")


main.add_command(pr_summary)
main.add_command(links)
main.add_command(linkcheck)
main.add_command(publish_command)
main.add_command(export_site_command)
main.add_command(version_command)
main.add_command(bench_corpus)
main.add_command(bench)
main.add_command(compare_sites_command)
main.add_command(server_config_command)
main.add_command(stage_command)
main.add_command(successor_group)
