"""The publishing commands of `kb`: `publish` (checks, one strict build, mike deploy) and
`export-site` (the deploy branch as files for a web server)."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

import click

from macros.checks.project import open_project, read_settings
from macros.model.versions import find_revision
from macros.publish.export import ExportError, export_site
from macros.publish.publish import PublishError, PublishOptions, publish


@click.command("publish")
@click.argument("version")
@click.option("--alias", default=None, metavar="ALIAS",
              help="Also publish as ALIAS (e.g. gallande, the version in force) and make it "
                   "the site's default.")
@click.option("--branch", default=None, help="Deploy branch (default: from mkdocs.yml).")
@click.option("--push", "remote", default=None, metavar="REMOTE",
              help="Start from REMOTE's copy of the branch and push to it afterwards.")
@click.option("--allow-dirty", is_flag=True, help="Publish uncommitted changes (trials only).")
@click.option("--today", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="Check review dates as of YYYY-MM-DD.")
@click.pass_obj
def publish_command(root: Path, version: str, alias: str | None, branch: str | None,
                    remote: str | None, allow_dirty: bool, today: datetime | None) -> None:
    """Check everything, build VERSION (a revision in revisions.yml) strictly, and deploy it
    with mike. Any failure stops before the deploy branch is touched."""
    options = PublishOptions(version, alias, branch, remote, allow_dirty,
                             today.date() if today else None)
    try:
        result = publish(root, options, echo=click.echo)
    except PublishError as exc:
        for line in exc.lines:
            click.echo(line, err=True)
        click.echo("Inget publicerades / Nothing was published", err=True)
        sys.exit(1)
    if result.changed:
        click.echo(f"Version {result.version} publicerad i grenen {result.branch} / "
                   f"published to branch {result.branch} ({result.commit})")
    else:
        click.echo(f"Version {result.version} var redan publicerad, oförändrad / was already "
                   f"published, unchanged ({result.branch} {result.commit})")


@click.command("export-site")
@click.argument("target", type=click.Path(path_type=Path))
@click.option("--branch", default=None, help="Deploy branch (default: from mkdocs.yml).")
@click.pass_obj
def export_site_command(root: Path, target: Path, branch: str | None) -> None:
    """Write the published site (every version) to TARGET: a folder, or a .tar.gz file."""
    branch = branch or read_settings(root.resolve()).deploy_branch
    try:
        result = export_site(root.resolve(), branch, target)
    except ExportError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
    versions = ", ".join(result.versions) or "-"
    click.echo(f"{result.target}: {result.files} filer/files, versioner/versions {versions} "
               f"({branch} {result.commit[:12]})")


@click.command("version")
@click.pass_obj
def version_command(root: Path) -> None:
    """Print the newest plan revision in revisions.yml: the version `make publish` builds
    in the publish workflow."""
    project = open_project(root)
    if project.kb is None:
        for problem in project.problems:
            click.echo(problem.format(), err=True)
        sys.exit(1)
    click.echo(find_revision(project.kb, None).version)
