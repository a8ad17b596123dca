"""`kb publish`: check, build once (strict) and deploy a version with mike."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

import click

from macros.model.catalogue import both
from macros.publish.publish import PublishError, PublishOptions, publish


@click.command("publish", short_help="Check, build once (strict) and deploy a version with mike.")
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
        click.echo(both("cli_nothing_published"), err=True)
        sys.exit(1)
    if result.changed:
        click.echo(both("cli_published", version=result.version, branch=result.branch,
                        commit=result.commit))
    else:
        click.echo(both("cli_already_published", version=result.version, branch=result.branch,
                        commit=result.commit))
