"""`kb bench-corpus`: write the benchmark corpus (N synthetic routines besides the real ones)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from macros.cli.common import OUT_DIR
from macros.model.catalogue import both


@click.command("bench-corpus",
               short_help="Write the benchmark corpus (N synthetic routines and ours).")
@click.option("--routines", type=click.IntRange(1, 100_000), default=1000, show_default=True,
              help="Synthetic routines, besides the real ones.")
@click.option("--out", type=OUT_DIR, required=True, help="Folder to write the projects to.")
@click.option("--seed", type=int, default=1, show_default=True)
@click.pass_obj
def bench_corpus_command(root: Path, routines: int, out: Path, seed: int) -> None:
    """Write the benchmark corpus: OUT/ours (our project) and OUT/naive, OUT/naive-prune."""
    from macros.bench.corpus import CorpusError  # imported here: `kb check` starts faster
    from macros.bench.run import prepare

    try:
        prepare(root, out, routines, seed)
    except CorpusError as exc:
        click.echo(f"kb bench-corpus: {exc}", err=True)
        sys.exit(1)
    click.echo(both("cli_corpus_written", out=out, routines=routines),
               err=True)
