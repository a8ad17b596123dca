"""`kb bench`: build the benchmark corpus with ours and the naive configurations; print it."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from macros.cli.common import OUT_DIR


@click.command("bench",
               short_help="Build the benchmark corpus with ours, naive (and the successor); "
                          "print the table.")
@click.option("--routines", type=click.IntRange(1, 100_000), default=1000, show_default=True,
              help="Synthetic routines, besides the real ones.")
@click.option("--out", type=OUT_DIR, required=True,
              help="Folder of the corpus (written unless there for the same routines).")
@click.option("--pairs", type=click.IntRange(1, 50), default=3, show_default=True,
              help="Rounds of a, b, c (and d) builds.")
@click.option("--seed", type=int, default=1, show_default=True)
@click.option("--json", "json_file", type=click.Path(dir_okay=False, path_type=Path),
              default=None, help="Also write the results to this JSON file.")
@click.option("--markdown", is_flag=True, help="Print the README's table instead.")
@click.option("--successor-venv", type=click.Path(file_okay=False, path_type=Path),
              default=None, help="The successor's virtual environment for (d) "
                                 "[default: .venv-successor in the project, when it is there].")
@click.option("--no-search", is_flag=True,
              help="Do not time the search in Chromium (it needs Chromium and nginx).")
@click.pass_obj
def bench_command(root: Path, routines: int, out: Path, pairs: int, seed: int,
                  json_file: Path | None, markdown: bool, successor_venv: Path | None,
                  no_search: bool) -> None:
    """Build the corpus with ours (a), naive (b) and naive + navigation.prune (c) and, when
    .venv-successor is there, the successor (d: kb stage + Zensical, cold and warm),
    alternating, and print build times, ratios, page and search index sizes, `kb check` and
    `kb links`, and how fast ours's search answers in Chromium, cold (first result, bytes
    before it); exit 1 when ours lacks or adds pages, links or anchors against a build of
    ours without the speed-ups (one language after the other, no navigation.prune)."""
    from macros.bench.corpus import CorpusError  # imported here: `kb check` starts faster
    from macros.bench.report import markdown_table, text_table
    from macros.bench.run import BenchError, run_bench
    from macros.bench.successor import successor_available

    venv = successor_venv or root / ".venv-successor"
    if not successor_available(venv):
        click.echo(f"kb bench: no successor in {venv} (`make install-successor`): "
                   "(d) is left out", err=True)
    try:
        result = run_bench(root, out, routines, pairs, seed, search=not no_search,
                           progress=lambda line: click.echo(line, err=True),
                           successor_venv=venv if successor_available(venv) else None)
    except (CorpusError, BenchError) as exc:
        click.echo(f"kb bench: {exc}", err=True)
        sys.exit(1)
    if json_file is not None:
        json_file.write_text(json.dumps(result.to_json(), indent=2), encoding="utf-8")
    click.echo(markdown_table(result) if markdown else text_table(result), nl=False)
    if result.reference_differences > 0:  # a speed-up changed what staff see
        sys.exit(1)
