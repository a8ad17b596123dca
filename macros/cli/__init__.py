"""The `kb` command: one module per subcommand in this package (`kb --help` lists them)."""

from __future__ import annotations

from pathlib import Path

import click

from macros.cli.bench import bench_command
from macros.cli.bench_corpus import bench_corpus_command
from macros.cli.check import check_command
from macros.cli.codeowners import codeowners_command
from macros.cli.compare_sites import compare_sites_command
from macros.cli.export_site import export_site_command
from macros.cli.linkcheck import linkcheck_command
from macros.cli.links import links_command
from macros.cli.pr_summary import pr_summary_command
from macros.cli.publish import publish_command
from macros.cli.review import review_command
from macros.cli.review_issues import review_issues_command
from macros.cli.schema import schema_command
from macros.cli.server_config import server_config_command
from macros.cli.stage import stage_command
from macros.cli.successor import successor_group
from macros.cli.version import version_command


@click.group(context_settings={"max_content_width": 120})
@click.option("--root", type=click.Path(file_okay=False, path_type=Path), default=".",
              show_default=True, help="Project folder (the one with mkdocs.yml).")
@click.pass_context
def main(ctx: click.Context, root: Path) -> None:
    """Tools for the routine knowledge base."""
    ctx.obj = root


for _command in (
    compare_sites_command,
    publish_command,
    export_site_command,
    version_command,
    check_command,
    review_command,
    review_issues_command,
    codeowners_command,
    schema_command,
    bench_corpus_command,
    bench_command,
    links_command,
    linkcheck_command,
    pr_summary_command,
    server_config_command,
    stage_command,
    successor_group,
):
    main.add_command(_command)
