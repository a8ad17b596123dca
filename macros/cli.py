"""The `kb` command: check the data, write the JSON Schemas."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from macros.loader import DATA_DIR, load
from macros.problems import Problem, summary
from macros.schema import stale_schemas, write_schemas


@click.group()
@click.option("--root", type=click.Path(file_okay=False, path_type=Path), default=".",
              show_default=True, help="Project folder (the one with mkdocs.yml).")
@click.pass_context
def main(ctx: click.Context, root: Path) -> None:
    """Tools for the routine knowledge base."""
    ctx.obj = root


@main.command()
@click.option("--data-dir", default=DATA_DIR, show_default=True)
@click.pass_obj
def check(root: Path, data_dir: str) -> None:
    """Check every data file; print each problem on one line; exit 1 on any error."""
    result = load(root, data_dir)
    problems = list(result.problems)
    for path in stale_schemas(root):
        problems.append(_stale(root, path))
    for problem in problems:
        click.echo(problem.format())
    errors = [p for p in problems if p.is_error]
    if problems:
        click.echo(summary(problems), err=True)
    else:
        count = len(result.kb.routines) if result.kb else 0
        click.echo(f"OK: {count} routines, no problems", err=True)
    sys.exit(1 if errors else 0)


def _stale(root: Path, path: Path) -> Problem:
    return Problem(path.relative_to(root).as_posix(), None, "",
                   "is out of date with the data model", "run `kb schema`")


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
