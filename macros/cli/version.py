"""`kb version`: Print the newest plan revision (the version to publish)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from macros.checks.project import open_project
from macros.model.versions import find_revision


@click.command("version", short_help="Print the newest plan revision (the version to publish).")
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
