"""`kb pr-summary`: check that a pull request's description has a written summary."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import BinaryIO

import click

from macros.checks.pr_summary import OK, TEMPLATE, check_summary


@click.command("pr-summary",
               short_help="Check that a pull request's description has a written summary.")
@click.option("--body-file", required=True, type=click.File("rb"),
              help="The pull request's description; '-' reads it from standard input.")
@click.option("--template", "template_path", type=click.Path(dir_okay=False, path_type=Path),
              default=None,
              help=f"The pull request template [default: ROOT/{TEMPLATE.as_posix()}]; its "
                   "placeholder text does not count as a summary.")
@click.pass_context
def pr_summary_command(ctx: click.Context, body_file: BinaryIO, template_path: Path | None) -> None:
    """Check that a pull request's description has a written summary section; exit 1 if not."""
    body = body_file.read().decode("utf-8", errors="replace")
    root = ctx.obj if isinstance(ctx.obj, Path) else Path(".")
    path = template_path or root / TEMPLATE
    template = path.read_text(encoding="utf-8") if path.is_file() else None
    result = check_summary(body, template)
    if result.ok:
        click.echo(OK)
        return
    click.echo(result.problem)
    sys.exit(1)
