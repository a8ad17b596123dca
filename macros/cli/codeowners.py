"""`kb codeowners`: write .github/CODEOWNERS from the owners of routines and pages."""

from __future__ import annotations

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
    path = write_codeowners(project.root, project.kb, project.pages,
                            project.settings.data_dir, project.settings.docs_dir)
    click.echo(both("cli_wrote", path=path.relative_to(project.root).as_posix()))
