"""`kb successor prepare|finish`: the steps of the successor build around Zensical
(macros/successor/), after `kb stage` and before and after zensical-i18n runs in its own
virtual environment (`make build-successor`)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

_DIR = click.Path(file_okay=False, path_type=Path)


@click.group("successor")
def successor_group() -> None:
    """The successor build (Zensical + zensical-i18n) from the stage."""


@successor_group.command("prepare")
@click.argument("out", type=_DIR)
@click.option("--theme-root", type=_DIR, default=None,
              help="Where overrides/ and overrides-successor/ are (default: the project).")
@click.pass_obj
def prepare_command(root: Path, out: Path, theme_root: Path | None) -> None:
    """Write OUT/sv and OUT/en, one Zensical project per language, from the stage in OUT."""
    from macros.successor.project import prepare

    try:
        projects = prepare(root, out, theme_root)
    except (FileNotFoundError, ValueError) as exc:
        click.echo(f"kb successor prepare: {exc}", err=True)
        sys.exit(1)
    click.echo("wrote " + ", ".join(str(project) for project in projects), err=True)


@successor_group.command("finish")
@click.argument("out", type=_DIR)
@click.argument("site", type=_DIR)
@click.pass_obj
def finish_command(root: Path, out: Path, site: Path) -> None:
    """Put the languages' sites built in OUT together in SITE, with one sitemap and api/."""
    from macros.successor.finish import FinishError, finish

    try:
        finish(root, out, site)
    except (FinishError, FileNotFoundError, ValueError) as exc:
        click.echo(f"kb successor finish: {exc}", err=True)
        sys.exit(1)
    click.echo(f"wrote {site}", err=True)
