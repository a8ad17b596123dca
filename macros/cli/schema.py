"""`kb schema`: write (or check) the JSON Schemas of the data files."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from macros.api.schema import stale_schemas, write_schemas
from macros.model.catalogue import both


@click.command("schema", short_help="Write (or check) the JSON Schemas of the data files.")
@click.option("--check", "only_check", is_flag=True, help="Exit 1 if a schema is out of date.")
@click.pass_obj
def schema_command(root: Path, only_check: bool) -> None:
    """Write the JSON Schemas of the data files to schemas/."""
    if only_check:
        stale = stale_schemas(root)
        for path in stale:
            click.echo(f"{path.relative_to(root).as_posix()}: {both('cli_schema_stale')}")
        sys.exit(1 if stale else 0)
    for path in write_schemas(root):
        click.echo(both("cli_wrote", path=path.relative_to(root).as_posix()))
