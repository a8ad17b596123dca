"""`kb codeowners`: write .github/CODEOWNERS from the owners of routines and pages."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from macros.checks.codeowners import write_codeowners
from macros.cli.common import open_or_exit
from macros.model.catalogue import both


@click.command("codeowners",
               short_help="Write .github/CODEOWNERS from the owners of routines and pages.")
@click.pass_obj
def codeowners_command(root: Path) -> None:
    """Write .github/CODEOWNERS from the owners of routines and pages."""
    project = open_or_exit(root)
    assert project.kb is not None
    errors = [p for p in project.problems if p.is_error]
    if errors:  # a routine that fails validation would lose its owner's line
        for problem in errors:
            click.echo(problem.format())
        click.echo(both("codeowners_needs_valid_data", count=len(errors)), err=True)
        sys.exit(1)
    path = write_codeowners(project.root, project.kb, project.pages,
                            project.settings.data_dir, project.settings.docs_dir)
    click.echo(both("cli_wrote", path=path.relative_to(project.root).as_posix()))
