"""`kb export-site`: write every published version to a folder or .tar.gz for the web server."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from macros.load.settings import read_settings
from macros.model.catalogue import both
from macros.publish.export import ExportError, export_site


@click.command("export-site",
               short_help="Write every published version to a folder or .tar.gz for IT.")
@click.argument("target", type=click.Path(path_type=Path))
@click.option("--branch", default=None, help="Deploy branch (default: from mkdocs.yml).")
@click.pass_obj
def export_site_command(root: Path, target: Path, branch: str | None) -> None:
    """Write the published site (every version) to TARGET: a folder, or a .tar.gz file."""
    branch = branch or read_settings(root.resolve()).deploy_branch
    try:
        result = export_site(root.resolve(), branch, target)
    except ExportError as exc:
        click.echo(both("cli_error", error=exc), err=True)
        sys.exit(1)
    versions = ", ".join(result.versions) or "-"
    click.echo(both("cli_exported", target=result.target, files=result.files, versions=versions,
                    branch=branch, commit=result.commit[:12]))
